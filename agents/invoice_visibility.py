"""Who can see the invoices, asked: "who can see them?" right after where invoices go was told, or "who else can see our
invoices?". It got the same reply again, behind "my answer is the same". The help centre says where invoices are sent
and kept, and that each team member gets a role; not which roles see billing, which is said rather than guessed."""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_WHO = r"^\W*(?:(?:and|so|but|ok(?:ay)?|also)[,\s]+)?who\s+(?:else\s+)?(?:can|could|will|would|gets?\s+to|is\s+able\s+to)\s+"
_SEES = r"(?:see|view|access|read|get|download)\s+"
_WHO_SEES_INVOICES = re.compile(
    rf"{_WHO}{_SEES}(?:(?:the|our|my)\s+)?(?:invoices|bills)(?:\s+(?:on|in|for)\s+(?:our|my|the)\s+account)?\s*[?.!]*\s*$",
    re.IGNORECASE)
_WHO_SEES_THEM = re.compile(rf"{_WHO}{_SEES}(?:them|those|these|it)\s*[?.!]*\s*$", re.IGNORECASE)
# How the billing part says where invoices go or are kept.
_INVOICES_TOLD = re.compile(r"\bInvoices go to\b|\bAll your invoices are under\b|\bemail every invoice\b")


def who_sees_the_invoices_reply(ctx: SupportContext) -> str | None:
    """"Who can see them?" after where invoices go, or "who else can see our invoices?": where they are sent and
    kept, that the help centre doesn't say which members see them, and a person. None for another message."""
    if not (_WHO_SEES_INVOICES.match(ctx.message)
            or (_WHO_SEES_THEM.match(ctx.message) and _INVOICES_TOLD.search(last_assistant_text(ctx)))):
        return None
    address = f" ({ctx.customer.email})" if ctx.customer is not None and ctx.customer.email else ""
    return (f"Our help centre says invoices are emailed to the address on your account{address} and kept under "
            "**Billing → Invoices**. It doesn't say which of your team members can see them (each member you invite gets "
            f"a role), so I'd rather not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?")
