"""Short follow-ups that inherit the question before ("how many days", "and pro?"), plans named in lower case
("apps on free"), and questions about our service the classifier reads as off topic ("any outages?", "refnd pls",
"what do i owe you")."""

from __future__ import annotations

import pytest

from agents.orchestrator import OUT_OF_SCOPE_REPLY
from agents.own_data import mentions_plans

NOT_SURE = "I don't have enough information"
PLANS_LIST = "We have three plans: **Free** at $0"


# ------------------------------------------------------------------ 1. follow-ups that inherit the question


@pytest.mark.parametrize("follow_up", ["how many days", "how long?", "how many days exactly"])
async def test_a_detail_asked_after_the_refund_policy_is_answered_as_a_refund_question(converse, follow_up):
    _, outcome = await converse(None, "what is your refund policy", follow_up)
    assert outcome.intent.label == "refund", outcome.intent
    assert outcome.reply != OUT_OF_SCOPE_REPLY and "days" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "before", "follow_up", "told"), [
    (None, "tell me about the free plan", "and pro?", "Pro ($29.00 a month) includes up to 10 apps"),
    (None, "how much is pro", "and business?", "Business ($99.00 a month) includes unlimited apps"),
    ("cus_carol", "how much is pro", "what about business", "Business ($99.00 a month) includes"),
    (None, "how much is business", "and free?", "Free includes one app"),
    ("cus_bob", "tell me about the pro plan", "and free?", "Free includes one app"),
])
async def test_another_plan_after_a_question_about_a_plan_is_told_that_plan(converse, customer, before, follow_up,
                                                                              told):
    _, outcome = await converse(customer, before, follow_up)
    assert told in outcome.reply, outcome.reply
    assert PLANS_LIST not in outcome.reply and "invoices or payments" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("follow_up", ["what about on business", "and on business?", "how about business"])
async def test_team_members_asked_again_of_business_tell_businesss_own_limit(converse, follow_up):
    _, outcome = await converse("cus_alice", "how many team members can i have", follow_up)
    assert "Business accounts have no limit" in outcome.reply, outcome.reply
    assert "Free and Pro accounts can invite up to 3 members" not in outcome.reply, outcome.reply


# ------------------------------------------------------------------ 2. plans named in lower case


@pytest.mark.parametrize("message", ["how many apps on free", "custom domain with business", "is ssl included for pro",
                                     "is there a limit on apps", "how many apps can i have"])
def test_a_plan_named_in_lower_case_or_an_app_count_needs_the_plans(message):
    assert mentions_plans(message)


@pytest.mark.parametrize("message", ["is ssl free?", "my business is growing", "is there a rate limit on apps"])
def test_the_bare_word_free_or_business_or_a_rate_limit_is_not_about_the_plans(message):
    assert not mentions_plans(message)


@pytest.mark.parametrize("customer", [None, "cus_bob"])
@pytest.mark.parametrize("message", ["how many apps on free", "how many apps can i have on free?"])
async def test_how_many_apps_on_free_is_frees_app_count(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert "Free includes one app" in outcome.reply, outcome.reply
    assert "429" not in outcome.reply and "sleep" not in outcome.reply.lower(), outcome.reply


@pytest.mark.parametrize("message", ["is there a limit on apps", "how many apps can i have", "whats the limit on apps"])
async def test_a_limit_on_apps_without_a_plan_is_each_plans_count(converse, message):
    [visitor] = await converse(None, message)
    assert "Free: one app; Pro ($29.00 a month): up to 10 apps; Business ($99.00 a month): unlimited apps" in (
        visitor.reply), visitor.reply
    assert "429" not in visitor.reply, visitor.reply
    [alice] = await converse("cus_alice", message)
    assert "You're on Pro, which includes up to 10 apps." in alice.reply, alice.reply


@pytest.mark.parametrize("message", ["can i have 2 apps on free", "can i have 3 apps on free?"])
async def test_more_apps_than_free_allows_is_a_no_with_the_plan_that_allows_them(converse, message):
    [outcome] = await converse("cus_carol", message)
    assert outcome.reply.startswith("No: your plan, Free, includes one app."), outcome.reply
    assert "Pro ($29.00 a month) includes up to 10 apps" in outcome.reply, outcome.reply


async def test_as_many_apps_as_a_plan_allows_is_a_yes_from_that_plans_own_line(converse):
    [outcome] = await converse("cus_carol", "can i have 5 apps on pro")
    assert outcome.reply.startswith("Yes: Pro includes up to 10 apps."), outcome.reply


# ------------------------------------------------------------------ 3. ours, though read as off topic


@pytest.mark.parametrize(("customer", "message", "intent"), [
    ("cus_bob", "what roles are there", "account"),
    ("cus_bob", "we had downtime yesterday, do we get credits", "technical"),
    ("cus_bob", "refnd pls", "refund"),
    ("cus_bob", "what do i owe you", "billing"),
    (None, "any outages?", "technical"),
    (None, "are there any outges right now", "technical"),
])
async def test_a_question_in_our_services_words_is_not_turned_away(converse, customer, message, intent):
    [outcome] = await converse(customer, message)
    assert outcome.intent.label == intent, outcome.intent
    assert outcome.reply != OUT_OF_SCOPE_REPLY, outcome.reply


@pytest.mark.parametrize("message", ["what roles did tom hanks play", "what do i owe on my car loan",
                                     "is there a power outage in my area"])
async def test_the_same_words_about_something_else_stay_out_of_scope(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply == OUT_OF_SCOPE_REPLY, outcome.reply


@pytest.mark.parametrize(("customer", "told"), [("cus_bob", "You're on the Business plan"),
                                                ("cus_alice", "You're on the Pro plan"),
                                                ("cus_carol", "Free")])
@pytest.mark.parametrize("message", ["waht is my pln", "what is my paln?"])
async def test_the_own_plan_asked_with_typos_is_the_customers_plan(converse, customer, told, message):
    [outcome] = await converse(customer, message)
    assert told in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply


async def test_a_service_credit_claim_quotes_the_sla_and_offers_a_person(converse):
    [outcome] = await converse("cus_bob", "we had downtime yesterday, do we get credits")
    assert "service credits if we miss it" in outcome.reply, outcome.reply
    assert "person" in outcome.reply, outcome.reply


async def test_what_do_i_owe_you_is_the_outstanding_total(converse):
    [outcome] = await converse("cus_bob", "what do i owe you")
    assert "You don't owe anything right now" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["refnd pls", "refund pls"])
async def test_a_refund_asked_with_a_typo_follows_the_refund_rules(converse, message):
    [bob] = await converse("cus_bob", message)
    assert "NW-2002" in bob.reply and "duplicate" in bob.reply, bob.reply
    [alice] = await converse("cus_alice", message)
    assert "outside our 14-day refund window" in alice.reply, alice.reply
