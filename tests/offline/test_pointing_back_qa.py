"""Short questions about what the assistant just did or said ("what's the ref?", "when will staff look at it?",
"I meant November") read with the turn before, and a request taken back ("never mind, I figured it out")
acknowledged rather than met with a person offered again."""

from __future__ import annotations

import pytest

from agents.follow_up import leans_back, withdraws_request

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


@pytest.mark.parametrize("message", ["never mind the refund, how do I add a teammate?",
                                     "never mind, can you check my invoice?", "it's not working"])
def test_a_message_asking_something_else_takes_nothing_back(message):
    assert not withdraws_request(message)
