"""A charge said not to be ours, after our charges were listed: "it's not from you, it's from somewhere else" after "there's
a charge I don't recognise" got the invoice list. The list came again, behind "my answer is the same"; what the customer
needs is that a charge from another company is their bank's or card issuer's to look into, and to block the card if
someone may be using it."""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import earlier_user_texts, last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_NOT_OURS = re.compile(
    r"^\W*(?:(?:no|nope|well|but|actually|ok(?:ay)?)[,.!\s]+)*(?:it'?s|it\s+is|its|that'?s|that\s+is|the\s+charge\s+is)\s+not\s+"
    r"(?:from\s+(?:you|u|northwind|your\s+company)|(?:a\s+)?(?:northwind|your)(?:\s+cloud)?(?:\s+charge)?|one\s+of\s+(?:yours|your"
    r"\s+charges)|yours)\b[^?]{0,60}$"
    r"|^\W*(?:(?:no|nope|well|but|actually)[,.!\s]+)*(?:it'?s|it\s+is|its|the\s+charge\s+is)\s+from\s+(?:somewhere|someone|"
    r"something)\s+else\b[^?]{0,40}$"
    r"|^\W*(?:(?:no|nope|well|but|actually)[,.!\s]+)*(?:it'?s|it\s+is|its|the\s+charge\s+is)\s+from\s+(?:another|a\s+different"
    r"|some\s+other)\s+(?:company|merchant|shop|store|site|website|business|service)\b[^?]{0,40}$",
    re.IGNORECASE)
# How our charges were told before it: the invoice list, the payments, a charge not found.
_OUR_CHARGES_TOLD = re.compile(r"\bHere are your most recent invoices\b|\bHere are the payments on your account\b"
                               r"|\bYour last payment was\b|\bcan'?t find a charge\b")
# A charge the customer doesn't know, or a card they think is misused, said before it.
_UNKNOWN_CHARGE_SAID = re.compile(
    r"\b(?:don'?t|do\s+not|didn'?t)\s+recogni[sz]e\b|\bunrecogni[sz]ed\b|\bunknown\s+charge\b|\bsomeone\s+(?:is\s+)?us(?:ing|ed)\s+"
    r"my\s+card\b|\bfraud\w*\b|\bnot\s+(?:mine|me)\b", re.IGNORECASE)

CHARGE_NOT_OURS_REPLY = (
    "Then that charge isn't one of ours: what we've charged you is what I listed. A charge from another company is for "
    "your bank or card issuer to look into, and if you think someone may be using your card, they can block it and send "
    f"you a new one. If you'd like a person from our team to check your account with you as well, I can {OFFER_PERSON}.")


def says_the_charge_is_not_ours(ctx: SupportContext) -> bool:
    """"It's not from you, it's from somewhere else" after our charges were listed for a charge the customer doesn't
    know."""
    return (bool(_NOT_OURS.match(ctx.message)) and bool(_OUR_CHARGES_TOLD.search(last_assistant_text(ctx)))
            and any(_UNKNOWN_CHARGE_SAID.search(text) for text in earlier_user_texts(ctx)[:3]))
