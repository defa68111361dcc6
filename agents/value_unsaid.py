"""Which value to use, asked of a step just given that names the thing but not its value: "what path should I use?"
after the step on a health check path, "which port do I use?" after one that names a port.

Asked alone, the words are about nothing the classifier knows (the scope reply came). The guide says no more than its
step, so that is said, with a person, rather than a value guessed.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.where_it_is import numbered_steps

_WHICH_TO_USE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?(?:what|which)\s+(?P<thing>[a-z]+(?:\s+[a-z]+)?)\s+(?:should|do|would|can|must)"
    r"\s+(?:i|we)\s+(?:use|pick|choose|set|put\s+in|enter|add|give\s+it)(?:\s+(?:there|for\s+it|then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE)
# Things a plan or an entry of its own answers, not a value a step leaves open.
_ANSWERED_ELSEWHERE = frozenset({"plan", "plans", "tier", "card", "region", "regions", "one"})
_GUIDE_NAMED = re.compile(r"\bour guide “(?P<title>[^”]+)”", re.IGNORECASE)


def value_unsaid_reply(ctx: SupportContext) -> str | None:
    """For "what path should I use?" right after a guide's step that names a path: that the guide doesn't say which,
    with a person; None for another message, or when no step of the last reply leaves the thing open ("add a health check
    path"; not "listens on the `PORT` environment variable", which says which)."""
    asked = _WHICH_TO_USE.match(ctx.message)
    if asked is None or (thing := asked["thing"].lower()) in _ANSWERED_ELSEWHERE:
        return None
    last = last_assistant_text(ctx)
    guide = _GUIDE_NAMED.search(last)
    steps = " ".join(words for _, words in numbered_steps(last))
    # In lower case, as a step leaves a thing open ("a health check path"); a value names it ("a CNAME record", "our A
    # record"), and the step says which.
    if guide is None or not re.search(rf"\ban?\s+(?:[a-z-]+\s+){{0,3}}{re.escape(thing)}\b", steps):
        return None
    return (f"Our guide “{guide['title']}” doesn't say which {thing} to use, so I'd rather not guess. A person from our "
            f"team can tell you: would you like me to {OFFER_PERSON}?")
