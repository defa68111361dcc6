""""How much does that cost?" after the scaling guide was read as asking for a limit ("how much"), and the plans' prices
were quoted as one: "You're on the Business plan: We have three plans: …". A price asked is answered with the plans'
prices as the help centre gives them; a limit asked is still stated for the customer's plan."""

from __future__ import annotations


async def test_how_much_does_that_cost_after_the_scaling_guide_quotes_the_prices_as_they_are(converse):
    _, outcome = await converse("cus_bob", "how do I scale my app?", "how much does that cost?")
    assert outcome.reply.startswith("We have three plans: **Free** at $0"), outcome.reply
    assert "You're on the Business plan: We have" not in outcome.reply


async def test_a_limit_asked_is_still_stated_for_the_customers_plan(converse):
    [outcome] = await converse("cus_alice", "whats the max build time on pro?")
    assert outcome.reply.startswith("You're on the Pro plan: Pro and Business have unlimited deploys and builds of up "
                                    "to 45 minutes."), outcome.reply
