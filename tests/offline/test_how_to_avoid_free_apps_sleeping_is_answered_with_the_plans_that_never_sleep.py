""""Do free apps sleep?" then "how to avoid it": the entry just quoted says apps on Pro and Business never sleep,
which is the way round it the help centre gives; a guide's scaling steps alone left that out."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_to_avoid_it


@pytest.mark.parametrize(("customer", "question"), [(None, "do free apps sleep"), ("cus_carol", "do apps sleep")])
@pytest.mark.parametrize("follow_up", ["how to avoid it", "how can i prevent that?"])
async def test_the_plans_whose_apps_never_sleep_lead(converse, customer, question, follow_up):
    _, outcome = await converse(customer, question, follow_up)
    assert outcome.reply.startswith("Apps on Pro and Business never sleep."), outcome.reply


async def test_a_customer_on_business_is_not_offered_another_plan(converse):
    _, outcome = await converse("cus_bob", "do apps sleep", "how to avoid it")
    assert "never sleep. You can change plan" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "avoids"), [
    ("how to avoid it", True),
    ("ok how do i stop that?", True),
    # Near misses: how to avoid something named, or not a how-to.
    ("how to avoid cold starts", False),
    ("why does it happen", False),
    ("how do i stop my app", False),
])
def test_only_a_way_round_what_was_just_told_is_asked(message, avoids):
    assert asks_to_avoid_it(message) is avoids
