""""My invoice NW-2002 is wrong" got "Invoice NW-2002 is for $99.00, issued on 2026-11-15 and was paid on 2026-11-15."
and nothing else, though NW-2002 was charged twice: what is wrong with it is said, with the refund it qualifies for.
An invoice our records hold nothing amiss with is described, and the complaint is not left unheard: the customer is
asked what looks wrong, with a person offered. After a duplicate is told, the invoice is not described again."""

from __future__ import annotations

import pytest

DUPLICATE = "NW-2002 was charged twice on 2026-11-15, and the second payment of $99.00 is a duplicate"
DESCRIBED_AGAIN = "Invoice NW-2002 is for $99.00"
ASKED_WHAT = "If something on it looks wrong to you, tell me what, or I can pass you to a person."


@pytest.mark.parametrize("message", ["my invoice NW-2002 is wrong", "NW-2002 looks off", "invoice NW-2002 is incorrect"])
async def test_an_invoice_charged_twice_said_to_be_wrong_gets_the_duplicate_and_its_refund(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert DUPLICATE in outcome.reply, outcome.reply
    assert "full refund of $99.00" in outcome.reply, outcome.reply
    assert DESCRIBED_AGAIN not in outcome.reply and ASKED_WHAT not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message", "described"), [
    ("cus_alice", "my invoice NW-1002 is wrong", "Invoice NW-1002 is for $29.00"),
    ("cus_bob", "NW-2001 is wrong", "Invoice NW-2001 is for $99.00"),
])
async def test_an_invoice_with_nothing_amiss_said_to_be_wrong_is_described_and_the_customer_asked_what(
        converse, customer, message, described):
    (outcome,) = await converse(customer, message)
    assert described in outcome.reply and ASKED_WHAT in outcome.reply, outcome.reply
    assert "charged twice" not in outcome.reply, outcome.reply


async def test_a_yes_to_the_person_offered_hands_off(converse):
    _, outcome = await converse("cus_alice", "my invoice NW-1002 is wrong", "yes please")
    assert outcome.route == "handoff", outcome.reply


async def test_a_question_about_an_invoice_is_still_only_described(converse):
    (outcome,) = await converse("cus_bob", "is NW-2001 paid?")
    assert ASKED_WHAT not in outcome.reply and "charged twice" not in outcome.reply, outcome.reply


async def test_the_total_of_a_duplicate_quoted_is_answered_without_the_invoice_described_again(converse):
    (outcome,) = await converse("cus_bob", "why was I charged $198?")
    assert DUPLICATE in outcome.reply and DESCRIBED_AGAIN not in outcome.reply, outcome.reply
