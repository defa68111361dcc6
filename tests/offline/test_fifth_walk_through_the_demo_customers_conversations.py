"""Found chatting through the demo customers' conversations a fifth time (stop 36): a follow-up counted from the wrong
thing, a plan's figure left out, and ways of saying "I can't get in" that got another question's answer."""

from __future__ import annotations

import pytest

TEAM_ENTRY = "Go to **Settings → Team → Invite**"


async def test_a_plan_named_after_a_guide_gets_what_the_guide_says_of_that_plan_before_its_steps(converse):
    # "The same goes for the Business plan. Our guide … covers this.", and nothing of Business's limit.
    _, outcome = await converse("cus_bob", "I'm getting 429 errors", "we're on business though")
    assert outcome.reply.startswith("The same goes for the Business plan."), outcome.reply
    assert ("What it says of Business:\nThe Northwind API allows 60 requests a minute on Free, 600 on Pro and 3,000 "
            "on Business, counted per account.") in outcome.reply


def test_an_article_match_carries_what_the_guide_says_before_its_steps(kb_retriever):
    top = kb_retriever.search("429 too many requests", k=1)[0]
    assert top.lead == ("The Northwind API allows 60 requests a minute on Free, 600 on Pro and 3,000 on Business, "
                        "counted per account. Requests over the limit get HTTP 429 Too Many Requests.")
    assert not any(step in top.lead for step in top.steps)


@pytest.mark.parametrize("follow_up", ["and the month before?", "and before that?", "what about the previous month?"])
async def test_the_month_before_counts_from_the_payment_the_answer_led_with_not_its_list(converse, follow_up):
    # The answer leads with NW-1002 and lists all three invoices after it: "I'm not sure which one you're counting
    # from", or (for "and the month before?") the same answer again.
    _, outcome = await converse("cus_alice", "what was I charged last month?", follow_up)
    assert outcome.reply.startswith("Invoice NW-1001 is for $29.00, issued on 2026-09-01"), outcome.reply


async def test_the_month_before_the_first_invoice_is_said_to_be_none(converse):
    _, outcome = await converse("cus_bob", "what did I pay in october?", "and the month before?")
    assert outcome.reply.startswith("NW-2001 is the first invoice on your account, so there's none before it."), \
        outcome.reply


async def test_the_month_before_after_a_list_of_invoices_still_asks_which_one(converse):
    _, outcome = await converse("cus_alice", "show me my invoices", "and the month before?")
    assert outcome.reply.startswith("My last message listed several invoices, newest first"), outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_alice", "I have no access to my account", "Your account (alice) isn't locked — it's active."),
    ("cus_alice", "I'm unable to access my dashboard", "Your account (alice) isn't locked — it's active."),
    # "Your account (alice) is active, on the Pro plan.", then "I don't have enough information".
    ("cus_alice", "i lost access to my account", "Your account (alice) isn't locked — it's active."),
    ("cus_carol", "I have no access to my account", "Your account (carol) is locked — five failed sign-ins."),
    (None, "I have no access to my account", "Here's what usually gets you back in, from our help centre:"),
    (None, "we've lost access to our account", "Here's what usually gets you back in, from our help centre:"),
])
async def test_saying_you_have_no_access_to_your_account_gets_the_ways_back_in_not_the_team_invite(
        converse, customer, message, lead):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert TEAM_ENTRY not in outcome.reply and "enough information" not in outcome.reply


@pytest.mark.parametrize("message", ["my colleague has no access to my account",
                                     "how do I give my colleague access to my account?"])
async def test_access_for_someone_else_is_still_the_team_invite(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert TEAM_ENTRY in outcome.reply and "isn't locked" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["how do I create an access token?", "where are my access keys?"])
async def test_an_access_token_is_no_question_about_getting_into_the_account(converse, message):
    # "Your account (alice) is active, on the Pro plan.", then "I don't have enough information".
    [outcome] = await converse("cus_alice", message)
    assert "is active" not in outcome.reply and "isn't locked" not in outcome.reply, outcome.reply


