"""What a twenty-fourth walk through the demo customers' conversations found, each fixed: "where do I put my api keys?"
got the rate limits' guide, "what does pro give me?" the scope reply, "can I have two apps in different regions?" the
plan's count of apps alone, "and last month?" after the uptime all of that reply again, "why is my account locked? I
didn't do anything" the offer to unlock, "it worked yesterday" to open a chat "no guide", "where do I enter my vat
number?" the scope reply, "can an admin see billing?" the invoice list, "which plan do I need for 3 apps?" a "No", "will
that cause downtime?" after the step to roll back the guide's other steps, "how long until it works?" after the domains
guide "the guide is all there is", and "how do I start?" after weighing signing up "not enough information". Names with
"still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.about_service import asks_about_apps_in_different_regions
from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.leaning_back import asks_how_long_it_takes
from agents.follow_ups.people import asks_what_members_may_do
from agents.next_step import asks_what_next
from agents.own_data import with_the_lock_denied
from agents.rollback import rollback_downtime_asked
from agents.service_terms import domains_named
from agents.vague_faults import names_no_fault
from agents.what_was_talked_of import read_with_what_was_talked_of

_NOT_ENOUGH = "I don't have enough information"
_SCOPE = "I can only help with your Northwind account"


def _first(message: str) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message)


def _after(message: str, *turns: str) -> SupportContext:
    history = [HistoryTurn(role="user" if n % 2 == 0 else "assistant", text=text) for n, text in enumerate(turns)]
    return SupportContext(conversation_id="c", run_id="r", message=message, history=history)


# ---------------------------------------------------------------- where a secret is kept

@pytest.mark.parametrize("message", ["where do I put my api keys?", "where should I keep my api key?",
                                     "where do we store our api token"])
async def test_where_to_keep_a_secret_is_the_environment_guides_step_on_secrets(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("Our guide “Environment variables and secrets” covers this."), outcome.reply
    assert "Mark API keys and passwords as **Secret**" in outcome.reply
    assert "Retry-After" not in outcome.reply


def test_the_article_search_ranks_the_guide_that_keeps_secrets_first_and_alone(kb_retriever):
    found = kb_retriever.search("where do I put my api keys?")
    assert [match.slug for match in found] == ["environment-variables-secrets"]


async def test_where_to_store_files_still_finds_no_guide(converse):
    # A step of the failed deploys guide names "large files": no guide on keeping them.
    [outcome] = await converse("cus_alice", "where can I store files?")
    assert outcome.reply.startswith("I don't have a guide on that in our help centre"), outcome.reply


async def test_where_to_put_env_vars_is_still_the_whole_environment_guide(converse):
    [outcome] = await converse("cus_alice", "where do I put my env vars")
    assert outcome.reply.startswith("Our guide “Environment variables and secrets” covers this. The steps that usually "
                                    "sort it out:"), outcome.reply


async def test_where_to_store_a_database_password_still_finds_the_environment_guide(converse):
    [outcome] = await converse("cus_alice", "where should I store my database password")
    assert outcome.reply.startswith("Our guide “Environment variables and secrets” covers this."), outcome.reply


# ---------------------------------------------------------------- what one plan gives

@pytest.mark.parametrize(("customer", "message", "line"), [
    ("cus_carol", "what does pro give me?", "Pro ($29.00 a month) includes up to 10 apps, custom domains and email support."),
    ("cus_carol", "what does pro come with?", "Pro ($29.00 a month) includes up to 10 apps"),
    ("cus_carol", "what does the business plan offer?", "Business ($99.00 a month) includes unlimited apps"),
    (None, "what does business give you?", "Business ($99.00 a month) includes unlimited apps"),
])
async def test_what_a_plan_named_gives_is_that_plans_line(converse, customer, message, line):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(line), outcome.reply
    assert _SCOPE not in outcome.reply and "We have three plans" not in outcome.reply


def test_what_a_plan_gives_is_read_as_what_it_includes():
    read, taken = read_with_what_was_talked_of("what does pro give me?", asked_before="", last_reply="")
    assert read == "what's included in the Pro plan?" and "one_plans_contents_asked" in taken


async def test_what_my_plan_gives_me_is_still_the_customers_own_plan(converse):
    [outcome] = await converse("cus_alice", "what does my plan give me?")
    assert outcome.reply.startswith("Your plan, Pro ($29.00 a month), includes up to 10 apps"), outcome.reply


# ---------------------------------------------------------------- apps in different regions

@pytest.mark.parametrize("message", ["can I have two apps in different regions?", "can my apps be in separate regions?",
                                     "can I have apps in different regions?"])
def test_apps_each_in_a_region_of_its_own_are_recognised(message):
    assert asks_about_apps_in_different_regions(message)


@pytest.mark.parametrize("message", ["can I run the app in multiple regions?", "which regions can I deploy to?",
                                     "how many apps can I have?"])
def test_one_app_in_several_regions_or_the_regions_alone_are_still_not(message):
    assert not asks_about_apps_in_different_regions(message)


@pytest.mark.parametrize(("customer", "count"), [
    ("cus_bob", "Yes: your plan, Business, includes unlimited apps."),
    ("cus_carol", "No: your plan, Free, includes one app. Pro ($29.00 a month) includes up to 10 apps"),
])
async def test_two_apps_in_different_regions_get_the_plans_count_and_the_entry_on_regions(converse, customer, count):
    [outcome] = await converse(customer, "can I have two apps in different regions?")
    assert outcome.reply.startswith(count), outcome.reply
    assert ("And each app runs in the region you pick when you create it, so apps can be in different regions. What our "
            "help centre says: You can run apps in three regions") in outcome.reply


async def test_one_app_in_several_regions_still_gets_the_plan_it_needs(converse):
    [outcome] = await converse("cus_alice", "can I run the app in multiple regions?")
    assert "You're on Pro, and it names Business for running an app in several regions." in outcome.reply


# ---------------------------------------------------------------- another period after the uptime

@pytest.mark.parametrize(("turns", "period"), [
    (("what's your uptime?", "and last month?"), "last month"),
    (("what's your uptime?", "and last month?", "what about this year?"), "this year"),
    (("what was your uptime last month?", "and in october?"), "October"),
])
async def test_another_period_after_no_uptime_figure_is_told_there_is_none_either(converse, turns, period):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"I don't have an uptime figure for {period} either, and I'd rather not guess one."), \
        outcome.reply
    assert "Open right now" not in outcome.reply and "status.northwind.cloud" not in outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_a_month_asked_after_a_payment_is_still_the_payments(converse):
    _, outcome = await converse("cus_bob", "what did I pay last month?", "and in october?")
    assert "uptime" not in outcome.reply and "NW-2001" in outcome.reply, outcome.reply


async def test_the_first_uptime_question_still_gets_the_incidents_the_status_page_and_the_sla(converse):
    [outcome] = await converse("cus_alice", "what's your uptime?")
    assert outcome.reply.startswith("I don't have an uptime figure for this month, or any other period"), outcome.reply
    assert "Open right now" in outcome.reply and "uptime SLA" in outcome.reply


# ---------------------------------------------------------------- a lock denied in the same message

@pytest.mark.parametrize("message", ["why is my account locked? I didnt do anything",
                                     "my account got locked! I did nothing wrong"])
def test_a_lock_asked_of_and_denied_in_one_message_is_read_as_someone_elses_sign_ins(message):
    assert with_the_lock_denied(message, last_reply="") == "my account is locked and those failed sign-ins weren't me"


async def test_a_lock_denied_in_the_same_message_keeps_the_account_locked_and_offers_a_person(converse):
    [outcome] = await converse("cus_carol", "why is my account locked? I didn't do anything")
    assert "I won't unlock it while someone else may be trying to get in" in outcome.reply, outcome.reply
    assert "I can start the unlock for you" not in outcome.reply


async def test_why_is_my_account_locked_and_what_to_do_still_offers_the_unlock(converse):
    [outcome] = await converse("cus_carol", "why is my account locked? what do I do")
    assert "I can start the unlock for you" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a fault that names nothing, to open a chat

@pytest.mark.parametrize("message", ["it stopped working", "it worked yesterday", "it was working yesterday and now its not",
                                     "my app is broken", "my site isn't working", "something is wrong with my app"])
def test_a_fault_naming_nothing_is_recognised_to_open_a_chat(message):
    assert names_no_fault(_first(message))


@pytest.mark.parametrize("message", ["that is wrong", "my app is down", "my deploy failed", "my app is slow"])
def test_faults_that_name_something_are_still_not(message):
    assert not names_no_fault(_first(message))


def test_later_in_a_chat_it_stopped_working_is_still_left_to_the_turns_before():
    assert not names_no_fault(_after("it stopped working", "how do I add a custom domain?", "Our guide …"))


@pytest.mark.parametrize("message", ["it worked yesterday", "my app is broken", "my site isn't working"])
async def test_a_fault_naming_nothing_is_asked_about_not_said_to_have_no_guide(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("I'm sorry it isn't working. So I can find the right guide, could you tell me a bit "
                                    "more: what do you see"), outcome.reply
    assert "I don't have a guide" not in outcome.reply


async def test_it_stopped_working_to_open_a_chat_is_asked_what_as_it_doesnt_work_is(converse):
    [outcome] = await converse("cus_bob", "it stopped working")
    assert outcome.reply.startswith("Sorry to hear that. What isn't working?"), outcome.reply


async def test_it_stopped_working_after_a_guides_steps_is_those_steps_not_helping(converse):
    # "My answer is the same as in my last message" and the domains guide's steps again.
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", "it stopped working")
    assert outcome.reply.startswith("I'm sorry those steps didn't sort it out."), outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_an_app_down_while_an_incident_is_open_still_gets_the_incident(converse):
    [outcome] = await converse("cus_alice", "my app is down")
    assert "Elevated API error rates in eu-west" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the details invoices carry

@pytest.mark.parametrize("message", ["where do I enter my vat number?", "where do I put my vat id?"])
def test_a_vat_number_names_billing(message):
    assert domains_named(message) == ["billing"]


_DETAILS_ENTRY = "Go to **Billing → Details** and fill in your company name, address and VAT number."


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "where do I enter my vat number?"), ("cus_bob", "can we get an invoice with our address on it?"),
])
async def test_the_details_invoices_carry_are_the_entry_on_adding_them(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(_DETAILS_ENTRY), outcome.reply
    assert "@example.com" not in outcome.reply and "most recent invoices" not in outcome.reply


async def test_a_visitors_vat_id_still_gets_the_entry_on_adding_it(converse):
    [outcome] = await converse(None, "where do I put my vat id?")
    assert outcome.reply.startswith(_DETAILS_ENTRY), outcome.reply


# ---------------------------------------------------------------- what the team's members may see

@pytest.mark.parametrize("message", ["can an admin see billing?", "can admins see payment details?",
                                     "can my developer see our invoices?"])
def test_what_a_named_member_may_see_is_recognised(message):
    assert asks_what_members_may_do(message)


def test_a_pronoun_alone_is_still_left_to_the_turns_before():
    assert not asks_what_members_may_do("can she see billing?")


@pytest.mark.parametrize("message", ["can an admin see billing?", "can admins see payment details?"])
async def test_what_a_member_may_see_is_the_account_parts_not_the_invoice_list(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.intent.label == "account"
    assert "whether team members can see your billing" in outcome.reply, outcome.reply
    assert "most recent invoices" not in outcome.reply


# ---------------------------------------------------------------- which plan for a number of apps

@pytest.mark.parametrize(("customer", "turns", "lead"), [
    ("cus_carol", ("which plan do I need for 3 apps?",), "The cheapest plan that allows that many is Pro ($29.00 a month): "
                                                          "it includes up to 10 apps. Your plan, Free, includes one app;"),
    ("cus_carol", ("what's the difference between pro and business?", "which one should I pick for 3 apps?"),
     "The cheapest plan that allows that many is Pro ($29.00 a month)"),
    ("cus_alice", ("which plan is best for 20 apps?",), "The cheapest plan that allows that many is Business ($99.00 a "
                                                        "month): it includes unlimited apps. Your plan, Pro, includes up "
                                                        "to 10 apps;"),
])
async def test_which_plan_for_a_number_of_apps_names_the_cheapest_that_allows_them(converse, customer, turns, lead):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead), outcome.reply


async def test_whether_a_number_of_apps_fits_is_still_answered_no(converse):
    [outcome] = await converse("cus_carol", "can I have 3 apps?")
    assert outcome.reply.startswith("No: your plan, Free, includes one app."), outcome.reply


# ---------------------------------------------------------------- downtime of a rollback

def test_downtime_asked_right_after_the_step_to_roll_back_is_recognised():
    ctx = _after("will that cause downtime?", "how do I roll back a deploy?", "5. Roll back to the last good deploy …")
    assert rollback_downtime_asked(ctx)
    assert rollback_downtime_asked(_first("will rolling back cause downtime?"))


def test_downtime_asked_after_something_else_is_still_not_a_rollbacks():
    assert not rollback_downtime_asked(_after("will that cause downtime?", "how do I add a custom domain?", "1. …"))


@pytest.mark.parametrize("turns", [("how do I roll back a deploy?", "will that cause downtime?"),
                                   ("will rolling back cause downtime?",)])
async def test_downtime_of_a_rollback_is_said_to_be_unsaid_with_the_step_and_a_person(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Our guide “Failed deploys and build timeouts” says only this about rolling back: Roll "
                                    "back to the last good deploy"), outcome.reply
    assert "It doesn't say whether a rollback means any downtime for your app" in outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_what_a_rollback_does_to_the_database_is_still_asked_of_it(converse):
    _, outcome = await converse("cus_bob", "how do I roll back a deploy?", "will it affect my database?")
    assert "It doesn't say whether a rollback changes your database" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- how long until it works

@pytest.mark.parametrize("message", ["how long until it works?", "how soon before my domain starts working?"])
def test_how_long_until_it_works_asks_how_long_it_takes(message):
    assert asks_how_long_it_takes(message)


def test_how_long_until_something_not_ours_shows_up_still_does_not():
    assert not asks_how_long_it_takes("how long until my paycheck shows up")


@pytest.mark.parametrize("turns", [
    ("how do I set up a custom domain?", "how long until it works?"),
    ("how do I set up a custom domain?", "do I need to buy the domain from you?", "how long until it works?"),
])
async def test_how_long_until_a_domain_works_is_the_guides_wait(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert "within an hour" in outcome.reply, outcome.reply
    assert "is all our help centre has" not in outcome.reply and "The steps that usually sort it out" not in outcome.reply


# ---------------------------------------------------------------- how to start

def test_how_do_i_start_after_weighing_signing_up_is_read_as_signing_up():
    read, _ = read_with_what_was_talked_of("how do I start?", asked_before="hi Im thinking of signing up", last_reply="")
    assert read == "how do I sign up?"


async def test_how_do_i_start_after_weighing_signing_up_says_the_help_centre_has_no_steps_and_offers_a_person(converse):
    _, outcome = await converse(None, "hi Im thinking of signing up", "how do I start?")
    assert outcome.reply.startswith("Our help centre doesn't describe the steps to sign up"), outcome.reply
    assert _NOT_ENOUGH not in outcome.reply


async def test_how_do_i_start_to_open_a_chat_still_welcomes_a_visitor(converse):
    [outcome] = await converse(None, "how do I start?")
    assert outcome.reply.startswith("Glad you're considering us!"), outcome.reply


def test_how_do_i_start_after_numbered_steps_asks_what_comes_first():
    assert asks_what_next(_after("how do I start?", "how do I add a custom domain?", "Our guide …\n1. In your app, …"))
    assert not asks_what_next(_first("how do I start?"))


async def test_how_do_i_start_after_a_guides_steps_is_its_first_step(converse):
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", "how do I start?")
    assert outcome.reply.startswith("Start with the first step from my last message:\n1. In your app, go to **Settings → "
                                    "Domains → Add domain**"), outcome.reply


# ---------------------------------------------------------------- the next bill, asked politely

@pytest.mark.parametrize("message", ["can you tell me when my next bill is?", "hey, can you tell me when my next bill is?"])
def test_the_next_bill_names_billing(message):
    assert domains_named(message) == ["billing"]


@pytest.mark.parametrize("message", ["can you tell me when my next bill is?", "hey, can you tell me when my next bill is?"])
async def test_the_next_bill_asked_politely_is_the_renewal_not_the_scope_reply(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("Your Pro plan renews on 2026-12-01, when we'll charge $29.00."), outcome.reply
    assert _SCOPE not in outcome.reply


async def test_changing_the_date_after_the_next_bill_is_said_to_be_undescribed(converse):
    _, outcome = await converse("cus_alice", "hey, can you tell me when my next bill is?", "can I change the date?")
    assert outcome.reply.startswith("Our help centre doesn't describe changing the date your plan renews"), outcome.reply


async def test_the_next_bill_asked_plainly_is_still_the_renewal(converse):
    [outcome] = await converse("cus_alice", "when is my next bill?")
    assert outcome.reply.startswith("Your Pro plan renews on 2026-12-01"), outcome.reply


# ---------------------------------------------------------------- a refund to another card, said with "it"

async def test_it_to_a_different_card_after_a_refund_is_filed_is_the_refunds_destination(converse):
    _, outcome = await converse("cus_bob", "can I get a refund for the duplicate charge?", "can it go to a different card?")
    assert outcome.intent.label == "refund"
    assert outcome.reply.startswith("Our help centre doesn't describe sending a refund anywhere but the card it was paid "
                                    "from"), outcome.reply
    assert "Replace card" not in outcome.reply


async def test_a_different_card_with_no_refund_talked_of_is_still_the_card_on_file(converse):
    _, outcome = await converse("cus_alice", "my card expired", "can I add a different card?")
    assert "Replace card" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a reminder before the plan renews

@pytest.mark.parametrize(("customer", "message", "renews"), [
    ("cus_alice", "can you remind me before my plan renews?", "Your Pro plan renews on 2026-12-01, when we'll charge $29.00."),
    ("cus_bob", "will I get a reminder before I am charged?", "Your Business plan renews on 2026-12-15"),
    ("cus_bob", "do you send renewal reminders?", "Your Business plan renews on 2026-12-15"),
])
async def test_a_reminder_before_the_renewal_is_said_to_be_unpromised_with_the_renewal(converse, customer, message, renews):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("I can't set a reminder from this chat, and our help centre doesn't say whether we "
                                    "email one before a plan renews"), outcome.reply
    assert renews in outcome.reply and "NW-1003" not in outcome.reply


async def test_the_renewal_asked_plainly_is_still_its_date_and_the_failed_payment(converse):
    [outcome] = await converse("cus_alice", "when is my next bill?")
    assert "NW-1003" in outcome.reply and "reminder" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the account's own emails, turned off

@pytest.mark.parametrize("message", ["unsubscribe me from payment reminders", "stop sending me invoice emails",
                                     "can I turn off the receipt emails?"])
async def test_turning_off_the_accounts_emails_is_no_cancellation(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("I can't turn off the emails about your account"), outcome.reply
    assert "Cancel subscription" not in outcome.reply


async def test_the_newsletter_is_still_the_mailings_reply(converse):
    [outcome] = await converse("cus_alice", "how do I unsubscribe from your newsletter?")
    assert outcome.reply.startswith("Our help centre doesn't cover our newsletter or marketing emails"), outcome.reply


# ---------------------------------------------------------------- a refund named by its reference

async def test_a_refunds_reference_given_in_this_chat_is_where_that_refund_stands(converse):
    _, outcome = await converse("cus_bob", "can I get a refund for the duplicate charge?", "what is RF-0001?")
    assert outcome.reply.startswith("A refund for invoice NW-2002 has already been requested (reference RF-0001, "
                                    "$99.00)"), outcome.reply
    assert _SCOPE not in outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", "cus_carol"])
async def test_a_reference_on_no_refund_of_theirs_is_said_not_found_without_repeating_it(converse, customer):
    [outcome] = await converse(customer, "what is RF-0001?")
    assert outcome.route != "handoff"
    assert outcome.reply.startswith("I can't find a refund with that reference on your account."), outcome.reply
    assert "RF-0001" not in outcome.reply


async def test_another_reference_after_a_refund_is_filed_is_not_found_beside_the_one_that_is(converse):
    _, outcome = await converse("cus_bob", "can I get a refund for the duplicate charge?", "what about RF-0002?")
    assert outcome.reply.startswith("I can't find a refund with that reference on your account."), outcome.reply
    assert "(reference RF-0001, $99.00)" in outcome.reply


async def test_a_reference_from_a_visitor_asks_them_to_sign_in(converse):
    [outcome] = await converse(None, "what is RF-0001?")
    assert outcome.reply.startswith("I can't see your refunds while you're not signed in."), outcome.reply


def test_a_refunds_reference_names_the_refund_domain():
    assert domains_named("whats the status of RF-0001") == ["refund"]


def test_a_reference_as_the_app_writes_them_names_the_refund_domain_too():
    # The app's references are eight hexadecimal characters (conversations/actions.py); the demo's fakes number theirs.
    assert domains_named("what is RF-5ADF10D8?") == ["refund"]


# ---------------------------------------------------------------- a failed invoice paid by hand

@pytest.mark.parametrize("message", ["my invoice says NW-1003 failed, can I pay it manually?",
                                     "can I pay the failed invoice now?"])
async def test_paying_a_failed_invoice_by_hand_is_said_to_be_undescribed_before_how_it_gets_paid(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("I can't take a payment from this chat, and our help centre doesn't describe paying an "
                                    "invoice by hand, so here's how it gets paid:"), outcome.reply
    assert "add a new card under **Billing → Payment method**" in outcome.reply


async def test_how_to_pay_an_invoice_is_still_the_failure_and_its_fix(converse):
    [outcome] = await converse("cus_alice", "how do I pay my invoice?")
    assert outcome.reply.startswith("You have $29.00 outstanding."), outcome.reply


# ---------------------------------------------------------------- the team locked out

@pytest.mark.parametrize("message", ["my team cant log in", "our developers are locked out"])
async def test_the_team_locked_out_is_someone_elses_sign_in_not_the_customers_own_account(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("I can only help with the account you're signed in to"), outcome.reply
    assert "Your account (bob)" not in outcome.reply


async def test_a_coworker_locked_out_is_still_someone_elses_sign_in(converse):
    [outcome] = await converse("cus_bob", "my coworker cant log in")
    assert outcome.reply.startswith("I can only help with the account you're signed in to"), outcome.reply
