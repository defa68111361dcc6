"""Comparing plans and a plan's yearly price, answered offline from what the plans list (the catalogue
the billing worker reads, else the help centre's entry on the plans) and nothing else: the difference
between two plans is what each step up between them adds; no opinion on whether it is worth it, and no
yearly price or discount the facts don't state."""

from __future__ import annotations

import re
from typing import Any

import pytest

from agents.context import IntentResult, SupportContext
from agents.follow_ups.offers import OFFER_PERSON
from agents.outcome import FaqMatch
from agents.providers.offline import critic
from agents.providers.offline.reply_plan_comparison import PlanComparisonReplies
from agents.providers.offline.writer import compose
from tests.agents.fakes import PLANS, ctx_for
from tests.offline.test_writer_and_critic import PAYMENT_METHODS_FAQ, PLANS_FAQ

pytestmark = pytest.mark.asyncio

CANNOT_ANSWER = "I don't have enough information"
UPGRADE_FAQ = FaqMatch(faq_id=7, question="How do I upgrade my plan?", score=0.3,
                       answer="Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm. "
                              "The upgrade applies at once and we charge the difference for the rest of the month.")


async def replies(converse, customer: str | None, *messages: str) -> list[str]:
    return [outcome.reply for outcome in await converse(customer, *messages)]


def written(message: str, customer: str | None = "cus_alice", *, faq: tuple[FaqMatch, ...] = (),
            catalogue: bool = True, label: str = "general") -> tuple[str, SupportContext]:
    """The offline resolver's reply to message, with the plan catalogue (or not) and these help-centre
    entries as the gathered facts; and the context, for the critic."""
    billing: dict[str, Any] = {"plans": [p.model_dump(mode="json") for p in PLANS]} if catalogue else {}
    ctx = ctx_for(message, customer, intent=IntentResult(label=label, confidence=0.9),
                  facts={"billing": billing, "faq": {"matches": [m.model_dump(mode="json") for m in faq]}})
    return compose(ctx).text, ctx


# ---------------------------------------------------------------- the difference between two plans

async def test_the_difference_between_two_plans_is_what_the_higher_one_adds_with_both_prices(converse):
    (outcome,) = await converse("cus_alice", "what's the difference between pro and business?")
    assert CANNOT_ANSWER not in outcome.reply
    assert outcome.reply.startswith("You're on Pro ($29.00 a month)"), outcome.reply
    # "Difference between" has the billing worker read the plan catalogue, whose lines say what each has.
    assert "Business ($99.00 a month) has everything in Pro, plus unlimited apps, team members and priority support." \
        in outcome.reply
    assert outcome.route == "resolver"  # the critic found every figure in the facts


@pytest.mark.parametrize("message", ["pro vs business", "what's the difference between pro and business?",
                                     "how is business different from pro?"])
async def test_a_visitor_comparing_plans_gets_the_difference_without_a_plan_of_their_own(converse, message):
    (text,) = await replies(converse, None, message)
    assert re.search(r"Business \(\$99\.00 a month\) has everything in Pro, plus \w", text), text
    assert "Pro ($29.00 a month)" in text
    assert "You're on" not in text and CANNOT_ANSWER not in text


async def test_a_customer_on_the_higher_plan_is_told_they_have_it_already(converse):
    (text,) = await replies(converse, "cus_bob", "what's the difference between pro and business?")
    assert "Business ($99.00 a month) has everything in Pro, plus" in text
    assert "You're on Business, so you have all of that already." in text


async def test_comparing_two_plans_from_the_catalogue_sets_out_each_ones_list():
    text, ctx = written("compare the free and pro plans", "cus_carol")
    assert text.startswith("You're on Free, which includes one app, shared resources and community support. "
                           "Pro ($29.00 a month) has everything in Free, plus up to 10 apps, custom domains and email "
                           "support."), text
    assert "Business" not in text  # not part of what was compared
    assert critic.review(ctx, compose(ctx)).verdict == "approve"


async def test_comparing_two_plans_from_the_help_centre_reads_its_tiers_and_prices():
    text, ctx = written("compare the free and pro plans", None, faq=(PLANS_FAQ,), catalogue=False)
    assert text == "Pro ($29.00 a month) has everything in Free, plus custom domains, more build minutes and no sleeping apps."
    assert critic.review(ctx, compose(ctx)).verdict == "approve"