DUPLICATE_ENTRY = "A duplicate charge is always refunded in full."


async def test_asking_whether_the_new_card_will_be_charged_is_not_the_entry_on_a_double_charge(converse):
    # The FAQ shortcut sent the entry on a charge taken twice (0.93 for "will you charge it now?").
    *_, outcome = await converse("cus_alice", "my card expired", "done, I updated it", "will you charge it now?")
    assert outcome.route != "faq" and DUPLICATE_ENTRY not in outcome.reply, outcome.reply
    assert "We'll try the payment for NW-1003 again by ourselves once a new card is saved" in outcome.reply


@pytest.mark.parametrize(("message", "speaks_of_it"), [
    ("will you charge it now?", False), ("what is this charge on my account", False), ("i was charged twice", True),
    ("why do I have 2 payments for november", True), ("you charged me again", True), ("refund the duplicate", True),
])
def test_a_charge_taken_more_than_once_is_told_by_its_words(message, speaks_of_it):
    from agents.own_data import speaks_of_more_than_one_charge, with_double_charge_spelled

    assert speaks_of_more_than_one_charge(with_double_charge_spelled(message)) is speaks_of_it


@pytest.mark.parametrize("message", ["what happens to my data?", "please tell me the time"])
async def test_a_message_that_speaks_of_no_money_never_gets_the_entry_on_a_double_charge(converse, message):
    # "I think you're asking about “I was charged twice. What happens now?”", or the FAQ shortcut with it.
    [outcome] = await converse("cus_alice", message)
    assert DUPLICATE_ENTRY not in outcome.reply and "charged twice" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["it's DE123456789", "NL123456789B01", "here it is: GB123456789"])
async def test_a_vat_number_given_alone_after_the_entry_is_said_not_to_be_saved(converse, message):
    # "My answer is the same as in my last message", and the steps again.
    _, outcome = await converse("cus_bob", "we need an invoice with our VAT number", message)
    assert outcome.reply.startswith("Thanks, but I can't add it to your account from this chat, so it hasn't been "
                                    "saved anywhere."), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "what happens to my data?"),
                                                   ("cus_alice", "will I lose my apps?"), (None, "will I lose my data?")])
async def test_what_becomes_of_apps_and_data_with_nothing_ending_them_says_what_cancelling_and_deleting_do(
        converse, customer, message):
    # "I don't have enough information", or the entry on a double charge as a guess.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("That depends on what you do with your account. What our help centre says:"), \
        outcome.reply
    assert "If you cancel your plan: Your paid plan stays active" in outcome.reply
    assert "If you delete your account: deleting removes your apps and data for good after a 7-day grace period" \
        in outcome.reply
    assert "If you'd like a copy of your data: Go to **Settings → Data → Export**." in outcome.reply


@pytest.mark.parametrize("message", ["is my data safe?", "I lost my invoices, can you view them?",
                                     "will I lose my data if my payment fails?"])
def test_safety_a_mishap_or_a_condition_is_not_what_becomes_of_the_things_alone(message):
    from agents.follow_ups.what_becomes_of import asks_what_becomes_of_them_alone

    assert not asks_what_becomes_of_them_alone(message)


@pytest.mark.parametrize("turns", [("cancel my subscription", "what happens to my data?", "can I export it first?"),
                                   ("how do I delete my account?", "can I export my data first?")])
async def test_exporting_first_gets_the_export_entry_as_sure_as_without_first(converse, turns):
    # "I don't have enough information" for "export it"; the entry as a guess ("I think you're asking about") with
    # "first" (0.48 against 0.91 without).
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("Go to **Settings → Data → Export**."), outcome.reply


