"""Where sign-ins came from: "can you tell me where they logged in from?", "what IP was it?", "which device signed in?".

Nothing the agents see of an account records where, from which device or from which address anyone signed in or tried
to (the account port gives its state and the reason for a lock), so the answer is that it can't be seen here, with a
person offered. The scope reply came, or the intrusion advice again behind "my answer is the same".
"""

from __future__ import annotations

import re

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
    r"(?:history|log|logs|activity|attempts|locations?|ips?)\b",
    re.IGNORECASE)

SIGN_IN_ORIGINS_REPLY = (
    "I can't see that from here: nothing I can see of your account shows where, or from which device or address, "
    "anyone signed in or tried to. A person from our team can look into it with you: would you like me to "
    f"{OFFER_PERSON}? Meanwhile, resetting your password from the sign-in page (**Forgot password**) stops the old one "
    "working.")


def asks_where_sign_ins_came_from(message: str) -> bool:
    """"Where did they log in from?", "what IP was it?", "show me the login history": where or how someone signed in."""
    return bool(_ASKS_WHERE_SIGN_INS_CAME_FROM.search(message))
