"""Found by chatting as the demo customers through whole conversations (stop 33), each answered as the customer meant:

- "Yes I'm sure" after the offer of a person (Carol asking to delete her data) got the scope reply: it insists on
  what was asked, and accepts the offer.
- "I didn't try 5 times though" after being told the account was locked for five failed sign-ins got "I don't have
  enough information": those sign-ins were someone else's, which is an attack on the account.
- "To my email please" after "can you send me a copy of invoice NW-2002?" got the email address on the account: it is
  how the invoice should reach them, which this chat cannot do, with where to get it.
- "How do I pay my invoice?" from Alice (NW-1003 failed) got her invoice list and where to download them: what is
  unpaid, why, and how to settle it. With no invoices at all (Carol, on Free), that there are none, not that every
  one is paid.
"""

from __future__ import annotations

import pytest

from agents.follow_ups.go_aheads import affirms
from agents.own_data import reports_intrusion

SCOPE_REPLY = "I can only help with your Northwind account"


async def test_yes_i_am_sure_after_the_offer_of_a_person_accepts_it(converse):
    first, outcome = await converse("cus_carol", "please delete all my data", "yes I'm sure")
    assert "pass you to a person" in first.reply
    assert outcome.route == "handoff" and SCOPE_REPLY not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["yes I'm sure", "yes, I am sure", "definitely", "I confirm"])
def test_insisting_is_a_go_ahead(message):
    assert affirms(message)


@pytest.mark.parametrize("message", ["I didnt try 5 times though", "but I never tried to log in",
                                     "I did not enter a wrong password five times"])
async def test_failed_sign_ins_that_were_not_the_customers_are_an_attack_with_a_person_offered(converse, message):
    first, outcome = await converse("cus_carol", "why is my account locked?", message)
    assert "five failed sign-ins" in first.reply
    assert "enough information" not in outcome.reply
    assert "I won't unlock it while someone else may be trying to get in" in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize("message", ["I didnt try 5 times to deploy", "I haven't tried 5 times to pay",
                                     "I tried 5 times to sign in"])
def test_other_tries_are_no_attack(message):
    assert not reports_intrusion(message)


@pytest.mark.parametrize("message", ["to my email please", "by email?", "via email"])
async def test_how_an_invoice_asked_for_should_reach_them_is_where_to_get_it(converse, message):
    _, outcome = await converse("cus_bob", "can you send me a copy of invoice NW-2002?", message)
    assert outcome.reply.startswith("I can't send emails from this chat myself."), outcome.reply
    assert "**Billing → Invoices**" in outcome.reply and "NW-2002" in outcome.reply
    assert "The email address on your account" not in outcome.reply


async def test_how_to_pay_ones_invoice_is_what_is_unpaid_and_how_to_settle_it(converse):
    (outcome,) = await converse("cus_alice", "how do I pay my invoice?")
    assert outcome.reply.startswith("You have $29.00 outstanding."), outcome.reply
    assert "add a new card under **Billing → Payment method**" in outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


async def test_with_no_invoices_nothing_is_owed_and_none_is_said_to_be_paid(converse):
    (outcome,) = await converse("cus_carol", "how do I pay my invoice?")
    assert outcome.reply.startswith("You don't owe anything: there are no invoices on your account."), outcome.reply
    (paid_up,) = await converse("cus_bob", "how do I pay my bill?")
    assert paid_up.reply.startswith("You don't owe anything right now: every invoice on your account is paid.")


DASHBOARD_FAULT = "That sounds like a fault in our dashboard itself rather than in your apps"


@pytest.mark.parametrize("message", [
    "I think there's a bug in your dashboard, the deploy button does nothing", "the billing page wont load",
    "your website keeps giving me an error when I click save", "the invite button doesn't work",
])
async def test_a_fault_in_our_dashboard_is_taken_as_a_report_with_a_person_offered(converse, message):
    # The deploy button's got the guide on failed deploys, the billing page's the invoice list.
    (outcome,) = await converse("cus_alice", message)
    assert DASHBOARD_FAULT in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply and "Our guide" not in outcome.reply


@pytest.mark.parametrize("message", ["my site won't load", "the page is blank", "the home page of my app is blank",
                                     "my app's login page is broken", "the site is down"])
def test_a_page_of_the_customers_own_is_not_a_fault_in_our_dashboard(message):
    from agents.service_status import reports_a_fault_in_our_dashboard

    assert not reports_a_fault_in_our_dashboard(message)


