""""Can you make it faster?" after being told how long a refund takes got the charge weighed for a refund all over
again. It is told that nothing here makes a refund come sooner, how long one takes once approved, and where the
customer's own stands: waiting for approval, or none asked for yet, which is said first, as there is nothing to speed
up (with the charge that qualifies offered)."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_refunds import ASKS_TO_SPEED_IT_UP

CANNOT = "I'm sorry, I can't make a refund arrive any sooner from here."
TIMING = "usually reaches your card in 5 to 10 business days"


@pytest.mark.parametrize("follow_up", ["can you make it faster?", "can you speed it up?", "any way to get the money sooner?"])
async def test_asking_a_refund_not_yet_asked_for_to_come_sooner(converse, follow_up):
    *_, outcome = await converse("cus_bob", "hey, why do I have two charges this month?",
                                 "when will I get the money back?", follow_up)
    assert outcome.reply.startswith("There's no refund on its way to speed up") and TIMING in outcome.reply, outcome.reply
    assert CANNOT not in outcome.reply
    assert "invoice NW-2002 ($99.00) would qualify for a refund" in outcome.reply
    assert "Our records mark the second payment as a duplicate" not in outcome.reply


async def test_asking_a_refund_waiting_for_approval_to_come_sooner_says_where_it_stands(converse):
    *_, outcome = await converse("cus_bob", "I was charged twice, please refund it", "can you hurry it up?")
    assert outcome.reply.startswith(CANNOT), outcome.reply
    assert "nothing is on its way yet" not in outcome.reply
    assert "NW-2002" in outcome.reply and "approv" in outcome.reply


async def test_making_a_slow_app_faster_is_still_the_guide(converse):
    _, outcome = await converse("cus_alice", "my app is slow", "can you make it faster?")
    assert CANNOT not in outcome.reply and "Scaling and cold starts" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("can you make it faster?", True), ("could you speed things up", True), ("please expedite", True),
    ("get the refund sooner?", True), ("how do I make my app faster?", False), ("faster builds?", False),
])
def test_asking_for_it_sooner(message, asks):
    assert bool(ASKS_TO_SPEED_IT_UP.search(message)) is asks
