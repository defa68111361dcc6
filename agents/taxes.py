"""Taxes on our prices, which the help centre never describes: whether VAT is added, a reverse-charge invoice, and where
the customer says they are right after being told so ("I'm in germany": the scope reply came).
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

# How the billing part says the help centre is silent on taxes (reply_billing._tax_and_invoice_details).
TAX_UNSAID = "Our help centre doesn't say whether VAT or other taxes are added to our prices"

# "Can I get a reverse charge invoice?", "is reverse-charge VAT applied?": VAT accounted for by the buyer across borders.
REVERSE_CHARGE = re.compile(r"\breverse[\s-]+charg(?:e|ed|ing)\b", re.IGNORECASE)

# "Do you add VAT?", "are prices including tax?", "is VAT included?", "plus VAT?": whether tax comes on top of our prices
# (the FAQ shortcut sent the steps to add a VAT number to invoices, for "add" and "VAT").
_TAX = r"(?:vat|gst|sales\s+tax|tax(?:es)?)"
_TAX_ADDED = re.compile(
    rf"\b(?:do|does|will|would|is|are)\s+(?:you|northwind|it|that|the\s+prices?|your\s+prices?|prices?|the\s+plans?"
    r"|(?:the\s+)?(?:free|pro|business)(?:\s+plan)?)\s+"
    rf"(?:add|charge|include|apply|incl\w*|come\s+with|have)\s+(?:any\s+)?{_TAX}\b"
    rf"|\b(?:is|are)\s+(?:the\s+)?{_TAX}\s+(?:included|extra|added|on\s+top)\b"
    rf"|\b(?:prices?|plans?|it)\s+(?:are\s+|is\s+)?(?:including|excluding|incl\.?|excl\.?|inclusive\s+of|exclusive\s+of|"
    rf"with|without|before|after)\s+{_TAX}\b"
    rf"|^\W*(?:(?:and|so|is\s+that|is\s+it)\s+)?(?:plus|\+|incl\.?|including|excluding|excl\.?)\s+{_TAX}\s*\??\s*$",
    re.IGNORECASE)


def asks_if_tax_is_added(message: str) -> bool:
    """"Do you add VAT?": whether tax comes on top of our prices, which the help centre never says."""
    return bool(_TAX_ADDED.search(message))


# "I'm in germany", "we're based in the UK", "from france": where the customer is, and nothing else.
_SAYS_WHERE_THEY_ARE = re.compile(
    r"^\W*(?:(?:well|ok(?:ay)?|so|but|and)[,\s]+)?(?:(?:i'?m|i\s+am|we'?re|we\s+are|i\s+live|we\s+live|our\s+company\s+is"
    r"|the\s+company\s+is)\s+(?:(?:based|located|registered)\s+)?(?:in|from)|(?:based|located)\s+in|from)\s+"
    r"(?:the\s+)?[a-z][a-z .'-]{1,30}?\W*$", re.IGNORECASE)

TAX_WHERE_THEY_ARE_REPLY = (
    "Thanks. Our help centre doesn't say how VAT or other taxes apply where you are, or whether any are added to our "
    "prices, so I'd rather not guess. A person from our team can tell you for certain: would you like me to "
    f"{OFFER_PERSON}?")


def says_where_they_are_after_taxes(ctx: SupportContext) -> bool:
    """"I'm in germany" right after the reply that said the help centre doesn't say how we tax."""
    return bool(_SAYS_WHERE_THEY_ARE.match(ctx.message)) and TAX_UNSAID in last_assistant_text(ctx)
