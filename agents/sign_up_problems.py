"""Reporting a problem with signing up, with nothing yet of what went wrong.

"Need help reporting errors with registrations", "I do not know how to inform of registration problems": read as
account questions (0.78 to 0.94), they got "I don't have enough information", and a signed-in customer was told they
already have an account. What went wrong is asked for, with a person offered, as for a bug reported with nothing in it.
"""

from __future__ import annotations

import re

from agents.asking_words import kinds_named
from agents.follow_ups.leaning_back import NOT_RECEIVED
from agents.follow_ups.offers import OFFER_PERSON

_NOUNS = {
    "registration": "sign-up", "register": "sign-up", "registering": "sign-up", "signup": "sign-up",
    "problem": "problem", "issue": "problem", "error": "problem", "trouble": "problem", "bug": "problem",
    "failure": "problem",
}
# Besides the words of any request: how one reports, and what a sign-up is of.
_REPORTING = frozenset({"report", "reporting", "inform", "informing", "notify", "notifying", "tell", "telling",
                        "let", "flag", "flagging", "online", "new", "account", "ve", "had", "having"})
# "Creating an account" is signing up said the long way ("I'm having issues creating an account" got the upgrade's steps).
_SIGN_UP = re.compile(r"\bsign(?:ing)?[\s-]?ups?\b|\bcreat(?:e|ing)\s+(?:an?|my|the)\s+(?:new\s+)?(?:user\s+|online\s+)?account\b",
                      re.IGNORECASE)
SIGN_UP_PROBLEM_REPLY = (
    "I'm sorry signing up gave you trouble. Tell me what happened: which step you were on and what you saw (an error "
    f"message, or an email that didn't arrive), and I'll help if I can. I can also {OFFER_PERSON} from our team, who "
    "will take it from there: just say so."
)


# "I didn't get the verification email", "the confirmation link never came": the email that confirms an address, at
# sign-up or after changing it. Read as account questions, it got "I don't have enough information", or, signed in, the
# two-factor steps (a "verification" code).
_CONFIRMING_EMAIL = re.compile(
    r"\b(?:verification|verify(?:ing)?|confirmation|confirm(?:ing)?|activation|activate|welcome)\s+(?:e-?mail|mail|link)s?\b"
    # "I didn't get the confirmation" after the email change's steps: the email named by what it is for.
    r"|\b(?:the|a|any)\s+(?:confirmation|verification)\b(?!\s+(?:code|number|of|for))",
    re.IGNORECASE)
# The email asked about confirms a new address on the account, not a sign-up.
_CHANGED_ADDRESS = re.compile(r"\b(?:chang|updat|switch)\w*\s+(?:my\s+|the\s+|our\s+)?(?:e-?mail|address)", re.IGNORECASE)


def reports_confirming_email_missing(text: str) -> bool:
    """Whether the message says the email confirming an address (at sign-up, or after changing it) has not arrived."""
    return bool(_CONFIRMING_EMAIL.search(text)) and bool(NOT_RECEIVED.search(text))


def confirms_a_changed_address(text: str) -> bool:
    """Whether the message says the customer changed the address the confirming email is for."""
    return bool(_CHANGED_ADDRESS.search(text))


def reports_a_sign_up_problem(text: str) -> bool:
    """Whether the message only says the customer wants to report a problem with signing up (nothing of it yet)."""
    kinds = kinds_named(_SIGN_UP.sub(" signup ", text), _NOUNS, also=_REPORTING)
    return bool(kinds) and "sign-up" in kinds and "problem" in kinds


_ASKS_IF_JOINING_IS_FREE = re.compile(
    r"\bis\s+it\s+free\s+to\s+(?:sign\s*up|join|register|start|get\s+started|create\s+an\s+account|open\s+an\s+account)\b"
    r"|\b(?:does|do|will)\s+(?:signing\s+up|joining|registering|registration|an\s+account|it)\s+cost\s+"
    r"(?:(?:me|us|you)\s+)?(?:anything|money|something)"
    r"(?:\s+to\s+(?:sign\s*up|join|register))?\b|\bis\s+(?:signing\s+up|registration|joining|an\s+account)\s+free\b",
    re.IGNORECASE)


def asks_if_joining_is_free(text: str) -> bool:
    """"Is it free to sign up?", "does signing up cost anything?": what an account costs, which the entry on the Free
    plan says."""
    return bool(_ASKS_IF_JOINING_IS_FREE.search(text))


_JOINING_NAMED = re.compile(r"\b(?:sign(?:ing)?\s*-?\s*up|join(?:ing)?|regist\w*|(?:an|new)\s+account)\b", re.IGNORECASE)


def asks_what_joining_costs(text: str) -> bool:
    """asks_if_joining_is_free, naming the joining: "does it cost anything?" read alone is as likely a top-up's cost."""
    return asks_if_joining_is_free(text) and bool(_JOINING_NAMED.search(text))


# A visitor wanting an account: "i want to sign up", "how do I register?", "create an account". Not "sign in", nor
# "I signed up last week" (an account they have).
WANTS_TO_SIGN_UP = re.compile(
    r"\b(?:sign(?:ing)?\s*-?\s*up|register|(?:creat|open)\w*\s+(?:an?\s+|my\s+|another\s+)?"
    r"(?:(?:new|online|user|free|freemium|pro|business|northwind)\s+)?(?:account|acount|zccount)"
    # "I don't have an account, create one", "I want an online account, create one", "I don't have a profile and I want
    # to create one".
    r"|(?:(?:don'?t|do\s+not)\s+have|(?:want|need|like)|wanna)\s+an?\s+(?:(?:new|user|online)\s+)?(?:account|profile)\W+"
    r"(?:\w+\s+){0,4}?(?:creat|open|make)\w*\s+(?:one|it))\b",
    re.IGNORECASE)


def wants_to_sign_up(text: str) -> bool:
    """Whether the message asks for an account of its own ("how do I sign up?")."""
    return bool(WANTS_TO_SIGN_UP.search(text))
