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
# Another person as the subject of a question about an account: "does bob have a duplicate charge?",
# "has bob been refunded?", "how much does bob pay?", "what plan is bob chen on?", "was bob@example.com
# charged twice?" (an address anywhere else may be the customer's new one, or a colleague's to invite).
# The verbs are the account's and billing's own; "does it have", "is there" and the like are no one.
_SUBJECT = re.compile(
    r"\b(?:does|did|do|has|had|is|was|will|can)\s+([\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]+)(?:\s+[A-Za-z]+)?\s+"
    r"(?:have|has|had|got|pay|pays|paid|owe|owes|been|get|gets|charged|refunded|locked|subscribed)\b"
    r"|\bplan\s+(?:is|was)\s+([A-Za-z]+)(?:\s+[A-Za-z]+)?\s+on\b",
    re.IGNORECASE,
)
# "And bob's?", "what about bob's?", "how about carol's account?": a possessive with the thing left to the
# question before it.
_ABOUT_WHOSE = re.compile(r"(?:^\s*and|\b(?:what|how)\s+about)\s+([A-Za-z]+)'s\b", re.IGNORECASE)
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
    # Subjects of "does … have", "is … charged" that are no one: pronouns, plans, things on an account.
    "i", "you", "he", "she", "we", "they", "there", "anyone", "someone", "everyone", "anybody",
    "nobody", "somebody", "free", "pro", "plan", "invoice", "payment", "card", "refund", "mine", "yours",
    "each", "every", "any", "a", "an", "what", "which", "who", "how", "much", "money", "charge",
    "everything", "anything", "something", "nothing", "all", "both", "these", "those", "them", "me", "us",
    "last", "next", "previous", "first", "second", "latest", "recent", "current", "older", "earlier",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "stripe", "paypal", "bank", "visa", "mastercard", "amex",
})


def names_someone_else(text: str, *, own_names: Iterable[str], own_customer_id: str = "",
                       own_invoices: Iterable[str] | None = None, own_email: str = "") -> bool:
    """Whether `text` asks about a customer other than the one signed in: by name (not one of
    `own_names`), by a customer id other than `own_customer_id`, or by an invoice number that is not among
    `own_invoices` (None when the customer's invoices were not gathered: then no number can be told
    apart, and none is weighed). An email address asked about ("was bob@example.com charged?") is a name;
    `own_email` is the customer's own."""
    own = {name.lower() for name in (*own_names, own_email)} | {""}
    found = [*_NAMED.findall(text), *_SUBJECT.findall(text), *((name,) for name in _ABOUT_WHOSE.findall(text))]
    named = {name.lower() for group in found for name in group} - own - _NOT_A_NAME
    if named:
        return True
    if {found.lower() for found in _CUSTOMER_ID.findall(text)} - {own_customer_id.lower()}:
        return True
    named_invoices = {found.upper() for found in _INVOICE.findall(text)}
    return own_invoices is not None and bool(named_invoices - set(own_invoices))
