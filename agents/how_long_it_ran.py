"""How long a build has been running, as a customer says it after a guide's steps ("it's been building for 50
minutes", "stuck for over an hour"), in minutes: the guide's build limits are weighed against it."""

from __future__ import annotations

import re

_RUNS_FOR = re.compile(
    r"\b(?:build(?:ing|s)?|deploying|stuck|pending|hanging|spinning|going)\b[^.?!]{0,30}?\bfor\s+"
    r"(?:about\s+|around\s+|over\s+|almost\s+|nearly\s+|more\s+than\s+|the\s+(?:last|past)\s+)?"
    r"(?:(?P<count>\d+)\s*(?P<unit>h|hrs?|hours?|mins?|minutes?)|(?:an?|one)\s+(?P<one_unit>hour|hr|minute))\b",
    re.IGNORECASE)


# "For 50 minutes now", "it's been 50 minutes", "over an hour already": the time alone, right after a build was said to
# be stuck (the scope reply came, out of scope at 0.70). "Mine takes 20 minutes" after the build limits ("no guide").
_TIME_ALONE = re.compile(
    r"^\W*(?:(?:but|well|ok(?:ay)?|hmm)[,\s]+)?(?:(?:it'?s|it\s+has|its)\s+been\s+|been\s+|already\s+"
    r"|(?:mine|ours|it|my\s+build|our\s+build|the\s+build)\s+(?:takes|took|is\s+taking|usually\s+takes|runs)\s+)?(?:for\s+)?"
    # "Like 10 minutes", "roughly 20 mins": the time, hedged (the scope reply came for "like").
    r"(?:about\s+|around\s+|over\s+|almost\s+|nearly\s+|more\s+than\s+|the\s+(?:last|past)\s+|like\s+|roughly\s+"
    r"|approx(?:imately|\.)?\s+|maybe\s+|~\s*)?"
    r"(?:(?P<count>\d+)\s*(?P<unit>h|hrs?|hours?|mins?|minutes?)|(?:an?|one)\s+(?P<one_unit>hour|hr|minute))\b"
    r"(?:\s+(?:now|already|so\s+far|and\s+counting))?\W*$", re.IGNORECASE)
_A_BUILD = re.compile(r"\b(?:build\w*|deploy\w*)\b", re.IGNORECASE)


def minutes_it_ran(message: str) -> int | None:
    """The minutes the message says something has been running for; None when it says no such thing."""
    said = _RUNS_FOR.search(message) or _TIME_ALONE.match(message)
    if said is None:
        return None
    hours = (said["unit"] or said["one_unit"]).lower().startswith("h")
    return int(said["count"] or 1) * (60 if hours else 1)


# "It's still building", "still stuck": a build said to run on, with nothing else asked.
_STILL_RUNNING = re.compile(
    r"^\W*(?:(?:but|well|ok(?:ay)?|hmm|and|yes|yeah|no)[,.!\s]+)*(?:(?:it'?s|it\s+is|its|the\s+(?:build|deploy)\s+is|it)\s+)?"
    r"still\s+(?:building|going|running|stuck|pending|deploying|hanging|spinning|in\s+progress|not\s+(?:done|finished))"
    r"(?:\s+(?:now|though|for\s+me))?\W*$", re.IGNORECASE)
# How a build time weighed within the plan's limit is told.
BUILD_HAS_TIME = "still has time to finish"


def says_it_is_still_running(message: str) -> bool:
    """"It's still building": a build, or deploy, said to run on, and nothing else."""
    return bool(_STILL_RUNNING.match(message))


def says_how_long_a_build_has_run(message: str) -> bool:
    """"My deploy has been stuck for 30 minutes": a build said, with how long it has been running, in one message."""
    return bool(_RUNS_FOR.search(message)) and bool(_A_BUILD.search(message))


def time_a_build_ran_told(message: str, *, asked_before: str) -> bool:
    """"For 50 minutes now" right after "my build is stuck": how long the build the question before named has run."""
    return minutes_it_ran(message) is not None and bool(_A_BUILD.search(asked_before))
