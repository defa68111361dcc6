""""Hello, I have a question about my bill" got "I don't have enough information to answer that properly" and a person
offered; "I have a question about my account" and "hi, I need help with my app" the same, and "I have a problem with
billing" the invoice list nobody asked for. A topic announced is asked for its question. And "why is my bill $29?" got
one invoice's figures, not why: the plan it charges for is said too."""

from __future__ import annotations

import pytest

from agents.providers.offline.writer import announced_topic

CANNOT = "I don't have enough information"


@pytest.mark.parametrize(("customer", "message", "reply"), [
    ("cus_alice", "hello, I have a question about my bill", "Of course — what would you like to know about your bill, Alice?"),
    ("cus_bob", "I have a question about my account", "Of course — what would you like to know about your account, Bob?"),
    (None, "hi, I need help with my app", "Of course — what's happening with your app?"),
])
async def test_a_topic_announced_is_asked_for_its_question(converse, customer, message, reply):
    [outcome] = await converse(customer, message)
    assert outcome.reply == reply
    assert outcome.handoff_reason is None


@pytest.mark.parametrize(("customer", "message", "shown", "asked"), [
    # A problem with billing is the one the records show, her failed payment, before the question.
    ("cus_alice", "I have a problem with billing", "Your payment for invoice NW-1003", "What's the problem with billing?"),
    ("cus_carol", "question about my invoice", "There are no invoices on your account yet",
     "What would you like to know about your invoice?"),
])
async def test_what_a_topic_announced_shows_comes_with_the_question_asked_for(converse, customer, message, shown, asked):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(shown) and outcome.reply.endswith(asked), outcome.reply


@pytest.mark.parametrize("message", [
    "I have a question about pricing for teams", "I have a problem with my app crashing",
    "I have a question about my bill, why is it $29?", "can you help me with my invoice NW-1003",
])
def test_a_message_that_says_more_than_its_topic_is_not_a_topic_announced(message):
    assert announced_topic(message) is None


async def test_why_a_bill_is_the_plans_price_is_answered_with_the_plan(converse):
    [outcome] = await converse("cus_alice", "why is my bill $29?")
    assert "You're on the Pro plan at $29.00 a month" in outcome.reply, outcome.reply
    assert CANNOT not in outcome.reply
