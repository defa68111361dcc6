"""What a plan includes, asked however customers put it: a plan named in lower case ("on free", "with
business", "does pro include"), its features asked without a verb ("pro plan features"), whether the Free
plan has what comes with Pro, and how many of something a plan allows."""

from __future__ import annotations

import pytest

FREE_ENTRY = "The Free plan costs $0 and includes one app"
DNS_GUIDE = "Custom domains and DNS"
INVITE_STEPS = "Settings → Team → Invite"


@pytest.mark.parametrize(("customer", "message", "told"), [
    ("cus_alice", "whats included in pro", "custom domains"),
    ("cus_alice", "what does pro include", "custom domains"),
    ("cus_alice", "pro plan features", "custom domains"),
    ("cus_alice", "business plan features", "priority support"),
    ("cus_bob", "what does business include", "priority support"),
    (None, "what do i get with business", "priority support"),
])
async def test_what_a_named_plan_includes_is_that_plans_list(converse, customer, message, told):
    [outcome] = await converse(customer, message)
    assert told in outcome.reply and FREE_ENTRY not in outcome.reply, outcome.reply
    assert "sign in" not in outcome.reply and "don't have enough information" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    (None, "does pro include custom domains"), ("cus_carol", "do i need pro for a custom domain"),
])
async def test_whether_pro_has_custom_domains_is_answered_from_the_entry_saying_so(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Custom domains are on Pro and Business."), outcome.reply
    assert "Add a custom domain and point DNS" not in outcome.reply and "Custom domains and DNS" not in outcome.reply


@pytest.mark.parametrize("message", [
    "can i get a custom domain on free", "custom domain on free plan?", "is custom domain available on free",
    "does free have custom domains", "can free users add a domain", "can i use my own domain on the free plan",
])
async def test_a_custom_domain_on_free_is_said_to_need_pro(converse, message):
    [outcome] = await converse("cus_carol", message)
    assert outcome.reply.startswith("No: custom domains aren’t part of your plan, Free"), outcome.reply
    assert "They come with Pro" in outcome.reply and DNS_GUIDE not in outcome.reply, outcome.reply


async def test_more_build_minutes_on_free_are_said_to_come_with_pro(converse):
    [outcome] = await converse("cus_carol", "can i get more build minutes on free")
    assert "more build minutes aren’t part of your plan, Free" in outcome.reply, outcome.reply
    assert "Failed deploys" not in outcome.reply, outcome.reply


async def test_how_many_apps_pro_allows_is_not_answered_with_the_team_entry(converse):
    [outcome] = await converse("cus_alice", "how many apps can i have on pro")
    assert INVITE_STEPS not in outcome.reply, outcome.reply


async def test_how_many_apps_a_plan_allows_is_that_plans_own_line(converse):
    [outcome] = await converse("cus_alice", "how many apps can i have on the pro plan")
    assert "Your plan, Pro ($29.00 a month), includes up to 10 apps." in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "told"), [
    ("cus_bob", "Yes: priority support is included in your plan, Business"),
    ("cus_alice", "No: priority support isn’t part of your plan, Pro"),
])
async def test_whether_i_have_priority_support_is_answered_for_the_customers_plan(converse, customer, told):
    [outcome] = await converse(customer, "do i have priority support")
    assert outcome.reply.startswith(told), outcome.reply
