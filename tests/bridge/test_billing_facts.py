"""The billing worker's facts read from the database: the subscription (the current plan and its next
renewal), and the plans on sale, read in the same one trip as the customer's other billing facts."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

import pytest

from supportsite.conversations import bridge
from supportsite.customers.models import Plan, Subscription
from tests.agents.fakes import PLANS as SEEDED_PLANS  # the fakes hold the seeded facts: checked here

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


def test_the_plans_are_the_seeded_catalogue_cheapest_first_and_follow_the_plan_table(demo):
    assert bridge._plans() == SEEDED_PLANS
    assert bridge._billing_snapshot(demo["carol"].pk).plans == SEEDED_PLANS  # the same for every customer
    # Renamed and repriced in the table, a plan moves up the ladder: the catalogue is read, not remembered.
    Plan.objects.filter(code="pro").update(name="Pro Plus", price_monthly=Decimal("149.00"))
    assert [(p.name, p.price_monthly) for p in bridge._plans()] == [
        ("Free", Decimal("0.00")), ("Business", Decimal("99.00")), ("Pro Plus", Decimal("149.00"))]


@pytest.mark.django_db(transaction=True)
async def test_the_billing_port_reads_the_plans_in_the_customers_one_database_trip(demo_tx, monkeypatch):
    trips: list[str] = []
    real_lookup = bridge.db_lookup_async

    def counted(function):
        trips.append(function.__name__)
        return real_lookup(function)

    monkeypatch.setattr(bridge, "db_lookup_async", counted)
    alice = demo_tx["alice"]
    billing = bridge.BillingPortDB(alice.pk, alice.external_id)
    plans, invoices, subscription = await asyncio.gather(
        billing.plans(), billing.invoices(customer_id="cus_alice"), billing.subscription(customer_id="cus_alice"))
    assert trips == ["_billing_snapshot"]
    assert plans == SEEDED_PLANS and len(invoices) == 3 and subscription is not None
    assert await billing.plans() == SEEDED_PLANS and trips == ["_billing_snapshot"]
    # A visitor's port has no customer to read with; the billing worker asks it nothing, but asked, it
    # reads the catalogue alone.
    assert await bridge.BillingPortDB(None, None).plans() == SEEDED_PLANS
    assert trips == ["_billing_snapshot", "_plans"]
