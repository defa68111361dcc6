"""A locked customer who only asks about the lock ("why is my account locked?", "is it still locked?") is told why
it is locked and offered the unlock; nothing is unlocked until they ask for it or say yes to the offer. A request
("unlock my account", "I'm locked out", "I can't sign in") still starts it, and "locked out" or "login not working"
is answered by the account's lock alone, not also by a technical part saying no guide covers it. After an unlock the
assistant made, "why was it locked?" says the assistant unlocked it, not a member of the team."""

from __future__ import annotations

import pytest

from agents.own_data import asks_about_the_lock, asks_to_unlock, reports_cannot_sign_in
from tests.agents.fakes import FakePorts

LOCK_REASON = "Your account (carol) is locked — five failed sign-ins"
OFFER = "say so and I'll start it"
UNLOCK_STARTED = "I'll start the unlock for you"
NO_GUIDE = "I don't have a guide"

LOCK_QUESTIONS = [
    "why is my account locked",
    "is my account locked?",
    "is my account still locked?",
    "what happens if my account gets locked",
    "if my account is locked can support unlock it",
    "why was my account locked?",
]
UNLOCK_REQUESTS = [
    "unlock my account",
    "please unlock me",
    "I'm locked out, can you unlock it",
    "I can't sign in, help",
]


@pytest.mark.parametrize("question", LOCK_QUESTIONS)
async def test_a_question_about_the_lock_explains_it_and_offers_the_unlock_without_unlocking(converse, question):
    ports = FakePorts()
    (outcome,) = await converse("cus_carol", question, ports=ports)
    assert outcome.actions == [] and ports.unlocked == [] and ports.unlocks_waiting == [], outcome.actions
    assert LOCK_REASON in outcome.reply and OFFER in outcome.reply, outcome.reply
    assert UNLOCK_STARTED not in outcome.reply and "I've unlocked" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("question", ["why is my account locked", "is my account locked?"])
@pytest.mark.parametrize("yes", ["yes", "please do", "yes please"])
async def test_saying_yes_to_the_offered_unlock_starts_it(converse, question, yes):
    ports = FakePorts()
    asked, accepted = await converse("cus_carol", question, yes, ports=ports)
    assert asked.actions == []
    assert [(a.kind, a.status) for a in accepted.actions] == [("account_unlock", "completed")], accepted.reply
    assert ports.unlocked == ["cus_carol"] and "I've unlocked your account" in accepted.reply, accepted.reply


@pytest.mark.parametrize("request_words", UNLOCK_REQUESTS)
async def test_a_request_to_be_unlocked_still_starts_the_unlock(converse, request_words):
    ports = FakePorts()
    (outcome,) = await converse("cus_carol", request_words, ports=ports)
    assert [a.kind for a in outcome.actions] == ["account_unlock"], outcome.reply
    assert LOCK_REASON in outcome.reply and UNLOCK_STARTED in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["locked out", "login not working", "my login isn't working"])
async def test_locked_out_or_login_not_working_is_answered_by_the_lock_alone(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert outcome.intent.label == "account" and outcome.intent.secondary == [], outcome.intent
    assert LOCK_REASON in outcome.reply and NO_GUIDE not in outcome.reply, outcome.reply
    assert [a.kind for a in outcome.actions] == ["account_unlock"], outcome.actions


async def test_login_not_working_on_an_open_account_says_it_is_not_locked(converse):
    (outcome,) = await converse("cus_alice", "login not working")
    assert "isn't locked" in outcome.reply and NO_GUIDE not in outcome.reply, outcome.reply
    assert outcome.actions == []


@pytest.mark.parametrize("question", ["why was it locked", "is my account unlocked now?"])
async def test_after_the_assistant_unlocked_it_the_lock_is_said_to_be_lifted_by_the_assistant(converse, question):
    ports = FakePorts()
    asked, later = await converse("cus_carol", "please unlock my account", question, ports=ports)
    assert [a.status for a in asked.actions] == ["completed"]
    assert "I unlocked it for you" in later.reply and "five failed sign-ins" in later.reply, later.reply
    assert "a member of our team unlocked it" not in later.reply, later.reply


async def test_after_staff_unlocked_it_the_lock_is_said_to_be_lifted_by_the_team(converse):
    # The unlock waited for staff: whoever opened it, the assistant did not.
    from datetime import UTC, datetime

    from tests.agents import fakes

    account = fakes.ACCOUNTS["cus_carol"].model_copy(update={
        "status": "active", "locked_reason": "", "failed_signins": 0, "last_lock_reason": "five failed sign-ins",
        "unlocked_at": datetime(2026, 11, 24, tzinfo=UTC), "unlocked_on_request": True})
    original = fakes.ACCOUNTS["cus_carol"]
    fakes.ACCOUNTS["cus_carol"] = account
    try:
        (outcome,) = await converse("cus_carol", "why was my account locked?")
    finally:
        fakes.ACCOUNTS["cus_carol"] = original
    assert "a member of our team unlocked it" in outcome.reply and "I unlocked" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("question", ["why is my account locked", "is my account locked?"])
async def test_an_open_account_asked_about_a_lock_is_said_to_be_open_and_nothing_is_offered(converse, question):
    (outcome,) = await converse("cus_alice", question)
    assert "isn't locked" in outcome.reply and OFFER not in outcome.reply and outcome.actions == [], outcome.reply


@pytest.mark.parametrize("text", LOCK_QUESTIONS)
def test_lock_questions_are_not_requests_to_unlock(text):
    assert asks_about_the_lock(text) and not asks_to_unlock(text)


@pytest.mark.parametrize("text", ["unlock my account", "please unlock me", "I'm locked out, can you unlock it"])
def test_requests_to_unlock_are_not_lock_questions(text):
    assert asks_to_unlock(text) and not asks_about_the_lock(text)


@pytest.mark.parametrize(("text", "cannot_sign_in"), [
    ("login not working", True), ("I can't sign in", True), ("locked out", True), ("unable to log in", True),
    ("my users can't log in to my app", False), ("how do I sign in with sso", False), ("my login page is slow", False),
])
def test_cannot_sign_in_is_the_customers_own_sign_in(text, cannot_sign_in):
    assert reports_cannot_sign_in(text) is cannot_sign_in
