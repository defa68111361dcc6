"""Short follow-ups that keep the topic: "and on pro?" asks the question before of another plan, and "no
thanks" after an offer turns it down (nothing to answer, no person to pass to)."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn
from agents.follow_ups.offers import declines_offer
from agents.follow_ups.plans import asked_of_a_plan
from tests.agents.fakes import ctx_for

NOT_SURE = "I don't have enough information"


@pytest.mark.parametrize(("customer", "follow_up", "told"), [
    ("cus_carol", "and on pro?", "the API allows 600 requests a minute on Pro"),
    (None, "and for business?", "the API allows 3,000 requests a minute on Business"),
    ("cus_alice", "what about business?", "the API allows 3,000 requests a minute on Business"),
])
async def test_rate_limits_asked_again_of_another_plan_state_that_plans_limit(converse, customer, follow_up, told):
    _, outcome = await converse(customer, "what are the api rate limits", follow_up)
    assert told in outcome.reply, outcome.reply
    assert "Retry-After` header on the 429 response and wait" not in outcome.reply, outcome.reply


async def test_another_plan_after_asking_ones_own_tells_what_that_plan_is(converse):
    _, outcome = await converse("cus_bob", "what plan am i on", "and for pro?")
    assert "Pro ($29.00 a month) includes" in outcome.reply, outcome.reply
    assert not outcome.reply.startswith("You're on the Business plan"), outcome.reply


@pytest.mark.parametrize(("before", "follow_up", "asked"), [
    ("what are the api rate limits", "and on pro?", "what are the api rate limits on the pro plan?"),
    ("how much is pro", "and business?", "how much is business plan?"),
    ("what's included in the free plan?", "how about the pro plan", "what's included in the pro plan?"),
    ("what plan am i on?", "and for pro?", "what does the pro plan include?"),
])
def test_a_plan_alone_after_a_question_asks_that_question_of_the_plan(before, follow_up, asked):
    history = [HistoryTurn(role="user", text=before), HistoryTurn(role="assistant", text="…")]
    assert asked_of_a_plan(ctx_for(follow_up, "cus_alice", history=history)) == asked


@pytest.mark.parametrize("message", ["and pro features?", "is pro worth it?", "and on pro?"])
def test_a_message_that_asks_more_than_another_plan_or_has_no_question_before_is_left_alone(message):
    assert asked_of_a_plan(ctx_for(message, "cus_alice")) is None
    history = [HistoryTurn(role="user", text="how much is business"), HistoryTurn(role="assistant", text="…")]
    if message != "and on pro?":
        assert asked_of_a_plan(ctx_for(message, "cus_alice", history=history)) is None


@pytest.mark.parametrize("declining", ["no thanks", "no, thank you", "nope, not now", "no thanks, i'm good"])
async def test_turning_down_the_refund_offer_is_acknowledged_not_passed_to_a_person(converse, declining):
    _, outcome = await converse("cus_bob", "what's the status of my refund?", declining)
    assert NOT_SURE not in outcome.reply and "pass you to a person" not in outcome.reply, outcome.reply
    assert "No problem" in outcome.reply and not outcome.actions, outcome.reply


def test_no_thanks_with_nothing_offered_is_no_decline():
    assert not declines_offer(ctx_for("no thanks", "cus_alice"))
    history = [HistoryTurn(role="user", text="why did my payment fail?"),
               HistoryTurn(role="assistant", text="Your payment for invoice NW-1003 didn't go through.")]
    assert not declines_offer(ctx_for("no thanks", "cus_alice", history=history))
