""""I don't know what to do to download thr invoice #12588" got the invoice list alone: neither that no invoice of ours
is numbered so, nor how to download one ("I don't know what to do to …" was not read as asking how)."""

from __future__ import annotations

import pytest

from agents.own_data import asks_how_to
from agents.providers.offline.reply_billing import NOT_OUR_INVOICE_NUMBER

DOWNLOAD = "How to do it: All your invoices are under **Billing → Invoices**, where you can download each one as a PDF."


@pytest.mark.parametrize("message", ["I don't know what to do to download thr invoice #12588",
                                     "what do I have to do to get the bill #85632?"])
async def test_a_number_in_no_format_of_ours_is_told_so_with_the_list_and_how_to_download(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("I can't find an invoice with that number on your account: our invoice numbers "
                                    "look like NW-1003."), outcome.reply
    assert "- NW-1002: $29.00, paid on 2026-10-01" in outcome.reply and DOWNLOAD in outcome.reply


async def test_an_invoice_of_ours_is_described_without_the_note(converse):
    [outcome] = await converse("cus_alice", "download invoice NW-1002")
    assert "I can't find an invoice with that number" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "how"), [
    ("I don't know what to do to download the invoice", True), ("I do not know how to reset my password", True),
    ("what do I have to do to get a refund?", True), ("I don't know my password", False),
])
def test_not_knowing_what_to_do_asks_how(message, how):
    assert asks_how_to(message) is how


@pytest.mark.parametrize(("message", "foreign"), [
    ("invoice #12588", True), ("bill number 85632", True), ("invoice NW-1002", False), ("my bill of 2026", False),
])
def test_an_invoice_number_in_no_format_of_ours(message, foreign):
    assert bool(NOT_OUR_INVOICE_NUMBER.search(message)) is foreign
