"""Deleting one app is not deleting the account: "how do I delete an app?" and the help centre's entry on closing
the account share every word that matters to a search ("delete", "apps"), and nothing that matters to the customer.

The help centre's only entry on deleting is "How do I delete my account?" (found at 0.98 for "how do i delete an
app"); its steps delete every app and the account with them. The intent model reads "delete" as an account question
(account beside technical at 0.67, or out of scope at 0.47 with account beside it). Plain rules over the message, no
model: the orchestrator keeps that entry out of such a message's FAQ matches and gives it to the technical part,
which answers from a guide on deleting an app, or says the help centre has none.
"""

from __future__ import annotations

import re

# Asked how to, or asked for: "how do i …", "can you …", "I want to …", "please …", or the request alone ("delete
# app"). Not what deleting or cancelling does ("will it remove my apps?", "does deleting my account remove my
# apps?"), which the entries on those answer.
_HOW_OR_PLEASE = (r"(?:^|\bhow\s+(?:do|can|could|would|should)\s+(?:i|we|you)\s+|\bhow\s+to\s+|"
                  r"\b(?:i|we)(?:\s+(?:want|need|would\s+like|wanna)|'d\s+like)\s+to\s+|\b(?:can|could)\s+(?:i|we|you)\s+|"
                  r"\bis\s+(?:it|there\s+a\s+way)\s+(?:possible\s+)?to\s+|\bway\s+to\s+|\bplease\s+|\bhelp\s+me\s+|"
                  r"\blet\s+me\s+)(?:\w+\s+)?")
_DELETE = r"(?:delete|remove|destroy|erase|get\s+rid\s+of|take\s+down|shut\s+down|uninstall)"
# Apps that are not a hosted app: the authenticator on a phone ("remove my authenticator app").
_NOT_A_HOSTED_APP = r"(?:authenticator|auth|2fa|two|factor|phone|mobile|google|authy|microsoft|banking)"
# "How do I delete an app?", "how do i remove one of my apps", "delete my app shop", "app deletion". Not something
# of an app's ("delete an app's environment variable", "remove an app password").
ASKS_TO_DELETE_AN_APP = re.compile(
    rf"{_HOW_OR_PLEASE}{_DELETE}\s+(?:(?:an?|one|the|this|that|my|our|some|one\s+of\s+(?:my|our|the))\s+)?"
    rf"(?:(?!{_NOT_A_HOSTED_APP}\b)[a-z0-9-]+\s+)?apps?\b(?!'s?\b|\s+(?:password|passwords|token|tokens|key|keys)\b)"
    r"|\bapps?\s+(?:deletion|removal)\b")
# The account named as what is deleted or closed ("delete my account and my apps"), or the subscription ended:
# deleting the account, or what cancelling does to the apps, which the help centre's entries on those answer.
_ENDS_THE_ACCOUNT = re.compile(r"\b(?:delete|deleting|close|closing|remove|removing|erase|terminate|cancel\w*)\s+"
                               r"(?:\w+\s+){0,2}(?:account|subscription|plan)\b|\baccount\s+(?:deletion|closure)\b"
                               r"|\bcancel\w*\b|\bdowngrad\w*\b")
# A help-centre entry on deleting or closing the account (its question): never the answer for one app.
# How the help centre's entry on deleting the account says how long it lasts, as a reply quotes it.
GRACE_PERIOD = "grace period"
DELETES_THE_ACCOUNT = re.compile(r"\b(?:delete|close|remove|erase|terminate)\b.*\baccount\b", re.IGNORECASE)


def asks_to_delete_an_app(text: str) -> bool:
    """Whether a message asks how to delete one of the customer's apps (or asks for it), not the account."""
    words = " ".join(text.lower().replace("’", "'").split())
    return bool(ASKS_TO_DELETE_AN_APP.search(words)) and not _ENDS_THE_ACCOUNT.search(words)


def about_deleting_the_account(faq_question: str) -> bool:
    """Whether a help-centre entry's question is about deleting or closing the account ("How do I delete my
    account?")."""
    return bool(DELETES_THE_ACCOUNT.search(faq_question))


# "My app was deleted!", "my app is gone": a hosted app named, and nothing of a phone or a second factor. Its words found
# the entry on a lost authenticator app at 0.98 ("I deleted my authenticator app"), which was quoted as the answer.
_NAMES_A_HOSTED_APP = re.compile(rf"\b(?:my|our|the|an?|this|that)\s+(?:(?!{_NOT_A_HOSTED_APP}\b)[a-z0-9-]+\s+)?apps?\b")
_SECOND_FACTOR_WORDS = re.compile(r"\b(?:authenticator|auth|2fa|two[\s-]?factor|mfa|otp|phone|mobile|codes?|authy|"
                                  r"sign[\s-]?in|log[\s-]?in|login)\b")
_ABOUT_A_LOST_AUTHENTICATOR = re.compile(r"\bauthenticator\b", re.IGNORECASE)


def names_a_hosted_app_only(text: str) -> bool:
    """Whether a message speaks of one of the customer's hosted apps, and of no authenticator app, phone or sign-in."""
    words = " ".join(text.lower().replace("’", "'").split())
    return bool(_NAMES_A_HOSTED_APP.search(words)) and not _SECOND_FACTOR_WORDS.search(words)


def about_a_lost_authenticator(faq_question: str) -> bool:
    """Whether a help-centre entry's question is about the authenticator app (a lost phone, two-factor)."""
    return bool(_ABOUT_A_LOST_AUTHENTICATOR.search(faq_question))


# "If I delete an app will I pay less?", "will I still be charged for it?" right after "how do I delete an app?", "will
# I get money back for it?" after "I deleted an app yesterday": what an app adds to the bill ("no guide" came; a refund of
# the latest charge was weighed), where the plans are priced by the month with a number of apps each.
_DELETES_AN_APP = re.compile(
    rf"\b(?:delet|remov|destroy|eras)(?:e|es|ed|ing)\s+(?:(?:an?|one|the|this|that|my|our|some|one\s+of\s+(?:my|our))\s+)?"
    rf"(?:(?!{_NOT_A_HOSTED_APP}\b)[a-z0-9-]+\s+)?apps?\b(?!'s?\b)")
_ASKS_WHAT_IT_COSTS = re.compile(
    r"\b(?:charged|charge|charges|pay|paying|billed|bill|cost|costs|cheaper|save|saves|less|price|refund(?:ed)?"
    r"|money\s+back)\b")
_OF_THAT_APP = re.compile(r"\b(?:it|that|this|the\s+app|them|those|anything|money|now)\b")


def asks_what_deleting_an_app_saves(message: str, *, asked_before: str = "") -> bool:
    """Whether a message asks what deleting an app does to the bill: said in it, or of the app whose deletion the
    message before asked about or told of."""
    words = " ".join(message.lower().replace("’", "'").split())
    if not _ASKS_WHAT_IT_COSTS.search(words) or _ENDS_THE_ACCOUNT.search(words):
        return False
    if _DELETES_AN_APP.search(words):
        return True
    before = " ".join(asked_before.lower().replace("’", "'").split())
    return bool(_OF_THAT_APP.search(words)) and (asks_to_delete_an_app(asked_before) or bool(_DELETES_AN_APP.search(before)))
