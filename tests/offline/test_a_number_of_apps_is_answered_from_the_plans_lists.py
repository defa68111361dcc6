""""Can I have two apps?" got the help centre's entry on a lost authenticator (its "two-factor" and "app" were the
nearest words), and to a customer whose account is locked, the lock too; "can I run more than one app?" and "I can't
add a second app" got "I don't have a guide on that". A number of apps is what each plan's list counts: whether the
customer's own plan allows it (and which plan does), or each plan's count for a visitor."""

from __future__ import annotations

import pytest

from agents.own_data import mentions_plans

NO_ON_FREE = "No: your plan, Free, includes one app. Pro ($29.00 a month) includes up to 10 apps"


@pytest.mark.parametrize("message", ["can I have two apps?", "can I have 2 apps?", "can I run more than one app?",
                                     "I cant add a second app"])
async def test_more_apps_than_the_customers_plan_allows_is_a_no_with_the_plan_that_allows_them(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert outcome.reply.startswith(NO_ON_FREE), outcome.reply
    assert "recovery code" not in outcome.reply and "locked" not in outcome.reply, outcome.reply


async def test_apps_the_customers_plan_allows_are_a_yes(converse):
    (outcome,) = await converse("cus_alice", "can I have two apps?")
    assert outcome.reply.startswith("Yes: your plan, Pro, includes up to 10 apps."), outcome.reply


async def test_a_visitor_gets_each_plans_count(converse):
    (outcome,) = await converse(None, "can I have two apps?")
    assert outcome.reply.startswith("It depends on the plan. Free: one app; Pro ($29.00 a month): up to 10 apps"), (
        outcome.reply)


async def test_how_many_apps_still_gets_each_plans_count_and_the_customers_own(converse):
    (outcome,) = await converse("cus_bob", "how many apps can I have?")
    assert outcome.reply.startswith("It depends on the plan.") and "You're on Business" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "counted"), [
    ("can I have two apps?", True), ("a second app", True), ("more than one app", True), ("multiple apps", True),
    ("my app is slow", False), ("two factor for my app", False), ("the authenticator app", False),
])
def test_a_number_of_apps_needs_the_plans(message, counted):
    assert mentions_plans(message) is counted
