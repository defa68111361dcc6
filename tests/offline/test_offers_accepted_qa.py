"""A go-ahead to an offer, in the words customers use: "please file it", "make it so", "yes go on then", "go for
it"; after "not now", "ok actually do it"; and, named, an offer a few turns back."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn
from agents.follow_ups.go_aheads import affirms
from agents.follow_ups.offers import OFFER_REFUND, accepts_offer
from tests.agents.fakes import ctx_for

REFUND_QUESTION = "is NW-2002 eligible for a refund?"
FILED = "reference RF-"


@pytest.mark.parametrize("go_ahead", [
    "please file it", "submit it", "make it so", "please sort it out", "yes go on then", "go for it",
])
async def test_a_go_ahead_in_other_words_files_the_offered_refund(converse, go_ahead):
    offer, accepted = await converse("cus_bob", REFUND_QUESTION, go_ahead)
    assert OFFER_REFUND in offer.reply
    assert [a.kind for a in accepted.actions] == ["refund"], accepted.reply
    assert FILED in accepted.reply


@pytest.mark.parametrize("message", ["how do I do it?", "send it", "please", "thanks", "do it again?"])
def test_a_question_or_a_bare_word_is_no_go_ahead(message):
    assert not affirms(message)


async def test_a_change_of_mind_after_not_now_accepts_the_offer_declined(converse):
    *_, declined, accepted = await converse("cus_bob", REFUND_QUESTION, "not now", "ok actually do it")
    assert "I don't have a guide" not in accepted.reply
    assert accepted.intent.label == "refund", accepted.intent
    assert "I don't have a guide" not in declined.reply


def _conversation(*turns: str) -> list[HistoryTurn]:
    return [HistoryTurn(role="user" if i % 2 == 0 else "assistant", text=t) for i, t in enumerate(turns)]


def test_a_go_ahead_naming_the_refund_accepts_the_offer_a_few_turns_back():
    history = _conversation(REFUND_QUESTION, f"It qualifies for a full refund of $99.00; {OFFER_REFUND}.", "maybe later",
                            "No problem, I'll leave it there.", "how do I add a teammate?",
                            "Go to Settings → Team → Invite.")
    named = ctx_for("ok go back to the refund, please file it", "cus_bob", history=history)
    bare = ctx_for("please file it", "cus_bob", history=history)
    assert accepts_offer(named, OFFER_REFUND)
    assert not accepts_offer(bare, OFFER_REFUND)  # unnamed, a go-ahead answers only the last turn


async def test_yes_go_on_then_to_the_unlock_offer_starts_the_unlock_not_a_faq_entry(converse):
    _, accepted = await converse("cus_carol", "why is my account locked?", "yes go on then")
    assert [a.kind for a in accepted.actions] == ["account_unlock"], accepted.reply
    assert accepted.route != "faq" and "sleep" not in accepted.reply


async def test_go_for_it_to_a_person_offered_after_a_refusal_hands_off(converse):
    refused, accepted = await converse("cus_alice", "I want a refund for NW-1001", "go for it")
    assert "outside our 14-day refund window" in refused.reply
    assert accepted.route == "handoff" and accepted.handoff_reason == "customer_asked", accepted.reply


async def test_maybe_later_to_the_unlock_offer_is_acknowledged_and_unlocks_nothing(converse):
    *_, later, pointed = await converse("cus_carol", "why is my account locked?", "maybe later",
                                        "you already said that")
    assert "I'll leave it there" in later.reply, later.reply
    assert not later.actions and not pointed.actions, (later.reply, pointed.reply)
