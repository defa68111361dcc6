"""What a thirteenth walk through the demo customers' conversations found, each fixed: a reply that lost the thread,
answered another question, or came out broken. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

_LIST = "Here are your most recent invoices:"
_SAME = "My answer is the same"
_OFFER = "would you like me to pass you to a person?"


@pytest.mark.parametrize(("customer", "message", "lead"), [
    # The list alone, newest first: the customer was left to find the one asked for.
    ("cus_alice", "what was my last invoice?", "Your latest invoice is NW-1003.\n\nYour payment for invoice NW-1003 "
                                              "($29.00, issued on 2026-11-01) didn't go through because the card ending "
                                              "4242 expired."),
    ("cus_bob", "what was my last invoice?", "Your latest invoice, NW-2002, is for $99.00, issued on 2026-11-15 and was "
                                            "paid on 2026-11-15.\n\nIt was charged twice, though"),
    ("cus_alice", "my first bill?", "Your first invoice, NW-1001, is for $29.00, issued on 2026-09-01 and was paid on "
                                   "2026-09-01."),
])
async def test_an_invoice_asked_for_by_its_age_leads_before_the_list(converse, customer, message, lead):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert _LIST in outcome.reply


async def test_the_one_before_the_last_invoice_is_still_the_one_before_it(converse):
    *_, outcome = await converse("cus_bob", "what was my last invoice?", "and the one before that?")
    assert outcome.reply.startswith("Invoice NW-2001 is for $99.00"), outcome.reply


async def test_the_last_invoice_on_an_account_with_none_is_still_said_to_be_none(converse):
    [outcome] = await converse("cus_carol", "what was my last invoice?")
    assert outcome.reply.startswith("There are no invoices on your account yet"), outcome.reply


_CHEAPEST = ("Our cheapest plan is Free, which costs nothing and includes one app, shared resources and community "
             "support. The cheapest paid plan is Pro ($29.00 a month), which includes up to 10 apps, custom domains and "
             "email support.")


@pytest.mark.parametrize(("customer", "message"), [
    # "Which plan suits you depends on what you need, so I won't pick one for you."
    (None, "whats the cheapest plan"),
    # Out of scope: the scope reply.
    (None, "what is the cheapest option"), ("cus_alice", "whats the cheapest option?"),
    # "I don't have a guide on that".
    (None, "cheapest option?"),
])
async def test_the_cheapest_plan_or_option_asked_is_named_with_what_it_includes(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(_CHEAPEST), outcome.reply


async def test_the_cheapest_plan_asked_from_free_says_they_are_on_it(converse):
    [outcome] = await converse("cus_carol", "what is the least expensive plan")
    assert outcome.reply == f"{_CHEAPEST}\n\nYou're on Free already.", outcome.reply


async def test_the_cheapest_plan_for_a_need_is_still_the_choice_left_to_the_customer(converse):
    [outcome] = await converse(None, "what's the cheapest plan for a small team?")
    assert not outcome.reply.startswith(_CHEAPEST), outcome.reply


async def test_what_the_upgrade_for_more_api_requests_costs_is_the_price_of_the_plan_named(converse):
    # Every plan's price, from the entry on plans (the FAQ shortcut).
    *_, outcome = await converse("cus_alice", "can I get more api requests?", "how much would that cost?")
    assert outcome.reply == "Business costs $99.00 a month. You're on the Pro plan at $29.00 a month.", outcome.reply
    assert outcome.route != "faq"


async def test_what_that_costs_after_the_scaling_guide_is_still_every_plans_price(converse):
    # The guide names Free only in passing ("on Free, apps sleep"): Free's price is no answer.
    *_, outcome = await converse("cus_alice", "how do I scale my app?", "how much does that cost?")
    assert outcome.reply.startswith("We have three plans: **Free** at $0"), outcome.reply


_SLEEPS = ("apps on the Free plan sleep after 30 minutes without traffic, and the first request afterwards takes a few "
           "seconds while the app starts. Apps on Pro and Business never sleep.")


@pytest.mark.parametrize(("customer", "turns"), [
    # The scaling guide's steps.
    ("cus_carol", ("why does my app go to sleep?", "its a free app")),
    # "The same goes for the Free plan. Apps on the Free plan sleep … What it says of Free: Apps on the Free plan …".
    ("cus_carol", ("why does my app go to sleep?", "I am on the free plan")),
    # The entry again, as if nothing had been said.
    (None, ("do free apps go to sleep?", "mine is a free app")),
])
async def test_the_plan_said_after_the_sleeping_apps_entry_is_told_it_applies_once(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply == f"Then this applies to you: {_SLEEPS}", outcome.reply


async def test_another_plan_said_after_an_answer_for_one_is_still_the_same_for_that_plan(converse):
    *_, outcome = await converse("cus_alice", "what is the memory limit on pro", "we are on business though")
    assert outcome.reply.startswith("The same goes for the Business plan."), outcome.reply


@pytest.mark.parametrize("message", ["its free", "it's free?", "it is free right"])
def test_it_is_free_alone_is_not_a_plan_stated(message):
    from agents.follow_ups.plans import states_own_plan

    assert not states_own_plan(message)


_PDF_ONLY = ("What it says: All your invoices are under **Billing → Invoices**, where you can download each one as a PDF. "
             "We also email every invoice to your billing address when it is issued.")


@pytest.mark.parametrize(("customer", "turns", "format_named"), [
    # "I don't have a guide on that".
    ("cus_alice", ("show me my invoices", "as a zip?"), "a ZIP"),
    # The list again, behind "my answer is the same".
    ("cus_alice", ("show me my invoices", "can I download them all as a zip?"), "a ZIP"),
    ("cus_bob", ("show me my invoices", "zip them up please"), "a ZIP"),
    ("cus_bob", ("can I get my invoices in csv?",), "CSV"),
    (None, ("can I get my invoices as excel?",), "Excel"),
])
async def test_invoices_asked_for_in_a_format_the_help_centre_doesnt_name_are_told_it_names_a_pdf(converse, customer,
                                                                                                   turns, format_named):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(f"Our help centre doesn't describe getting invoices as {format_named}, so I'd "
                                    f"rather not promise that. {_PDF_ONLY}"), outcome.reply
    assert _OFFER in outcome.reply and _SAME not in outcome.reply


async def test_invoices_as_a_pdf_are_still_the_entry_on_invoices(converse):
    *_, outcome = await converse("cus_alice", "show me my invoices", "as pdf?")
    assert outcome.reply.startswith("All your invoices are under **Billing → Invoices**"), outcome.reply


async def test_data_exported_as_a_zip_is_still_the_export(converse):
    [outcome] = await converse("cus_alice", "can I export my data as a zip?")
    assert "Settings → Data → Export" in outcome.reply and "doesn't describe getting invoices" not in outcome.reply


async def test_a_copy_of_every_invoice_gets_the_list_and_where_to_download_them(converse):
    # The list alone.
    [outcome] = await converse("cus_bob", "I need a copy of every invoice this year")
    assert outcome.reply.startswith(_LIST), outcome.reply
    assert "where you can download each one as a PDF" in outcome.reply


_ME = ("I'm Northwind Cloud's automated support assistant, not a person. I can help with your account, billing and "
       "plans, and with your apps.")


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    # "My answer is the same as in my last message:" and the answer again.
    ("cus_alice", ("who are you", "are you a bot"), "Yes, as I said:"),
    (None, ("who are you?", "are you human?"), "No, as I said:"),
    ("cus_bob", ("are you a bot?", "are you a bot or a person?"), "As I said,"),
])
async def test_what_answers_asked_again_is_answered_yes_or_no_not_as_the_same_answer(converse, customer, turns, lead):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(f"{lead} {_ME}"), outcome.reply
    assert _SAME not in outcome.reply


_NO_TIME_LIMIT = ("Our help centre names no time limit on the Free plan, so as far as it says, you can stay on it as long "
                  "as you like.")


@pytest.mark.parametrize(("customer", "message"), [
    (None, "how long can I stay on free?"),  # out of scope: the scope reply
    (None, "is the free plan free forever?"),  # the entry on Free alone
    ("cus_alice", "does the free plan expire?"),  # the entry, and her expired card
])
async def test_how_long_the_free_plan_lasts_is_told_no_limit_is_named(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(f"{_NO_TIME_LIMIT} What it says of Free: The Free plan costs $0"), outcome.reply
    assert "4242" not in outcome.reply


async def test_how_long_the_free_plan_lasts_asked_from_free_says_they_are_on_it(converse):
    [outcome] = await converse("cus_carol", "is there a time limit on the free plan?")
    assert outcome.reply.startswith(f"{_NO_TIME_LIMIT} You're on it now."), outcome.reply


@pytest.mark.parametrize("message", ["how long do free apps sleep?", "how long can a build run on free",
                                     "is the free plan good?"])
def test_other_questions_about_free_are_still_not_its_duration(message):
    from agents.service_terms import asks_how_long_free_lasts

    assert not asks_how_long_free_lasts(message)


_NO_PROMISE = ("Our help centre doesn't say whether your app is unreachable while DNS updates, so I'd rather not promise "
               "there's no downtime.\n\nWhat our guide “Custom domains and DNS” says of the switch:\nWait for DNS to "
               "update, usually within an hour")


@pytest.mark.parametrize(("customer", "turns"), [
    # The domains guide again, behind "my answer is the same".
    ("cus_alice", ("how do I move my domain to another app?", "will it have downtime?")),
    # The domains guide's steps.
    ("cus_bob", ("will there be downtime when I switch dns?",)),
    # The open incident, as if an outage were reported.
    ("cus_alice", ("will my site go down while dns updates?",)),
])
async def test_downtime_asked_of_a_dns_change_is_told_the_guide_doesnt_say(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(_NO_PROMISE), outcome.reply
    assert _OFFER in outcome.reply and "incident" not in outcome.reply


async def test_a_site_reported_down_is_still_told_of_the_open_incident(converse):
    [outcome] = await converse("cus_bob", "my site is down")
    assert "There's an active incident in eu-west" in outcome.reply, outcome.reply


_NO_ESTIMATE = "I don't have an estimate for when it will be fixed"


@pytest.mark.parametrize("turns", [
    # "Our help centre doesn't say how long your app's logs are kept": the 5xx guide's step names the logs.
    ("our api is returning 503s", "how long will it take to fix?"),
    ("our api is returning 503s", "is it on your side?", "how long will it take to fix?"),
])
async def test_how_long_a_fix_takes_during_an_incident_is_not_read_as_how_long_logs_are_kept(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert _NO_ESTIMATE in outcome.reply and "logs are kept" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("turns", [("where can I see my logs?", "how far back do they go?"),
                                   ("where are my logs?", "how long are they kept?")])
async def test_how_long_logs_are_kept_is_still_told_it_is_unsaid(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("Our help centre doesn't say how long your app's logs are kept"), outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    # The API's rate limits, for "limit".
    ("cus_alice", "can I increase the limit?", "You're on the Pro plan: Pro and Business have unlimited deploys and "
                                               "builds of up to 45 minutes."),
    ("cus_carol", "could we increase the limit?", "You're on the Free plan: Free accounts get 10 deploys a day and builds "
                                              "of up to 15 minutes."),
])
async def test_a_limit_asked_to_be_raised_after_a_build_timed_out_is_the_build_limit(converse, customer, message, lead):
    *_, outcome = await converse(customer, "my build keeps timing out", message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "requests a minute" not in outcome.reply


async def test_a_limit_asked_to_be_raised_after_429s_is_still_the_rate_limit(converse):
    *_, outcome = await converse("cus_bob", "i get 429 errors", "can I increase the limit?")
    assert outcome.reply.startswith("You're on the Business plan: the API allows 3,000 requests a minute"), outcome.reply


@pytest.mark.parametrize(("customer", "message", "reply"), [
    # "Your plan, Pro ($29.00 a month), includes up to 10 apps, custom domains and email support."
    ("cus_alice", "how many can I add on pro?",
     "You're on Pro, and our help centre says: Free and Pro accounts can invite up to 3 members."),
    ("cus_bob", "how many can I add on pro?", "On Pro, our help centre says: Free and Pro accounts can invite up to 3 "
                                              "members."),
    ("cus_alice", "how many can I invite on business?", "On Business, our help centre says: Business accounts have no "
                                                         "limit and can use custom roles."),
])
async def test_how_many_asked_of_a_plan_after_the_teams_entry_is_that_plans_count(converse, customer, message, reply):
    *_, outcome = await converse(customer, "how do I add a team member?", message)
    assert outcome.reply == reply, outcome.reply


@pytest.mark.parametrize("turns", [
    # The invoice list.
    ("hi my payment failed", "will you charge me again?"),
    ("hi my payment failed", "i updated my card yesterday", "so will you charge me again?"),
])
async def test_whether_a_failed_payment_is_taken_again_is_told_when(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("We'll try the payment for NW-1003 again by ourselves once a new card is saved under "
                                    "**Billing → Payment method**."), outcome.reply
    assert _LIST not in outcome.reply


async def test_a_charge_next_month_asked_is_still_the_renewal(converse):
    [outcome] = await converse("cus_bob", "will you charge me again next month?")
    assert outcome.reply.startswith("Your Business plan renews on"), outcome.reply


_REGION_MOVE = "It doesn't describe moving an app that's already running to another region"


@pytest.mark.parametrize(("customer", "turns"), [
    # "I don't have a guide on that".
    (None, ("what regions do you have?", "can I move my app later?")),
    # Out of scope: the scope reply.
    ("cus_bob", ("which regions can I deploy to?", "can we switch later?")),
])
async def test_a_move_later_asked_after_the_regions_is_a_move_between_regions(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("What our help centre says: You can run apps in three regions"), outcome.reply
    assert _REGION_MOVE in outcome.reply


async def test_a_move_later_asked_after_anything_else_is_still_not_a_region_move(converse):
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", "can I move it later?")
    assert _REGION_MOVE not in outcome.reply, outcome.reply


_GRACE = ("Our help centre says: Cancel any paid plan first; deleting removes your apps and data for good after a 7-day "
          "grace period, during which you can change your mind.")


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "can I get it back after?"),  # technical: "no guide"
    ("cus_alice", "can I undo it?"),  # the entry again, behind "my answer is the same"
    ("cus_bob", "can I restore it?"),  # a handoff: "I couldn't put an answer together"
])
async def test_taking_back_a_deletion_asked_after_its_steps_is_told_the_grace_period(converse, customer, message):
    *_, outcome = await converse(customer, "how do I delete my account?", message)
    assert outcome.reply == _GRACE, outcome.reply


_SEND_ON = ("I can't send invoices to that address from this chat: they only go to the email address on your account, "
            "bob@example.com. You can download each invoice as a PDF under **Billing → Invoices** and send it on "
            "yourself.")


@pytest.mark.parametrize("message", [
    "accounting@bobco.com",  # the email change's steps, by the FAQ shortcut
    "their email is accounting@bobco.com",  # the account's address and the email change's steps
    "send it to accounting@bobco.com",  # the same again, behind "my answer is the same"
])
async def test_an_address_given_after_invoices_were_said_to_go_to_the_accounts_is_told_to_send_it_on(converse, message):
    *_, outcome = await converse("cus_bob", "I need an invoice for october", "can you send it to our accountant?",
                                 message)
    assert outcome.reply == _SEND_ON, outcome.reply


_RESET_THERE_ONLY = ("I can't send the reset link to another address: our password reset sends it only to the email "
                     "address on the account")


@pytest.mark.parametrize(("customer", "turns", "own"), [
    # Where invoices go, and how to change it.
    ("cus_carol", ("hello, I forgot my password", "I didnt get the email", "can you send it to another email?"),
     ", carol@example.com."),
    # "The email address on your account is alice@example.com." alone.
    ("cus_alice", ("I forgot my password", "can you send the link to my work email instead?"), ", alice@example.com."),
    (None, ("I forgot my password", "send the reset link to a different email please"), "."),
])
async def test_a_reset_link_asked_at_another_address_is_told_it_goes_to_the_accounts_only(converse, customer, turns,
                                                                                          own):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(f"{_RESET_THERE_ONLY}{own}"), outcome.reply
    assert "I can pass you to a person" in outcome.reply and "Billing → Invoices" not in outcome.reply
    assert ("As you're signed in here, you can change that address first" in outcome.reply) == (customer is not None)


async def test_an_invoice_asked_at_another_address_is_still_told_where_invoices_go(converse):
    *_, outcome = await converse("cus_bob", "I need an invoice for october", "can you send it to another email?")
    assert "Invoices go to the email address on your account" in outcome.reply, outcome.reply
    assert "reset link" not in outcome.reply


@pytest.mark.parametrize("message", ["is northwind good for a startup?", "is northwind any good?"])
async def test_whether_we_suit_a_visitor_is_answered_with_the_plans(converse, message):
    # "I'm sorry, I don't have enough information to answer that properly".
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("Glad you're considering us! We have three plans"), outcome.reply


@pytest.mark.parametrize(("customer", "message", "then"), [
    # "I'm sorry this has been frustrating, and that I haven't been more help so far."
    ("cus_bob", "why is it taking so long?",
     "I can see that invoice NW-2002 ($99.00) would qualify for a refund: tell me if you'd like me to ask for it."),
    ("cus_alice", "this is taking forever", "Would you like me to pass you to a person"),
])
async def test_waiting_complained_of_after_no_refund_was_found_is_told_none_was_asked_for(converse, customer, message,
                                                                                         then):
    *_, outcome = await converse(customer, "whats the status of my refund?", message)
    assert outcome.reply == ("I'm sorry for the confusion: nothing is held up, because no refund has been asked for on "
                             f"your account yet. {then}") or outcome.reply.startswith(
        "I'm sorry for the confusion: nothing is held up, because no refund has been asked for on your account yet. "
        f"{then}"), outcome.reply


async def test_yes_after_the_refund_offered_again_files_it(converse):
    *_, outcome = await converse("cus_bob", "whats the status of my refund?", "why is it taking so long?", "yes please")
    assert "(reference RF-0001)" in outcome.reply, outcome.reply


async def test_frustration_with_nothing_before_it_is_still_met_with_an_apology(converse):
    [outcome] = await converse("cus_carol", "this is useless")
    assert outcome.reply.startswith("I'm sorry you're having a frustrating time."), outcome.reply


@pytest.mark.parametrize(("customer", "message", "reply"), [
    # "I'm sorry, I don't have enough information to answer that properly".
    (None, "which one has priority support?", "Priority support comes with Business ($99.00 a month)."),
    # The custom domains guide's steps.
    (None, "which one has custom domains?", "Custom domains come with Pro ($29.00 a month) and the plans above it."),
])
async def test_which_one_has_it_after_two_plans_were_compared_is_the_plan_that_has_it(converse, customer, message,
                                                                                      reply):
    *_, outcome = await converse(customer, "what is the difference between pro and business?", message)
    assert outcome.reply == reply, outcome.reply


async def test_which_plan_has_a_thing_only_the_help_centre_names_is_told_from_its_entry(converse):
    # "Team roles" is in the help centre's entry on the plans, not the plans' own lines: the invoice list came.
    [outcome] = await converse("cus_alice", "which plan includes team roles?")
    assert outcome.reply.startswith("Team roles come with Business."), outcome.reply
    assert "You're on Pro, which does not" in outcome.reply and _LIST not in outcome.reply


async def test_which_one_has_it_after_a_guide_is_still_not_read_as_which_plan(converse):
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", "which one has it?")
    assert "come with" not in outcome.reply, outcome.reply


_MORE_APPS = ("As my last message said: your plan, Free, includes one app. Pro ($29.00 a month) includes up to 10 apps; "
              "you can change plan under **Billing → Plan**.")


@pytest.mark.parametrize("message", [
    "how much to get more?",  # out of scope: the scope reply
    "how much would it cost to get more?",  # the same again, behind "my answer is the same"
])
async def test_what_more_apps_cost_after_the_app_count_is_the_price_just_given(converse, message):
    *_, outcome = await converse("cus_carol", "can I have 2 apps?", message)
    assert outcome.reply == _MORE_APPS, outcome.reply


async def test_a_custom_domain_asked_after_what_cancelling_loses_is_what_free_lacks(converse):
    # The custom domains guide's steps.
    *_, outcome = await converse("cus_alice", "i want to cancel", "will i lose my apps?", "and my custom domain?")
    # Since the fourteenth walk, read as what cancelling (the move to Free) does to it, by billing's part.
    assert outcome.reply.startswith("Custom domains come with Pro ($29.00 a month) and the plans above it, not with "
                                    "Free"), outcome.reply
    assert "CNAME" not in outcome.reply


_NOT_REQUIRED = ("No: our help centre describes two-factor authentication as something you turn on yourself, and doesn't "
                 "say it's required.")


@pytest.mark.parametrize(("customer", "turns", "own"), [
    # The unlock and the steps to turn it on again: Carol's account is locked.
    ("cus_carol", ("whats 2fa", "is it required?"), " It's off on your account now. It's worth"),
    # "I couldn't put an answer together just now" and a handoff.
    (None, ("is 2fa mandatory?",), " It's worth"),
    ("cus_bob", ("how do I turn on 2fa?", "do I have to turn it on?"),
     " It's off on your account now, and your password alone signs you in. It's worth"),
])
async def test_whether_two_factor_is_required_is_told_it_is_turned_on_by_choice(converse, customer, turns, own):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(f"{_NOT_REQUIRED}{own}"), outcome.reply
    assert "Go to **Settings → Security → Two-factor authentication**" in outcome.reply


@pytest.mark.parametrize("message", ["how do I set it up?", "how do I turn it on?", "do I need an app for it?"])
def test_other_questions_about_two_factor_are_still_not_whether_it_is_required(message):
    from agents.own_data import asks_if_two_factor_is_required

    assert not asks_if_two_factor_is_required(message, last_reply="Two-factor authentication is off.")


async def test_an_error_quoted_in_words_after_the_steps_gets_the_step_that_fits_it(converse):
    # The same steps again, behind "my answer is the same".
    *_, outcome = await converse("cus_carol", "my app wont start", "it says port already in use")
    assert outcome.reply.startswith("Thanks for sending the error. The step of our guide “Failed deploys and build "
                                    "timeouts” that fits it:\n4. If the app builds but fails on start, check that it "
                                    "listens on the `PORT` environment variable."), outcome.reply


@pytest.mark.parametrize(("customer", "message", "to"), [
    # The next plan's price and contents, nothing of when.
    ("cus_alice", "will I be charged immediately if I upgrade?", " to Business ($99.00 a month)"),
    ("cus_alice", "if I upgrade do I pay straight away?", " to Business ($99.00 a month)"),
    ("cus_carol", "when will I be charged if I upgrade?", " to Pro ($29.00 a month)"),
    (None, "if I upgrade to business when do I pay?", " to Business ($99.00 a month)"),
])
async def test_when_an_upgrade_is_charged_is_told_from_the_entry_on_upgrading(converse, customer, message, to):
    [outcome] = await converse(customer, message)
    assert outcome.reply == (f"If you upgrade{to}: the upgrade applies at once and we charge the difference for the "
                             "rest of the month."), outcome.reply


async def test_an_upgrade_charge_asked_from_the_top_plan_is_still_told_there_is_none_above(converse):
    [outcome] = await converse("cus_bob", "will I be charged if I upgrade?")
    assert "there's no tier above it" in outcome.reply, outcome.reply


async def test_old_invoices_asked_after_the_steps_to_add_company_details_are_told_they_are_not_changed(converse):
    # The invoice list.
    *_, outcome = await converse("cus_bob", "the invoice shows the wrong company name", "what about old invoices?")
    assert outcome.reply.startswith("Not on invoices already issued, as our help centre puts it: They appear on every "
                                    "invoice issued after you save them."), outcome.reply


async def test_why_not_after_nothing_to_refund_on_free_is_that_nothing_was_charged(converse):
    # "My answer is the same as in my last message: I can't find any charges on your account …".
    *_, outcome = await converse("cus_carol", "can I get a refund?", "why not?")
    assert outcome.reply.startswith("You're on the Free plan, which costs nothing, so we haven't charged you anything. "
                                    "A refund gives back a charge"), outcome.reply
    assert _OFFER in outcome.reply and _SAME not in outcome.reply


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    # The regions' entry alone.
    ("cus_bob", ("my site is slow for users in asia", "which region should I use?"),
     "Of our regions, ap-southeast (Singapore) is the nearest to Asia."),
    # "Which region do you recommend?" alone got the same entry.
    (None, ("our customers are in germany", "which region do you recommend?"),
     "Of our regions, eu-west (Ireland) is the nearest to Germany."),
])
async def test_a_region_to_pick_after_saying_where_users_are_is_the_nearest_one(converse, customer, turns, lead):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead), outcome.reply


async def test_a_region_to_pick_with_no_place_said_is_still_the_regions_entry(converse):
    [outcome] = await converse("cus_alice", "which region should I use?")
    assert outcome.reply.startswith("You can run apps in three regions"), outcome.reply


@pytest.mark.parametrize(("message", "kind"), [
    ("do you support websockets on my app?", "websockets"),  # "no guide"
    ("can I run cron jobs?", "cron jobs"),
    ("does northwind support grpc?", "grpc"),
])
async def test_what_an_app_does_asked_of_us_is_told_the_help_centre_lists_no_kinds(converse, message, kind):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("Our help centre doesn't list the languages, frameworks or kinds of app that run on "
                                    f"Northwind Cloud, so I can't tell you for certain about {kind}"), outcome.reply


@pytest.mark.parametrize("message", ["can I transfer my account to someone else?",  # "not enough information"
                                     "how do I give my account to a colleague?"])
async def test_an_account_handed_to_someone_else_is_told_the_help_centre_doesnt_describe_it(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("Our help centre doesn't describe moving an account to another owner"), outcome.reply


async def test_when_a_daily_limit_resets_is_told_the_help_centre_gives_the_limit_not_that(converse):
    # "I don't have a guide on that".
    *_, outcome = await converse("cus_carol", "what happens if I do more than 10 deploys a day?", "when does it reset?")
    assert outcome.reply.startswith("Our help centre gives the limit (Free accounts get 10 deploys a day"), outcome.reply
    assert "but not when its count starts again" in outcome.reply


async def test_a_how_to_that_names_nothing_of_an_entry_is_not_answered_with_it(converse):
    # The steps to turn on two-factor, for "enable" in them.
    [outcome] = await converse("cus_alice", "how do I enable http2 on my app?")
    assert "Two-factor" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["how do I enable 2fa?", "how do I turn on two factor?"])
async def test_a_how_to_naming_two_factor_still_gets_its_entry(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "Go to **Settings → Security → Two-factor authentication**" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("turns"), [
    # The domains guide's steps again.
    ("I need help with my domain", "it says DNS_PROBE_FINISHED_NXDOMAIN"),
    ("my custom domain doesnt work", "chrome says ERR_NAME_NOT_RESOLVED"),
])
async def test_a_browsers_error_code_sent_after_the_steps_is_thanked_for_not_answered_with_them_again(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("Thanks for sending the error."), outcome.reply
    assert "CNAME" not in outcome.reply and _OFFER in outcome.reply


async def test_another_currency_asked_of_the_invoices_is_told_the_help_centre_doesnt_say(converse):
    # "Your invoices are in US dollars (USD)." alone.
    *_, outcome = await converse("cus_bob", "how do I get an invoice for our accounting?",
                                 "can I get it in a different currency?")
    assert outcome.reply.startswith("Your invoices are in US dollars (USD).\n\nOur help centre doesn't say whether you "
                                    "could be billed in another currency"), outcome.reply


async def test_the_currency_billed_in_asked_is_still_only_that(converse):
    [outcome] = await converse("cus_alice", "what currency am I billed in?")
    assert outcome.reply == "Your invoices are in US dollars (USD).", outcome.reply


_NO_OTHER_WAY = ("Of those plans, Pro costs least. Our help centre describes no other way to keep an app from sleeping, so "
                 "I'd rather not guess one.")


@pytest.mark.parametrize("turns", [
    # Free's contents, as if the plan were asked about.
    ("why is my app so slow?", "how do I fix that for free?"),
    # "You're on the Free plan, which costs nothing."
    ("do free apps go to sleep?", "can I stop it without paying?"),
    # "There are no invoices on your account yet".
    ("do free apps go to sleep?", "how do I stop that?", "is there a free way?"),
])
async def test_a_free_way_to_keep_an_app_awake_is_told_the_help_centre_gives_none(converse, turns):
    *_, outcome = await converse("cus_carol", *turns)
    assert outcome.reply.startswith(_NO_OTHER_WAY), outcome.reply


@pytest.mark.parametrize("turns", [
    # "My answer is the same as in my last message": that the help centre doesn't describe the steps to sign up.
    ("how do I create an account?", "is it free to sign up?"),
    ("is it free to sign up?",),
])
async def test_whether_signing_up_is_free_is_told_of_the_free_plan(converse, turns):
    *_, outcome = await converse(None, *turns)
    assert outcome.reply.startswith("There's a Free plan, which costs nothing: The Free plan costs $0"), outcome.reply
    assert _SAME not in outcome.reply


async def test_how_to_sign_up_is_still_told_the_steps_are_not_described(converse):
    [outcome] = await converse(None, "how do I create an account?")
    assert outcome.reply.startswith("Our help centre doesn't describe the steps to sign up"), outcome.reply
    assert "Free plan, which costs nothing" not in outcome.reply


@pytest.mark.parametrize(("message", "said"), [
    # "I think you're asking about “How do I add team members?”": the team's entry as a guess.
    ("will we lose team roles?", "no longer “Business accounts have no limit and can use custom roles”"),
    ("will we lose priority support?", "Yes: our help centre says Business has it and Pro doesn't"),
])
async def test_a_feature_asked_after_a_downgrade_without_my_is_what_the_smaller_plan_keeps(converse, message, said):
    *_, outcome = await converse("cus_bob", "I'd like to downgrade to pro", message)
    assert said in outcome.reply, outcome.reply
    assert "I think you're asking about" not in outcome.reply


@pytest.mark.parametrize("message", ["we already did that", "we already did it"])
async def test_company_details_said_to_be_saved_already_are_told_which_invoices_show_them(converse, message):
    # The steps again, behind "my answer is the same".
    *_, outcome = await converse("cus_bob", "can we get an invoice in our company name?", message)
    assert outcome.reply.startswith("Then, as our help centre puts it: They appear on every invoice issued after you "
                                    "save them. An invoice issued before you saved them stays as it was."), outcome.reply
    assert _SAME not in outcome.reply and _OFFER in outcome.reply


@pytest.mark.parametrize(("customer", "message"), [("cus_bob", "do we get a dedicated account manager?"),
                                                   (None, "is there a customer success manager?")])
async def test_an_account_manager_asked_for_is_told_the_help_centre_mentions_none(converse, customer, message):
    # "I'm sorry, I don't have enough information to answer that properly".
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't mention a dedicated account manager or contact"), (
        outcome.reply)
    assert _OFFER in outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    (None, "how long do they take?"),  # out of scope: the scope reply
    ("cus_alice", "how long does it take?"),  # the refund window, as if how long there is to ask were asked
])
async def test_how_long_refunds_take_asked_after_the_policy_is_their_time_to_arrive(converse, customer, message):
    *_, outcome = await converse(customer, "how do refunds work?", message)
    assert outcome.reply == ("Once a refund is approved it usually reaches your card in 5 to 10 business days, depending "
                             "on your bank."), outcome.reply
