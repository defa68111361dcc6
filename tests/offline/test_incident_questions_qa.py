"""The open eu-west API incident as customers ask about it: status codes said in the plural, a region the
incident is not in, and the follow-ups about the incident itself (where, what, since when, fixed yet)."""

from __future__ import annotations

import pytest

from agents.providers.offline.kb import relevant_incident

INCIDENT_TITLE = "Elevated API error rates in eu-west"


@pytest.mark.parametrize("message", [
    "our api in eu-west is throwing 503s since yesterday",
    "my api is returning 502s",
    "my app in eu-west keeps giving 500's",
    "getting lots of 5xxs from the api",
])
def test_a_status_code_in_the_plural_matches_the_open_incident(message, eu_west_incident):
    assert relevant_incident(message, [eu_west_incident]) == eu_west_incident


@pytest.mark.parametrize(("customer", "messages"), [
    ("cus_bob", ["our api in eu-west is throwing 503s since yesterday"]),
    ("cus_alice", ["my api is returning 502s"]),
    ("cus_alice", ["my app is returning 503s", "its in eu-west"]),
    ("cus_carol", ["we get 504s from our api"]),
    (None, ["the api is returning 502s"]),
])
async def test_errors_in_the_plural_are_told_about_the_open_incident(converse, customer, messages):
    outcomes = await converse(customer, *messages)
    for outcome in outcomes:
        assert INCIDENT_TITLE in outcome.reply, outcome.reply


def test_a_plural_status_code_in_another_region_is_not_the_incident(eu_west_incident):
    assert relevant_incident("our app in us-east returns 503s", [eu_west_incident]) is None


@pytest.mark.parametrize("message", [
    "is the eu-west incident affecting us-east",
    "does the eu-west outage affect us-east too?",
    "is the incident in eu-west also hitting ap-southeast?",
])
async def test_a_region_the_incident_is_not_in_is_told_it_is_not_listed(converse, message):
    [outcome] = await converse("cus_bob", message)
    asked = "ap-southeast" if "ap-southeast" in message else "us-east"
    assert INCIDENT_TITLE in outcome.reply and f"{asked} is not listed as affected" in outcome.reply, outcome.reply
    assert "very likely what you're seeing" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("follow_up", "told"), [
    ("which region is affected", "is in eu-west; no other region is listed as affected"),
    ("which regions are affected?", "is in eu-west; no other region is listed as affected"),
    ("is us-east affected too?", "us-east is not listed as affected"),
    ("when did it start", "started at 2026-11-24 08:00 UTC"),
    ("how long has it been going on?", "started at 2026-11-24 08:00 UTC"),
    ("is it fixed yet", "is still open (status: investigating)"),
    ("any update?", "is still open (status: investigating)"),
])
@pytest.mark.parametrize("customer", ["cus_bob", "cus_alice", None])
async def test_a_follow_up_about_the_incident_is_answered_from_the_incident(converse, customer, follow_up, told):
    first, then = await converse(customer, "is the eu-west incident affecting us-east", follow_up)
    assert "us-east is not listed as affected" in first.reply, first.reply
    assert INCIDENT_TITLE in then.reply and told in then.reply, then.reply
    assert "status page" in then.reply, then.reply
    assert "three regions" not in then.reply and "don't have a guide" not in then.reply, then.reply
    assert "Troubleshooting API errors" not in then.reply, then.reply


@pytest.mark.parametrize("follow_up", [
    "how do i add a custom domain",
    "my custom domain still shows an error",
    "how do i update my custom domain?",
])
async def test_a_follow_up_on_another_topic_after_the_incident_is_not_about_the_incident(converse, follow_up):
    _, then = await converse("cus_bob", "is the eu-west incident affecting us-east", follow_up)
    assert INCIDENT_TITLE not in then.reply and "Custom domains and DNS" in then.reply, then.reply


async def test_errors_reported_in_the_incidents_region_are_still_very_likely_the_incident(converse):
    [outcome] = await converse("cus_alice", "my app in eu-west has 503 errors")
    assert "very likely what you're seeing" in outcome.reply and "Troubleshooting API errors" in outcome.reply, (
        outcome.reply)


@pytest.mark.parametrize("customer", [None, "cus_bob"])
@pytest.mark.parametrize("message", ["any outages?", "are there any incidents right now", "any outages today"])
async def test_asking_after_outages_in_the_plural_is_told_the_open_incident(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert INCIDENT_TITLE in outcome.reply and "status: investigating" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["any incidents in us-east?", "are there outages in ap-southeast"])
async def test_outages_asked_of_another_region_in_the_plural_are_told_there_are_none_there(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "There's no active incident in" in outcome.reply and INCIDENT_TITLE in outcome.reply, outcome.reply


async def test_is_it_the_incident_after_naming_a_region_the_incident_is_not_in_says_that_region_is_not_affected(
        converse):
    # It got "If your app runs in eu-west, it may be the cause", though the customer had said us-east.
    _, outcome = await converse("cus_alice", "my app in us-east returns 503", "is it the incident?")
    assert "us-east is not listed as affected" in outcome.reply, outcome.reply
    assert "it may be the cause" not in outcome.reply
