"""What a twenty-first walk through the demo customers' conversations found, each fixed: what becomes of the apps asked
after a failed payment answered with the invoice list, a wait asked after a lock or a refund turned away as off topic,
a database asked about answered twice with "no guide", the API's limit asked with the plan said first answered with
the 429 steps again, what a new member may see answered with the team's entry again, how long a certificate takes
answered with the whole DNS guide, an invoice said to lack the details answered with its description, and what happens
past a plan's limits, coming back after cancelling, our bank details and an SDK answered with "not enough
information", a refund refused, the scope reply or the invoice list. Names with "still" are guards that held before the
fix too."""

from __future__ import annotations

import pytest

from agents.about_service import RUNS_HERE_UNLISTED, kind_of_app_asked
from agents.charge_not_ours import CHARGE_NOT_OURS_REPLY
from agents.coming_back import asks_to_come_back_after_cancelling
from agents.context import HistoryTurn
from agents.follow_ups.billing import NONPAYMENT_UNSAID, nonpayment_asked_again
from agents.lock_wait import asks_how_long_a_lock_lasts
from agents.past_the_limits import asks_what_going_past_the_limits_does
from agents.service_terms import amount_asked_why, asks_for_our_bank_details
from agents.sign_in_origins import asks_where_the_intrusion_came_from
from tests.agents.fakes import ctx_for

_LOCK_ENTRY = ("We lock an account after five failed sign-ins in a row to keep it safe. Reset your password from the "
               "sign-in page to unlock it straight away, or sign in to this chat and ask us to unlock it.")
_CAROLS_LOCK = "Your account (carol) is locked — five failed sign-ins."
_LOCK_NOT_TIMED = ("Our help centre doesn't say that a lock lifts by itself after a while, so I can't promise you a time. "
                   "You don't need to wait, though: resetting your password from the sign-in page (choose **Forgot "
                   "password**) unlocks the account straight away.")


def _after(reply: str, message: str, customer: str | None = "cus_alice"):
    return ctx_for(message, customer, history=[HistoryTurn(role="user", text="hi"),
                                               HistoryTurn(role="assistant", text=reply)])


# ---------------------------------------------------------------- what becomes of the apps after a failed payment

@pytest.mark.parametrize("turns", [
    # The invoice list, as a panel.
    ("hey, my payment didn't go through", "which card is on file?", "ok I updated it, can you retry the charge?",
     "thanks. will my apps be stopped?"),
    ("hey, my payment didn't go through", "will my apps be stopped?"),
    ("my payment failed", "thank you, would my account be suspended?"),
])
async def test_the_apps_fate_after_a_failed_payment_is_said_to_be_unsaid_with_how_to_settle_it(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"{NONPAYMENT_UNSAID}, so I can't tell you that without guessing."), outcome.reply
    assert "to settle NW-1003, save a new card under **Billing → Payment method**" in outcome.reply


@pytest.mark.parametrize(("reply", "message"), [
    ("Our guide “Scaling and cold starts” covers this.", "will my apps be stopped?"),
    ("Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01) didn't go through because the card ending 4242 "
     "expired.", "thanks. how do I stop my apps?"),
])
def test_other_turns_are_still_not_the_apps_fate_asked_after_a_failed_payment(reply, message):
    assert not nonpayment_asked_again(_after(reply, message))


# ---------------------------------------------------------------- how long a lock lasts

async def test_a_wait_asked_after_the_lock_entry_is_told_none_is_needed_with_the_unlock_offered(converse):
    *_, waited, accepted = await converse("cus_carol", "it says too many attempts", "how long do I have to wait?",
                                          "yes please")
    assert waited.intent.label == "account"
    assert waited.reply == (f"{_CAROLS_LOCK}\n\n{_LOCK_NOT_TIMED}\n\nAs you're signed in here, I can also start the unlock for you: if "
                            "you'd like that, say so and I'll start it."), waited.reply
    assert "I've unlocked your account" in accepted.reply, accepted.reply


@pytest.mark.parametrize("question", ["when will my account unlock?", "does the lock expire?",
                                      "will it unlock by itself?"])
async def test_when_the_lock_lifts_asked_outright_is_told_the_same(converse, question):
    [outcome] = await converse("cus_carol", question)
    assert outcome.reply.startswith(f"{_CAROLS_LOCK}\n\n{_LOCK_NOT_TIMED}"), outcome.reply


