""""Why was I charged?" got the invoice list alone, and "I didn't authorise that" after it the same list again after
"My answer is the same"; "I did not authorize this payment" got the invoice list. A charge disowned is answered with the
payments, what they were for, and someone to look into it: for Bob, the duplicate he was charged, offered for refund."""

from __future__ import annotations

import pytest

PERSON = "a person from our team can look into it with you: would you like me to pass you to a person?"


async def test_why_one_was_charged_says_what_the_charges_were_for(converse):
    (outcome,) = await converse("cus_alice", "why was I charged?")
    assert "Here are your most recent invoices:" in outcome.reply, outcome.reply
    assert outcome.reply.endswith("Each was $29.00, the Pro plan's price a month."), outcome.reply


@pytest.mark.parametrize("turns", [
    ("why was I charged?", "I didnt authorise that"),
    ("I did not authorize this payment",),
    ("this is an unauthorized charge",),
])
async def test_a_charge_disowned_gets_the_payments_and_a_person(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("Here are the payments on your account, newest first:"), outcome.reply
    assert "Each was $29.00, the Pro plan's price a month." in outcome.reply and PERSON in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_a_charge_disowned_by_a_customer_charged_twice_is_offered_the_duplicates_refund(converse):
    disowned, yes = await converse("cus_bob", "I did not authorize this payment", "yes please")
    assert ("One of them is a duplicate: the second payment of $99.00 for invoice NW-2002, on 2026-11-15."
            in disowned.reply), disowned.reply
    assert "Each was" not in disowned.reply and not disowned.actions, disowned.reply
    assert yes.intent.label == "refund" and [a.kind for a in yes.actions] == ["refund"], yes.reply


async def test_never_agreeing_to_something_other_than_a_charge_is_not_read_as_a_charge_disowned(converse):
    _, outcome = await converse("cus_alice", "where is my data stored?", "I never agreed to that")
    assert "Here are the payments on your account" not in outcome.reply, outcome.reply
