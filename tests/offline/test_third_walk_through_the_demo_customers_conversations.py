"""Found chatting through the demo customers' conversations a third time (stop 34): follow-ups that leaned on the turn
before and got a reply about something else, or the same reply again."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import asks_for_more


async def test_asking_us_to_raise_the_api_limit_gets_the_limits_by_plan(converse):
    # "Can you raise it?" after the 429 guide got the guide again, after "My answer is the same".
    *_, outcome = await converse("cus_alice", "whats my api limit?", "we keep hitting it", "can you raise it?")
    assert "600 requests a minute on Pro" in outcome.reply and "3,000 requests a minute on Business" in outcome.reply
    assert "My answer is the same" not in outcome.reply, outcome.reply


async def test_asking_us_to_raise_it_on_the_highest_plan_offers_a_person(converse):
    _, outcome = await converse("cus_bob", "what is the api rate limit?", "could you increase the limit for us?")
    assert "No plan allows more than Business does" in outcome.reply and "pass you to a person" in outcome.reply


@pytest.mark.parametrize("message", ["can you raise it?", "could you increase the limit for us?", "can we get it raised?"])
def test_a_limit_asked_to_be_raised_is_more_of_it(message):
    assert asks_for_more(message)


@pytest.mark.parametrize("going_ahead", ["ok I will upgrade", "ok ill upgrade then"])
async def test_saying_one_will_upgrade_gets_the_steps_not_the_guide_before(converse, going_ahead):
    # After "can I use my own domain?" it got the custom domains guide again.
    *_, outcome = await converse("cus_carol", "can I use my own domain?", going_ahead)
    assert "You can upgrade yourself from your account. Here's how: Go to **Billing → Plan**" in " ".join(
        outcome.reply.split())
    assert "CNAME" not in outcome.reply, outcome.reply


async def test_the_duplicate_asked_after_two_turns_on_is_its_refund(converse):
    # "Ok what about the duplicate?" after a refund refused and "why not?" led with "I don't have a guide on that".
    *_, outcome = await converse("cus_bob", "can I get a refund for last month?", "why not?",
                                 "ok what about the duplicate?")
    assert outcome.intent.label == "refund" and outcome.reply.startswith("Invoice NW-2002 was charged twice"), \
        outcome.reply


@pytest.mark.parametrize(("customer", "where"), [
    ("cus_alice", "It goes to the email address on your account, alice@example.com; check its spam folder too."),
    (None, "Check your spam folder too."),
])
async def test_an_export_email_that_never_came_is_answered_from_the_exports_entry(converse, customer, where):
    # "I didn't get the email" after the export's steps got "I don't have enough information".
    _, outcome = await converse(customer, "how do I export my data?", "I never got the email")
    assert "email you a download link that works for 7 days" in outcome.reply and where in outcome.reply, outcome.reply
    assert "enough information" not in outcome.reply


@pytest.mark.parametrize(("customer", "asked", "answer"), [
    (None, "do you have a free plan?", "Yes: The Free plan costs $0 and includes one app, 10 deploys a day"),
    ("cus_alice", "is there a business plan?", "Yes: Business ($99.00 a month) includes unlimited apps"),
])
async def test_whether_we_offer_a_plan_is_answered_yes_with_what_it_includes(converse, customer, asked, answer):
    # "Do you have a free plan?" got Free's list with no yes and no price; "is there a business plan?" the steps to
    # upgrade from the FAQ shortcut.
    (outcome,) = await converse(customer, asked)
    assert outcome.reply.startswith(answer) and outcome.route != "faq", outcome.reply


@pytest.mark.parametrize(("customer", "first", "intro"), [
    (None, "do you have a free plan?", "The catch is what Free leaves out, which Pro adds."),
    ("cus_carol", "tell me about the pro plan", "The catch is what Pro leaves out, which Business adds."),
])
async def test_the_catch_of_a_plan_asked_about_is_what_the_plan_above_adds(converse, customer, first, intro):
    # "Whats the catch?" after "do you have a free plan?" was turned away as off topic.
    _, outcome = await converse(customer, first, "whats the catch?")
    assert outcome.reply.startswith(intro) and "has everything in" in outcome.reply, outcome.reply


async def test_what_an_exit_code_means_is_said_to_be_unexplained_with_a_person(converse):
    # "What does that mean" after "my deploy failed with exit code 137" and the guide got "Sorry if that wasn't clear".
    _, outcome = await converse("cus_carol", "my deploy failed with exit code 137", "what does that mean")
    assert outcome.reply.startswith("Our help centre doesn't explain that code"), outcome.reply
    assert "137" not in outcome.reply and "pass you to a person" in outcome.reply


async def test_what_that_means_after_steps_with_no_code_still_asks_which_part(converse):
    _, outcome = await converse("cus_alice", "how do I add a domain?", "what does that mean?")
    assert outcome.reply.startswith("Sorry if that wasn't clear."), outcome.reply


async def test_how_much_after_the_renewal_is_its_amount(converse):
    # It got the plans' prices from the FAQ shortcut.
    *_, outcome = await converse("cus_bob", "whats my plan", "when does it renew", "how much")
    assert outcome.reply == "It will be $99.00, for your Business plan, on 2026-12-15.", outcome.reply


async def test_how_much_after_the_plans_that_have_something_is_their_prices(converse):
    # After "Custom domains are on Pro and Business" it got the custom domains guide.
    _, outcome = await converse("cus_carol", "can I use a custom domain?", "how much?")
    assert outcome.reply == ("Pro costs $29.00 a month and Business costs $99.00 a month. You're on the Free plan, "
                             "which costs nothing."), outcome.reply


@pytest.mark.parametrize("refused", ["it says my password is wrong but I know its right",
                                     "the site wont accept my password"])
async def test_a_password_refused_gets_the_reset(converse, refused):
    (outcome,) = await converse("cus_bob", refused)
    assert "choose **Forgot password**" in outcome.reply and "enough information" not in outcome.reply, outcome.reply


async def test_two_questions_joined_by_and_are_each_answered(converse):
    # "... and do you support custom domains?" was read as one question: only the domains were answered, as a guess.
    (outcome,) = await converse("cus_bob", "how many apps can I have and do you support custom domains?")
    assert "You're on Business, which includes unlimited apps." in outcome.reply, outcome.reply
    assert "Custom domains are on Pro and Business." in outcome.reply and "I think you're asking" not in outcome.reply


@pytest.mark.parametrize(("message", "questions"), [
    ("how many apps can I have and do you support custom domains?",
     ["how many apps can I have", "do you support custom domains"]),
    ("what regions do you have and is there one in asia?", ["what regions do you have", "is there one in asia"]),
    ("log in and do the thing", []),
])
def test_a_second_question_after_and_is_its_own(message, questions):
    from agents.clauses import question_clauses

    assert question_clauses(message) == questions


async def test_the_sla_asked_with_the_word_alone_is_ours(converse):
    # "What is the sla?" was turned away as off topic (0.9) beside the SLA's entry at 0.99.
    (outcome,) = await converse("cus_alice", "what is the sla?")
    assert "99.95% monthly uptime SLA" in outcome.reply and "I can only help" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "plan"), [("cus_alice", "No, it doesn't: you're on the Pro plan"),
                                                ("cus_bob", "Yes, it does: you're on the Business plan")])
async def test_whether_the_sla_applies_to_them_is_answered_for_their_plan(converse, customer, plan):
    # "Does it apply to me?" after it was turned away as off topic too.
    _, outcome = await converse(customer, "what is the sla?", "does it apply to me?")
    assert outcome.reply.startswith(plan) and "99.95% monthly uptime SLA" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_alice", ("where are my invoices", "and can I get them emailed to someone else?")),
    ("cus_bob", ("can you send invoices to our accountant?",)),
])
async def test_invoices_asked_to_go_to_someone_else_get_where_they_go_and_how_to_pass_them_on(converse, customer, turns):
    # Both got the invoice list.
    *_, outcome = await converse(customer, *turns)
    assert "Invoices go to the email address on your account. To change it: Go to **Settings → Profile**" in \
        outcome.reply, outcome.reply
    assert "download each invoice as a PDF under **Billing → Invoices** and send it on" in outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


@pytest.mark.parametrize("crash", ["my app keeps crashing", "my app crashed"])
async def test_an_app_that_crashes_gets_the_scaling_guides_step_on_memory(converse, crash):
    # It got "I don't have a guide on that": no guide names a crash.
    (outcome,) = await converse("cus_carol", crash)
    assert "an instance that runs out of memory is restarted" in outcome.reply, outcome.reply


async def test_a_plan_said_after_a_guide_gets_what_the_guide_says_of_that_plan(converse):
    # "I'm on the free plan" after the scaling guide got its first sentence alone ("Our guide … covers this").
    _, outcome = await converse("cus_carol", "how do i make my app faster", "i'm on the free plan")
    assert outcome.reply.startswith("The same goes for the Free plan."), outcome.reply
    assert "What it says of Free:\n2. Keep a minimum of one instance to avoid cold starts; on Free, apps sleep" in \
        outcome.reply, outcome.reply


@pytest.mark.parametrize("asked", ["do you speak spanish?", "can you answer in french?"])
async def test_which_languages_the_chat_answers_in_is_said(converse, asked):
    # It got the scope reply.
    (outcome,) = await converse(None, asked)
    assert outcome.reply.startswith("I can only read and answer messages in English for now."), outcome.reply


@pytest.mark.parametrize("asked", ["what languages do you support?", "which frameworks can I deploy?"])
async def test_the_list_of_languages_asked_for_is_said_to_be_unlisted(converse, asked):
    # "What languages do you support?" got "I don't have enough information".
    (outcome,) = await converse("cus_alice", asked)
    assert "so I can't tell you which are supported" in outcome.reply, outcome.reply
    assert outcome.reply.endswith("would you like me to pass you to a person?")


async def test_who_made_the_failed_sign_ins_is_said_to_be_unknown_and_the_lock_kept(converse):
    # "Who tried to log in?" after the lock got "My answer is the same".
    *_, outcome = await converse("cus_carol", "is my account locked?", "why?", "who tried to log in?")
    assert "I can't see from here who made those sign-ins. I won't unlock it" in outcome.reply, outcome.reply
    assert not outcome.actions


async def test_what_we_will_do_about_a_complaint_offers_a_person(converse):
    # "What are you going to do about it?" after a complaint about failing deploys got the deploys guide again.
    _, outcome = await converse("cus_bob", "this is the worst service ever, my deploys fail constantly and nobody helps",
                                "what are you going to do about it?")
    assert outcome.reply.startswith("I'm sorry this has been frustrating"), outcome.reply
    assert "pass you to a person" in outcome.reply and "Failed deploys" not in outcome.reply


@pytest.mark.parametrize(("customer", "asked"), [(None, "is my data backed up?"), ("cus_bob", "do you do backups?")])
async def test_backups_asked_about_are_said_to_be_undescribed_with_the_export_and_a_person(converse, customer, asked):
    # Both got "I don't have enough information".
    (outcome,) = await converse(customer, asked)
    assert outcome.reply.startswith("Our help centre doesn't say whether or how your data is backed up"), outcome.reply
    assert "To keep a copy yourself: Go to **Settings → Data → Export**" in outcome.reply
    assert outcome.reply.endswith("would you like me to pass you to a person?")


@pytest.mark.parametrize("said", ["my friend recommended you", "I heard good things about northwind"])
async def test_a_visitor_sent_by_a_friend_is_welcomed_with_the_plans(converse, said):
    # It got the scope reply.
    (outcome,) = await converse(None, said)
    assert outcome.reply.startswith("Glad you're considering us! We have three plans"), outcome.reply


async def test_when_a_refund_filed_arrives_is_its_timing_not_the_plans_list(converse):
    # "When will I get it?" after the duplicate's refund was filed got what Business includes ("will I get").
    _, outcome = await converse("cus_bob", "refund the duplicate please", "when will I get it?")
    assert outcome.reply.startswith("Once a refund is approved it usually reaches your card in 5 to 10 business days"), \
        outcome.reply
    assert "includes unlimited apps" not in outcome.reply


@pytest.mark.parametrize(("customer", "way_round"), [
    (None, "a person from our team needs to verify it's really you"),
    ("cus_alice", "As you're signed in here, you can change that address first: Go to **Settings → Profile**"),
])
async def test_a_reset_email_out_of_reach_gets_a_way_round_it(converse, customer, way_round):
    # "I don't have access to that email anymore" after the reset's steps got their first step quoted again.
    _, outcome = await converse(customer, "how do I reset my password?", "I don't have access to that email anymore")
    assert "so without access to that inbox the reset can't reach you" in outcome.reply, outcome.reply
    assert way_round in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply


async def test_a_why_question_answered_by_an_entry_that_opens_with_yes_loses_the_yes(converse):
    # "Why is my app slow in the morning?" got "Yes: apps on the Free plan sleep …".
    (outcome,) = await converse("cus_carol", "why is my app slow in the morning?")
    assert outcome.reply.startswith("Apps on the Free plan sleep after 30 minutes without traffic"), outcome.reply


async def test_a_yes_or_no_question_keeps_the_entrys_yes(converse):
    (outcome,) = await converse("cus_carol", "do free apps sleep?")
    assert outcome.reply.startswith("Yes: apps on the Free plan sleep"), outcome.reply


async def test_a_refusal_asked_again_is_repeated_not_withheld(converse):
    # "For the last one" after the last paid invoice was refused got "My answer would be the same as my last message,
    # so I won't repeat it": the refusal opens with "I'm sorry", which was taken for a reply of feelings.
    _, outcome = await converse("cus_alice", "can I get a refund?", "for the last one")
    assert outcome.reply.startswith("My answer is the same as in my last message:"), outcome.reply
    assert "invoice NW-1002 ($29.00), paid on 2026-10-01, is outside our 14-day refund window" in outcome.reply
    # The refusal offers a person already: not a second time.
    assert outcome.reply.count("pass you to a person") == 1, outcome.reply


async def test_ok_to_an_offer_made_only_for_a_case_is_heard_not_a_handover(converse):
    # "Ok" after "If the dashboard shows you another plan, … I can pass you to a person" handed the conversation over.
    _, outcome = await converse("cus_alice", "i was charged but my app is still on free", "ok")
    assert outcome.route != "handoff", outcome.reply
    assert outcome.reply.startswith("Just to be sure before I do anything:"), outcome.reply


async def test_ok_to_a_refund_offered_asks_again_and_a_yes_then_files_it(converse):
    # "Ok" got "Of course — what can I help you with?", as if the conversation had just begun.
    _, ok, yes = await converse("cus_bob", "what is your refund policy?", "ok", "yes")
    assert ok.reply.startswith("Just to be sure before I do anything:") and not ok.actions, ok.reply
    assert [action.kind for action in yes.actions] == ["refund"], yes.reply


async def test_ok_to_a_question_offering_a_person_still_hands_over(converse):
    *_, outcome = await converse("cus_alice", "my app is down", "it is in us-east", "ok")
    assert outcome.route == "handoff", outcome.reply
