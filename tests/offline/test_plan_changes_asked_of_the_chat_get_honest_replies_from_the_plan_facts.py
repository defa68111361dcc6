"""Asking the chat itself to change the plan ("upgrade me to Business", "cancel my subscription for me", "just do it
for me" after the steps): no action changes or cancels a plan (the action port files refunds and unlocks only), so
the reply says so with the help centre's steps in the direction the customer's plan makes the move, or says there is
no move to make. What a downgrade does to team members, or takes away, is told from the plans and the help centre.
Neighbours stay as they were: how-to questions, the plan asked about, a refund offer's go-ahead."""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

NOT_SURE = "I don't have enough information"
UPGRADE_STEPS = "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm."
UPGRADE_WHEN = "The upgrade applies at once"
DOWNGRADE_STEPS = "Go to **Billing → Plan** and choose the smaller plan."
DOWNGRADE_WHEN = "The downgrade takes effect at the end of your current billing period"
CANCEL_STEPS = "Go to **Billing → Plan** and choose **Cancel subscription**."
NO_PLAN_ACTION = "this chat has no way to change or cancel a plan"
OFFERS_A_PERSON = "I can pass you to a person from our support team: just say so."
TEAM_LIMITS = "Free and Pro accounts can invite up to 3 members; Business accounts have no limit"


# ---------------------------------------------------------------- already on the plan asked for

async def test_bob_on_business_asking_to_upgrade_to_business_is_told_he_is_on_it_and_nothing_is_above(converse):
    asked, again = await converse("cus_bob", "upgrade me to Business", "do it")
    for outcome in (asked, again):
        assert "already on the Business plan at $99.00 a month" in outcome.reply, outcome.reply
        assert "Business is our highest plan, so there's nothing above it to upgrade to." in outcome.reply
        assert UPGRADE_STEPS not in outcome.reply and NOT_SURE not in outcome.reply, outcome.reply
        assert outcome.route == "resolver" and outcome.actions == []
    assert again.reply != asked.reply  # asked again, said in other words (not the same answer twice)


async def test_carol_on_free_asking_to_have_her_subscription_cancelled_is_told_there_is_no_paid_plan(converse):
    (outcome,) = await converse("cus_carol", "cancel my subscription for me")
    assert "You're on the Free plan already, so there's no paid plan to cancel." in outcome.reply, outcome.reply
    assert CANCEL_STEPS not in outcome.reply


# ---------------------------------------------------------------- "do it" after the steps

@pytest.mark.parametrize("again", ["do it", "just do it for me", "can you do it for me?", "ok do it then"])
async def test_asking_the_chat_to_make_the_upgrade_says_it_cannot_with_the_steps_and_a_person_offered(
        converse, again):
    steps, asked = await converse("cus_alice", "upgrade me to Business", again)
    assert UPGRADE_STEPS in steps.reply, steps.reply
    assert "I can't upgrade you to Business myself" in asked.reply and NO_PLAN_ACTION in asked.reply, asked.reply
    assert UPGRADE_STEPS in asked.reply and UPGRADE_WHEN not in asked.reply  # the steps again, in short
    assert OFFERS_A_PERSON in asked.reply and NOT_SURE not in asked.reply
    assert asked.actions == [] and asked.route == "resolver" and asked.critic.verdict == "approve"


async def test_asking_the_chat_to_cancel_after_the_steps_says_why_it_cannot_and_a_yes_passes_to_a_person(converse):
    steps, asked, yes = await converse("cus_alice", "cancel my subscription", "just do it for me", "yes please")
    assert CANCEL_STEPS in steps.reply and NO_PLAN_ACTION not in steps.reply, steps.reply
    assert "I can't cancel your subscription myself" in asked.reply and CANCEL_STEPS in asked.reply, asked.reply
    assert OFFERS_A_PERSON in asked.reply and asked.actions == []
    assert yes.route == "handoff" and yes.handoff_reason == "customer_asked", yes.reply


# ---------------------------------------------------------------- asked in the first message

