""""Can I pay it now?" right after the next renewal was told asks to pay a charge before its date, which no help-centre
entry describes and no action here takes: it got "My answer is the same" and the renewal again."""

from __future__ import annotations

import pytest

AHEAD = "The renewal itself is charged automatically on its date. Paying it early isn't something our help centre describes"
SAME = "My answer is the same"


@pytest.mark.parametrize("ask", ["can I pay it now?", "can I pay it early?", "could I pay in advance?"])
async def test_paying_the_renewal_just_told_ahead_is_answered(converse, ask):
    _, outcome = await converse("cus_bob", "when is my next renewal?", ask)
    assert "renews on 2026-12-15" in outcome.reply and AHEAD in outcome.reply, outcome.reply
    assert SAME not in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply


async def test_a_next_invoice_paid_in_advance_is_answered_without_a_turn_before(converse):
    (outcome,) = await converse("cus_bob", "can I pay my next invoice in advance?")
    assert AHEAD in outcome.reply, outcome.reply


async def test_with_an_unpaid_invoice_its_fix_is_still_given(converse):
    _, outcome = await converse("cus_alice", "when is my next renewal?", "can I pay it now?")
    assert AHEAD in outcome.reply and "add a new card under **Billing → Payment method**" in outcome.reply, outcome.reply


async def test_paying_now_a_payment_that_failed_is_not_read_as_paying_the_renewal_ahead(converse):
    _, outcome = await converse("cus_alice", "why did my payment fail?", "can I pay it now?")
    assert AHEAD not in outcome.reply and "NW-1003" in outcome.reply, outcome.reply


async def test_on_free_there_is_no_renewal_to_pay_ahead(converse):
    _, outcome = await converse("cus_carol", "when is my next renewal?", "can I pay it now?")
    assert AHEAD not in outcome.reply and "no payment is coming up" in outcome.reply, outcome.reply
