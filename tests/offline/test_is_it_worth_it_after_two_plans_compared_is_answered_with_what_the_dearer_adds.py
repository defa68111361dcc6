""""What is the price difference between pro and business" then "is it worth it?": a follow-up about the two
plans just compared, not an off-topic question. Answered from the plans' lists (what Business adds over Pro, and
both prices), saying the call is the customer's: no opinion, nothing the facts don't state."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn
from agents.follow_ups.plans import asked_of_a_plan
from tests.agents.fakes import ctx_for

OUT_OF_SCOPE = "I can only help with your Northwind account"


@pytest.mark.parametrize(("customer", "comparison", "follow_up"), [
    ("cus_alice", "what is the price difference between pro and business", "is it worth it?"),
    (None, "pro vs business", "worth it?"),
    ("cus_carol", "whats the difference between business and pro", "would that be worth the money?"),
])
async def test_whether_the_dearer_plan_is_worth_it_is_what_it_adds_and_its_price(converse, customer, comparison,
                                                                                 follow_up):
    _, outcome = await converse(customer, comparison, follow_up)
    assert OUT_OF_SCOPE not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("Whether Business is worth it depends on what you need"), outcome.reply
    assert "Business ($99.00 a month) has everything in Pro, plus unlimited apps" in outcome.reply, outcome.reply


def _after(before: str, message: str) -> str | None:
    history = [HistoryTurn(role="user", text=before), HistoryTurn(role="assistant", text="…")]
    return asked_of_a_plan(ctx_for(message, "cus_alice", history=history))


def test_worth_it_after_two_plans_is_asked_of_the_dearer_over_the_other():
    assert _after("free or business?", "is it really worth it") == "is business worth it over free?"


@pytest.mark.parametrize(("before", "message"), [
    # Near misses: one plan named before, or none; a message that names its own plan or what it weighs.
    ("what does pro include", "is it worth it?"),
    ("how do i add a custom domain", "is it worth it?"),
    ("pro vs business", "is business worth it?"),
    ("pro vs business", "is it worth upgrading to business?"),
])
def test_worth_it_is_left_alone_without_two_plans_just_compared(before, message):
    assert _after(before, message) is None
