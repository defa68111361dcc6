"""A thank-you that opens a question ("thanks, what plan am I on") is answered as the question, not with
"You're welcome!" alone; a thank-you on its own is still answered as one."""

from __future__ import annotations

import pytest

from agents.clauses import without_leading_pleasantry

WELCOME = "You're welcome!"


@pytest.mark.parametrize(("message", "answer"), [
    ("thanks, what plan am i on", "Pro plan"),
    ("thank you, when do i renew", "renews on 2026-12-01"),
    ("great thanks - whats the rate limit on pro", "600 requests a minute"),
    ("ok thanks, is there an sla credit for this", "99.95%"),
])
async def test_a_question_after_thanks_is_answered(converse, message, answer):
    (outcome,) = await converse("cus_alice", message)
    assert answer in outcome.reply, outcome.reply
    assert outcome.reply.strip() != f"{WELCOME} I'm here if anything else comes up.", outcome.reply


@pytest.mark.parametrize("question", ["what plan am i on", "how do I add a teammate?",
                                      "can i get a custom domain on free?"])
@pytest.mark.parametrize("thanks", ["thanks, ", "thanks! also ", "thank you so much, "])
async def test_thanks_before_a_question_changes_nothing_in_the_answer(converse, thanks, question):
    (plain,) = await converse("cus_bob", question)
    (thanked,) = await converse("cus_bob", f"{thanks}{question}")
    assert thanked.reply == plain.reply and thanked.route == plain.route, (thanked.reply, plain.reply)


@pytest.mark.parametrize("message", ["thanks", "thanks, bye", "thank you so much!"])
async def test_thanks_alone_is_still_welcomed(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert WELCOME in outcome.reply, outcome.reply


@pytest.mark.parametrize(("text", "question"), [
    ("thanks, what plan am i on", "what plan am i on"),
    ("thanks! also how do I add a teammate?", "how do I add a teammate?"),
    ("great thanks - whats the rate limit on pro", "whats the rate limit on pro"),
    ("thanks, bye", "thanks, bye"),
    ("thanks for the help", "thanks for the help"),
    ("ok thanks that works", "ok thanks that works"),
])
def test_the_question_after_a_thank_you_is_what_is_read(text, question):
    assert without_leading_pleasantry(text) == question
