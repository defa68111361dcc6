"""What a twenty-second walk through the demo customers' conversations found, each fixed: a card said to be used by
someone else answered with the card on file (and the uptime SLA), a visitor charged without an account asked to sign
in and given the refund policy, "should I cancel my card?" after it answered with the steps to cancel the plan, and a
charge after a downgrade answered with the invoice list or the plan below the customer's. Names with "still" are guards
that held before the fix too."""

from __future__ import annotations

import pytest

from agents.card_changes import reports_card_misused, says_charged_without_an_account
from agents.charge_not_ours import CHARGE_NOT_OURS_REPLY
from agents.plan_change_charges import says_charged_after_downgrading

_BANK_FIRST = ("I'm sorry to hear that. If you think someone else is using your card, call your bank or card issuer now "
               "(the number is on the back of the card): only they can block it and dispute the charges you didn't make.")


# ---------------------------------------------------------------- a card said to be used by someone else

@pytest.mark.parametrize("message", [
    "I think someone is using my card",
    "someone used my credit card on your site",
    "there are fraudulent charges on my card",
    "My card was used without my permission.",
])
def test_a_misused_card_is_read_as_such(message):
    assert reports_card_misused(message)


@pytest.mark.parametrize("message", [
    "can someone use my card?", "my wife used my card to pay", "my card is used for the payments", "I use my card",
])
def test_other_mentions_of_a_card_are_not_read_as_misuse(message):
    assert not reports_card_misused(message)


@pytest.mark.parametrize("message", [
    "I think someone is using my card", "someone used my credit card on your site", "i believe there are fraudulent "
    "charges on my card how can i report them",
])
async def test_a_card_used_by_someone_else_gets_the_bank_first_then_our_own_charges(converse, message):
    (outcome,) = await converse("cus_alice", message)
    reply = outcome.reply
    assert reply.startswith(_BANK_FIRST), reply
    assert "Here are the payments on your account, newest first:" in reply
    assert "- 2026-10-01: $29.00 for invoice NW-1002, card ending 4242: paid" in reply
    assert "Any other charge on your card isn't for your Northwind account." in reply
    assert reply.endswith("would you like me to pass you to a person?"), reply
    # The panel's technical part added the uptime SLA for "on your site"; the card on file came alone for the others.
    assert "SLA" not in reply
    assert "You've paid" not in reply  # the total says nothing of which charges are ours


async def test_yes_after_a_misused_card_hands_the_conversation_to_a_person(converse):
    *_, outcome = await converse("cus_alice", "I think someone is using my card", "yes")
    assert outcome.route == "handoff"


async def test_a_misused_card_with_a_duplicate_on_the_account_offers_its_refund_as_the_one_offer(converse):
    first, second = await converse("cus_bob", "there are fraudulent charges on my card", "yes please")
    assert first.reply.startswith(_BANK_FIRST)
    assert ("One of these is a duplicate: the second payment of $99.00 for invoice NW-2002, on 2026-11-15. A duplicate "
            "charge is always refunded; tell me if you'd like me to ask for it.") in first.reply
    assert "would you like me to pass you to a person?" not in first.reply  # one offer, which a yes takes up
    assert "sent it to a member of our staff for approval (reference RF-0001)" in second.reply, second.reply


async def test_a_misused_card_on_an_account_with_no_payments_says_no_charge_is_for_it(converse):
    (outcome,) = await converse("cus_carol", "someone is using my card")
    assert outcome.reply.startswith(_BANK_FIRST)
    assert "There are no payments on your account yet — you're on the Free plan." in outcome.reply
    assert "So a charge on your card isn't for your Northwind account." in outcome.reply


@pytest.mark.parametrize("message", ["someone is using my card", "I was charged but I dont have an account",
                                     "there's a charge from northwind on my card but I don't have an account"])
async def test_a_visitor_with_a_misused_card_or_a_charge_without_an_account_gets_the_bank_and_a_person(converse, message):
    (outcome,) = await converse(None, message)
    reply = outcome.reply
    assert "call your bank or card issuer now (the number is on the back of the card)" in reply.replace("Call", "call")
    assert ("I can't see any account's payments while you're not signed in. A person from our team can look for a "
            "payment to Northwind from its date and amount: would you like me to pass you to a person?") in reply
    # A request to sign in and the refund policy came: neither says whose charge it is.
    assert "refund policy" not in reply and "Please sign in" not in reply
    if "account" in message:
        assert reply.startswith("If Northwind charged your card and you don't have an account with us, someone may have "
                                "used your card to pay for one. Call your bank")


