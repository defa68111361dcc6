""""What do I get over pro?" after "how much is the business plan?" was turned away as off topic (0.74), and asked
alone it was; "what does business have over pro?" got all of Business's list, as if Pro had none of it. Each is the
difference between the two plans: the plan spoken of before (else the one above) set against the plan named."""

from __future__ import annotations

import pytest

from agents.service_terms import domains_named

BUSINESS_OVER_PRO = "Business ($99.00 a month) has everything in Pro, plus"
SCOPE_REPLY = "I can only help with your Northwind account"


@pytest.mark.parametrize("messages", [
    ("how much is the business plan?", "what do I get over pro?"),
    ("what do I get over pro?",),
    ("what does business have over pro?",),
    ("what do I get over the pro plan?",),
    ("what does business add on top of pro?",),
])
async def test_a_plan_set_over_another_gets_what_the_dearer_adds(converse, messages):
    *_, outcome = await converse("cus_alice", *messages)
    assert outcome.intent.label != "out_of_scope" and SCOPE_REPLY not in outcome.reply
    assert BUSINESS_OVER_PRO in outcome.reply, outcome.reply
    assert "You're on Pro" in outcome.reply
    assert not outcome.reply.startswith("Your plan, Pro")


async def test_a_visitor_asking_what_they_get_over_free_gets_what_pro_adds(converse):
    (outcome,) = await converse(None, "what do you get over free?")
    assert "Pro ($29.00 a month) has everything in Free, plus" in outcome.reply, outcome.reply
    assert "You're on" not in outcome.reply


@pytest.mark.parametrize("message", [
    "what do I get over pro?", "what does business have over pro?", "what else would I get above the free plan?",
])
def test_a_plan_set_over_another_names_our_plans(message):
    assert domains_named(message) == ["general"]


@pytest.mark.parametrize("message", [
    # Neighbour guards: over as "finished", or of something not a plan of ours.
    "what do I get when my trial is over?", "what do you get over the weekend?", "what does a pro plumber charge?",
])
def test_over_of_anything_else_names_no_plan(message):
    assert "general" not in domains_named(message)
