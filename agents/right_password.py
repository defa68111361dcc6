"""The right password, insisted on while the account is locked.

"I'm sure it's right" right after "Your account (carol) is locked — five failed sign-ins … Forgot password": the same
reply came again behind "My answer is the same", as if the customer had not been heard. What they need to hear is that
the lock, not the password, keeps them out, with the unlock offered in the words its go-ahead is read by.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_up import OFFER_UNLOCK, last_assistant_text
from agents.workers.actions import STILL_LOCKED, UNLOCKED_NOW

_INSISTS_ON_THE_PASSWORD = re.compile(
    r"^\W*(?:(?:but|and|well|no|ok(?:ay)?)[,\s]+)?(?:"
    r"(?:i'?m|i\s+am)\s+(?:sure|certain|positive)\s+(?:it'?s|it\s+is|my\s+password\s+is|the\s+password\s+is|i'?m\s+typing\s+it)\s+"
    r"(?:right|correct|the\s+right\s+one)"
    r"|(?:my|the)\s+password\s+is\s+(?:right|correct|definitely\s+right)"
    r"|it'?s\s+the\s+(?:right|correct)\s+password"
    r"|(?:i'?m|i\s+am)\s+(?:typing|using|entering)\s+the\s+(?:right|correct)\s+(?:one|password))\W*$",
    re.IGNORECASE)
# How the account part tells a lock: "Your account (carol) is locked — …".
_LOCK_TOLD = re.compile(r"\bYour account \([^)]+\) is locked\b")

RIGHT_PASSWORD_REPLY = (
    "I believe you: even the right password can't sign you in while the account is locked. As you're signed in here, I "
    f"can start the unlock for you: if you'd like that, {OFFER_UNLOCK}. Or reset your password from the sign-in page "
    "(choose **Forgot password**), which unlocks it straight away."
)


def insists_on_the_password_while_locked(ctx: SupportContext) -> bool:
    """Whether the message says the password is right, right after a reply that told of the lock and neither lifted it
    nor left it for a member of staff."""
    last = last_assistant_text(ctx)
    return (bool(_INSISTS_ON_THE_PASSWORD.match(ctx.message)) and bool(_LOCK_TOLD.search(last))
            and UNLOCKED_NOW not in last and STILL_LOCKED not in last)