@pytest.mark.parametrize(("message", "read"), [
    ("I was charged but I dont have an account", True),
    ("I don't have an account with you, why was I charged?", True),
    ("why did you take $29 from me, I never had an account", True),
    ("I don't have an account yet, will I be charged?", False),
    ("how do I get charged if I don't have an account", False),
])
def test_a_charge_without_an_account_is_only_a_charge_already_taken(message, read):
    assert says_charged_without_an_account(message) is read


@pytest.mark.parametrize("question", ["should I cancel my card?", "do I need to block it?"])
async def test_cancelling_the_card_after_its_misuse_is_the_banks_and_cancels_nothing_with_us(converse, question):
    *_, outcome = await converse("cus_alice", "someone is using my card", question)
    assert outcome.reply.startswith("If you think someone else is using it, yes: your bank or card issuer can cancel or "
                                    "block the card and send you a new one."), outcome.reply
    assert "That doesn't cancel anything with us." in outcome.reply
    assert "To cancel your subscription" not in outcome.reply


async def test_should_i_cancel_my_card_alone_is_still_not_read_as_after_its_misuse(converse):
    (outcome,) = await converse("cus_alice", "should I cancel my card?")
    assert "your bank or card issuer can cancel or block the card" not in outcome.reply


async def test_a_charge_said_not_ours_after_the_payments_listed_for_a_misused_card_is_for_the_bank(converse):
    *_, outcome = await converse("cus_alice", "I think someone is using my card",
                                 "it's not from you, it's from somewhere else")
    assert outcome.reply == CHARGE_NOT_OURS_REPLY


# ---------------------------------------------------------------- a charge after a downgrade

@pytest.mark.parametrize(("message", "read"), [
    ("I was charged after I downgraded", True),
    ("I downgraded to free but you still charged me", True),
    ("we switched to a cheaper plan and were still billed 99", True),
    ("how do I downgrade?", False),
    ("will I be charged after I downgrade?", False),
    ("I was charged after I upgraded", False),
])
def test_a_charge_after_a_downgrade_is_read_only_of_a_move_made(message, read):
    assert says_charged_after_downgrading(message) is read


@pytest.mark.parametrize("message", ["I was charged after I downgraded",
                                     "we switched to a cheaper plan and were still billed 99"])
async def test_a_charge_after_a_downgrade_gets_the_plan_on_record_when_a_downgrade_applies_and_a_person(converse,
                                                                                                       message):
    (outcome,) = await converse("cus_bob", message)
    reply = outcome.reply
    assert reply.startswith("Our records show your subscription on the Business plan, at $99.00 a month."), reply
    assert "The downgrade takes effect at the end of your current billing period" in reply
    assert "Your last payment was $99.00 on 2026-11-15 with the card ending 1881, for invoice NW-2002." in reply
    assert reply.endswith("a person from our team should look into it with you: would you like me to pass you to a "
                          "person?")
    assert "Here are your most recent invoices" not in reply and "the plan below it is Pro" not in reply


async def test_a_charge_after_a_downgrade_from_a_visitor_still_asks_them_to_sign_in(converse):
    (outcome,) = await converse(None, "I was charged after I downgraded")
    assert "while you're not signed in" in outcome.reply
    assert "Our records show your subscription" not in outcome.reply


# ---------------------------------------------------------------- a build said to be running for a while

@pytest.mark.parametrize(("customer", "message", "weighed"), [
    ("cus_bob", "my deploy has been stuck for 30 minutes",
     "Builds may run for up to 45 minutes on your Business plan, so yours still has time to finish."),
    ("cus_alice", "the build is stuck for over an hour",
     "Builds may run for up to 45 minutes on your Pro plan, so one that's been going that long has passed the limit: it "
     "won't finish as it is."),
    (None, "my build has been running for 20 minutes",
     "So a build that's been going that long has passed the limit on Free but not on Pro and Business: which applies "
     "depends on your plan."),
])
async def test_a_build_running_for_a_while_is_weighed_against_the_plans_limit_at_once(converse, customer, message,
                                                                                        weighed):
    (outcome,) = await converse(customer, message)
    assert weighed in outcome.reply, outcome.reply
    # The guide's steps for a failed deploy came, as if it had failed.
    assert "select the failed deploy" not in outcome.reply


@pytest.mark.parametrize("still", ["it's still building", "still going", "ok it's still stuck"])
async def test_a_build_still_running_after_it_was_told_it_has_time_is_what_may_happen_next(converse, still):
    *_, outcome = await converse("cus_bob", "my deploy has been stuck for 30 minutes", still)
    assert outcome.reply.startswith("I can't see your builds from here. One that's still within your plan's limit may "
                                    "yet finish; one that reaches the limit is stopped."), outcome.reply
    assert ("What our guide “Failed deploys and build timeouts” says for a build that runs out of time: If the build ran "
            "out of time, enable the build cache") in outcome.reply
    assert "select the failed deploy" not in outcome.reply


