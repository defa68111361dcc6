"""Alice: "my invoice NW-1003 says failed but my bank shows it was charged" got the failure and its fix, and nothing
on the bank: what our records show (failed, and why), that the chat can't see her bank statement, and a person to
check it with her. No cause the facts don't give (a pending authorisation) is offered."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import BANK_SAYS_CHARGED

RECORDS = "Our records show the payment for NW-1003 as failed"


async def test_a_failed_invoice_the_bank_shows_as_charged_is_answered_from_our_records(converse):
    (outcome,) = await converse("cus_alice", "my invoice NW-1003 says failed but my bank shows it was charged")
    assert "because the card ending 4242 expired" in outcome.reply, outcome.reply
    assert RECORDS in outcome.reply and "I can't see your bank statement" in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply, outcome.reply
    assert "pending" not in outcome.reply.lower() and "authori" not in outcome.reply.lower(), outcome.reply


async def test_a_failed_invoice_asked_about_without_the_bank_gets_no_bank_paragraph(converse):
    # Near miss: the failure asked about, no charge seen at the bank.
    (outcome,) = await converse("cus_alice", "why did invoice NW-1003 fail?")
    assert RECORDS not in outcome.reply and "bank" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "says_charged"), [
    ("my bank shows it was charged", True),
    ("it's on my bank statement, the money was taken", True),
    ("can i pay by bank transfer?", False),
    ("which bank cards do you accept", False),
    ("i was charged twice, see my bank", False),
])
def test_only_a_charge_said_to_be_seen_at_the_bank_is_read_as_one(message, says_charged):
    assert bool(BANK_SAYS_CHARGED.search(message)) is says_charged
