"""A person asked for beside an outage is handed off; a lock told beside another question, or refused after it was lifted.

"I need a human asap, the site is down" and "site is down, get me a person now" were read as technical questions
(0.81) and answered with a guide (the one on HTTP 429, unrelated) or the incident, and no person was called.
"I'm locked out. What are your support hours?" got the support hours only, and the locked customer stayed locked
out. "No, don't unlock it" after the chat had unlocked the account was told "nothing to unlock", as if it had never
been locked. Each conversation goes through the whole offline pipeline as a demo customer.
"""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

# Written out here rather than taken from the code under test, so a changed wording cannot make the checks vacuous.
HANDED_OFF = "I've passed your conversation to a member of our support team"
INCIDENT_TITLE = "Elevated API error rates in eu-west"
SUPPORT_HOURS = "Our support staff are here Monday to Friday, 08:00 to 20:00 UTC"
UNLOCKED = "I've unlocked your account"


@pytest.mark.parametrize("message", [
    "i need a human asap, the site is down",
    "site is down, get me a person now",
])
async def test_a_person_asked_for_beside_an_outage_is_handed_off_with_the_open_incident(converse, message):
    [turn] = await converse("cus_alice", message)
    assert turn.route == "handoff"
    assert turn.handoff_reason == "customer_asked"
    assert HANDED_OFF in turn.reply
    assert INCIDENT_TITLE in turn.reply
    assert "429" not in turn.reply and "rate limit" not in turn.reply.lower()


@pytest.mark.parametrize("message", [
    "is there a human in the loop?",
    "how do I add a person to my team",
])
async def test_words_that_name_a_person_without_asking_for_one_are_not_handed_off(converse, message):
    [turn] = await converse("cus_alice", message)
    assert turn.route != "handoff"
    assert turn.handoff_reason is None
    assert HANDED_OFF not in turn.reply


async def test_a_human_in_the_loop_is_told_that_an_automated_assistant_answers(converse):
    [turn] = await converse("cus_alice", "is there a human in the loop?")
    assert "automated support assistant" in turn.reply


async def test_talk_to_a_human_is_still_handed_off(converse):
    [turn] = await converse("cus_alice", "talk to a human")
    assert turn.route == "handoff" and turn.handoff_reason == "customer_asked"


async def test_a_lock_told_beside_a_question_on_support_hours_gets_both_and_the_unlock(converse):
    ports = FakePorts()
    [turn] = await converse("cus_carol", "im locked out. what are your support hours", ports=ports)
    assert "locked" in turn.reply and "five failed sign-ins" in turn.reply
    assert UNLOCKED in turn.reply
    assert [action.kind for action in turn.actions] == ["account_unlock"]
    assert ports.unlocked == ["cus_carol"]
    assert SUPPORT_HOURS in turn.reply


async def test_the_lock_alone_and_the_hours_alone_are_answered_as_before(converse):
    [lock] = await converse("cus_carol", "im locked out")
    [hours] = await converse("cus_carol", "what are your support hours")
    assert [action.kind for action in lock.actions] == ["account_unlock"]
    assert SUPPORT_HOURS not in lock.reply
    assert SUPPORT_HOURS in hours.reply
    assert not hours.actions and "locked" not in hours.reply


async def test_an_open_account_asking_about_a_lock_and_the_hours_is_told_it_is_not_locked(converse):
    [turn] = await converse("cus_alice", "im locked out. what are your support hours")
    assert "isn't locked" in turn.reply
    assert SUPPORT_HOURS in turn.reply
    assert not turn.actions


async def test_refusing_an_unlock_already_done_is_told_it_was_done_with_the_reset_and_a_person_offered(converse):
    ports = FakePorts()
    first, second = await converse("cus_carol", "my account got locked",
                                   "no dont unlock it, i'll reset the password myself", ports=ports)
    assert UNLOCKED in first.reply
    assert "already unlocked your account" in second.reply
    assert "nothing to unlock" not in second.reply
    assert "**Forgot password**" in second.reply and "reset link" in second.reply
    assert "locked again" in second.reply and "pass you to a person" in second.reply
    assert not second.actions and second.handoff_reason is None
    assert ports.unlocked == ["cus_carol"]


async def test_refusing_an_unlock_before_any_keeps_the_account_locked(converse):
    ports = FakePorts()
    [turn] = await converse("cus_carol", "no dont unlock it, i'll reset the password myself", ports=ports)
    assert "it stays locked" in turn.reply
    assert "already unlocked" not in turn.reply
    assert not turn.actions and ports.unlocked == []
