"""Text normalisation shared by the classifier and the retrievers."""

from __future__ import annotations

import re
from functools import lru_cache

from agents.cues import normalise
from agents.own_data import asks_to_give_a_role

# For the help-centre and guide search only: the intent model was fitted on normalise() as it is, so
# these stay out of it. Ways customers ask what the help centre words otherwise, sharing no word with it.
# "Does https cost extra?", "is there an extra charge for SSL?": whether it is included, which is how
# the entries put it ("is https included", "is tls free"); "cost" alone would find the plans' prices.
_COSTS_EXTRA = re.compile(
    r"\b(?:costs?|charge|pay|paying) (?:me |us |you |anything |something )?(?:extra|additional)\b"
    r"|\b(?:an |any )?(?:extra|additional|separate) (?:costs?|charge|fees?|price)\b"
)
# "Annual billing", "billed annually", "an annual plan": paying yearly, as the help centre says it.
_SEARCH_WORDS = {"annual": "yearly", "annually": "yearly", "year": "yearly", "years": "yearly",
                 # "Why is my app asleep?" (the entry on sleeping apps at 0.46, below the writer's floor).
                 "asleep": "sleep"}
# "Sign up for the business plan", "subscribe to pro": moving to that plan, which the help centre calls upgrading (a
# visitor signing up for an account names no plan).
_SIGN_UP_FOR_A_PLAN = re.compile(r"\b(?:sign up|subscribe|register) (?:for|to) (?:the |a )?(free|pro|business)\b")
# "Can I have more than one region?", "can my app run in multiple regions?": several regions at once, as the help
# centre's entry on regions says it (which plan may). Not "how do I deploy to multiple regions?": the entry says which
# plan may, not how, and no guide does (the knowledge base's uncovered topic of several regions).
_SEVERAL_REGIONS = re.compile(r"\b(?:more than one|a second|an extra|an additional|multiple) regions?\b")
_HOW = re.compile(r"\bhow\b")
# "I'd like to cancel" (the cancellation entry at 0.08) is "I want to cancel" (0.99), as the entries' phrasings put it.
_WOULD_LIKE_TO = re.compile(r"\b(?:i'd|id|i would) (?:like|love) to\b")
_BILLED_YEARLY = re.compile(r"\byearly (?:bill|billing|plan|subscription|payment|charge)s?\b"
                            r"|\b(?:bill|billing|charge|paid|payment)s? yearly\b"
                            # "Change my plan to yearly", "go yearly": paying yearly, asked as a change.
                            r"|\b(?:switch|change|move|go|convert)(?: \w+){0,3}? (?:to |on )?(?:an? )?yearly\b")




def search_normalise(text: str) -> str:
    """normalise(), then the wordings the help centre words otherwise mapped onto its words (for search)."""
    text = _SIGN_UP_FOR_A_PLAN.sub(r"upgrade to \1", _COSTS_EXTRA.sub("included", normalise(text)))
    text = _WOULD_LIKE_TO.sub("i want to", text)
    if not _HOW.search(text):
        text = _SEVERAL_REGIONS.sub("several regions", text)
    if asks_to_give_a_role(text):
        # "Promote dana to admin", "make me an admin": a role on the team, which the help centre words as picking a
        # role for a team member; the name and "admin" share no word with it.
        text = f"{text} team member role"
    return _BILLED_YEARLY.sub("pay yearly", " ".join(_SEARCH_WORDS.get(word, word) for word in text.split()))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light suffix stripper (prices → price, invites → invite, failing → fail): enough for short questions."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
