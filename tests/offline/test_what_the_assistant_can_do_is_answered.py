""""What can you do?" was answered from the FAQ shortcut with the Free plan's entry (0.92); "what can you help with?"
and "how can you help me?" got "I don't have enough information". What the assistant helps with is a fixed answer,
with a person offered; a question about something it can do ("what can you do about my failed payment?") is that
question, and "what do you do?" asks what Northwind does."""

from __future__ import annotations

import pytest

from agents.about_service import identity_or_contact_asked

CAN_HELP = "I'm Northwind Cloud's support assistant. I can help with your invoices, payments, refunds and plan"


@pytest.mark.parametrize(("customer", "message"), [
    (None, "what can you do?"), (None, "what can you help with?"), ("cus_alice", "how can you help me?"),
    ("cus_bob", "hi, what can you help me with?"),
])
async def test_what_the_assistant_can_do_gets_what_it_helps_with_and_a_person_offered(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(CAN_HELP) and "pass you to a person" in outcome.reply, outcome.reply
    assert outcome.route == "resolver" and "Free plan costs" not in outcome.reply, outcome.reply


async def test_a_yes_after_it_hands_the_conversation_to_a_person(converse):
    _, outcome = await converse(None, "what can you do?", "yes please")
    assert outcome.route == "handoff", outcome.reply


@pytest.mark.parametrize(("message", "kind"), [
    ("what can you do?", "capabilities"), ("how can you help?", "capabilities"),
    ("what can you do about my failed payment?", None), ("what can I do?", None), ("what do you do?", None),
    ("are you a bot?", "identity"),
])
def test_a_question_about_what_the_assistant_can_do_is_told_from_others(message, kind):
    assert identity_or_contact_asked(message) == kind
