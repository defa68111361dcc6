""""Do free apps sleep?" then "how do I stop that?": the way round it is the plans whose apps never sleep, as for
"how to avoid it"; the words alone find the entry on cancelling a subscription (0.97), which answers another question.
Bob, on Business, asking of Free is told of Free's apps, not only the scaling guide."""

from __future__ import annotations

import pytest

CANCELLING = "Cancel subscription"


@pytest.mark.parametrize("customer", [None, "cus_carol", "cus_alice", "cus_bob"])
async def test_how_do_i_stop_that_gets_the_plans_whose_apps_never_sleep_and_not_cancelling(converse, customer):
    _, outcome = await converse(customer, "do free apps sleep", "how do i stop that?")
    assert outcome.reply.startswith("Apps on Pro and Business never sleep."), outcome.reply
    assert CANCELLING not in outcome.reply, outcome.reply


async def test_a_business_customer_asking_whether_free_apps_sleep_is_told_of_free(converse):
    (outcome,) = await converse("cus_bob", "do free apps sleep")
    assert "apps on the Free plan sleep after 30 minutes" in outcome.reply, outcome.reply


async def test_how_do_i_stop_that_after_a_subscription_renewing_still_finds_cancelling(converse):
    # Near miss: with no entry on sleeping apps quoted before, stopping "that" can well be cancelling.
    _, outcome = await converse("cus_alice", "my subscription renews every month", "how do i stop that?")
    assert "Apps on Pro and Business never sleep" not in outcome.reply, outcome.reply


async def test_how_do_i_stop_that_after_a_guide_told_free_apps_sleep_names_the_plans_whose_apps_never_sleep(converse):
    # The scaling guide's step said it ("on Free, apps sleep after 30 minutes without traffic"), not the FAQ entry:
    # "how do I stop that?" got the steps to cancel a subscription.
    told, outcome = await converse("cus_carol", "my app sleeps all the time", "how do I stop that?")
    assert "apps sleep after 30 minutes" in told.reply
    assert outcome.reply.startswith("Apps on Pro and Business never sleep. You can change plan"), outcome.reply
    assert CANCELLING not in outcome.reply


@pytest.mark.parametrize(("customer", "plan"), [("cus_alice", "Pro"), ("cus_bob", "Business")])
async def test_on_a_plan_whose_apps_never_sleep_a_sleeping_app_is_for_a_person_to_look_at(converse, customer, plan):
    _, outcome = await converse(customer, "my app sleeps all the time", "how do I stop that?")
    assert outcome.reply.startswith("Our help centre says: Apps on Pro and Business never sleep. As you're on "
                                    f"{plan}, it shouldn't happen to your apps"), outcome.reply
    assert "pass you to a person" in outcome.reply and CANCELLING not in outcome.reply
