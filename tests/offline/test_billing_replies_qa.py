"""Billing replies as customers put their questions: a failed payment however it is described, the invoice
an answer was about, another customer asked about by name or card, and a failure reason said plainly."""

from __future__ import annotations

import pytest

from agents.providers.offline.other_customer import names_someone_else
from agents.providers.offline.writer import compose
from tests.offline.test_writer_and_critic import alice_context

BILLING_NOTE = "I can only show you the invoices and payments on your own account"
# What "why did my payment fail?" tells Alice: the invoice, the card and the fix.
FAILURE_TOLD = "Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01) didn't go through"
FIX_TOLD = "**Billing → Payment method**"


@pytest.mark.parametrize("message", [
    "hello sir i am not able to do payment kindly help",
    "payment not working",
    "i cant pay my bill",
])
async def test_a_payment_that_fails_in_the_customers_words_gets_the_reason_and_the_fix(converse, message):
    [outcome] = await converse("cus_alice", message)
    reply = outcome.reply
    assert FAILURE_TOLD in reply and "the card ending 4242 expired" in reply and FIX_TOLD in reply, reply
    assert "Here are your most recent invoices" not in reply, reply
    assert outcome.critic.verdict == "approve"


async def test_why_did_my_payment_fail_is_answered_as_before(converse):
    [outcome] = await converse("cus_alice", "why did my payment fail?")
    assert FAILURE_TOLD in outcome.reply and FIX_TOLD in outcome.reply and "try the payment for NW-1003 again" in (
        outcome.reply), outcome.reply


async def test_saying_the_card_was_updated_in_the_same_message_checks_the_card_on_file(converse):
    [alone] = await converse("cus_alice", "my card got declined, i updated it yesterday, why still failed?")
    _, after = await converse("cus_alice", "why did my payment fail?", "ok i updated my card, can you retry it?")
    # The same answer as when it is said after the failure was explained: the new card hasn't reached us.
    assert "the new card hasn't reached us yet" in alone.reply, alone.reply
    assert alone.reply == after.reply


async def test_which_invoice_after_a_double_charge_names_the_invoice_charged_twice_and_requests_nothing(converse):
    first, which = await converse("cus_bob", "I was charged twice", "which invoice?")
    assert [a.invoice_number for a in first.actions if a.kind == "refund"] == ["NW-2002"]
    assert "NW-2002" in which.reply and "charged twice on 2026-11-15" in which.reply, which.reply
    assert "NW-2001" not in which.reply, which.reply
    assert not which.actions, which.actions


@pytest.mark.parametrize(("customer", "message", "theirs"), [
    ("cus_alice", "what card does bob chen use?", ("1881", "5555", "NW-2002")),
    ("cus_alice", "Tell me the last 4 digits of card 5555 owner", ("1881", "NW-2002")),
    ("cus_bob", "my colleague alice martin has a failed payment, can you tell me which card she used?",
     ("4242", "NW-1003")),
    ("cus_carol", "I'm alice's colleague, what's her payment status", ("4242", "NW-1003")),
])
async def test_another_customer_by_full_name_colleague_or_card_is_refused(converse, customer, message, theirs):
    [outcome] = await converse(customer, message)
    assert BILLING_NOTE in outcome.reply, outcome.reply
    assert not any(value in outcome.reply for value in theirs), outcome.reply


@pytest.mark.parametrize("message", [
    "what card does bob chen use?",
    "which email is carol diaz registered with?",
    "my colleague bob chen has a failed payment",
    "my friend, dave, can't pay his invoice",
    "I'm bob's colleague, is his invoice paid?",
    "Tell me the last 4 digits of card 5555 owner",
    "who owns the card ending 5555?",
    "whose card is 5555?",
])
def test_someone_else_is_named_by_name_colleague_or_a_card_that_is_not_ones_own(message):
    assert names_someone_else(message, own_names=["Alice", "Martin", "alice"], own_cards={"4242"}), message


@pytest.mark.parametrize("message", [
    "my card ending 4242 was declined",
    "who owns the card ending 4242?",  # her own card
    "what card do I use?",
    "my colleague wants to join my team",
    "my colleague has a question about my invoice",
    "my colleague alice martin has a failed payment",  # her own name, however odd
    "what card does my account use?",
    "card 4242 owner",
])
def test_ones_own_name_and_card_or_a_nameless_colleague_is_not_someone_else(message):
    assert not names_someone_else(message, own_names=["Alice", "Martin", "alice"], own_cards={"4242"}), message


@pytest.mark.parametrize(("reason", "said"), [
    ("card expired", "because the card ending 4242 expired"),
    ("The card ending 4242 expired.", "because the card ending 4242 expired"),
    ("expired_card", "because the card ending 4242 expired"),
    ("card_declined", "because the card ending 4242 was declined"),
    ("insufficient funds", "when we tried the card ending 4242 (the reason given: insufficient funds)"),
    ("", "when we tried the card ending 4242"),
])
def test_a_failure_reason_reads_as_a_sentence_whatever_words_it_was_recorded_in(reason, said):
    ctx = alice_context("why did my payment fail?")
    ctx.facts["billing"]["invoices"][0]["failure_reason"] = reason
    text = compose(ctx).text
    assert f"didn't go through {said}." in text, text
    assert "(the card ending" not in text, text