@pytest.mark.parametrize(("error", "lead"), [
    ("the log says npm ERR! missing script: build",
     "Thanks for sending the error. Our guide “Failed deploys and build timeouts” has nothing more specific on it than "
     "the steps I sent"),
    ("it says build timed out after 15 minutes",
     "Thanks for sending the error. The step of our guide “Failed deploys and build timeouts” that fits it:\n2. If the "
     "build ran out of time, enable the build cache"),
    ("Error: Cannot find module 'express'",
     "Thanks for sending the error. The step of our guide “Failed deploys and build timeouts” that fits it:\n3. Check "
     "that dependencies install locally"),
])
async def test_the_error_sent_when_asked_for_is_thanked_for_with_the_step_that_fits_or_a_person(converse, error, lead):
    # The guide's four steps again, as if the error had gone unread.
    _, outcome = await converse("cus_alice", "my deploy failed", error)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "pass you to a person" in outcome.reply and "1. Open **App → Deploys**" not in outcome.reply


async def test_a_question_about_an_error_after_the_steps_is_no_error_sent(converse):
    _, outcome = await converse("cus_alice", "my deploy failed", "what does exit code 137 mean?")
    assert not outcome.reply.startswith("Thanks for sending the error"), outcome.reply


REGIONS_ENTRY = ("What our help centre says: You can run apps in three regions: us-east (Virginia), eu-west (Ireland) and "
                 "ap-southeast (Singapore). Pick the region when you create an app")


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "can I move my app to us-east?"),
                                                   ("cus_bob", "how do I change my app's region?"),
                                                   (None, "can I migrate my app to another region?")])
async def test_moving_an_app_to_another_region_gets_the_entry_on_regions_and_that_moving_is_undescribed(
        converse, customer, message):
    # "I don't have a guide on that in our help centre".
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(REGIONS_ENTRY), outcome.reply
    assert "It doesn't describe moving an app that's already running to another region" in outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize("message", ["can I move to pro?", "I'm moving to another country", "where is eu-west?"])
def test_a_plan_a_move_of_ones_own_or_a_region_asked_after_is_no_app_moved_between_regions(message):
    from agents.about_service import asks_to_move_an_app_between_regions

    assert not asks_to_move_an_app_between_regions(message)


async def test_downtime_asked_after_moving_regions_is_of_the_move_not_the_incidents_open_now(converse):
    # "I can only see the incidents open right now", the open incident and the status page.
    _, outcome = await converse("cus_alice", "can I move my app to us-east?", "will there be downtime?")
    assert outcome.reply.startswith("Our help centre doesn't say whether moving an app to another region means "
                                    "downtime, so I can't promise either way."), outcome.reply
    assert "Elevated API error rates" not in outcome.reply


async def test_an_invoice_asked_to_be_sent_to_another_address_says_where_invoices_go(converse):
    # "My answer is the same as in my last message", and the invoice again.
    _, outcome = await converse("cus_bob", "I need a copy of my invoice for november",
                                "can you send it to accounting@acme.com?")
    assert "Invoices go to the email address on your account." in outcome.reply, outcome.reply
    assert "download each invoice as a PDF under **Billing → Invoices** and send it on" in outcome.reply
    assert "My answer is the same" not in outcome.reply


