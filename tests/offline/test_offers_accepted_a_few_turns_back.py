"""A go-ahead that names the refund offered a few turns back, or changes its mind after "not now", files it once:
the writer and the guard both find the offer it answers (follow_ups.offers.offer_answered), so the critic doesn't
refuse it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("messages", [
    ("is NW-2002 eligible for a refund?", "maybe later", "how do I add a teammate?",
     "ok go back to the refund, please file it"),
    ("is NW-2002 eligible for a refund?", "not now", "ok actually do it"),
])
async def test_a_refund_offered_turns_back_is_filed_once_when_the_customer_comes_back_to_it(converse, messages):
    outcomes = await converse("cus_bob", *messages)
    assert [a.kind for o in outcomes for a in o.actions] == ["refund"], [o.reply for o in outcomes]
    assert outcomes[-1].handoff_reason == "policy_needs_approval"


async def test_a_bare_yes_two_turns_after_the_offer_files_nothing(converse):
    outcomes = await converse("cus_bob", "is NW-2002 eligible for a refund?", "how do I add a teammate?", "yes")
    assert [a.kind for o in outcomes for a in o.actions] == []
