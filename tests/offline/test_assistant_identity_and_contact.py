"""Asking what answers ("are you a bot?") is not asking for a person, and asking for a phone number or an
email address is not off topic: each gets an honest answer, with a person offered, and nothing made up.

The classifier reads "am I talking to a human?" as a request for a person (human at 0.91) and "what's your phone
number?" as off topic (0.90); the demo company has no phone line and no support address, so none may be invented.
Each conversation goes through the whole offline pipeline as a demo customer, or as a visitor (None).
"""

from __future__ import annotations

import re

import pytest

from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import Harness, ctx_for, intent, offline

# Written out here rather than imported from the code under test, so a changed wording cannot make the checks
# vacuous.
NOT_A_PERSON = "I'm Northwind Cloud's automated support assistant, not a person."
OFFERS_A_PERSON = "I can pass you to a person from our support team, who will reply right here in this chat"
SUPPORT_IS_HERE = "Northwind Cloud's support is given right here, in this chat"
OUT_OF_SCOPE = "I can only help with your Northwind account"
NOT_ENOUGH_INFORMATION = "I don't have enough information"
PASSED_TO_A_PERSON = re.compile(r"\b(?:passing|passed|handing|handed) (?:this|your) conversation\b", re.IGNORECASE)
# A line that says nothing: blank lines only ever separate paragraphs, and no line is punctuation alone.
NOTHING_ON_A_LINE = re.compile(r"^[\s.,;:!?…·•*_~\-–—]*$")


def assert_no_empty_lines(reply: str) -> None:
    lines = reply.split("\n")
    assert lines[0].strip() and lines[-1].strip(), repr(reply)
    assert "\n\n\n" not in reply, repr(reply)
    assert not [line for line in lines if line and NOTHING_ON_A_LINE.match(line)], repr(reply)


