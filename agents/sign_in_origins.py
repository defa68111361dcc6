"""Where sign-ins came from: "can you tell me where they logged in from?", "what IP was it?", "which device signed in?".

Nothing the agents see of an account records where, from which device or from which address anyone signed in or tried
to (the account port gives its state and the reason for a lock), so the answer is that it can't be seen here, with a
person offered. The scope reply came, or the intrusion advice again behind "my answer is the same".
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import assistant_texts, last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_SIGN_IN = (r"(?:log(?:ged|s)?\s*(?:in|on)(?:to)?|logins?|log-?ins?|sign(?:ed|s)?\s*(?:in|on)(?:to)?|sign-?ins?|got\s+in"
            r"|get\s+in|gotten\s+in|accessed|access(?:ing)?\s+(?:it|my\s+account)|came\s+in|hack(?:ed|ing)?)")
_WHERE_OR_WHAT = (r"(?:where|from\s+where|which|what|who)\s+(?:(?:ip|ip\s+address|address|country|city|location|place|device"
                  r"|computer|browser|phone)s?\b)?")
_ASKS_WHERE_SIGN_INS_CAME_FROM = re.compile(
    # "Where did they log in from?", "can you tell me where they logged in from?", "which IP was used to sign in?".
    rf"\b{_WHERE_OR_WHAT}[^.?!]{{0,40}}\b{_SIGN_IN}\b[^.?!]{{0,15}}\bfrom\b"
    rf"|\b(?:which|what)\s+(?:ip|ip\s+address|country|city|location|device|computer|browser)s?\b[^.?!]{{0,40}}\b{_SIGN_IN}"
    rf"|\b{_SIGN_IN}\b[^.?!]{{0,30}}\b(?:ip\s+address(?:es)?|ips?)\b"
    r"|\b(?:see|show|check|give|tell)\s+(?:me\s+)?(?:the\s+|my\s+)?(?:login|sign-?in|log-?in|access)\s+"
    r"(?:history|log|logs|activity|attempts|locations?|ips?)\b"
    # "How do I see recent logins?", "can I view the last sign-ins?" (no guide on that).
    r"|\b(?:see|view|check|find|list|show)\b[^.?!]{0,25}\b(?:recent|last|latest|past|previous)\s+(?:\d+\s+)?"
    r"(?:log-?ins?|logins|sign-?ins?|sessions|sign\s+ins|log\s+ins)\b",
    re.IGNORECASE)

# How the account part advises a customer who says someone else may be getting in (reply_account.py), which "I didn't
# get any alert" then answers.
INTRUSION_ADVISED = "If someone else may be getting into your account"
# "I didn't get any alert", "I never got an email about it": no warning of the sign-in came, said right after that advice
# (the scope reply came).
_NO_ALERT_CAME = re.compile(
    r"\b(?:didn'?t|did\s+not|never|haven'?t|have\s+not|wasn'?t|no)\s+(?:get|got|receive[ds]?|see|saw|sent|any|an?)?\s*"
    r"(?:an?\s+|any\s+)?(?:alerts?|notifications?|warnings?|notices?|e-?mails?\s+(?:about|warning|alert)\w*)\b",
    re.IGNORECASE)
NO_ALERT_REPLY = (
    "Our help centre doesn't describe alerts for new sign-ins, so I can't tell you whether one would have been sent, and "
    "nothing I can see of your account shows who signed in. A person from our team can look into it with you: would you "
    f"like me to {OFFER_PERSON}? Meanwhile, resetting your password from the sign-in page (**Forgot password**) stops "
    "the old one working.")

SIGN_IN_ORIGINS_REPLY = (
    "I can't see that from here: nothing I can see of your account shows where, or from which device or address, "
    "anyone signed in or tried to. A person from our team can look into it with you: would you like me to "
    f"{OFFER_PERSON}? Meanwhile, resetting your password from the sign-in page (**Forgot password**) stops the old one "
    "working.")


# "How do I see recent logins?", "can I view my login history?": asked how the customer can see them, not what we can.
_ASKS_HOW_TO_SEE = re.compile(r"^\W*(?:how\s+(?:do|can|could)\s+(?:i|we)|(?:can|could)\s+(?:i|we)|where\s+(?:do|can)\s+(?:i|we))"
                              r"\s+(?:see|view|check|find|list)\b", re.IGNORECASE)
SIGN_IN_LIST_REPLY = (
    "Our help centre doesn't describe a list of recent sign-ins you can look at, and nothing I can see of your account "
    "shows where, or from which device or address, anyone signed in. A person from our team can look into it with you: "
    f"would you like me to {OFFER_PERSON}?")


def asks_how_to_see_sign_ins(message: str) -> bool:
    """"How do I see recent logins?": where the customer can see the sign-ins, which no entry describes."""
    return bool(_ASKS_HOW_TO_SEE.match(message)) and asks_where_sign_ins_came_from(message)


def asks_where_sign_ins_came_from(message: str) -> bool:
    """"Where did they log in from?", "what IP was it?", "show me the login history": where or how someone signed in."""
    return bool(_ASKS_WHERE_SIGN_INS_CAME_FROM.search(message))


# "Can you see which ip it was?", "what country was it?": where from, the sign-in left unsaid (it was told just before).
_WHICH_ADDRESS = re.compile(r"\b(?:which|what)\s+(?:ip(?:\s+address)?|address|country|city|location|device|computer"
                            r"|browser)\s+(?:it|that|this|they)\s+(?:was|were|came\s+from|used)\b"
                            r"|\b(?:which|what)\s+(?:ip(?:\s+address)?|country|city|location|device|computer|browser)\s+"
                            r"(?:was\s+(?:it|that|used)|did\s+(?:it|they)\s+(?:come\s+from|use))\b", re.IGNORECASE)


def asks_where_the_intrusion_came_from(ctx: SupportContext) -> bool:
    """"Can you see which ip it was?" after the advice on someone else getting in, with a turn between at most."""
    return bool(_WHICH_ADDRESS.search(ctx.message)) and any(
        INTRUSION_ADVISED in text for text in assistant_texts(ctx)[:2])


def says_no_alert_came(ctx: SupportContext) -> bool:
    """"I didn't get any alert" right after the advice to someone who says another may be getting into their account."""
    return bool(_NO_ALERT_CAME.search(ctx.message)) and INTRUSION_ADVISED in last_assistant_text(ctx)
