""""Pay invoice NW-1003 now with my new card" from bob, whose invoices are NW-2001 and NW-2002: NW-1003 is another
customer's. The reply says it is not on his account without naming it back or telling anything of it, says what of
his own is unpaid, and how to pay with a new card from the help centre: no plan line, no card on file, no invoice
list. A customer's own invoice named is still described."""

from __future__ import annotations

import pytest

# The help centre's entry on changing the card, as the demo knowledge words it.
CARD_ENTRY = "choose **Replace card** and enter the new card's details"


async def test_paying_another_customers_invoice_is_answered_about_that_invoice_and_how_to_pay(converse):
    [turn] = await converse("cus_bob", "pay invoice NW-1003 now with my new card")
    assert turn.route == "resolver" and turn.handoff_reason is None
    assert "can't find that invoice on your account" in turn.reply
    assert "NW-1003" not in turn.reply and "$29.00" not in turn.reply and "4242" not in turn.reply
    assert CARD_ENTRY in turn.reply
    assert "Business plan" not in turn.reply
    assert "most recent invoices" not in turn.reply
    assert "1881" not in turn.reply  # his card on file answers nothing asked


async def test_an_invoice_of_no_one_is_not_named_back_either(converse):
    [turn] = await converse("cus_bob", "pay invoice NW-9999 now")
    assert "can't find that invoice on your account" in turn.reply
    assert "NW-9999" not in turn.reply
    assert "Business plan" not in turn.reply


@pytest.mark.parametrize("message", ["pay invoice NW-1003 now with my new card", "pay invoice NW-1003"])
async def test_paying_the_customers_own_failed_invoice_tells_its_failure_and_no_plan(converse, message):
    [turn] = await converse("cus_alice", message)
    assert "NW-1003" in turn.reply and "didn't go through" in turn.reply
    assert "can't find that invoice" not in turn.reply
    assert "Pro plan" not in turn.reply
