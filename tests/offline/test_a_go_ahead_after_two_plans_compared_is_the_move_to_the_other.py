""""Ok let's do it" after "what's the difference between pro and business?" from a Pro customer was answered "I don't
have enough information": a go-ahead to a comparison of the customer's own plan with another is the move to the
other, which the chat cannot make, with the help centre's steps to make it. "Ok" alone only acknowledges."""

from __future__ import annotations

import pytest

from agents.follow_ups.plan_moves import goes_ahead_with_a_change

COMPARED = "what's the difference between pro and business"


@pytest.mark.parametrize("go_ahead", ["ok let's do it", "do it", "go ahead", "let's do that then"])
async def test_a_go_ahead_after_comparing_pro_and_business_is_the_upgrade_to_business(converse, go_ahead):
    _, outcome = await converse("cus_alice", COMPARED, go_ahead)
    assert "I can't upgrade you to Business from this chat" in outcome.reply, outcome.reply
    assert "Go to **Billing → Plan**" in outcome.reply
    assert "I don't have enough information" not in outcome.reply


async def test_a_go_ahead_after_comparing_free_and_pro_from_pro_is_the_move_down(converse):
    _, outcome = await converse("cus_alice", "compare free and pro", "let's do it")
    assert "I can't move you to Free from this chat" in outcome.reply, outcome.reply


async def test_ok_alone_after_a_comparison_changes_nothing(converse):
    _, outcome = await converse("cus_alice", COMPARED, "ok")
    assert "I can't upgrade you" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "goes_ahead"), [
    ("ok let's do it", True), ("do it for me", True), ("yes, go ahead", True), ("switch me", True),
    ("go for it", True), ("ok", False), ("yes", False), ("thanks", False), ("yes please", False),
])
def test_a_go_ahead_that_asks_for_the_change(message, goes_ahead):
    assert goes_ahead_with_a_change(message) is goes_ahead


async def test_go_ahead_from_business_after_the_plans_list_is_the_move_down_to_pro(converse):
    # Read alone as off topic (0.85): the scope reply.
    _, outcome = await converse("cus_bob", "compare pro and business", "go ahead")
    assert outcome.intent.label == "billing", outcome.intent
    assert "I can't move you to Pro from this chat" in outcome.reply, outcome.reply
    assert "The downgrade takes effect at the end of your current billing period" in outcome.reply


async def test_a_go_ahead_with_no_plans_compared_before_is_no_move(converse):
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", "ok let's do it")
    assert "I can't upgrade you" not in outcome.reply and "I can't move you" not in outcome.reply, outcome.reply


async def test_is_it_worth_it_for_me_after_two_plans_compared_is_what_the_dearer_adds(converse):
    # Turned away as off topic (0.85): "for me" was more than the question allowed.
    _, outcome = await converse("cus_alice", COMPARED, "is it worth it for me?")
    assert outcome.reply.startswith("Whether Business is worth it depends on what you need"), outcome.reply
