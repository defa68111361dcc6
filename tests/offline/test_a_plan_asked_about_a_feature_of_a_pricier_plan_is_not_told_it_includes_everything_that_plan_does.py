""""How is uptime on pro?" from alice (Pro): the SLA entry ("The Business plan comes with a 99.95% monthly uptime SLA")
was read before the plans' entry ("Pro adds …; Business adds …"), which put Business below Pro among the tiers, and
the reply said "your plan, Pro, includes everything Business does". The tiers are read cheapest first, whichever
entry names them first: the SLA is not part of Pro, it comes with Business."""

from __future__ import annotations


async def test_a_pro_customer_asking_about_uptime_on_pro_is_told_the_sla_comes_with_business_not_pro(converse):
    (outcome,) = await converse("cus_alice", "how is uptime on pro?")
    assert "includes everything Business does" not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("No: a 99.95% monthly uptime SLA isn’t part of your plan, Pro"), outcome.reply
    assert "It comes with Business" in outcome.reply


async def test_a_feature_a_cheaper_plan_has_is_still_told_to_come_with_the_dearer_plan_too(converse):
    # Neighbour guard: Pro's custom domains do come with Business, which includes everything Pro does.
    (outcome,) = await converse("cus_bob", "does my plan include custom domains?")
    assert outcome.reply.startswith("Yes"), outcome.reply