async def test_whether_a_plan_is_worth_it_is_answered_with_the_difference_not_an_opinion():
    text, ctx = written("is business worth it over pro?", faq=(PLANS_FAQ,), catalogue=False)
    assert text.startswith("Whether Business is worth it depends on what you need, so here's what it adds."), text
    assert ("Business ($99.00 a month) has everything in Pro, plus team roles, a 99.95% uptime SLA and priority "
            "support.") in text
    assert not re.search(r"\b(?:recommend|definitely|great value|good value|you should)\b", text, re.IGNORECASE)
    assert critic.review(ctx, compose(ctx)).verdict == "approve"


@pytest.mark.parametrize("message", ["is business worth it over pro?", "pro vs business", "pro versus business"])
async def test_whether_a_plan_is_worth_it_in_the_pipeline_gets_the_prices_and_what_it_adds(converse, message):
    # The comparison's wording alone ("worth it", "vs") has the plan catalogue gathered, so the reply can
    # say what Business adds, not only what it costs.
    (text,) = await replies(converse, "cus_alice", message)
    assert CANNOT_ANSWER not in text
    assert "$99.00 a month" in text and "$29.00 a month" in text
    assert "unlimited apps, team members and priority support" in text, text


async def test_a_yearly_price_asked_without_a_plan_after_a_comparison_is_a_billing_question(converse):
    *_, outcome = await converse("cus_alice", "is business worth it over pro?", "how much is it per year?")
    assert outcome.intent.label == "billing", outcome.intent
    assert "$29.00 a month" in outcome.reply and OFFER_PERSON in outcome.reply, outcome.reply
    assert "Sorry, that's outside what I can help with" not in outcome.reply


async def test_a_plans_price_compared_with_ones_own_gives_both(converse):
    (text,) = await replies(converse, "cus_alice", "how much would business cost me compared to what i pay now?")
    assert "Business is $99.00 a month; you pay $29.00 a month for Pro, so it's $70.00 a month more." in text, text


async def test_what_an_upgrade_gives_is_what_the_plan_adds_to_the_customers_own(converse):
    (text,) = await replies(converse, "cus_alice", "what do i get if i upgrade to business?")
    assert text.startswith("You're on Pro ($29.00 a month), which includes up to 10 apps, custom domains and email "
                           "support. Business ($99.00 a month) has everything in Pro, plus unlimited apps, team "
                           "members and priority support."), text
    assert "**Billing → Plan**" in text


async def test_what_an_upgrade_gives_a_visitor_is_every_step_up_to_that_plan(converse):
    (text,) = await replies(converse, None, "what do i get if i upgrade to business?")
    assert "Pro ($29.00 a month) has everything in Free, plus" in text
    assert "Business ($99.00 a month) has everything in Pro, plus" in text
    assert "sign in" not in text.lower() and "You're on" not in text


async def test_upgrading_to_the_plan_one_is_on_is_said_to_be_nothing_to_upgrade_to(converse):
    (text,) = await replies(converse, "cus_bob", "what do i get if i upgrade to business?")
    assert text.startswith("You're already on Business ($99.00 a month)"), text


async def test_a_plan_compared_with_itself_is_told_so_with_the_plans_there_are(converse):
    (text,) = await replies(converse, "cus_alice", "what's the difference between pro and pro?")
    assert "same plan" in text and "the one you're on" in text
    assert "Free, Pro ($29.00 a month) and Business ($99.00 a month)" in text


async def test_a_plan_we_dont_have_is_not_made_up_and_the_real_ones_are_named(converse):
    (text,) = await replies(converse, "cus_alice", "what's the difference between pro and enterprise?")
    assert text.startswith("We don't have a plan called Enterprise: our plans are Free, Pro ($29.00 a month) and "
                           "Business ($99.00 a month)."), text
    assert OFFER_PERSON in text


async def test_which_of_two_plans_to_choose_is_answered_with_their_difference(converse):
    (text,) = await replies(converse, "cus_alice", "should i get pro or business?")
    assert "Business ($99.00 a month) has everything in Pro, plus" in text, text


@pytest.mark.parametrize("message", ["should i use pro or heroku?", "what's the difference between business and "
                                     "team roles?"])
