"""Alice (Pro) asked "i'm on the free plan, how do i upgrade?" and got only "You're on the Pro plan at $29.00 a month,
not the Free plan.": the how-to asked is answered too, for the plan she is really on (from Pro, the only plan up
is Business), with the help centre's entry on upgrading."""

from __future__ import annotations

UPGRADE_STEPS = "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm."


async def test_a_pro_customer_who_says_free_is_told_pro_then_the_upgrade_to_business_and_its_steps(converse):
    (outcome,) = await converse("cus_alice", "i'm on the free plan, how do i upgrade?")
    assert outcome.reply.startswith("You're on the Pro plan at $29.00 a month, not the Free plan."), outcome.reply
    assert "From Pro, you can upgrade to Business (at $99.00 a month)." in outcome.reply, outcome.reply
    assert outcome.reply.count(UPGRADE_STEPS) == 1, outcome.reply


async def test_a_business_customer_who_says_free_is_told_there_is_no_plan_above_business(converse):
    (outcome,) = await converse("cus_bob", "i'm on the free plan, how do i upgrade?")
    assert "Business is our highest plan, so there's no plan above it" in outcome.reply, outcome.reply
    assert UPGRADE_STEPS not in outcome.reply, outcome.reply


async def test_a_wrong_plan_named_without_a_how_to_gets_no_upgrade_steps(converse):
    # Near miss: a charge questioned, no change of plan asked.
    (outcome,) = await converse("cus_alice", "i'm on the free plan, why was i charged?")
    assert "not the Free plan" in outcome.reply and "upgrade" not in outcome.reply, outcome.reply


async def test_the_customers_own_plan_named_with_a_how_to_is_not_corrected(converse):
    # Near miss: alice names Pro, her own plan: the steps, no correction.
    (outcome,) = await converse("cus_alice", "i'm on the pro plan, how do i upgrade?")
    assert "not the" not in outcome.reply and UPGRADE_STEPS in outcome.reply, outcome.reply


async def test_a_free_customer_who_says_pro_and_asks_to_downgrade_gets_no_steps_to_a_plan_there_isnt(converse):
    (outcome,) = await converse("cus_carol", "i'm on the pro plan, how do i downgrade?")
    assert "Free is our lowest plan, so there's no plan below it" in outcome.reply, outcome.reply
    assert "choose the smaller plan" not in outcome.reply, outcome.reply
