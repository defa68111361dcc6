""""I was charged but my app is still on free" was read as a deploy problem (technical at 0.34) and got the guide to
failed deploys with the invoice list. The plan the account is on, and the payment behind it (or that there is none),
are the billing facts'; what the dashboard shows otherwise is a person's to look at, who is offered."""

from __future__ import annotations

import pytest

from agents.own_data import reports_plan_not_applied

OFFER = "If the dashboard shows you another plan, or a charge for a plan you don't have, I can pass you to a person"


async def test_a_customer_on_pro_is_told_their_plan_and_their_last_payment(converse):
    (outcome,) = await converse("cus_alice", "I was charged but my app is still on free")
    assert outcome.intent.label == "billing" and outcome.route == "resolver", (outcome.route, outcome.intent)
    assert outcome.reply.startswith("You're on the Pro plan at $29.00 a month"), outcome.reply
    assert "Your last payment was $29.00 on 2026-10-01" in outcome.reply and OFFER in outcome.reply, outcome.reply
    assert "Failed deploys" not in outcome.reply, outcome.reply


async def test_a_customer_on_free_with_no_payment_is_told_none_went_through(converse):
    (outcome,) = await converse("cus_carol", "I paid for pro but I'm still on free")
    assert outcome.reply.startswith("You're on the Free plan"), outcome.reply
    assert "I can't find a payment from you on our records" in outcome.reply and OFFER in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "reported"), [
    ("I was charged but my app is still on free", True), ("I paid for pro but it still shows free", True),
    ("upgraded yesterday yet it says free", True), ("is my app still on free?", True),
    ("I paid for pro", False), ("how do I upgrade to pro?", False), ("I was charged but I signed up for free", False),
])
def test_a_plan_not_in_use_is_told_from_a_plan_named(message, reported):
    assert reports_plan_not_applied(message) is reported
