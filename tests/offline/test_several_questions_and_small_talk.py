"""A message that asks several things gets an answer to each, or is told which it could not answer; a request
for a person after a comma ("…, can a human help me?") is heard; and small talk gets a friendly reply, not an
apology for lacking information.

Each conversation goes through the whole offline pipeline (classifier, orchestrator, writer and critic) as
one of the demo customers, so a reply is only accepted when the critic approves it as well.
"""

from __future__ import annotations

import pytest

from agents.clauses import question_clauses, split_clauses

# The writer's fallback when nothing gathered answers; written out here, not imported, so a changed
# wording cannot make the checks below vacuous.
NOT_ENOUGH_INFORMATION = "I don't have enough information"


# --- a request for a person after a comma -------------------------------------------------------------


def test_a_question_after_a_comma_is_a_clause_of_its_own():
    assert split_clauses("my payment failed, can a human help me?") == ["my payment failed", "can a human help me"]
    # A comma inside one question does not split it.
    assert split_clauses("hello, my payment failed") == []


async def test_a_failed_payment_with_a_request_for_a_human_is_explained_and_handed_off(converse):
    (outcome,) = await converse("cus_alice", "my payment failed, can a human help me?")
    assert outcome.intent.label == "billing"
    assert "human" in outcome.intent.secondary
    assert outcome.handoff_reason == "customer_asked"
    # The person takes over with the failure explained, not instead of it.
    assert "NW-1003" in outcome.reply and "expired" in outcome.reply


# --- several questions in one message --------------------------------------------------------------------


@pytest.mark.parametrize(("message", "questions"), [
    ("Hi, I have two questions: 1) how do I enable 2fa 2) what regions do you have",
     ["how do I enable 2fa", "what regions do you have"]),
    ("how do i enable two factor? also is there a free ssl?", ["how do i enable two factor", "is there a free ssl"]),
    ("do you accept amex? and how do I change my card", ["do you accept amex", "how do I change my card"]),
    ("how do I get a refund and also change my card", ["how do I get a refund", "change my card"]),
    # Statements around a question are not questions of their own.
    ("my deploy failed and I was charged twice", []),
    ("good morning, why did my payment fail?", []),
])
def test_the_questions_of_a_message_are_found_in_order(message, questions):
    assert question_clauses(message) == questions


@pytest.mark.parametrize(("message", "answers"), [
    # (the message, a phrase of each question's answer)
    ("Hi, I have two questions: 1) how do I enable 2fa 2) what regions do you have",
     ["Settings → Security → Two-factor authentication", "eu-west (Ireland)"]),
    ("how do i enable two factor? also is there a free ssl?",
     ["Settings → Security → Two-factor authentication", "free TLS certificate"]),
    ("do you accept amex? and how do I change my card", ["American Express", "Billing → Payment method"]),
    ("how do I get a refund and also change my card", ["refund window", "Billing → Payment method"]),
])
async def test_each_of_several_questions_is_answered(converse, message, answers):
    (outcome,) = await converse("cus_alice", message)
    for answer in answers:
        assert answer in outcome.reply, (answer, outcome.reply)
    assert NOT_ENOUGH_INFORMATION not in outcome.reply
    assert outcome.critic.verdict == "approve"


async def test_a_question_that_cannot_be_answered_is_named_next_to_the_answered_one(converse):
    (outcome,) = await converse("cus_alice", "how do I enable 2fa? also what is your favourite colour?")
    assert "Settings → Security → Two-factor authentication" in outcome.reply
    # The apology says which part it is for, rather than hanging over the whole reply.
    assert "“what is your favourite colour”" in outcome.reply
    assert outcome.critic.verdict == "approve"


# --- small talk -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["good morning, how are you?", "I love your product!", "hi! how's it going?",
                                     "you guys are awesome"])
async def test_small_talk_gets_a_friendly_reply_that_asks_how_to_help(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert NOT_ENOUGH_INFORMATION not in outcome.reply
    assert "What can I help you with today" in outcome.reply
    assert outcome.handoff_reason is None
    assert outcome.critic.verdict == "approve"


async def test_a_complaint_is_not_taken_for_praise(converse):
    (outcome,) = await converse("cus_alice", "your product is terrible")
    assert "frustrating" in outcome.reply
    assert "kind of you" not in outcome.reply


async def test_a_greeting_before_a_real_question_still_answers_the_question(converse):
    (outcome,) = await converse("cus_alice", "good morning, why did my payment fail?")
    assert outcome.intent.label == "billing"
    assert "NW-1003" in outcome.reply and "expired" in outcome.reply
    assert "What can I help you with today?" not in outcome.reply


async def test_a_thank_you_with_kind_words_is_still_welcomed(converse):
    (outcome,) = await converse("cus_alice", "thanks, you guys are great")
    assert "You're welcome" in outcome.reply


async def test_a_question_whose_entry_is_not_among_the_whole_messages_best_is_still_answered(converse):
    # Four questions, three entries found for the whole message: the FAQ agent looks each question up too,
    # so the SLA question gets its own entry rather than "I don't have enough information".
    (outcome,) = await converse("cus_alice", "1) how do i export my data 2) do you offer an sla "
                                             "3) how do i add team members 4) what are your support hours")
    assert "99.95% monthly uptime SLA" in outcome.reply, outcome.reply
    assert "Settings → Data → Export" in outcome.reply and "Settings → Team → Invite" in outcome.reply
    assert "Monday to Friday" in outcome.reply and "don't have enough information" not in outcome.reply
    assert outcome.critic.verdict == "approve"


async def test_a_limit_asked_beside_another_question_is_stated_not_answered_with_the_guides_steps(converse):
    # The clause's entry is weighed by how well it fits the clause, not by the whole message's diluted score.
    (outcome,) = await converse("cus_alice", "hi! two questions: 1) how do i enable 2fa 2) what's my api rate limit")
    assert "the API allows 600 requests a minute on Pro" in outcome.reply, outcome.reply
    assert "Settings → Security → Two-factor authentication" in outcome.reply
    assert outcome.critic.verdict == "approve"
