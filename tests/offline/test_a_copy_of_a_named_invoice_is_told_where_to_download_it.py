"""Bob's "I need a copy of invoice NW-2001" got only the invoice's amount and dates: a copy asked for is told where
to get it too, from the help centre's entry on invoices (Billing → Invoices, a PDF each, and emailed when issued)."""

from __future__ import annotations

import pytest

from agents.own_data import asks_for_document_copy

WHERE_INVOICES_ARE = "All your invoices are under **Billing → Invoices**, where you can download each one as a PDF."
EMAILED = "We also email every invoice to your billing address when it is issued."


@pytest.mark.parametrize("message", ["I need a copy of invoice NW-2001", "can I get a PDF of invoice NW-2001?"])
async def test_a_copy_of_a_named_invoice_gets_the_invoice_and_where_to_download_it(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "Invoice NW-2001 is for $99.00" in outcome.reply, outcome.reply
    assert WHERE_INVOICES_ARE in outcome.reply and EMAILED in outcome.reply, outcome.reply


async def test_a_question_about_a_named_invoice_is_not_told_where_copies_are(converse):
    # Near miss: asking what an invoice is for asks for no copy.
    (outcome,) = await converse("cus_bob", "what is invoice NW-2001 for?")
    assert outcome.reply.startswith("Invoice NW-2001 ($99.00, issued on 2026-10-15) is for a month of your Business plan"), \
        outcome.reply
    assert WHERE_INVOICES_ARE not in outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("I need a copy of invoice NW-2001", True),
    ("pdf of my last invoice", True),
    ("print my invoices", True),
    ("I need a copy of my data", False),
    ("what is invoice NW-2001 for?", False),
    ("can I copy my app to another region?", False),
])
def test_only_a_copy_of_an_invoice_or_receipt_reads_as_asked_for(message, asks):
    assert asks_for_document_copy(message) is asks
