""""cheers" as a first message reads as off topic (0.48) with a technical guess, and the panel's technical part
said "I don't have a guide on that": a bare thank-you is thanked, whatever its label, as "thanks!" is."""

from __future__ import annotations

import pytest

NO_GUIDE = "I don't have a guide on that"


@pytest.mark.parametrize("message", ["cheers", "cheers!", "Cheers."])
async def test_cheers_as_the_first_message_is_welcomed_and_asked_what_is_needed(converse, message):
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith("You're welcome!"), outcome.reply
    assert "What can I help you with" in outcome.reply and NO_GUIDE not in outcome.reply, outcome.reply


async def test_cheers_after_an_answer_is_welcomed_without_asking_again(converse):
    _, thanks = await converse("cus_alice", "how do I enable 2fa", "cheers")
    assert thanks.reply == "You're welcome! I'm here if anything else comes up.", thanks.reply


async def test_cheers_with_a_question_is_still_answered(converse):
    # Near miss: a thank-you beside a question is not only a thank-you.
    (outcome,) = await converse(None, "cheers, which regions can I deploy to?")
    assert "eu-west" in outcome.reply and not outcome.reply.startswith("You're welcome!"), outcome.reply