@pytest.mark.parametrize("follow_up", ["can they have different roles?", "and can they have different permissions?"])
async def test_different_permissions_for_team_members_are_the_roles_the_help_centre_names(converse, follow_up):
    # "I'm sorry, I don't have enough information".
    _, outcome = await converse("cus_bob", "how many team members can we have?", follow_up)
    assert "pick a role" in outcome.reply and "can use custom roles" in outcome.reply, outcome.reply
    assert "enough information" not in outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [
    # The lock told again.
    ("cus_carol", ("why is my account locked?", "how do I stop that happening again?")),
    ("cus_alice", ("how do I avoid getting locked out?",)),
    (None, ("how can I prevent my account from being locked?",)),
])
async def test_how_to_avoid_a_lock_is_not_to_guess_the_password(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("An account is locked after failed sign-ins in a row, so the way to avoid that is "
                                    "not to guess: if you're not sure of your password, choose **Forgot password**"), \
        outcome.reply
    assert "What our help centre says about locks: We lock an account after five failed sign-ins in a row" \
        in outcome.reply


async def test_how_to_stop_a_failed_deploy_happening_again_is_no_question_about_a_lock(converse):
    # The deploy guide's steps speak of a "lock file".
    _, outcome = await converse("cus_alice", "my deploy failed", "how do I stop that happening again?")
    assert "An account is locked" not in outcome.reply, outcome.reply


FIVE_XX_GUIDE = "our guide “Troubleshooting API errors (500, 502, 503) and timeouts”"


@pytest.mark.parametrize("message", ["my site is down", "our app isn't loading", "the website is not responding"])
async def test_a_site_that_is_down_gets_the_guide_on_errors_and_timeouts_beside_the_incident(converse, message):
    # The open incident alone, as if it could be the only cause.
    [outcome] = await converse("cus_alice", message)
    assert "Elevated API error rates in eu-west" in outcome.reply and FIVE_XX_GUIDE in outcome.reply, outcome.reply
    assert "2. Open **App → Logs**" in outcome.reply


async def test_what_to_do_once_the_incident_is_ruled_out_is_the_guides_steps(converse):
    # "I don't have a guide on that in our help centre".
    *_, outcome = await converse("cus_alice", "my site is down", "it's in us-east", "ok what should I do?")
    assert outcome.reply.startswith("Our guide “Troubleshooting API errors (500, 502, 503) and timeouts” covers this."), \
        outcome.reply


async def test_the_catch_after_asking_whether_it_is_free_is_what_free_leaves_out(converse):
    # The scope reply ("I can only help with your Northwind account, billing and our hosting service").
    _, outcome = await converse(None, "is it free?", "what's the catch?")
    assert outcome.reply.startswith("The catch is what Free leaves out, which Pro adds."), outcome.reply


async def test_a_visitor_asking_whether_it_is_free_is_not_asked_to_sign_in(converse):
    [outcome] = await converse(None, "is it free?")
    assert "The Free plan costs $0" in outcome.reply and "sign in" not in outcome.reply, outcome.reply


async def test_an_angry_report_of_an_app_down_for_hours_gets_the_guide_on_errors_not_the_domains_guide(converse):
    # The custom domains guide, for its "usually within an hour".
    [outcome] = await converse("cus_alice", "ur service is terrible, my app has been down for hours!!!")
    assert FIVE_XX_GUIDE in outcome.reply and "Custom domains and DNS" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", None])
async def test_an_email_change_asked_with_the_new_address_gets_the_steps(converse, customer):
    # "The email address on your account is alice@example.com." and nothing else (the entry at 0.06).
    [outcome] = await converse(customer, "can you change my email to alice@newmail.com")
    assert "Go to **Settings → Profile**, enter the new address and confirm it" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["i need an invoice for my tax return, can i get one for the whole year?",
                                     "I need all our invoices for tax purposes"])
async def test_invoices_wanted_for_tax_paperwork_are_no_question_about_tax(converse, message):
    # "Our help centre doesn't say whether VAT or other taxes are added to our prices".
    [outcome] = await converse("cus_alice", message)
    assert "whether VAT or other taxes" not in outcome.reply and "NW-1002" in outcome.reply, outcome.reply


async def test_whether_vat_is_charged_is_still_said_to_be_unknown(converse):
    [outcome] = await converse("cus_alice", "do you charge vat?")
    assert outcome.reply.startswith("Our help centre doesn't say whether VAT or other taxes are added to our prices"), \
        outcome.reply


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    # Pro's line again, then the Free entry as a guess.
    ("cus_carol", ("what does pro include?", "and how is it different from free?"),
     "You're on Free, which includes one app, shared resources and community support. Pro ($29.00 a month) has "
     "everything in Free"),
    ("cus_alice", ("how much is business?", "how does it compare to pro?"),
     "You're on Pro ($29.00 a month), which includes up to 10 apps, custom domains and email support. Business ($99.00 "
     "a month) has everything in Pro"),
])
async def test_the_plan_just_asked_about_set_against_another_is_the_two_compared(converse, customer, turns, lead):
    _, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead), outcome.reply


