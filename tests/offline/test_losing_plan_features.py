"""After asking to downgrade or cancel, "will my custom domain still work?", "what do I lose?": answered from
what the plans include (the plan catalogue, the help centre's entries that name plans) and when the move
takes effect, not with the custom-domain guide's setup steps or the fixed out-of-scope reply."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import leans_back
from agents.follow_ups.what_becomes_of import asks_what_a_smaller_plan_keeps

DOMAINS_ON = "Custom domains are on Pro and Business."
DOWNGRADE_WHEN = "The downgrade takes effect at the end of your current billing period"
CANCEL_WHEN = "Your paid plan stays active until the end of the period you've paid for"
CANCEL_KEEPS = "your account moves to the Free plan; your apps and data are kept"
DELETE_REMOVES = "deleting removes your apps and data for good after a 7-day grace period"
OFFERS_A_PERSON = "would you like me to pass you to a person"
# The custom-domains guide and the help-centre entry on adding a domain: how to set one up.
SETUP_STEPS = ("CNAME", "Settings → Domains")
FIXED_SCOPE_REPLY = "I can only help with your Northwind account"


def _no_setup_steps(reply: str) -> bool:
    return not any(step in reply for step in SETUP_STEPS)


@pytest.mark.parametrize(("customer", "request_", "question", "when"), [
    ("cus_bob", "downgrade me to free", "will my custom domain still work?", DOWNGRADE_WHEN),
    ("cus_bob", "downgrade me to free", "do i keep my custom domain?", DOWNGRADE_WHEN),
    ("cus_alice", "how do I downgrade to free?", "will my custom domain still work?", DOWNGRADE_WHEN),
    ("cus_alice", "cancel my subscription", "will my custom domain still work?", CANCEL_WHEN),
    ("cus_alice", "how do I cancel my subscription?", "do i keep my custom domain?", CANCEL_WHEN),
])
async def test_whether_a_custom_domain_survives_a_move_to_free_is_told_from_the_plans_that_include_it(
        converse, customer, request_, question, when):
    *_, outcome = await converse(customer, request_, question)
    assert DOMAINS_ON in outcome.reply, outcome.reply
    assert "Free isn't among the plans it names, so once you're on Free, your plan won't include that." in outcome.reply
    assert when in outcome.reply and OFFERS_A_PERSON in outcome.reply
    assert _no_setup_steps(outcome.reply) and CANCEL_KEEPS not in outcome.reply.split("\n\n")[0]
    assert outcome.route == "resolver" and outcome.critic.verdict == "approve"


@pytest.mark.parametrize("question", ["will my custom domain still work?", "do i keep my custom domain?"])
async def test_a_custom_domain_is_kept_on_a_move_from_business_to_pro_which_includes_it(converse, question):
    *_, outcome = await converse("cus_bob", "i want to downgrade to pro", question)
    assert DOMAINS_ON in outcome.reply, outcome.reply
    assert "Pro is one of the plans it names, as Business is, so the move doesn't change that." in outcome.reply
    assert DOWNGRADE_WHEN in outcome.reply and _no_setup_steps(outcome.reply)
    assert "won't include" not in outcome.reply and OFFERS_A_PERSON not in outcome.reply


async def test_whether_apps_go_to_sleep_after_a_move_is_told_from_what_the_help_centre_says_of_each_plan(converse):
    *_, free = await converse("cus_bob", "downgrade me to free", "will my apps go to sleep then?")
    assert "Apps on the Free plan sleep after 30 minutes without traffic" in free.reply, free.reply
    # What the move puts them under, said plainly in the help centre's words.
    assert "So on Free, “Apps on the Free plan sleep after 30 minutes without traffic" in free.reply
    assert DOWNGRADE_WHEN in free.reply and not free.reply.startswith("Yes")
    *_, pro = await converse("cus_bob", "i want to downgrade to pro", "will my apps go to sleep then?")
    assert "Apps on Pro and Business never sleep." in pro.reply, pro.reply
    assert "Pro is one of the plans it names, as Business is, so the move doesn't change that." in pro.reply
    assert not pro.reply.startswith("Yes")


async def test_what_a_move_down_loses_is_what_each_step_above_the_new_plan_adds(converse):
    *_, free = await converse("cus_bob", "downgrade me to free", "what do i lose?")
    assert FIXED_SCOPE_REPLY not in free.reply, free.reply
    assert "Pro has everything in Free, plus up to 10 apps, custom domains and email support." in free.reply
    assert "Business has everything in Pro, plus unlimited apps, team members and priority support." in free.reply
    assert "Free includes one app, shared resources and community support." in free.reply
    assert DOWNGRADE_WHEN in free.reply and OFFERS_A_PERSON in free.reply
    *_, pro = await converse("cus_bob", "i want to downgrade to pro", "what do i lose?")
    assert "Business has everything in Pro, plus unlimited apps, team members and priority support." in pro.reply
    assert "Pro has everything in Free" not in pro.reply, pro.reply
    *_, cancelled = await converse("cus_alice", "cancel my subscription", "what do i lose?")
    assert "Pro has everything in Free, plus up to 10 apps, custom domains and email support." in cancelled.reply
    assert CANCEL_WHEN in cancelled.reply and cancelled.critic.verdict == "approve", cancelled.reply


@pytest.mark.parametrize(("request_", "plan"), [("downgrade me to free", "Free"), ("i want to downgrade to pro", "Pro")])
async def test_whether_team_members_keep_access_is_told_from_the_team_entry_with_a_person_offered(
        converse, request_, plan):
    *_, outcome = await converse("cus_bob", request_, "will my team members keep access?")
    assert "Free and Pro accounts can invite up to 3 members; Business accounts have no limit" in outcome.reply
    # One sentence, two clauses: what it says of the new plan is not what it says of Business.
    assert f"So on {plan}, “Free and Pro accounts can invite up to 3 members” applies to you" in outcome.reply, outcome.reply
    assert "doesn't change" not in outcome.reply and OFFERS_A_PERSON in outcome.reply
    assert "Settings → Team → Invite" not in outcome.reply


async def test_whether_apps_still_work_after_cancelling_is_told_from_the_cancellation_entry(converse):
    *_, outcome = await converse("cus_alice", "i want to cancel", "will my apps still work?")
    assert CANCEL_KEEPS in outcome.reply and "Here are your most recent invoices" not in outcome.reply, outcome.reply
    assert outcome.critic.verdict == "approve"


@pytest.mark.parametrize("request_", ["downgrade me to free", "cancel my subscription"])
async def test_a_customer_on_free_already_is_told_so(converse, request_):
    *_, outcome = await converse("cus_carol", request_, "will my custom domain still work?")
    assert "You're on the Free plan already" in outcome.reply, outcome.reply
    assert _no_setup_steps(outcome.reply)


# ---------------------------------------------------------------- answers that stay as they were

@pytest.mark.parametrize("history", [(), ("what plan am I on?",), ("downgrade me to free",)])
async def test_a_custom_domain_problem_or_how_to_still_gets_the_guide(converse, history):
    *_, broken = await converse("cus_alice", *history, "my custom domain isn't working")
    assert "CNAME" in broken.reply and DOMAINS_ON not in broken.reply, broken.reply
    (how,) = await converse("cus_alice", "how do I add a custom domain?")
    assert "CNAME" in how.reply, how.reply


async def test_losing_apps_after_cancelling_or_deleting_is_answered_as_before(converse):
    *_, cancelled = await converse("cus_alice", "how do I cancel my subscription?", "will I lose my apps?")
    assert CANCEL_KEEPS in cancelled.reply and "isn't among the plans" not in cancelled.reply, cancelled.reply
    *_, deleted = await converse("cus_alice", "how do I delete my account?", "will I lose my data?")
    assert DELETE_REMOVES in deleted.reply, deleted.reply
    *_, domain = await converse("cus_alice", "how do I delete my account?", "will my custom domain still work?")
    assert "isn't among the plans" not in domain.reply, domain.reply


@pytest.mark.parametrize("message", ["what do i lose?", "will my apps go to sleep then?", "what would I be losing?"])
def test_a_question_of_what_is_lost_by_what_was_said_before_leans_on_it(message):
    assert leans_back(message) and asks_what_a_smaller_plan_keeps(message)


@pytest.mark.parametrize("message", ["how do I keep my custom domain working?", "my custom domain isn't working",
                                     "how do I keep my app awake?", "how do I add a custom domain?",
                                     "will I lose my apps?"])
def test_a_how_to_a_problem_or_apps_and_data_are_not_read_as_what_a_smaller_plan_keeps(message):
    assert not asks_what_a_smaller_plan_keeps(message)
