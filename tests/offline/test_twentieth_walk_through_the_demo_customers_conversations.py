"""What a twentieth walk through the demo customers' conversations found, each fixed: a detail asked of the steps to put
it on invoices answered with the card's steps, a sum paid in a period answered with the invoice list, a yearly price
asked answered with what was just said, an app deleted weighed for a refund, and the uptime asked after the SLA
answered with an incident. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.app_deletion import asks_what_deleting_an_app_saves
from agents.context import HistoryTurn
from agents.follow_ups.billing import asks_of_an_invoice_detail_after_its_steps
from agents.follow_ups.service import downtime_after_the_sla_reply
from agents.payment_sums import asks_a_sum_paid
from agents.providers.offline.payment_periods import period_of_a_sum_asked
from tests.agents.fakes import FakePorts, ctx_for

_DETAILS_STEPS = ("Go to **Billing → Details** and fill in your company name, address and VAT number. They appear on "
                  "every invoice issued after you save them.")


# ---------------------------------------------------------------- a detail asked of the steps to put it on invoices

async def test_changing_it_on_invoices_after_a_company_renamed_is_the_details_steps(converse):
    # The invoice list and the steps to replace a card ("change").
    *_, outcome = await converse("cus_alice", "we changed our company name", "how do I change it on invoices?")
    assert outcome.reply == f"You change it in the same place: {_DETAILS_STEPS}", outcome.reply


@pytest.mark.parametrize(("customer", "first", "detail", "said"), [
    # The email address on file and the entry on changing it.
    ("cus_alice", "we changed our company name", "and the address?", "address"),
    # The entry quoted twice, once for "billing address".
    ("cus_bob", "how do I add my vat number to invoices?", "and the billing address?", "billing address"),
    ("cus_alice", "we changed our company name", "what about the vat number?", "vat number"),
])
async def test_another_detail_named_after_the_details_steps_goes_in_the_same_place(converse, customer, first, detail,
                                                                                 said):
    *_, outcome = await converse(customer, first, detail)
    assert outcome.reply == f"Yes, the same goes for the {said}: {_DETAILS_STEPS}", outcome.reply


def _after(reply: str, message: str):
    return ctx_for(message, "cus_alice", history=[HistoryTurn(role="user", text="hi"),
                                                  HistoryTurn(role="assistant", text=reply)])


@pytest.mark.parametrize(("reply", "message"), [
    ("The email address on your account is alice@example.com.", "and the address?"),
    (_DETAILS_STEPS, "how do I change my card?"),
    (_DETAILS_STEPS, "and the invoices?"),
])
def test_other_messages_are_still_not_a_detail_asked_after_the_details_steps(reply, message):
    assert not asks_of_an_invoice_detail_after_its_steps(_after(reply, message))


# ---------------------------------------------------------------- a sum paid in a period

@pytest.mark.parametrize(("customer", "question", "said"), [
    # The invoice list (a panel).
    ("cus_alice", "how much have I paid this year?",
     "You paid $58.00 in 2026, over 2 payments:\n- 2026-11-01: $29.00 for invoice NW-1003, card ending 4242: failed\n"
     "- 2026-10-01: $29.00 for invoice NW-1002, card ending 4242: paid\n- 2026-09-01: $29.00 for invoice NW-1001, card "
     "ending 4242: paid\n\nThe payment that failed isn't counted in that sum."),
    # Off topic at 0.64: the scope reply.
    ("cus_alice", "how much have we paid in 2026?", "You paid $58.00 in 2026, over 2 payments:"),
    ("cus_alice", "how much did I spend last month?",
     "You paid $29.00 in October 2026, over 1 payment:\n- 2026-10-01: $29.00 for invoice NW-1002, card ending 4242: paid"),
    # "Invoice NW-1003 is for $29.00 …".
    ("cus_alice", "how much did I pay in november?",
     "You haven't paid us anything in November: the payment of $29.00 for invoice NW-1003 on 2026-11-01 failed."),
    ("cus_bob", "how much have I paid last year?",
     "You haven't paid us anything last year. Your first payment was on 2026-10-15."),
    ("cus_carol", "how much have I paid this year?", "You haven't paid us anything so far."),
])
async def test_a_sum_paid_in_a_period_is_that_periods_payments_summed(converse, customer, question, said):
    (outcome,) = await converse(customer, question)
    assert outcome.reply.startswith(said), outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply


async def test_a_month_paid_twice_sums_both_charges_and_offers_the_duplicates_refund(converse):
    # "Invoice NW-2002 is for $99.00 … paid on 2026-11-15": half of what Bob paid that month.
    ports = FakePorts()
    first, then = await converse("cus_bob", "how much did I pay in november?", "yes", ports=ports)
    assert first.reply.startswith("You paid $198.00 in November 2026, over 2 payments:\n- 2026-11-15: $99.00 for invoice "
                                  "NW-2002, card ending 1881: paid (a duplicate charge)\n"), first.reply
    assert ("One of them is a duplicate charge for invoice NW-2002, and duplicate charges are always refunded: tell me if "
            "you'd like me to ask for it.") in first.reply
    assert "RF-0001" in then.reply and [r["invoice_number"] for r in ports.refund_requests] == ["NW-2002"]


async def test_a_sum_paid_with_no_period_is_still_the_total(converse):
    (outcome,) = await converse("cus_alice", "how much have I paid in total?")
    assert outcome.reply == "You've paid $58.00 in total, over 2 payments since 2026-09-01.", outcome.reply


@pytest.mark.parametrize(("question", "key", "said"), [
    ("how much have I paid this year?", "2026", "in 2026"),
    ("how much did we spend with you last year", "2025", "in 2025"),
    ("how much have I been charged this month?", "2026-11", "in November 2026"),
    # A month after today's is last year's.
    ("how much did I pay in december?", "2025-12", "in December 2025"),
    ("what have I paid in total in 2026?", "2026", "in 2026"),
])
def test_the_period_of_a_sum_is_counted_from_today(question, key, said):
    period = period_of_a_sum_asked(question, today="2026-11-25")
    assert period is not None and (period.key, period.said) == (key, said)


@pytest.mark.parametrize("message", ["how much is pro?", "how much do I owe?", "how much have I paid in total?",
                                     "what did I pay for invoice NW-1002?", "how much will I pay in 2030?"])
def test_other_messages_still_name_no_period_of_a_sum(message):
    assert period_of_a_sum_asked(message, today="2026-11-25") is None


def test_a_price_or_a_debt_is_not_a_sum_paid_but_a_plans_payments_are():
    assert asks_a_sum_paid("how much have we paid in 2026?") and asks_a_sum_paid("how much did I pay for pro this year?")
    assert not asks_a_sum_paid("how much is the business plan?") and not asks_a_sum_paid("how much do I owe you?")


@pytest.mark.parametrize("message", ["how much did i spend on groceries today", "how much did i get paid",
                                     "how much did I pay for my car last year", "how much money did i spend yesterday"])
def test_spending_of_ones_own_is_not_a_sum_paid_to_us(message):
    # CLINC150's personal-finance questions: taken for billing, they got the invoice list.
    assert not asks_a_sum_paid(message)


# ---------------------------------------------------------------- paying yearly

async def test_a_yearly_price_asked_after_paying_yearly_is_said_to_be_unsaid(converse):
    # The reply before, again.
    *_, outcome = await converse("cus_bob", "can I pay yearly?", "how much would that be?")
    assert outcome.reply == ("Our help centre doesn't give a price for paying yearly, so I'd rather not work one out: "
                             "Business is $99.00 a month. A person from our team can tell you what a yearly invoice "
                             "would come to: would you like me to pass you to a person?"), outcome.reply


@pytest.mark.parametrize("customer", [None, "cus_alice"])
async def test_paying_yearly_asked_beside_a_price_is_still_what_the_help_centre_says(converse, customer):
    # "I can't find anything about paying yearly in our help centre": the plans' entry alone was read for it.
    (outcome,) = await converse(customer, "can I pay annually? how much does it cost?")
    assert "Business customers can also pay yearly by bank transfer against an invoice." in outcome.reply, outcome.reply
    assert "can't find anything about paying yearly" not in outcome.reply


async def test_a_card_asked_beside_paying_yearly_is_the_list_of_cards(converse):
    # "I don't have our list of accepted payment methods to hand" (and the yearly entry said to be missing).
    (outcome,) = await converse("cus_bob", "can we pay yearly and do you take amex?")
    assert "So yes, American Express is among them." in outcome.reply, outcome.reply
    assert "to hand" not in outcome.reply and outcome.reply.startswith("Yes: on your Business plan you can pay yearly")


# ---------------------------------------------------------------- an app deleted

@pytest.mark.parametrize(("customer", "told", "asked"), [
    # The latest charge was weighed for a refund: "NW-1002 … is outside our 14-day refund window".
    ("cus_alice", "I deleted an app yesterday", "will I get money back for it?"),
    # The invoice list.
    ("cus_bob", "I deleted an app", "will I be charged less now?"),
])
async def test_money_asked_of_an_app_deleted_is_that_plans_are_priced_by_the_month(converse, customer, told, asked):
    *_, outcome = await converse(customer, told, asked)
    assert outcome.reply.startswith("Deleting an app doesn't change what you pay: our plans are priced by the month, "
                                    "not per app"), outcome.reply
    assert "refund window" not in outcome.reply and "most recent invoices" not in outcome.reply


async def test_a_refund_of_the_duplicate_after_an_app_deleted_is_still_that_refund(converse):
    *_, outcome = await converse("cus_bob", "I deleted an app", "can I get a refund for the duplicate charge?")
    assert "RF-0001" in outcome.reply, outcome.reply


def test_a_cost_asked_after_something_else_is_still_not_what_deleting_saves():
    assert not asks_what_deleting_an_app_saves("will I get money back for it?", asked_before="I was charged twice")


# ---------------------------------------------------------------- the uptime asked after the SLA

@pytest.mark.parametrize(("customer", "asked", "said"), [
    # The open incident in eu-west, for "go down".
    ("cus_carol", "so my app could go down?",
     "It can happen, as on any hosting: on your Free plan no SLA promises how much uptime you get, and there are no "
     "service credits if it falls short. Your apps do run on the same infrastructure as Business's: what differs is the "
     "promise. Only the Business plan comes with an SLA: 99.95% uptime a month, with service credits if we miss it."),
    ("cus_bob", "so our app can still go down?",
     "It can, as on any hosting, but on your Business plan our SLA promises 99.95% uptime a month, with service credits "
     "if we miss it."),
    ("cus_bob", "so there is no guarantee for me?",
     "You do have one: on your Business plan our SLA promises 99.95% uptime a month, with service credits if we miss it."),
    (None, "what if my site goes down?",
     "It can happen, as on any hosting: on plans other than Business no SLA promises how much uptime you get, and there "
     "are no service credits if it falls short. Only the Business plan comes with an SLA: 99.95% uptime a month, with "
     "service credits if we miss it."),
])
async def test_downtime_asked_after_the_sla_is_what_the_customers_plan_promises(converse, customer, asked, said):
    *_, outcome = await converse(customer, "do you offer an sla?", asked)
    assert outcome.reply == said, outcome.reply


async def test_an_app_going_down_asked_with_no_sla_before_is_still_the_incident(converse):
    (outcome,) = await converse("cus_alice", "my app could go down?")
    assert "eu-west" in outcome.reply, outcome.reply


def test_downtime_asked_after_another_reply_is_not_read_against_the_sla():
    ctx = ctx_for("so my app could go down?", "cus_carol",
                  history=[HistoryTurn(role="user", text="hi"),
                           HistoryTurn(role="assistant", text="Apps on the Free plan sleep after 30 minutes.")])
    assert downtime_after_the_sla_reply(ctx) is None


# ---------------------------------------------------------------- when the incident ends

@pytest.mark.parametrize(("customer", "first", "asked"), [
    # Off topic at 0.80: the scope reply.
    ("cus_bob", "what's the status of the eu-west incident?", "when will it be fixed?"),
    ("cus_alice", "is the api down?", "any eta?"),
])
async def test_when_the_incident_ends_asked_after_it_is_that_no_estimate_is_given(converse, customer, first, asked):
    *_, outcome = await converse(customer, first, asked)
    assert "I don't have an estimate for when it will be fixed" in outcome.reply, outcome.reply
    assert outcome.intent.label == "technical"


async def test_money_lost_after_asking_when_the_incident_ends_is_what_the_outage_costs(converse):
    # The invoice list: the scope reply between them left no incident cited in the reply before.
    *_, outcome = await converse("cus_bob", "what's the status of the eu-west incident?", "when will it be fixed?",
                                 "we are losing money")
    assert outcome.reply.startswith("I'm sorry this is costing you."), outcome.reply
    assert "most recent invoices" not in outcome.reply


# ---------------------------------------------------------------- a limit asked after a build that timed out

async def test_how_long_the_limit_is_after_a_build_timed_out_is_the_build_time(converse):
    # The API's 600 requests a minute, for "limit".
    *_, outcome = await converse("cus_alice", "my build keeps timing out", "how long is the limit on pro?")
    assert outcome.reply.startswith("You're on the Pro plan: Pro and Business have unlimited deploys and builds of up to "
                                    "45 minutes."), outcome.reply
    assert "requests a minute" not in outcome.reply


async def test_how_high_the_limit_is_after_429s_is_the_rate(converse):
    *_, outcome = await converse("cus_alice", "i get 429 errors", "how high is the limit on business?")
    assert outcome.reply.startswith("On Business: the API allows 3,000 requests a minute"), outcome.reply


# ---------------------------------------------------------------- what members cost

@pytest.mark.parametrize(("customer", "first", "asked"), [
    # Every plan's price, as if the plans named in the team's entry were asked of.
    ("cus_bob", "I want to add two teammates", "how much extra is that?"),
    ("cus_alice", "how do I add team members?", "does that cost extra?"),
    # Carol's lock and the team's entry again.
    ("cus_carol", "how do I invite a colleague?", "do I have to pay for them?"),
])
async def test_what_members_cost_asked_after_the_invite_steps_is_that_no_price_per_member_is_given(
        converse, customer, first, asked):
    *_, outcome = await converse(customer, first, asked)
    assert outcome.reply.startswith("Our help centre doesn't mention a price per seat or per team member, so I'd rather "
                                    "not guess.\n\nIt prices each plan by the month: We have three plans:"), outcome.reply
    assert "On team members it says: Free and Pro accounts can invite up to 3 members" in outcome.reply


async def test_a_price_asked_after_plans_named_is_still_those_plans_prices(converse):
    *_, outcome = await converse("cus_carol", "can I get a custom domain on free?", "how much?")
    assert "$29" in outcome.reply and "per seat" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the address a reset link was expected at

@pytest.mark.parametrize(("given", "said"), [
    # The steps to change the email address, as if it were a new one.
    ("it's alice@example.com", "Thanks: alice@example.com is the address on your account, so that's where the reset "
                               "link goes. If it isn't in your inbox or spam folder after a few minutes, a person from "
                               "our team can look into it: would you like me to pass you to a person?"),
    ("alice@gmail.com", "That isn't the address on your account: the reset link goes to the one on your account, "
                        "alice@example.com, so look for it in that inbox and its spam folder. If you can't get into that "
                        "inbox, a person from our team can help: would you like me to pass you to a person?"),
])
async def test_an_address_given_after_the_reset_link_did_not_arrive_is_weighed_against_the_one_on_file(
        converse, given, said):
    *_, outcome = await converse("cus_alice", "I forgot my password", "I didn't get the reset email", given)
    assert outcome.reply == said, outcome.reply


async def test_a_new_address_given_after_asking_to_change_it_is_still_the_change(converse):
    *_, outcome = await converse("cus_alice", "how do I change my email?", "alice@new.com")
    assert "you can change it to the new one yourself" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a paid plan to try

@pytest.mark.parametrize(("customer", "message", "plan"), [
    # Off topic beside billing in a panel: Carol's plan and "no invoices yet".
    ("cus_carol", "hi I want to try pro", "Pro"),
    # Carol's lock and "not enough information".
    ("cus_carol", "can I try pro?", "Pro"),
    (None, "can I try pro?", "Pro"),
    ("cus_alice", "can I try business first?", "Business"),
])
async def test_a_paid_plan_to_try_is_no_trial_and_the_way_to_move_to_it(converse, customer, message, plan):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply
    assert f"You can move to {plan} yourself whenever you like: Go to **Billing → Plan**" in outcome.reply


async def test_a_plan_to_try_that_the_customer_is_on_still_says_it_is_theirs(converse):
    (outcome,) = await converse("cus_bob", "can we try business for a month?")
    assert outcome.reply.startswith("You're already on Business"), outcome.reply
    assert "You can move to" not in outcome.reply


# ---------------------------------------------------------------- apps, after a move down was asked for

@pytest.mark.parametrize(("customer", "turns", "said"), [
    # "You're on Pro, which includes up to 10 apps, so there's room for more."
    ("cus_alice", ("can I downgrade to free?", "what happens to my apps?", "I have 4 apps"),
     "Free includes one app, so with 4 you'd have more than it allows. Our help centre doesn't say what happens to the "
     "others when you move, and I'd rather not guess: would you like me to pass you to a person from our team, who can "
     "check before you change plan?"),
    # The scope reply.
    ("cus_bob", ("I want to downgrade to pro", "what about my apps?", "we have 12"),
     "Pro includes up to 10 apps, so with 12 you'd have more than it allows."),
    ("cus_bob", ("I want to downgrade to pro", "what about my apps?", "we have 6"), "Pro includes up to 10 apps, so your 6 "
                                                                                    "would fit."),
])
async def test_apps_counted_after_a_move_down_are_weighed_against_the_smaller_plan(converse, customer, turns, said):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(said), outcome.reply


async def test_apps_asked_of_after_a_move_down_are_what_the_smaller_plan_includes(converse):
    # Bob's plan and the invoice list.
    *_, outcome = await converse("cus_bob", "I want to downgrade to pro", "what about my apps?")
    assert "Pro includes up to 10 apps, custom domains and email support." in outcome.reply, outcome.reply
    assert "most recent invoices" not in outcome.reply


async def test_apps_counted_with_no_move_asked_are_still_against_the_customers_plan(converse):
    *_, outcome = await converse("cus_alice", "how many apps can I have?", "I have 4 already")
    assert outcome.reply == "You're on Pro, which includes up to 10 apps, so there's room for more.", outcome.reply


# ---------------------------------------------------------------- an invoice named after the list, as looking wrong

async def test_the_invoice_named_after_the_list_is_the_one_whose_records_are_told(converse):
    # "Our records show your latest invoice, NW-1003": the list's three invoices were read with the one named.
    *_, named, expected = await converse("cus_alice", "my invoice shows the wrong amount", "NW-1002", "it should be 19")
    assert named.reply.startswith("Our records show NW-1002, at $29.00, the Pro plan's price a month, issued on "
                                  "2026-10-01."), named.reply
    # The same reply again, behind "my answer is the same".
    assert expected.reply.startswith("Thanks, I see it's not what you expected. Our records show NW-1002"), expected.reply


async def test_what_looks_wrong_naming_no_invoice_is_still_the_latest(converse):
    *_, outcome = await converse("cus_alice", "my invoice shows the wrong amount", "the amount")
    assert outcome.reply.startswith("Our records show your latest invoice, NW-1003"), outcome.reply


# ---------------------------------------------------------------- a move from another host, a question between

async def test_how_to_migrate_after_a_question_between_is_the_move_from_the_host_named(converse):
    # The scope reply: the question before ("do you support postgres?") names no host.
    *_, outcome = await converse(None, "I'm thinking of moving from heroku", "do you support postgres?",
                                 "how do I migrate?")
    assert outcome.reply.startswith("Our help centre has no guide to moving apps from another host"), outcome.reply


async def test_how_to_migrate_with_no_host_said_is_still_not_a_move_from_one(converse):
    (outcome,) = await converse(None, "how do I migrate?")
    assert "moving apps from another host" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- who sees billing

@pytest.mark.parametrize(("customer", "message", "said"), [
    # The invoice list.
    ("cus_bob", "who can see our billing?", "It doesn't say what each role lets a member see or do"),
    ("cus_alice", "who has access to my invoices?", "It doesn't say what each role lets a member see or do"),
    # "Not enough information".
    ("cus_bob", "can I make someone a billing admin?", "Our help centre describes picking a role when you invite"),
])
async def test_who_sees_billing_is_what_the_team_entry_says_of_roles(converse, customer, message, said):
    (outcome,) = await converse(customer, message)
    assert said in outcome.reply, outcome.reply
    assert "most recent invoices" not in outcome.reply


# ---------------------------------------------------------------- Free told after a step on sleeping apps

@pytest.mark.parametrize(("customer", "said"), [("cus_carol", "it's on free"), (None, "it's on the free plan")])
async def test_free_told_after_the_step_on_sleep_is_that_step_as_the_likely_reason(converse, customer, said):
    # What the Free plan includes, and that the list doesn't mention "what you asked about".
    *_, outcome = await converse(customer, "my app is really slow", said)
    assert outcome.reply == ("Then that's likely it. Step 2 of our guide “Scaling and cold starts” says: Keep a minimum of "
                             "one instance to avoid cold starts; on Free, apps sleep after 30 minutes without traffic. An "
                             "app that has been asleep is slow to answer its first request while it starts up again. If "
                             "you'd like it to stay awake, ask me how."), outcome.reply


async def test_free_told_by_a_customer_on_another_plan_is_still_not_read_as_the_reason(converse):
    *_, outcome = await converse("cus_alice", "my app is really slow", "it's on free")
    assert "that's likely it" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a cancellation said

async def test_a_cancellation_said_after_a_charge_is_checked_against_the_subscription(converse):
    # The invoice list and the steps to cancel; then "I'm sure I did" got the scope reply.
    *_, said, insisted = await converse("cus_alice", "why was I charged $29?", "but I cancelled last month",
                                        "I'm sure I did")
    assert said.reply.startswith("Our records don't show a cancellation: your Pro subscription is still past due on your "
                                 "account, at $29.00 a month.\n\nYour last payment was $29.00 on 2026-10-01"), said.reply
    assert said.reply.endswith("If you cancelled and were still charged, a person from our team should look into it with "
                               "you: would you like me to pass you to a person?")
    assert insisted.reply.startswith("I believe you, and I'm sorry it hasn't gone through as it should."), insisted.reply


@pytest.mark.parametrize(("customer", "turns", "plan"), [
    # The steps to cancel again.
    ("cus_alice", ("how do I cancel?", "ok I cancelled it"), "your Pro subscription is still past due"),
    ("cus_bob", ("I just cancelled",), "your Business subscription is still active"),
])
async def test_a_cancellation_said_alone_is_checked_and_a_person_offered_if_it_does_not_show(converse, customer, turns,
                                                                                             plan):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply == (f"Our records don't show a cancellation: {plan} on your account, at "
                             f"{'$29.00' if customer == 'cus_alice' else '$99.00'} a month.\n\nIf you cancelled and it "
                             "doesn't show, a person from our team should look into it with you: would you like me to "
                             "pass you to a person?"), outcome.reply


async def test_a_cancellation_said_on_free_is_still_not_read_against_a_paid_subscription(converse):
    (outcome,) = await converse("cus_carol", "I cancelled")
    assert "Our records don't show a cancellation" not in outcome.reply, outcome.reply


async def test_a_charge_reported_after_cancelling_in_one_message_still_gets_the_last_payment(converse):
    (outcome,) = await converse("cus_bob", "I cancelled my plan and still got charged")
    assert "Your last payment was $99.00" in outcome.reply and "were still charged" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the bank's side of a failed payment

@pytest.mark.parametrize("bank", ["I can see it on my bank statement", "my bank shows it"])
async def test_the_bank_said_to_show_a_failed_payment_is_heard_with_the_records_and_a_person(converse, bank):
    # The invoice list.
    *_, outcome = await converse("cus_alice", "my card was charged but the invoice says failed", bank)
    assert outcome.reply == ("Thanks for checking. Our records still show the payment for NW-1003 as failed, and I can't "
                             "see your bank statement from this chat to set the two side by side. A person from our team "
                             "can look into it with you, with what your bank shows: would you like me to pass you to a "
                             "person?"), outcome.reply


# ---------------------------------------------------------------- terms of payment

@pytest.mark.parametrize(("customer", "message", "such"), [
    # The request to sign in, then "my answer is the same".
    (None, "can I get an invoice before paying?", "paying some days after an invoice is issued"),
    (None, "do you offer net 30 terms?", "net 30 (paying 30 days after an invoice is issued)"),
    # Off topic: the scope reply.
    ("cus_bob", "can we get net 90?", "net 90 (paying 90 days after an invoice is issued)"),
    ("cus_bob", "what are your payment terms?", "paying some days after an invoice is issued"),
])
async def test_terms_of_payment_are_said_to_be_unmentioned_with_what_the_help_centre_says_of_paying(
        converse, customer, message, such):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"Our help centre doesn't mention payment terms such as {such}, so I'd rather not "
                                    "promise them. What it says about paying is: We accept Visa, Mastercard and American "
                                    "Express cards."), outcome.reply
    assert outcome.reply.endswith("would you like me to pass you to a person?")


# ---------------------------------------------------------------- how long ago a refused charge was paid

@pytest.mark.parametrize("told", ["it was 40 days ago", "it was a month ago"])
async def test_a_time_told_past_the_window_after_a_refusal_is_why(converse, told):
    # The refusal again, behind "my answer is the same".
    *_, outcome = await converse("cus_bob", "refund NW-2001", told)
    assert outcome.reply == ("Yes: that's past our 14-day refund window, which is why I can't refund it myself. If there's "
                             "a special reason, a person from our team can look at it with you: would you like me to pass "
                             "you to a person?"), outcome.reply


async def test_a_time_told_within_the_window_after_a_refusal_is_set_against_the_records(converse):
    *_, outcome = await converse("cus_bob", "refund NW-2001", "it was 5 days ago")
    assert outcome.reply.startswith("Our records date that payment earlier than that"), outcome.reply
    assert "past our" not in outcome.reply


# ---------------------------------------------------------------- "fine, how?"

async def test_fine_how_after_the_chat_said_it_cannot_do_it_is_the_step(converse):
    # The scope reply.
    *_, outcome = await converse("cus_carol", "can you upgrade me to pro?", "just do it", "fine, how?")
    assert outcome.reply.startswith("Under **Billing → Plan**: Go to **Billing → Plan**, choose Pro"), outcome.reply


# ---------------------------------------------------------------- how long builds take, and a team's size, told

@pytest.mark.parametrize(("customer", "first", "said"), [
    # "I don't have a guide on that".
    ("cus_carol", "what's the max build time on free?",
     "Builds may run for up to 15 minutes on your Free plan, so a build that long passes the limit: it won't finish as it "
     "is. On Pro and Business, builds may run for up to 45 minutes."),
    ("cus_alice", "what's the max build time?", "Builds may run for up to 45 minutes on your Pro plan, so yours is within it."),
])
async def test_how_long_builds_take_told_after_the_limit_is_weighed_against_it(converse, customer, first, said):
    *_, outcome = await converse(customer, first, "mine takes 20 minutes")
    assert outcome.reply.startswith(said), outcome.reply


async def test_a_build_stuck_for_a_time_is_still_one_running_now(converse):
    *_, outcome = await converse("cus_bob", "my build is stuck", "for 50 minutes now")
    assert outcome.reply.startswith("Builds may run for up to 45 minutes on your Business plan, so one that's been going "
                                    "that long has passed the limit"), outcome.reply


@pytest.mark.parametrize(("customer", "said"), [
    # The team's entry as a guess ("I think you're asking about …").
    ("cus_bob", "You're on Business, which has no limit on members, so there's room for all of you."),
    ("cus_alice", "You're on Pro, which lets you invite up to 3 members: not enough for a team of 5 with you."),
])
async def test_people_counted_after_the_members_each_plan_allows_are_a_teams_size(converse, customer, said):
    *_, outcome = await converse(customer, "how many team members can I have?", "we have 5 people")
    assert said in outcome.reply and "I think you're asking about" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- the renewal date, to change

@pytest.mark.parametrize(("customer", "first", "asked"), [
    # The password reset's steps.
    ("cus_alice", "what is my renewal date?", "can I change it?"),
    # The renewal again, behind "my answer is the same".
    ("cus_bob", "when does my plan renew?", "I want to change that"),
])
async def test_changing_it_after_the_renewal_date_is_a_change_of_that_date(converse, customer, first, asked):
    *_, outcome = await converse(customer, first, asked)
    assert outcome.reply.startswith("Our help centre doesn't describe changing the date your plan renews"), outcome.reply
    assert "Forgot password" not in outcome.reply


async def test_changing_it_after_the_username_is_still_the_username(converse):
    *_, outcome = await converse("cus_alice", "what is my username?", "can I change it?")
    assert outcome.reply.startswith("Our help centre doesn't describe changing your username"), outcome.reply