@pytest.mark.parametrize(("turns", "guide"), [
    (("my ssl cert expired", "it's for api.example.com"), "TLS (SSL) certificates"),
    (("my domain isn't verifying", "the domain is www.acme.io"), "Custom domains and DNS"),
])
async def test_the_domain_named_after_a_guide_offers_a_person_not_the_steps_again(converse, turns, guide):
    _, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"Thanks, that helps. If the steps in our guide “{guide}” haven't sorted it out"), \
        outcome.reply
    assert "1. " not in outcome.reply and "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("customer", "turns", "answer"), [
    # The rate limits' guide, for its step "upgrade your plan".
    ("cus_carol", ("what does pro include?", "how long does the upgrade take?"),
     "The upgrade applies at once and we charge the difference for the rest of the month."),
    # The scope reply.
    ("cus_carol", ("how long does it take to upgrade?",),
     "The upgrade applies at once and we charge the difference for the rest of the month."),
    ("cus_alice", ("how long does a downgrade take?",),
     "The downgrade takes effect at the end of your current billing period, so you keep your current features until "
     "then."),
])
async def test_how_long_a_plan_move_takes_is_when_its_entry_says_it_applies(converse, customer, turns, answer):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply == answer, outcome.reply


async def test_more_than_the_limit_just_given_is_that_no_plan_allows_more(converse):
    # The guide's step on retrying with back-off, as "the step that fits".
    _, outcome = await converse("cus_bob", "what's our api limit?", "we need more than that")
    assert "No plan allows more than Business does." in outcome.reply, outcome.reply
    assert "Retry with exponential back-off" not in outcome.reply


async def test_the_region_said_after_a_guide_names_the_incident_open_there(converse):
    # "If the steps in our guide … haven't sorted it out", with the incident open in that very region unsaid.
    _, outcome = await converse("cus_alice", "my app is slow", "it's in eu-west")
    assert outcome.reply.startswith("Thanks, that helps. There's an open incident in eu-west right now, affecting the "
                                    "API: “Elevated API error rates in eu-west”"), outcome.reply
    assert [source.kind for source in outcome.sources] == ["incident"]


async def test_a_region_with_no_incident_said_after_a_guide_still_offers_a_person(converse):
    _, outcome = await converse("cus_alice", "my app is slow", "it's in us-east")
    assert outcome.reply.startswith("Thanks, that helps. If the steps in our guide “Scaling and cold starts” haven't "
                                    "sorted it out"), outcome.reply


async def test_a_wrong_address_on_an_invoice_gets_where_invoice_details_are_entered_and_that_none_is_saved_here(converse):
    # The invoice list and "which of them looks wrong?", then "I can't change an invoice from this chat".
    first, second = await converse("cus_alice", "my invoice shows the wrong address",
                                   "it should be 12 Main St, Springfield")
    assert first.reply.startswith("Go to **Billing → Details** and fill in your company name, address"), first.reply
    assert second.reply.startswith("Thanks, but I can't add it to your account from this chat"), second.reply


