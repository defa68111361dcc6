"""Reporting a problem with signing up, with nothing yet of what went wrong.

"Need help reporting errors with registrations", "I do not know how to inform of registration problems": read as
account questions (0.78 to 0.94), they got "I don't have enough information", and a signed-in customer was told they
already have an account. What went wrong is asked for, with a person offered, as for a bug reported with nothing in it.
"""

from __future__ import annotations

import re

from agents.asking_words import kinds_named
from agents.follow_up import OFFER_PERSON

_NOUNS = {
    "registration": "sign-up", "register": "sign-up", "registering": "sign-up", "signup": "sign-up",
    "problem": "problem", "issue": "problem", "error": "problem", "trouble": "problem", "bug": "problem",
    "failure": "problem",
}
# Besides the words of any request: how one reports, and what a sign-up is of.
_REPORTING = frozenset({"report", "reporting", "inform", "informing", "notify", "notifying", "tell", "telling",
                        "let", "flag", "flagging", "online", "new", "account", "ve", "had", "having"})
_SIGN_UP = re.compile(r"\bsign(?:ing)?[\s-]?ups?\b", re.IGNORECASE)
SIGN_UP_PROBLEM_REPLY = (
    "I'm sorry signing up gave you trouble. Tell me what happened: which step you were on and what you saw (an error "
    f"message, or an email that didn't arrive), and I'll help if I can. I can also {OFFER_PERSON} from our team, who "
    "will take it from there: just say so."
)


def reports_a_sign_up_problem(text: str) -> bool:
    """Whether the message only says the customer wants to report a problem with signing up (nothing of it yet)."""
    kinds = kinds_named(_SIGN_UP.sub(" signup ", text), _NOUNS, also=_REPORTING)
    return bool(kinds) and "sign-up" in kinds and "problem" in kinds
