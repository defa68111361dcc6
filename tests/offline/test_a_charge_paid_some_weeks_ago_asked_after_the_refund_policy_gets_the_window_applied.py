""""Refund policy?" then "what if it was 3 weeks ago": the refund window applied to that age, said plainly first
("No: … outside our 14-day refund window"), not the policy told again. A refund asked for, or a charge taken twice,
with an age in it is still weighed on the customer's own charges."""

from __future__ import annotations

import pytest

POLICY_AGAIN = "Our refund policy:"


@pytest.mark.parametrize("customer", [None, "cus_alice"])
async def test_three_weeks_ago_is_told_it_is_outside_the_window(converse, customer):
    _, turn = await converse(customer, "refund policy?", "what if it was 3 weeks ago")
    assert turn.reply.startswith("No: a charge paid three weeks ago is outside our 14-day refund window")
    assert POLICY_AGAIN not in turn.reply
    assert "NW-" not in turn.reply and not turn.actions


@pytest.mark.parametrize(("follow_up", "opening"), [
    ("what if it was 10 days ago", "Yes: a charge paid ten days ago is within our 14-day refund window"),
    ("what about 2 weeks ago?", "Yes: a charge paid two weeks ago is within our 14-day refund window"),
    ("and a month ago?", "No: a charge paid a month ago is outside our 14-day refund window"),
])
async def test_other_ages_are_weighed_against_the_window(converse, follow_up, opening):
    _, turn = await converse(None, "refund policy?", follow_up)
    assert turn.reply.startswith(opening)


async def test_a_duplicate_charge_weeks_ago_is_still_refunded_from_the_customers_charges(converse):
    [turn] = await converse("cus_bob", "I was charged twice 3 weeks ago")
    assert "NW-2002" in turn.reply and "duplicate" in turn.reply
    assert "outside our 14-day refund window" not in turn.reply


async def test_weeks_ago_without_a_refund_in_the_conversation_is_not_taken_for_the_window(converse):
    [turn] = await converse("cus_alice", "my app started crashing 3 weeks ago")
    assert "refund window" not in turn.reply


@pytest.mark.parametrize("message", [
    "my refund was approved 2 weeks ago and still hasn't arrived",
    "I asked for a refund 3 days ago, any news?",
])
async def test_a_refunds_own_age_is_not_taken_for_a_charges(converse, message):
    [turn] = await converse("cus_bob", message)
    assert "refund window" not in turn.reply
