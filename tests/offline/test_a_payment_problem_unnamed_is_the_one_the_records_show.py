""""Assistance informing of an error with onlinepayment" and "I'm trying to notify of problems with payments" got the
invoice list, and Bob's "I have a problem with my payment" was told none of his payments had failed, though one was
taken twice. A payment problem that names nothing is the one the records show: a payment that failed, else a charge
taken twice, with its refund."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import PAYMENT_PROBLEM

FAILED = "Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01) didn't go through because the card ending 4242"


@pytest.mark.parametrize("message", ["assistance informing of an error with onlinepayment",
                                     "I'm trying to notify of problems with payments", "payment issue"])
async def test_a_payment_problem_is_the_payment_that_failed(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(FAILED), outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


async def test_with_no_payment_failed_it_is_the_charge_taken_twice(converse):
    [outcome] = await converse("cus_bob", "I have a problem with my payment")
    assert "NW-2002 was charged twice on 2026-11-15" in outcome.reply, outcome.reply
    assert "qualifies for a full refund of $99.00" in outcome.reply
    assert "none of your payments has failed" not in outcome.reply


@pytest.mark.parametrize(("message", "problem"), [
    ("problems with payments", True), ("an error with onlinepayment", True), ("billing issue", True),
    ("trouble with paying", True), ("how do I pay?", False), ("a problem with my app", False),
])
def test_a_payment_problem_named_as_such(message, problem):
    assert bool(PAYMENT_PROBLEM.search(message)) is problem
