"""Does a message ask about another customer's account or billing? "The customer bob", "bob's invoices",
"cus_bob", an invoice number that is not the customer's own.

One check for every part of a reply: the account part refuses another customer's details and the billing
part shows only the customer's own. Each part once kept its own list of wordings, and each missed what
the other caught ("bob's invoices" reached the account part, "the customer bob" the billing part).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "The customer bob", "the account of bob", "bob's email", "bob's invoices": another person by name.
_NAMED = re.compile(
    r"\b(?:customer|user|client|account\s+of)\s+([A-Za-z]+)\b"
    r"|\b([A-Za-z]+)'s\s+(?:email|e-mail|account|address|password|details|plan|card|subscription"
    r"|invoices?|payments?|bills?|receipts?|refunds?)\b",
    re.IGNORECASE,
)
# A customer id as the system writes them ("cus_bob"): no customer knows another's unless told it.
_CUSTOMER_ID = re.compile(r"\bcus_\w+", re.IGNORECASE)
# An invoice number, however it is cased ("nw-2001"), as reply_base.invoice_numbers reads them (imported
# by reply_base, this module can't import it back).
_INVOICE = re.compile(r"\bNW-\d+", re.IGNORECASE)
# Words the patterns above catch that name nobody: "the user interface", "this month's invoice",
# "the customer portal", "my team's plan".
_NOT_A_NAME = frozenset({
    "my", "your", "our", "the", "this", "that", "support", "service", "northwind", "account", "id", "name",
    "email", "portal", "area", "settings", "data", "profile", "experience", "team", "it", "its", "one", "other",
    "new", "another", "interface", "dashboard", "guide", "manual", "agreement", "base", "panel", "today",
    "yesterday", "month", "week", "year", "company", "business", "app", "site", "website", "",
})


def names_someone_else(text: str, *, own_names: Iterable[str], own_customer_id: str = "",
                       own_invoices: Iterable[str] | None = None) -> bool:
    """Whether `text` asks about a customer other than the one signed in: by name (not one of
    `own_names`), by a customer id other than `own_customer_id`, or by an invoice number that is not among
    `own_invoices` (None when the customer's invoices were not gathered: then no number can be told
    apart, and none is weighed)."""
    own = {name.lower() for name in own_names} | {""}
    named = {name.lower() for pair in _NAMED.findall(text) for name in pair} - own - _NOT_A_NAME
    if named:
        return True
    if {found.lower() for found in _CUSTOMER_ID.findall(text)} - {own_customer_id.lower()}:
        return True
    named_invoices = {found.upper() for found in _INVOICE.findall(text)}
    return own_invoices is not None and bool(named_invoices - set(own_invoices))
