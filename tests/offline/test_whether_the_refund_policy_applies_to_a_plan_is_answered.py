""""Does it apply to annual plans?" right after the refund policy asks the policy's scope; it got Bob's duplicate
charge weighed for a refund again, as if the question were a refund of the last charge."""

from __future__ import annotations

import pytest

RULES = "A charge can be refunded within 14 days of being paid. A duplicate charge is always refunded."


@pytest.mark.parametrize(("customer", "question", "answer"), [
    ("cus_bob", "does it apply to annual plans?",
     "Yes: our refund policy applies to every charge, whatever the plan and whether it's paid monthly or yearly."),
    ("cus_alice", "does this also cover yearly billing?", "whether it's paid monthly or yearly"),
    ("cus_alice", "is that the same for the business plan?",
     "Yes: our refund policy is the same on every plan, Business included."),
    (None, "does that apply to all plans?", "Yes: our refund policy applies to every charge, on every plan."),
    ("cus_carol", "does it apply to the free plan?", "The Free plan costs nothing, so there's no charge on it to refund."),
])
async def test_the_policys_scope_asked_after_it_is_every_charge_on_every_plan(converse, customer, question, answer):
    _, outcome = await converse(customer, "what is your refund policy?", question)
    assert outcome.reply.startswith(answer) or answer in outcome.reply, outcome.reply
    assert RULES in outcome.reply, outcome.reply
    assert "NW-2002" not in outcome.reply and not outcome.actions, outcome.reply


async def test_a_charge_of_the_customers_asked_after_the_policy_is_not_read_as_its_scope(converse):
    _, outcome = await converse("cus_alice", "what is your refund policy?", "does it apply to my october invoice?")
    assert "every plan" not in outcome.reply and "NW-1002" in outcome.reply, outcome.reply


async def test_a_plan_asked_about_with_no_policy_before_is_not_answered_with_its_scope(converse):
    _, outcome = await converse("cus_bob", "how much is pro?", "does it apply to annual plans?")
    assert "our refund policy" not in outcome.reply.lower(), outcome.reply
