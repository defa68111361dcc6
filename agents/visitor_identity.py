"""A visitor who says who they are: "my username is carol", "my email is carol@example.com", "the account is bob".

Nothing said in the chat signs anyone in, and an account's details go only to its signed-in owner, so a name or an
address typed here looks nothing up. It got the scope reply, or the steps to change the account's email address as if
the address were a new one. What is said instead: that it can't be used to look the account up, how to get in (the
password reset works without being signed in), and a person, who can check who they are.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.offers import OFFER_PERSON

# A username or an address, and not a word that says what is wrong with one ("my email is not working").
_NAME_OR_ADDRESS = (r"(?!(?:not|wrong|incorrect|invalid|locked|blocked|disabled|missing|gone|broken|taken|old|new)\b)"
                    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[a-z0-9_.-]{2,30})")
_SAYS_WHO_THEY_ARE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|well|and|hi|hello)[,\s]+)?(?:my|the|our)\s+(?:user\s*name|login|account(?:\s+name)?|e-?mail"
    rf"(?:\s+address)?)\s+(?:is|=|:)\s+{_NAME_OR_ADDRESS}\W*$"
    rf"|^\W*(?:it'?s|it\s+is)\s+(?:for\s+)?(?:the\s+)?(?:account|user(?:name)?)\s+{_NAME_OR_ADDRESS}\W*$",
    re.IGNORECASE)

VISITOR_IDENTITY_REPLY = (
    "Thanks, but I can't look an account up from what's typed here: I only show an account's details to its owner, "
    "signed in. If you can't sign in, choose **Forgot password** on the sign-in page and enter your email address: the "
    "reset works without signing in. If that doesn't get you in, a person from our team can check it's you and help: "
    f"would you like me to {OFFER_PERSON}?")


def visitor_says_who_they_are(ctx: SupportContext) -> bool:
    """"My username is carol" from someone not signed in."""
    return ctx.customer is None and bool(_SAYS_WHO_THEY_ARE.match(ctx.message))
