""""How do I get more build minutes?": the help centre's entry on builds says how long each plan allows (Free 15
minutes, Pro and Business 45), so the plans that allow more are the answer; the failed-deploys guide's steps are not."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_technical import ASKS_A_LIMIT

FIRST_STEP = "read the build log from the first error"


async def test_a_visitor_is_told_pro_and_business_allow_longer_builds(converse):
    outcome, = await converse(None, "how do i get more build minutes")
    assert "Pro and Business have unlimited deploys and builds of up to 45 minutes" in outcome.reply, outcome.reply
    assert FIRST_STEP not in outcome.reply, outcome.reply


async def test_a_customer_on_free_is_told_their_limit_then_the_plans_above(converse):
    outcome, = await converse("cus_carol", "how do i get more build minutes")
    assert outcome.reply.startswith("You're on the Free plan: Free accounts get 10 deploys a day and builds of up to "
                                    "15 minutes."), outcome.reply
    assert "Pro and Business have unlimited deploys and builds of up to 45 minutes" in outcome.reply, outcome.reply


async def test_a_customer_on_pro_is_told_no_plan_allows_more(converse):
    outcome, = await converse("cus_alice", "how do i get more build minutes")
    assert "No plan allows more than Pro does" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("how do i get more build minutes", True),
    ("we need more requests a minute", True),
    # Near misses: "more" that asks for no more of anything.
    ("tell me more about custom domains", False),
    ("my build is failing more often", False),
])
def test_getting_more_of_something_reads_as_asking_for_a_limit(message, asks):
    assert bool(ASKS_A_LIMIT.search(message)) is asks
