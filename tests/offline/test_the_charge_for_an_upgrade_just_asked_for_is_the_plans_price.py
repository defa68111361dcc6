""""Upgrade me to pro" then "how much will I be charged?" from carol (Free, no invoices): the price of the plan
asked for, from the plan catalogue, and how the help centre says an upgrade is billed; not that she has no
invoices, which answers a question she didn't ask."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_what_it_costs


@pytest.mark.parametrize("follow_up", ["how much will i be charged", "ok how much will i pay?"])
async def test_carols_charge_for_pro_is_its_price_and_how_an_upgrade_is_billed(converse, follow_up):
    _, outcome = await converse("cus_carol", "upgrade me to pro", follow_up)
    assert outcome.reply.startswith("Pro costs $29.00 a month."), outcome.reply
    assert "we charge the difference for the rest of the month" in outcome.reply, outcome.reply
    assert "no invoices" not in outcome.reply, outcome.reply


async def test_the_charge_asked_with_no_change_before_is_not_a_plan_price(converse):
    _, outcome = await converse("cus_bob", "i was charged twice", "how much will i be charged")
    assert "costs $" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("how much will i be charged", True),
    ("so what will it cost?", True),
    # Near misses: a charge that was made, or one named.
    ("how much was i charged in october", False),
    ("how much will i be charged for business yearly", False),
])
def test_only_the_cost_of_what_was_just_asked_for_leans_back(message, asks):
    assert asks_what_it_costs(message) is asks
