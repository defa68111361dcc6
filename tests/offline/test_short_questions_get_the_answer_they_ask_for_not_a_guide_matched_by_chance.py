"""Short questions answered from what they ask, not from the help-centre entry or guide their few words match by
chance: "app limit?" is the plan's app count (not the API's 429 guide), "what roles are there" is what the help
centre says of team roles (not the account's status), a go-ahead with nothing offered is asked what it is for, an
"Also, …" question after a report is answered too, "how long does it take?" after an erasure request is the
deletion's grace period (not the refund's timing), and "will you delete my data if I cancel?" is what cancelling
keeps (not the steps to delete the account)."""

from __future__ import annotations

import pytest

from agents.clauses import question_clauses, report_before_also
from agents.follow_ups.what_becomes_of import asks_what_cancelling_does
from agents.orchestrator import NOTHING_OFFERED_REPLY
from agents.own_data import mentions_plans

RATE_LIMIT_GUIDE = "API rate limits and HTTP 429"
TEAM_ENTRY = "Go to **Settings → Team → Invite**, enter your colleague's email and pick a role."
SLA_ENTRY = "The Business plan comes with a 99.95% monthly uptime SLA"
CARD_NOT_UPDATED = "I still see the visa ending 4242 on your account"
GRACE_PERIOD = "deleting removes your apps and data for good after a 7-day grace period"
REFUND_TIMING = "Once a refund is approved it usually reaches your card in 5 to 10 business days"
KEPT_WHEN_CANCELLED = "your account moves to the Free plan; your apps and data are kept."
DELETE_STEPS = "Go to **Settings → Account → Delete account**."


# ------------------------------------------------------------------ 1. "app limit?" is the plan's app count


@pytest.mark.parametrize("message", ["app limit?", "apps limit", "whats the app limit"])
async def test_an_app_limit_is_the_number_of_apps_the_plan_allows(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "You're on Pro, which includes up to 10 apps." in outcome.reply, outcome.reply
    assert RATE_LIMIT_GUIDE not in outcome.reply and "429" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["rate limit?", "api limit?", "app rate limit?"])
