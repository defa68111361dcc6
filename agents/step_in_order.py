"""A step of a guide said to be in order already: "dns is pointing correctly" right after the steps for a certificate
stuck on pending. Read alone, its words found the help centre's entry on adding a custom domain, which came instead of
the rest of the steps. What helps is the steps that are left, with a person if they don't do it.

Plain rules over the message and the last reply's numbered steps, whichever provider wrote them.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.where_it_is import numbered_steps

# "DNS is pointing correctly", "the cname is set up right", "my dns is fine", "dns records are correct".
_SAYS_IT_IS_IN_ORDER = re.compile(
    r"^\W*(?:(?:but|well|ok(?:ay)?|yes|yeah|so|i\s+checked(?:\s+and)?)[,\s]+)*(?:my\s+|the\s+|our\s+)?"
    r"(?P<what>[a-z][\w-]*(?:\s+records?)?)\s+(?:is|are|'s)\s+(?:already\s+|definitely\s+|all\s+|both\s+)?"
    r"(?:pointing\s+(?:to\s+(?:you|northwind)\s+)?)?(?:correct(?:ly)?|fine|right|ok(?:ay)?|good|set\s+up(?:\s+(?:correctly|right))?"
    r"|configured(?:\s+(?:correctly|right))?)(?:\s+(?:already|now|though))?\W*$",
    re.IGNORECASE)
# Words that name no step's subject of their own.
_NAMES_NO_STEP = frozenset({"it", "that", "this", "everything", "all", "app", "site", "account", "i", "we", "which",
                            "you", "he", "she", "they", "there", "what"})
# Spelt in capitals: "then DNS isn't what's holding it up", not "dns".
_ACRONYMS = frozenset({"dns", "cname", "caa", "ssl", "tls", "api", "ttl", "aname", "alias"})
_GUIDE_NAMED = re.compile(r"“([^”]+)”")


def steps_left_reply(ctx: SupportContext) -> str | None:
    """For "dns is pointing correctly" right after numbered steps, one of which is about DNS: that it is not what holds
    things up, the other steps, and a person. None for another message, or when no step names what was said."""
    found = _SAYS_IT_IS_IN_ORDER.match(ctx.message)
    if found is None:
        return None
    what = found["what"].lower()
    subject = re.sub(r"\s+records?$", "", what)
    if subject in _NAMES_NO_STEP:
        return None
    last = last_assistant_text(ctx)
    steps = numbered_steps(last)
    naming = re.compile(rf"\b{re.escape(subject)}\b", re.IGNORECASE)
    done = next((step for step in steps if naming.search(step[1])), None)
    if done is None or len(steps) < 2:
        return None
    left = "\n".join(f"{number}. {text}" for number, text in steps if (number, text) != done)
    guide = _GUIDE_NAMED.search(last)
    of_the_guide = f"our guide “{guide[1]}”" if guide is not None else "the steps"
    words = what.split()
    shown = " ".join([words[0].upper(), *words[1:]]) if subject in _ACRONYMS else f"the {what}"
    plural = what.endswith("records") or (subject not in _ACRONYMS and what.endswith("s"))
    verb = "aren't" if plural else "isn't"
    return (f"Thanks for checking: then {shown} {verb} what's holding it up. The other steps from {of_the_guide}:\n"
            f"{left}\n\nIf it's still stuck after those, a person from our team can look at it with you: would you "
            f"like me to {OFFER_PERSON}?")
