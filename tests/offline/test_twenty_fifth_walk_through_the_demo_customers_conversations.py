"""What a twenty-fifth walk through the demo customers' conversations found, each fixed: "my app returns 404" got "I don't
have a guide that fits this" with nothing asked, "do they need their own plan?" after the team's entry the entry again
("my answer is the same"), and "is it extra?" after a guide's steps "the guide is all there is" (or, after the step to
roll back, the guide's steps again). Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.follow_ups.people import asks_if_it_costs_extra, asks_what_it_costs
from agents.providers.offline.kb import fault_began_with_a_deploy
from agents.team_size import asks_if_members_need_a_plan
from agents.vague_faults import client_error_named

_ASKED_WHERE_AND_SINCE_WHEN = ("could you tell me a bit more: does it happen on every page or only some, and did it start "
                               "after a deploy or a change to your domain or settings?")


# ---------------------------------------------------------------- an error status below 500

@pytest.mark.parametrize(("message", "named"), [
    ("my app returns 404", "404 errors"),
    ("getting a 404 on my site", "404 errors"),
    ("403 forbidden on my app", "403 errors"),
    ("page not found on my website", "pages that aren't found"),
])
async def test_an_error_status_no_guide_is_about_is_said_and_where_and_since_when_asked(converse, message, named):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(f"Our help centre has no guide on {named}, and I'd rather not guess at the cause."), \
        outcome.reply
    assert _ASKED_WHERE_AND_SINCE_WHEN in outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("message", "named"), [
    ("my app returns 404", "404 errors"),
    ("it shows a 410 gone", "410 errors"),
    ("404 on every page", "404 errors"),
    ("error 400 when I post the form", "400 errors"),
    ("page not found", "pages that aren't found"),
    ("my api answers 429", None),  # the rate limits' guide is about it
    ("I was charged $400", None),
    ("we make 400 requests a minute", None),
    ("how do i do a 401(k) rollover", None),  # the one of 62,086 public messages the first pattern took
    ("my app returns 500", None),
    ("I am getting a 401 from your api", None),  # our API's keys, not pages
])
def test_the_error_status_named_is_one_below_500_that_something_answers_with(message, named):
    assert client_error_named(message) == named


async def test_a_401_from_our_api_still_gets_no_guide_fits(converse):
    [outcome] = await converse("cus_bob", "my api calls return 401")
    assert outcome.reply.startswith("I don't have a guide in our help centre that fits this"), outcome.reply


async def test_a_404_after_a_deploy_still_gets_the_failed_deploys_guide(converse):
    [outcome] = await converse("cus_alice", "my app returns 404 after I deployed")
    assert outcome.reply.startswith("Our guide “Failed deploys and build timeouts” covers this."), outcome.reply


async def test_a_404_on_a_custom_domain_still_gets_the_domains_guide(converse):
    [outcome] = await converse("cus_alice", "my custom domain gives 404")
    assert outcome.reply.startswith("Our guide “Custom domains and DNS” covers this."), outcome.reply


async def test_a_charge_of_400_dollars_still_is_looked_for_among_the_charges(converse):
    [outcome] = await converse("cus_alice", "I was charged $400")
    assert "no guide" not in outcome.reply
    assert "I can't find a charge of that amount on your account." in outcome.reply


async def test_a_500_from_the_app_still_gets_the_api_errors_guide(converse):
    [outcome] = await converse("cus_alice", "my app is returning 500 errors")
    assert "“Troubleshooting API errors (500, 502, 503) and timeouts”" in outcome.reply
    assert "no guide on" not in outcome.reply


# ---------------------------------------------------------------- whether a member needs a plan of their own

@pytest.mark.parametrize(("customer", "first", "then", "plan_line"), [
    ("cus_bob", "how do I add a teammate?", "do they need their own plan?", "You're on Business, which has no limit on members."),
    ("cus_alice", "how do I invite my colleague?", "does she need a pro plan too?",
     "You're on Pro, which lets you invite up to 3 members."),
])
async def test_whether_a_member_needs_a_plan_after_the_team_entry_is_that_the_entry_does_not_say_so(
        converse, customer, first, then, plan_line):
    _, outcome = await converse(customer, first, then)
    assert outcome.reply.startswith("Our help centre doesn't say a team member needs a plan of their own: each one joins "
                                    "your team by an invitation to their own email address"), outcome.reply
    assert plan_line in outcome.reply
    assert "My answer is the same" not in outcome.reply
    assert "It says:" not in outcome.reply  # the entry was the last reply
    assert outcome.route == "resolver" and outcome.intent.label == "account"


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_carol", "does each member need their own subscription?"),
    ("cus_bob", "do my developers have to buy a plan?"),
])
async def test_whether_a_member_needs_a_plan_opening_a_chat_quotes_the_team_entry(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't say a team member needs a plan of their own"), outcome.reply
    assert "It says: Go to **Settings → Team → Invite**" in outcome.reply


@pytest.mark.parametrize(("message", "asked"), [
    ("do they need their own plan?", True),
    ("does each member need their own subscription?", True),
    ("do my teammates have to buy pro too?", True),
    ("does every user need a seat?", True),
    ("do I need a plan?", False),
    ("do they need their own login?", False),
])
def test_a_member_needing_a_plan_is_read_only_of_someone_on_the_team(message, asked):
    assert asks_if_members_need_a_plan(message) is asked


async def test_is_it_extra_after_the_team_entry_still_is_that_no_price_per_member_is_given(converse):
    _, outcome = await converse("cus_bob", "how do I add a teammate?", "is it extra?")
    assert outcome.reply.startswith("Our help centre doesn't mention a price per seat or per team member"), outcome.reply


# ---------------------------------------------------------------- what a guide's steps cost

@pytest.mark.parametrize("then", ["is it extra?", "is it free?"])
async def test_whether_it_costs_after_the_scaling_guide_is_that_no_entry_prices_instances(converse, then):
    _, outcome = await converse("cus_alice", "how do I set up autoscaling?", then)
    assert outcome.reply.startswith("Our help centre doesn't say whether running more instances costs more"), outcome.reply
    assert "is all our help centre has on that" not in outcome.reply


async def test_does_that_cost_anything_after_the_scaling_guide_still_is_that_no_entry_prices_instances(converse):
    _, outcome = await converse("cus_alice", "how do I set up autoscaling?", "does that cost anything?")
    assert outcome.reply.startswith("Our help centre doesn't say whether running more instances costs more"), outcome.reply


@pytest.mark.parametrize(("first", "then", "guide"), [
    ("how do I set environment variables?", "is it extra?", "Environment variables and secrets"),
    ("how do I roll back a deploy?", "does that cost anything?", "Failed deploys and build timeouts"),
])
async def test_whether_a_guides_steps_cost_extra_is_that_nothing_says_when_no_entry_does(converse, first, then, guide):
    _, outcome = await converse("cus_bob", first, then)
    assert outcome.reply.startswith(f"Our guide “{guide}” doesn't say whether that costs anything extra, and I'd rather "
                                    "not guess."), outcome.reply
    assert "pass you to a person" in outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply  # the guide's steps again, for the rollback


async def test_is_it_free_after_the_certificates_guide_is_the_entry_on_free_certificates(converse):
    _, outcome = await converse("cus_bob", "how do I renew my ssl certificate?", "is it free?")
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't give a price, but our help centre says: "
                                    "Yes: every app and every custom domain gets a free TLS certificate"), outcome.reply


async def test_how_much_is_it_after_the_scaling_guide_still_is_every_plans_price(converse):
    _, outcome = await converse("cus_alice", "how do I set up autoscaling?", "how much is it?")
    assert outcome.reply.startswith("We have three plans: **Free** at $0"), outcome.reply


@pytest.mark.parametrize("then", ["does that cost anything?", "is it extra?", "how much is it?"])
async def test_a_price_asked_after_the_domains_guide_is_the_plan_that_adds_custom_domains(converse, then):
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", then)
    assert outcome.reply.startswith("Our guide “Custom domains and DNS” doesn't give a price, but our plans say: We have "
                                    "three plans"), outcome.reply
    assert "Pro adds custom domains" in outcome.reply


@pytest.mark.parametrize(("message", "asked"), [
    ("is it extra?", True), ("does that cost anything?", True), ("how much is it?", True), ("is it free?", True),
    ("is it extra for custom domains on the free plan?", False), ("how much is pro?", False),
])
def test_what_it_costs_is_read_of_the_thing_just_talked_of_alone(message, asked):
    assert asks_what_it_costs(message) is asked


@pytest.mark.parametrize(("message", "asked"), [
    ("is it extra?", True), ("does that cost anything?", True), ("how much is it?", False),
    ("how much does that cost?", False),
])
def test_whether_it_costs_extra_is_not_how_much(message, asked):
    assert asks_if_it_costs_extra(message) is asked


# ---------------------------------------------------------------- the customer's own plan against another

@pytest.mark.parametrize("then", ["what is the difference with business?", "how is business different?",
                                  "what's the difference with business?"])
async def test_another_plan_set_against_after_the_own_plan_is_the_two_compared(converse, then):
    _, outcome = await converse("cus_alice", "what is my plan?", then)
    assert outcome.reply.startswith("You're on Pro ($29.00 a month), which includes up to 10 apps"), outcome.reply
    assert "Business ($99.00 a month) has everything in Pro, plus unlimited apps" in outcome.reply
    assert "NW-1003" not in outcome.reply  # the invoice list came


async def test_another_plan_set_against_to_open_a_chat_is_the_customers_own_plan_against_it(converse):
    [outcome] = await converse("cus_carol", "whats the difference with pro?")
    assert outcome.reply.startswith("You're on Free, which includes one app"), outcome.reply
    assert "Pro ($29.00 a month) has everything in Free" in outcome.reply


async def test_the_difference_between_two_plans_named_still_sets_those_two_side_by_side(converse):
    [outcome] = await converse("cus_alice", "what is the difference between pro and business?")
    assert outcome.reply.startswith("You're on Pro ($29.00 a month)"), outcome.reply
    assert "Business ($99.00 a month) has everything in Pro" in outcome.reply


# ---------------------------------------------------------------- when the upgrade charges, a question later

async def test_will_i_be_charged_today_with_a_question_after_the_upgrade_is_when_the_upgrade_charges(converse):
    *_, outcome = await converse("cus_carol", "how do I upgrade to pro?", "do you have a free trial?",
                                 "will I be charged today?")
    assert outcome.reply.startswith("The upgrade applies at once and we charge the difference for the rest of the "
                                    "month."), outcome.reply
    assert "There are no invoices on your account yet" not in outcome.reply


async def test_will_i_be_charged_today_right_after_the_upgrade_still_is_when_the_upgrade_charges(converse):
    _, outcome = await converse("cus_carol", "how do I upgrade to pro?", "will I be charged today?")
    assert outcome.reply.startswith("The upgrade applies at once and we charge the difference"), outcome.reply


async def test_will_i_be_charged_today_three_replies_after_the_upgrade_still_is_not_read_of_it(converse):
    *_, outcome = await converse("cus_carol", "how do I upgrade to pro?", "do you have a free trial?",
                                 "is there a student discount?", "will I be charged today?")
    assert "The upgrade applies at once" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the service tried before paying

@pytest.mark.parametrize(("customer", "message"), [
    (None, "can I try it before paying?"),
    ("cus_carol", "can we test northwind before we buy?"),
    (None, "can I test it without paying?"),
])
async def test_trying_the_service_before_paying_is_that_no_trial_is_described_and_what_free_gives(
        converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply
    assert "What it does say is that the Free plan costs nothing: The Free plan costs $0" in outcome.reply
    assert "sign in" not in outcome.reply  # a visitor was asked to sign in to see their invoices


async def test_trying_pro_from_free_still_is_no_trial_and_the_upgrade_without_the_free_plan(converse):
    [outcome] = await converse("cus_carol", "can I try pro?")
    assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply
    assert "You can move to Pro yourself whenever you like" in outcome.reply
    assert "The Free plan costs $0" not in outcome.reply


# ---------------------------------------------------------------- every invoice in one download

@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_alice", ("how do I see my invoices?", "can I download them all at once?")),
    ("cus_bob", ("can I download all my invoices at once?",)),
    ("cus_bob", ("show me my invoices", "in bulk?")),
])
async def test_every_invoice_in_one_download_is_that_the_help_centre_describes_one_pdf_each(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre doesn't describe downloading all your invoices at once, so I'd "
                                    "rather not promise that. What it says: All your invoices are under "
                                    "**Billing → Invoices**"), outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_invoices_as_a_zip_still_are_said_undescribed_by_their_format(converse):
    _, outcome = await converse("cus_alice", "how do I see my invoices?", "as a zip?")
    assert outcome.reply.startswith("Our help centre doesn't describe getting invoices as a ZIP"), outcome.reply


# ---------------------------------------------------------------- past the deploys a plan allows

async def test_going_over_the_deploys_on_free_is_that_the_help_centre_does_not_say_what_happens(converse):
    _, outcome = await converse("cus_carol", "is there a limit on deploys?", "what happens if I go over?")
    assert outcome.reply.startswith("You're on the Free plan. Our help centre says: Free accounts get 10 deploys a day"), \
        outcome.reply
    assert "It doesn't say what happens if you deploy more than your plan allows, and I'd rather not guess." in \
        outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_going_over_the_deploys_on_business_is_that_there_is_no_limit_to_go_over(converse):
    _, outcome = await converse("cus_bob", "is there a limit on deploys?", "what happens if I go over?")
    assert outcome.reply.startswith("You're on the Business plan, which has no limit on deploys, so there's none to go "
                                    "over."), outcome.reply


async def test_going_over_the_members_on_business_still_is_that_there_is_no_limit_to_go_over(converse):
    _, outcome = await converse("cus_bob", "how many team members can I have?", "what happens if we exceed it?")
    assert outcome.reply.startswith("You're on the Business plan, which has no limit on team members, so there's none "
                                    "to go over."), outcome.reply


async def test_going_over_after_how_many_apps_can_i_deploy_still_is_the_apps_limit(converse):
    _, outcome = await converse("cus_carol", "how many apps can I deploy?", "what happens if I go over?")
    assert outcome.reply.startswith("Our help centre doesn't say what happens if you go over your plan's limit on apps"), \
        outcome.reply


# ---------------------------------------------------------------- a fault that began with a deploy

@pytest.mark.parametrize("message", ["my app crashed after the last deploy", "my app crashes after deploying",
                                     "it broke since we deployed"])
async def test_an_app_failing_since_a_deploy_leads_with_the_step_to_roll_back(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("Our guide “Failed deploys and build timeouts” covers this. The step that fits what "
                                    "you describe:\n5. Roll back to the last good deploy with **Roll back**"), outcome.reply


def test_the_article_search_ranks_a_guide_that_rolls_back_first_for_a_crash_since_a_deploy(kb_retriever):
    found = kb_retriever.search("my app crashed after the last deploy")
    assert found[0].slug == "failed-deploys-build-timeouts"


@pytest.mark.parametrize(("message", "began"), [
    ("my app crashed after the last deploy", True), ("it broke since we deployed", True),
    ("my app keeps crashing", False), ("my custom domain stopped working after the deploy", False),
    ("my app is slow since yesterday", False), ("my deploy failed", False),
    # A slow app since a deploy is one too since the twenty-sixth walk (its own test).
])
def test_a_fault_began_with_a_deploy_only_when_the_app_itself_fails_after_one(message, began):
    assert fault_began_with_a_deploy(message) is began


async def test_an_app_that_keeps_crashing_still_gets_the_scaling_guides_step_on_memory(converse):
    [outcome] = await converse("cus_alice", "my app keeps crashing")
    assert outcome.reply.startswith("Our guide “Scaling and cold starts” covers this. The step that fits what you "
                                    "describe:\n5. Watch memory"), outcome.reply


async def test_a_domain_that_stopped_after_a_deploy_still_gets_the_domains_guide(converse):
    [outcome] = await converse("cus_alice", "my custom domain stopped working after the deploy")
    assert outcome.reply.startswith("Our guide “Custom domains and DNS” covers this."), outcome.reply


async def test_a_500_since_a_deploy_still_gets_the_api_errors_guides_step_on_the_latest_deploy(converse):
    [outcome] = await converse("cus_alice", "my app returns 500 since the last deploy")
    assert "4. If your app itself returns 500, check the latest deploy and roll back" in outcome.reply
    assert outcome.reply.startswith("Our guide “Troubleshooting API errors (500, 502, 503) and timeouts”"), outcome.reply


# ---------------------------------------------------------------- the lock denied after it was undone

async def test_denying_the_sign_ins_after_the_unlock_is_read_as_someone_elses(converse):
    *_, outcome = await converse("cus_carol", "my account is locked", "why?", "I didn't do that")
    assert "If someone else may be getting into your account, a person from our team should look at it" in outcome.reply
    assert "My answer is the same" not in outcome.reply


# ---------------------------------------------------------------- a refund of the payment that failed

@pytest.mark.parametrize("turns", [("can I get a refund for the failed payment?",), ("refund the failed invoice",),
                                   ("my payment failed", "can I get a refund for it?")])
async def test_a_refund_of_the_failed_payment_is_that_it_was_never_charged(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("Invoice NW-1003 ($29.00) was never paid — its payment didn't go through — so "
                                    "nothing was charged for it and there's nothing to refund."), outcome.reply
    assert "NW-1002" not in outcome.reply  # the latest paid invoice, weighed against the window


async def test_a_refund_of_a_paid_invoice_asked_after_it_still_is_weighed_against_the_window(converse):
    _, outcome = await converse("cus_alice", "why was NW-1002 charged?", "can I get a refund for it?")
    assert outcome.reply.startswith("I'm sorry — invoice NW-1002 ($29.00), paid on 2026-10-01, is outside our 14-day "
                                    "refund window"), outcome.reply


async def test_a_refund_with_no_invoice_named_still_weighs_the_latest_paid_one(converse):
    [outcome] = await converse("cus_alice", "I want a refund")
    assert outcome.reply.startswith("I'm sorry — invoice NW-1002 ($29.00)"), outcome.reply
