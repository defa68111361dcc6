""""Can I upgrade?" then "to business": the first asks which way the customer's plan can move, the second narrows it
to one plan. "Can I upgrade?" got the steps for any plan ("choose Pro or Business", to a customer on Pro) and "to
business" the same reply again after "My answer is the same as in my last message"."""

from __future__ import annotations

import pytest

SAME = "My answer is the same"


async def test_whether_one_can_upgrade_is_answered_with_the_plan_above_the_customers(converse):
    (outcome,) = await converse("cus_alice", "can I upgrade?")
    assert outcome.reply.startswith("You're on the Pro plan at $29.00 a month. You can upgrade to Business yourself"), \
        outcome.reply


async def test_whether_one_can_upgrade_from_the_highest_plan_says_there_is_nothing_above_it(converse):
    (outcome,) = await converse("cus_bob", "can I upgrade?")
    assert "Business is our highest plan" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "wish", "where", "expected"), [
    ("cus_alice", "can I upgrade?", "to business", "Business is $99.00 a month. You can upgrade to Business yourself"),
    ("cus_alice", "I want to upgrade", "to the business plan", "You can upgrade to Business yourself"),
    ("cus_carol", "can I upgrade?", "to pro", "Pro is $29.00 a month. You can upgrade to Pro yourself"),
    ("cus_bob", "I want to downgrade", "to pro", "Pro is $29.00 a month. You can downgrade to Pro yourself"),
    ("cus_bob", "can I downgrade?", "to free", "Free costs nothing. You can downgrade to Free yourself"),
    (None, "can I upgrade?", "to business", "Business is $99.00 a month. You can upgrade to Business yourself"),
])
async def test_where_the_move_goes_said_after_it_is_that_move_with_the_plans_price(converse, customer, wish, where,
                                                                                   expected):
    first, narrowed = await converse(customer, wish, where)
    assert expected in narrowed.reply and SAME not in narrowed.reply, narrowed.reply
    assert "Here's how: Go to **Billing → Plan**" in narrowed.reply, narrowed.reply
    assert narrowed.reply != first.reply


async def test_the_plan_already_held_named_after_a_wish_to_move_is_no_change(converse):
    _, outcome = await converse("cus_alice", "can I upgrade?", "to pro")
    assert outcome.reply.startswith("You're already on the Pro plan at $29.00 a month, so there's no change to make."), \
        outcome.reply
