""""Max number of apps?": how many apps each plan hosts, which the plans say; the classifier reads the short
question as off topic, and "number" was taken for the thing asked about."""

from __future__ import annotations

import pytest

from agents.service_terms import domains_named

EACH_PLAN = "Free: one app; Pro ($29.00 a month): up to 10 apps; Business ($99.00 a month): unlimited apps."


@pytest.mark.parametrize("customer", [None, "cus_alice", "cus_bob"])
@pytest.mark.parametrize("message", ["max number of apps?", "whats the max number of apps", "maximum apps?"])
async def test_the_max_number_of_apps_is_each_plans_count(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert EACH_PLAN in outcome.reply, outcome.reply


async def test_the_max_number_of_apps_on_a_plan_is_that_plans_count(converse):
    (outcome,) = await converse(None, "maximum number of apps on pro")
    assert "Pro ($29.00 a month) includes up to 10 apps." in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["max number of apps on my phone", "what is the maximum volume"])
def test_other_maximums_are_not_read_as_our_plans(message):
    assert domains_named(message) == []
