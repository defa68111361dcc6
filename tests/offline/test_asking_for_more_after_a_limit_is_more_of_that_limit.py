""""How do I get more?" right after the API's limit on Pro was given got the generic upgrade steps by the FAQ shortcut
("choose Pro or Business", to a customer on Pro), and Bob's "can I get more?" after the steps to invite a teammate the
same, though Business has no limit on members. More of what was just discussed is more of that limit: what the plans
above allow and how to move, or, on a plan with no limit, that there is none."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_for_more


async def test_more_after_the_api_limit_on_pro_is_what_business_allows_and_how_to_move(converse):
    *_, outcome = await converse("cus_alice", "my api calls keep getting 429", "what's the limit on my plan?",
                                 "how do I get more?")
    assert outcome.route != "faq", outcome.reply
    assert "The API allows 3,000 requests a minute on Business, per account." in outcome.reply, outcome.reply
    assert "5. If you need more, upgrade your plan in **Billing → Plan**." in outcome.reply
    assert "choose Pro ($29/month) or Business" not in outcome.reply


async def test_more_team_members_on_business_is_that_there_is_no_limit(converse):
    _, outcome = await converse("cus_bob", "I need to add a teammate", "can I get more?")
    assert outcome.reply.startswith("You're on Business, and our help centre says: Business accounts have no limit"), \
        outcome.reply


@pytest.mark.parametrize(("message", "more"), [
    ("how do I get more?", True), ("can I get more?", True), ("we need more", True), ("how can we raise the limit?", True),
    ("how do I get more apps?", False), ("tell me more", False),
])
def test_more_of_what_was_discussed(message, more):
    assert asks_for_more(message) is more
