""""I was charged $29 but I cancelled last month" got the October invoice and the last payment, as if the cancellation had
gone unheard; "I cancelled my plan and still got charged" the help centre's sentence on cancelling, as if asked what
cancelling does. A charge reported after cancelling is checked against the subscription on record, with the latest charge
and a person offered: only staff can see a cancellation that did not go through."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import CHARGED_AFTER_CANCELLING
from tests.agents.fakes import SUBSCRIPTIONS


@pytest.mark.parametrize(("customer", "message", "standing"), [
    ("cus_alice", "I was charged $29 but I cancelled last month",
     "Our records don't show a cancellation: your Pro subscription is still past due on your account, at $29.00 a month."),
    ("cus_bob", "I cancelled my plan and still got charged",
     "Our records don't show a cancellation: your Business subscription is still active on your account, at $99.00 a "
     "month."),
    ("cus_alice", "I cancelled, why was I charged?", "Our records don't show a cancellation"),
])
async def test_a_charge_reported_after_cancelling_is_told_the_subscription_on_record(converse, customer, message, standing):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(standing), outcome.reply
    assert "Your last payment was" in outcome.reply and "pass you to a person" in outcome.reply


async def test_a_cancelled_subscription_is_said_to_be_cancelled_with_what_cancelling_does(converse, monkeypatch):
    monkeypatch.setitem(SUBSCRIPTIONS, "cus_bob", SUBSCRIPTIONS["cus_bob"].model_copy(
        update={"status": "cancelled", "renews_on": None}))
    [outcome] = await converse("cus_bob", "I cancelled my plan and still got charged")
    assert outcome.reply.startswith("Our records show your Business subscription as cancelled."), outcome.reply
    assert "Your paid plan stays active until the end of the period you've paid for" in outcome.reply


@pytest.mark.parametrize(("message", "reports"), [
    ("I was charged $29 but I cancelled last month", True), ("why was I billed after I cancelled?", True),
    ("I cancelled my plan and still got charged", True), ("I cancelled, why was I charged?", True),
    ("will I be charged after I cancel?", False), ("if I cancel will you still charge me?", False),
    ("how do I cancel?", False),
])
def test_only_a_charge_said_to_have_come_after_cancelling_is_such_a_report(message, reports):
    assert bool(CHARGED_AFTER_CANCELLING.search(message)) is reports


async def test_will_i_be_charged_after_i_cancel_is_still_told_what_cancelling_does(converse):
    [outcome] = await converse("cus_alice", "will I be charged after I cancel?")
    assert outcome.reply.startswith("What our help centre says about cancelling:"), outcome.reply