async def test_still_building_with_no_build_weighed_before_is_still_the_guide(converse):
    (outcome,) = await converse("cus_bob", "it's still building")
    assert "One that's still within your plan's limit may yet finish" not in outcome.reply


# ---------------------------------------------------------------- more asked of what was just told

async def test_what_members_cost_after_the_teams_entry_is_not_the_plans_prices_by_the_shortcut(converse):
    *_, outcome = await converse("cus_bob", "how do I add people to my team?", "how much extra does that cost?")
    assert outcome.route != "faq"
    assert outcome.reply.startswith("Our help centre doesn't mention a price per seat or per team member"), outcome.reply


@pytest.mark.parametrize(("customer", "moved", "renews"), [
    ("cus_alice", "can I change it to the 15th?", "Your Pro plan renews on 2026-12-01 now."),
    ("cus_bob", "could we move it to the 1st of the month?", "Your Business plan renews on 2026-12-15 now."),
])
async def test_a_renewal_date_asked_to_move_to_a_named_day_is_said_to_be_undescribed(converse, customer, moved, renews):
    *_, outcome = await converse(customer, "what's my renewal date?", moved)
    assert outcome.reply.startswith("Our help centre doesn't describe changing the date your plan renews"), outcome.reply
    assert renews in outcome.reply
    assert "My answer is the same" not in outcome.reply


