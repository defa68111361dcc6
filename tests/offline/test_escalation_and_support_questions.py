"""Asking for a person in words the classifier does not know is handed to one; asking about support is answered.

"Escalate please" and "why is nobody answering" are read as off topic (0.75 to 0.78, or an unsure 0.32), and the scope
reply turned the request away. ("How do i contact sales for enterprise", handed over here at first, asks how to reach
sales, which the help centre doesn't say: a person is offered since the twenty-sixth walk.) "Do I get weekend support?" and
"what support do I get on pro?" were read as requests for a person (human as a secondary label, or at 0.34), and
handed off a question the help centre's entry on support hours and the plans answer. Each conversation goes through
the whole offline pipeline as a demo customer, or as a visitor (None).
"""

from __future__ import annotations

import re

import pytest

# Written out here rather than taken from the code under test, so a changed wording cannot make the checks vacuous.
OUT_OF_SCOPE = "I can only help with your Northwind account"
HANDED_OFF = "Of course. I've passed your conversation to a member of our support team"
PASSED_TO_A_PERSON = re.compile(r"\b(?:passing|passed|handing|handed) (?:this|your) conversation\b", re.IGNORECASE)
SUPPORT_HOURS = ("This chat answers around the clock. Our support staff are here Monday to Friday, 08:00 to 20:00 "
                 "UTC; Business customers also get weekend cover for urgent issues.")


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "escalate please"),
    ("cus_bob", "please escalate this"),
    ("cus_bob", "why is nobody answering"),
    ("cus_alice", "I emailed support yesterday and no one has replied"),
    ("cus_bob", "is anyone from sales around? we want enterprise pricing"),
])
async def test_a_request_for_a_person_in_words_the_classifier_reads_as_off_topic_is_handed_to_a_person(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert OUT_OF_SCOPE not in outcome.reply, outcome.reply
    assert outcome.route == "handoff" and outcome.handoff_reason == "customer_asked", (outcome.route, outcome.reply)
    # A complaint that no one answered is apologised for (stop 39), then handed over the same way.
    assert outcome.reply.startswith((HANDED_OFF, "I'm sorry you've been kept waiting. I've passed your conversation")), (
        outcome.reply)
    assert outcome.intent.label == "human"


async def test_escalating_beside_a_question_it_is_sure_of_answers_it_and_hands_off(converse):
    (outcome,) = await converse("cus_bob", "my deploy keeps failing, please escalate this")
    assert outcome.handoff_reason == "customer_asked", outcome.reply
    assert "Failed deploys" in outcome.reply  # the guide's steps, meanwhile
    assert PASSED_TO_A_PERSON.search(outcome.reply)


@pytest.mark.parametrize("message", ["how do I stop privilege escalation in my app", "what does sales tax cost"])
async def test_words_near_a_request_for_a_person_that_ask_for_none_are_not_handed_off(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "person_asked_in_words" not in outcome.summary, outcome.summary.get("person_asked_in_words")


async def test_a_business_customer_asking_about_weekend_support_is_told_they_have_it_and_not_handed_off(converse):
    (outcome,) = await converse("cus_bob", "do i get weekend support")
    assert outcome.handoff_reason is None and outcome.route != "handoff", (outcome.route, outcome.reply)
    assert not PASSED_TO_A_PERSON.search(outcome.reply), outcome.reply
    assert outcome.reply.startswith("Yes: your plan, Business, gets weekend cover for urgent issues."), outcome.reply
    assert SUPPORT_HOURS in outcome.reply
    assert "human" not in [outcome.intent.label, *outcome.intent.secondary]


async def test_a_pro_customer_asking_about_weekend_support_is_told_it_comes_with_business_and_not_handed_off(
        converse):
    (outcome,) = await converse("cus_alice", "do i get weekend support")
    assert outcome.handoff_reason is None and outcome.route != "handoff", (outcome.route, outcome.reply)
    assert not PASSED_TO_A_PERSON.search(outcome.reply), outcome.reply
    assert outcome.reply.startswith("No: weekend cover for urgent issues comes with Business, and you're on Pro.")
    assert SUPPORT_HOURS in outcome.reply


async def test_what_support_a_pro_customer_gets_is_answered_from_the_plan_and_the_support_hours_not_handed_off(
        converse):
    (outcome,) = await converse("cus_alice", "what support do i get on pro")
    assert outcome.handoff_reason is None and outcome.route != "handoff", (outcome.route, outcome.reply)
    assert not PASSED_TO_A_PERSON.search(outcome.reply), outcome.reply
    assert "Your plan, Pro, includes email support." in outcome.reply, outcome.reply
    assert SUPPORT_HOURS in outcome.reply
    assert outcome.intent.label != "human"


@pytest.mark.parametrize(("customer", "message"), [
    (None, "is support open on weekends"),
    (None, "when can I reach a human"),
    ("cus_carol", "do you have weekend support"),
])
async def test_other_questions_about_support_hours_are_answered_not_handed_off(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.handoff_reason is None and outcome.route != "handoff", (outcome.route, outcome.reply)
    assert SUPPORT_HOURS in outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "I want to speak to a manager"),
    ("cus_alice", "real person NOW"),
    ("cus_bob", "can someone from billing call me"),
    (None, "can I talk to a real person?"),
    ("cus_alice", "what are your support hours? I want to talk to a person"),
])
async def test_requests_for_a_person_are_still_handed_off(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.handoff_reason == "customer_asked", (outcome.route, outcome.reply)


async def test_asking_whether_the_assistant_is_a_bot_is_still_answered_not_handed_off(converse):
    (outcome,) = await converse("cus_bob", "are you a bot?")
    assert outcome.handoff_reason is None and outcome.route == "resolver"
    assert outcome.reply.startswith("I'm Northwind Cloud's automated support assistant, not a person.")
