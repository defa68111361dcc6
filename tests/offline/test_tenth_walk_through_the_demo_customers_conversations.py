"""What a tenth walk through the demo customers' conversations found, each fixed: a reply that lost the thread,
answered another question, or came out broken. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn
from agents.outcome import ActionRecord
from agents.staff_decisions import decision_awaited, decision_told_reply
from agents.workers.actions import describe_actions
from tests.agents.fakes import ctx_for


@pytest.mark.parametrize("message", ["how do I deploy more than 10 times a day?",
                                     "can I deploy more than 10 times per day?"])
async def test_deploying_more_than_ten_times_a_day_on_business_is_told_its_deploys_are_unlimited(converse, message):
    # "Our help centre has no guide on how to do that as such", as if deploying were what was asked.
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("You're on the Business plan: Pro and Business have unlimited deploys"), outcome.reply
    assert "no guide" not in outcome.reply and "No plan allows more" not in outcome.reply, outcome.reply


async def test_deploying_more_than_ten_times_a_day_on_free_is_told_the_limit_and_the_plans_without_it(converse):
    [outcome] = await converse("cus_carol", "how do I deploy more than 10 times a day?")
    assert "You're on the Free plan: Free accounts get 10 deploys a day" in outcome.reply, outcome.reply
    assert "Pro and Business have unlimited deploys" in outcome.reply, outcome.reply


async def test_more_deploys_asked_on_pro_is_not_told_that_no_plan_allows_more_than_unlimited(converse):
    # "No plan allows more than Pro does. For more than that, a person …" after "unlimited deploys".
    [outcome] = await converse("cus_alice", "i need more deploys per day")
    assert "unlimited deploys" in outcome.reply and "No plan allows more" not in outcome.reply, outcome.reply


async def test_more_build_minutes_on_business_is_still_told_no_plan_allows_more(converse):
    # The plan's clause says "unlimited deploys and builds of up to 45 minutes": the minutes are not unlimited.
    [outcome] = await converse("cus_bob", "how do I get more build minutes?")
    assert "No plan allows more than Business does" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["what's the max team size?", "what is the maximum number of team members?",
                                     "what is the team size limit on pro?"])
async def test_the_largest_team_asked_is_told_how_many_members_each_plan_allows(converse, message):
    # The scope reply, or "I don't have enough information".
    [outcome] = await converse("cus_bob", message)
    assert "Free and Pro accounts can invite up to 3 members; Business accounts have no limit" in outcome.reply, \
        outcome.reply


async def test_how_will_i_know_after_an_unlock_done_at_once_says_there_is_nothing_to_wait_for(converse):
    # The scope reply: "I can only help with your Northwind account …".
    _, outcome = await converse("cus_carol", "unlock my account", "how will I know?")
    assert outcome.reply.startswith("There's nothing left to wait for: your account is already unlocked"), outcome.reply
    assert outcome.intent.label == "account", outcome.intent


async def test_will_i_get_an_email_after_an_unlock_told_again_says_there_is_nothing_to_wait_for(converse):
    # The address on the account, as an account question.
    *_, outcome = await converse("cus_carol", "unlock my account", "please unlock it", "will I get an email?")
    assert "your account is already unlocked" in outcome.reply and "carol@example.com" not in outcome.reply, \
        outcome.reply


def test_a_refund_done_at_once_is_read_as_nothing_left_to_wait_for():
    done = describe_actions([ActionRecord(kind="refund", status="completed", reference="RF-0007",
                                          invoice_number="NW-1002", amount="29.00")], limit="50.00")
    ctx = ctx_for("how will I know?", "cus_alice", history=[HistoryTurn(role="user", text="refund NW-1002 please"),
                                                            HistoryTurn(role="assistant", text=done)])
    assert decision_awaited(ctx) == "refunded"
    assert decision_told_reply("refunded", message=ctx.message).startswith(
        "There's nothing left to wait for from us: the refund is already done")


async def test_how_will_i_know_while_a_refund_waits_for_staff_is_not_answered_yes(converse):
    _, outcome = await converse("cus_bob", "I was charged twice this month", "how will I know?")
    assert outcome.reply.startswith("Once a member of our staff has reviewed the refund"), outcome.reply


async def test_will_you_let_me_know_while_a_refund_waits_for_staff_is_still_answered_yes(converse):
    _, outcome = await converse("cus_bob", "I was charged twice this month", "will you let me know?")
    assert outcome.reply.startswith("Yes: once a member of our staff has reviewed the refund"), outcome.reply


@pytest.mark.parametrize("message", ["any outages recently?", "are there any outages?", "any incidents?"])
async def test_whether_there_is_an_outage_is_told_the_incident_without_a_guide_for_errors_nobody_had(converse, message):
    # The API errors' guide followed the incident: "Meanwhile, if it's on your side …", for errors nobody reported.
    [outcome] = await converse(None, message)
    assert "“Elevated API error rates in eu-west” is open (status: investigating)" in outcome.reply, outcome.reply
    assert "Troubleshooting API errors" not in outcome.reply, outcome.reply


async def test_an_outage_asked_beside_errors_of_their_own_still_gets_the_guide_after_the_incident(converse):
    [outcome] = await converse("cus_alice", "my app returns 502, are there any outages?")
    assert "There's an active incident in eu-west" in outcome.reply, outcome.reply
    assert "Meanwhile, if it's on your side, our guide “Troubleshooting API errors" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("before", "customer"), [("compare pro and business", "cus_carol"),
                                                  ("what does pro include?", "cus_carol"),
                                                  ("what does business include?", None)])
async def test_trying_it_first_after_the_paid_plans_were_talked_of_is_told_no_trial_is_described(
        converse, before, customer):
    # "I don't have a guide on that"; after "what does pro include?", "before paying" found the card's entry.
    for asked in ("can I try it first?", "can I try it before paying?"):
        _, outcome = await converse(customer, before, asked)
        assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply


async def test_trying_it_first_after_a_guide_is_still_not_read_as_a_trial(converse):
    _, outcome = await converse("cus_alice", "my app is slow", "let me try that first")
    assert "free trials" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "before", "asked", "place"), [
    ("cus_bob", "my invoice shows the wrong company name", "can you change it?", "Billing → Details"),
    ("cus_bob", "how do I add a team member?", "can you do that for me?", "Settings → Team → Invite"),
    ("cus_alice", "how do I delete my account?", "can you do it for me?", "Settings → Account → Delete account"),
    ("cus_carol", "my deploy failed", "can you reset it for me?", "App → Deploys"),
])
async def test_a_step_of_the_customers_own_asked_of_the_assistant_is_said_to_be_theirs(
        converse, customer, before, asked, place):
    # The same steps again behind "My answer is the same"; after the failed deploy's guide, the password reset's.
    _, outcome = await converse(customer, before, asked)
    assert outcome.reply.startswith("I'm sorry, I can't do that for you from this chat"), outcome.reply
    assert f"starting at **{place}**" in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply and "Forgot password" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "before", "asked", "expected"), [
    ("cus_alice", "I forgot my password", "can you reset it for me?", "I can't reset a password from this chat"),
    ("cus_alice", "how do I cancel?", "can you do it for me?", "I can't cancel your subscription myself"),
    ("cus_alice", "how do I update my card?", "can you update it for me?", "The card on file is a visa ending 4242"),
    ("cus_carol", "I am locked out", "can you fix it?", "I unlocked it for you"),
])
async def test_a_step_asked_of_the_assistant_that_its_own_part_answers_still_gets_that_answer(
        converse, customer, before, asked, expected):
    _, outcome = await converse(customer, before, asked)
    assert expected in outcome.reply and "starting at **" not in outcome.reply, outcome.reply


async def test_when_alone_after_the_steps_to_cancel_is_when_the_plan_ends(converse):
    # The scope reply: "when?" names nothing.
    _, outcome = await converse("cus_alice", "how do I cancel?", "when?")
    assert outcome.reply.startswith("Your paid plan stays active until the end of the period you've paid for"), \
        outcome.reply


async def test_when_alone_after_a_retry_of_the_payment_was_promised_is_when_it_is_tried(converse):
    *_, outcome = await converse("cus_alice", "hi, my payment failed", "I updated the card yesterday",
                                 "so will you charge it again?", "when?")
    assert outcome.reply == "We retry any failed invoice on the new card within a day.", outcome.reply


async def test_when_alone_after_a_refund_filed_is_still_when_its_money_arrives(converse):
    _, outcome = await converse("cus_bob", "I was charged twice", "when?")
    assert "5 to 10 business days" in outcome.reply and "RF-0001" in outcome.reply, outcome.reply


async def test_when_alone_after_a_reply_that_says_no_time_is_still_not_given_a_time(converse):
    _, outcome = await converse("cus_alice", "where are my apps hosted?", "when?")
    assert "within" not in outcome.reply and "at once" not in outcome.reply, outcome.reply


async def test_what_the_error_says_after_the_crash_guide_gets_its_step_on_memory(converse):
    # "My answer is the same as in my last message", and the whole guide again.
    _, outcome = await converse("cus_carol", "my app keeps crashing", "it says out of memory")
    assert outcome.reply.startswith("Thanks for sending the error. The step of our guide “Scaling and cold starts” "
                                    "that fits it:\n5. Watch memory in **App → Metrics**"), outcome.reply
    assert "My answer is the same" not in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply


@pytest.mark.parametrize("before", ["I want a refund", "how do I change my email?"])
async def test_for_what_alone_is_asked_what_needs_explaining(converse, before):
    # The scope reply.
    _, outcome = await converse("cus_carol", before, "for what?")
    assert outcome.reply.startswith("Sorry if that wasn't clear"), outcome.reply


async def test_a_sign_in_blamed_on_two_factor_while_locked_with_it_off_starts_the_unlock(converse):
    # The lock and that no code is needed, then how to set two-factor up; the unlock was never started.
    [outcome] = await converse("cus_carol", "I can't log in, the phone thing is 2fa related")
    assert "I've unlocked your account" in outcome.reply, outcome.reply
    assert "you don't need a code from your authenticator" in outcome.reply, outcome.reply
    assert "here's how to set it up" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I cant get my 2fa codes", "I lost my 2fa phone"])
async def test_two_factor_trouble_while_locked_with_it_off_is_offered_the_unlock(converse, message):
    [outcome] = await converse("cus_carol", message)
    assert "I can start the unlock for you" in outcome.reply, outcome.reply


async def test_whether_two_factor_is_on_while_locked_is_still_not_offered_the_unlock(converse):
    [outcome] = await converse("cus_carol", "is 2fa on?")
    assert "Two-factor authentication is currently off" in outcome.reply, outcome.reply
    assert "start the unlock" not in outcome.reply, outcome.reply


async def test_a_lost_authenticator_on_an_open_account_is_still_shown_how_to_set_it_up(converse):
    [outcome] = await converse("cus_alice", "I lost my phone with the authenticator")
    assert "here's how to set it up" in outcome.reply, outcome.reply


@pytest.mark.parametrize("objection", ["but it failed", "why not, it failed"])
async def test_a_failed_payment_said_back_after_nothing_to_refund_is_told_that_is_why(converse, objection):
    # The refund policy, as if a charge had been taken and refused.
    _, outcome = await converse("cus_alice", "can I get a refund for NW-1003?", objection)
    assert outcome.reply.startswith("That's why there's nothing to refund: its payment didn't go through, so no money "
                                    "was taken for NW-1003"), outcome.reply
    assert "14 days" not in outcome.reply, outcome.reply


async def test_why_not_after_nothing_to_refund_is_still_because_no_money_was_taken(converse):
    _, outcome = await converse("cus_alice", "can I get a refund for NW-1003?", "why not?")
    assert outcome.reply.startswith("Because no money was taken for NW-1003"), outcome.reply


async def test_the_catch_of_being_free_asked_after_signing_up_is_what_free_leaves_out(converse):
    # The scope reply: "is it free?" reads as a follow-up itself, so the question before it was looked at.
    *_, outcome = await converse(None, "I want to sign up", "is it free?", "whats the catch?")
    assert outcome.reply.startswith("The catch is what Free leaves out, which Pro adds."), outcome.reply


async def test_switching_to_yearly_billing_is_told_who_can_pay_yearly(converse):
    # "I can't find anything about paying yearly", though the entry on payment methods says Business customers can.
    [outcome] = await converse("cus_bob", "I want to switch to yearly billing")
    assert "on your business plan you can pay yearly" in outcome.reply.lower(), outcome.reply
    assert "can't find anything about paying yearly" not in outcome.reply, outcome.reply


async def test_how_much_would_i_save_after_yearly_billing_is_the_saving_of_paying_yearly(converse):
    # The three plans' prices, as if a cheaper plan had been asked for.
    _, outcome = await converse("cus_alice", "I want to switch to yearly billing", "how much would I save?")
    assert "I can't find anything about a discount for paying yearly" in outcome.reply, outcome.reply
    assert "We have three plans" not in outcome.reply, outcome.reply


async def test_how_much_would_i_save_alone_is_still_not_read_as_yearly(converse):
    [outcome] = await converse("cus_carol", "how much would I save?")
    assert "yearly" not in outcome.reply, outcome.reply


async def test_how_long_it_has_been_after_the_certificates_guide_offers_a_person_not_the_guide_again(converse):
    _, outcome = await converse("cus_alice", "my custom domain shows a certificate error", "it's been 2 days")
    assert outcome.reply.startswith("Thanks, that helps. If the steps in our guide “TLS (SSL) certificates” haven't "
                                    "sorted it out"), outcome.reply
    assert "Retry certificate" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["can we get an invoice for the refund?", "can I get a credit note for the refund?"])
async def test_a_document_for_a_refund_is_said_to_be_undescribed_with_a_person(converse, message):
    # The duplicate charge described again, or the refund's state, answering nothing of it.
    _, outcome = await converse("cus_bob", "I was charged twice", message)
    assert outcome.reply.startswith("Our help centre doesn't say whether a refund comes with its own invoice"), \
        outcome.reply
    assert outcome.intent.label == "refund", outcome.intent


@pytest.mark.parametrize(("customer", "message", "expected"), [
    ("cus_alice", "hw do i updat my crd", "choose **Replace card**"),
    ("cus_alice", "can i chnge my pasword", "choose **Forgot password**"),
    ("cus_alice", "I lost my pasword, can you recover it?", "choose **Forgot password**"),
])
async def test_a_question_typed_in_a_hurry_is_read_with_its_words_spelt(converse, customer, message, expected):
    # The invoice list, or "I don't have enough information".
    [outcome] = await converse(customer, message)
    assert expected in outcome.reply, outcome.reply


@pytest.mark.parametrize("turns", [("how do i rotate my api key?",), ("my api key leaked", "how do i rotate it?"),
                                   ("where do I find my api key?", "how do I revoke it?")])
async def test_replacing_or_revoking_an_api_key_is_said_to_be_undescribed_with_a_person(converse, turns):
    # "I don't have a guide on that", after the leak's reply had said a person can help replace it.
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Our help centre doesn't describe how to create, rotate or revoke API keys"), \
        outcome.reply


async def test_resetting_it_after_a_failed_deploy_is_still_not_read_as_a_key(converse):
    _, outcome = await converse("cus_alice", "my deploy failed", "how do I reset it?")
    assert "API keys" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I'm having issues creating an account", "error creating an account"])
async def test_trouble_creating_an_account_is_a_sign_up_problem(converse, message):
    # The upgrade's steps ("Here are the plans we offer …"), or that the help centre doesn't describe signing up.
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("I'm sorry signing up gave you trouble"), outcome.reply


async def test_another_month_after_a_receipt_is_that_months_invoice(converse):
    # The scope reply.
    _, outcome = await converse("cus_alice", "I need a receipt for october", "and september?")
    assert outcome.reply.startswith("Invoice NW-1001 is for $29.00"), outcome.reply


async def test_another_month_after_a_refund_refused_is_still_that_months_refund(converse):
    _, outcome = await converse("cus_alice", "refund my october invoice", "ok what about september?")
    assert "invoice NW-1001 ($29.00), paid on 2026-09-01, is outside our 14-day refund window" in outcome.reply, \
        outcome.reply


async def test_how_do_i_claim_after_the_slas_credits_is_not_read_as_a_complaint(converse):
    # "I'm sorry something has gone wrong … who will take your complaint".
    _, outcome = await converse("cus_bob", "do you have an sla?", "how do I claim?")
    assert "doesn't say how to claim them" in outcome.reply and "complaint" not in outcome.reply, outcome.reply


async def test_making_a_claim_with_nothing_before_is_still_a_complaint(converse):
    [outcome] = await converse("cus_bob", "I want to make a claim")
    assert "take your complaint" in outcome.reply, outcome.reply


@pytest.mark.parametrize("turns", [("what are your support hours?", "what about holidays?"),
                                   ("are you open on christmas?",), ("is support available during public holidays?",)])
async def test_support_on_a_holiday_is_said_to_be_undescribed_with_a_person(converse, turns):
    # The scope reply; Bob got the hours and his plan's priority support, as if the holiday were unasked.
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Our help centre doesn't say whether our support staff's hours change on public "
                                    "holidays"), outcome.reply


async def test_holidays_named_alone_with_nothing_about_support_before_are_still_not_our_hours(converse):
    [outcome] = await converse(None, "what about holidays?")
    assert "support staff's hours" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("asked", ["how do I get a second one?", "how do I get more?"])
async def test_another_app_asked_after_the_plans_app_count_is_the_plan_with_more(converse, asked):
    # The API rate limits guide's steps, for "get more".
    _, outcome = await converse("cus_carol", "can I have more than one app on free?", asked)
    assert "Pro ($29.00 a month) includes up to 10 apps" in outcome.reply, outcome.reply
    assert "Retry-After" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("before", "first_step"), [
    ("my site says 502 bad gateway", "1. Check status.northwind.cloud for an active incident in your app's region."),
    ("my deploy failed", "1. Open **App → Deploys**, select the failed deploy"),
])
@pytest.mark.parametrize("asked", ["what should I check first?", "where do I start?"])
async def test_where_to_start_after_a_guide_is_its_first_step(converse, before, first_step, asked):
    # "I don't have a guide on that".
    _, outcome = await converse("cus_carol", before, asked)
    assert outcome.reply.startswith(f"Start with the first step from my last message:\n{first_step}"), outcome.reply


async def test_what_a_plans_price_buys_is_what_the_plan_includes(converse):
    # The scope reply.
    *_, outcome = await converse("cus_alice", "hello, I have a question about my bill", "why is it $29?",
                                 "what do I get for that?")
    assert "Pro ($29.00 a month), includes up to 10 apps, custom domains and email support" in outcome.reply, \
        outcome.reply


@pytest.mark.parametrize(("first", "then", "who"), [("do you offer discounts for nonprofits?", "ok what about startups?",
                                                     "startups"),
                                                    ("is there a discount for students?", "what about teachers?",
                                                     "teachers")])
async def test_a_discount_asked_for_others_next_is_asked_of_them(converse, first, then, who):
    # "My answer is the same as in my last message", naming the first ones again.
    _, outcome = await converse(None, first, then)
    assert f"I can't find anything about discounts for {who} in our help centre" in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["my card was charged $29 but the invoice says failed", "why did my $29 payment fail?"])
async def test_a_failed_payment_named_by_its_amount_is_the_failed_invoice_not_a_paid_one(converse, message):
    # "Invoice NW-1002 is for $29.00 … and was paid": of the three invoices for $29, the paid one came.
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01) didn't go through"), \
        outcome.reply
    assert "NW-1002" not in outcome.reply, outcome.reply


async def test_a_card_charged_though_the_invoice_failed_is_told_what_our_records_show(converse):
    [outcome] = await converse("cus_alice", "my card was charged $29 but the invoice says failed")
    assert "Our records show the payment for NW-1003 as failed, not as paid" in outcome.reply, outcome.reply


async def test_why_a_charge_of_an_amount_was_taken_is_still_the_latest_paid_invoice(converse):
    [outcome] = await converse("cus_alice", "why was I charged $29?")
    assert "NW-1002" in outcome.reply and "NW-1003" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["our team lead left, how do we transfer ownership?",
                                     "how do I change the account owner?"])
async def test_a_change_of_the_accounts_owner_is_said_to_be_undescribed_with_a_person(converse, message):
    # "I don't have enough information".
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith("Our help centre doesn't describe moving an account to another owner"), \
        outcome.reply
    assert outcome.intent.label == "account", outcome.intent


async def test_whether_new_details_show_on_the_last_invoice_says_not_on_those_already_issued(converse):
    # The invoice list.
    _, outcome = await converse("cus_bob", "I need to add a VAT number", "done, will it show on the last invoice?")
    assert outcome.reply.startswith("Not on invoices already issued"), outcome.reply


@pytest.mark.parametrize("heard", ["ok fine", "alright then"])
async def test_ok_fine_after_a_refund_filed_is_heard_not_answered_with_the_refund_again(converse, heard):
    # The refund's state again: "A refund for invoice NW-2002 has already been requested …".
    _, outcome = await converse("cus_bob", "I was charged twice", heard)
    assert outcome.reply.startswith("Glad to help"), outcome.reply
    assert outcome.actions == [], outcome.actions


async def test_ok_fine_to_an_offer_of_a_person_still_takes_it(converse):
    _, outcome = await converse("cus_bob", "how do I remove a team member?", "ok fine")
    assert outcome.route == "handoff", outcome.reply


async def test_an_email_told_of_and_asked_about_in_one_message_is_answered_about_the_email(converse):
    # The failed payment's facts, and nothing of whether the email was ours.
    [outcome] = await converse("cus_alice", "I got an email saying my payment failed, is this a scam?")
    assert outcome.reply.startswith("I can't see the emails we send"), outcome.reply


@pytest.mark.parametrize("message", ["how do I log out of all devices?", "can I see my active sessions?"])
async def test_the_accounts_sessions_are_said_to_be_undescribed_with_a_person(converse, message):
    # The failed deploys' guide: "no guide on how to do that as such".
    [outcome] = await converse("cus_carol", message)
    assert outcome.reply.startswith("Our help centre doesn't describe signing out of other devices"), outcome.reply


async def test_a_visitor_looking_for_a_host_is_welcomed_with_the_plans(converse):
    # The scope reply, to someone shopping for what we sell.
    [outcome] = await converse(None, "hi i am looking for a hosting provider for my startup")
    assert outcome.reply.startswith("Glad you're considering us! We have three plans"), outcome.reply


async def test_a_team_size_told_after_the_plans_were_priced_gets_how_many_members_each_plan_allows(converse):
    # The scope reply, then "which plan?" asked a visitor to sign in to see their invoices.
    _, team, which = await converse(None, "hi i am looking for a hosting provider for my startup", "we have 5 devs",
                                    "which plan?")
    assert "Free and Pro accounts can invite up to 3 members; Business accounts have no limit" in team.reply, team.reply
    assert which.reply.startswith("Which plan suits you depends on what you need"), which.reply


async def test_the_plan_for_a_team_of_five_is_chosen_by_how_many_members_each_allows(converse):
    # The scope reply.
    [outcome] = await converse(None, "which plan should we choose for a team of 5 developers?")
    assert "Free and Pro accounts can invite up to 3 members" in outcome.reply, outcome.reply


async def test_which_plan_alone_from_a_customer_with_no_plans_priced_is_still_their_plan(converse):
    [outcome] = await converse("cus_alice", "which plan?")
    assert outcome.reply.startswith("You're on the Pro plan"), outcome.reply


async def test_money_in_the_account_after_a_card_expired_is_told_the_expiry_refused_it(converse):
    # "I don't have enough information", as an account question.
    _, outcome = await converse("cus_alice", "why was my payment declined?", "but I have money in my account")
    assert outcome.reply.startswith("The payment wasn't refused for lack of money: the card ending 4242 has expired"), \
        outcome.reply


async def test_a_rate_said_with_like_after_429s_is_weighed_against_the_plans_limit(converse):
    # The rate limits guide's steps again.
    _, outcome = await converse("cus_bob", "we get 429 errors", "we only make like 100 requests a minute")
    assert "What you describe is within that." in outcome.reply, outcome.reply


@pytest.mark.parametrize(("turns", "expected"), [
    (("we get 429 errors", "we only make like 100 requests a minute", "per account or per key?"),
     "Per account: the API allows 3,000 requests a minute on Business, per account."),
    (("what is your refund policy?", "14 days or 30 days?"),
     "14 days: a charge can be refunded within 14 days of being paid."),
])
async def test_one_of_two_asked_of_the_last_reply_is_the_one_it_named(converse, turns, expected):
    # The entry on deploys (for "account"); the duplicate charge described (for "days").
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply == expected, outcome.reply


async def test_one_of_two_both_named_by_the_last_reply_is_still_left_to_the_writers(converse):
    _, outcome = await converse("cus_alice", "do free apps sleep?", "pro or business?")
    assert not outcome.reply.startswith(("Pro:", "Business:", "Pro.", "Business.")), outcome.reply


@pytest.mark.parametrize("turns", [("how do I scale to 3 instances?", "does that cost more?"),
                                   ("does scaling to more instances cost more?",)])
async def test_what_more_instances_cost_is_said_to_be_undescribed_with_a_person(converse, turns):
    # The plans' prices, or the scaling guide's steps.
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Our help centre doesn't say whether running more instances costs more"), \
        outcome.reply


async def test_how_alone_after_the_help_centre_was_said_not_to_describe_it_says_so_again(converse):
    # The certificates' troubleshooting steps.
    _, outcome = await converse(None, "can I use my own SSL certificate?", "how?")
    assert outcome.reply.startswith("Our help centre doesn't describe how either"), outcome.reply


@pytest.mark.parametrize(("before", "place"), [("how do I cancel?", "Billing → Plan"),
                                               ("how do I add a team member?", "Settings → Team → Invite")])
async def test_how_alone_after_steps_is_where_they_are_taken(converse, before, place):
    # "I don't have enough information".
    _, outcome = await converse("cus_alice", before, "how?")
    assert outcome.reply.startswith(f"Under **{place}**: Go to **{place}**"), outcome.reply


@pytest.mark.parametrize(("customer", "expected"), [
    ("cus_alice", "Invoice NW-1003 is for $29.00, the same as the invoices before it"),
    ("cus_bob", "Invoice NW-2002 was charged twice on 2026-11-15"),
])
async def test_overcharged_is_weighed_as_charged_too_much(converse, customer, expected):
    # "I don't have enough information", as a refund question.
    [outcome] = await converse(customer, "I think I was overcharged")
    assert outcome.reply.startswith(expected), outcome.reply


async def test_overcharged_at_an_atm_is_still_not_read_as_our_charge(converse):
    [outcome] = await converse("cus_alice", "It seems I was overcharged when I used an ATM while on vacation.")
    assert "NW-1003" not in outcome.reply, outcome.reply


async def test_charged_too_much_with_no_invoices_offers_a_person_without_asking_which_of_none(converse):
    # "There are no invoices on your account yet … Which of them looks wrong to you?"
    [outcome] = await converse("cus_carol", "I was charged too much")
    assert "Which of them" not in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply


async def test_what_is_lost_on_a_downgrade_is_still_what_the_plan_moved_to_allows(converse):
    # A guard: "if I downgrade to pro will I lose team members?" in one message still gets the team's entry.
    _, outcome = await converse("cus_bob", "how do I downgrade to pro?", "will I lose my team members?")
    assert "So on Pro, “Free and Pro accounts can invite up to 3 members” applies to you" in outcome.reply, outcome.reply
    assert "Settings → Team → Invite" not in outcome.reply, outcome.reply


async def test_the_right_password_insisted_on_while_locked_is_told_the_lock_keeps_them_out(converse):
    # "My answer is the same as in my last message", and the lock and the reset's steps again.
    _, outcome, accepted = await converse("cus_carol", "my password doesn't work", "I'm sure it's right", "yes please")
    assert outcome.reply.startswith("I believe you: even the right password can't sign you in while the account is "
                                    "locked."), outcome.reply
    assert "I've unlocked your account" in accepted.reply, accepted.reply


async def test_the_right_password_insisted_on_with_the_account_open_is_still_not_told_of_a_lock(converse):
    _, outcome = await converse("cus_alice", "my password doesn't work", "I'm sure it's right")
    assert "locked" not in outcome.reply.split("\n")[0] or "isn't locked" in outcome.reply, outcome.reply
    assert "I believe you" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "first", "then"), [
    ("cus_carol", "is there a limit on bandwidth?", "what happens if I go over?"),
    ("cus_bob", "what's the memory limit?", "what if we exceed it?"),
])
async def test_going_past_a_figure_no_plan_states_is_said_to_be_undescribed_too(converse, customer, first, then):
    # The scope reply, or the scaling guide's steps.
    _, outcome = await converse(customer, first, then)
    assert outcome.reply.startswith("As our help centre gives no such figure for any plan, it doesn't say what happens "
                                    "past one either"), outcome.reply


async def test_what_happens_past_the_rate_limit_after_429s_is_what_the_api_answers(converse):
    # The scope reply, after the entry on the limits had answered "we get 429s".
    _, outcome = await converse("cus_bob", "we get 429s", "what happens if we go over?")
    assert "Above that it answers HTTP 429 with a `Retry-After` header" in outcome.reply, outcome.reply
    assert "I'm Northwind Cloud's support assistant" not in outcome.reply, outcome.reply


async def test_what_happens_past_the_rate_limit_after_the_guide_is_still_the_plans_limit(converse):
    _, outcome = await converse("cus_alice", "i get a 429 error", "what happens if we go over?")
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro, per account. "
                                    "Above that it answers HTTP 429"), outcome.reply
