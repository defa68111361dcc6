"""Reads about customers that other apps need without knowing the customers' models."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model

from supportsite.customers.models import CustomerProfile, Invoice, Payment, RefundRequest

# Candidates only: whether one is a customer's is for the database to say ("HTTP-2" is no invoice).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_REFERENCE = re.compile(r"\b[A-Za-z]{2,}[-_][A-Za-z0-9_-]{3,}\b")


def customer_details_in(*, text: str) -> list[str]:
    """The identifiers in `text` that belong to one customer: invoice numbers, payment and refund
    references, customer ids and the email addresses of registered users, in the order found.

    Text meant for everyone (an FAQ answer) must hold none: a reply written for one customer and
    published as it stands would show their records to every visitor.
    """
    references = list(dict.fromkeys(_REFERENCE.findall(text)))
    emails = list(dict.fromkeys(_EMAIL.findall(text)))
    found: set[str] = set()
    if references:
        upper = [r.upper() for r in references]
        found |= set(Invoice.objects.filter(number__in=upper).values_list("number", flat=True))
        found |= set(Payment.objects.filter(reference__in=upper).values_list("reference", flat=True))
        found |= set(RefundRequest.objects.filter(reference__in=upper).values_list("reference", flat=True))
        found |= set(CustomerProfile.objects.filter(external_id__in=references).values_list("external_id", flat=True))
    if emails:
        registered = get_user_model().objects.filter(email__in=emails).values_list("email", flat=True)
        found |= {e.lower() for e in registered}
    return [c for c in [*references, *emails] if c.upper() in {f.upper() for f in found}]
