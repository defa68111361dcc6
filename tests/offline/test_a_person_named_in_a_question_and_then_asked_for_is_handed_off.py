""""Is there a real person behind this? I want one": the question names a person and the customer then asks for one
("one", "them"), which is a request for a person the run hands off. The question alone is answered, and "one"
asked of a bot, or "I want one of those", asks for no person."""

from __future__ import annotations

import re

import pytest

from agents.about_service import asks_for_a_person, asks_what_answers_only, identity_or_contact_asked

HANDED_OFF = re.compile(r"\b(?:passing|passed|handing|handed) (?:this|your) conversation\b")


@pytest.mark.parametrize("message", [
    "is there a real person behind this? I want one",
    "are you a human? i need one",
    "are you a real person? can I talk to one",
])
async def test_a_person_asked_for_after_a_question_naming_one_is_handed_off(converse, message):
    [turn] = await converse("cus_alice", message)
    assert turn.route == "handoff"
    assert turn.handoff_reason == "customer_asked"
    assert HANDED_OFF.search(turn.reply)


async def test_the_question_alone_is_answered_without_a_handoff(converse):
    [turn] = await converse("cus_alice", "is there a real person behind this?")
    assert turn.route != "handoff" and turn.handoff_reason is None
    assert "automated support assistant" in turn.reply


@pytest.mark.parametrize("message", [
    "are you a bot? I want one",
    "are you a real person? I want one of those for my site",
    "is there a real person behind this? I want to know",
])
def test_one_wanted_of_no_person_is_not_a_request_for_a_person(message):
    assert not asks_for_a_person(message)


def test_the_request_is_not_taken_for_a_question_about_who_answers():
    message = "is there a real person behind this? I want one"
    assert asks_for_a_person(message)
    assert not asks_what_answers_only(message)
    assert identity_or_contact_asked(message) is None
