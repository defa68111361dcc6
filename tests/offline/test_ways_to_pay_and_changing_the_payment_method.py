""""I want help seeing your accepted payment options" and "help me check ur allowed payment modalities" got the
invoice list; "how do I change my payment method?" the invoice list too (its words found the entry on the ways we
accept and the one on changing the card at 0.20 each), and a visitor was asked to sign in. The ways we accept are the
help centre's list; changing the payment method is changing the card on file, with the help centre's steps."""

from __future__ import annotations

import pytest

from agents.about_service import asks_which_ways_to_pay
from agents.providers.offline.reply_billing import CHANGES_PAYMENT_METHOD

ACCEPTED = "We accept Visa, Mastercard and American Express cards."
CARD_STEPS = "Go to **Billing → Payment method**, choose **Replace card** and enter the new card's details."


@pytest.mark.parametrize("message", ["I want help seeing your accepted payment options",
                                     "help me check ur allowed payment modalities", "which ways can I pay",
                                     "where do i see your payment mehods?"])
async def test_the_ways_we_accept_asked_in_other_words_get_the_list(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(ACCEPTED), outcome.reply
    assert "NW-1003" not in outcome.reply


async def test_changing_the_payment_method_is_the_card_on_file_and_the_steps(converse):
    [outcome] = await converse("cus_alice", "how do I change my payment method?")
    assert "ending 4242, which expired (10/2026)." in outcome.reply, outcome.reply
    assert f"How to do it: {CARD_STEPS}" in outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply and ACCEPTED not in outcome.reply


async def test_a_visitor_changing_the_payment_method_gets_the_steps_without_signing_in(converse):
    [outcome] = await converse(None, "how do I change my payment method?")
    assert outcome.reply.startswith(CARD_STEPS), outcome.reply
    assert "sign in" not in outcome.reply


async def test_which_payment_methods_are_accepted_is_still_the_faq_at_once(converse):
    [outcome] = await converse("cus_bob", "what payment methods do you accept?")
    assert outcome.route == "faq" and outcome.reply.startswith(ACCEPTED)


@pytest.mark.parametrize(("message", "asks"), [
    ("what payment options do you have", True), ("your accepted payment methods", True), ("ways to pay?", True),
    ("how do I change my payment method?", False), ("my payment failed", False), ("payment options for my invoice", True),
    ("where do i see your payment mehods?", True), ("update my payment method", False),
])
def test_asking_which_ways_to_pay(message, asks):
    assert asks_which_ways_to_pay(message) is asks


@pytest.mark.parametrize(("message", "changes"), [
    ("how do I change my payment method?", True), ("update payment details", True),
    ("what payment methods do you accept?", False), ("change my plan", False),
])
def test_changing_the_payment_method(message, changes):
    assert bool(CHANGES_PAYMENT_METHOD.search(message)) is changes


async def test_not_knowing_how_to_check_the_payment_methods_gets_the_list(converse):
    [outcome] = await converse("cus_bob", "I don't know how to check the payment methods")
    assert outcome.reply.startswith(ACCEPTED), outcome.reply


async def test_available_payment_modalities_get_the_list_though_their_words_miss_the_entry(converse):
    # "I don't have our list of accepted payment methods to hand": the entry was not among those found.
    [outcome] = await converse("cus_alice", "i want help checking ur available payment modalities")
    assert outcome.reply.startswith(ACCEPTED), outcome.reply


@pytest.mark.parametrize(("customer", "messages"), [
    ("cus_carol", ("can I upgrade to pro?", "how do I pay?")),
    ("cus_carol", ("how do I pay for pro?",)),
    (None, ("how do I pay?",)),
    ("cus_bob", ("how can we pay for the business plan?",)),
])
async def test_how_to_pay_at_all_gets_the_ways_we_accept(converse, customer, messages):
    # Carol (Free, no card) got the steps to replace her card, or only that Free costs nothing.
    *_, outcome = await converse(customer, *messages)
    assert outcome.reply.startswith(ACCEPTED), outcome.reply
    assert "Replace card" not in outcome.reply


@pytest.mark.parametrize("message", ["how do I pay my invoice?", "how do I pay the failed invoice NW-1003?",
                                     "how do I pay less?"])
def test_paying_something_of_ones_own_is_not_asking_the_ways_we_accept(message):
    assert not asks_which_ways_to_pay(message)


@pytest.mark.parametrize("message", ["can you charge a different card?", "use another card instead"])
async def test_another_card_asked_for_is_the_card_on_file_and_the_steps_without_the_invoice_list(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "ending 4242, which expired (10/2026)." in outcome.reply and f"How to do it: {CARD_STEPS}" in outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply
