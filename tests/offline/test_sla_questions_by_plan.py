"""Asking about the uptime SLA is asking what a plan includes: Business has it, Free and Pro don't. Only a
claim for credits after an outage is for a person to weigh."""

from __future__ import annotations

import pytest

SLA_FIGURE = "99.95% monthly uptime SLA"
FOR_A_PERSON = "Whether an outage earns credits is for a person"


@pytest.mark.parametrize("message", [
    "do i get an sla",
    "do i get an uptime sla?",
    "can i get an sla",
    "can we get an sla?",
])
async def test_a_business_customer_asking_about_an_sla_is_told_the_plan_includes_it(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert "you're on the Business plan" in outcome.reply and SLA_FIGURE in outcome.reply, outcome.reply
    assert FOR_A_PERSON not in outcome.reply and "About service credits" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "plan"), [("cus_alice", "Pro"), ("cus_carol", "Free")])
@pytest.mark.parametrize("message", ["do i get an sla", "do i get an sla?"])
async def test_a_customer_on_a_plan_without_the_sla_is_told_it_comes_with_business(converse, customer, plan, message):
    [outcome] = await converse(customer, message)
    assert f"You're on the {plan} plan: Free and Pro have no SLA" in outcome.reply, outcome.reply
    assert f"The Business plan comes with a {SLA_FIGURE}" in outcome.reply, outcome.reply
    assert FOR_A_PERSON not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "can i get an sla on pro"),
    ("cus_carol", "can i get an sla on free"),
    (None, "do i get an sla"),
])
async def test_an_sla_asked_of_a_plan_without_one_names_business_and_no_person(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert "Business" in outcome.reply and "SLA" in outcome.reply, outcome.reply
    assert FOR_A_PERSON not in outcome.reply and not outcome.reply.startswith("Yes"), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "our site in eu-west is down, will we get service credits?"),
    ("cus_bob", "the api in eu-west is down, do we get credits for the outage?"),
])
async def test_a_claim_for_credits_after_an_outage_is_for_a_person(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert SLA_FIGURE in outcome.reply and FOR_A_PERSON in outcome.reply, outcome.reply


async def test_a_claim_for_credits_on_a_plan_without_an_sla_is_told_it_earns_none_and_offered_a_person(converse):
    # "Whether an outage earns credits is for a person to confirm" left hope the entry had just ruled out.
    [outcome] = await converse("cus_alice", "my app in eu-west is down, will i get compensation?")
    assert SLA_FIGURE in outcome.reply and FOR_A_PERSON not in outcome.reply, outcome.reply
    assert ("You're on the Pro plan, which has no SLA, so an outage doesn't earn service credits on it." in
            outcome.reply) and "pass you to a person" in outcome.reply
