""""Need to cancel my premium account" from Bob, on Business, got "We don't have a Premium plan" and our three plans:
"premium" is what many call any paid plan, and his is one. For a customer who pays, "my premium account" is read as
their own plan; on Free, or named without "my", it is still a plan we don't have."""

from __future__ import annotations

import pytest

from agents.service_terms import with_own_paid_plan_named

NOT_OURS = "We don't have a Premium plan"


@pytest.mark.parametrize(("message", "own_plan", "read_as"), [
    ("need ot cancel my premium account", "Business", "need ot cancel my Business plan"),
    ("what does my Premium subscription include?", "Pro", "what does my Pro plan include?"),
    ("can we pause our premium plans?", "Business", "can we pause our Business plans?"),
    ("how do I cancel my premium account?", "Free", "how do I cancel my premium account?"),
    ("I want to upgrade to the premium plan", "Business", "I want to upgrade to the premium plan"),
    ("cancel my premium account", None, "cancel my premium account"),
])
def test_my_premium_plan_is_read_as_the_customers_own_paid_plan(message, own_plan, read_as):
    assert with_own_paid_plan_named(message, own_plan=own_plan) == read_as


async def test_a_business_customer_cancelling_his_premium_account_gets_the_steps_for_his_plan(converse):
    [outcome] = await converse("cus_bob", "need ot cancel my premium account")
    assert NOT_OURS not in outcome.reply, outcome.reply
    assert "Business" in outcome.reply and "**Cancel subscription**" in outcome.reply, outcome.reply
    assert outcome.summary["own_plan_named"]["read_as"] == "need ot cancel my Business plan"


async def test_what_my_premium_subscription_includes_is_what_the_pro_plan_includes(converse):
    [outcome] = await converse("cus_alice", "what does my premium subscription include?")
    assert NOT_OURS not in outcome.reply and "Pro" in outcome.reply and "custom domains" in outcome.reply, outcome.reply


async def test_on_the_free_plan_a_premium_account_is_still_a_plan_we_do_not_have(converse):
    [outcome] = await converse("cus_carol", "how do I cancel my premium account?")
    assert NOT_OURS in outcome.reply and "own_plan_named" not in outcome.summary, outcome.reply
