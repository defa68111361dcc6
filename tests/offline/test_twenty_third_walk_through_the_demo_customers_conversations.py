"""What a twenty-third walk through the demo customers' conversations found, each fixed: "what if we need more?" after the
team's limits got "not enough information", "I didn't get the email" after this chat unlocked the account the address on
file and the same, "how long will it take?" to open a chat a refund's timing by the FAQ shortcut, "is it fixed yet?" to
open a chat the scope reply ("when will it be back up?" the help centre's silence on backups), "I didn't get the email"
to open a chat the address and "not enough information", and "is northwind owned by microsoft?" the same. Names with
"still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.email_not_received import email_unnamed_not_received_reply
from agents.follow_ups.leaning_back import asks_for_more
from agents.not_in_help_centre import uncovered_topic_asked
from agents.when_it_happens import (
    NOTHING_REPORTED_REPLY,
    NOTHING_TO_TIME_REPLY,
    nothing_reported_reply,
    nothing_to_time_reply,
)

_NOT_ENOUGH = "I don't have enough information"


def _first(message: str, *, customer=None) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, customer=customer)


# ---------------------------------------------------------------- more than the team's limit

@pytest.mark.parametrize("message", ["and what happens if I need more?", "what if we need more?",
                                     "what do we do if we need more than that?", "so what happens when we want more?"])
def test_what_if_more_is_needed_is_read_as_asking_for_more(message):
    assert asks_for_more(message)


@pytest.mark.parametrize("message", ["what happens if I cancel?", "what if I need help?", "what happens if we go over?"])
def test_other_what_ifs_are_still_not_read_as_asking_for_more(message):
    assert not asks_for_more(message)


async def test_what_if_we_need_more_after_the_team_limits_tells_pro_its_limit_and_business_as_the_way_to_more(converse):
    _, outcome = await converse("cus_alice", "how many team members can I add?", "what if we need more?")
    assert outcome.reply.startswith("You're on Pro, and our help centre says: Free and Pro accounts can invite up to 3 "
                                    "members."), outcome.reply
    assert "Business accounts have no limit and can use custom roles. You can change plan under **Billing → Plan**." in (
        outcome.reply)
    assert _NOT_ENOUGH not in outcome.reply


async def test_more_members_asked_from_business_is_told_there_is_no_limit(converse):
    _, outcome = await converse("cus_bob", "how many team members can I add?", "and what happens if I need more?")
    assert outcome.reply == "You're on Business, and our help centre says: Business accounts have no limit and can use " \
                            "custom roles."


async def test_can_we_get_more_members_from_free_names_business_too(converse):
    _, outcome = await converse("cus_carol", "how many team members can I add?", "can we get more?")
    assert "You're on Free, and our help centre says: Free and Pro accounts can invite up to 3 members." in outcome.reply
    assert "Business accounts have no limit" in outcome.reply


async def test_more_apps_asked_from_free_still_gets_the_plan_above(converse):
    _, outcome = await converse("cus_carol", "how many apps can I have?", "what if I need more?")
    assert "Pro ($29.00 a month) includes up to 10 apps" in outcome.reply


# ---------------------------------------------------------------- no email for an unlock done here

@pytest.mark.parametrize("message", ["I didn't get the email", "never got any email", "I haven't received the link"])
async def test_an_email_missing_after_this_chats_unlock_is_told_the_unlock_sends_none(converse, message):
    *_, outcome = await converse("cus_carol", "why can't I log in", "ok how do I unlock it", message)
    reply = outcome.reply
    assert reply.startswith("The unlock doesn't send an email: I unlocked your account here in the chat, so you can sign "
                            "in now with your password."), reply
    assert "If you asked for a password reset link, it goes to carol@example.com, the address on your account" in reply
    assert "pass you to a person" in reply
    assert _NOT_ENOUGH not in reply


async def test_still_nothing_after_that_still_gets_sorry_and_a_person(converse):
    *_, outcome = await converse("cus_carol", "my account is locked", "never got any email", "still nothing")
    assert outcome.reply.startswith("I'm sorry it still hasn't arrived."), outcome.reply


async def test_how_long_after_the_unlock_is_still_told_it_is_done(converse):
    *_, outcome = await converse("cus_carol", "my account is locked", "how long will it take?")
    assert outcome.reply == "It's done already: your account is active again, so you can sign in now."


# ---------------------------------------------------------------- how long, or when, with nothing before it

@pytest.mark.parametrize("message", ["how long will it take?", "how long does it take?", "how long?",
                                     "how long do I have to wait?", "when will it be done?", "when will it be ready?"])
async def test_how_long_to_open_a_chat_asks_what_they_are_waiting_for(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply == NOTHING_TO_TIME_REPLY
    assert outcome.route == "resolver"
    assert "business days" not in outcome.reply  # a refund's timing, by the FAQ shortcut


async def test_a_visitor_asking_how_long_to_open_a_chat_is_asked_too(converse):
    (outcome,) = await converse(None, "how long does it take?")
    assert outcome.reply == NOTHING_TO_TIME_REPLY


def test_how_long_with_a_conversation_before_it_is_not_this_rule():
    ctx = _first("how long will it take?")
    ctx.history = [HistoryTurn(role="user", text="I want a refund"), HistoryTurn(role="assistant", text="Done.")]
    assert nothing_to_time_reply(ctx) is None


async def test_how_long_a_refund_takes_is_still_the_refunds_timing(converse):
    (outcome,) = await converse("cus_alice", "how long does a refund take?")
    assert "5 to 10 business days" in outcome.reply


# ---------------------------------------------------------------- is it fixed, with nothing reported

@pytest.mark.parametrize("message", ["is it fixed yet?", "when will it be fixed?", "when will it be back up?",
                                     "is it working again?", "hi, is everything back up?"])
async def test_is_it_fixed_to_open_a_chat_asks_what_with_the_status_page(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply == NOTHING_REPORTED_REPLY
    assert "status.northwind.cloud" in outcome.reply
    assert "backed up" not in outcome.reply and "I can only help with" not in outcome.reply


async def test_is_it_fixed_yet_after_an_outage_still_tells_where_the_incident_stands(converse):
    _, outcome = await converse("cus_alice", "my app is down", "is it fixed yet?")
    assert outcome.reply.startswith("“Elevated API error rates in eu-west” is still open"), outcome.reply


async def test_when_will_the_outage_be_fixed_still_tells_the_open_incident(converse):
    (outcome,) = await converse("cus_alice", "when will the outage be fixed?")
    assert "There's an active incident in eu-west" in outcome.reply


def test_a_fix_asked_after_a_conversation_is_not_this_rule():
    ctx = _first("is it fixed yet?")
    ctx.history = [HistoryTurn(role="user", text="my deploy fails"), HistoryTurn(role="assistant", text="Steps.")]
    assert nothing_reported_reply(ctx) is None


# ---------------------------------------------------------------- an email, unnamed, to open a chat

@pytest.mark.parametrize("message", ["I didn't get the email", "never received the email",
                                     "i didnt receive any email from you"])
async def test_an_unnamed_email_missing_to_open_a_chat_gets_where_emails_go_and_which_one_is_asked(converse, message):
    (outcome,) = await converse("cus_bob", message)
    reply = outcome.reply
    assert reply.startswith("Emails about your account go to its address, bob@example.com, and invoices to your billing "
                            "address: check the spam folder too."), reply
    assert "Which email were you waiting for" in reply and "pass you to a person" in reply
    assert "Here are your most recent invoices" not in reply and _NOT_ENOUGH not in reply


async def test_a_visitor_missing_an_email_is_told_where_account_emails_go(converse):
    (outcome,) = await converse(None, "I didn't get the email")
    assert outcome.reply.startswith("Emails about an account go to the address it was opened with"), outcome.reply


@pytest.mark.parametrize("message", ["I didn't get the reset email", "I never got the invoice email",
                                     "my card hasn't come in the mail", "I still haven't received my card in the mail"])
def test_an_email_named_or_post_is_not_this_rule(message):
    assert email_unnamed_not_received_reply(_first(message)) is None


async def test_the_reset_email_missing_still_gets_the_resets_steps(converse):
    (outcome,) = await converse("cus_alice", "I didn't get the reset email")
    assert "We send a reset link that works for one hour" in outcome.reply


# ---------------------------------------------------------------- the company itself

@pytest.mark.parametrize("message", ["is northwind owned by microsoft?", "who owns you?", "where is your company based?",
                                     "when was northwind founded?", "are you a public company?",
                                     "are you guys owned by amazon"])
async def test_a_question_about_the_company_itself_is_told_the_help_centre_does_not_cover_it(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith("Our help centre covers Northwind Cloud's service (plans, billing, accounts and "
                                    "deploys) but not the company itself"), outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize("message", ["where are you from", "where is my data stored?", "who owns this app?"])
def test_other_questions_are_still_not_about_the_company(message):
    assert uncovered_topic_asked(message) != "company"


# ---------------------------------------------------------------- "for how long?" after something the help centre omits

async def test_for_how_long_after_pausing_was_said_to_be_unmentioned_is_told_that_is_not_said_either(converse):
    _, outcome = await converse("cus_alice", "can I pause my subscription?", "for how long?")
    assert outcome.reply.startswith("Our help centre doesn't say that either, so I'd rather not guess."), outcome.reply
    assert "business days" not in outcome.reply  # a refund's timing, by the FAQ shortcut


async def test_for_how_long_after_a_refunds_timing_still_gets_that_timing(converse):
    _, outcome = await converse("cus_alice", "how long does a refund take?", "for how long?")
    assert "5 to 10 business days" in outcome.reply


# ---------------------------------------------------------------- when a refund offered, not asked for, would arrive

@pytest.mark.parametrize("asked", ["how long will that take?", "when will it show up?"])
async def test_how_long_after_a_refund_offered_says_none_is_filed_how_long_one_takes_and_offers_it_once(converse, asked):
    *_, outcome = await converse("cus_bob", "hey, why was I charged $198 this month?", "so will I get the money back?",
                                 asked)
    reply = outcome.reply
    assert reply.startswith("I can't find a refund request on your account, so nothing is on its way yet."), reply
    assert "Once a refund is approved it usually reaches your card in 5 to 10 business days" in reply
    assert reply.count("tell me if you'd like me to ask for it") == 1
    assert "charged twice on 2026-11-15" not in reply and "Business plan at $99.00" not in reply  # all over again
    assert outcome.intent is not None and outcome.intent.label == "refund"


async def test_when_it_shows_up_after_a_refund_filed_still_says_where_it_stands(converse):
    _, outcome = await converse("cus_bob", "I was charged twice", "when will it show up?")
    assert "5 to 10 business days" in outcome.reply and "RF-0001" in outcome.reply


# ---------------------------------------------------------------- a card, to pay for an upgrade

@pytest.mark.parametrize("messages", [("I want to upgrade to pro", "do I have to enter a card?"),
                                      ("do I need a card to upgrade?",)])
async def test_a_card_asked_of_an_upgrade_gets_the_ways_to_pay_and_the_card_on_file(converse, messages):
    *_, outcome = await converse("cus_carol", *messages)
    reply = outcome.reply
    assert reply.startswith("To pay for a paid plan, you need one of the ways our help centre lists: We accept Visa, "
                            "Mastercard and American Express cards."), reply
    assert "I don't see a card saved on your account. You can add one under **Billing → Payment method**." in reply
    assert "to sign up or to use the Free plan" not in reply


@pytest.mark.parametrize("message", ["do I need a credit card to sign up?", "do I need a card for the free plan?"])
async def test_a_card_asked_of_signing_up_still_says_the_help_centre_does_not_say(converse, message):
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith("Our help centre doesn't say whether you need a card to sign up or to use the Free "
                                    "plan"), outcome.reply


# ---------------------------------------------------------------- a slow app on a plan that never sleeps

@pytest.mark.parametrize(("customer", "slow", "plan"), [("cus_alice", "why is my app so slow?", "it's on pro"),
                                                        ("cus_bob", "my app takes ages to load", "we're on business"),
                                                        (None, "my app is really slow", "it's on pro")])
async def test_a_slow_app_on_a_paid_plan_is_told_sleep_is_not_the_cause_with_the_guides_other_steps(
        converse, customer, slow, plan):
    _, outcome = await converse(customer, slow, plan)
    reply = outcome.reply
    assert reply.startswith("Then sleep isn't the cause: apps on Pro and Business never sleep"), reply
    assert "1. Go to **App → Scaling**" in reply and "4. Add a health check path" in reply
    assert "on Free, apps sleep" not in reply  # the step on sleep is the one left out
    assert reply.index("1. Go to") < reply.index("3. Make start-up") < reply.index("4. Add a health")  # the guide's order
    assert "pass you to a person" in reply


async def test_a_slow_app_on_free_after_the_entry_on_sleep_is_told_that_is_likely_it(converse):
    _, outcome = await converse("cus_carol", "my app is slow", "it's on free")
    assert outcome.reply.startswith("Then that's likely it: as I said, apps on the Free plan sleep after 30 minutes"), (
        outcome.reply)
    assert "doesn't mention what you asked about" not in outcome.reply


async def test_a_paid_plan_the_records_do_not_show_is_still_not_this_rule(converse):
    _, outcome = await converse("cus_alice", "my app is slow", "it's on business")
    assert "Then sleep isn't the cause" not in outcome.reply


# ---------------------------------------------------------------- what the service credits are

@pytest.mark.parametrize("messages", [("can we get an SLA?", "what are the service credits?"),
                                      ("what is the sla?", "what are the credits?")])
async def test_what_the_service_credits_are_is_told_the_help_centre_gives_no_amount(converse, messages):
    *_, outcome = await converse("cus_bob", *messages)
    assert outcome.reply.startswith("Our help centre says missing the uptime SLA earns service credits, but not how much "
                                    "they are"), outcome.reply


# ---------------------------------------------------------------- a new billing address, given after asking

@pytest.mark.parametrize("address", ["it should go to finance@bobco.com", "the new one is finance@bobco.com"])
async def test_a_new_address_given_after_asking_to_change_the_billing_email_is_told_the_chat_cannot_set_it(
        converse, address):
    _, outcome = await converse("cus_bob", "I need to change our billing email", address)
    assert outcome.reply.startswith("I can't change your email address from this chat, but you can change it to the new "
                                    "one yourself."), outcome.reply
    assert "The address on your account now is bob@example.com." in outcome.reply


async def test_it_should_be_an_address_after_the_email_changes_steps_is_read_as_the_new_address(converse):
    _, outcome = await converse("cus_alice", "how do I change my email?", "it should be alice@newmail.com")
    assert outcome.reply.startswith("I can't change your email address from this chat"), outcome.reply


# ---------------------------------------------------------------- a plan said first, then a question

@pytest.mark.parametrize(("message", "own_plan", "read_as"), [
    ("we're on business, is the limit higher?", "Business", "is the limit higher on business?"),
    ("I'm on pro, how many apps can I have?", None, "how many apps can I have on pro?"),
    ("it's on the pro plan - what's the max?", "Pro", "what's the max on pro?"),
])
def test_a_plan_said_before_a_short_question_of_what_it_allows_is_asked_of_in_it(message, own_plan, read_as):
    from agents.service_terms import with_the_plan_said_first_moved

    assert with_the_plan_said_first_moved(message, own_plan=own_plan) == read_as


@pytest.mark.parametrize(("message", "own_plan"), [
    ("we're on business, can we move to pro?", "Business"), ("I'm on pro. My deploy fails?", "Pro"),
    ("I'm on free, do I need to cancel?", "Free"), ("we are on business plan. do we get an SLA?", "Business"),
    ("i'm on the free plan, how many apps can I have?", "Pro"),  # a plan claimed that isn't theirs: said as such
    ("we're on business, and we have a big team of engineers who need to know what the limits are?", "Business"),
])
def test_other_messages_with_a_plan_said_first_are_still_read_as_they_are(message, own_plan):
    from agents.service_terms import with_the_plan_said_first_moved

    assert with_the_plan_said_first_moved(message, own_plan=own_plan) == message


async def test_the_limit_asked_after_429s_with_the_plan_said_first_gets_that_plans_limit(converse):
    _, outcome = await converse("cus_bob", "can you check why our api is returning 429?",
                                "we're on business, is the limit higher?")
    assert outcome.reply.startswith("You're on the Business plan: the API allows 3,000 requests a minute on Business"), (
        outcome.reply)
    assert "1. Read the `Retry-After` header" not in outcome.reply  # the guide's steps again


# ---------------------------------------------------------------- switching later, after plans were compared

@pytest.mark.parametrize(("customer", "before", "asked"), [
    (None, "whats the difference between free and pro", "can I switch later?"),
    ("cus_alice", "what's the difference between pro and business?", "can I switch back later?"),
])
async def test_switching_later_after_plans_were_compared_gets_the_moves_up_and_down(converse, customer, before, asked):
    _, outcome = await converse(customer, before, asked)
    assert outcome.reply.startswith("Yes. To move up: Go to **Billing → Plan**"), outcome.reply
    assert "To move down: Go to **Billing → Plan** and choose the smaller plan." in outcome.reply


async def test_switching_later_with_no_plan_talked_of_is_still_not_read_as_a_plan_change(converse):
    _, outcome = await converse("cus_alice", "my deploy fails", "can I switch later?")
    assert "To move up" not in outcome.reply


# ---------------------------------------------------------------- what upgrading gets

@pytest.mark.parametrize(("customer", "opening"), [
    ("cus_carol", "You're on Free, which includes one app, shared resources and community support. Pro ($29.00 a month) "
                  "has everything in Free, plus up to 10 apps"),
    ("cus_alice", "You're on Pro ($29.00 a month), which includes up to 10 apps, custom domains and email support. "
                  "Business ($99.00 a month) has everything in Pro"),
    ("cus_bob", "You're already on the Business plan at $99.00 a month, so there's no change to make. Business is our "
                "highest plan"),
    (None, "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month."),
])
@pytest.mark.parametrize("message", ["what do I get if I upgrade?", "what are the benefits of upgrading?"])
async def test_what_upgrading_gets_is_what_the_plan_above_adds(converse, customer, opening, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(opening), outcome.reply
    assert "I can only help with" not in outcome.reply and "sign in" not in outcome.reply.lower()


# ---------------------------------------------------------------- the paid plans, and two plans named

@pytest.mark.parametrize("customer", [None, "cus_alice"])
@pytest.mark.parametrize("message", ["what do the paid plans include?", "what do you get on the paid plans?"])
async def test_what_the_paid_plans_include_gets_the_plans_not_a_sign_in_or_invoices(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith("We have three plans: **Free** at $0, **Pro** at $29/month and **Business**"), (
        outcome.reply)
    assert "invoices" not in outcome.reply


async def test_what_two_plans_named_include_tells_each(converse):
    (outcome,) = await converse(None, "what do pro and business include?")
    assert outcome.reply == ("Pro ($29.00 a month) includes up to 10 apps, custom domains and email support.\n\n"
                             "Business ($99.00 a month) includes unlimited apps, team members and priority support.")


async def test_what_one_plan_includes_is_still_that_plan_alone(converse):
    (outcome,) = await converse("cus_carol", "what does pro include?")
    assert outcome.reply == "Pro ($29.00 a month) includes up to 10 apps, custom domains and email support."


# ---------------------------------------------------------------- done, then what next

@pytest.mark.parametrize(("first", "done"), [("how do I turn on 2fa", "done, now what?"),
                                             ("how do I add a custom domain", "ok I did that, what's next?")])
async def test_done_then_what_next_after_steps_is_told_that_is_all_not_sent_back_to_the_first_step(converse, first, done):
    _, outcome = await converse("cus_alice", first, done)
    assert outcome.reply.startswith("If you've done what my last message describes, that's all there is to it"), (
        outcome.reply)
    assert "I don't have a guide on that" not in outcome.reply and "Start with the first step" not in outcome.reply


async def test_what_now_after_steps_is_still_their_first_step(converse):
    _, outcome = await converse("cus_alice", "how do I add a custom domain", "what now?")
    assert outcome.reply.startswith("Start with the first step from my last message:"), outcome.reply


async def test_done_now_what_to_open_a_chat_is_still_asked_what_to_help_with(converse):
    (outcome,) = await converse("cus_alice", "done, now what?")
    assert outcome.reply.startswith("What can I help you with?"), outcome.reply


# ---------------------------------------------------------------- leaving for another host

@pytest.mark.parametrize("message", ["we're moving to another provider", "I'm switching to a different host",
                                     "we are leaving northwind", "we're migrating away",
                                     "we're migrating away from you, how do I export everything?"])
async def test_a_customer_leaving_gets_what_to_do_before_they_go(converse, message):
    (outcome,) = await converse("cus_bob", message)
    reply = outcome.reply
    assert reply.startswith("I'm sorry to see you go. Before you move, from our help centre:"), reply
    assert "**Settings → Data → Export**" in reply and "**Cancel subscription**" in reply
    assert "**Settings → Account → Delete account**" in reply and "pass you to a person" in reply


async def test_a_free_customer_leaving_is_not_told_to_stop_paying(converse):
    (outcome,) = await converse("cus_carol", "I'm switching to a different host")
    assert "Cancel subscription" not in outcome.reply and "**Settings → Data → Export**" in outcome.reply


@pytest.mark.parametrize("message", ["we're switching to pro", "we're moving to eu-west", "i am going away and need to "
                                     "rent a car", "we're moving to another provider, why was I charged twice?"])
def test_other_moves_are_still_not_leaving_us(message):
    from agents.leaving_us import says_they_are_leaving

    assert not says_they_are_leaving(message)


# ---------------------------------------------------------------- what is done with customer data

@pytest.mark.parametrize("message", ["do you sell my data?", "do you share our data with third parties?"])
async def test_whether_our_data_is_sold_or_shared_is_told_the_help_centre_does_not_describe_it(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert outcome.reply.startswith("Our help centre doesn't describe what we do with customer data"), outcome.reply
    assert "GDPR compliant" in outcome.reply and "pass you to a person" in outcome.reply


@pytest.mark.parametrize("message", ["can I give my details to a person?", "how do I share my app with a colleague?",
                                     "can I share my invoices with my accountant?"])
def test_sharing_of_the_customers_own_is_still_not_about_our_use_of_data(message):
    assert uncovered_topic_asked(message) != "data_shared"


# ---------------------------------------------------------------- paying monthly, asked by a visitor

@pytest.mark.parametrize("messages", [("can I pay monthly?",), ("what's the cheapest plan with custom domains?",
                                                                "and can I pay monthly?")])
async def test_a_visitor_asking_to_pay_monthly_is_told_the_plans_are_priced_by_the_month(converse, messages):
    *_, outcome = await converse(None, *messages)
    reply = outcome.reply
    assert reply.startswith("Yes: our plans are priced by the month: Pro at $29.00 a month and Business at $99.00 a "
                            "month."), reply
    assert "As for paying: We accept Visa, Mastercard and American Express cards." in reply
    assert "sign in" not in reply.lower() and "I think you're asking about" not in reply


async def test_a_customer_asking_to_pay_monthly_is_still_told_they_already_do(converse):
    (outcome,) = await converse("cus_alice", "can I pay monthly?")
    assert outcome.reply.startswith("You already pay monthly: your Pro plan is $29.00 a month."), outcome.reply


# ---------------------------------------------------------------- "no wait" after the steps to cancel

@pytest.mark.parametrize("message", ["actually no wait", "wait, no, don't cancel it"])
async def test_no_wait_after_the_steps_to_cancel_takes_the_request_back(converse, message):
    _, outcome = await converse("cus_alice", "cancel my subscription", message)
    assert outcome.reply.startswith("No problem, I'll leave it there."), outcome.reply


async def test_no_wait_then_a_new_question_still_gets_that_question_answered(converse):
    (outcome,) = await converse("cus_alice", "no wait, how do I downgrade instead?")
    assert "choose the smaller plan" in outcome.reply


# ---------------------------------------------------------------- what a move down would save

@pytest.mark.parametrize(("customer", "message", "opening"), [
    ("cus_alice", "how much would I save if I go to free?",
     "You'd save $29.00 a month: you pay $29.00 a month for Pro, and Free costs nothing."),
    ("cus_bob", "what would we save by switching to pro?",
     "You'd save $70.00 a month: you pay $99.00 a month for Business, and Pro costs $29.00 a month."),
])
async def test_the_saving_of_a_move_down_is_worked_out_from_the_plans(converse, customer, message, opening):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(opening), outcome.reply
    assert "The downgrade takes effect at the end of your current billing period" in outcome.reply
    assert "I've left out details" not in outcome.reply  # the $70.00 is in the facts, so the guard lets it through


async def test_the_saving_asked_after_the_steps_to_cancel_and_a_change_of_mind_is_the_saving(converse):
    *_, outcome = await converse("cus_alice", "cancel my subscription", "actually no wait",
                                 "how much would I save if I go to free?")
    assert outcome.reply.startswith("You'd save $29.00 a month"), outcome.reply


async def test_the_billing_worker_works_out_what_a_move_to_each_other_plan_changes_a_month():
    from agents.providers.scripted import ScriptedProvider
    from tests.agents.fakes import Harness, ctx_for, intent, offline

    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)], replies=["Sure."])
    await Harness(provider=provider, fallback=offline()).run(ctx_for("what's my plan?", customer="cus_bob"))
    [call] = provider.calls_of("write_reply")
    assert call.facts["billing"]["plan_changes"] == [{"plan": "Free", "a_month": "less", "amount": "99.00"},
                                                    {"plan": "Pro", "a_month": "less", "amount": "70.00"}]


# ---------------------------------------------------------------- still down

async def test_still_down_what_do_we_do_after_the_incident_was_ruled_out_offers_a_person(converse):
    *_, outcome = await converse("cus_bob", "our site is down", "it's in us-east", "still down, what do we do?")
    assert outcome.reply.startswith("Sorry it's still down. As the open incident isn't the cause"), outcome.reply
    assert "Elevated API error rates" not in outcome.reply


@pytest.mark.parametrize("turns", [("my app is down", "it's in eu-west", "still down"),
                                   ("what is the incident?", "still down")])
async def test_still_down_while_the_incident_lasts_tells_where_it_stands_without_the_guides_steps_again(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    reply = outcome.reply
    assert reply.startswith("“Elevated API error rates in eu-west” is still open (status: investigating)"), reply
    assert ("The steps from our guide “Troubleshooting API errors (500, 502, 503) and timeouts” that I gave earlier are "
            "what you can check on your side meanwhile.") in reply
    assert "1. Check status.northwind.cloud" not in reply


async def test_still_down_to_open_a_chat_still_tells_the_incident_and_no_guide_given_earlier(converse):
    (outcome,) = await converse("cus_alice", "still down")
    assert outcome.reply.startswith("There's an active incident in eu-west"), outcome.reply
    assert "that I gave earlier" not in outcome.reply


@pytest.mark.parametrize("message", ["hi, we're moving to a new company name", "we're migrating away from vercel"])
def test_a_rename_or_a_move_to_us_is_still_not_leaving_us(message):
    from agents.leaving_us import says_they_are_leaving

    assert not says_they_are_leaving(message)


# ---------------------------------------------------------------- how build minutes are counted

@pytest.mark.parametrize("messages", [("is there a limit on build minutes?", "what counts as a build minute?"),
                                      ("how are build minutes counted?",)])
async def test_how_build_minutes_are_counted_is_told_the_help_centre_does_not_say(converse, messages):
    *_, outcome = await converse("cus_bob", *messages)
    assert outcome.reply.startswith("Our help centre doesn't say how build minutes are counted"), outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply  # the failed deploys guide's steps


async def test_how_long_a_build_may_take_is_still_the_plans_limit(converse):
    (outcome,) = await converse("cus_alice", "how long can a build take?")
    assert "builds of up to 45 minutes" in outcome.reply


# ---------------------------------------------------------------- an API key that stopped working

@pytest.mark.parametrize("message", ["my api key stopped working", "my api key is invalid", "our token doesn't work"])
async def test_an_api_key_said_to_have_stopped_working_is_a_person_with_no_guess(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith("Our help centre doesn't describe why an API key or token would stop working"), (
        outcome.reply)
    assert "Please don't paste the key here." in outcome.reply
    assert "Environment variables and secrets" not in outcome.reply  # the guide on the app's own keys


async def test_where_to_find_a_new_one_after_it_is_where_keys_are_kept(converse):
    _, outcome = await converse("cus_bob", "my api key stopped working", "where do I find a new one?")
    assert outcome.reply.startswith("Our help centre doesn't describe where API keys are kept"), outcome.reply


async def test_a_key_the_app_uses_still_gets_the_environment_guide(converse):
    (outcome,) = await converse("cus_bob", "how do I add my stripe api key?")
    assert "Environment variables and secrets" in outcome.reply


# ---------------------------------------------------------------- someone on the team left

@pytest.mark.parametrize("message", ["our team lead left the company", "my developer quit", "the account owner has left"])
async def test_someone_said_to_have_left_is_told_what_the_help_centre_covers_with_a_person(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith("Thanks for letting us know. Our help centre describes inviting team members but not "
                                    "removing them"), outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_the_owner_left_after_asking_to_hand_the_account_over_is_still_that_hand_over(converse):
    _, outcome = await converse("cus_bob", "I want to transfer ownership of the account",
                                "the current owner left the company")
    assert outcome.reply.startswith("I can't hand the account over to a new owner myself"), outcome.reply


# ---------------------------------------------------------------- a card declined on the way to a paid plan

@pytest.mark.parametrize("message", ["I want to upgrade but my card was declined",
                                     "my card was declined when I tried to upgrade"])
async def test_a_card_declined_while_upgrading_is_not_told_nothing_failed(converse, message):
    (outcome,) = await converse("cus_carol", message)
    reply = outcome.reply
    assert reply.startswith("A card declined while upgrading leaves nothing in the records I can see"), reply
    assert "try the upgrade again under **Billing → Plan**" in reply
    assert "so nothing has failed" not in reply


async def test_did_my_payment_fail_with_no_payments_is_still_that_nothing_failed(converse):
    (outcome,) = await converse("cus_carol", "did my payment fail?")
    assert outcome.reply == "I can't find any invoices or payments on your account, so nothing has failed."


# ---------------------------------------------------------------- signed out, and signing out

@pytest.mark.parametrize("message", ["I keep getting logged out", "it keeps signing me out",
                                     "why do I keep getting logged out?"])
async def test_being_signed_out_again_and_again_is_told_the_help_centre_does_not_say_why(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert "Our help centre doesn't describe why you'd be signed out" in outcome.reply, outcome.reply
    assert "I don't have a guide on that" not in outcome.reply


async def test_how_to_log_out_is_the_pages_sign_out(converse):
    (outcome,) = await converse("cus_alice", "how do I log out?")
    assert outcome.reply.startswith("Choose **Sign out** at the top right of the page"), outcome.reply
    assert "Failed deploys" not in outcome.reply


async def test_a_visitor_asking_how_to_log_out_is_told_they_are_not_signed_in(converse):
    (outcome,) = await converse(None, "how do I sign out")
    assert outcome.reply == "You're not signed in here, so there's nothing to sign out of."


async def test_how_to_log_out_through_the_api_is_still_not_told_of_a_page(converse):
    (outcome,) = await converse("cus_alice", "how do I log out?", channel="api")
    assert "top right" not in outcome.reply


async def test_signing_out_of_other_devices_is_said_to_be_undescribed(converse):
    (outcome,) = await converse("cus_alice", "sign me out of other devices")
    assert outcome.reply.startswith("Our help centre doesn't describe signing out of other devices"), outcome.reply


# ---------------------------------------------------------------- a cancellation wanted at once

@pytest.mark.parametrize(("first", "then"), [
    ("please cancel our subscription immediately", "I said immediately, not at the end of the period"),
    ("how do I cancel?", "can it end today?"),
])
async def test_a_cancellation_wanted_at_once_after_the_steps_is_told_the_help_centre_describes_none(converse, first, then):
    _, outcome = await converse("cus_bob", first, then)
    assert outcome.reply.startswith("Our help centre only describes a cancellation that takes effect at the end of the "
                                    "period you've paid for"), outcome.reply
    assert "I can only help with" not in outcome.reply


@pytest.mark.parametrize("then", ["ok what do I do now?", "cancel it now please"])
async def test_now_alone_after_the_steps_to_cancel_is_still_not_an_ending_at_once(converse, then):
    _, outcome = await converse("cus_alice", "how do I cancel?", then)
    assert "only describes a cancellation that takes effect" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the most instances an app may have

@pytest.mark.parametrize("messages", [("how do I enable autoscaling?", "what's the max number of instances?"),
                                      ("is there a limit on instances?",),
                                      # Was "the guide in my last message is all our help centre has on that".
                                      ("how do I scale my app?", "how many instances can I have on pro?")])
async def test_the_most_instances_is_told_the_help_centre_gives_no_figure(converse, messages):
    *_, outcome = await converse("cus_bob", *messages)
    assert outcome.reply.startswith("Our help centre doesn't give a maximum number of instances for any plan"), (
        outcome.reply)
    assert "My answer is the same" not in outcome.reply


@pytest.mark.parametrize("message", ["how many instances do I have?", "how many instances are running?",
                                     "how many instances should I run?"])
def test_the_apps_own_instances_are_still_not_the_limit(message):
    assert uncovered_topic_asked(message) != "instance_limit"


# ---------------------------------------------------------------- a plan for who the customer is

@pytest.mark.parametrize(("customer", "message", "said"), [
    (None, "is there a student plan?", "I can't find anything about discounts for students in our help centre"),
    ("cus_alice", "is there a student plan?", "I can't find anything about discounts for students in our help centre"),
    (None, "do you have nonprofit pricing?", "I can't find anything about discounts for nonprofits in our help centre"),
])
async def test_a_plan_for_who_the_customer_is_is_a_lower_price_asked(converse, customer, message, said):
    (outcome,) = await converse(customer, message)
    assert said in outcome.reply, outcome.reply
    assert "sign in" not in outcome.reply.lower() and "Here are your most recent invoices" not in outcome.reply


async def test_a_student_asking_which_plan_to_choose_is_still_told_it_depends_on_what_they_need(converse):
    (outcome,) = await converse(None, "I'm a student, which plan should I choose?")
    assert outcome.reply.startswith("Which plan suits you depends on what you need"), outcome.reply


# ---------------------------------------------------------------- the wrong email on the account

@pytest.mark.parametrize("message", ["I signed up with the wrong email", "I used the wrong email address for my account",
                                     "there's a wrong email on my account"])
async def test_a_wrong_email_on_the_account_gets_the_address_and_the_steps_to_change_it(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith("The email address on your account is alice@example.com. I can't change it from this "
                                    "chat, but you can: Go to **Settings → Profile**"), outcome.reply
    assert _NOT_ENOUGH not in outcome.reply


async def test_a_wrong_email_on_a_locked_account_says_it_must_be_unlocked_first(converse):
    (outcome,) = await converse("cus_carol", "I signed up with the wrong email")
    assert outcome.reply.endswith("You'll need to sign in for that, so the account has to be unlocked first: ask me to "
                                  "unlock it and I'll start that for you."), outcome.reply


# ---------------------------------------------------------------- one invoice a month

_ALICE_MONTHLY = ("Your Pro plan is billed each month, so there's one invoice a month, the first issued on 2026-09-01:\n"
                  "- NW-1001: $29.00, issued on 2026-09-01, paid\n- NW-1002: $29.00, issued on 2026-10-01, paid\n"
                  "- NW-1003: $29.00, issued on 2026-11-01, failed")


async def test_why_so_many_invoices_is_one_a_month_for_a_plan_billed_monthly(converse):
    (outcome,) = await converse("cus_alice", "why do I have 3 invoices?")
    assert outcome.reply == _ALICE_MONTHLY


async def test_only_signed_up_in_september_after_the_invoice_list_is_one_a_month_since(converse):
    _, outcome = await converse("cus_alice", "my invoices", "but I only signed up in september")
    assert outcome.reply == _ALICE_MONTHLY


async def test_invoices_asked_of_an_account_with_none_still_says_there_are_none(converse):
    (outcome,) = await converse("cus_carol", "why do I have 2 invoices?")
    assert outcome.reply.startswith("There are no invoices on your account yet"), outcome.reply


# ---------------------------------------------------------------- a bill explained

async def test_a_bill_explained_is_the_invoices_the_plans_price_and_why_one_failed(converse):
    (outcome,) = await converse("cus_alice", "can you explain my bill?")
    reply = outcome.reply
    assert "Each was $29.00, the Pro plan's price a month." in reply, reply
    assert "didn't go through because the card ending 4242 expired" in reply


@pytest.mark.parametrize("message", ["can you explain my bill?", "why was I charged?"])
async def test_a_bill_with_a_payment_taken_twice_says_so_and_offers_its_refund_once(converse, message):
    first, second = await converse("cus_bob", message, "yes please")
    assert ("But invoice NW-2002 was charged twice on 2026-11-15: the second payment of $99.00 is a duplicate, which is "
            "always refunded in full: tell me if you'd like me to ask for it.") in first.reply, first.reply
    assert "(reference RF-0001)" in second.reply, second.reply


async def test_why_charged_with_every_payment_once_still_says_only_the_plans_price(converse):
    (outcome,) = await converse("cus_alice", "why was I charged?")
    assert "Each was $29.00, the Pro plan's price a month." in outcome.reply and "charged twice" not in outcome.reply


# ---------------------------------------------------------------- a plan asked whether it includes what an entry is about

@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "does pro include ssl?"),
                                                   ("cus_carol", "does my plan include free SSL?")])
async def test_a_plan_asked_of_what_an_entry_is_about_gets_the_entry_without_a_guess_at_the_question(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith("Yes: every app and every custom domain gets a free TLS certificate"), outcome.reply
    assert "I think you're asking about" not in outcome.reply


async def test_a_plan_asked_of_what_no_entry_is_about_is_still_told_its_list_does_not_mention_it(converse):
    (outcome,) = await converse("cus_alice", "does pro include backups?")
    assert "That list doesn't mention what you asked about" in outcome.reply