async def test_a_rate_limit_is_still_the_apis_limit_and_its_guide(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "600 requests a minute" in outcome.reply and RATE_LIMIT_GUIDE in outcome.reply, outcome.reply
    assert "up to 10 apps" not in outcome.reply, outcome.reply


def test_an_app_limit_needs_the_plans_and_an_app_rate_limit_does_not():
    assert mentions_plans("app limit?") and mentions_plans("what's the apps limit on free")
    assert not mentions_plans("app rate limit?") and not mentions_plans("rate limit?")


# ------------------------------------------------------------------ 2. "what roles are there"


@pytest.mark.parametrize("customer", ["cus_bob", "cus_alice", None])
@pytest.mark.parametrize("message", ["what roles are there", "which roles can I give a teammate?"])
async def test_what_roles_there_are_is_what_the_help_centre_says_of_team_members(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't list the roles a team member can have."), outcome.reply
    assert TEAM_ENTRY in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    assert "is active" not in outcome.reply and "enough information" not in outcome.reply, outcome.reply
    assert [s.title for s in outcome.sources if s.kind == "faq"] == ["How do I add team members?"], outcome.sources


async def test_yes_after_the_roles_reply_hands_over_to_a_person(converse):
    _, outcome = await converse("cus_bob", "what roles are there", "yes please")
    assert outcome.route == "handoff" and outcome.handoff_reason == "customer_asked", (outcome.route, outcome.reply)


# ------------------------------------------------------------------ 3. a go-ahead with nothing offered


@pytest.mark.parametrize("customer", [None, "cus_alice"])
@pytest.mark.parametrize("message", ["yes go on then", "yes go on", "sure, go ahead"])
async def test_a_go_ahead_as_the_first_message_is_asked_what_it_is_for(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply == NOTHING_OFFERED_REPLY, outcome.reply
    assert outcome.route == "resolver" and outcome.handoff_reason is None
    assert not outcome.sources and not outcome.actions, (outcome.sources, outcome.actions)


async def test_a_go_ahead_after_a_greeting_is_asked_what_it_is_for(converse):
    _, outcome = await converse(None, "hi", "yes go on then")
    assert outcome.reply == NOTHING_OFFERED_REPLY, outcome.reply


async def test_a_go_ahead_after_an_offer_still_accepts_it(converse):
    _, outcome = await converse("cus_alice", "what roles are there", "yes go on then")
    assert outcome.route == "handoff" and outcome.handoff_reason == "customer_asked", (outcome.route, outcome.reply)


# ------------------------------------------------------------------ 4. "Also, what is your SLA?" after a report

REPORT = "My invoice NW-1003 failed last week and I updated my card"


@pytest.mark.parametrize("also", ["Also, what is your SLA?", "Also what is your SLA?", "also, what's your SLA?"])
async def test_a_question_after_also_is_answered_beside_the_report(converse, also):
    [outcome] = await converse("cus_alice", f"{REPORT}. {also}")
    assert CARD_NOT_UPDATED in outcome.reply and SLA_ENTRY in outcome.reply, outcome.reply
    assert "enough information" not in outcome.reply, outcome.reply


def test_also_with_a_comma_splits_off_its_question_as_also_without_one_does():
    with_comma = question_clauses("how do I enable 2fa? Also, what are your support hours?")
    assert with_comma == question_clauses("how do I enable 2fa? Also what are your support hours?")
    assert with_comma == ["how do I enable 2fa", "what are your support hours"]


def test_what_is_said_before_also_is_the_report_the_reply_answers():
    message = f"{REPORT}. Also, what is your SLA?"
    assert question_clauses(message) == [REPORT, "what is your SLA"]
    assert report_before_also(message) == REPORT
    assert report_before_also("how do I enable 2fa? also is there a free ssl?") is None


def test_a_single_question_without_also_is_still_not_split():
    assert question_clauses(f"{REPORT}. What is your SLA?") == []
    assert question_clauses("Thanks. Also, what is your SLA?") == []


# ------------------------------------------------------------------ 5. "how long does it take?" after an erasure


@pytest.mark.parametrize("before", ["please delete all my personal data (GDPR)", "how do I delete my account"])
@pytest.mark.parametrize("follow_up", ["how long does it take?", "how long will that take?"])
async def test_how_long_after_deleting_is_the_grace_period_not_the_refunds_timing(converse, before, follow_up):
    _, outcome = await converse("cus_bob", before, follow_up)
    assert GRACE_PERIOD in outcome.reply, outcome.reply
    assert "refund" not in outcome.reply.lower() and outcome.route != "faq", (outcome.route, outcome.reply)


async def test_how_long_after_the_refund_policy_is_still_the_refunds_timing(converse):
    _, outcome = await converse("cus_alice", "what is your refund policy", "how long does it take?")
    assert REFUND_TIMING in outcome.reply, outcome.reply


async def test_how_long_a_refund_takes_asked_in_full_still_gets_the_refunds_timing(converse):
    [outcome] = await converse("cus_alice", "how long does a refund take?")
    assert REFUND_TIMING in outcome.reply, outcome.reply


# ------------------------------------------------------------------ 6. "will you delete my data if I cancel?"


@pytest.mark.parametrize("customer", ["cus_alice", None])
@pytest.mark.parametrize("message", ["will you delete my data if I cancel?", "would you delete my apps if I cancelled?"])
async def test_deleting_data_when_cancelling_is_what_cancelling_keeps(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert KEPT_WHEN_CANCELLED in outcome.reply, outcome.reply
    assert outcome.route != "faq" and not outcome.reply.startswith(DELETE_STEPS), (outcome.route, outcome.reply)


async def test_deleting_apps_when_cancelling_asked_at_length_is_still_what_cancelling_keeps(converse):
    [outcome] = await converse("cus_alice", "are you going to delete my apps when I cancel my subscription?")
    assert KEPT_WHEN_CANCELLED in outcome.reply, outcome.reply


async def test_how_to_delete_the_account_still_gets_its_steps_from_the_faq(converse):
    [outcome] = await converse("cus_alice", "how do I delete my account?")
    assert outcome.route == "faq" and outcome.reply.startswith(DELETE_STEPS), (outcome.route, outcome.reply)


@pytest.mark.parametrize("message", ["can you delete my app?", "will you delete my data if I delete my account?",
                                     "how do I cancel?"])
def test_a_request_deleting_the_account_or_a_how_to_is_not_what_cancelling_does(message):
    assert not asks_what_cancelling_does(message)
