""""And the limit for the business plan?" after "i get a 429 error": its words find the plans and the SLA, not the
rate limits; the limit asked for is of what the question before was about, whose entry the FAQ agent rereads."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn
from agents.follow_ups.service import asks_the_limit_of_the_topic
from tests.agents.fakes import ctx_for

BUSINESS_RATE = "the API allows 3,000 requests a minute on Business"


@pytest.mark.parametrize("customer", ["cus_alice", "cus_carol", None])
async def test_the_limit_for_the_business_plan_after_a_429_is_businesss_requests_a_minute(converse, customer):
    _, outcome = await converse(customer, "i get a 429 error", "and the limit for the business plan?")
    assert BUSINESS_RATE in outcome.reply, outcome.reply


def test_a_limit_that_names_what_it_is_of_is_no_follow_up_on_the_topic():
    history = [HistoryTurn(role="user", text="i get a 429 error"), HistoryTurn(role="assistant", text="…")]
    assert asks_the_limit_of_the_topic(ctx_for("and the limit for the business plan?", "cus_alice", history=history))
    assert not asks_the_limit_of_the_topic(
        ctx_for("what's the app limit on the business plan?", "cus_alice", history=history))
