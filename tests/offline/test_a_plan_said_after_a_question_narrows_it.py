""""I'm on free" after "can I use a custom domain?", "we're on business" after "what are the api rate limits?": read
alone they ask nothing, and got "I don't have a guide on that". Each is the customer's plan said to the question before
it, which it narrows as "and for free?" does: that question, for that plan."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.plans import asked_of_a_plan

NO_GUIDE = "I don't have a guide on that"


async def test_a_plan_said_after_a_feature_question_gets_whether_that_plan_has_it(converse):
    _, outcome = await converse("cus_carol", "can I use a custom domain?", "I'm on free")
    assert "custom domains aren’t part of your plan, Free" in outcome.reply, outcome.reply
    assert NO_GUIDE not in outcome.reply, outcome.reply


async def test_a_plan_said_after_a_limit_question_gets_that_plans_limit(converse):
    _, outcome = await converse("cus_bob", "what are the api rate limits?", "we're on business")
    assert "3,000 requests a minute on Business" in outcome.reply and NO_GUIDE not in outcome.reply, outcome.reply


def _after_a_question(message: str) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text="can I use a custom domain?"), HistoryTurn(role="assistant", text="…")])


def test_the_plan_said_is_the_question_before_asked_of_that_plan():
    assert asked_of_a_plan(_after_a_question("I'm on free")) == "can I use a custom domain on the free plan?"


@pytest.mark.parametrize(("message", "states"), [
    ("I'm on pro", True), ("we're on the business plan", True), ("btw I have pro", True), ("im on free", True),
    ("I'm on pro, why is it slow?", False), ("what plan am I on?", False), ("I have a question", False),
])
def test_a_plan_is_said_alone(message, states):
    assert (asked_of_a_plan(_after_a_question(message)) is not None) is states


async def test_a_plan_said_after_a_slow_app_gets_the_guide_not_the_free_plans_sleep(converse):
    # The guides were searched with "I'm on pro" alone (nothing found), so the entry on free apps sleeping was quoted,
    # "Yes:" and all, to a customer on Pro; the search now asks the question before, of the plan, as the writer does.
    _, outcome = await converse("cus_alice", "why is my app slow?", "I'm on pro")
    assert "Scaling and cold starts" in outcome.reply and not outcome.reply.startswith("Yes:"), outcome.reply