async def test_a_refund_argued_as_unused_is_heard_not_told_the_rule_again(converse):
    # "My answer is the same as in my last message", and the rule over again.
    *_, outcome = await converse("cus_alice", "can I get a refund for october?", "why not?",
                                 "that's not fair, I didn't use it")
    assert outcome.reply.startswith("I hear you, and having had little or no use from it is a fair reason to ask. The 14-day window "
                                    "applies whether or not the plan was used"), outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_questions_announced_by_an_introduction_are_each_answered(converse):
    # Only the invoices' currency: "two things:" opened the first question's clause, and neither was counted.
    [outcome] = await converse("cus_bob", "hi! two things: how do I add a teammate, and can I get our invoices in "
                                          "euros?")
    assert TEAM_ENTRY in outcome.reply and "Your invoices are in US dollars (USD)." in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "questions"), [
    ("hi! two things: how do I add a teammate, and can I get our invoices in euros?",
     ["how do I add a teammate", "can I get our invoices in euros"]),
    ("I have two questions: how do I enable 2fa, and what is the sla?", ["how do I enable 2fa", "what is the sla"]),
    ("quick ones - how do I roll back? and where are my logs?", ["how do I roll back", "where are my logs"]),
])
def test_an_introduction_is_no_part_of_the_first_question(message, questions):
    from agents.clauses import question_clauses

    assert question_clauses(message) == questions


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    # Alice's latest charge weighed, as if a refund had been asked for ("outside our 14-day refund window").
    ("cus_alice", ("who approves refunds?",),
     "I can approve refunds up to $50.00 myself; larger ones are approved by a member of our staff."),
    ("cus_bob", ("refund the duplicate", "who approves it?"),
     "I can approve refunds up to $50.00 myself; larger ones are approved by a member of our staff.\n\nA refund for "
     "invoice NW-2002 has already been requested (reference RF-0001, $99.00)"),
])
async def test_who_approves_refunds_is_the_policys_rule_on_approval(converse, customer, turns, lead):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "refund window" not in outcome.reply


async def test_a_code_asked_for_with_two_factor_off_is_not_the_state_alone(converse):
    # "Two-factor authentication is currently off for your account." and nothing else.
    *_, outcome = await converse("cus_carol", "I don't have 2fa on?", "then why does it ask for a code?")
    assert outcome.reply.startswith("Two-factor authentication is off for your account, so signing in to Northwind "
                                    "shouldn't ask you for a code"), outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize("turns", [("I got an email saying my payment failed", "is that legit or phishing?"),
                                   ("did you really send me this email?",)])
async def test_whether_an_email_is_ours_says_how_to_check_it_safely(converse, turns):
    # "My answer is the same as in my last message", and the failed payment again.
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("I can't see the emails we send, so I can't tell you whether that one came from "
                                    "us. To be safe, don't follow its links"), outcome.reply
    assert outcome.summary["email_genuine"]


@pytest.mark.parametrize("message", ["I was scammed", "is this refund real?", "send me the invoice by email"])
def test_a_scam_of_another_kind_or_an_email_asked_for_is_no_question_whether_an_email_is_ours(message):
    from agents.mailings import asks_if_an_email_is_ours

    assert not asks_if_an_email_is_ours(message)


async def test_a_declined_card_said_to_be_new_gets_the_card_on_file_checked(converse):
    # The card on file and where to replace it, as if nothing had been said.
    _, outcome = await converse("cus_alice", "ok so my card got declined", "it's a new card though")
    assert outcome.reply.startswith("I still see the visa ending 4242 on your account, which expired (10/2026), so the "
                                    "new card hasn't reached us yet."), outcome.reply


@pytest.mark.parametrize(("message", "kind"), [("can i host a static site?", "a static site"),
                                               ("do you support react apps?", "react apps")])
async def test_a_static_site_or_a_framework_asked_after_is_said_to_be_unlisted(converse, message, kind):
    # "I'm sorry, I don't have enough information".
    [outcome] = await converse("cus_carol", message)
    assert outcome.reply.startswith("Our help centre doesn't list the languages, frameworks or kinds of app that run on "
                                    f"Northwind Cloud, so I can't tell you for certain about {kind}"), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "own"), [
    # The scope reply.
    ("cus_carol", ("how many apps can i have?", "what happens if i go over?"), "You're on Free, which includes one app."),
    # The rate limits' guide, for "limit".
    ("cus_carol", ("what happens if i go over the app limit?",), "You're on Free, which includes one app."),
    ("cus_bob", ("what happens if we go over the app limit?",), "You're on Business, which includes unlimited apps."),
])
async def test_what_happens_past_the_app_limit_is_said_to_be_undescribed_with_the_counts(converse, customer, turns,
                                                                                         own):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre doesn't say what happens if you go over your plan's limit on apps, "
                                    "and I'd rather not guess. What it does say:"), outcome.reply
    assert "Free: one app; Pro ($29.00 a month): up to 10 apps" in outcome.reply and own in outcome.reply
    assert "429" not in outcome.reply


