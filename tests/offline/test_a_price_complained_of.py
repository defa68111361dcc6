""""It's too expensive" after the steps to cancel got the same steps again; alone, "your service is too expensive" got
"I don't have enough information". A price complained of gets the plans below the customer's with what they cost and
include, how to move, that no discount is described, and a person offered."""

from __future__ import annotations

import pytest

from agents.service_terms import finds_the_price_too_high

NO_DISCOUNT = "Our help centre doesn't mention any discounts, so I can't offer one"


async def test_too_expensive_after_the_steps_to_cancel_gets_the_plan_below(converse):
    _, outcome = await converse("cus_alice", "I want to cancel", "its too expensive")
    assert " ".join(outcome.reply.split()).startswith("I'm sorry it costs more than you'd like. You're on the Pro plan at $29.00 a month."
                                    " The plan below it: Free, which costs nothing and includes one app, shared "
                                    "resources and community support."), outcome.reply
    assert NO_DISCOUNT in outcome.reply and outcome.reply.endswith("would you like me to pass you to a person?")


async def test_on_the_highest_plan_both_plans_below_are_named_nearest_first(converse):
    (outcome,) = await converse("cus_bob", "it is too expensive for us")
    assert ("The plans below it: Pro, which costs $29.00 a month and includes up to 10 apps, custom domains and email "
            "support; Free, which costs nothing") in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "opening"), [
    ("cus_carol", "I'm sorry to hear that. You're on the Free plan, which costs nothing"),
    (None, "I'm sorry to hear that. Free costs nothing. Pro costs $29.00 a month. Business costs $99.00 a month."),
])
async def test_on_free_or_as_a_visitor_the_prices_are_said(converse, customer, opening):
    (outcome,) = await converse(customer, "this is way too pricey")
    assert outcome.reply.startswith(opening) and NO_DISCOUNT in outcome.reply, outcome.reply


async def test_a_yes_to_the_person_offered_hands_over(converse):
    _, outcome = await converse("cus_alice", "your service is too expensive", "yes please")
    assert outcome.route == "handoff"


@pytest.mark.parametrize(("message", "complains"), [
    ("its too expensive", True),
    ("we can't afford it anymore", True),
    ("overpriced tbh", True),
    ("I can't afford to lose more money", False),  # an idiom, not our price
    ("I was charged too much", False),  # an invoice thought wrong
    ("why is business so expensive?", False),  # asks what it has
])
def test_a_price_complained_of_is_told_apart(message, complains):
    assert finds_the_price_too_high(message) is complains
