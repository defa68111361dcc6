""""What is the max build time?" was turned away as off topic (0.66): a build's or a deploy's limits are ours, stated
for each plan by the help centre's entry on deploys. The build time of a house is not."""

from __future__ import annotations

import pytest

from agents.service_terms import domains_named

PRO_BUILDS = "You're on the Pro plan: Pro and Business have unlimited deploys and builds of up to 45 minutes."


@pytest.mark.parametrize("message", ["what is the max build time?", "how many build minutes do I get?"])
async def test_a_builds_limit_is_answered_for_the_customers_plan(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(PRO_BUILDS), outcome.reply


async def test_the_build_time_of_a_house_is_still_off_topic(converse):
    [outcome] = await converse("cus_alice", "what's the build time of a house?")
    assert outcome.intent.label == "out_of_scope", outcome.intent


@pytest.mark.parametrize(("message", "domains"), [
    ("max build time?", ["technical"]), ("deploys per day on free", ["technical"]),
    ("build time for a lego house", []), ("how long to build a shed", []),
])
def test_build_and_deploy_limits_name_the_technical_domain(message, domains):
    assert domains_named(message) == domains
