""""Whats the limit for business?" right after a 429 asks for the limit the 429 is about, on Business: the API's
requests a minute the help centre states for it, not what the Business plan includes."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_the_limit


@pytest.mark.parametrize("follow_up", ["whats the limit for business", "what's the limit on business?",
                                       "and the max for business?"])
async def test_the_limit_for_business_after_a_429_is_business_requests_a_minute(converse, follow_up):
    _, outcome = await converse("cus_alice", "i get a 429 error", follow_up)
    assert "3,000 requests a minute" in outcome.reply, outcome.reply
    assert "includes unlimited apps" not in outcome.reply, outcome.reply


async def test_the_limit_on_free_after_a_build_timed_out_is_not_the_api_rate_limit(converse):
    _, outcome = await converse(None, "my build timed out", "whats the limit on free?")
    assert "requests a minute on Free" not in outcome.reply, outcome.reply
    assert "15 minutes" in outcome.reply, outcome.reply


async def test_the_limit_for_business_after_what_pro_includes_is_what_business_includes(converse):
    _, outcome = await converse(None, "what does pro include", "whats the limit for business")
    assert "Business ($99.00 a month) includes unlimited apps" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("whats the limit for business", True),
    ("the max on pro?", True),
    ("what's the limit?", True),
    # Near misses: a limit that names what it limits, or a question about something else.
    ("whats the app limit on pro", False),
    ("what's the build time limit on free?", False),
    ("what's the limit for business if i get a 429 on every call from our backend", False),
    ("whats the plan for business", False),
])
def test_only_a_limit_that_names_nothing_it_limits_leans_on_the_question_before(message, asks):
    assert asks_the_limit(message) is asks
