"""A fault said to happen in one place only, right after a guide's steps for it: "it only happens on one endpoint" after
the API errors' steps, "only on the login page" after the slow app's.

The detail narrows the fault down but names nothing the help centre has a guide for: the same steps came again, or the
account's state for "login". The guide just given is what there is, said so, with how to go on from it.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_reply_cited

_ONE_PLACE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|but|and|well|btw|fyi|also)[,\s]+)?"
    r"(?:(?:it|this|that|the\s+(?:error|problem|issue))\s*(?:'s|\s+is|\s+only\s+happens|\s+happens|\s+occurs|\s+shows)?\s+)?"
    r"(?:only|just)\s+(?:(?:happens|shows|occurs|fails)\s+)?(?:on|for|with|in|at|from|when\s+(?:calling|hitting|loading|opening|using))\s+"
    r"(?:one|a\s+single|a\s+specific|a\s+particular|this|that|the|my|our|an?)\s+(?:[\w/.:-]+\s+){0,2}?"
    r"(?P<place>endpoint|route|page|url|path|api\s+call|request|function|screen|form)s?"
    r"(?:\s+(?:though|actually|for\s+now|so\s+far))?\s*[.!]*\s*$", re.IGNORECASE)


def one_place_said(text: str) -> str | None:
    """Where the message says a fault happens, as the kind of place ("endpoint" in "it only happens on one endpoint");
    None when it says no such thing."""
    said = _ONE_PLACE.match(text)
    return re.sub(r"\s+", " ", said["place"].lower()) if said else None


def one_place_told_after_a_guide(ctx: SupportContext) -> bool:
    """"Only on one endpoint" right after a reply that gave a guide's steps: the fault narrowed down, for the technical
    part (account at 0.54 for "only on the login page": the account's state came)."""
    return one_place_said(ctx.message) is not None and last_reply_cited(ctx, "article")
