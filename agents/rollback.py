"""What a rollback does to the rest of an app, asked right after the step to roll back ("will it affect my database?",
"does it roll back my env vars too?", "will that cause downtime?"). The failed deploys guide says to roll back to the
last good deploy and nothing of what that touches; the guide's other steps, an entry on cancelling or the environment
variables' step came instead.

Plain rules over the message and the reply before it, no model.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text, previous_user_text

# The guide's step, as the replies quote it.
ROLLBACK_STEP = re.compile(r"\bRoll back\b|\broll(?:ed)?\s+back\b", re.IGNORECASE)
_ASKS_ROLLBACK = re.compile(r"\b(?:roll(?:ing|ed)?\s*back|rollbacks?|revert(?:ing)?)\b", re.IGNORECASE)
# "Will it affect my database?", "will I lose data?", "does it roll back my env vars too?", "what happens to my files?":
# a part of the app a rollback may or may not touch.
_PART_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:will|would|does|do|is|are|can|could|what\s+(?:happens|about))\b[^?.!]*?"
    r"\b(?P<part>(?:my\s+|the\s+)?(?:database|db|data|env(?:ironment)?\s+var(?:iable)?s|environment|secrets|config(?:uration)?"
    r"|files|storage|migrations|domains?|logs))\b",
    re.IGNORECASE)


# "Will that cause downtime?", "will my app go down?", "is there any downtime?": whether the app stays up through it.
_DOWNTIME_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:will|would|does|do|is|are|can|could)\b[^?.!]*?\b(?:downtime|down\s+time|go(?:es)?"
    r"\s+(?:down|offline)|be\s+(?:down|offline|unavailable)|outage)\b",
    re.IGNORECASE)


def _after_the_rollback_step(ctx: SupportContext) -> bool:
    return bool(ROLLBACK_STEP.search(last_assistant_text(ctx)) and _ASKS_ROLLBACK.search(previous_user_text(ctx) or ""))


def part_a_rollback_touches_asked(ctx: SupportContext) -> str | None:
    """"Will it affect my database?" right after the step to roll back (or the question before asked how): the part
    of the app asked about ("database"); None otherwise."""
    asked = _PART_ASKED.match(ctx.message)
    if asked is None:
        return None
    if not _after_the_rollback_step(ctx) and not _ASKS_ROLLBACK.search(ctx.message):
        return None
    part = re.sub(r"^(?:my|the)\s+", "", asked["part"], flags=re.IGNORECASE).lower()
    return {"db": "database", "env vars": "environment variables", "env variables": "environment variables"}.get(part, part)


def rollback_downtime_asked(ctx: SupportContext) -> bool:
    """"Will that cause downtime?" right after the step to roll back (the guide's other steps came), or "will rolling
    back cause downtime?": whether the app stays up through a rollback."""
    return bool(_DOWNTIME_ASKED.match(ctx.message)) and (
        _after_the_rollback_step(ctx) or bool(_ASKS_ROLLBACK.search(ctx.message)))


def rollback_asked_in_full(ctx: SupportContext) -> str | None:
    """"Will my users see downtime?" or "will it affect my database?" right after the step to roll back, written out as
    asked of the rollback, for the guides' search (the message's own words found no guide: "no guide on that"); None
    for any other message, or one that names the rollback itself."""
    if _ASKS_ROLLBACK.search(ctx.message) or not _after_the_rollback_step(ctx):
        return None
    if rollback_downtime_asked(ctx):
        return "will rolling back a deploy cause downtime?"
    if (part := part_a_rollback_touches_asked(ctx)) is not None:
        return f"will rolling back a deploy change my {part}?"
    return None