@pytest.mark.parametrize(("turns", "lead"), [
    # The scope reply.
    (("what happens if I go over the rate limit?",),
     "You're on the Pro plan: the API allows 600 requests a minute on Pro, per account. Above that it answers HTTP 429"),
    # The guide's steps.
    (("what's my api limit?", "what happens if we go over it?"),
     "As my last message said: above that it answers HTTP 429 with a `Retry-After` header"),
])
async def test_what_happens_past_the_api_limit_is_its_entry(converse, turns, lead):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(lead), outcome.reply


@pytest.mark.parametrize("message", ["can I try pro before paying?", "can we test business before we commit?"])
async def test_trying_a_paid_plan_before_paying_is_said_to_be_undescribed(converse, message):
    # A visitor was asked to sign in to see their invoices.
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply
    assert "sign in" not in outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    # Pro's line alone.
    ("cus_carol", "what's included in pro that I don't have?",
     "You're on Free, which includes one app, shared resources and community support. Pro ($29.00 a month) has "
     "everything in Free, plus"),
    ("cus_alice", "what would business give us that we don't get?",
     "You're on Pro ($29.00 a month), which includes up to 10 apps, custom domains and email support. Business"),
])
async def test_what_a_plan_has_that_ones_own_lacks_is_the_two_compared(converse, customer, message, lead):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply


@pytest.mark.parametrize("message", ["can I schedule a deploy?", "how do I automate deploys?"])
async def test_scheduling_a_deploy_is_no_question_the_failed_deploys_guide_answers(converse, message):
    # The failed-deploys guide's steps.
    [outcome] = await converse("cus_alice", message)
    assert "Failed deploys and build timeouts" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message", "plan_note"), [
    ("cus_bob", "how do I add a second region to our app?", False),
    ("cus_alice", "can we run the app in multiple regions?", True),
])
async def test_more_regions_for_one_app_gets_the_entry_and_that_the_steps_are_undescribed(converse, customer, message,
                                                                                         plan_note):
    # "I don't have a guide on that in our help centre".
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(REGIONS_ENTRY), outcome.reply
    assert "Business accounts can run an app in several regions at once." in outcome.reply
    assert "It doesn't describe how to set that up" in outcome.reply
    assert ("You're on Pro, and it names Business" in outcome.reply) is plan_note


@pytest.mark.parametrize("message", ["my deploy is stuck in pending", "my deploy has been in progress for an hour"])
async def test_a_deploy_stuck_in_a_state_is_no_question_of_where_apps_can_run(converse, message):
    # The entry on regions, "pending" read as a place ("Those are the only regions our help centre lists").
    [outcome] = await converse("cus_alice", message)
    assert "Those are the only regions" not in outcome.reply, outcome.reply
    assert "Failed deploys and build timeouts" in outcome.reply


async def test_money_back_asked_of_a_month_weighs_that_months_charge(converse):
    # "I can't find a refund request on your account", and the policy, as if asked when a refund arrives.
    [outcome] = await converse("cus_alice", "can I get my money back for november?")
    assert outcome.reply.startswith("Invoice NW-1003 ($29.00) was never paid"), outcome.reply


async def test_when_the_money_comes_back_is_still_the_refunds_timing(converse):
    [outcome] = await converse("cus_bob", "when do I get my money back?")
    assert "usually reaches your card in 5 to 10 business days" in outcome.reply, outcome.reply


