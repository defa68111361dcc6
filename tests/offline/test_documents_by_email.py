"""Asking for a receipt or an invoice by email: a billing request about the customer's own documents.
No action here sends email, so the reply says so, where the documents are, and which one is meant."""

from __future__ import annotations

import pytest

from agents.own_data import asks_about_own_data

pytestmark = pytest.mark.asyncio


async def test_email_me_a_receipt_is_billing_not_an_account_question(classifier):
    result = classifier.classify("email me a receipt")
    assert (result.label, result.confidence) == ("billing", 0.8)  # below 0.95: an LLM still has its say
    assert classifier.classify("what's the email address on my account?").label == "account"


async def test_asking_for_ones_own_document_by_email_skips_the_faq_shortcut():
    assert asks_about_own_data("email me a receipt")
    assert asks_about_own_data("can you send me my invoice")
    assert not asks_about_own_data("send me a link to your docs")


async def test_a_receipt_by_email_names_the_latest_paid_invoice_and_not_the_accounts_address(converse):
    (outcome,) = await converse("cus_bob", "email me a receipt")
    assert (outcome.route, outcome.intent.label) == ("resolver", "billing")
    assert outcome.reply.startswith("I can't send emails from this chat myself.")
    assert "**Billing → Invoices**" in outcome.reply
    assert "Your latest receipt, NW-2002 ($99.00, paid on 2026-11-15), is there too." in outcome.reply
    assert "bob@example.com" not in outcome.reply


async def test_the_invoice_by_email_names_the_latest_issued_one_paid_or_not(converse):
    (outcome,) = await converse("cus_alice", "email me the invoice")
    assert "Your latest invoice, NW-1003 ($29.00, issued on 2026-11-01), is there too." in outcome.reply


async def test_the_email_on_the_account_is_still_told_when_asked(converse):
    (outcome,) = await converse("cus_alice", "what's the email on my account?")
    assert outcome.reply == "The email address on your account is alice@example.com."
