""""How much is it per year?" after "can I upgrade to pro?" was answered for the customer's own plan (Free, "which costs
nothing") and "I can't find anything about paying yearly"; "does it include custom domains?" the same way. "It" asked of
a plan's price or contents, after a question about one plan, is that plan."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.plans import asked_of_a_plan


async def test_how_much_it_is_per_year_after_asking_to_upgrade_to_pro_is_about_pro(converse):
    _, outcome = await converse("cus_carol", "can I upgrade to pro?", "how much is it per year?")
    assert "Pro is $29.00 a month" in outcome.reply, outcome.reply
    assert "I can't find a yearly price for Pro" in outcome.reply, outcome.reply


async def test_whether_it_includes_a_feature_after_asking_about_pro_is_about_pro(converse):
    _, outcome = await converse("cus_carol", "can I upgrade to pro?", "does it include custom domains?")
    assert "custom domains are included in Pro" in outcome.reply, outcome.reply


def _after(question: str, message: str) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text=question), HistoryTurn(role="assistant", text="…")])


@pytest.mark.parametrize(("question", "message", "asked"), [
    ("can I upgrade to pro?", "how much is it per year?", "how much is the pro plan per year?"),
    ("tell me about the business plan", "what does that plan include?", "what does the business plan include?"),
    ("switch me to business", "how much does it cost?", "how much does the business plan cost?"),
])
def test_it_is_the_plan_the_question_before_was_about(question, message, asked):
    assert asked_of_a_plan(_after(question, message)) == asked


@pytest.mark.parametrize(("question", "message"), [
    ("my app on the pro plan is slow", "how do I fix it?"),       # not about the plan
    ("can I upgrade to pro?", "how do I cancel it later?"),        # asks nothing of a plan's price or contents
    ("how much is pro?", "does business include it?"),            # names a plan of its own
    ("what plans do you have?", "how much is it per year?"),      # no one plan
])
def test_it_is_left_alone_when_it_is_not_a_plan(question, message):
    assert asked_of_a_plan(_after(question, message)) is None


async def test_how_do_i_fix_it_after_a_slow_app_gets_the_scaling_guide_not_the_tls_one(converse):
    _, outcome = await converse("cus_alice", "my app is slow", "how do I fix it?")
    assert "Scaling and cold starts" in outcome.reply and "TLS" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["how do I fix it?", "can you help me solve this?", "how do I sort it out?", "I figured it out"])
def test_a_request_to_fix_something_unnamed_finds_no_guide(kb_retriever, message):
    assert kb_retriever.search(message) == []
