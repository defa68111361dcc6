"""Billing questions the invoice list does not answer: the currency billed in, VAT and tax, and the email invoices go
to. Each is answered from the account's facts (an invoice's currency), the help centre's entry that covers it, or
honestly not, with a person offered; never with the invoice list as a catch-all."""

from __future__ import annotations

import pytest

INVOICE_LIST = "Here are your most recent invoices"
PERSON_OFFERED = "would you like me to pass you to a person?"
VAT_NUMBER_STEPS = "Go to **Billing → Details**"
EMAIL_CHANGE_STEPS = "Go to **Settings → Profile**"


async def test_the_currency_asked_about_is_the_one_the_invoices_are_in(converse):
    [outcome] = await converse("cus_alice", "what currency am I billed in?")
    assert "Your invoices are in US dollars (USD)." in outcome.reply, outcome.reply
    assert INVOICE_LIST not in outcome.reply and outcome.critic.verdict == "approve", outcome.reply


@pytest.mark.parametrize(("customer", "message", "known"), [
    ("cus_bob", "can I pay in euros?", "Your invoices are in US dollars (USD)."),  # another currency: not known
    (None, "what currency do you bill in?", ""),  # a visitor has no invoices to read it from
    ("cus_carol", "what currency am I billed in?", ""),  # nor a customer without invoices
])
async def test_a_currency_the_facts_do_not_give_is_honestly_not_known_with_a_person_offered(
        converse, customer, message, known):
    [outcome] = await converse(customer, message)
    assert known in outcome.reply and "Our help centre doesn't say" in outcome.reply, outcome.reply
    assert PERSON_OFFERED in outcome.reply and INVOICE_LIST not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "do your invoices include VAT?"),
    ("cus_bob", "is tax included in my invoice?"),
    (None, "do you charge VAT?"),
])
async def test_whether_vat_is_charged_is_honestly_not_known_with_the_vat_number_entry_beside_it(
        converse, customer, message):
    [outcome] = await converse(customer, message)
    reply = outcome.reply
    assert "doesn't say whether VAT or other taxes are added" in reply and PERSON_OFFERED in reply, reply
    assert VAT_NUMBER_STEPS in reply and INVOICE_LIST not in reply, reply


async def test_vat_on_a_followup_is_not_known_while_adding_a_vat_number_stays_the_help_centres_entry(converse):
    adding, charged = await converse("cus_alice", "can I add my VAT number to invoices?", "and do you charge VAT?")
    assert adding.reply.startswith(VAT_NUMBER_STEPS) and "doesn't say" not in adding.reply, adding.reply
    assert "doesn't say whether VAT or other taxes are added" in charged.reply, charged.reply
    assert INVOICE_LIST not in charged.reply, charged.reply


@pytest.mark.parametrize("message", ["how do I change my billing email?", "change the email invoices go to"])
async def test_changing_the_billing_email_gets_the_email_entry_and_the_address_not_the_invoice_list(converse, message):
    [outcome] = await converse("cus_alice", message)
    reply = outcome.reply
    assert INVOICE_LIST not in reply, reply
    assert reply.count(EMAIL_CHANGE_STEPS) == 1 and "alice@example.com" in reply, reply
    assert "Invoices go to the email address on your account" in reply, reply
