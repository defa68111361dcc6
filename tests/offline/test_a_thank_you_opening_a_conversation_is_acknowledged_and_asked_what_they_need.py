""""Thanks!" or "ok thanks" as the very first message: nothing was helped with yet, so the reply is a plain
acknowledgement that asks what they need (not "I'm here if anything else comes up", nor "I haven't offered to do
anything yet"). After an answer, a thank-you is still answered as one.

"ok thanks" reaches the writer only once the orchestrator stops taking it for a go-ahead with nothing offered
(follow_ups.offers.goes_ahead_with_nothing_offered, not this helper's to change): its writer reply is checked
directly."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, IntentResult, SupportContext
from agents.providers.offline.writer import compose

ASKS_WHAT_THEY_NEED = "What can I help you with today?"


@pytest.mark.parametrize("message", ["thanks!", "thank you", "thanks a lot"])
async def test_a_thank_you_opening_the_chat_asks_what_they_need(converse, message):
    [turn] = await converse("cus_alice", message)
    assert turn.reply.startswith("You're welcome")
    assert ASKS_WHAT_THEY_NEED in turn.reply
    assert "anything else" not in turn.reply


async def test_a_thank_you_after_an_answer_is_still_a_closing_acknowledgement(converse):
    _, turn = await converse("cus_alice", "what plan am I on?", "thanks!")
    assert turn.reply.startswith("You're welcome")
    assert ASKS_WHAT_THEY_NEED not in turn.reply


@pytest.mark.parametrize("message", ["ok thanks", "ok thank you"])
def test_the_writer_answers_ok_thanks_as_a_first_message_with_a_question_of_what_they_need(message):
    ctx = SupportContext(conversation_id="c", run_id="r", message=message, customer=None,
                         intent=IntentResult(label="general", confidence=0.99), facts={})
    draft = compose(ctx)
    assert draft.text.startswith("You're welcome")
    assert ASKS_WHAT_THEY_NEED in draft.text
    assert "haven't offered" not in draft.text


def test_the_writer_answers_ok_thanks_after_an_answer_without_asking_again():
    history = [HistoryTurn(role="user", text="what plan am I on?"),
               HistoryTurn(role="assistant", text="You're on the Pro plan at $29.00 a month.")]
    ctx = SupportContext(conversation_id="c", run_id="r", message="ok thanks", customer=None, history=history,
                         intent=IntentResult(label="general", confidence=0.99), facts={})
    assert ASKS_WHAT_THEY_NEED not in compose(ctx).text


async def test_a_thank_you_that_says_help_was_given_is_not_asked_what_they_need(converse):
    [turn] = await converse("cus_alice", "thanks a lot, you've been very helpful :)")
    assert ASKS_WHAT_THEY_NEED not in turn.reply
