""""Can I check the early termination penalty?", "the early exit charges", "can i see the withdrawal fees" got the
invoice list: a fee for cancelling, which the help centre never mentions. It is told so, with what the entry on
cancelling says happens instead, and a person offered to confirm it."""

from __future__ import annotations

import pytest

from agents.service_terms import asks_about_a_cancellation_fee

NO_FEE = "Our help centre doesn't mention any fee or penalty for cancelling"


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "help me checking the cancellation charge"), ("cus_alice", "can I check the early termination penalty?"),
    (None, "can i see the withdrawal fees"), ("cus_bob", "does it cost anything to cancel?"),
])
async def test_a_fee_for_cancelling_is_said_to_be_unmentioned_with_the_entry(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(NO_FEE), outcome.reply
    assert "Your paid plan stays active until the end of the period you've paid for" in outcome.reply
    assert "pass you to a person" in outcome.reply and "Here are your most recent invoices" not in outcome.reply


async def test_charges_after_cancelling_are_still_the_entrys_sentences(converse):
    [outcome] = await converse("cus_alice", "will I be charged after I cancel?")
    assert NO_FEE not in outcome.reply and "What our help centre says about cancelling" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("early exit charges", True), ("is there a fee for cancelling?", True), ("termination fee", True),
    ("how do I cancel?", False), ("what are the fees for pro?", False), ("will I be charged after I cancel?", False),
])
def test_asking_about_a_fee_for_cancelling(message, asks):
    assert asks_about_a_cancellation_fee(message) is asks


async def test_a_fee_for_breaking_the_contract_read_as_off_topic_is_the_same_question(converse):
    # Out of scope at 0.94: the scope reply.
    [outcome] = await converse("cus_bob", "what is the fee for breaking the contract")
    assert outcome.intent.label == "billing" and outcome.reply.startswith(NO_FEE), outcome.reply
