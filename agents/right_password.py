"""The right password, insisted on after a reply about signing in.

"I'm sure it's right" right after "Your account (carol) is locked — five failed sign-ins … Forgot password": the same
reply came again behind "My answer is the same", as if the customer had not been heard. What they need to hear is that
the lock, not the password, keeps them out, with the unlock offered in the words its go-ahead is read by. After the
password reset's steps with no lock told, the same reply came too: there, the password refused is not the one on the
account, whatever they are sure of, and the reset is what settles it.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON, OFFER_UNLOCK
from agents.workers.actions import STILL_LOCKED, UNLOCKED_NOW

_INSISTS_ON_THE_PASSWORD = re.compile(
    r"^\W*(?:(?:but|and|well|no|ok(?:ay)?)[,\s]+)?(?:"
    r"(?:i'?m|i\s+am)\s+(?:sure|certain|positive)\s+(?:it'?s|it\s+is|my\s+password\s+is|the\s+password\s+is|i'?m\s+typing\s+it)\s+"
    r"(?:right|correct|the\s+right\s+one)"
    r"|(?:my|the)\s+password\s+is\s+(?:right|correct|definitely\s+right)"
    r"|it'?s\s+the\s+(?:right|correct)\s+password"
    r"|(?:i'?m|i\s+am)\s+(?:typing|using|entering)\s+the\s+(?:right|correct)\s+(?:one|password))\W*$",
    re.IGNORECASE)
# How the password reset's steps name its first: "choose **Forgot password**".
_RESET_TOLD = "**Forgot password**"
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


RESET_SETTLES_IT_REPLY = (
    "The sign-in page only turns away a password that doesn't match the one on the account, so something is off "
    "however sure you are: it may be another account's password, another email address, or Caps Lock left on. "
    "A reset from the sign-in page (choose **Forgot password**) sets a new password, so you'll know it's the right one. "
    f"If the new one is turned away too, a person from our team can look into it with you: would you like me to "
    f"{OFFER_PERSON}?"
)


def insists_on_the_password_after_the_reset(ctx: SupportContext) -> bool:
    """Whether the message says the password is right, right after a reply that gave the password reset's steps and
    told of no lock."""
    last = last_assistant_text(ctx)
    return (bool(_INSISTS_ON_THE_PASSWORD.match(ctx.message)) and _RESET_TOLD in last
            and not _LOCK_TOLD.search(last))
