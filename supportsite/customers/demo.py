"""The demo company, Northwind Cloud: exactly the facts outside checks rely on."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from supportsite.customers.models import (
    CustomerProfile,
    Invoice,
    Payment,
    PaymentMethod,
    Plan,
    Subscription,
)
from supportsite.knowledge.demo_content import ARTICLES, FAQS
from supportsite.knowledge.models import Article, FaqEntry, Incident, faq_question_key

PLANS = [
    ("free", "Free", Decimal("0.00"), "One app, shared resources, community support."),
    ("pro", "Pro", Decimal("29.00"), "Up to 10 apps, custom domains, email support."),
    ("business", "Business", Decimal("99.00"), "Unlimited apps, team members, priority support."),
]

# renews_on: the day each paid plan is next charged (Alice on the 1st, Bob on the 15th, as their
# invoices are); the Free plan is never charged.
CUSTOMERS = [
    {"username": "alice", "first": "Alice", "last": "Martin", "external_id": "cus_alice", "plan": "pro",
     "renews_on": date(2026, 12, 1)},
    {"username": "bob", "first": "Bob", "last": "Chen", "external_id": "cus_bob", "plan": "business",
     "renews_on": date(2026, 12, 15)},
    {"username": "carol", "first": "Carol", "last": "Diaz", "external_id": "cus_carol", "plan": "free",
     "renews_on": None},
]


# The demo customers signed up when their subscriptions started: "when did I sign up?" is answered from this.
CUSTOMERS_JOINED = datetime(2026, 8, 1, 9, 0, tzinfo=UTC)


def _user(username: str, *, first: str = "", last: str = "", staff: bool = False, joined: datetime | None = None):
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name = first, last
    if joined is not None:
        user.date_joined = joined
    user.email = f"{username}@example.com"
    user.is_staff = staff
    user.is_superuser = staff
    if not user.check_password(settings.DEMO_PASSWORD):
        user.set_password(settings.DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def demo_seed() -> dict[str, int]:
    """Load the demo company; running it again changes nothing."""
    plans = {}
    for code, name, price, description in PLANS:
        plans[code], _ = Plan.objects.update_or_create(
            code=code, defaults={"name": name, "price_monthly": price, "description": description}
        )

    _user("staff", first="Sam", last="Staff", staff=True)
    profiles = {}
    for spec in CUSTOMERS:
        user = _user(spec["username"], first=spec["first"], last=spec["last"], joined=CUSTOMERS_JOINED)
        profiles[spec["username"]], _ = CustomerProfile.objects.update_or_create(
            user=user, defaults={"external_id": spec["external_id"], "plan": plans[spec["plan"]]}
        )
        Subscription.objects.update_or_create(
            customer=profiles[spec["username"]],
            defaults={"plan": plans[spec["plan"]], "status": Subscription.Status.ACTIVE,
                      "started_on": CUSTOMERS_JOINED.date(),
                      "renews_on": spec["renews_on"]},
        )

    alice, bob, carol = profiles["alice"], profiles["bob"], profiles["carol"]
    alice_card, _ = PaymentMethod.objects.update_or_create(
        customer=alice, last4="4242", defaults={"brand": "Visa", "exp_month": 10, "exp_year": 2026}
    )
    bob_card, _ = PaymentMethod.objects.update_or_create(
        customer=bob, last4="5555", defaults={"brand": "Mastercard", "exp_month": 8, "exp_year": 2028}
    )
    Subscription.objects.filter(customer=alice).update(status=Subscription.Status.PAST_DUE)

    def invoice(customer, card, number, amount, status, issued, paid=None, failure=""):
        inv, _ = Invoice.objects.update_or_create(
            number=number,
            defaults={
                "customer": customer, "amount": Decimal(amount), "status": status, "issued_on": issued,
                "paid_on": paid, "failure_reason": failure, "payment_method": card,
            },
        )
        return inv

    def payment(inv, reference, status, charged_at, card, duplicate_of=None):
        pay, _ = Payment.objects.update_or_create(
            reference=reference,
            defaults={
                "invoice": inv, "amount": inv.amount, "status": status, "charged_at": charged_at,
                "payment_method": card, "duplicate_of": duplicate_of,
            },
        )
        return pay

    nw1001 = invoice(alice, alice_card, "NW-1001", "29.00", "paid", date(2026, 9, 1), date(2026, 9, 1))
    nw1002 = invoice(alice, alice_card, "NW-1002", "29.00", "paid", date(2026, 10, 1), date(2026, 10, 1))
    nw1003 = invoice(
        alice, alice_card, "NW-1003", "29.00", "failed", date(2026, 11, 1),
        failure="The card ending 4242 expired.",
    )
    payment(nw1001, "ch_alice_1001", "succeeded", datetime(2026, 9, 1, 9, 0, tzinfo=UTC), alice_card)
    payment(nw1002, "ch_alice_1002", "succeeded", datetime(2026, 10, 1, 9, 0, tzinfo=UTC), alice_card)
    payment(nw1003, "ch_alice_1003", "failed", datetime(2026, 11, 1, 9, 0, tzinfo=UTC), alice_card)

    nw2001 = invoice(bob, bob_card, "NW-2001", "99.00", "paid", date(2026, 10, 15), date(2026, 10, 15))
    nw2002 = invoice(bob, bob_card, "NW-2002", "99.00", "paid", date(2026, 11, 15), date(2026, 11, 15))
    payment(nw2001, "ch_bob_2001", "succeeded", datetime(2026, 10, 15, 9, 0, tzinfo=UTC), bob_card)
    first = payment(nw2002, "ch_bob_2002", "succeeded", datetime(2026, 11, 15, 9, 0, tzinfo=UTC), bob_card)
    payment(nw2002, "ch_bob_2002_dup", "succeeded", datetime(2026, 11, 15, 9, 0, 4, tzinfo=UTC), bob_card, first)

    CustomerProfile.objects.filter(pk=carol.pk).update(
        account_status=CustomerProfile.Status.LOCKED,
        locked_reason="Locked after five failed sign-ins.",
        failed_signins=5,
        # Seeded again after an unlock, the demo's lock is the only one she has had.
        last_lock_reason="", unlocked_at=None, unlocked_on_request=False,
    )

    Incident.objects.update_or_create(
        reference="INC-2026-1124",
        defaults={
            "title": "Elevated API error rates in eu-west",
            "status": Incident.Status.INVESTIGATING,
            "regions": ["eu-west"],
            "components": ["api"],
            "summary": "Some API requests to apps in eu-west return 502 and 503 errors. Engineers are investigating.",
            "started_at": datetime(2026, 11, 24, 8, 0, tzinfo=UTC),
            "resolved_at": None,
        },
    )

    for spec in FAQS:
        # Found by its question's key, as the FAQ tells questions apart: an entry whose question staff
        # re-cased or re-spaced is put back, where a lookup by the exact text would add a second entry
        # that the unique key refuses.
        FaqEntry.objects.update_or_create(
            question_key=faq_question_key(spec["question"]),
            defaults={"question": spec["question"], "answer": spec["answer"], "alternatives": spec["alternatives"],
                      "tags": spec.get("tags", [])},
        )
    for spec in ARTICLES:
        Article.objects.update_or_create(
            slug=spec["slug"],
            defaults={k: spec[k] for k in ("title", "summary", "body")} | {"tags": spec.get("tags", [])},
        )
    return {
        "customers": CustomerProfile.objects.count(),
        "invoices": Invoice.objects.count(),
        "faq_entries": FaqEntry.objects.count(),
        "articles": Article.objects.count(),
    }
