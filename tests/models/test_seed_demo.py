from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from supportsite.customers.models import CustomerProfile, Invoice, Payment, Plan, Subscription
from supportsite.knowledge.models import Article, FaqEntry, Incident

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, list]:
    """Every demo row without timestamps that record when the seed ran."""
    return {
        "plans": list(Plan.objects.values_list("code", "name", "price_monthly").order_by("code")),
        "users": list(get_user_model().objects.values_list("username", "email", "is_staff", "password").order_by("username")),
        "customers": list(CustomerProfile.objects.values_list("external_id", "plan__code", "account_status").order_by("external_id")),
        "invoices": list(Invoice.objects.values_list("number", "amount", "status", "issued_on", "paid_on", "failure_reason").order_by("number")),
        "payments": list(Payment.objects.values_list("reference", "amount", "status", "duplicate_of__reference").order_by("reference")),
        "subscriptions": list(Subscription.objects.values_list("customer__external_id", "plan__code", "status", "renews_on").order_by("customer__external_id")),
        "faq": list(FaqEntry.objects.values_list("question", "answer", "alternatives").order_by("question")),
        "articles": list(Article.objects.values_list("slug", "title", "body").order_by("slug")),
        "incidents": list(Incident.objects.values_list("reference", "title", "status").order_by("reference")),
    }


def test_seed_demo_twice_in_a_row_changes_nothing():
    call_command("seed_demo")
    first = _snapshot()
    call_command("seed_demo")
    assert _snapshot() == first


def test_seed_demo_puts_back_a_demo_question_staff_recased_instead_of_adding_a_second_entry(demo):
    entry = FaqEntry.objects.order_by("pk").first()
    seeded_question, count = entry.question, FaqEntry.objects.count()
    entry.question = f"  {seeded_question.upper()}"
    entry.save()
    call_command("seed_demo")
    assert FaqEntry.objects.count() == count
    assert FaqEntry.objects.get(pk=entry.pk).question == seeded_question


def test_seed_demo_loads_exactly_the_demo_facts(demo):
    assert {p.code: p.price_monthly for p in Plan.objects.all()} == {
        "free": Decimal("0.00"), "pro": Decimal("29.00"), "business": Decimal("99.00"),
    }
    alice = demo["alice"]
    assert (alice.external_id, alice.plan.name, alice.user.get_full_name(), alice.user.email) == (
        "cus_alice", "Pro", "Alice Martin", "alice@example.com",
    )
    invoices = {i.number: i for i in Invoice.objects.filter(customer=alice)}
    assert set(invoices) == {"NW-1001", "NW-1002", "NW-1003"}
    assert invoices["NW-1003"].status == "failed"
    assert invoices["NW-1003"].issued_on == date(2026, 11, 1)
    assert "4242" in invoices["NW-1003"].failure_reason and "expired" in invoices["NW-1003"].failure_reason
    bob = demo["bob"]
    assert bob.plan.name == "Business"
    duplicate = Payment.objects.get(duplicate_of__isnull=False)
    assert duplicate.invoice.number == "NW-2002" and duplicate.amount == Decimal("99.00")
    assert duplicate.invoice.customer == bob
    carol = demo["carol"]
    assert carol.plan.name == "Free" and not carol.invoices.exists()
    assert carol.account_status == "locked" and carol.failed_signins == 5
    # Each paid plan renews on its invoices' day of the month; the Free plan is never charged.
    assert list(Subscription.objects.values_list("customer__external_id", "status", "renews_on")
                .order_by("customer__external_id")) == [
        ("cus_alice", "past_due", date(2026, 12, 1)), ("cus_bob", "active", date(2026, 12, 15)),
        ("cus_carol", "active", None),
    ]
    incident = Incident.objects.get()
    assert incident.title == "Elevated API error rates in eu-west" and incident.status != "resolved"
    assert incident.started_at.isoformat() == "2026-11-24T08:00:00+00:00"


def test_every_demo_user_signs_in_with_the_demo_password(demo, settings):
    user_model = get_user_model()
    for username in ("alice", "bob", "carol", "staff"):
        assert user_model.objects.get(username=username).check_password(settings.DEMO_PASSWORD)
    assert user_model.objects.get(username="staff").is_staff
    assert not user_model.objects.get(username="alice").is_staff
