""""Upgrade" and "how do I upgrade?" from a Business customer got the help centre's steps, "choose Pro or Business":
the plan they are on, where "I want to upgrade" was told Business is the highest plan. A change of plan that names
no plan is answered from the signed-in customer's own plan: nothing to make on the top (or, downgrading, the lowest)
plan, and the one plan that way when there is one. A visitor still gets the help centre's entry."""

from __future__ import annotations

import pytest

from agents.service_terms import asks_for_a_plan_change_alone

STEPS = "Go to **Billing → Plan**"


@pytest.mark.parametrize("message", ["upgrade", "upgrade please", "how do I upgrade?", "how can I upgrade my plan"])
async def test_upgrading_from_the_highest_plan_is_told_there_is_nothing_above_it(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert "You're already on the Business plan" in outcome.reply, outcome.reply
    assert "nothing above it to upgrade to" in outcome.reply
    assert "choose Pro ($29/month) or Business" not in outcome.reply


async def test_how_to_upgrade_from_pro_names_business_and_gives_the_steps(converse):
    [outcome] = await converse("cus_alice", "how do I upgrade?")
    assert "You're on the Pro plan at $29.00 a month. You can upgrade to Business yourself" in outcome.reply, outcome.reply
    assert STEPS in outcome.reply
    assert outcome.summary["faq"]["skipped"].startswith("asks how to change the signed-in customer's plan")


async def test_how_to_downgrade_from_pro_names_free(converse):
    [outcome] = await converse("cus_alice", "how can I downgrade?")
    assert "You can downgrade to Free yourself" in outcome.reply, outcome.reply
    assert "takes effect at the end of your current billing period" in outcome.reply


async def test_how_to_downgrade_from_free_is_told_there_is_nothing_below(converse):
    [outcome] = await converse("cus_carol", "how do I downgrade?")
    assert "Free is our lowest plan, so there's nothing below it to move to." in outcome.reply, outcome.reply


async def test_upgrading_from_free_leaves_both_plans_to_choose(converse):
    [outcome] = await converse("cus_carol", "upgrade")
    assert "You can upgrade yourself" in outcome.reply and STEPS in outcome.reply, outcome.reply


async def test_a_visitor_asking_how_to_upgrade_gets_the_help_centres_entry_at_once(converse):
    [outcome] = await converse(None, "how do I upgrade?")
    assert outcome.route == "faq", outcome.route
    assert outcome.reply.startswith(STEPS), outcome.reply


@pytest.mark.parametrize(("message", "alone"), [
    ("upgrade", True), ("how do I downgrade?", True), ("how can we upgrade our plan", True),
    ("I want to upgrade my subscription", True),
    ("upgrade to business", False), ("how do I upgrade my node version?", False), ("how much is it to upgrade?", False),
])
def test_a_change_of_plan_naming_nothing_else(message, alone):
    assert asks_for_a_plan_change_alone(message) is alone