async def test_a_wait_asked_once_the_chat_unlocked_the_account_is_told_there_is_none(converse):
    # The scope reply came.
    *_, outcome = await converse("cus_carol", "I can't log in", "it says too many attempts", "how long do I have to wait?")
    assert outcome.reply == "There's nothing to wait for: your account (carol) is unlocked already, so you can sign in now."


async def test_a_lock_asked_of_an_account_that_has_none_is_told_it_is_active(converse):
    [outcome] = await converse("cus_alice", "does the lock expire?")
    assert outcome.reply == ("Your account (alice) isn't locked — it's active, so there's nothing to wait for: you can "
                             "sign in now.")


async def test_a_visitor_asking_when_the_lock_lifts_is_told_the_entry_on_locks(converse):
    [outcome] = await converse(None, "when will my account unlock?")
    assert outcome.reply == ("Our help centre doesn't say that a lock lifts by itself after a while, so I can't promise "
                             f"you a time. You don't need to wait, though. Our help centre says: {_LOCK_ENTRY}"), \
        outcome.reply


@pytest.mark.parametrize(("reply", "message"), [
    ("A refund for invoice NW-2002 has already been requested (reference RF-0001, $99.00).", "how long do I have to wait?"),
    (_LOCK_ENTRY, "how long will the refund take?"),
    (_LOCK_ENTRY, "how long do I have to wait for my new card?"),
])
def test_other_waits_are_still_not_a_lock_asked_about(reply, message):
    assert not asks_how_long_a_lock_lasts(_after(reply, message, "cus_carol"))


# ---------------------------------------------------------------- a wait asked after a refund

async def test_a_wait_asked_after_a_refund_was_sent_for_approval_is_when_the_money_arrives(converse):
    # The scope reply came.
    *_, outcome = await converse("cus_bob", "i was charged twice", "how long do I have to wait?")
    assert outcome.intent.label == "refund"
    assert outcome.reply.startswith("Once a refund is approved it usually reaches your card in 5 to 10 business days"), \
        outcome.reply
    assert "reference RF-0001" in outcome.reply


# ---------------------------------------------------------------- a database asked about

@pytest.mark.parametrize(("customer", "turns", "kind"), [
    # "I'm sorry, I don't have enough information", or "no guide" and that twice over.
    (None, ("do you have postgres?",), "postgres"),
    ("cus_alice", ("can I use mysql?",), "mysql"),
    (None, ("can I host a django app?", "what about a database, do you have postgres?"), "postgres"),
    ("cus_bob", ("can we get a postgres database?",), "a postgres database"),
])
async def test_a_database_asked_about_is_said_to_be_unlisted_once(converse, customer, turns, kind):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(f"{RUNS_HERE_UNLISTED}, so I can't tell you for certain about {kind}"), outcome.reply
    assert "I don't have" not in outcome.reply


async def test_a_database_password_in_a_variable_is_still_the_environment_guide(converse):
    [outcome] = await converse("cus_bob", "can I use my database password in an env var?")
    assert "“Environment variables and secrets”" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["do you have a store in Amritsar", "Do you have GO casein protein ?",
                                     "can I use my database password in an env var?", "Can I use American Express?"])
def test_shoppers_questions_are_still_not_a_kind_of_app_asked(message):
    assert kind_of_app_asked(message) is None


# ---------------------------------------------------------------- the API's limit with the plan said first

@pytest.mark.parametrize(("customer", "question", "limit"), [
    ("cus_bob", "we're on business, what's our limit?", "3,000 requests a minute on Business"),
    ("cus_alice", "I'm on pro. what is the limit?", "600 requests a minute on Pro"),
])
async def test_the_limit_asked_after_a_429_with_the_plan_said_first_is_that_plans(converse, customer, question, limit):
    # The 429 guide's steps again.
    *_, outcome = await converse(customer, "we're getting 429 errors from the api", question)
    assert f"the API allows {limit}, per account" in outcome.reply, outcome.reply
    assert "1. Read the `Retry-After` header" not in outcome.reply


# ---------------------------------------------------------------- what a new member may see

