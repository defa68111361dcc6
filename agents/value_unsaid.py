"""Which value to use, asked of the steps just given: "what path should I use?" after the step on a health check path,
"which record should I use?" after the custom domains' steps.

Asked alone, the words are about nothing the classifier knows (the scope reply came, or "no guide"). Where a step names
the value ("create a CNAME record", "use an ALIAS or ANAME record"), those steps are the answer and are quoted again;
where the guide says no more than "add a health check path", that is said, with a person, rather than a value guessed.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.where_it_is import STUCK_ON_A_STEP, numbered_steps

_WHICH_TO_USE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?(?:what|which)\s+(?P<thing>[a-z]+(?:\s+[a-z]+)?)\s+(?:should|do|would|can|must)"
    r"\s+(?:i|we)\s+(?:use|pick|choose|set|put\s+in|enter|add|give\s+it|create|need|make)(?:\s+(?:there|for\s+it|then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE)
# Things a plan or an entry of its own answers, not a value a step leaves open.
_ANSWERED_ELSEWHERE = frozenset({"plan", "plans", "tier", "card", "region", "regions", "one"})
_GUIDE_NAMED = re.compile(r"\bour guide “(?P<title>[^”]+)”", re.IGNORECASE)


def value_unsaid_reply(ctx: SupportContext) -> str | None:
    """For "which record should I use?" right after a guide's steps that name the records: those steps again; for "what
    path should I use?" after one that only says to add a path: that the guide doesn't say which, with a person. None
    for another message, or when no step of the last reply speaks of the thing."""
    asked = _WHICH_TO_USE.match(ctx.message)
    if asked is None or (thing := asked["thing"].lower()) in _ANSWERED_ELSEWHERE:
        return None
    last = last_assistant_text(ctx)
    if (guide := _GUIDE_NAMED.search(last)) is None:
        return None
    # "dns record" is a record; the last word is the thing a step speaks of.
    noun = re.escape(thing.split()[-1])
    speaking_of_it = [(number, words) for number, words in numbered_steps(last)
                      if re.search(rf"\b{noun}s?\b", words, re.IGNORECASE)]
    # A value names the thing ("a CNAME record", "our A record", "the `PORT` environment variable"): a word before it
    # in capitals or code, or code that is its name. In lower case, a step leaves it open ("a health check path").
    named_before = re.compile(rf"(?:\b[A-Z][A-Z0-9]*\b|`[^`]+`)(?:\s+[a-z-]+){{0,2}}\s+{noun}s?\b")
    named_in_code = re.compile(rf"`[^`]*\b{noun}\b[^`]*`", re.IGNORECASE)
    saying_which = [(number, words) for number, words in speaking_of_it
                    if named_before.search(words) or named_in_code.search(words)]
    if saying_which:
        numbers = [number for number, _ in saying_which]
        which = (f"Step {numbers[0]} of our guide “{guide['title']}” says" if len(numbers) == 1 else
                 f"Steps {', '.join(numbers[:-1])} and {numbers[-1]} of our guide “{guide['title']}” say")
        steps = "\n".join(f"{number}. {words}" for number, words in saying_which)
        return f"{which} which {thing} to use:\n{steps}\n\n{STUCK_ON_A_STEP}"
    if not any(re.search(rf"\ban?\s+(?:[a-z-]+\s+){{0,3}}{noun}\b", words) for _, words in speaking_of_it):
        return None
    return (f"Our guide “{guide['title']}” doesn't say which {thing} to use, so I'd rather not guess. A person from our "
            f"team can tell you: would you like me to {OFFER_PERSON}?")
