""""How many days?" right after the refund policy asks how long there is to ask for a refund (the window the
policy just gave), not only how long the money takes to arrive."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("customer", [None, "cus_alice", "cus_bob"])
@pytest.mark.parametrize("follow_up", ["how many days", "how long?", "and how much time?"])
async def test_how_many_days_after_the_policy_gives_the_window_and_then_the_timing(converse, customer, follow_up):
    _policy, outcome = await converse(customer, "what is your refund policy", follow_up)
    assert "You have 14 days from a payment to ask for a refund" in outcome.reply, outcome.reply
    assert "5 to 10 business days" in outcome.reply
    assert outcome.actions == []


async def test_how_long_a_refund_takes_asked_outright_is_still_the_timing_alone(converse):
    (outcome,) = await converse(None, "how long does a refund take")
    assert "5 to 10 business days" in outcome.reply and "You have 14 days" not in outcome.reply