@pytest.mark.parametrize(("customer", "turns", "what"), [
    # The team's entry again, behind "my answer is the same".
    ("cus_bob", ("can I add my colleague to our account?", "can she see the invoices?"),
     "whether a member can see your billing"),
    ("cus_bob", ("can I add my colleague to our account?", "what role should I give her?", "can she see the invoices?"),
     "whether a member can see your billing"),
    ("cus_alice", ("how do I add team members?", "can they deploy?"), "whether a member can deploy"),
])
async def test_what_a_member_may_do_right_after_the_teams_entry_is_what_it_leaves_unsaid(converse, customer, turns,
                                                                                       what):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.endswith(f"It doesn't say {what}, though, and I'd rather not guess: would you like me to pass "
                                  "you to a person from our support team who can tell you?"), outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_what_members_may_see_asked_first_still_quotes_the_teams_entry(converse):
    [outcome] = await converse("cus_bob", "can team members see billing?")
    assert outcome.reply.startswith("Here's what our help centre says about team members:"), outcome.reply
    assert "It doesn't say whether a member can see your billing" in outcome.reply


# ---------------------------------------------------------------- how long a certificate takes

async def test_how_long_after_a_certificate_error_and_a_record_added_is_the_dns_guides_time(converse):
    # All four of the DNS guide's steps came.
    *_, outcome = await converse("cus_bob", "our custom domain shows a certificate error", "I added the CNAME yesterday",
                                 "how long does it take?")
    assert outcome.reply == ("The guide “Custom domains and DNS” says:\n4. Wait for DNS to update, usually within an "
                             "hour; check it with `dig www.example.com`."), outcome.reply


# ---------------------------------------------------------------- where an intrusion came from, a turn later