async def test_when_the_customer_joined_asked_after_their_plan_is_the_accounts_date(converse):
    # "And when did I join?" took the plan's topic: the plan again, with the Free plan's entry.
    _, outcome = await converse("cus_alice", "what is my plan?", "and when did I join?")
    assert outcome.reply == "You've had your account (alice) since 2026-08-01.", outcome.reply


async def test_another_plan_asked_after_a_count_gets_that_plans_part(converse):
    # "And on pro?" from Bob (Business) after "how many team members can I have?" got Business's part.
    _, outcome = await converse("cus_bob", "how many team members can I have?", "and on pro?")
    assert outcome.reply == "On Pro, our help centre says: Free and Pro accounts can invite up to 3 members.", outcome.reply
    _, own = await converse("cus_alice", "how many team members can I add?", "how many can I invite?")
    assert own.reply == "You're on Pro, and our help centre says: Free and Pro accounts can invite up to 3 members."


@pytest.mark.parametrize("message", ["I need a receipt for tax purposes", "I need my receipts"])
async def test_a_receipt_wanted_is_the_invoices_and_where_to_download_them(converse, message):
    # "I need a receipt for tax purposes" got the scope reply, then how we tax our prices.
    (outcome,) = await converse("cus_bob", message)
    assert outcome.intent.label == "billing" and SCOPE_REPLY not in outcome.reply
    assert "NW-2002" in outcome.reply and "where you can download each one as a PDF" in outcome.reply, outcome.reply
    assert "VAT or other taxes" not in outcome.reply


@pytest.mark.parametrize("message", ["I want to know if you can host a wordpress site", "can you host my online store?"])
async def test_whether_an_app_of_a_kind_runs_here_is_not_turned_away(converse, message):
    # A visitor weighing us got "that's outside what I can help with".
    (outcome,) = await converse(None, message)
    assert outcome.intent.label != "out_of_scope" and "outside what I can help with" not in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply


CANCEL_STEPS = "Go to **Billing → Plan** and choose **Cancel subscription**."


@pytest.mark.parametrize("message", ["I'd like to cancel", "I would like to cancel"])
async def test_a_wish_to_cancel_put_politely_gets_the_steps_to_cancel(converse, message):
    # "I'd like to cancel" found the entry at 0.08 ("I want to cancel": 0.99), and got "I don't have enough
    # information" before the steps.
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith(CANCEL_STEPS), outcome.reply
    assert "enough information" not in outcome.reply


async def test_a_plan_named_alone_after_a_request_is_that_request_of_that_plan(converse):
    # "The business plan" after "I'd like to cancel" got the steps to upgrade; "why can't you do it for me?" then got
    # only Bob's plan.
    _, named, why = await converse("cus_bob", "I'd like to cancel", "the business plan", "why can't you do it for me?")
    assert CANCEL_STEPS in named.reply and "upgrade" not in named.reply.lower(), named.reply
    assert why.reply.startswith("I'm sorry, I can't cancel your subscription myself"), why.reply
    _, pro = await converse(None, "what plans do you have?", "the pro one")
    assert pro.reply.startswith("Pro ($29.00 a month) includes"), pro.reply


@pytest.mark.parametrize(("customer", "message"), [(None, "can I try Pro for free?"),
                                                   ("cus_alice", "can I test business for free first?")])
async def test_trying_a_paid_plan_for_free_is_the_trial_no_entry_describes(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_a_request_put_as_id_like_to_finds_the_entry_it_asks_for(converse):
    (outcome,) = await converse("cus_alice", "i cant remember my password and id like to reset it, pleae")
    assert outcome.route == "faq" and "choose **Forgot password**" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["the game was cancelled and I would like to obtain a reimbursement",
                                     "the show was cancelled and I'd like to get a refund, please"])
async def test_something_else_called_off_gets_no_steps_to_cancel_our_plan(converse, message):
    # Neighbour guard: "I'd like to" now finds the cancellation entry among the matches; an event called off is not
    # our subscription.
    (outcome,) = await converse("cus_alice", message)
    assert "To cancel your subscription" not in outcome.reply and "refund" in outcome.reply, outcome.reply


