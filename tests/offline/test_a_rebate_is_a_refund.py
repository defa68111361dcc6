""""I'm trying to demand a rebate of my money" got the invoice list, and "I don't know what I need to do to request
rebates" "I don't have enough information": money paid back on a charge is what the help centre and the refund part
call a refund. A rebate named as another's ("a tax rebate") is not ours."""

from __future__ import annotations

import pytest

from agents.service_terms import with_terms_spelled


@pytest.mark.parametrize("message", ["I'm trying to demand a rebate of my money",
                                     "i dont know what i need to do to request rebates",
                                     "I want assistance obtaining reimbursements"])
async def test_a_rebate_asked_for_is_weighed_as_a_refund(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.intent.label == "refund", outcome.intent
    assert "14-day refund window" in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


@pytest.mark.parametrize(("message", "read"), [
    ("a rebate of my money", "a refund of my money"), ("request Rebates", "request refunds"),
    ("can I get a tax rebate?", "can I get a tax rebate?"), ("a reimbursement", "a refund"),
    ("your money-back guarantee", "your refund policy"),
])
def test_rebates_read_as_refunds(message, read):
    assert with_terms_spelled(message) == read


async def test_restitution_of_money_is_a_refund(converse):
    [outcome] = await converse("cus_alice", "i have got to get restitutions of my money")
    assert "14-day refund window" in outcome.reply and "Here are your most recent invoices" not in outcome.reply, \
        outcome.reply


@pytest.mark.parametrize("message", ["where can I see your money back guarantee?",
                                     # "Their" is the company's, said as Bitext's customers say it: no one else's charge.
                                     "ask an agent how to view their reimbursement policy"])
async def test_the_policy_asked_for_in_other_words_is_the_policy(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("Our refund policy:"), outcome.reply
    assert "someone else's" not in outcome.reply