@pytest.mark.parametrize("turns", [
    # "Not enough information".
    ("someone logged into our account from russia", "what should I do?", "can you see which ip it was?"),
    ("someone logged into our account from russia", "what country was it?"),
])
async def test_where_the_sign_in_came_from_asked_after_the_advice_is_not_seen_here(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("I can't see that from here: nothing I can see of your account shows where"), \
        outcome.reply


def test_which_ip_asked_with_no_intrusion_before_is_still_not_that():
    assert not asks_where_the_intrusion_came_from(_after("Our guide “Custom domains and DNS” covers this.",
                                                         "which ip address was it?"))


# ---------------------------------------------------------------- a plan's build time, asked as more of it

@pytest.mark.parametrize("question", ["is it longer on business?", "do I get more time on business?"])
async def test_more_build_time_asked_of_a_plan_after_a_timeout_is_that_plans_limit(converse, question):
    # "It doesn't say more" (the guide named), or "no guide".
    *_, outcome = await converse("cus_alice", "my build times out after 15 minutes", question)
    assert outcome.reply.startswith("On Business: Pro and Business have unlimited deploys and builds of up to 45 "
                                    "minutes."), outcome.reply


# ---------------------------------------------------------------- an invoice said to lack the details

_WHICH_CARRY_THEM = "They appear on every invoice issued after you save them."


@pytest.mark.parametrize("turns", [
    # The invoice's description and where invoices are.
    ("I need an invoice with our VAT number", "we already added it, but the november invoice doesn't show it"),
    # The steps again, and the scaling guide beside them (a panel).
    ("how do I add my vat number to invoices?", "NW-2002 still doesn't have our VAT number"),
])
async def test_an_invoice_said_to_lack_the_details_is_set_against_its_issue_date(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply == (
        f"NW-2002 was issued on 2026-11-15, and as our help centre puts it: {_WHICH_CARRY_THEM} So if you saved your "
        "details under **Billing → Details** after 2026-11-15, NW-2002 stays as it was issued. It doesn't say whether an "
        "invoice can be issued again with your details: a person from our team can look at NW-2002 with you. Would you "
        "like me to pass you to a person?"), outcome.reply


async def test_an_invoice_reissue_asked_after_that_is_not_done_here(converse):
    # "My answer is the same" and the invoice's description.
    *_, outcome = await converse("cus_bob", "I need an invoice with our VAT number",
                                 "we already added it, but the november invoice doesn't show it", "can you reissue it?")
    assert outcome.reply.startswith("I can't reissue an invoice from this chat, and our help centre doesn't say whether "
                                    "one already issued can be issued again with your details."), outcome.reply


async def test_the_details_missing_from_an_unnamed_invoice_are_told_which_invoices_carry_them(converse):
    # The invoice list.
    *_, outcome = await converse("cus_bob", "how do I add my vat number to invoices?", "it's not on the invoice")
    assert outcome.reply.startswith(f"As our help centre puts it: {_WHICH_CARRY_THEM} An invoice issued before you "
                                    "saved them stays as it was."), outcome.reply


# ---------------------------------------------------------------- what happens past a plan's limits

@pytest.mark.parametrize(("customer", "turns"), [
    # "Not enough information", or the Free plan's entry again as a repeat.
    (None, ("what happens when I hit the free limits?",)),
    (None, ("what's included in the free plan?", "what happens if I go over?")),
    ("cus_carol", ("what happens if I exceed my plan limits?",)),
])
async def test_what_happens_past_the_limits_is_the_apis_429_and_the_rest_unsaid(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Of a plan's limits, our help centre says what happens past one, the API's: The API "
                                    "allows 60 requests a minute on Free"), outcome.reply
    assert "It doesn't say what happens past those, or past the number of apps a plan allows" in outcome.reply
    assert outcome.reply.endswith("A bigger plan raises them: you can change plan under **Billing → Plan**.")


async def test_a_business_customer_is_not_told_a_bigger_plan_raises_them(converse):
    [outcome] = await converse("cus_bob", "what happens if we exceed our limits?")
    assert "It doesn't say what happens past those" in outcome.reply, outcome.reply
    assert "A bigger plan" not in outcome.reply


@pytest.mark.parametrize("message", ["what happens if you go over the limit on your card",
                                     "what happens if I go over the api limit?"])
def test_other_limits_are_still_not_a_plans_limits_asked(message):
    assert not asks_what_going_past_the_limits_does(ctx_for(message, None))


# ---------------------------------------------------------------- coming back after cancelling

_KEPT = ("Your paid plan stays active until the end of the period you've paid for, then your account moves to the Free "
         "plan; your apps and data are kept.")


@pytest.mark.parametrize("turns", [
    # A refund of NW-1002 refused, which nobody had asked for.
    ("I want to cancel", "will I get a refund for the rest of the month?", "ok and can I come back later?"),
    # The scope reply.
    ("if I cancel can I resubscribe later?",),
    # The steps to cancel again.
    ("can I reactivate my subscription after cancelling?",),
])
async def test_coming_back_after_cancelling_is_an_upgrade_with_the_account_kept(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"Yes. Cancelling doesn't close your account, as our help centre puts it: {_KEPT}"), \
        outcome.reply
    assert "To come back to a paid plan, you upgrade again: Go to **Billing → Plan**" in outcome.reply
    assert "refund window" not in outcome.reply


async def test_coming_back_asked_on_free_is_told_there_is_nothing_to_cancel(converse):
    [outcome] = await converse("cus_carol", "if I cancel can I come back?")
    assert outcome.reply.startswith("You're on the Free plan already, so there's no paid plan to cancel"), outcome.reply


@pytest.mark.parametrize("message", ["can I return an item?", "can I come back?"])
def test_coming_back_with_no_cancelling_before_is_still_not_that(message):
    assert not asks_to_come_back_after_cancelling(ctx_for(message, "cus_alice"))


# ---------------------------------------------------------------- our bank details

@pytest.mark.parametrize(("customer", "turns"), [
    # The invoice list.
    ("cus_bob", ("how do I pay by bank transfer?", "what are your bank details?")),
    (None, ("what's your IBAN?",)),
])
async def test_our_bank_details_asked_are_not_given_here_with_who_pays_by_transfer(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre doesn't give our bank details, so I can't give them to you here. "
                                    "What it says about paying by transfer: We accept Visa, Mastercard and American "
                                    "Express cards."), outcome.reply
    assert "NW-2002" not in outcome.reply


def test_own_bank_details_are_still_not_ours_asked():
    assert not asks_for_our_bank_details("can I update my bank details?")


# ---------------------------------------------------------------- a tool for the API

@pytest.mark.parametrize(("message", "tool"), [
    ("is there a python sdk?", "a python SDK"),
    ("do you have a cli?", "a CLI"),
    ("where can I download your client library?", "a client library"),
])
async def test_a_tool_for_the_api_is_said_to_be_unmentioned_with_what_the_api_entry_says(converse, message, tool):
    # "Not enough information".
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(f"Our help centre doesn't mention {tool} for our API, so I'd rather not guess "
                                    "whether there is one. What it does say about the API: The API allows 60 requests"), \
        outcome.reply


# ---------------------------------------------------------------- an invoice's amount said to be wrong, charged twice

_NW_2002 = ("Thanks, I see it's not what you expected. Our records show your latest invoice, NW-2002, at $99.00, the "
            "Business plan's price a month, issued on 2026-11-15.")
_CHARGED_TWICE = ("What you were charged for it is $198.00, though: it was charged twice on 2026-11-15, and the second "
                  "payment of $99.00 is a duplicate.")


@pytest.mark.parametrize("expected", ["it should be 99 not 198", "it should be 99"])
async def test_an_amount_said_to_be_wrong_on_an_invoice_charged_twice_is_the_duplicate(converse, expected):
    # That an invoice can't be changed here, and a person.
    *_, outcome = await converse("cus_bob", "the invoice amount is wrong", expected)
    assert outcome.reply == (f"{_NW_2002}\n\n{_CHARGED_TWICE} Duplicate charges are always refunded: tell me if you'd "
                             "like me to ask for it."), outcome.reply


async def test_the_duplicates_refund_already_asked_for_is_named_instead_of_offered(converse):
    *_, outcome = await converse("cus_bob", "i was charged twice", "the invoice amount is wrong", "it should be 99")
    assert outcome.reply == f"{_NW_2002}\n\n{_CHARGED_TWICE} Its refund has already been asked for (reference RF-0001).", \
        outcome.reply


async def test_an_amount_said_to_be_wrong_with_no_duplicate_still_offers_a_person(converse):
    *_, outcome = await converse("cus_alice", "the invoice amount is wrong", "should be 19")
    assert outcome.reply.endswith("I can't change an invoice from this chat. If it should be different, a person from "
                                  "our team can look into it: would you like me to pass you to a person?"), outcome.reply


# ---------------------------------------------------------------- a DNS provider named after the guide led with

async def test_a_dns_provider_named_after_the_custom_domains_guide_led_is_that_guides_steps(converse):
    # The API errors guide, which "my site is down!!!" had found and the custom domains guide named as "may help too".
    *_, outcome = await converse("cus_alice", "my site is down!!!", "it's a custom domain, shop.example.com",
                                 "the dns is at cloudflare")
    assert outcome.reply.startswith("Our help centre has no guide for Cloudflare in particular, but the steps in our "
                                    "guide “Custom domains and DNS” that are done at your DNS provider"), outcome.reply


# ---------------------------------------------------------------- a move from another host, as a wish

@pytest.mark.parametrize(("customer", "opening"), [
    ("cus_bob", "Glad you're thinking of bringing your apps over! You're on the Business plan at $99.00 a month."),
    (None, "Glad you're considering us! We have three plans:"),
])
async def test_wanting_to_move_from_another_host_is_welcomed(converse, customer, opening):
    # The scope reply.
    [outcome] = await converse(customer, "we want to move from heroku")
    assert outcome.reply.startswith(opening), outcome.reply


async def test_help_asked_with_the_move_is_a_person_to_plan_it(converse):
    # The scope reply, "my answer is the same", then "not enough information".
    *_, how_long, helped = await converse("cus_bob", "we want to move from heroku", "how long does migration take?",
                                          "do you help with it?")
    assert how_long.reply.startswith("Our help centre has no guide to moving apps from another host, so I'd rather not "
                                     "guess how long a move takes."), how_long.reply
    assert helped.reply == ("Our help centre doesn't describe help with a move, and I can't move apps from this chat, but "
                            "a person from our support team can help you plan it: would you like me to pass you to a "
                            "person?"), helped.reply


# ---------------------------------------------------------------- a build's time, hedged

async def test_a_hedged_time_after_slow_deploys_is_weighed_against_the_plans_build_limit(converse):
    # The scope reply.
    *_, outcome = await converse("cus_alice", "my deploys are slow", "like 10 minutes")
    assert outcome.reply.startswith("Builds may run for up to 45 minutes on your Pro plan"), outcome.reply


# ---------------------------------------------------------------- what an outage cost, after money back for it

@pytest.mark.parametrize(("customer", "own"), [
    ("cus_bob", "You're on the Business plan. Whether an outage earns credits is for a person from our team to confirm"),
    ("cus_alice", "You're on the Pro plan, which has no SLA, so an outage doesn't earn service credits on it."),
])
async def test_sales_lost_after_money_back_for_an_outage_is_heard_with_the_sla(converse, customer, own):
    # The scope reply.
    *_, outcome = await converse(customer, "can I get a refund for the outage?", "we lost sales")
    assert outcome.reply.startswith("I'm sorry this is costing you.\n\nAbout service credits:"), outcome.reply
    assert own in outcome.reply


# ---------------------------------------------------------------- a figure asked after a question about the bill

async def test_why_a_figure_after_a_question_about_the_bill_is_the_plans_price(converse):
    # The invoice list.
    *_, outcome = await converse("cus_alice", "hi there, quick question about my bill", "why is it 29?")
    assert outcome.reply.startswith("You're on the Pro plan at $29.00 a month: that's what each month of your plan "
                                    "costs."), outcome.reply


def test_why_a_figure_with_nothing_of_a_charge_before_is_still_not_a_charge_asked():
    assert amount_asked_why("why is it 29?", last_reply="Hi! What can I help you with?", asked_before="hi") is None


# ---------------------------------------------------------------- card types, a count past a limit, details changed

@pytest.mark.parametrize("customer", ["cus_carol", None])
async def test_card_types_asked_are_the_ways_we_accept_to_pay(converse, customer):
    # The card on file (none for Carol), or the request to sign in.
    [outcome] = await converse(customer, "what card types do you take?")
    assert outcome.reply.startswith("We accept Visa, Mastercard and American Express cards."), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "answer"), [
    # The scope reply.
    ("cus_bob", ("how many apps do we have?", "can we have more than 50?"),
     "Yes: your plan, Business, includes unlimited apps."),
    ("cus_alice", ("how many apps can I have?", "can I have more than 10?"), "No: your plan, Pro, includes up to 10 apps."),
])
async def test_more_than_a_number_after_a_count_is_that_many_of_it(converse, customer, turns, answer):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(answer), outcome.reply


