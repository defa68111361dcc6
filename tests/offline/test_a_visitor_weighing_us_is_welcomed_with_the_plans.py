""""Hi, I'm thinking about signing up" got "I don't have enough information", and "I'm interested in your service" the
scope reply (out of scope at 0.57): a visitor weighing the service gets the plans and an invitation to ask; a
signed-in customer saying so is told they have an account already."""

from __future__ import annotations

import pytest

from agents.about_service import considers_joining

WELCOME = "Glad you're considering us! We have three plans: **Free** at $0, **Pro** at $29/month"


@pytest.mark.parametrize("message", ["hi, I'm thinking about signing up", "I'm interested in your service",
                                     "we're considering moving our apps to northwind"])
async def test_a_visitor_weighing_us_gets_the_plans_and_is_asked_what_they_would_like_to_know(converse, message):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(WELCOME), outcome.reply
    assert "What would you like to know?" in outcome.reply
    assert [s.kind for s in outcome.sources] == ["faq"]


async def test_a_signed_in_customer_is_told_they_have_an_account(converse):
    [outcome] = await converse("cus_alice", "I'm thinking about signing up")
    assert outcome.reply.startswith("You already have an account: you're signed in as **alice**"), outcome.reply


@pytest.mark.parametrize(("message", "weighs"), [
    ("thinking about signing up", True), ("looking into your hosting", True),
    ("I'm thinking about signing up, do you have a free trial?", False), ("I'm interested in a refund", False),
])
def test_weighing_us_and_asking_nothing_else(message, weighs):
    assert considers_joining(message) is weighs