@pytest.mark.parametrize("message", ["is there a mobile app?", "do you have an ios app?", "is there an app for iphone?"])
async def test_a_mobile_app_of_ours_is_said_to_be_unmentioned_with_a_person(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert outcome.reply == ("Our help centre doesn't mention a mobile app of ours, so I'd rather not guess whether there "
                             "is one. A person from our team can tell you: would you like me to pass you to a person?")


@pytest.mark.parametrize("message", ["can I deploy my mobile app?", "my iphone app backend is slow"])
async def test_a_customers_own_mobile_app_is_still_not_read_as_ours(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "a mobile app of ours" not in outcome.reply


async def test_ok_how_do_i_upgrade_then_on_the_highest_plan_is_that_there_is_none_above(converse):
    *_, outcome = await converse("cus_bob", "do you have a free trial of business?", "ok how do I upgrade then")
    assert outcome.reply == ("You're already on the Business plan at $99.00 a month, so there's no change to make. "
                             "Business is our highest plan, so there's nothing above it to upgrade to."), outcome.reply


async def test_an_upgrade_after_a_plan_below_was_named_is_not_read_as_a_move_down_to_it(converse):
    # "Free trial of business" names Free first: read as the plan the upgrade goes to, it became a downgrade to Free.
    *_, outcome = await converse("cus_alice", "do you have a free trial of business?", "ok how do I upgrade then")
    assert "downgrade" not in outcome.reply.lower()
    assert "You can upgrade to Business yourself from your account." in outcome.reply


async def test_an_upgrade_after_the_plan_above_was_named_is_still_a_move_to_it(converse):
    *_, outcome = await converse("cus_alice", "how much is business?", "I want to upgrade")
    assert "You can upgrade to Business yourself from your account." in outcome.reply


@pytest.mark.parametrize("message", ["my invoice says $29 but I was charged $31", "I was charged $31 for invoice NW-1002"])
async def test_a_charge_of_another_amount_than_the_invoices_is_set_against_its_payments_with_a_person(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert ("The payment our records show for NW-1002: $29.00 on 2026-10-01, and no other charge for it. I can't see your "
            "bank statement from this chat") in outcome.reply, outcome.reply
    assert outcome.reply.endswith("would you like me to pass you to a person?")
    assert "$31" not in outcome.reply  # the customer's figure is theirs, not one our records hold


@pytest.mark.parametrize("message", ["I was charged $99 for NW-2001", "I was charged $29 for NW-1002, why?"])
async def test_a_charge_of_the_invoices_own_amount_is_still_not_set_against_another(converse, message):
    customer = "cus_bob" if "2001" in message else "cus_alice"
    (outcome,) = await converse(customer, message)
    assert "no other charge for it" not in outcome.reply


async def test_a_second_app_asked_after_free_allows_one_is_past_the_apps_limit_not_the_apis(converse):
    *_, outcome = await converse(None, "can I have more than one app on free?", "what happens if I create a second one?")
    assert outcome.reply.startswith("Our help centre doesn't say what happens if you go over your plan's limit on apps"), \
        outcome.reply
    assert "429" not in outcome.reply


# ---------------------------------------------------------------- signing in, and what a failed payment does

async def test_how_long_a_reset_link_lasts_is_not_read_as_the_passwords_length(converse):
    (outcome,) = await converse("cus_carol", "how long does a password reset link last?")
    assert "rules a password must meet" not in outcome.reply, outcome.reply
    assert "We send a reset link that works for one hour" in outcome.reply


async def test_how_long_a_password_must_be_is_still_the_rules_unsaid(converse):
    (outcome,) = await converse("cus_alice", "how long does my password need to be?")
    assert "rules a password must meet" in outcome.reply


@pytest.mark.parametrize(("customer", "expected"), [
    ("cus_carol", "Your account (carol) is locked — five failed sign-ins."),
    ("cus_alice", "Your account (alice) isn't locked — it's active."),
    (None, "Here's what usually gets you back in, from our help centre:"),
])
async def test_cant_get_in_after_my_account_is_what_stands_in_the_way_not_a_lost_authenticator(converse, customer,
                                                                                               expected):
    *_, outcome = await converse(customer, "my account", "I can't get in")
    assert outcome.reply.startswith(expected), outcome.reply
    assert outcome.route != "faq"
    assert not outcome.reply.startswith("Sign in with your password and choose **Use a recovery code**")


async def test_a_lost_phone_with_the_authenticator_still_gets_its_entry_for_a_visitor(converse):
    (outcome,) = await converse(None, "I lost my phone with my authenticator, how do I get back into my account?")
    assert "**Use a recovery code**" in outcome.reply


async def test_a_card_expired_and_the_apps_fate_asked_at_once_is_the_fate_unsaid_and_the_failed_payment(converse):
    (outcome,) = await converse("cus_alice", "my card expired, will my apps go down?")
    assert outcome.reply.startswith("Our help centre doesn't say what happens to your apps or account while a payment is "
                                    "outstanding"), outcome.reply
    assert "Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01) didn't go through" in outcome.reply


async def test_a_failed_payment_said_by_a_customer_whose_payments_went_through_is_set_against_the_records(converse):
    (outcome,) = await converse("cus_bob", "my payment failed, will my account be suspended?")
    assert "I don't see a failed payment on your account, so nothing is outstanding." in outcome.reply, outcome.reply
    assert "Your last payment was $99.00 on 2026-11-15" in outcome.reply
    assert "What our help centre does say: We retry any failed invoice on the new card within a day." in outcome.reply


async def test_what_a_failed_payment_would_do_asked_as_a_hypothetical_still_gets_no_records(converse):
    (outcome,) = await converse("cus_bob", "what happens if my payment fails?")
    assert "I don't see a failed payment" not in outcome.reply
    assert "What it does say: We retry any failed invoice" in outcome.reply


async def test_a_card_expired_and_the_apps_fate_asked_on_free_is_that_there_is_nothing_to_miss(converse):
    (outcome,) = await converse("cus_carol", "my card expired, will my apps go down?")
    assert outcome.reply.startswith("You're on the Free plan, which costs nothing, so there's no payment for you to miss")


@pytest.mark.parametrize("message", ["do you have SOC 2?", "are you HIPAA compliant?", "is northwind iso 27001 certified?"])
async def test_a_security_certification_is_said_to_be_unmentioned_with_what_is_said_of_data(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith("Our help centre doesn't mention security or compliance certifications"), outcome.reply
    assert "We are GDPR compliant" in outcome.reply or "we are GDPR compliant" in outcome.reply


async def test_a_tls_certificate_is_still_not_read_as_a_certification(converse):
    (outcome,) = await converse("cus_bob", "my ssl certificate expired")
    assert "compliance certifications" not in outcome.reply


@pytest.mark.parametrize(("turns", "still"), [
    (("I want to cancel our subscription", "actually never mind, what about downgrading to pro instead?"), False),
    # A guard: asked with "can I", the steps came before too.
    (("can I downgrade to pro?",), True),
])
async def test_a_downgrade_to_a_named_plan_asked_as_a_question_gets_the_downgrades_steps(converse, turns, still):
    *_, outcome = await converse("cus_bob", *turns)
    assert "Go to **Billing → Plan** and choose the smaller plan." in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


async def test_when_a_downgrade_asked_as_a_question_takes_effect_is_the_entrys_answer(converse):
    *_, outcome = await converse("cus_bob", "I want to cancel our subscription",
                                 "actually never mind, what about downgrading to pro instead?", "when does that take effect?")
    assert outcome.reply.startswith("The downgrade takes effect at the end of your current billing period"), outcome.reply


async def test_the_price_of_running_in_more_regions_is_not_the_price_of_the_plan_the_entry_names(converse):
    *_, outcome = await converse("cus_bob", "what regions do you have?", "can we run in two regions at once?",
                                 "how much does that cost?")
    assert outcome.reply.startswith("Our help centre says: Pick the region when you create an app; Business accounts can "
                                    "run an app in several regions at once. You're on Business, which that includes."), \
        outcome.reply
    assert "doesn't say whether running an app in more regions costs anything" in outcome.reply


async def test_a_signed_in_customer_asking_to_close_the_account_is_not_told_to_sign_in(converse):
    first, second = await converse("cus_alice", "please close my account", "yes I'm sure")
    assert first.reply.startswith("I can't delete an account from this chat: you do that yourself, from your account's "
                                  "settings."), first.reply
    assert "once you're signed in" not in first.reply
    assert second.reply.startswith("I understand, but I still can't delete it for you"), second.reply
    assert "My answer is the same" not in second.reply


@pytest.mark.parametrize("taken_back", ["no, only once actually, sorry", "it was just once, my bad"])
async def test_a_charge_said_to_be_once_after_no_duplicate_was_found_is_a_claim_taken_back(converse, taken_back):
    *_, outcome = await converse("cus_alice", "I was charged twice", taken_back)
    assert outcome.reply == "No problem, I'll leave it there. If anything else comes up, you can ask again here any time."


async def test_only_once_asked_as_a_question_is_still_not_a_claim_taken_back(converse):
    *_, outcome = await converse("cus_alice", "how many times can I retry?", "only once?")
    assert not outcome.reply.startswith("No problem, I'll leave it there.")


# "But I didn't try 5 times" is a guard: it was read so before too.
@pytest.mark.parametrize("denial", ["I only tried twice", "but I didn't try 5 times"])
async def test_fewer_tries_than_the_lock_counts_is_the_failed_sign_ins_denied(converse, denial):
    *_, outcome = await converse("cus_carol", "why is my account locked?", denial)
    assert "I won't unlock it while someone else may be trying to get in" in outcome.reply, outcome.reply
    assert "charge" not in outcome.reply  # "twice" was read as a charge taken twice: "no payment taken"


@pytest.mark.parametrize("message", ["I tried twice", "I only tried twice"])
async def test_something_done_twice_files_no_refund_of_a_duplicate(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert not outcome.actions, outcome.actions  # Bob's duplicate was filed for a refund, pending a person's approval
    assert "sent it to a member of our staff for approval" not in outcome.reply


async def test_a_charge_taken_twice_still_files_the_duplicates_refund(converse):
    (outcome,) = await converse("cus_bob", "I tried to pay and got charged twice")
    assert "sent it to a member of our staff for approval" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "last"), [
    ("cus_alice", "is it worth it for me?"),  # out of scope at 0.85: the scope reply
    (None, "is it worth it?"),                # "and business?" is read as the question before it, of Pro
])
async def test_whether_the_plan_just_named_is_worth_it_is_what_it_adds_over_the_other(converse, customer, last):
    *_, outcome = await converse(customer, "what does the pro plan include?", "and business?", last)
    assert outcome.reply.startswith("Whether Business is worth it depends on what you need, so here's what it adds."), \
        outcome.reply
    assert "Business ($99.00 a month) has everything in Pro, plus unlimited apps" in outcome.reply


@pytest.mark.parametrize(("customer", "turns", "address"), [
    ("cus_bob", ("our invoices go to the wrong email", "who can see them?"), " (bob@example.com)"),
    (None, ("who else can see our invoices?",), ""),
])
async def test_who_can_see_the_invoices_is_where_they_go_and_the_roles_unsaid(converse, customer, turns, address):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply == (
        f"Our help centre says invoices are emailed to the address on your account{address} and kept under **Billing → "
        "Invoices**. It doesn't say which of your team members can see them (each member you invite gets a role), so "
        "I'd rather not guess. A person from our team can tell you: would you like me to pass you to a person?"), \
        outcome.reply


async def test_who_can_see_it_with_no_invoices_told_is_still_not_read_as_the_invoices(converse):
    (outcome,) = await converse("cus_bob", "who can see it?")
    assert "team members can see them" not in outcome.reply


async def test_a_hedged_wait_past_the_dns_update_is_longer_than_the_guide_expects(converse):
    *_, outcome = await converse("cus_bob", "hi, we need help with our custom domain", "it says pending verification",
                                 "it's been like 3 hours")
    assert outcome.reply.startswith("That's longer than our guide “Custom domains and DNS” expects:"), outcome.reply
