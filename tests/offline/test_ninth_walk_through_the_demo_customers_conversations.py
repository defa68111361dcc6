"""What a ninth walk through the demo customers' conversations found, each fixed: a reply that lost the thread,
answered another question, or came out broken. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest


async def test_a_figure_asked_of_the_business_plan_by_that_name_is_the_plans_figure(converse):
    # "The business plan" found the entries on upgrading and on the plans ("plan"), and the failed-deploys guide's steps
    # came, as if a build had failed.
    [outcome] = await converse("cus_bob", "how many build minutes do I get on the business plan?")
    assert "builds of up to 45 minutes" in outcome.reply, outcome.reply
    assert "select the failed deploy" not in outcome.reply, outcome.reply


async def test_a_figure_asked_of_a_plan_by_its_name_alone_is_still_that_plans(converse):
    [outcome] = await converse(None, "how many build minutes on pro?")
    assert "builds of up to 45 minutes" in outcome.reply, outcome.reply


async def test_the_price_of_a_plan_named_as_a_plan_is_still_the_plans_prices(converse):
    [outcome] = await converse(None, "how much is the business plan?")
    assert "$99" in outcome.reply, outcome.reply


async def test_is_it_the_incident_after_it_was_told_as_very_likely_says_so_without_the_guide_again(converse):
    # The incident told again, then the API errors' guide, which answered nothing the deploys had asked.
    _, outcome = await converse("cus_alice", "my deploys are failing in eu-west", "is it the incident?")
    assert outcome.reply.startswith("Very likely, yes: what you describe fits “Elevated API error rates in eu-west”"), \
        outcome.reply
    assert "Troubleshooting API errors" not in outcome.reply and "Meanwhile" not in outcome.reply, outcome.reply


async def test_is_that_the_cause_after_an_incident_that_may_be_the_cause_says_when_it_is(converse):
    _, outcome = await converse("cus_alice", "my app is not loading", "is that the cause?")
    assert outcome.reply.startswith("If your app runs in eu-west, it may be the cause: “Elevated API error rates"), \
        outcome.reply
    assert "Very likely" not in outcome.reply, outcome.reply


async def test_is_it_still_down_after_the_incident_still_says_how_it_stands(converse):
    _, outcome = await converse("cus_alice", "my deploys are failing in eu-west", "is it still down?")
    assert "is still open (status: investigating)" in outcome.reply and "Very likely" not in outcome.reply, outcome.reply


async def test_buying_the_domain_from_us_is_not_answered_yes_with_the_free_certificate(converse):
    # "Yes: every app and every custom domain gets a free TLS certificate …", sent by the FAQ shortcut as off topic.
    [outcome] = await converse("cus_alice", "do I need to buy the domain from you?")
    assert not outcome.reply.startswith("Yes"), outcome.reply
    assert "doesn't mention buying or registering domains through us" in outcome.reply, outcome.reply
    assert "At your DNS provider, create a CNAME record" in outcome.reply and outcome.intent.label == "technical"


@pytest.mark.parametrize("message", ["do you sell domains?", "can you register a domain for me?",
                                     "where do I buy a domain?"])
async def test_a_domain_asked_to_be_sold_or_registered_is_told_where_domains_come_from(converse, message):
    # The guide's steps alone, as if a domain already held were being added.
    [outcome] = await converse(None, message)
    assert "doesn't mention buying or registering domains through us" in outcome.reply, outcome.reply


async def test_buying_a_domain_asked_on_free_says_custom_domains_need_another_plan(converse):
    [outcome] = await converse("cus_carol", "do I need to buy a domain from you?")
    assert "You're on the Free plan, so you'd need to move to Pro or Business first" in outcome.reply, outcome.reply


async def test_a_domain_already_bought_is_still_added_by_the_guides_steps(converse):
    [outcome] = await converse("cus_alice", "I bought a domain, how do I add it?")
    assert "Settings → Domains → Add domain" in outcome.reply and "registering domains" not in outcome.reply


async def test_the_cheapest_plan_that_has_it_after_custom_domains_on_free_is_pro_and_its_price(converse):
    # "I don't have a guide on that", then the plans listed as a guess.
    _, outcome = await converse("cus_carol", "can I use a custom domain?", "how much is the cheapest plan that has it?")
    assert "Custom domains come with Pro ($29.00 a month)" in outcome.reply, outcome.reply
    assert "I don't have a guide on that" not in outcome.reply, outcome.reply


async def test_will_my_apps_sleep_after_the_upgrades_steps_on_pro_says_they_never_do(converse):
    # What an upgrade to Business brings ("unlimited apps, team members …"), without a word of sleep.
    _, outcome = await converse("cus_alice", "how do I upgrade?", "will my apps sleep?")
    assert "Apps on Pro and Business never sleep." in outcome.reply, outcome.reply
    assert "You're on Pro, so yours don't sleep now" in outcome.reply, outcome.reply
    assert "doesn't mention losing anything" not in outcome.reply, outcome.reply


async def test_will_my_apps_still_sleep_after_the_upgrades_steps_on_free_says_when_the_move_applies(converse):
    _, outcome = await converse("cus_carol", "how do I upgrade?", "will my apps still sleep?")
    assert "Apps on Pro and Business never sleep." in outcome.reply, outcome.reply
    assert "The upgrade applies at once" in outcome.reply and "yours don't sleep now" not in outcome.reply


async def test_will_i_lose_anything_after_the_upgrades_steps_still_says_nothing_is_mentioned(converse):
    _, outcome = await converse("cus_alice", "how do I upgrade?", "will I lose anything?")
    assert "doesn't mention losing anything when you upgrade" in outcome.reply, outcome.reply


async def test_what_happens_if_you_miss_the_sla_from_pro_speaks_of_no_outage_nobody_reported(converse):
    # "A person from our team can still go through what happened with you", as if an outage had happened.
    _, outcome = await converse("cus_alice", "what's your SLA?", "what happens if you miss it?")
    assert "You're on the Pro plan, which has no SLA, so service credits don't apply to it." in outcome.reply
    assert "what happened" not in outcome.reply and outcome.handoff_reason is None, outcome.reply


async def test_credits_asked_for_an_outage_on_pro_are_still_weighed_with_a_person(converse):
    [outcome] = await converse("cus_alice", "the api was down yesterday, do we get credits?")
    assert "A person from our team can still go through what happened with you" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["nobody from support has answered me for days",
                                     "no one from your team has replied to my ticket"])
async def test_a_complaint_that_nobody_from_support_has_answered_is_passed_to_a_person_with_an_apology(converse, message):
    # The scope reply: "from support" between "nobody" and "has answered" hid the complaint.
    [outcome] = await converse("cus_bob", message)
    assert outcome.route == "handoff" and outcome.reply.startswith("I'm sorry you've been kept waiting."), outcome.reply


async def test_nobody_in_the_customers_own_team_answering_is_still_no_complaint_about_ours(converse):
    [outcome] = await converse("cus_bob", "no one in my team has answered the invite")
    assert "kept waiting" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["we need to add a new developer to our account", "how do I add a developer?",
                                     "we need to add a new user"])
async def test_adding_a_developer_or_a_user_is_the_teams_invite(converse, message):
    # "I don't have enough information": "developer" and "user" found no entry.
    [outcome] = await converse("cus_bob", message)
    assert "Settings → Team → Invite" in outcome.reply and "enough information" not in outcome.reply, outcome.reply


async def test_adding_a_staff_meeting_to_a_calendar_is_still_no_team_invite(converse):
    [outcome] = await converse("cus_bob", "add staff meeting to my calendar for march 1")
    assert "Settings → Team → Invite" not in outcome.reply, outcome.reply


async def test_how_many_can_we_add_after_a_question_about_them_is_the_teams_count(converse):
    # The plans listed, and "I don't have enough information to answer “can they see billing”": the question before
    # alone was read as what "how many" is of.
    *_, outcome = await converse("cus_bob", "how do I add a team member?", "what role should they have?",
                                 "can they see billing?", "how many can we add?")
    assert "Business accounts have no limit" in outcome.reply, outcome.reply
    assert "We have three plans" not in outcome.reply and "can they see billing" not in outcome.reply, outcome.reply


async def test_why_not_after_an_unpaid_invoice_has_nothing_to_refund_says_no_money_was_taken(converse):
    # The refusal of NW-1002, outside the window, as if that invoice had been asked about.
    _, outcome = await converse("cus_alice", "can I get a refund for NW-1003?", "why not?")
    assert outcome.reply.startswith("Because no money was taken for NW-1003: its payment didn't go through"), \
        outcome.reply
    assert "NW-1002" not in outcome.reply and "again by ourselves once a new card is saved" in outcome.reply
    assert "I can't start a retry" not in outcome.reply, outcome.reply


async def test_why_not_after_a_refund_refused_for_its_window_is_still_the_window(converse):
    _, outcome = await converse("cus_alice", "can I get a refund for NW-1002?", "why not?")
    assert "14-day window" in outcome.reply and "no money was taken" not in outcome.reply, outcome.reply


async def test_a_reset_asked_of_us_after_its_email_never_came_offers_a_person_not_the_steps_again(converse):
    # The FAQ shortcut sent the reset's steps a third time.
    *_, outcome = await converse("cus_alice", "I forgot my password", "the reset email never came",
                                 "can you just reset it for me?")
    assert outcome.reply.startswith("I can't reset a password from this chat: the reset link only goes to the email "
                                    "address on your account (alice@example.com)."), outcome.reply
    assert "Forgot password" not in outcome.reply and outcome.route != "faq", outcome.reply


async def test_a_reset_asked_of_us_says_it_is_done_by_the_customer_with_the_steps(converse):
    [outcome] = await converse("cus_bob", "can you reset my password for me?")
    assert outcome.reply.startswith("I can't reset a password from this chat, but you can do it yourself: Open the "
                                    "sign-in page, choose **Forgot password**"), outcome.reply


async def test_a_reset_asked_of_us_a_few_turns_after_the_email_was_missed_still_reads_it_as_the_password(converse):
    *_, outcome = await converse("cus_carol", "I forgot my password", "the reset email never came", "I checked spam",
                                 "can you just reset it for me?")
    assert "I can't reset a password from this chat" in outcome.reply and "Forgot password" not in outcome.reply


async def test_more_memory_asked_after_no_plans_figure_says_how_is_not_said_either(converse):
    # The scaling guide's steps, as if the app were slow to start.
    *_, outcome = await converse("cus_bob", "how much memory do I get?", "can I get more?")
    assert outcome.reply.startswith("Our help centre doesn't say how to get more memory for an app either"), outcome.reply
    assert "Keep a minimum of one instance" not in outcome.reply and "pass you to a person" in outcome.reply


async def test_more_build_time_asked_after_its_figure_is_still_the_plans_above(converse):
    _, outcome = await converse("cus_alice", "what is the max build time?", "can I get more?")
    assert "builds of up to 45 minutes" in outcome.reply and "doesn't say how to get more" not in outcome.reply


async def test_why_after_a_payment_refused_for_an_expired_card_says_why_not_my_answer_is_the_same(converse):
    # "My answer is the same as in my last message" and the whole reply again.
    _, outcome = await converse("cus_alice", "my invoice failed", "why?")
    assert outcome.reply.startswith("Because the card ending 4242 had expired (10/2026), and a payment can't be taken "
                                    "from an expired card."), outcome.reply
    assert "My answer is the same" not in outcome.reply and "NW-1003 again" in outcome.reply


async def test_whats_our_limit_after_429s_is_the_plans_limit_not_the_guide_again(converse):
    # The rate limits guide's steps a second time: "our limit" was not read as "the limit".
    _, outcome = await converse("cus_bob", "our API calls are getting 429s", "what's our limit?")
    assert "3,000 requests a minute on Business" in outcome.reply, outcome.reply
    assert "Read the `Retry-After` header on the 429 response" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["who can I talk to about that?", "ok who should I contact then?"])
async def test_who_can_i_talk_to_after_a_need_no_plan_meets_hands_over_to_a_person(converse, message):
    # The rate limits guide's steps again, after the reply had said a person would need to look at the case.
    *_, outcome = await converse("cus_bob", "our API calls are getting 429s", "we need about 5000 requests a minute",
                                 message)
    assert outcome.route == "handoff", outcome.reply


async def test_who_to_contact_about_something_named_is_still_answered_here(converse):
    [outcome] = await converse("cus_bob", "who do I contact about a duplicate charge?")
    assert outcome.route != "handoff" and "NW-2002" in outcome.reply, outcome.reply


async def test_how_do_i_get_pro_from_free_is_the_upgrades_steps(converse):
    # "Your plan, Free, includes one app, shared resources and community support."
    _, outcome = await converse("cus_carol", "what's the difference between pro and business?", "ok how do I get pro?")
    assert "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month)" in outcome.reply, outcome.reply
    assert "Your plan, Free, includes" not in outcome.reply, outcome.reply


async def test_how_can_we_get_the_plan_we_are_on_says_there_is_no_move_to_make(converse):
    # The FAQ shortcut sent the upgrade's steps to Bob, on Business.
    [outcome] = await converse("cus_bob", "how can we get business?")
    assert "You're already on the Business plan" in outcome.reply and "choose Pro" not in outcome.reply, outcome.reply


async def test_what_you_get_on_a_plan_is_still_no_move_to_it(converse):
    [outcome] = await converse("cus_carol", "what do I get on pro?")
    assert "Go to **Billing → Plan**, choose Pro" not in outcome.reply, outcome.reply


async def test_backup_codes_after_two_factor_are_its_recovery_codes_not_data_backups(converse):
    # "Our help centre doesn't say whether or how your data is backed up", and the export's steps.
    _, outcome = await converse("cus_alice", "how do I turn on 2fa?", "do you have backup codes?")
    assert "recovery code" in outcome.reply and "backed up" not in outcome.reply, outcome.reply


async def test_data_backups_are_still_said_to_be_undescribed(converse):
    [outcome] = await converse("cus_alice", "is my data backed up?")
    assert "doesn't say whether or how your data is backed up" in outcome.reply, outcome.reply


async def test_how_do_i_deploy_is_not_answered_with_the_deploy_limits(converse):
    # "Free accounts get 10 deploys a day …": the entry on how many deploys, quoted as how to deploy.
    [outcome] = await converse(None, "how do I deploy?")
    assert "Our help centre has no guide on how to do that as such" in outcome.reply, outcome.reply
    assert "10 deploys a day" not in outcome.reply, outcome.reply


async def test_how_many_deploys_is_still_the_deploy_limits(converse):
    [outcome] = await converse(None, "how many deploys can I do?")
    assert "Free accounts get 10 deploys a day" in outcome.reply, outcome.reply


async def test_will_i_get_an_email_after_a_refund_sent_for_approval_says_the_decision_comes_here(converse):
    # "The email address on your account is bob@example.com.", as an account question.
    _, outcome = await converse("cus_bob", "I was charged twice this month", "will I get an email?")
    assert outcome.reply.startswith("Once a member of our staff has reviewed the refund, their decision is posted "
                                    "here in this chat"), outcome.reply
    assert "bob@example.com" not in outcome.reply and outcome.intent.label == "refund", outcome.reply


async def test_will_you_let_me_know_a_turn_after_the_wait_was_told_still_reads_the_wait(converse):
    *_, outcome = await converse("cus_bob", "I was charged twice this month", "how long will it take?",
                                 "will you let me know when it's approved?")
    assert "their decision is posted here in this chat" in outcome.reply, outcome.reply


async def test_will_i_get_an_email_with_nothing_waiting_for_staff_is_still_no_decision_told(converse):
    [outcome] = await converse("cus_alice", "will I get an email?")
    assert "decision is posted" not in outcome.reply, outcome.reply


async def test_a_plan_recommended_for_a_small_team_adds_how_many_members_each_plan_allows(converse):
    # What Business adds, with nothing of the team the question was asked for.
    _, outcome = await converse("cus_carol", "what's the difference between pro and business?",
                                "which one do you recommend for a small team?")
    assert "Free and Pro accounts can invite up to 3 members; Business accounts have no limit" in outcome.reply


async def test_the_plan_to_choose_for_a_team_from_a_visitor_adds_the_members_each_plan_allows(converse):
    [outcome] = await converse(None, "which plan is best for my team?")
    assert "Which plan suits you depends on what you need" in outcome.reply, outcome.reply
    assert "Free and Pro accounts can invite up to 3 members" in outcome.reply, outcome.reply


async def test_the_plan_to_choose_with_no_team_named_still_asks_what_the_app_needs(converse):
    [outcome] = await converse(None, "which plan should I choose?")
    assert "Tell me what your app needs" in outcome.reply and "invite up to 3" not in outcome.reply, outcome.reply


async def test_keeping_a_free_app_awake_after_the_scaling_guide_is_the_plans_it_never_sleeps_on(converse):
    # The scaling guide's steps again, whose step on a minimum instance says apps on Free sleep all the same.
    *_, outcome = await converse("cus_carol", "why is my app so slow?", "it takes like 10 seconds to load",
                                 "is there a way to keep it awake?")
    assert "Apps on Pro and Business never sleep. So keeping an app awake means moving it to Pro or Business" in \
        outcome.reply, outcome.reply
    assert "Our help centre says: Apps on the Free plan sleep" in outcome.reply and "Yes:" not in outcome.reply


async def test_keeping_an_app_awake_on_pro_says_it_stays_awake_with_nothing_to_do(converse):
    [outcome] = await converse("cus_alice", "how do I stop my app from sleeping?")
    assert "As you're on Pro, yours stay awake with nothing to do." in outcome.reply, outcome.reply
    assert "So keeping an app awake means moving" not in outcome.reply, outcome.reply


async def test_can_my_team_see_them_after_environment_variables_is_what_members_may_see(converse):
    # "I don't have enough information": "my team" was not read as the people the question is about.
    _, outcome = await converse("cus_bob", "how do I set environment variables?", "can my team see them?")
    assert "It doesn't say what each role lets a member see or do" in outcome.reply, outcome.reply
    assert "From my last message: Mark API keys and passwords as **Secret**" in outcome.reply, outcome.reply


async def test_the_old_inbox_out_of_reach_after_the_email_changes_steps_is_no_obstacle_when_signed_in(converse):
    # "Your account (alice) is active" and "I don't have enough information": "the old one" was not read as the address.
    _, outcome = await converse("cus_alice", "how do I change my email?", "I don't have access to the old one anymore")
    assert outcome.reply.startswith("As you're signed in here, you can change it without the old inbox:"), outcome.reply
    assert "you don't need alice@example.com for it" in outcome.reply, outcome.reply


async def test_an_email_out_of_reach_said_in_so_many_words_is_changed_in_the_profile(converse):
    # "The email address on your account is alice@example.com.", and nothing of what to do.
    [outcome] = await converse("cus_alice", "I don't have access to my email anymore")
    assert "you can change it without the old inbox: Go to **Settings → Profile**" in outcome.reply, outcome.reply


async def test_an_email_out_of_reach_beside_a_forgotten_password_is_still_the_resets_way(converse):
    [outcome] = await converse("cus_alice", "I forgot my password and I don't have access to my email anymore")
    assert "without access to that inbox the reset can't reach you" in outcome.reply, outcome.reply


async def test_what_now_after_a_guides_steps_is_the_first_step(converse):
    # The entry on support hours (0.85 for "what now").
    _, outcome = await converse("cus_bob", "how do I set environment variables?", "what now?")
    assert outcome.reply.startswith("Start with the first step from my last message:\n1. Go to **App → Settings → "
                                    "Environment**"), outcome.reply
    assert "support staff are here" not in outcome.reply, outcome.reply


async def test_what_now_after_an_entrys_steps_is_where_it_says_to_go(converse):
    *_, outcome = await converse("cus_alice", "how do I change my email?", "I don't have access to the old one anymore",
                                 "what now?")
    assert outcome.reply.startswith("The next step is the one from my last message:"), outcome.reply
    assert "Go to **Settings → Profile**" in outcome.reply and "support staff" not in outcome.reply, outcome.reply


async def test_what_now_to_open_a_chat_asks_what_to_help_with(converse):
    [outcome] = await converse("cus_alice", "what now?")
    assert outcome.reply.startswith("What can I help you with?") and "support staff" not in outcome.reply


async def test_what_are_your_support_hours_is_still_the_support_hours(converse):
    [outcome] = await converse("cus_alice", "what are your support hours?")
    assert "Monday to Friday, 08:00 to 20:00 UTC" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["sorry, wrong window", "oops wrong chat", "that wasn't meant for you"])
async def test_a_message_meant_for_somewhere_else_is_left_there(converse, message):
    # "I don't have a guide in our help centre that fits this" and a person offered.
    _, outcome = await converse(None, "asdf", message)
    assert outcome.reply.startswith("No problem, I'll leave it there."), outcome.reply


async def test_how_do_i_get_pro_after_talk_of_a_slow_app_is_still_the_move_to_pro(converse):
    # Read as a follow-up of the slow app (technical at 0.90): the scaling guide's steps, or Free's contents.
    *_, outcome = await converse("cus_carol", "why is my app so slow?", "is there a way to keep it awake?",
                                 "ok how do I get pro?")
    assert "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month)" in outcome.reply, outcome.reply
    assert outcome.intent.label == "billing" and "App → Scaling" not in outcome.reply, outcome.reply


async def test_what_now_after_a_reply_with_no_step_says_that_is_where_things_stand(converse):
    # In the browser: "what now?" after NW-1003's nothing to refund got the support hours.
    _, outcome = await converse("cus_alice", "can I get a refund for NW-1003?", "what now?")
    assert "support staff are here" not in outcome.reply and outcome.route != "faq", outcome.reply


async def test_what_now_after_a_greeting_asks_what_to_help_with(converse):
    _, outcome = await converse("cus_alice", "hi", "what now?")
    assert outcome.reply.startswith("What can I help you with?"), outcome.reply


async def test_she_left_the_company_after_asking_to_remove_a_member_offers_the_person_without_repeating(converse):
    # "I don't have enough information": "she" was not read as the member to remove.
    _, outcome = await converse("cus_bob", "I need to remove a team member", "she left the company")
    assert outcome.reply.startswith("Understood. As removing someone from the team isn't described in our help "
                                    "centre"), outcome.reply
    assert "My answer is the same" not in outcome.reply and "pass you to a person" in outcome.reply


async def test_they_left_after_an_outage_is_still_no_team_member_gone(converse):
    _, outcome = await converse("cus_bob", "my app is down", "they left")
    assert "removing someone from the team" not in outcome.reply and "team members" not in outcome.reply


async def test_how_long_until_it_is_fixed_once_the_incident_was_ruled_out_says_no_fix_of_ours_is_under_way(converse):
    # The API errors guide's steps, as if the fault were being reported for the first time.
    *_, outcome = await converse("cus_bob", "hey, our site is down!!", "it's in us-east", "how long until it's fixed?")
    assert outcome.reply.startswith("As the open incident isn't the cause, there's no fix of ours under way"), \
        outcome.reply
    assert "Check status.northwind.cloud" not in outcome.reply, outcome.reply


async def test_how_long_until_the_incident_is_fixed_is_still_no_estimate(converse):
    _, outcome = await converse("cus_bob", "hey, our site is down!!", "how long until it's fixed?")
    assert "I don't have an estimate for when it will be fixed" in outcome.reply, outcome.reply


async def test_i_set_the_cname_after_the_domains_guide_is_the_step_done_and_those_after_it(converse):
    # The entry on custom domains again, from its first step: "set" was not read as a step done.
    _, outcome = await converse("cus_alice", "my domain shows a 404", "I set the CNAME")
    assert outcome.reply.startswith("Good. The steps after that in our guide “Custom domains and DNS”:"), outcome.reply


async def test_what_about_team_members_after_losing_the_sla_on_a_downgrade_is_what_the_move_does_to_them(converse):
    # The team's entry as a guess ("I think you're asking about “How do I add team members?”").
    *_, outcome = await converse("cus_bob", "I want to downgrade to pro", "will I lose my SLA?",
                                 "what about team members?")
    assert outcome.reply.startswith("What our help centre says: Free and Pro accounts can invite up to 3 members"), \
        outcome.reply
    assert "I think you're asking about" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["do you have an affiliate program?", "partnership?", "can I refer a friend?"])
async def test_a_partner_programme_asked_about_is_said_to_be_uncovered_with_a_person(converse, message):
    # "I don't have enough information", or the scope reply for "partnership?".
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("Our help centre doesn't mention an affiliate, referral or partner programme"), \
        outcome.reply


async def test_where_are_the_docs_after_the_api_says_the_help_centre_links_to_no_other_documentation(converse):
    # "I don't have enough information".
    _, outcome = await converse("cus_bob", "is there an API for deployments?", "where are the docs?")
    assert "it doesn't link to any other documentation, such as an API reference" in outcome.reply, outcome.reply


async def test_a_partners_card_is_still_no_partner_programme(converse):
    [outcome] = await converse("cus_bob", "my partner's card was charged twice")
    assert "partner programme" not in outcome.reply, outcome.reply


async def test_how_much_do_i_pay_per_month_says_the_amount_not_that_payments_are_monthly(converse):
    # "You already pay monthly: …", an answer to whether, not how much.
    [outcome] = await converse("cus_alice", "how much do I pay per month?")
    assert outcome.reply.startswith("You pay $29.00 a month for your Pro plan."), outcome.reply


async def test_can_i_pay_monthly_still_says_the_payments_are_monthly_already(converse):
    [outcome] = await converse("cus_alice", "can I pay monthly?")
    assert outcome.reply.startswith("You already pay monthly"), outcome.reply


async def test_it_says_account_locked_right_after_the_unlock_is_told_the_account_is_open(converse):
    # The FAQ shortcut sent the entry on locks ("ask us to unlock it") to a customer just unlocked.
    _, outcome = await converse("cus_carol", "i cant login", "it says account locked")
    assert outcome.reply.startswith("Your account (carol) is active again"), outcome.reply
    assert outcome.route != "faq", outcome.reply


@pytest.mark.parametrize("message", ["is northwind reliable?", "how reliable are you?"])
async def test_reliability_asked_is_the_uptime_the_help_centre_can_speak_of(converse, message):
    # "I don't have enough information".
    [outcome] = await converse(None, message)
    assert "99.95% monthly uptime SLA" in outcome.reply and "status.northwind.cloud" in outcome.reply, outcome.reply


async def test_i_want_free_from_pro_is_the_downgrades_steps_not_the_invoice_list(converse):
    # "You're on the Pro plan at $29.00 a month" and the invoice list, for "being charged".
    [outcome] = await converse("cus_alice", "I'm being charged for pro but I want free")
    assert outcome.reply.startswith("Go to **Billing → Plan** and choose the smaller plan."), outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply


async def test_how_and_when_after_wanting_free_are_that_moves_steps_and_timing(converse):
    # The plan alone, then the plan and the invoice list.
    _, how, when = await converse("cus_alice", "I'm being charged for pro but I want free", "how do I do that?",
                                  "when does it take effect?")
    assert "choose the smaller plan" in how.reply and "takes effect at the end of your current billing period" in \
        when.reply, (how.reply, when.reply)
    assert "Here are your most recent invoices" not in when.reply, when.reply


@pytest.mark.parametrize("message", ["I want free ssl", "I want a free trial"])
def test_free_things_wanted_are_still_no_move_to_free(message):
    from agents.service_terms import plan_moved_to

    assert plan_moved_to(message) is None


async def test_where_do_i_enter_it_after_the_invoice_details_steps_is_where_they_are_entered(converse):
    # "My answer is the same as in my last message" and the whole entry again.
    _, outcome = await converse("cus_bob", "we need an invoice with our company address", "where do I enter it?")
    assert outcome.reply.startswith("Under **Billing → Details**:"), outcome.reply


@pytest.mark.parametrize("message", ["what's the difference between your plans?", "how do your plans differ?"])
async def test_the_difference_between_the_plans_is_the_entry_that_sets_them_side_by_side(converse, message):
    # "I don't have enough information": its words scored the entry on the plans 0.02.
    [outcome] = await converse("cus_bob", message)
    assert "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month." in outcome.reply


async def test_the_difference_between_two_plans_named_is_still_those_two(converse):
    [outcome] = await converse("cus_alice", "what's the difference between pro and business?")
    assert "Business ($99.00 a month) has everything in Pro" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message", "opening"), [
    ("cus_bob", "we're on business right?", "Yes: you're on the Business plan"),
    ("cus_alice", "I'm on business, right?", "No: you're on the Pro plan at $29.00 a month, not Business."),
])
async def test_a_plan_said_to_confirm_is_answered_yes_or_no(converse, customer, message, opening):
    # "I don't have a guide on that in our help centre".
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(opening), outcome.reply


async def test_a_number_asked_after_more_than_one_app_is_that_many_apps(converse):
    # The API rate limits guide, for "what about 10?", and the same again for "and 11?".
    *_, ten, eleven = await converse("cus_carol", "can I have more than one app?", "what about 10?", "and 11?")
    assert "Pro ($29.00 a month) includes up to 10 apps" in ten.reply, ten.reply
    assert "Business ($99.00 a month) includes unlimited apps" in eleven.reply, eleven.reply
    assert "Retry-After" not in ten.reply + eleven.reply


@pytest.mark.parametrize("message", ["do you support wildcard domains?", "can I use *.example.com?"])
async def test_wildcard_domains_are_said_to_be_undescribed_not_answered_with_the_domains_steps(converse, message):
    # The custom domains guide's steps, as if one name were being added.
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("Our help centre doesn't mention wildcard domains"), outcome.reply
    assert outcome.intent.label == "technical" and "Add domain" not in outcome.reply, outcome.reply


async def test_a_demo_asked_for_is_said_to_be_undescribed_with_a_person(converse):
    # "I don't have a guide on that in our help centre".
    [outcome] = await converse(None, "can I get a demo?")
    assert outcome.reply.startswith("Our help centre doesn't mention demos"), outcome.reply


async def test_the_max_app_size_is_no_figure_any_plan_states_not_the_count_of_apps(converse):
    # "It depends on the plan. Free: one app; Pro …: up to 10 apps": "size" read as how many.
    [outcome] = await converse(None, "what's the max app size?")
    assert outcome.reply.startswith("Our help centre doesn't give an app size figure for any plan"), outcome.reply
    assert "up to 10 apps" not in outcome.reply, outcome.reply
