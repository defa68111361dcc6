""""Where can I change to the pro account?", "changing to pro account" got "I don't have enough information", and "I want
to change to the pro plan" from a customer on Pro the invoice list: one of our plans moved to is the plan, and a
customer already on it is told so. "Close my pro account" is still the account."""

from __future__ import annotations

import pytest

from agents.service_terms import billing_matter_alone, plan_moved_to, with_terms_spelled

ALREADY_ON_PRO = "You're already on the Pro plan at $29.00 a month, so there's no change to make."


@pytest.mark.parametrize(("message", "read"), [
    ("where can I change to the pro account?", "where can I change to the pro plan?"),
    ("changing to business account", "changing to business plan"),
    ("can I use the freemium profile?", "can I use the free plan?"),
    ("I want to switch my plan to the business account", "I want to switch my plan to the business plan"),
    ("close my pro account", "close my pro account"),
])
def test_a_plan_moved_to_or_used_is_read_as_the_plan(message, read):
    assert with_terms_spelled(message) == read


@pytest.mark.parametrize("message", ["I want to change to the pro plan", "where can I change to the pro account?"])
async def test_a_customer_on_the_plan_asked_for_is_told_there_is_no_change_to_make(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.intent.label == "billing" and outcome.reply.startswith(ALREADY_ON_PRO), outcome.reply


async def test_a_business_customer_changing_to_pro_gets_the_downgrade(converse):
    [outcome] = await converse("cus_bob", "changing to pro account")
    assert "choose the smaller plan" in outcome.reply and "I don't have enough information" not in outcome.reply, \
        outcome.reply


@pytest.mark.parametrize(("message", "plan"), [("changing to pro plan", "pro"), ("switch me to Business", "Business"),
                                               ("move my app to eu-west", None)])
def test_the_plan_a_message_moves_to(message, plan):
    assert plan_moved_to(message) == plan


def test_a_move_to_one_of_our_plans_is_billings():
    assert billing_matter_alone("where can I switch to the business plan?") == "asks to move to one of our plans"
