"""What a seventeenth walk through the demo customers' conversations found, each fixed: a follow-up answered with the
whole reply again behind "my answer is the same", or with "not enough information", where the reply before held its
answer or the facts do. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

_SAME = "My answer is the same"
_NOT_ENOUGH = "I don't have enough information"


@pytest.mark.parametrize("question", ["is it gdpr compliant?", "are you gdpr compliant?", "so is it GDPR compliant?"])
async def test_a_yes_or_no_the_last_reply_states_is_answered_yes_with_its_sentence(converse, question):
    *_, outcome = await converse("cus_alice", "where is my data stored?", question)
    assert outcome.reply.startswith("Yes. As my last message said: we are GDPR compliant and sign a data processing "
                                    "agreement on request."), outcome.reply
    assert _SAME not in outcome.reply


async def test_a_yes_or_no_the_last_reply_denies_is_still_not_answered_yes(converse):
    # "Free and Pro have no SLA": a sentence naming the words but saying no is no yes.
    *_, outcome = await converse("cus_alice", "whats your uptime sla?", "is it free?")
    assert not outcome.reply.startswith("Yes"), outcome.reply


@pytest.mark.parametrize(("customer", "question"), [("cus_alice", "can I choose eu only?"),
                                                    ("cus_carol", "so it stays in europe?"),
                                                    (None, "can we keep everything in the EU?")])
async def test_keeping_data_in_the_eu_after_where_it_is_stored_is_answered_from_that_reply(converse, customer, question):
    # "Not enough information", or the entry's first sentence alone.
    *_, outcome = await converse(customer, "where is my data stored?", question)
    assert outcome.reply.startswith("Yes. As my last message said: your apps and their data stay in the region you "
                                    "choose (us-east, eu-west or ap-southeast). Choose eu-west, and they stay "
                                    "there."), outcome.reply
    assert "Account and billing data are stored in eu-west." in outcome.reply


async def test_keeping_data_in_the_eu_with_a_question_in_between_is_answered_from_the_reply_before(converse):
    *_, outcome = await converse("cus_alice", "where is my data stored?", "is it gdpr compliant?",
                                 "can I choose eu only?")
    assert outcome.reply.startswith("Yes. As I said earlier: your apps and their data stay in the region you choose"), (
        outcome.reply)


@pytest.mark.parametrize("question", ["can I choose eu only?", "can we keep everything in the EU?"])
async def test_keeping_data_in_the_eu_asked_first_is_answered_by_the_entry_on_where_data_is(converse, question):
    # "Can I choose eu only?" got the TLS guide's step that says "choose".
    *_, outcome = await converse("cus_alice", "what's my plan?", question)
    assert outcome.reply.startswith("Your apps and their data stay in the region you choose"), outcome.reply
    assert "As my last message said" not in outcome.reply and "TLS" not in outcome.reply


@pytest.mark.parametrize(("asked", "said", "who"), [("do you have a student discount?", "im a student tho", "students"),
                                                    ("do you have a student discount?", "I'm a student", "students")])
async def test_who_they_are_said_after_no_discount_was_found_is_heard(converse, asked, said, who):
    *_, outcome = await converse("cus_alice", asked, said)
    assert outcome.reply.startswith(f"Thanks for telling me. Even so, our help centre has nothing on a discount for "
                                    f"{who}"), outcome.reply
    assert _SAME not in outcome.reply and "pass you to a person" in outcome.reply


async def test_who_they_are_said_after_a_plain_discount_ask_is_still_the_discount_for_them(converse):
    *_, outcome = await converse("cus_alice", "can I get a discount?", "we are a nonprofit")
    assert "discounts for nonprofits" in outcome.reply, outcome.reply


@pytest.mark.parametrize("question", ["will it happen again?", "how do I make sure this does not happen again?",
                                      "could this happen again?", "will I be charged twice again?"])
async def test_whether_a_duplicate_happens_again_is_answered(converse, question):
    # The duplicate came again, with its refund, as if the question were unheard.
    *_, outcome = await converse("cus_bob", "why was I charged twice?", question)
    assert outcome.reply.startswith("Our records mark the second payment as a duplicate, but they don't say what caused "
                                    "it, so I can't promise it won't happen again."), outcome.reply
    assert outcome.actions == []


async def test_will_it_happen_again_after_an_outage_is_still_not_about_a_duplicate(converse):
    *_, outcome = await converse("cus_alice", "is the api down?", "will it happen again?")
    assert "duplicate" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "question", "opening"), [
    ("cus_alice", "how often?", "Every month: your Pro plan is $29.00 a month, paid monthly, and it next renews on "
                                "2026-12-01."),
    ("cus_bob", "how often will I be charged?", "Every month: your Business plan is $99.00 a month"),
    ("cus_bob", "is that every month?", "Yes, every month: your Business plan is $99.00 a month"),
    ("cus_alice", "is it every year?", "No, every month: your Pro plan is $29.00 a month"),
])
async def test_how_often_the_plan_renews_is_answered_after_its_next_renewal(converse, customer, question, opening):
    # "My answer is the same" and the renewal again.
    *_, outcome = await converse(customer, "when is my next payment?", question)
    assert outcome.reply.startswith(opening), outcome.reply


@pytest.mark.parametrize(("customer", "question", "opening"), [
    ("cus_alice", "was there a price change?", "Invoice NW-1003 is for $29.00, the same as the invoices before it"),
    ("cus_alice", "did you change the price?", "Invoice NW-1003 is for $29.00, the same as the invoices before it"),
    ("cus_alice", "I thought pro was cheaper", "Invoice NW-1003 is for $29.00, the same as the invoices before it"),
    ("cus_alice", "was there a price change?", "Invoice NW-1003 is for $29.00, the same as the invoices before it "
                                               "(NW-1002 and NW-1001, $29.00 each), so as far as our records show your "
                                               "plan's price hasn't changed."),
    # A charge taken twice is why a bill is higher, not why a price would have changed.
    ("cus_bob", "has the price of business changed?", "Invoice NW-2002 is for $99.00, the same as the invoice before it"),
])
async def test_whether_the_price_changed_is_answered_from_the_invoices(converse, customer, question, opening):
    # The plan and the invoice list came.
    [outcome] = await converse(customer, question)
    assert outcome.reply.startswith(opening), outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


async def test_why_bob_was_charged_more_is_still_the_duplicate(converse):
    [outcome] = await converse("cus_bob", "why was I charged more this month?")
    assert "is a duplicate" in outcome.reply, outcome.reply


async def test_whether_the_price_changed_after_a_duplicate_is_the_price_not_the_duplicate(converse):
    # Read as a refund with the duplicate before it, the duplicate came again.
    *_, outcome = await converse("cus_bob", "why was I charged twice?", "will it happen again?",
                                 "has the price of business changed?")
    assert outcome.reply.startswith("Invoice NW-2002 is for $99.00, the same as the invoice before it"), outcome.reply
    assert outcome.intent.label == "billing"


@pytest.mark.parametrize("question", ["what would I get?", "what do I get?", "so what extra would I get?"])
async def test_what_a_move_would_give_is_the_plan_moved_tos_contents(converse, question):
    # The help centre's entry on the Free plan came by its words, to a customer asking to move up to Business.
    *_, outcome = await converse("cus_alice", "can I upgrade to business?", question)
    assert outcome.reply.startswith("Business ($99.00 a month) includes unlimited apps, team members and priority "
                                    "support"), outcome.reply
    assert "Free plan costs" not in outcome.reply


async def test_what_would_I_get_with_no_plan_asked_of_before_is_still_not_a_plans_contents(converse):
    *_, outcome = await converse("cus_alice", "my app is slow", "what would I get?")
    assert "includes unlimited apps" not in outcome.reply, outcome.reply


async def test_when_a_downgrade_takes_effect_after_what_it_loses_is_answered(converse):
    # The invoice list came: "will I lose anything?" before it was read as the question, and the downgrade lost.
    *_, outcome = await converse("cus_bob", "can I downgrade to pro?", "will I lose anything?",
                                 "when does it take effect?")
    assert outcome.reply.startswith("The downgrade takes effect at the end of your current billing period"), outcome.reply
    assert outcome.intent.label == "billing"


@pytest.mark.parametrize("turns", [("what email do you have on file?",),
                                   ("can you send me my last invoice?", "what email do you have on file?")])
async def test_the_email_on_file_is_told_with_nothing_else(converse, turns):
    # Alone the panel's other part said "not enough information"; after an invoice asked by email, the invoice list came.
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply == "The email address on your account is alice@example.com.", outcome.reply


async def test_wanting_to_change_the_email_just_told_gets_its_steps(converse):
    # "My answer is the same" and the address again.
    *_, outcome = await converse("cus_alice", "what's my email?", "I want to change it")
    assert "Go to **Settings → Profile**, enter the new address" in outcome.reply, outcome.reply
    assert _SAME not in outcome.reply


@pytest.mark.parametrize("asked", ["the full amount, not just the duplicate", "I want the first payment refunded too"])
async def test_the_first_payment_asked_back_after_the_duplicates_refund_is_answered(converse, asked):
    # "You're right, I can see it" and the duplicate again, as if the first payment had not been asked of.
    *_, outcome = await converse("cus_bob", "I'd like a refund for november", asked)
    assert "You're right" not in outcome.reply, outcome.reply
    assert "The first payment for NW-2002 ($99.00) is the invoice's own charge, and it's within our 14-day refund " \
           "window. I can only ask for one refund per invoice from this chat" in outcome.reply
    assert outcome.actions == []


async def test_both_payments_asked_at_once_files_the_duplicate_and_says_what_of_the_first(converse):
    [outcome] = await converse("cus_bob", "refund both payments for NW-2002")
    assert [(a.kind, a.invoice_number) for a in outcome.actions] == [("refund", "NW-2002")]
    assert "a person from our team would need to look at refunding the first payment" in outcome.reply, outcome.reply


async def test_how_to_add_one_after_the_team_limit_is_the_teams_steps_not_the_cards(converse):
    # Alone its words found the entry on replacing the card (0.92), which the FAQ shortcut sent.
    *_, outcome = await converse("cus_bob", "how many team members can I add?", "how do I add one?")
    assert outcome.reply == ("As my last message said: Go to **Settings → Team → Invite**, enter your colleague's email "
                             "and pick a role."), outcome.reply


async def test_what_team_members_see_after_how_to_add_one_is_still_about_the_team(converse):
    *_, outcome = await converse("cus_bob", "how many team members can I add?", "how do I add one?",
                                 "can they see billing?")
    assert "team members" in outcome.reply and "Replace card" not in outcome.reply, outcome.reply


async def test_how_to_do_it_after_steps_already_given_says_the_steps_not_the_whole_reply(converse):
    # "My answer is the same" and the whole reply again.
    *_, outcome = await converse("cus_alice", "my card expired", "how do I update it?")
    assert outcome.reply == ("As my last message said: Go to **Billing → Payment method**, choose **Replace card** and "
                             "enter the new card's details."), outcome.reply


@pytest.mark.parametrize(("turns", "opening", "kept", "dropped"), [
    (("my ssl certificate is stuck on pending", "dns is pointing correctly"),
     "Thanks for checking: then DNS isn't what's holding it up. The other steps from our guide “TLS (SSL) certificates”:",
     "3. In **Settings → Domains**, choose **Retry certificate** once DNS is correct.",
     "1. Make sure the domain's DNS points to Northwind"),
    (("my deploy failed", "the port is fine"),
     "Thanks for checking: then the port isn't what's holding it up.",
     "1. Open **App → Deploys**", "4. If the app builds but fails on start"),
])
async def test_a_step_said_to_be_in_order_gets_the_steps_left(converse, turns, opening, kept, dropped):
    # The custom domain's entry came by its words, in place of the rest of the certificate's steps.
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(opening), outcome.reply
    assert kept in outcome.reply and dropped not in outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_that_is_right_after_a_guide_is_still_no_step_in_order(converse):
    *_, outcome = await converse("cus_alice", "my deploy failed", "yes that is right")
    assert "Thanks for checking" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("turns", "period"), [(("did you meet the sla this month?",), "this month"),
                                               (("is there an sla?", "was it missed this month?"), "this month"),
                                               (("was the sla breached in november?",), "November")])
async def test_whether_the_sla_held_is_answered_with_the_uptime_we_cannot_give(converse, turns, period):
    # "Did you meet the sla this month?" got "Yes: you're on the Business plan …", read as whether the plan has one;
    # "was it missed this month?" after it, the invoice list. (A month named is the period since the twenty-fourth walk.)
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith(f"I don't have an uptime figure for {period}, or any other period"), outcome.reply
    assert not outcome.reply.startswith("Yes") and outcome.intent.label == "technical"


async def test_whether_the_plan_has_an_sla_is_still_answered_yes(converse):
    [outcome] = await converse("cus_bob", "is there an sla?")
    assert outcome.reply.startswith("Yes: you're on the Business plan"), outcome.reply


async def test_how_to_do_what_the_last_reply_said_is_not_described_gets_that_said_back(converse):
    # "My answer is the same" and the whole reply again.
    *_, outcome = await converse("cus_bob", "is there an sla?", "what happens if you miss it?", "how do I claim?")
    assert outcome.reply.startswith("As my last message said: our help centre doesn't say how to claim them"), (
        outcome.reply)
    assert outcome.reply.endswith("Would you like me to pass you to a person?")


async def test_fine_after_a_refusal_and_a_person_offered_asks_again_and_a_yes_passes_it_on(converse):
    # "Fine" got the scope reply: "I can only help with your Northwind account, billing and our hosting service".
    *_, fine, yes = await converse("cus_bob", "can I get a refund for october?", "why not?", "that's not fair", "fine",
                                   "yes")
    assert fine.reply.startswith("Just to be sure before I do anything: would you like me to pass you to a person"), (
        fine.reply)
    assert yes.route == "handoff", yes.reply


@pytest.mark.parametrize("said", ["whatever", "fine then", "if you say so"])
async def test_giving_in_with_no_offer_open_is_heard_not_read_as_off_topic(converse, said):
    *_, outcome = await converse("cus_bob", "what is my plan?", said)
    assert outcome.reply == ("Alright. I'm here if anything else comes up, and if you'd like a person from our team, "
                             "just say so."), outcome.reply


async def test_a_vat_number_given_after_the_company_name_is_said_not_to_be_saved(converse):
    # The steps again, by the FAQ shortcut, as if nothing had been given.
    *_, outcome = await converse("cus_alice", "I need an invoice with my company name on it", "Acme Ltd",
                                 "and the VAT number GB123456789")
    assert outcome.reply.startswith("Thanks, but I can't add it to your account from this chat"), outcome.reply


async def test_credits_asked_for_an_outage_are_not_promised(converse):
    # "Yes: you're on the Business plan, and the Business plan comes with … service credits if we miss it", as if this
    # outage had earned them.
    *_, outcome = await converse("cus_bob", "our api calls are failing with 502", "we're in eu-west",
                                 "when will it be fixed?", "can we get credits for this?")
    assert not outcome.reply.startswith("Yes"), outcome.reply
    assert "Whether an outage earns credits is for a person from our team to confirm" in outcome.reply


async def test_whether_a_card_is_needed_to_sign_up_asks_a_visitor_to_sign_in_to_nothing(converse):
    [outcome] = await converse(None, "do I need a credit card to sign up?")
    assert outcome.reply.startswith("Our help centre doesn't say whether you need a card to sign up"), outcome.reply
    assert "not signed in" not in outcome.reply


async def test_a_visitor_asking_which_plan_is_theirs_is_asked_to_sign_in(converse):
    # Every plan's price came by the FAQ shortcut, as if it were the answer.
    [outcome] = await converse(None, "what is my plan?")
    assert "while you're not signed in" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "size", "opening"), [
    ("cus_bob", "we're 8 people", "For the team, yes: with 8 people you'd invite more than the 3 members Free and Pro allow."),
    ("cus_alice", "we are a team of 3", "Not for the team's size alone: with 3 people you'd invite no more than the 3 "
                                        "members Free and Pro allow."),
])
async def test_whether_the_team_needs_business_is_answered_from_its_size(converse, customer, size, opening):
    # "Do we need business then?" got the downgrade's steps by the FAQ shortcut (0.96).
    *_, outcome = await converse(customer, "what's the difference between pro and business?", size,
                                 "do we need business then?")
    assert outcome.reply.startswith(opening), outcome.reply
    assert "Billing → Plan" not in outcome.reply


@pytest.mark.parametrize("message", ["I didn't get any alert", "I never got a notification"])
async def test_no_alert_of_a_sign_in_after_the_intrusion_advice_is_answered(converse, message):
    # The scope reply.
    *_, outcome = await converse("cus_alice", "I think someone logged into my account", message)
    assert outcome.reply.startswith("Our help centre doesn't describe alerts for new sign-ins"), outcome.reply


async def test_how_to_see_recent_sign_ins_is_said_not_to_be_described(converse):
    # "I don't have a guide on that".
    [outcome] = await converse("cus_alice", "how do I see recent logins?")
    assert outcome.reply.startswith("Our help centre doesn't describe a list of recent sign-ins you can look at"), (
        outcome.reply)


async def test_where_they_logged_in_from_is_still_said_not_to_be_seen_here(converse):
    [outcome] = await converse("cus_alice", "can you tell me where they logged in from?")
    assert outcome.reply.startswith("I can't see that from here"), outcome.reply


async def test_whether_a_feature_stays_after_cancelling_reads_past_a_leading_wait(converse):
    # "Wait" was read as the feature asked about, which no plan lists: "I can't find whether Free includes that".
    *_, outcome = await converse("cus_alice", "cancel my subscription", "wait, will I lose my custom domain?")
    assert outcome.reply.startswith("Yes: our help centre doesn't name Free among the plans with it"), outcome.reply
    assert "Custom domains are on Pro and Business" in outcome.reply


async def test_when_the_card_told_expires_is_answered_from_its_date(converse):
    # "My answer is the same" and the card again.
    *_, outcome = await converse("cus_bob", "is my card on file still valid?", "when does it expire?")
    assert outcome.reply.startswith("At the end of 04/2029: as my last message said, the card on file is a mastercard "
                                    "ending 1881"), outcome.reply
