"""Short questions about what the assistant just did or said ("what's the ref?", "when will staff look at it?",
"I meant November") read with the turn before, and a request taken back ("never mind, I figured it out")
acknowledged rather than met with a person offered again."""

from __future__ import annotations

import pytest

from agents.follow_ups.go_aheads import says_it_is_sorted, withdraws_request
from agents.follow_ups.leaning_back import leans_back

REFUND_QUESTION = "is NW-2002 eligible for a refund?"
SCOPE_REPLY = "I can only help with your Northwind account"


@pytest.mark.parametrize("question", ["what's the reference?", "what's the ref?", "ok, when will staff look at it?"])
async def test_a_question_about_the_refund_just_filed_is_answered_with_its_reference(converse, question):
    *_, filed, asked = await converse("cus_bob", REFUND_QUESTION, "yes please", question)
    assert "RF-0001" in filed.reply
    assert SCOPE_REPLY not in asked.reply and "RF-0001" in asked.reply, asked.reply
    assert asked.intent.label == "refund", asked.intent


@pytest.mark.parametrize("message", ["what did you just do?", "no sorry, I meant November", "you already said that"])
def test_a_message_about_the_turn_before_leans_back(message):
    assert leans_back(message)


async def test_a_correction_of_the_month_keeps_the_charge_topic(converse):
    _, corrected = await converse("cus_bob", "I was charged twice in October", "no sorry, I meant November")
    assert SCOPE_REPLY not in corrected.reply and "NW-2002" in corrected.reply, corrected.reply


async def test_never_mind_after_a_handoff_is_acknowledged_without_offering_a_person(converse):
    handed, withdrawn = await converse("cus_alice", "can I talk to a person please",
                                       "actually never mind, I figured it out")
    assert handed.route == "handoff"
    assert "ask again here any time" in withdrawn.reply
    assert "pass you to a person" not in withdrawn.reply and withdrawn.handoff_reason is None


async def test_never_mind_after_the_steps_to_cancel_is_not_told_they_got_there(converse):
    # They changed their mind: nothing was done (the chat told them how), and nothing was solved by them either.
    _, withdrawn = await converse("cus_alice", "cancel my subscription", "actually never mind")
    assert withdrawn.reply.startswith("No problem, I'll leave it there."), withdrawn.reply
    assert "glad you got there" not in withdrawn.reply


@pytest.mark.parametrize(("message", "sorted_out"), [
    ("actually never mind, I figured it out", True), ("nvm it works now", True), ("all good now, thanks", True),
    ("never mind", False), ("actually never mind", False), ("forget it", False), ("scratch that", False),
])
def test_only_a_request_taken_back_because_it_is_sorted_is_called_sorted(message, sorted_out):
    assert withdraws_request(message)
    assert says_it_is_sorted(message) is sorted_out


async def test_never_mind_i_figured_it_out_is_told_glad_they_got_there(converse):
    _, withdrawn = await converse("cus_alice", "my deploy fails", "never mind, I figured it out")
    assert withdrawn.reply.startswith("No problem, glad you got there."), withdrawn.reply


@pytest.mark.parametrize("message", ["never mind the refund, how do I add a teammate?",
                                     "never mind, can you check my invoice?", "it's not working"])
def test_a_message_asking_something_else_takes_nothing_back(message):
    assert not withdraws_request(message)


@pytest.mark.parametrize("message", [
    "actually never mind, keep it", "forget it, I will stay", "never mind, I'll keep my plan",
    "nevermind, leave it as it is", "never mind, I changed my mind",
])
async def test_taking_back_a_cancellation_is_acknowledged_and_nothing_is_repeated(converse, message):
    # After the steps to cancel, "never mind, keep it" got them again (billing at 0.9), or the scope reply after a
    # question on what cancelling does.
    for before in (("I want to cancel my subscription",),
                   ("I want to cancel my subscription", "what happens to my apps if I do?")):
        *_, outcome = await converse("cus_alice", *before, message)
        assert outcome.reply.startswith("No problem, I'll leave it there."), outcome.reply
        assert "Cancel subscription" not in outcome.reply and "outside what I can help with" not in outcome.reply
