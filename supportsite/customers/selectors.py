"""Reads about customers that other apps need without knowing the customers' models."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.db.models.functions import Upper

from supportsite.customers.models import CustomerProfile, Invoice, Payment, RefundRequest

# Candidates only: whether one is a customer's is for the database to say ("HTTP-2" is no invoice).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Words joined by - or _ ("NW-2002", "ch_bob_2002_dup", "Invoice-NW-2002"): each run of their parts is a
# candidate, so a reference inside a longer name ("Invoice-NW-2002.pdf") is found too.
_JOINED = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+")
_MAX_PARTS = 8  # a longer joined run is split no further: no reference here has more parts


def _candidates(text: str) -> list[str]:
    found: list[str] = []
    for joined in _JOINED.findall(text):
        pieces = re.split(r"([-_])", joined)  # parts, with the separators between them
        parts = pieces[::2][:_MAX_PARTS]
        for start in range(len(parts)):
            for end in range(start + 2, len(parts) + 1):
                found.append("".join(pieces[2 * start:2 * end - 1]))
    return list(dict.fromkeys(found))


def customer_details_in(*, text: str) -> list[str]:
    """The identifiers in `text` that belong to one customer: invoice numbers, payment and refund
    references, customer ids and the email addresses of registered users, in the order found, as
    written (matched whatever their letter case).

    Text meant for everyone (an FAQ answer) must hold none: a reply written for one customer and
    published as it stands would show their records to every visitor.
    """
    references = _candidates(text)
    emails = list(dict.fromkeys(_EMAIL.findall(text)))
    found: set[str] = set()
    if references:
        upper = [r.upper() for r in references]
        for model, field in ((Invoice, "number"), (Payment, "reference"), (RefundRequest, "reference"),
                             (CustomerProfile, "external_id")):
            found |= set(model.objects.annotate(key=Upper(field)).filter(key__in=upper).values_list("key", flat=True))
    if emails:
        users = get_user_model().objects.annotate(key=Upper("email"))
        found |= set(users.filter(key__in=[e.upper() for e in emails]).values_list("key", flat=True))
    hits = [c for c in [*references, *emails] if c.upper() in found]
    # "ch_bob_2002_dup" holds "ch_bob_2002", another reference: the longer one is what the text names.
    return [c for c in hits if not any(c.upper() != o.upper() and c.upper() in o.upper() for o in hits)]
