""""I don't recognise a charge on my card" got the card's expiry and the invoice list, which say nothing of which charges
are ours. The payments on the account are listed, with a person offered to check one that isn't among them."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import UNRECOGNISED_CHARGE


@pytest.mark.parametrize(("customer", "message", "listed"), [
    ("cus_alice", "I don't recognise a charge on my card", "$29.00 for invoice NW-1002, card ending 4242: paid"),
    ("cus_bob", "there's an unknown charge from you", "$99.00 for invoice NW-2002, card ending 1881: paid (a duplicate charge)"),
])
async def test_a_charge_not_recognised_gets_the_payments_and_a_person_offered(converse, customer, message, listed):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Here are the payments on your account, newest first:"), outcome.reply
    assert listed in outcome.reply
    assert "If the charge you see isn't one of these, it may not be from us." in outcome.reply
    assert "pass you to a person" in outcome.reply and "expired" not in outcome.reply


async def test_with_no_payments_the_charge_is_said_not_to_be_ours_as_far_as_the_records_show(converse):
    [outcome] = await converse("cus_carol", "I don't recognise a payment")
    assert "There are no payments on your account yet" in outcome.reply
    assert "as far as our records show, a charge you see isn't from us" in outcome.reply
    assert "one of these" not in outcome.reply


@pytest.mark.parametrize(("message", "unplaced"), [
    ("I don't recognise a charge on my card", True), ("unknown charge on my statement", True),
    ("what is this charge?", True), ("I don't recognise this email", False), ("why was I charged?", False),
])
def test_only_a_charge_the_customer_cannot_place_is_read_so(message, unplaced):
    assert bool(UNRECOGNISED_CHARGE.search(message)) is unplaced
