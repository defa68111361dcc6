""""I'm thinking about moving from heroku" from a signed-in customer: more of their apps brought here, not an account to
open. It got "I don't have enough information" (a visitor saying it gets the plans)."""

from __future__ import annotations

import pytest

from agents.about_service import considers_leaving_another_host

WELCOME = "Glad you're thinking of bringing your apps over!"
NO_GUIDE = "Our help centre has no guide to moving from another host"


@pytest.mark.parametrize(("customer", "message", "plan"), [
    ("cus_alice", "I'm thinking about moving from heroku", "You're on the Pro plan at $29.00 a month."),
    ("cus_alice", "we are considering migrating our apps from aws", "You're on the Pro plan at $29.00 a month."),
    ("cus_carol", "thinking of switching from vercel", "You're on the Free plan, which costs nothing."),
])
async def test_a_customer_weighing_a_move_here_is_welcomed_with_what_can_be_told(converse, customer, message, plan):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"{WELCOME} {plan}"), outcome.reply
    assert NO_GUIDE in outcome.reply and "enough information" not in outcome.reply, outcome.reply
    assert outcome.route != "handoff", outcome.route


async def test_yes_to_the_person_then_offered_hands_over(converse):
    _, outcome = await converse("cus_alice", "I'm thinking about moving from heroku", "yes please")
    assert outcome.route == "handoff", outcome.reply


async def test_a_visitor_weighing_the_same_move_still_gets_the_plans(converse):
    (outcome,) = await converse(None, "I'm thinking about moving from heroku")
    assert outcome.reply.startswith("Glad you're considering us!") and WELCOME not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "weighs"), [
    ("I'm thinking about moving from heroku", True),
    ("considering migrating our apps away from digital ocean", True),
    ("I'm thinking about signing up", False),
    ("how do I migrate my app from heroku?", False),  # a question: the guide it asks for, or that there is none
    ("moving from heroku was painful", False),
])
def test_weighing_a_move_from_another_host_is_told_apart(message, weighs):
    assert considers_leaving_another_host(message) is weighs
