"""How long a build has been running, as a customer says it after a guide's steps ("it's been building for 50
minutes", "stuck for over an hour"), in minutes: the guide's build limits are weighed against it."""

from __future__ import annotations

import re

_RUNS_FOR = re.compile(
    r"\b(?:build(?:ing|s)?|deploying|stuck|pending|hanging|spinning|going)\b[^.?!]{0,30}?\bfor\s+"
    r"(?:about\s+|around\s+|over\s+|almost\s+|nearly\s+|more\s+than\s+|the\s+(?:last|past)\s+)?"
    r"(?:(?P<count>\d+)\s*(?P<unit>h|hrs?|hours?|mins?|minutes?)|(?:an?|one)\s+(?P<one_unit>hour|hr|minute))\b",
    re.IGNORECASE)


def minutes_it_ran(message: str) -> int | None:
    """The minutes the message says something has been running for; None when it says no such thing."""
    said = _RUNS_FOR.search(message)
    if said is None:
        return None
    hours = (said["unit"] or said["one_unit"]).lower().startswith("h")
    return int(said["count"] or 1) * (60 if hours else 1)
