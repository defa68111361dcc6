"""Alice asks "what does my plan include", then "and for business?": one question about Business, answered with
Business's line (its price and what it includes), not that line followed by the list of every plan."""

from __future__ import annotations

import pytest

WHOLE_LIST = "We have three plans"


@pytest.mark.parametrize("before", ["what does my plan include", "how much is my plan?"])
async def test_another_plan_after_ones_own_gets_that_plans_price_and_contents_alone(converse, before):
    _, outcome = await converse("cus_alice", before, "and for business?")
    assert "Business ($99.00 a month) includes unlimited apps" in outcome.reply, outcome.reply
    assert WHOLE_LIST not in outcome.reply, outcome.reply


async def test_another_plan_after_a_price_question_still_gets_that_plans_price(converse):
    _, outcome = await converse("cus_alice", "how much is pro?", "and business?")
    assert "$99.00 a month" in outcome.reply, outcome.reply
