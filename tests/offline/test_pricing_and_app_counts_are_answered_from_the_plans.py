""""Can I have more than 10 apps on pro?" was told "Yes: your plan, Pro, includes up to 10 apps": the count asked
for was read as ten, which Pro allows. "Can I have 12 apps?" and "can I have over 20 apps on business?" got "I don't
have enough information". "Tell me about pricing" (out of scope at 0.90), "I want to know about pricing" (0.65) and
"pricing details please" (account at 0.66) were turned away or got nothing: the plans and their prices."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_plan_features import _number_asked
from agents.service_terms import ASKS_ABOUT_PRICING

PLANS = "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month."


@pytest.mark.parametrize("message", ["can I have more than 10 apps on pro?", "can I have 12 apps?",
                                     "can I have more than 10 apps?"])
async def test_more_apps_than_pro_allows_is_a_no_with_the_plan_that_allows_them(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("No: your plan, Pro, includes up to 10 apps. Business ($99.00 a month) includes "
                                    "unlimited apps"), outcome.reply


@pytest.mark.parametrize(("customer", "message", "answer"), [
    ("cus_bob", "can I have over 20 apps on business?", "Yes: your plan, Business, includes unlimited apps."),
    ("cus_alice", "can I have 10 apps on pro?", "Yes: your plan, Pro, includes up to 10 apps."),
    ("cus_carol", "can I run 3 apps on free?", "No: your plan, Free, includes one app."),
])
async def test_a_number_of_apps_within_or_over_the_plans_count_is_answered_yes_or_no(converse, customer, message,
                                                                                    answer):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(answer), outcome.reply


@pytest.mark.parametrize(("message", "wanted"), [
    ("more than 10 apps", 11), ("over 20 apps", 21), ("12 apps", 12), ("more than one app", 2), ("two apps", 2)])
def test_the_number_of_apps_asked_for_counts_more_than_as_one_more(message, wanted):
    assert _number_asked(f"can I have {message}?") == wanted


@pytest.mark.parametrize(("customer", "message"), [
    (None, "tell me about pricing"), (None, "i want to know about pricing"), ("cus_bob", "pricing details please"),
    ("cus_alice", "hi, i would like to know about your pricing"),
])
async def test_pricing_asked_about_gets_the_plans_and_their_prices(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(PLANS), outcome.reply
    assert outcome.intent.label == "billing"


@pytest.mark.parametrize(("message", "ours"), [
    ("tell me about pricing", True), ("pricing info please", True), ("what is the pricing of a pizza", False),
    ("surge pricing", False), ("tell me about the pricing of uber rides", False)])
def test_pricing_is_ours_only_when_nothing_else_is_named(message, ours):
    assert bool(ASKS_ABOUT_PRICING.search(message)) is ours


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "upgrade"), ("cus_carol", "upgrade pls")])
async def test_upgrade_alone_is_the_plan_not_a_technical_question_without_a_guide(converse, customer, message):
    # Read as technical (0.42), the panel led with "I don't have a guide on that".
    [outcome] = await converse(customer, message)
    assert outcome.intent.label == "billing", outcome.intent
    assert "I don't have a guide" not in outcome.reply and "Billing → Plan" in outcome.reply, outcome.reply