async def test_whether_a_price_just_given_is_a_month_is_answered_yes_or_no(converse):
    # "Is that per month?" got the steps to upgrade; "is that per year?" after the plans, the scope reply.
    _, monthly = await converse("cus_alice", "what does the pro plan include?", "is that per month?")
    assert monthly.reply == "Yes: Pro is $29.00 a month.", monthly.reply
    _, yearly = await converse(None, "what plans do you have?", "is that per year?")
    assert yearly.reply.startswith("No: those prices are a month (Pro $29 a month and Business $99 a month)"), yearly.reply


async def test_with_no_price_just_given_the_period_asked_is_no_such_question(converse):
    # Neighbour guard: nothing said a price, so "monthly?" is not read against one.
    from agents.follow_ups.plans import period_of_the_prices_said
    from tests.agents.fakes import ctx_for

    assert period_of_the_prices_said(ctx_for("is it monthly?", "cus_alice")) is None


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "can I get an extension on my payment?"),
                                                   ("cus_bob", "can I pay later?")])
async def test_putting_a_payment_off_is_said_to_be_undescribed_with_what_is_owed(converse, customer, message):
    # "Can I get an extension on my payment?" got the invoice list.
    (outcome,) = await converse(customer, message)
    assert "Whether a payment can be put off isn't something our help centre describes" in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply
    assert ("You have $29.00 outstanding." if customer == "cus_alice" else "You don't owe anything") in outcome.reply


async def test_a_visitor_who_would_like_to_learn_about_pricing_gets_the_plans(converse):
    # "Hi! I'd like to learn more about your pricing" got "that's outside what I can help with".
    (outcome,) = await converse(None, "Hi! I'd like to learn more about your pricing")
    assert outcome.reply.startswith("We have three plans: **Free** at $0"), outcome.reply


async def test_which_charge_is_the_duplicate_is_not_answered_yes(converse):
    _, which = await converse("cus_bob", "I was charged twice", "which one is the duplicate?")
    assert which.reply.startswith("Invoice NW-2002 was charged twice on 2026-11-15"), which.reply
    (asked,) = await converse("cus_bob", "was I charged twice?")
    assert asked.reply.startswith("Yes: invoice NW-2002 was charged twice")


async def test_a_topic_named_alone_after_being_asked_what_they_need_is_asked_for_the_question(converse):
    # Carol's "my account" after "what can I help you with?" got her lock, then "I don't have enough information".
    *_, outcome = await converse("cus_carol", "I need help", "my account")
    assert "enough information" not in outcome.reply
    assert outcome.reply.endswith("what would you like to know about your account, Carol?"), outcome.reply
    (alone,) = await converse("cus_alice", "my account")
    assert alone.reply == "Of course — what would you like to know about your account, Alice?"


@pytest.mark.parametrize("message", ["my app was deleted!", "the app shop-api is gone"])
async def test_a_hosted_app_gone_is_not_answered_with_the_lost_authenticator_entry(converse, message):
    # "My app was deleted!" found the entry on a lost authenticator app at 0.98, which was quoted as the answer.
    (outcome,) = await converse("cus_alice", message)
    assert "recovery code" not in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    (phone,) = await converse("cus_alice", "I deleted my authenticator app")
    assert "authenticator" in phone.reply  # neighbour guard: the authenticator's own question keeps its entry


async def test_they_two_turns_after_the_people_were_named_are_still_those_people(converse):
    # "Can they see billing?" after "I want to add a team member" and "what roles are there?" got the invoice list.
    *_, outcome = await converse("cus_alice", "I want to add a team member", "what roles are there?",
                                 "can they see billing?")
    assert "It doesn't say whether a member can see your billing" in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


@pytest.mark.parametrize("message", ["I'm thinking about moving from heroku",
                                     "we are considering migrating our apps from vercel"])
async def test_a_visitor_leaving_another_host_is_welcomed_with_the_plans(converse, message):
    # The scope reply: "I can only help with your Northwind account".
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith("Glad you're considering us! We have three plans"), outcome.reply


def test_moving_house_is_not_leaving_a_host():
    from agents.about_service import considers_joining

    assert not considers_joining("I'm thinking about moving from texas to california")


async def test_weekends_asked_after_the_support_hours_get_that_part_of_them(converse):
    # "And on weekends?" read with the question before is off topic (0.61): the scope reply.
    _, outcome = await converse(None, "what are your hours?", "and on weekends?")
    assert "Business customers also get weekend cover" in outcome.reply and SCOPE_REPLY not in outcome.reply, (
        outcome.reply)
    _, weather = await converse(None, "what are your hours?", "and the weather?")
    assert weather.intent.label == "out_of_scope"  # neighbour guard: names nothing the hours said


