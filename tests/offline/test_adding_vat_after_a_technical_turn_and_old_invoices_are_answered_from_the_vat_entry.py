""""Where do I add VAT" (off topic to the classifier at 0.51, beside a technical guess), after a technical turn or
alone, is answered with the help centre's entry on company and VAT details on invoices, not a guide or "I don't
have a guide". "Will it show on old invoices" after it is answered from that entry's sentence on which invoices
carry the details, not with the invoice list. VAT added to a price is not taken for the customer's VAT number."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import INVOICE_DETAILS, ON_OLD_INVOICES

# The help centre's entry on VAT details, as the demo knowledge words it.
VAT_ENTRY = "Go to **Billing → Details** and fill in your company name, address and VAT number."
WHICH_INVOICES = "They appear on every invoice issued after you save them."


@pytest.mark.parametrize("before", [[], ["my app keeps crashing with 502 errors"], ["how do I set up a custom domain"]])
async def test_where_to_add_vat_is_answered_with_the_vat_entry(converse, before):
    *_, turn = await converse("cus_alice", *before, "where do i add VAT")
    assert VAT_ENTRY in turn.reply
    assert "guide" not in turn.reply.lower()


async def test_old_invoices_after_the_vat_answer_are_told_from_the_entry_not_listed(converse):
    _, turn = await converse("cus_alice", "where do i add VAT", "will it show on old invoices")
    assert turn.reply.startswith("Not on invoices already issued")
    assert WHICH_INVOICES in turn.reply
    assert "NW-" not in turn.reply


async def test_old_invoices_asked_for_without_the_vat_topic_are_still_listed(converse):
    [turn] = await converse("cus_alice", "show me my old invoices")
    assert "NW-1002" in turn.reply
    assert "Not on invoices already issued" not in turn.reply


@pytest.mark.parametrize("message", ["do you add VAT to the price?", "do prices include vat", "is VAT added?"])
def test_vat_on_a_price_is_not_the_customers_vat_details(message):
    assert not INVOICE_DETAILS.search(message)


def test_showing_the_old_invoices_is_not_asking_what_shows_on_them():
    assert not ON_OLD_INVOICES.search("show me my old invoices")
    assert ON_OLD_INVOICES.search("will it show on old invoices")


async def test_our_company_name_asked_is_not_answered_with_the_vat_entry(converse):
    [turn] = await converse(None, "what's your company name?")
    assert VAT_ENTRY not in turn.reply