@pytest.mark.parametrize(("customer", "message", "cannot", "steps"), [
    ("cus_alice", "cancel my subscription for me", "I can't cancel your subscription from this chat", CANCEL_STEPS),
    ("cus_alice", "switch me to Free please", "I can't move you to Free from this chat", DOWNGRADE_STEPS),
    ("cus_bob", "downgrade me to pro", "I can't move you to Pro from this chat", DOWNGRADE_STEPS),
    ("cus_carol", "upgrade me to Pro", "I can't upgrade you to Pro from this chat", UPGRADE_STEPS),
    ("cus_alice", "upgrade me to Business", "I can't upgrade you to Business from this chat", UPGRADE_STEPS),
])
async def test_a_request_to_change_the_plan_says_the_chat_cannot_and_gives_the_steps_for_that_direction(
        converse, customer, message, cannot, steps):
    (outcome,) = await converse(customer, message)
    assert cannot in outcome.reply and steps in outcome.reply, outcome.reply
    assert outcome.route == "resolver" and outcome.actions == [] and outcome.critic.verdict == "approve"


async def test_asking_to_upgrade_to_a_plan_below_ones_own_is_told_it_is_a_downgrade(converse):
    (outcome,) = await converse("cus_bob", "upgrade me to pro")
    assert "Business is above Pro, so moving to Pro is a downgrade." in outcome.reply, outcome.reply
    assert UPGRADE_WHEN not in outcome.reply and "I can't move you to Pro from this chat" in outcome.reply


# ---------------------------------------------------------------- what a downgrade does, from the plan facts

async def test_what_happens_to_team_members_on_a_downgrade_is_the_team_limits_and_a_person_for_the_rest(converse):
    (outcome,) = await converse("cus_bob", "what happens to my team members if I downgrade?")
    assert TEAM_LIMITS in outcome.reply and DOWNGRADE_WHEN in outcome.reply, outcome.reply
    # The help centre says nothing of members beyond the new limit: said so, not made up.
    assert "doesn't say what happens to team members you already have" in outcome.reply
    assert "Your account (bob) is active" not in outcome.reply and NOT_SURE not in outcome.reply
    assert "I'm sorry, I don't have enough" not in outcome.reply


async def test_team_members_on_a_downgrade_to_pro_follow_the_help_centre_not_the_business_list(converse):
    (outcome,) = await converse("cus_bob", "what happens to my team members if I downgrade to pro?")
    assert TEAM_LIMITS in outcome.reply, outcome.reply
    assert "So on Pro, “Free and Pro accounts can invite up to 3 members” applies to you" in outcome.reply
    assert "not with Pro" not in outcome.reply  # Pro accounts can invite members: the help centre says so


@pytest.mark.parametrize("before", [(), ("what happens to my team members if I downgrade?",)])
async def test_what_a_downgrade_to_pro_loses_is_what_business_adds_over_pro(converse, before):
    *_, outcome = await converse("cus_bob", *before, "what do I lose if I downgrade to Pro?")
    assert "You're on Business ($99.00 a month). Moving to Pro" in outcome.reply, outcome.reply
    assert "Business has everything in Pro, plus unlimited apps, team members and priority support." in outcome.reply
    assert "Pro includes up to 10 apps, custom domains and email support." in outcome.reply
    assert "I can't see from here what each plan includes" not in outcome.reply and NOT_SURE not in outcome.reply


# ---------------------------------------------------------------- neighbours that stay as they were

async def test_how_to_upgrade_still_gets_the_help_centre_steps(converse):
    # With the plan the customer would move to: Business is the one above Pro.
    (outcome,) = await converse("cus_alice", "how do I upgrade?")
    assert UPGRADE_STEPS in outcome.reply and "You can upgrade to Business yourself" in outcome.reply, outcome.reply
    assert "I can't" not in outcome.reply


async def test_the_plan_asked_about_and_a_plain_cancel_are_answered_as_before(converse):
    plan, cancel = await converse("cus_alice", "what plan am I on?", "cancel my subscription")
    assert "You're on the Pro plan at $29.00 a month." in plan.reply, plan.reply
    assert CANCEL_STEPS in cancel.reply and NO_PLAN_ACTION not in cancel.reply, cancel.reply


async def test_a_refund_offers_go_ahead_after_a_plan_request_still_files_the_refund_once(converse):
    ports = FakePorts()
    *_, offer, accepted, again = await converse("cus_bob", "upgrade me to Business", "what's the status of my refund?",
                                                "do it", "do it", ports=ports)
    assert "tell me if you'd like me to ask for it" in offer.reply, offer.reply
    assert [a.kind for a in accepted.actions] == ["refund"] and again.actions == [], accepted.reply
    assert len(ports.refunds_by_key) == 1
    assert all(NO_PLAN_ACTION not in o.reply and "Billing → Plan" not in o.reply for o in (accepted, again))
