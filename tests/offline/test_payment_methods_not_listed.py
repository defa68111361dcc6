"""Asking whether a way to pay is accepted ("do you take paypal or crypto") gets the help centre's list of payment
methods and, from it, which of those asked about it does not name: never turned away as off topic, and never a
claim the list does not make.

Through the whole offline pipeline as a demo customer or a visitor (None).
"""

from __future__ import annotations

import pytest

from agents.about_service import payment_methods_asked
from agents.context import IntentResult, SupportContext
from agents.providers.offline.writer import compose
from tests.agents.fakes import PROFILES

# The help centre's entry, as seed_demo loads it; written out so a changed wording cannot make the checks vacuous.
PAYMENT_METHODS = ("We accept Visa, Mastercard and American Express cards. Business customers can also pay yearly by "
                   "bank transfer against an invoice.")
OUT_OF_SCOPE = "I can only help with your Northwind account"
OFFERS_A_PERSON = "would you like me to pass you to a person?"


@pytest.mark.parametrize(("customer", "message", "not_listed"), [
    ("cus_bob", "do you take paypal or crypto", "PayPal and crypto aren't among the payment methods our help centre "
                                                "lists, so I can't confirm that you could pay with them."),
    (None, "do you accept paypal", "PayPal isn't among the payment methods our help centre lists, so I can't "
                                   "confirm that you could pay with it."),
    ("cus_alice", "can I pay with bitcoin?", "Bitcoin isn't among the payment methods our help centre lists"),
])
async def test_a_way_to_pay_the_list_does_not_name_is_answered_with_the_list_and_that_it_is_not_on_it(
        converse, customer, message, not_listed):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(PAYMENT_METHODS), outcome.reply
    assert not_listed in outcome.reply
    assert OFFERS_A_PERSON in outcome.reply and outcome.handoff_reason is None
    assert OUT_OF_SCOPE not in outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply  # the question is about us, not the account
    assert outcome.intent.label == "billing" and outcome.critic.verdict == "approve"
    assert [s.ref for s in outcome.sources] == ["15"]


async def test_yes_after_the_offer_hands_the_payment_question_to_a_person(converse):
    _, yes = await converse("cus_bob", "do you take paypal or crypto", "yes")
    assert yes.route == "handoff" and yes.handoff_reason == "customer_asked"


async def test_which_payment_methods_are_accepted_is_still_answered_from_the_faq_straight_away(converse):
    (outcome,) = await converse("cus_bob", "what payment methods do you accept?")
    assert outcome.route == "faq" and outcome.reply == PAYMENT_METHODS


async def test_a_way_to_pay_the_list_names_gets_the_list_and_nothing_denied(converse):
    (outcome,) = await converse("cus_alice", "do you accept amex? and how do I change my card")
    assert PAYMENT_METHODS in outcome.reply and "isn't among" not in outcome.reply, outcome.reply
    assert "American Express" in outcome.reply


def test_with_no_list_of_payment_methods_gathered_none_is_made_up():
    ctx = SupportContext(conversation_id="c", run_id="r", message="do you take paypal or crypto",
                         customer=PROFILES["cus_bob"], intent=IntentResult(label="billing", confidence=0.65))
    draft = compose(ctx)
    assert "I don't have our list of accepted payment methods to hand" in draft.text, draft.text
    assert "Visa" not in draft.text and "isn't among" not in draft.text and "aren't among" not in draft.text


@pytest.mark.parametrize("message", ["paypal?", "and apple pay?", "what about crypto?"])
async def test_a_way_to_pay_named_alone_after_the_list_is_asked_whether_we_accept_it(converse, message):
    # "Paypal?" right after the ways we accept got the invoice list.
    _, outcome = await converse("cus_alice", "what payment methods do you accept?", message)
    assert "isn't among the payment methods our help centre lists" in outcome.reply, outcome.reply
    assert "NW-1003" not in outcome.reply


@pytest.mark.parametrize("message", ["check?", "visa?", "I love paypal", "cash"])
def test_a_word_that_is_more_than_a_way_to_pay_or_a_way_to_pay_only_mentioned_asks_nothing(message):
    assert payment_methods_asked(message) == []
