"""How long a lock lasts, asked: "how long do I have to wait?" right after the lock was told, "when will it unlock?",
"does the lock expire?". The help centre's entry on locks gives no time: a password reset lifts one at once, or the chat
does. After the lock's entry, "how long do I have to wait?" got the scope reply (out of scope at 0.64)."""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.leaning_back import HOW_LONG_TO_WAIT

# The account or its lock, or "it" with a verb only a lock takes ("when does it expire?" after the card is the card's).
_ACCOUNT = r"(?:my\s+account|the\s+account|our\s+account|the\s+lock|my\s+lock)"
_LIFTS = r"(?:unlock|get\s+unlocked|be\s+unlocked|expire|lift|be\s+lifted|open(?:\s+up)?)\b"
# "How long does the lock last?", "how long until it unlocks?", "when will my account unlock?", "will it unlock by
# itself?", "does the lock expire?": the lock named.
_LOCK_TIME_ASKED = re.compile(
    r"\bhow\s+long\s+(?:does|will|do|is)\s+(?:the\s+|a\s+|my\s+|an\s+account\s+)?(?:lock|lockout|lock-out)(?:s|ed)?"
    r"(?:\s+(?:last|take|stay|be|go\s+on))?\s*[?.!]*\s*$"
    rf"|\bhow\s+long\s+(?:until|till|before)\s+(?:{_ACCOUNT}\s+(?:opens(?:\s+up)?|(?:is|gets)\s+lifted)|(?:it|{_ACCOUNT})\s+"
    r"(?:unlocks|is\s+unlocked|gets\s+unlocked))\b"
    rf"|\bwhen\s+(?:will|does|do|would)\s+(?:{_ACCOUNT}\s+{_LIFTS})"
    r"|\bwhen\s+(?:will|does|do|would)\s+it\s+(?:unlock|get\s+unlocked|be\s+unlocked)\b"
    rf"|\b(?:will|does|would)\s+(?:it|{_ACCOUNT})\s+unlock\s+(?:by\s+itself|on\s+its\s+own|automatically|itself"
    r"|after\s+(?:a\s+while|some\s+time|\w+\s+(?:minutes|hours)))\b"
    r"|\bdoes\s+(?:the|my|a)\s+(?:lock|lockout)\s+(?:expire|wear\s+off|time\s+out|run\s+out)\b"
    # "How long will it stay locked?", "how long am I locked out for?" (the lock's state again, "my answer is the same").
    rf"|\bhow\s+long\s+(?:will|does|would|is|am|are)\s+(?:it|i|we|{_ACCOUNT})\s+(?:(?:stay|remain|be)\s+)?locked(?:\s+out)?\b",
    re.IGNORECASE)
# "How long do I have to wait?", "do I need to wait?", "is there a waiting period?": a wait, naming nothing.
_WAIT_ASKED = re.compile(
    rf"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,.!\s]+)*(?:{HOW_LONG_TO_WAIT}(?:\s+for\s+(?:it|that))?|(?:do|will|would)\s+"
    r"(?:i|we)\s+(?:have|need)\s+to\s+wait(?:\s+(?:long|a\s+while|\w+\s+(?:minutes|hours)))?|is\s+there\s+a\s+(?:wait"
    r"|waiting\s+(?:time|period)))\s*[?.!]*\s*$", re.IGNORECASE)
# How the replies before tell a lock: the account's state ("is locked"), the help centre's entry ("We lock an account
# after five failed sign-ins"), an unlock ("I've unlocked your account").
_LOCK_TOLD = re.compile(r"\b(?:is\s+locked|lock\s+an\s+account|unlocked\s+your\s+account|unlock\s+it)\b", re.IGNORECASE)


def asks_how_long_a_lock_lasts(ctx: SupportContext) -> bool:
    """"When will it unlock?", or "how long do I have to wait?" right after the lock was told: how long a lock
    lasts."""
    return bool(_LOCK_TIME_ASKED.search(ctx.message)
                or (_WAIT_ASKED.match(ctx.message) and _LOCK_TOLD.search(last_assistant_text(ctx))))
