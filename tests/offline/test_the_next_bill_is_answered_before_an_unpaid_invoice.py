"""Alice's "what's my next bill going to be?" led with the failed payment of NW-1003 and ended with the renewal: the
next charge is what was asked, so it comes first, and the unpaid invoice with its fix after it."""

from __future__ import annotations

import pytest

RENEWAL = "Your Pro plan renews on 2026-12-01, when we'll charge $29.00."
FAILED = "Your payment for invoice NW-1003"


@pytest.mark.parametrize("message", ["what's my next bill going to be?", "when does my plan renew?"])
async def test_the_next_charge_comes_first_and_the_unpaid_invoice_after_it(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith(RENEWAL), outcome.reply
    assert FAILED in outcome.reply and "**Billing → Payment method**" in outcome.reply, outcome.reply
    # The new card is asked for once, by the failed payment's fix.
    assert outcome.reply.count("Payment method") == 1, outcome.reply


async def test_what_is_owed_still_starts_with_the_unpaid_invoice(converse):
    # Near miss: "how much do I owe?" asks what is unpaid, then what comes next.
    (outcome,) = await converse("cus_alice", "how much do I owe?")
    assert outcome.reply.startswith("You have $29.00 outstanding."), outcome.reply
    assert outcome.reply.index(FAILED) < outcome.reply.index("Once that's settled, your Pro plan renews"), outcome.reply
