""""How do I get more apps?" from Pro or Business got "I don't have a guide on that", from Free the generic upgrade
steps, and "I need more apps" on Free "Yes: one app is included": more apps, no number named, is more than the
customer's plan allows, answered with what it allows and the plan that allows more, or that it has no limit. Asked
how, the answer opens with no "yes" or "no"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("customer", "reply"), [
    ("cus_carol", "Your plan, Free, includes one app. Pro ($29.00 a month) includes up to 10 apps; you can change plan "
                  "under **Billing → Plan**."),
    ("cus_alice", "Your plan, Pro, includes up to 10 apps. Business ($99.00 a month) includes unlimited apps; you can "
                  "change plan under **Billing → Plan**."),
    ("cus_bob", "Your plan, Business, includes unlimited apps."),
])
async def test_how_to_get_more_apps_is_what_the_plan_allows_and_what_allows_more(converse, customer, reply):
    [outcome] = await converse(customer, "how do I get more apps?")
    assert outcome.reply.startswith(reply), outcome.reply


async def test_needing_more_apps_on_free_is_told_it_allows_one(converse):
    [outcome] = await converse("cus_carol", "I need more apps")
    assert outcome.reply.startswith("Your plan, Free, includes one app. Pro"), outcome.reply


async def test_asked_whether_the_answer_still_opens_with_no(converse):
    [outcome] = await converse("cus_alice", "can I get more apps?")
    assert outcome.reply.startswith("No: your plan, Pro, includes up to 10 apps."), outcome.reply
