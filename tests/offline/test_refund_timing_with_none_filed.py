"""When a refund will arrive, asked with none asked for: none is on its way, how long one takes once
approved, and the charge that would qualify offered (never asked for unasked)."""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

NONE_FILED = "I can't find a refund request on your account, so nothing is on its way yet."
TIMING = "5 to 10 business days"
OFFERED = "invoice NW-2002 ($99.00) would qualify for a refund"


@pytest.mark.parametrize("message", [
    "when will i get my refund",
    "when do i get my refund?",
    "how long until i get my money back",
    "how soon will we see our refund?",
])
async def test_asking_when_a_refund_arrives_with_none_filed_says_none_is_on_its_way(converse, message):
    ports = FakePorts()
    [outcome] = await converse("cus_bob", message, ports=ports)
    assert outcome.reply.startswith(NONE_FILED) and TIMING in outcome.reply and OFFERED in outcome.reply, (
        outcome.reply)
    assert outcome.actions == [] and ports.refund_requests == [], outcome.actions


async def test_a_customer_with_nothing_to_refund_is_told_none_is_on_its_way_and_offered_nothing(converse):
    [outcome] = await converse("cus_alice", "when will i get my refund")
    assert outcome.reply.startswith(NONE_FILED) and "would qualify" not in outcome.reply, outcome.reply


async def test_how_long_refunds_take_in_general_is_the_timing_alone(converse):
    [outcome] = await converse("cus_bob", "how long does a refund take")
    assert TIMING in outcome.reply and NONE_FILED not in outcome.reply, outcome.reply


async def test_asking_when_after_filing_one_says_where_it_stands(converse):
    _, then = await converse("cus_bob", "i was charged twice for NW-2002, refund it", "when will i get my refund")
    assert "reference RF-0001" in then.reply and NONE_FILED not in then.reply, then.reply