async def test_something_else_beside_a_plan_is_not_taken_for_a_plan_we_dont_have(converse, message):
    (text,) = await replies(converse, "cus_alice", message)
    assert "We don't have a plan called" not in text and "has everything in" not in text, text


async def test_without_any_list_of_what_plans_include_only_the_prices_are_told():
    text, ctx = written("is business worth it over pro?", faq=(UPGRADE_FAQ,), catalogue=False)
    assert text.startswith("You're on the Pro plan at $29.00 a month. Business is $99.00 a month."), text
    assert "I'd rather not guess the difference" in text and OFFER_PERSON in text
    assert critic.review(ctx, compose(ctx)).verdict == "approve"


# ---------------------------------------------------------------- a plan's price by the year

async def test_a_yearly_price_after_a_comparison_is_the_monthly_price_and_no_invented_yearly_one(converse):
    _, text = await replies(converse, "cus_alice", "what's the difference between pro and business?",
                            "how much is business per year?")
    assert "NW-100" not in text  # not the customer's invoices
    assert text.startswith("Business is $99.00 a month. You're on the Pro plan at $29.00 a month."), text
    assert "I can't find a yearly price for Business" in text and OFFER_PERSON in text
    assert "$1,188" not in text and "discount" not in text


async def test_a_visitor_asking_a_yearly_price_is_not_asked_to_sign_in(converse):
    (text,) = await replies(converse, None, "how much is business per year?")
    assert text.startswith("Business is $99.00 a month."), text
    assert "sign in" not in text.lower() and "I can't find a yearly price" in text


async def test_what_the_help_centre_says_about_paying_yearly_is_quoted_with_the_price():
    text, ctx = written("how much is business per year?", faq=(PLANS_FAQ, PAYMENT_METHODS_FAQ), label="billing")
    assert "Business is $99.00 a month." in text
    assert ("What our help centre says about paying yearly: Business customers can also pay yearly by bank transfer "
            "against an invoice.") in text
    assert "I can't find a yearly price for Business" in text
    assert critic.review(ctx, compose(ctx)).verdict == "approve"


async def test_a_yearly_price_the_help_centre_states_is_quoted_not_denied():
    yearly = FaqMatch(faq_id=40, question="Can I pay yearly?", score=0.4,
                      answer="Business is also sold yearly, at $990 a year.")
    text, _ = written("how much is business per year?", faq=(yearly,), label="billing")
    assert "What our help centre says about paying yearly: Business is also sold yearly, at $990 a year." in text
    assert "I can't find a yearly price" not in text


async def test_a_yearly_discount_asked_with_the_price_is_not_made_up():
    text, _ = written("how much is business per year? any discount?", faq=(PAYMENT_METHODS_FAQ,), label="billing")
    assert "Business is $99.00 a month." in text
    assert "I can't find a yearly price or a discount for paying yearly for Business" in text


# ---------------------------------------------------------------- messages that compare no plans

@pytest.mark.parametrize(("customer", "message", "expected"), [
    ("cus_alice", "what does my plan include?", "includes up to 10 apps, custom domains and email support"),
    ("cus_alice", "does pro include custom domains?", "Custom domains"),
    ("cus_alice", "i was charged twice", "duplicate"),
    ("cus_alice", "cancel my subscription", "Cancel subscription"),
    ("cus_alice", "upgrade me to business", "Billing → Plan"),
    ("cus_alice", "how do i upgrade to business?", "Billing → Plan"),
    ("cus_alice", "is there a discount for paying yearly?", "Business customers can also pay yearly"),
    ("cus_alice", "how much is the next tier?", "the next plan up is Business"),
    ("cus_alice", "what's the difference between free and pro apps sleeping?", "sleep"),
    ("cus_alice", "what's the difference between a cname and an a record?", "CNAME"),
    (None, "pricing", "We have three plans"),
])
async def test_messages_that_compare_no_plans_are_answered_as_before(converse, monkeypatch, customer, message,
                                                                     expected):
    (with_comparison,) = await replies(converse, customer, message)
    assert expected in with_comparison, with_comparison
    monkeypatch.setattr(PlanComparisonReplies, "answers_plan_comparison", lambda self: False)
    monkeypatch.setattr(PlanComparisonReplies, "answers_price_per_year", lambda self: False)
    (without,) = await replies(converse, customer, message)
    assert with_comparison == without
