"""The billing worker's subscription fact, read from the database: the current plan and its next renewal."""

from __future__ import annotations

from datetime import date

import pytest

from supportsite.conversations import bridge
from supportsite.customers.models import Plan, Subscription

pytestmark = pytest.mark.django_db


def test_the_subscription_fact_tells_the_next_renewal_counted_from_today(demo, monkeypatch):
    bob = demo["bob"]
    monkeypatch.setattr(bridge, "customer_today", lambda: date(2026, 12, 2))
    fact = bridge._subscription(bob.pk)
    assert fact is not None
    assert (fact.plan, str(fact.price_monthly), fact.status, fact.renews_on) == (
        "Business", "99.00", "active", date(2026, 12, 15))
    monkeypatch.setattr(bridge, "customer_today", lambda: date(2026, 12, 20))
    assert bridge._subscription(bob.pk).renews_on == date(2027, 1, 15)


def test_a_free_plan_has_no_renewal_to_tell(demo):
    fact = bridge._subscription(demo["carol"].pk)
    assert fact is not None and fact.plan == "Free" and fact.renews_on is None


def test_a_newer_cancelled_subscription_does_not_hide_the_current_one(demo):
    bob = demo["bob"]
    Subscription.objects.create(customer=bob, plan=Plan.objects.get(code="pro"), status="cancelled",
                                started_on=date(2026, 11, 1), renews_on=date(2026, 12, 1))
    assert bridge._subscription(bob.pk).plan == "Business"
    Subscription.objects.filter(customer=bob, plan__code="business").update(status="cancelled")
    fact = bridge._subscription(bob.pk)
    # Only cancelled ones left: the newest, with nothing more to charge.
    assert (fact.plan, fact.status, fact.renews_on) == ("Pro", "cancelled", None)


def test_a_customer_without_a_subscription_has_no_fact(demo):
    Subscription.objects.filter(customer=demo["alice"]).delete()
    assert bridge._subscription(demo["alice"].pk) is None
