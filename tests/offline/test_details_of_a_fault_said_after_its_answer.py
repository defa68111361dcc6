""""It is in us-east", "since this morning" right after an open incident (or a guide) answered "my app is down": the
details decide, or leave to the customer, whether the incident is the cause, and a person is offered for the app itself.
They got "I don't have a guide on that": their words alone find no incident or guide."""

from __future__ import annotations

import pytest

NO_GUIDE = "I don't have a guide on that"
PERSON = "a person from our team can look into it with you: would you like me to pass you to a person?"


async def test_the_incidents_own_region_makes_it_the_likely_cause(converse):
    _, outcome = await converse("cus_alice", "my app is down", "its in eu-west")
    assert outcome.reply.startswith("Then the incident is very likely the cause: “Elevated API error rates in eu-west” "
                                    "is open in eu-west (status: investigating)"), outcome.reply
    assert PERSON not in outcome.reply


@pytest.mark.parametrize(("detail", "said"), [
    ("it is in us-east", ": us-east is not listed as affected."),
    ("no, it is not in eu-west", "isn't the cause."),
])
async def test_another_region_rules_the_incident_out_and_offers_a_person(converse, detail, said):
    _, outcome = await converse("cus_alice", "my app is down", detail)
    assert outcome.reply.startswith("Then the open incident, “Elevated API error rates in eu-west” in eu-west, isn't "
                                    "the cause"), outcome.reply
    assert said in outcome.reply and PERSON in outcome.reply and NO_GUIDE not in outcome.reply, outcome.reply


@pytest.mark.parametrize("detail", ["since this morning", "it has been down for 2 hours", "started an hour ago"])
async def test_when_it_started_is_set_beside_when_the_incident_did(converse, detail):
    _, outcome = await converse("cus_alice", "my app is down", detail)
    assert outcome.reply.startswith("Thanks, that helps. The open incident, “Elevated API error rates in eu-west” in "
                                    "eu-west, started at 2026-11-24 08:00 UTC: if your app runs in eu-west, it may be "
                                    "the cause."), outcome.reply
    assert "If it runs elsewhere, I can't see your app from here" in outcome.reply and PERSON in outcome.reply


async def test_when_it_started_after_a_guide_offers_a_person(converse):
    _, outcome = await converse("cus_carol", "my app is really slow", "since yesterday")
    assert outcome.reply.startswith("Thanks, that helps. If the steps in our guide “Scaling and cold starts” haven't "
                                    "sorted it out"), outcome.reply
    assert PERSON[1:] in outcome.reply


async def test_a_yes_then_hands_over(converse):
    *_, outcome = await converse("cus_alice", "my app is down", "it is in us-east", "yes please")
    assert outcome.route == "handoff"


async def test_a_region_said_with_nothing_told_before_is_not_read_as_a_detail(converse):
    (outcome,) = await converse("cus_alice", "it is in us-east")
    assert not outcome.reply.startswith(("Then the", "Thanks, that helps")), outcome.reply