async def test_details_said_changed_after_their_steps_are_told_which_invoices_carry_them(converse):
    # The steps again, behind "my answer is the same".
    *_, outcome = await converse("cus_alice", "my invoice shows the wrong company name", "we changed it last week")
    assert outcome.reply.startswith("Then, as our help centre puts it: They appear on every invoice issued after you save "
                                    "them."), outcome.reply


async def test_a_card_said_updated_is_still_checked_against_the_card_on_file(converse):
    *_, outcome = await converse("cus_alice", "how do I change my card?", "I updated it yesterday")
    assert outcome.reply.startswith("I still see the visa ending 4242 on your account"), outcome.reply


# ---------------------------------------------------------------- a certificate's renewal, an owner gone, usage

async def test_why_a_certificate_did_not_renew_is_what_the_guide_says_of_renewals(converse):
    # The plan's renewal date (billing at 0.76).
    *_, outcome = await converse("cus_bob", "our certificate expired", "why didn't it renew?")
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't say why a renewal fails, so I can't tell "
                                    "you why yours didn't without guessing. What it says of renewals:\n5. Certificates "
                                    "renew 30 days before they expire"), outcome.reply
    assert "renews on 2026" not in outcome.reply


async def test_why_the_plan_did_not_renew_is_still_not_the_certificates(converse):
    *_, outcome = await converse("cus_bob", "when does my plan renew?", "why didn't it renew?")
    assert "TLS" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("gone", ["the current owner left the company", "she left"])
