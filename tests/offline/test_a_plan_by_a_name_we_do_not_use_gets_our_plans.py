""""I want help switching to the platinum account" and "I want a Gold account" got "I don't have enough information": a
plan named by a tier we don't have is told so, with the plans we do have (and the customer's own). "Freemium" is read
as Free; another company's premium account is still another company's."""

from __future__ import annotations

import pytest

from agents.service_terms import tier_not_ours, with_terms_spelled

PLANS = "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month."


@pytest.mark.parametrize(("customer", "message", "tier"), [
    ("cus_alice", "I want help switching to the platinum account", "Platinum"), (None, "I want a Gold account", "Gold"),
    ("cus_bob", "what does the premium plan include?", "Premium"),
])
async def test_a_tier_we_do_not_have_is_said_with_our_plans(converse, customer, message, tier):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(f"We don't have a {tier} plan. {PLANS}"), outcome.reply
    assert "I don't have enough information" not in outcome.reply


async def test_the_customers_own_plan_is_named_with_them(converse):
    [outcome] = await converse("cus_alice", "I want help switching to the platinum account")
    assert "You're on Pro." in outcome.reply, outcome.reply


async def test_another_companys_premium_account_is_theirs(converse):
    [outcome] = await converse("cus_alice", "How do I cancel my Spotify premium account?")
    assert outcome.reply.startswith("That's about your Spotify account"), outcome.reply


@pytest.mark.parametrize(("message", "tier"), [
    ("switching to the platinum account", "Platinum"), ("standard account", "Standard"), ("business plan", None),
    ("premium support", None), ("the pro plan", None),
])
def test_a_tier_that_is_none_of_ours(message, tier):
    assert tier_not_ours(message) == tier


def test_freemium_is_read_as_free():
    assert with_terms_spelled("closing freemium account") == "closing free account"