async def test_unlock_it_after_the_entry_on_locks_starts_the_unlock_for_a_signed_in_customer(converse):
    # "Our help centre says: Reset your password … or sign in to this chat and ask us to unlock it.", to a customer
    # signed in to this chat who had just asked.
    _, outcome = await converse("cus_carol", "why is it locked?", "unlock it")
    assert "As you're signed in here, I'll start the unlock for you." in outcome.reply, outcome.reply
    assert [action.kind for action in outcome.actions] == ["account_unlock"]


async def test_another_way_than_deleting_the_account_is_cancelling_the_plan(converse):
    # "My answer is the same as in my last message", and the deletion's steps again.
    _, outcome = await converse("cus_alice", "i'd like to close my account", "are you sure there's no other way?")
    assert outcome.reply.startswith("If what you want is to stop paying, you can cancel your plan instead of deleting "
                                    "the account."), outcome.reply
    assert "your apps and data are kept" in outcome.reply


@pytest.mark.parametrize(("turns", "lead"), [
    # "You're on the Free plan, which costs nothing. There are no invoices on your account yet".
    (("does the pro plan have an sla?",), "The Business plan comes with a 99.95% monthly uptime SLA"),
    # Asked of another plan after the SLA, a plain no leads (stop 43).
    (("does the free plan have an sla?", "what about pro?"), "No: Free and Pro have no SLA"),
])
async def test_whether_a_named_plan_has_something_is_answered_for_that_plan_not_with_ones_invoices(converse, turns,
                                                                                                   lead):
    *_, outcome = await converse("cus_carol", *turns)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "no invoices" not in outcome.reply


async def test_all_our_invoices_sent_to_another_address_says_where_invoices_go(converse):
    # The invoice list.
    [outcome] = await converse("cus_bob", "can you send all our invoices to finance@acme.com every month?")
    assert "Invoices go to the email address on your account." in outcome.reply, outcome.reply


async def test_not_remembering_the_current_password_after_the_resets_steps_is_told_it_needs_none(converse):
    # "My answer is the same as in my last message", and the steps again.
    _, outcome = await converse("cus_alice", "how do I change my password?", "I don't remember the current one")
    assert outcome.reply.startswith("That's fine: resetting it doesn't need your current password. Open the sign-in "
                                    "page, choose **Forgot password**"), outcome.reply


async def test_no_other_card_after_a_failed_payment_gets_the_other_ways_to_pay(converse):
    # The expired card on file told again.
    _, outcome = await converse("cus_alice", "why is there a failed payment on my account?", "I don't have another card")
    assert outcome.reply.startswith("Our help centre lists these ways to pay: We accept Visa, Mastercard and American "
                                    "Express cards."), outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_a_code_asked_for_at_sign_in_is_the_accounts_to_answer_even_read_as_out_of_scope(converse):
    # "I don't have a guide on that in our help centre" (out of scope at 0.47, a panel).
    [outcome] = await converse("cus_alice", "it keeps asking me for a verification code")
    assert outcome.intent.label == "account", outcome.intent
    assert outcome.reply.startswith("Two-factor authentication is off for your account, so signing in to Northwind "
                                    "shouldn't ask you for a code"), outcome.reply


async def test_a_visitors_email_change_gets_the_steps_without_being_asked_to_sign_in(converse):
    # The steps, then "Please sign in (top right) and ask me again", as if they were not the answer.
    [outcome] = await converse(None, "can you change my email to alice@newmail.com")
    assert outcome.reply.startswith("Go to **Settings → Profile**, enter the new address"), outcome.reply
    assert "sign in (top right)" not in outcome.reply


async def test_a_visitor_asking_their_own_email_is_still_asked_to_sign_in(converse):
    [outcome] = await converse(None, "what's my email?")
    assert "Please sign in (top right)" in outcome.reply, outcome.reply
