""""What's your uptime?", "whats the uptime been this month?": the classifier reads these short questions as off
topic, and they got "I can only help with your Northwind account, billing and our hosting service". Uptime is our
service's word, as downtime is: the label yields to the technical domain, which answers from what it knows (or says
it has no guide and offers a person), never the fixed off-topic reply."""

from __future__ import annotations

import pytest

from agents.service_terms import domains_named

FIXED_SCOPE_REPLY = "I can only help with your Northwind account"


@pytest.mark.parametrize("message", ["whats the uptime been this month?", "what's your uptime?",
                                     "how good is your uptime"])
async def test_a_question_about_our_uptime_is_not_turned_away_as_off_topic(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert outcome.intent.label == "technical", outcome.intent
    assert FIXED_SCOPE_REPLY not in outcome.reply


def test_uptime_names_the_technical_domain_as_downtime_does():
    assert domains_named("any uptime figures?") == domains_named("any downtime?") == ["technical"]


def test_someone_elses_service_named_beside_it_is_not_ours():
    # Neighbour guard: the power company's outage is not ours, and no more is its uptime.
    assert domains_named("what's the uptime of my isp") == []
