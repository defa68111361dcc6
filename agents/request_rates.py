"""The rate of API requests a customer says they make or need: "I need 1000 requests a minute", "we're doing about 100
a minute" after a 429. The limit of their plan is weighed against it."""

from __future__ import annotations

import re
from decimal import Decimal

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text

# "I need 1000 requests a minute", "we need more than 3000 requests per minute": a rate the customer needs, which the
# limit of their plan is weighed against (the 429 guide's steps answered a fault nobody reported, its step on retrying
# "as fitting").
RATE_NEEDED = re.compile(
    # "I'm only making 100 a minute" after a 429: the requests left unsaid (the scope reply came).
    # "Can I have more than 3000 requests a minute?" (the 429 guide's step on retrying came).
    r"\b(?:need|needs|want|require|requires|expect|make|making|send|sending|do|doing|handle|handling|get|getting|have|use"
    r"|using)\s+"
    r"(?:to\s+(?:make|send|do|handle)\s+)?"
    # "We only make like 100 requests a minute": "like" is "about" (the guide came again).
    r"(?:(?P<beyond>more\s+than|over|above)\s+|(?:about|around|roughly|up\s+to|at\s+least|like|approximately|approx\.?"
    r"|maybe|only|just)\s+)?"
    r"(?P<figure>\d[\d,]*)(?P<thousands>\s*k)?\s+(?:(?:api\s+)?(?:requests?|calls?)\s+)?(?:a|an|per|each|every)\s+(?:minute|min)\b",
    re.IGNORECASE,
)


def rate_needed(text: str) -> tuple[Decimal, bool] | None:
    """The requests a minute a message says are needed, and whether it asks for more than that figure (not
    as many): (3000, True) for "we need more than 3000 requests a minute"; None when it names no such rate."""
    if (needed := RATE_NEEDED.search(text)) is None:
        return None
    figure = Decimal(needed["figure"].replace(",", "")) * (1000 if needed["thousands"] else 1)
    return figure, needed["beyond"] is not None


# How a reply about the API's limit reads: the 429 guide's title, or the limit itself.
_ABOUT_THE_LIMIT = re.compile(r"\b429\b|\brequests a minute\b")


def rate_told_after_the_limit(ctx: SupportContext) -> bool:
    """"I'm only making 100 a minute" right after the API's limit or the 429 guide: the rate the customer makes, for the
    technical part to weigh against the limit (out of scope at 0.57, the scope reply)."""
    return rate_needed(ctx.message) is not None and bool(_ABOUT_THE_LIMIT.search(last_assistant_text(ctx)))
