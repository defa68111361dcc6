"""Two different questions nothing gathered answers ("do you support python 3.12?", then "do you support elixir?")
got "My answer would be the same as my last message, so I won't repeat it", which reads as if the customer had asked
the first again. A new question is told plainly that it can't be answered either, with a person offered; the same
question asked again is still told the answer is the same."""

from __future__ import annotations

from agents.context import HistoryTurn, SupportContext
from agents.frustration import repeats_last_question

EITHER = "I don't have enough information to answer that one either"
SAME = "My answer would be the same as my last message"


async def test_a_second_question_nothing_answers_is_told_it_cannot_be_answered_either(converse):
    first, second = await converse("cus_alice", "do you support ipv6?", "do you offer a cdn?")
    assert "I don't have enough information" in first.reply, first.reply
    assert second.reply.startswith(EITHER), second.reply
    assert SAME not in second.reply and "pass you to a person" in second.reply, second.reply


async def test_a_yes_after_it_hands_the_conversation_to_a_person(converse):
    *_, outcome = await converse("cus_alice", "do you support ipv6?", "do you offer a cdn?", "yes")
    assert outcome.route == "handoff", outcome.reply


def test_only_the_same_words_again_count_as_the_question_asked_again():
    def ctx(message: str) -> SupportContext:
        return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
            HistoryTurn(role="user", text="Do you support  Python 3.12?"), HistoryTurn(role="assistant", text="…")])

    assert repeats_last_question(ctx("do you support python 3.12?"))
    assert not repeats_last_question(ctx("do you support elixir?"))


async def test_a_second_question_no_guide_covers_is_told_so_without_the_first_reply_and_its_offer_again(converse):
    # "which python versions?" has no guide; "what about ruby 3.3?" got the first reply quoted whole, then the person
    # offered a second time below the one the quote carried.
    first, second = await converse("cus_alice", "which python versions do you support?", "what about ruby 3.3?")
    assert first.reply.startswith("I don't have a guide on that"), first.reply
    assert second.reply.startswith("I don't have a guide on that one either"), second.reply
    assert second.reply.count("pass you to a person") == 1 and "My answer" not in second.reply, second.reply


async def test_the_same_question_again_offers_a_person_once_when_the_answer_offers_one(converse):
    *_, again = await converse("cus_alice", "which python versions do you support?",
                               "which python versions do you support?")
    assert again.reply.startswith("My answer is the same as in my last message"), again.reply
    assert again.reply.count("pass you to a person") == 1, again.reply
    assert again.reply.endswith("Or tell me what's still unclear, and I'll try another way."), again.reply
