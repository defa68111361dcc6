"""Billing questions from a chat QA pass: a month's receipt asked for in a hurry ("recipt for nov pls"), "the other
one" after an invoice was discussed, and the customer's own payment history rather than the help centre's entry."""

from __future__ import annotations

import pytest

from agents.orchestrator import OUT_OF_SCOPE_REPLY
from agents.own_data import asks_for_billing_document, asks_payment_history

INVOICE_LIST = "Here are your most recent invoices"
WHERE_INVOICES_ARE = "**Billing → Invoices**"
ALICE_INVOICES = {"NW-1001", "NW-1002", "NW-1003"}


# ---------------------------------------------------------------- a month's receipt or invoice


@pytest.mark.parametrize(("customer", "message", "invoice"), [
    ("cus_alice", "recipt for nov pls", "NW-1003"),
    ("cus_alice", "reciept for october", "NW-1002"),
    ("cus_alice", "can i get the invoce for last month", "NW-1002"),  # today is 2026-11-25: October
    ("cus_alice", "this month's receipt", "NW-1003"),
    ("cus_bob", "recipt for nov pls", "NW-2002"),
])
async def test_a_months_receipt_typed_in_a_hurry_gets_that_months_invoice_and_where_to_download_it(
        converse, customer, message, invoice):
    [outcome] = await converse(customer, message)
    reply = outcome.reply
    assert reply != OUT_OF_SCOPE_REPLY and outcome.intent.label == "billing", reply
    assert invoice in reply and WHERE_INVOICES_ARE in reply, reply
    others = {"cus_alice": ALICE_INVOICES, "cus_bob": {"NW-2001", "NW-2002"}}[customer] - {invoice}
    assert not [number for number in others if number in reply], reply
    assert INVOICE_LIST not in reply and outcome.critic.verdict == "approve", reply


async def test_a_receipt_for_a_month_whose_payment_failed_says_there_is_none_yet_and_why(converse):
    [outcome] = await converse("cus_alice", "recipt for nov pls")
    assert "there's no receipt for it yet" in outcome.reply, outcome.reply
    assert "the card ending 4242 expired" in outcome.reply and "**Billing → Payment method**" in outcome.reply


async def test_a_month_with_no_invoice_is_said_with_the_invoices_there_are(converse):
    [alice] = await converse("cus_alice", "invoice for march please")
    assert "I can't find an invoice from that month" in alice.reply, alice.reply
    assert all(number in alice.reply for number in ALICE_INVOICES), alice.reply
    [carol] = await converse("cus_carol", "recipt for nov pls")
    assert carol.reply != OUT_OF_SCOPE_REPLY and "There are no invoices on your account yet" in carol.reply, carol.reply


async def test_a_visitor_asking_for_a_months_receipt_is_asked_to_sign_in_not_turned_away(converse):
    [outcome] = await converse(None, "recipt for nov pls")
    assert outcome.reply != OUT_OF_SCOPE_REPLY and "sign in" in outcome.reply, outcome.reply
    assert "NW-" not in outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("recipt for nov pls", True),
    ("Receipts for October please", True),
    ("my october receipt", True),
    ("invoice for may", True),
    ("you may invoice me", False),  # "may" the verb
    # Off-topic messages in the intent data (CLINC150) with a receipt or an invoice but no month of ours.
    ("remind me of the invoice total for my plumbing bill", False),
    ("please find the receipt date for my last paycheck", False),
])
def test_a_request_for_a_months_receipt_is_told_from_other_mentions_of_receipts(message, asks):
    assert asks_for_billing_document(message) is asks


# ---------------------------------------------------------------- "the other one"


@pytest.mark.parametrize("follow_up", ["and the other one?", "the other invoice", "what about the others?"])
async def test_the_other_one_after_an_invoice_lists_the_others_and_asks_which_never_the_same_one(converse, follow_up):
    first, other = await converse("cus_alice", "whats on invoice NW-1002", follow_up)
    assert "Invoice NW-1002 is for" in first.reply
    assert "Invoice NW-1002 is for" not in other.reply, other.reply
    assert "NW-1001" in other.reply and "NW-1003" in other.reply and "Which one" in other.reply, other.reply
    assert INVOICE_LIST not in other.reply and other.critic.verdict == "approve", other.reply


async def test_the_other_one_with_a_single_other_invoice_is_that_invoice(converse):
    _, other = await converse("cus_bob", "whats on invoice NW-2002", "and the other one?")
    assert "Invoice NW-2001 is for $99.00" in other.reply and "NW-2002" not in other.reply, other.reply
    # "The previous one" still counts back by date from the invoice discussed.
    _, previous = await converse("cus_alice", "whats on invoice NW-1003", "and the previous one")
    assert "Invoice NW-1002 is for" in previous.reply, previous.reply


async def test_the_other_invoices_after_a_failed_payment_are_the_ones_besides_the_failed_one(converse):
    _, other = await converse("cus_alice", "why did my payment fail?", "what about the other invoices?")
    assert "Besides NW-1003" in other.reply and "NW-1002" in other.reply and "NW-1001" in other.reply, other.reply


# ---------------------------------------------------------------- payment history


@pytest.mark.parametrize("message", ["payment history please", "what have I paid", "show my charges", "my payments",
                                     "can I see my payment history?"])
async def test_payment_history_lists_the_payments(converse, message):
    [outcome] = await converse("cus_alice", message)
    reply = outcome.reply
    assert outcome.route != "faq", reply
    assert "- 2026-11-01: $29.00 for invoice NW-1003, card ending 4242: failed" in reply, reply
    assert "- 2026-10-01: $29.00 for invoice NW-1002, card ending 4242: paid" in reply, reply
    assert "- 2026-09-01: $29.00 for invoice NW-1001, card ending 4242: paid" in reply, reply
    assert "You've paid $58.00 in total" in reply and INVOICE_LIST not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_payment_history_marks_bobs_duplicate_and_says_carol_has_none(converse):
    [bob] = await converse("cus_bob", "payment history please")
    assert "$99.00 for invoice NW-2002, card ending 1881: paid (a duplicate charge)" in bob.reply, bob.reply
    assert "NW-2001" in bob.reply and bob.route != "faq", bob.reply
    [carol] = await converse("cus_carol", "payment history please")
    assert "There are no payments on your account yet" in carol.reply and carol.route != "faq", carol.reply


async def test_a_visitor_asking_for_payment_history_gets_the_help_centre_not_anyones_payments(converse):
    [visitor] = await converse(None, "payment history please")
    [alice] = await converse("cus_alice", "payment history please")
    assert visitor.route == "faq" and WHERE_INVOICES_ARE in visitor.reply and "NW-" not in visitor.reply
    assert alice.route != "faq" and "NW-1003" in alice.reply, alice.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("payment history please", True),
    ("billing history", True),
    ("what have I paid?", True),
    ("how do I see my payment history?", False),  # where it is: the help centre's answer
    ("why are my payments failing", False),  # the failure, not the list
    ("how much have I paid so far?", False),  # a total
])
def test_a_request_for_the_payments_is_told_from_how_to_find_them_and_other_payment_questions(message, asks):
    assert asks_payment_history(message) is asks