@pytest.mark.parametrize(("customer", "message"), [
    (None, "are you a real person?"),
    ("cus_bob", "are you a bot?"),
    ("cus_alice", "am I talking to a human?"),
    (None, "is this an AI?"),
    ("cus_bob", "are you chatgpt?"),
    ("cus_carol", "are you a bot or a real person?"),
    (None, "hi! quick question, who am I talking to?"),
])
async def test_asking_whether_the_assistant_is_a_person_is_answered_honestly_with_a_person_offered_not_a_handoff(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.route == "resolver" and outcome.handoff_reason is None, (outcome.route, outcome.reply)
    assert outcome.reply.startswith(NOT_A_PERSON), outcome.reply
    assert OFFERS_A_PERSON in outcome.reply
    assert not PASSED_TO_A_PERSON.search(outcome.reply)
    assert NOT_ENOUGH_INFORMATION not in outcome.reply and OUT_OF_SCOPE not in outcome.reply
    assert outcome.intent.label == "general"
    assert_no_empty_lines(outcome.reply)


async def test_yes_after_the_offer_of_a_person_hands_the_conversation_to_one(converse):
    answered, yes = await converse(None, "are you a real person?", "yes please")
    assert answered.handoff_reason is None
    assert yes.route == "handoff" and yes.handoff_reason == "customer_asked"


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "can I talk to a real person?"),
    (None, "I want a human"),
    ("cus_bob", "are you a bot? I want a real person"),
    ("cus_alice", "is there a real person I can chat with"),
    ("cus_bob", "can someone from support call me"),
])
async def test_asking_for_a_person_in_so_many_words_is_still_handed_off(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.route == "handoff" and outcome.handoff_reason == "customer_asked", (outcome.route, outcome.reply)
    assert PASSED_TO_A_PERSON.search(outcome.reply)
    assert NOT_A_PERSON not in outcome.reply


async def test_a_question_about_the_assistant_beside_another_is_answered_with_it_and_no_one_is_called(converse):
    (outcome,) = await converse("cus_alice", "are you a bot? why did my last payment fail?")
    assert outcome.handoff_reason is None and outcome.route != "handoff"
    assert outcome.reply.startswith(NOT_A_PERSON), outcome.reply
    assert outcome.reply.count(NOT_A_PERSON) == 1
    assert "NW-1003" in outcome.reply and "expired" in outcome.reply


async def test_with_an_llm_configured_the_question_is_answered_without_it_and_without_a_handoff():
    # The local classifier is sure it is a request for a person (human at 0.93, above the 0.8 it is trusted at);
    # the LLM, were it asked to write, would claim to be a person.
    llm = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("general", 0.9)],
                           replies=["Yes, I'm Sam, a real person on the support team."])
    harness = Harness(provider=llm, fallback=offline(intents=[intent("human", 0.93)]))
    outcome = await harness.run(ctx_for("am I talking to a human?"))
    assert outcome.route == "resolver" and outcome.handoff_reason is None, (outcome.route, outcome.reply)
    assert outcome.reply.startswith(NOT_A_PERSON) and "Sam" not in outcome.reply
    assert llm.calls == []


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "what's your phone number?"),
    ("cus_bob", "can I call you?"),
    ("cus_bob", "is there a support phone line"),
    (None, "do you have a phone number I can call"),
    # These got "I don't have enough information": "offer" and "provide" were words the answer did not expect.
    (None, "do you offer phone support?"),
    ("cus_bob", "do you provide phone support?"),
    # "Client Service" is what Bitext's customers call it: "I don't have enough information".
    ("cus_bob", "I want to know what the phone number to contact Client Service is"),
    ("cus_bob", "what is the phone number of customer support?"),
    ("cus_bob", "I want to see the phone number of Client Service"),
])
async def test_asking_for_a_phone_number_gets_support_here_in_the_chat_and_a_person_offered_never_a_number(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.route == "resolver" and outcome.handoff_reason is None, (outcome.route, outcome.reply)
    assert outcome.reply.startswith("I'm afraid I don't have a phone number I can give you for support"), \
        outcome.reply
    assert SUPPORT_IS_HERE in outcome.reply and OFFERS_A_PERSON in outcome.reply
    assert not re.search(r"\d", outcome.reply)  # no number, made up or otherwise
    assert OUT_OF_SCOPE not in outcome.reply and "Retry-After" not in outcome.reply  # not the rate limits either
    assert_no_empty_lines(outcome.reply)


@pytest.mark.parametrize("message", ["is there an email address I can write to?", "what's your support email?",
                                     "can I email you?", "what is the email of the Client Service?",
                                     # It was handed to a person: "Customer Support" read as asking for one.
                                     "can you tell me the mail address of Customer Support?"])
async def test_asking_for_an_address_to_write_to_gets_support_here_not_the_customers_own_email(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert outcome.route == "resolver" and outcome.handoff_reason is None, (outcome.route, outcome.reply)
    assert outcome.reply.startswith("I'm afraid I don't have an email address I can give you for support"), \
        outcome.reply
    assert SUPPORT_IS_HERE in outcome.reply and OFFERS_A_PERSON in outcome.reply
    assert "@" not in outcome.reply  # neither carol@example.com nor an invented address
    assert "locked" not in outcome.reply  # her lock is not what she asked about
    assert_no_empty_lines(outcome.reply)


async def test_support_s_address_asked_beside_an_account_question_still_leaves_out_the_customers_own(converse):
    (outcome,) = await converse("cus_carol", "is there an email address I can write to? also how do I unlock my "
                                             "account")
    assert "carol@example.com" not in outcome.reply, outcome.reply
    assert "I'm afraid I don't have an email address" in outcome.reply and "locked" in outcome.reply


async def test_the_email_on_file_is_still_the_customers_own(converse):
    (outcome,) = await converse("cus_carol", "what is my email address on file?")
    assert "The email address on your account is carol@example.com." in outcome.reply, outcome.reply
    assert "I don't have an email address" not in outcome.reply
    assert_no_empty_lines(outcome.reply)
