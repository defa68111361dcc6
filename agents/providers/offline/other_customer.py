"""Does a message ask about another customer's account or billing? "The customer bob", "bob's invoices",
"my colleague alice martin", "what card does bob chen use?", "the owner of card 5555", "cus_bob", an invoice
number that is not the customer's own.

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
    r"|invoices?|payments?|bills?|receipts?|refunds?|balance"
    # "I'm alice's colleague, what's her payment status?": the one whose account it is, named by whose
    # colleague (or friend, boss …) the customer says they are.
    r"|colleague|co-?worker|friend|boss|manager|wife|husband|partner|assistant|teammate|employee|employer)\b",
    re.IGNORECASE,
)
# People a customer asks on behalf of: "my colleague alice martin has a failed payment", "my friend bob's card".
_RELATIONS = (r"(?:colleague|co-?worker|friend|boss|manager|wife|husband|partner|brother|sister|mother|father|mom"
              r"|mum|dad|son|daughter|employee|employer|teammate|assistant|flatmate|roommate)")
# "My colleague alice martin has a failed payment", "my friend bob, who pays for …": a relation followed by
# a name (and maybe a surname), then a verb, a comma or a possessive; "my colleague wants access" names no one
# (the verb-like words a name slot catches are in _NOT_A_NAME). "My coworker alice@example.com can't log in":
# an address is a name too.
_ON_BEHALF_OF = re.compile(
    rf"\bmy\s+{_RELATIONS}\s*,?\s+([\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]+)(?:\s+[A-Za-z]+)?\s*(?:,|'s\b"
    r"|\s(?:has|had|have|is|was|got|gets|uses"
    r"|used|pays|paid|owes|can'?t|cannot|could|couldn'?t|needs|wants|says|said|told|asked|tried|sees|saw)\b)",
    re.IGNORECASE,
)
# "What card does bob chen use?", "which email is bob on?": the thing asked about first, the person after.
_WHOSE_THING = re.compile(
    r"\b(?:card|cards|payment\s+method|email|e-mail|address|plan|subscription)\s+(?:does|did|do|is|was|will)\s+"
    r"([A-Za-z]+)(?:\s+[A-Za-z]+)?\s+(?:use|uses|using|used|have|has|pay|pays|paying|on|registered|signed)\b",
    re.IGNORECASE,
)
# "The last 4 digits of card 5555 owner", "who owns the card ending 5555?", "whose card is 5555?": a card by
# its digits, asked whose it is. Not "my card ending 4242", which is the customer's own.
_CARD = r"(?<!my\s)card\s+(?:number\s+)?(?:ending\s+(?:in\s+|with\s+)?)?(\d{4})"
_CARD_OWNER = re.compile(
    rf"\b{_CARD}\s+(?:owner|holder|belongs|user)s?\b"
    rf"|\b(?:owner|holder|user)s?\s+of\s+(?:the\s+|this\s+|that\s+)?{_CARD}\b"
    rf"|\bwho(?:'s|\s+is)?\s+(?:owns|has|uses|using|holds|behind)\s+(?:the\s+|this\s+|that\s+)?{_CARD}\b"
    r"|\bwhose\s+card\s+(?:is\s+)?(?:number\s+)?(?:ending\s+(?:in\s+|with\s+)?)?(\d{4})\b",
    re.IGNORECASE,
)
# Another person as the subject of a question about an account: "does bob have a duplicate charge?",
# "has bob been refunded?", "how much does bob pay?", "what plan is bob chen on?", "was bob@example.com
# charged twice?" (an address anywhere else may be the customer's new one, or a colleague's to invite).
# The verbs are the account's and billing's own; "does it have", "is there" and the like are no one, nor a verb and its
# "to" ("someone is trying to get into my account" named "trying").
_SUBJECT = re.compile(
    r"\b(?:does|did|do|has|had|is|was|will|can)\s+([\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]+)(?:\s+going\s+to|\s+(?!to\b)[A-Za-z]+)?\s+"
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
    "i", "you", "u", "ya", "yu", "he", "she", "we", "they", "there", "anyone", "someone", "everyone", "anybody",
    "nobody", "somebody", "free", "pro", "plan", "invoice", "payment", "card", "refund", "mine", "yours",
    "each", "every", "any", "a", "an", "what", "which", "who", "how", "much", "money", "charge",
    "everything", "anything", "something", "nothing", "all", "both", "these", "those", "them", "me", "us",
    "last", "next", "previous", "first", "second", "latest", "recent", "current", "older", "earlier",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "stripe", "paypal", "bank", "visa", "mastercard", "amex",
    # What "user", "customer" or "client" qualify on the customer's own account: "reset my user password", "my
    # customer login" (read as a customer named "password", it got "I can't tell you anything about anyone else's").
    "password", "passwords", "access", "key", "keys", "pin", "login", "logins", "username", "usernames", "details",
    "info", "information", "number", "role", "roles", "permissions", "credentials", "reviews", "review", "feedback",
    "services", "accounts", "care", "side",
    # Words a name slot catches after "my colleague …" that are verbs or fillers, not names.
    "just", "also", "really", "still", "recently", "already", "has", "had", "have", "is", "was", "can", "cannot",
    "could", "wants", "needs", "said", "says", "told", "asked", "and", "from", "at", "in", "on", "here", "will",
    "would", "did", "does", "uses", "used", "got", "paid", "pays", "of", "to", "for", "with", "whose",
    "but", "so", "too", "tried", "cant",
    # How a charge was taken, between "was" and "charged": "I was double charged", "was it wrongly charged?".
    "double", "doubly", "triple", "twice", "wrongly", "incorrectly", "mistakenly", "accidentally", "never", "not",
    "ever", "being", "overcharged",
})


def names_someone_else(text: str, *, own_names: Iterable[str], own_customer_id: str = "",
                       own_invoices: Iterable[str] | None = None, own_email: str = "",
                       own_cards: Iterable[str] = ()) -> bool:
    """Whether `text` asks about a customer other than the one signed in: by name (not one of
    `own_names`), by a customer id other than `own_customer_id`, by an invoice number that is not among
    `own_invoices` (None when the customer's invoices were not gathered: then no number can be told
    apart, and none is weighed), or by asking whose a card is that is not among `own_cards` (last four
    digits). An email address asked about ("was bob@example.com charged?") is a name; `own_email` is the
    customer's own."""
    own = {name.lower() for name in (*own_names, own_email)} | {""}
    found = [*_NAMED.findall(text), *_SUBJECT.findall(text), *((name,) for name in _ABOUT_WHOSE.findall(text)),
             *((name,) for name in _ON_BEHALF_OF.findall(text)), *((name,) for name in _WHOSE_THING.findall(text))]
    named = {name.lower() for group in found for name in group} - own - _NOT_A_NAME
    if named:
        return True
    if {digits for group in _CARD_OWNER.findall(text) for digits in group} - set(own_cards) - {""}:
        return True
    if {found.lower() for found in _CUSTOMER_ID.findall(text)} - {own_customer_id.lower()}:
        return True
    named_invoices = {found.upper() for found in _INVOICE.findall(text)}
    return own_invoices is not None and bool(named_invoices - set(own_invoices))