async def test_an_owner_gone_after_the_hand_over_was_asked_is_a_person_to_arrange_it(converse, gone):
    # "Not enough information".
    *_, outcome = await converse("cus_bob", "I need to change the owner of the account", gone)
    assert outcome.reply.startswith("I can't hand the account over to a new owner myself"), outcome.reply


@pytest.mark.parametrize("message", ["how do I see my usage?", "how many requests did I make today?",
                                     "where can I check our api usage?"])
async def test_own_usage_asked_is_not_seen_here_with_the_limits(converse, message):
    # The invoice list, or the API's limits as a guess.
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("I can't see your usage from this chat, and our help centre doesn't describe where to "
                                    "see it"), outcome.reply
    assert "The API allows 60 requests a minute on Free" in outcome.reply


# ---------------------------------------------------------------- a charge said not to be ours

@pytest.mark.parametrize(("customer", "turns"), [
    # The invoice list again, behind "my answer is the same".
    ("cus_alice", ("I think someone is using my card", "there's a charge I don't recognise",
                   "it's not from you, it's from somewhere else")),
    ("cus_bob", ("there's a charge I don't recognise", "it's not a northwind charge")),
])
async def test_a_charge_said_not_to_be_ours_is_the_banks_to_look_into(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply == CHARGE_NOT_OURS_REPLY, outcome.reply


async def test_not_from_us_with_no_unknown_charge_before_is_still_not_that(converse):
    *_, outcome = await converse("cus_alice", "what were my payments?", "it's not from you")
    assert outcome.reply != CHARGE_NOT_OURS_REPLY


# ---------------------------------------------------------------- the fastest way to get help

@pytest.mark.parametrize(("customer", "turns"), [
    # The scope reply.
    ("cus_alice", ("can you call me?", "ok what's the fastest way to get help then?")),
    # The support hours' entry, hedged.
    (None, ("what is the best way to contact support?",)),
])
async def test_the_fastest_way_to_get_help_is_this_chat_and_a_person_in_it(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Right here, in this chat. As our help centre says: This chat answers around the "
                                    "clock."), outcome.reply
    assert outcome.reply.endswith("Just ask for a person in this chat at any time and we'll pass the conversation to our "
                                  "support staff, with everything you've told us so far.")


# ---------------------------------------------------------------- an SLA needed, a comparison, an enterprise contract

async def test_an_sla_needed_above_the_plans_is_not_met_with_a_yes(converse):
    # "Yes: you're on the Business plan, and … 99.95% …", as if it met the need.
    [outcome] = await converse("cus_bob", "we need an SLA of 99.99%")
    assert outcome.reply.startswith("Not as our help centre describes it: you're on the Business plan, and the Business "
                                    "plan comes with a 99.95% monthly uptime SLA"), outcome.reply
    assert "That's below the 99.99% you need" in outcome.reply


async def test_an_uptime_the_sla_meets_is_still_a_yes(converse):
    [outcome] = await converse("cus_bob", "do you offer 99.9% uptime?")
    assert outcome.reply.startswith("Yes: you're on the Business plan"), outcome.reply


@pytest.mark.parametrize("turns", [("what's the difference between you and heroku?",), ("how do you compare to vercel?",),
                                   ("is northwind faster than heroku?",)])
async def test_a_comparison_with_another_host_is_said_to_be_unmade(converse, turns):
    # "Not enough information".
    *_, outcome = await converse(None, *turns)
    assert outcome.reply.startswith("Our help centre doesn't compare Northwind Cloud with other providers"), outcome.reply


async def test_cheaper_asked_after_the_comparison_is_the_same_silence(converse):
    *_, outcome = await converse(None, "what's the difference between you and heroku?", "are you cheaper?")
    assert outcome.reply.startswith("Our help centre doesn't compare Northwind Cloud with other providers"), outcome.reply


async def test_an_enterprise_contract_is_a_plan_we_do_not_have(converse):
    # "Not enough information".
    [outcome] = await converse("cus_bob", "can we sign an enterprise contract?")
    assert outcome.reply.startswith("We don't have an Enterprise plan. We have three plans:"), outcome.reply


# ---------------------------------------------------------------- an account said to be suspended

async def test_a_locked_account_said_to_be_suspended_is_told_its_lock_with_the_unlock(converse):
    # The lock, then "not enough information".
    [outcome] = await converse("cus_carol", "my account says suspended")
    assert outcome.reply.startswith("Your account (carol) is locked — five failed sign-ins."), outcome.reply
    assert "say so and I'll start it" in outcome.reply
    assert "I don't have enough information" not in outcome.reply


async def test_why_after_the_lock_was_told_is_its_reason_again(converse):
    # "Not enough information".
    *_, outcome = await converse("cus_carol", "my account says suspended", "why?")
    assert "five failed sign-ins" in outcome.reply, outcome.reply
    assert "I don't have enough information" not in outcome.reply


async def test_an_active_account_asked_if_suspended_is_told_it_is_active(converse):
    [outcome] = await converse("cus_alice", "is my account suspended?")
    assert outcome.reply.startswith("Your account (alice) is active, on the Pro plan.\n\nIt isn't locked or suspended."), \
        outcome.reply


# ---------------------------------------------------------------- a certificate renewed by hand

@pytest.mark.parametrize("turns", [
    # The certificates' guide again.
    ("our certificate expired", "why didn't it renew?", "how do I renew it manually?"),
    ("our certificate expired", "can I force a renewal?"),
])
async def test_a_renewal_by_hand_after_the_certificates_guide_is_its_retry_step(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't describe renewing a certificate by hand; "
                                    "what it gives to get one issued again is:\n3. In **Settings → Domains**, choose "
                                    "**Retry certificate** once DNS is correct."), outcome.reply