async def test_thats_not_fair_after_a_refund_refused_is_heard_as_frustration(converse):
    # It got "I don't have a guide on that in our help centre".
    *_, outcome = await converse("cus_bob", "can I get a refund for last month?", "why not?", "that's not fair")
    assert outcome.reply.startswith("I'm sorry this has been frustrating"), outcome.reply
    assert "guide" not in outcome.reply


async def test_a_go_ahead_from_free_after_pro_and_business_were_compared_is_an_upgrade_to_either(converse):
    # Carol (Free) got the list of plans and "I don't have enough information to answer 'whats the difference'".
    *_, outcome = await converse("cus_carol", "how much is pro?", "and business?", "whats the difference?",
                                 "ok lets do it")
    assert "I can't upgrade your plan from this chat" in outcome.reply, outcome.reply
    assert "Here's how: Go to **Billing → Plan**" in outcome.reply and "enough information" not in outcome.reply


async def test_an_invoice_said_to_be_wrong_is_asked_about_and_the_answer_read_against_the_records(converse):
    # "My invoice is wrong" got the list alone; "the amount" and "it should be $19" then got the scope reply.
    wrong, amount, should, yes = await converse("cus_alice", "my invoice is wrong", "the amount", "it should be $19",
                                                "yes please")
    assert "Which of them looks wrong to you, and what's wrong with it?" in wrong.reply, wrong.reply
    for outcome in (amount, should):
        assert SCOPE_REPLY not in outcome.reply and "NW-1003, at $29.00, the Pro plan's price a month" in outcome.reply, (
            outcome.reply)
        assert "I can't change an invoice from this chat" in outcome.reply
    assert yes.route == "handoff"  # the person offered, taken
    _, named = await converse("cus_alice", "my invoice NW-1002 is wrong", "the amount")
    assert named.reply.startswith("Our records show NW-1002, at $29.00"), named.reply


async def test_ok_thanks_to_the_offer_of_a_person_closes_rather_than_hands_over(converse):
    # Alice's "ok thanks" after a reply that offered a person handed the conversation to the staff queue.
    first, outcome = await converse("cus_alice", "Hi, I was charged but my app is still on free", "ok thanks")
    assert "pass you to a person" in first.reply
    assert outcome.route != "handoff" and outcome.reply.startswith("You're welcome!"), outcome.reply
    assert affirms("yes thanks") and affirms("sure thanks")  # neighbour guard: a yes that thanks still goes ahead


async def test_whether_an_invoices_price_just_read_is_a_month_is_answered_too(converse):
    # Found in the browser: after "Our records show … NW-1003, at $29.00, the Pro plan's price a month", "is that per
    # month?" got the invoice list.
    *_, outcome = await converse("cus_alice", "my invoice is wrong", "the amount", "is that per month?")
    assert outcome.reply == "Yes: Pro is $29.00 a month.", outcome.reply


async def test_where_a_move_goes_said_after_it_gets_the_steps_for_it(converse):
    # "To free" after "I want to downgrade" got the invoice list; "to business" after "can I upgrade?" the same.
    _, down = await converse("cus_bob", "I want to downgrade", "to free")
    assert "choose the smaller plan" in down.reply and "Here are your most recent invoices" not in down.reply, down.reply
    _, up = await converse("cus_alice", "can I upgrade?", "to business")
    assert "choose Pro ($29/month) or Business ($99/month)" in up.reply, up.reply
    assert "Here are your most recent invoices" not in up.reply


async def test_why_not_two_turns_after_a_refund_refused_is_still_an_argument_with_it(converse):
    # After "for the october invoice" was said to get the same answer, "why not?" took its topic (billing): the list.
    # Since the twenty-seventh walk the reason asked for leads (it was "I understand").
    *_, outcome = await converse("cus_alice", "I want a refund", "for the october invoice", "why not?")
    assert outcome.reply.startswith("Because that charge is outside the 14-day window"), outcome.reply


async def test_an_aside_opening_a_question_is_read_without_it(converse):
    # "One more thing, where do I find my API key?" got the 429 guide; alone the question gets that no entry says where
    # keys are.
    _, outcome = await converse("cus_alice", "thanks for your help!", "one more thing, where do I find my API key?")
    assert "429" not in outcome.reply and "doesn't describe where API keys are kept" in outcome.reply, outcome.reply
    assert outcome.summary["pleasantry_dropped"]["question"] == "where do I find my API key?"
