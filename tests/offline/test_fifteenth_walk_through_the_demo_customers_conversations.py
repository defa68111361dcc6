"""What a fifteenth walk through the demo customers' conversations found, each fixed: a reply that answered another
question than the one asked, or read the customer's own words as someone else's. Names with "still" are guards that
held before the fix too."""

from __future__ import annotations

import pytest

_NO_DUPLICATE = "I checked your payments and I can't find a duplicate charge"
_IF_TWICE = "If you're ever charged twice, the duplicate is always refunded in full"
_SOMEONE_ELSES = "I can only share the details of your own account"


@pytest.mark.parametrize("message", ["what happens if I get charged twice?", "what if you charge me twice?",
                                     "in case of a double charge, what do I do?", "what if I'm double charged?"])
async def test_a_double_charge_supposed_is_answered_by_the_policy(converse, message):
    # Alice was told "I can't find a duplicate charge", answering a report she had not made.
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(_IF_TWICE), outcome.reply
    assert "Right now none of your payments was taken twice." in outcome.reply
    assert _NO_DUPLICATE not in outcome.reply


async def test_a_double_charge_supposed_by_a_customer_never_charged_says_none_was_taken(converse):
    [outcome] = await converse("cus_carol", "what if I get double charged?")
    assert outcome.reply.startswith(_IF_TWICE), outcome.reply
    assert "So far we haven't taken any payment from you." in outcome.reply


async def test_a_double_charge_supposed_by_a_customer_who_has_one_still_gets_it(converse):
    [outcome] = await converse("cus_bob", "what happens if I get charged twice?")
    assert "NW-2002 was charged twice" in outcome.reply and _IF_TWICE not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I was charged twice", "I think I was double charged"])
async def test_a_double_charge_reported_is_still_checked(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(_NO_DUPLICATE), outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob"])
async def test_speeding_up_a_refund_never_asked_for_says_none_is_on_its_way_first(converse, customer):
    # "I'm sorry, I can't make a refund arrive any sooner" came first, and only then that there was none.
    *_, outcome = await converse(customer, "where is my refund?", "can you speed it up?")
    assert outcome.reply.startswith("There's no refund on its way to speed up"), outcome.reply
    assert "any sooner" not in outcome.reply


async def test_speeding_up_a_refund_never_asked_for_still_offers_the_charge_that_qualifies(converse):
    *_, outcome = await converse("cus_bob", "when will I get the money back?", "can you make it faster?")
    assert "invoice NW-2002 ($99.00) would qualify for a refund" in outcome.reply, outcome.reply


async def test_speeding_up_a_refund_asked_for_still_says_it_cannot_come_sooner(converse):
    *_, outcome = await converse("cus_bob", "I was charged twice", "can you speed it up?")
    assert outcome.reply.startswith("I'm sorry, I can't make a refund arrive any sooner from here."), outcome.reply
    assert "RF-0001" in outcome.reply


@pytest.mark.parametrize("question", ["someone is trying to hack me?", "am I being hacked?"])
async def test_whether_it_is_an_intrusion_asked_after_the_advice_answers_what_the_lock_shows(converse, question):
    # The same advice came again, behind "My answer is the same as in my last message".
    *_, outcome = await converse("cus_carol", "my account is locked", "it was not me", question)
    assert outcome.reply.startswith("It could be: your account was locked after five failed sign-ins"), outcome.reply
    assert "My answer is the same" not in outcome.reply
    assert "would you like me to pass you to a person now?" in outcome.reply


async def test_whether_it_is_an_intrusion_asked_of_an_account_never_locked_says_nothing_shows_who(converse):
    *_, outcome = await converse("cus_alice", "someone hacked my account", "is someone trying to hack me?")
    assert outcome.reply.startswith("I can't tell from here: nothing I can see on your account shows who"), outcome.reply


async def test_an_intrusion_reported_again_still_gets_the_advice(converse):
    *_, outcome = await converse("cus_alice", "someone hacked my account", "someone hacked my account")
    assert "reset your password" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I think someone is trying to get into my account",
                                     "somebody was trying to get in to my account"])
async def test_someone_trying_to_get_in_is_an_intrusion_not_another_customer(converse, message):
    # "Trying" was read as a customer's name ("is trying to get"): "I can only share the details of your own account".
    [outcome] = await converse("cus_alice", message)
    assert _SOMEONE_ELSES not in outcome.reply, outcome.reply
    assert "If someone else may be getting into your account" in outcome.reply


@pytest.mark.parametrize("message", ["is bob going to get a refund?", "does bob have a refund?"])
async def test_another_customer_named_as_a_subject_is_still_refused(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert "I can't share anything about their account" in outcome.reply, outcome.reply


_UNLOCK_OFFERED = "As you're signed in here, I can start the unlock for you"


@pytest.mark.parametrize("message", ["I lost my phone, how do I get in now?", "I lost my phone"])
async def test_a_lost_phone_while_locked_with_two_factor_off_gets_the_lock_and_its_unlock(converse, message):
    # Carol got the scope reply: out of scope at 0.91, the entry on a lost authenticator at 0.80, below the shortcut.
    [outcome] = await converse("cus_carol", message)
    assert outcome.reply.startswith("Your account (carol) is locked — five failed sign-ins."), outcome.reply
    assert _UNLOCK_OFFERED in outcome.reply and "your password alone signs you in" in outcome.reply


async def test_a_lost_phone_with_two_factor_off_on_an_open_account_still_needs_no_code(converse):
    [outcome] = await converse("cus_alice", "I lost my phone, how do I get in now?")
    assert outcome.reply.startswith("Two-factor authentication is currently off for your account"), outcome.reply
    assert _UNLOCK_OFFERED not in outcome.reply


_RETRIED = "We'll try the payment for NW-1003 again by ourselves once a new card is saved"


@pytest.mark.parametrize("before", [("why did my payment fail?",),
                                    ("my card expired, how do I update it?", "done, will you retry the payment automatically?")])
async def test_when_alone_after_a_retry_was_promised_says_when_it_is_tried(converse, before):
    # The scope reply came after the retry was promised; after why it failed, the failure again ("issued on 2026-11-01"
    # read as saying when).
    *_, outcome = await converse("cus_alice", *before, "when?")
    assert outcome.reply.startswith(_RETRIED), outcome.reply
    assert "within a day" in outcome.reply


async def test_when_alone_after_the_renewal_still_says_its_day(converse):
    *_, outcome = await converse("cus_alice", "when does my plan renew?", "when?")
    assert outcome.reply.startswith("Your Pro plan renews on 2026-12-01"), outcome.reply


_NEVER_SLEEPS = "Our help centre says: Apps on Pro and Business never sleep. As you're on"


@pytest.mark.parametrize(("customer", "plan"), [("cus_alice", "Pro"), ("cus_bob", "Business")])
@pytest.mark.parametrize("message", ["my app keeps going to sleep", "my app sleeps all the time"])
async def test_an_app_said_to_sleep_on_a_plan_whose_apps_never_sleep_is_not_expected(converse, customer, plan, message):
    # The scaling guide's step "on Free, apps sleep after 30 minutes without traffic" came as the step that fits.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(f"{_NEVER_SLEEPS} {plan}, your apps shouldn't go to sleep"), outcome.reply
    assert "would you like me to pass you to a person" in outcome.reply
    assert "keep a minimum of one instance" in outcome.reply
    assert "on Free, apps sleep" not in outcome.reply


async def test_an_app_said_to_sleep_on_free_still_gets_the_free_plans_sleep(converse):
    [outcome] = await converse("cus_carol", "my app keeps going to sleep")
    assert outcome.reply.startswith("Apps on the Free plan sleep after 30 minutes without traffic"), outcome.reply


async def test_a_plan_whose_apps_never_sleep_stated_after_the_entry_on_sleep_is_not_the_same_again(converse):
    # "The same goes for the Pro plan", then Free's sleep quoted as what the entry says of Pro.
    *_, outcome = await converse(None, "my app keeps going to sleep", "I am on pro though")
    assert outcome.reply.startswith(f"{_NEVER_SLEEPS} Pro"), outcome.reply
    assert "The same goes for" not in outcome.reply


@pytest.mark.parametrize(("customer", "told"), [
    ("cus_alice", "No: as you're on Pro, your apps never sleep."),
    ("cus_bob", "No: as you're on Business, your apps never sleep."),
    ("cus_carol", "Yes: apps on the Free plan sleep after 30 minutes"),
])
async def test_whether_ones_own_app_sleeps_is_answered_for_ones_plan(converse, customer, told):
    # Alice got the scaling guide's steps.
    [outcome] = await converse(customer, "will my app go to sleep?")
    assert outcome.reply.startswith(told), outcome.reply


async def test_a_refund_for_this_month_after_cancelling_when_it_was_never_paid_says_so(converse):
    # The policy and "it doesn't say anything about refunds for cancelling" came, of a month nothing was charged for.
    *_, outcome = await converse("cus_alice", "I want to cancel my subscription", "can I get a refund for this month?")
    assert outcome.reply.startswith("Invoice NW-1003 ($29.00) was never paid"), outcome.reply


async def test_money_back_after_cancelling_still_says_the_policy_is_silent(converse):
    *_, outcome = await converse("cus_alice", "I want to cancel", "do I get my money back?")
    assert "It doesn't say anything about refunds for cancelling or changing your plan" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["can she be an admin?", "can my colleague become an owner?"])
async def test_a_role_asked_for_someone_on_the_team_is_the_team_entrys_choice(converse, message):
    # "I don't have enough information".
    *_, outcome = await converse("cus_bob", "how do I add my colleague to the team?", message)
    assert outcome.reply.startswith("Our help centre describes picking a role when you invite someone"), outcome.reply


_GRACE = "Deleting removes your apps and data for good after a 7-day grace period, during which you can change your mind."


@pytest.mark.parametrize("customer", ["cus_alice", "cus_carol"])
async def test_time_to_change_ones_mind_asked_two_questions_after_deleting_is_the_grace_period(converse, customer):
    # "Not enough information" (after Carol's lock, once more): the deletion was asked two questions back.
    *_, outcome = await converse(customer, "can I delete my account?", "will my data be gone forever?",
                                 "how long do I have to change my mind?")
    assert outcome.reply.startswith(_GRACE), outcome.reply


async def test_how_long_after_another_how_to_still_asks_of_that_one(converse):
    *_, outcome = await converse("cus_alice", "can I delete my account?", "how do I export my data?",
                                 "how long does it take?")
    assert "grace period" not in outcome.reply and "download link" in outcome.reply, outcome.reply


async def test_a_new_address_given_after_to_is_taken_as_the_new_email(converse):
    # The steps to change the address came again, as if none had been given.
    *_, outcome = await converse("cus_bob", "I need to change the email on my account", "to bob@newcompany.com")
    assert outcome.reply.startswith("I can't change your email address from this chat, but you can change it to the "
                                    "new one yourself."), outcome.reply


@pytest.mark.parametrize("before", [("I need to change my email",),
                                    ("I need to change the email on my account", "to bob@newcompany.com")])
async def test_whether_a_new_address_is_verified_is_the_link_the_steps_send(converse, before):
    # "I don't have enough information".
    *_, outcome = await converse("cus_bob", *before, "will I need to verify it?")
    assert outcome.reply.startswith("Yes. Our help centre says: Go to **Settings → Profile**, enter the new address and "
                                    "confirm it from the link we send there."), outcome.reply


async def test_the_full_price_asked_after_the_upgrade_steps_is_the_difference_they_charge(converse):
    # The invoice list came.
    *_, outcome = await converse("cus_alice", "I want to upgrade to business",
                                 "will I be charged the full price right away?")
    assert outcome.reply.startswith("The upgrade applies at once and we charge the difference"), outcome.reply


_GUIDE = "Troubleshooting API errors"


async def test_credits_asked_after_the_incident_was_told_leave_out_the_guides_steps(converse):
    # The guide's steps came again beneath the credits (the test ports have the eu-west incident open).
    *_, outcome = await converse("cus_bob", "we are seeing errors from the api in eu-west", "will we get credits for this?")
    assert "About service credits:" in outcome.reply and _GUIDE not in outcome.reply, outcome.reply


async def test_credits_asked_with_the_outage_itself_still_get_the_guide(converse):
    [outcome] = await converse("cus_bob", "our api is down in eu-west, do we get credits?")
    assert "About service credits:" in outcome.reply and _GUIDE in outcome.reply, outcome.reply



_OLD_INVOICES = "Not on invoices already issued, as our help centre puts it: They appear on every invoice issued after"


@pytest.mark.parametrize(("before", "question"), [
    ("how do I add my VAT number?", "will it update old invoices?"),
    ("how do I add my VAT number?", "will my old invoices show it?"),
    ("can I get an invoice with my company name on it?", "will it update old invoices?"),
])
async def test_whether_invoices_already_issued_get_the_details_is_no_as_the_entry_says(converse, before, question):
    # The email change's steps came by the FAQ shortcut ("invoices keep using the old address"), or the invoice list.
    *_, outcome = await converse("cus_bob", before, question)
    assert outcome.reply.startswith(_OLD_INVOICES), outcome.reply
    assert "Settings → Profile" not in outcome.reply


_ROLLBACK = "Our guide “Failed deploys and build timeouts” says only this about rolling back"


@pytest.mark.parametrize(("messages", "part"), [
    (("how do I roll back a deploy?", "will it affect my database?"), "database"),
    (("how do I roll back?", "does it roll back my env vars too?"), "environment variables"),
    (("does a rollback change my database?",), "database"),
])
async def test_what_a_rollback_touches_is_not_guessed(converse, messages, part):
    # The guide's other steps came, or its step on the PORT environment variable.
    *_, outcome = await converse("cus_alice", *messages)
    assert outcome.reply.startswith(_ROLLBACK), outcome.reply
    assert f"It doesn't say whether a rollback changes your {part}" in outcome.reply


async def test_a_question_about_the_database_with_no_rollback_before_it_is_still_not_read_as_one(converse):
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", "will it affect my database?")
    assert _ROLLBACK not in outcome.reply, outcome.reply


async def test_a_certificate_pending_for_days_is_longer_than_dns_takes(converse):
    # The certificates guide's steps came again, as if nothing had been waited for.
    *_, outcome = await converse("cus_bob", "my custom domain isn't working", "it says certificate pending",
                                 "it's been like that for 2 days")
    assert outcome.reply.startswith("That's longer than our guide “Custom domains and DNS” expects:"), outcome.reply
    assert "Check the record against our guide “TLS (SSL) certificates”" in outcome.reply
    assert "Retry certificate" in outcome.reply and "still pending" in outcome.reply


@pytest.mark.parametrize(("asked", "loyal"), [
    ("can you give me a discount?", "we've been customers for 2 years"),
    ("any discounts?", "I'm a long-time customer"),
])
async def test_loyalty_said_after_a_discount_was_asked_is_the_discount_asked_for_it(converse, asked, loyal):
    # The scope reply, or "my answer is the same".
    *_, outcome = await converse("cus_bob", asked, loyal)
    assert "I can't find anything about discounts for long-standing customers" in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_a_discount_for_a_nonprofit_is_still_asked_for_them(converse):
    *_, outcome = await converse("cus_bob", "can you give me a discount?", "we are a nonprofit")
    assert "discounts for nonprofits" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("question", "top"), [("how long can a build take?", "Pro"), ("whats the rate limit?", "Business")])
async def test_can_i_increase_it_after_a_limit_is_whether_a_plan_allows_more(converse, question, top):
    # The failed deploys guide's steps came again.
    customer = "cus_alice" if top == "Pro" else "cus_bob"
    *_, outcome = await converse(customer, question, "can I increase it?")
    assert f"No plan allows more than {top} does." in outcome.reply, outcome.reply


async def test_whether_the_apps_are_shut_down_asked_after_nonpayment_is_the_same_silence_said_of_it(converse):
    # The invoice list came.
    *_, outcome = await converse("cus_alice", "what happens if I don't pay?", "will my apps be shut down?")
    assert outcome.reply.startswith("Our help centre doesn't say what happens to your apps or account while a payment "
                                    "is outstanding, so I can't tell you that without guessing."), outcome.reply
    assert "to settle NW-1003" in outcome.reply and "My answer is the same" not in outcome.reply


async def test_whether_the_apps_are_shut_down_asked_alone_is_still_not_read_as_nonpayment(converse):
    [outcome] = await converse("cus_alice", "will my apps be shut down?")
    assert "while a payment is outstanding" not in outcome.reply, outcome.reply


_LOST_CARD = "I'm sorry to hear that.\n\nThe card on file is a mastercard ending 1881. I can't block a card from here"


@pytest.mark.parametrize("messages", [("my card was stolen",), ("i have a problem with my card", "it was stolen")])
async def test_a_card_said_stolen_gets_its_replacement_and_the_bank_to_block_it(converse, messages):
    # The card on file was said back, and nothing more.
    *_, outcome = await converse("cus_bob", *messages)
    assert outcome.reply.startswith(_LOST_CARD), outcome.reply
    assert "choose **Replace card**" in outcome.reply


@pytest.mark.parametrize("messages", [("can you remove my card from my account?",),
                                      ("i have a problem with my card", "it was stolen", "can you remove it from my account?")])
async def test_removing_the_card_is_not_done_here_and_replacing_it_is_described(converse, messages):
    # The card on file alone, or "not enough information".
    *_, outcome = await converse("cus_bob", *messages)
    assert outcome.reply.startswith("I can't remove a card from this chat. The card on file is a mastercard ending 1881"), \
        outcome.reply
    assert "removed without adding another" in outcome.reply


@pytest.mark.parametrize(("customer", "told"), [
    ("cus_carol", "There's no card saved on your account with us"),
    (None, "To block the card itself, contact your bank. If it's the card on your Northwind account"),
])
async def test_a_card_said_stolen_without_one_on_file_says_so(converse, customer, told):
    [outcome] = await converse(customer, "my card was stolen")
    assert told in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "offered"), [("cus_alice", False), ("cus_bob", True)])
async def test_saying_no_refund_was_asked_after_none_was_found_is_agreed_with(converse, customer, offered):
    # NW-1002's refusal came, as if a refund had been asked for.
    *_, outcome = await converse(customer, "where is my refund?", "i never asked for one i think")
    assert outcome.reply.startswith("That matches what I see: there's no refund request on your account."), outcome.reply
    assert "outside our 14-day refund window" not in outcome.reply
    assert ("NW-2002" in outcome.reply) is offered


async def test_invoices_asked_in_pdf_are_the_entry_on_them(converse):
    # The scope reply came.
    *_, outcome = await converse("cus_bob", "how can i see my bill", "in pdf")
    assert outcome.reply.startswith("All your invoices are under **Billing → Invoices**"), outcome.reply


async def test_invoices_asked_in_one_pdf_is_still_not_promised(converse):
    *_, outcome = await converse("cus_bob", "show my invoices", "all in one pdf?")
    assert outcome.reply.startswith("Our help centre doesn't describe getting invoices as a single PDF"), outcome.reply


@pytest.mark.parametrize(("before", "plan", "told"), [
    ("i want to upgrade", "business i mean", "You can upgrade to Business yourself"),
    ("i want to downgrade", "sorry, free", "You can downgrade to Free yourself"),
    ("i want to upgrade", "business", "choose Pro ($29/month) or Business ($99/month)"),
])
async def test_the_plan_a_move_goes_to_given_after_it_is_that_move(converse, before, plan, told):
    # The invoice list came.
    *_, outcome = await converse("cus_alice", before, plan)
    assert told in outcome.reply and "most recent invoices" not in outcome.reply, outcome.reply


_BUSINESS = "Business ($99.00 a month) includes unlimited apps, team members and priority support."


@pytest.mark.parametrize(("customer", "messages"), [
    (None, ("what plans do you have?", "business")),
    ("cus_alice", ("how much is it?", "business")),
    (None, ("tell me about the business plan",)),
    (None, ("business plan",)),
])
async def test_a_plan_named_alone_or_to_be_described_is_what_it_includes(converse, customer, messages):
    # A visitor was asked to sign in to see invoices; the invoice list; the upgrade's steps by the FAQ shortcut.
    *_, outcome = await converse(customer, *messages)
    assert outcome.reply.startswith(_BUSINESS), outcome.reply


async def test_a_plan_to_be_described_is_no_longer_out_of_scope(converse):
    [outcome] = await converse(None, "tell me about pro")
    assert outcome.reply.startswith("Pro includes custom domains"), outcome.reply


async def test_losing_a_custom_domain_after_a_downgrade_to_free_given_alone_is_free_without_them(converse):
    # The domains guide's steps came: the move was "to free", said alone after "can I downgrade?".
    *_, outcome = await converse("cus_alice", "can I downgrade?", "to free", "will I lose my custom domain?")
    assert outcome.reply.startswith("Yes: our help centre doesn't name Free among the plans with it"), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "are you there?"), (None, "anyone there?"),
                                                   ("cus_alice", "hello? is anyone there")])
async def test_whether_anyone_is_there_is_answered_yes(converse, customer, message):
    # "Are you there?" got "I don't have enough information".
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Yes, I'm here. What can I help you with"), outcome.reply


async def test_whether_anyone_is_still_there_mid_conversation_does_not_repeat_the_guide(converse):
    *_, outcome = await converse("cus_alice", "my app is slow", "are you still there?")
    assert outcome.reply == "Yes, I'm here. What else can I help you with?", outcome.reply


async def test_a_question_after_an_email_about_the_lock_does_not_unlock_the_account(converse):
    # "How do I know it's from you?" read with the question before's "locked" and started the unlock, unasked.
    from tests.agents.fakes import FakePorts

    ports = FakePorts()
    *_, outcome = await converse("cus_carol", "I got an email saying my account was locked, is it real?",
                                 "how do I know it's from you?", ports=ports)
    assert not outcome.actions and "I've unlocked your account" not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("Your account (carol) is locked — five failed sign-ins."), outcome.reply


async def test_asking_for_the_unlock_after_the_lock_was_told_still_unlocks(converse):
    *_, outcome = await converse("cus_carol", "why is my account locked?", "ok unlock it please")
    assert "I've unlocked your account" in outcome.reply, outcome.reply


async def test_still_cant_after_the_unlock_does_not_guess_at_an_entry_it_names_nothing_of(converse):
    # "I think you're asking about “How long does a refund take to arrive?”" (0.42) came after the account's state.
    *_, outcome = await converse("cus_carol", "i cant log in", "still cant")
    assert outcome.reply.startswith("Your account (carol) isn't locked — it's active."), outcome.reply
    assert "refund" not in outcome.reply


async def test_how_long_support_takes_to_reply_is_the_support_hours(converse):
    # "I don't have a guide on that".
    [outcome] = await converse(None, "how long does support take to reply?")
    assert outcome.reply.startswith("This chat answers around the clock."), outcome.reply


async def test_support_at_weekends_asked_after_the_reply_on_phone_support_is_the_support_hours(converse):
    # The scope reply came.
    *_, outcome = await converse(None, "do you have phone support?", "what about weekends?")
    assert "Business customers also get weekend cover" in outcome.reply, outcome.reply


async def test_weekends_asked_after_the_support_hours_still_quote_them_as_they_are(converse):
    *_, outcome = await converse(None, "what are your support hours?", "what about weekends?")
    assert outcome.reply.startswith("Our help centre says: Our support staff are here Monday to Friday"), outcome.reply


@pytest.mark.parametrize("heard", ["makes sense", "that makes sense", "fair enough"])
async def test_an_acknowledgement_after_the_refund_policy_files_and_refuses_nothing(converse, heard):
    # "Makes sense" got NW-1002 refused as if a refund had been asked for.
    *_, outcome = await converse("cus_alice", "refund policy", heard)
    assert outcome.reply.startswith("Glad to help."), outcome.reply
    assert not outcome.actions


async def test_the_limit_asked_after_the_plan_was_stated_is_of_the_question_before_it(converse):
    # "We're on business" between: the Free plan's entry came, as if the plans themselves had been asked about.
    *_, outcome = await converse("cus_bob", "we got a 429 error", "we're on business", "what's our limit?")
    assert outcome.reply.startswith("You're on the Business plan: the API allows 3,000 requests a minute"), outcome.reply


async def test_more_than_the_limit_after_the_plan_was_stated_is_that_no_plan_allows_more(converse):
    *_, outcome = await converse("cus_bob", "we got a 429 error", "we're on business", "what's our limit?",
                                 "we need more than that")
    assert "No plan allows more than Business does." in outcome.reply, outcome.reply


_KEY_WHEREABOUTS = "Our help centre doesn't describe where API keys are kept or how to get one again"


@pytest.mark.parametrize("messages", [
    ("where do I find my api key?",), ("I lost my api key",), ("can you send me my api key?",),
    ("how do I create an API key?", "where do I find it after?"),
    ("how do I create an API key?", "can you send it to me?"),
])
async def test_where_an_api_key_is_is_not_guessed_nor_sent(converse, messages):
    # "No guide", the environment guide's step on secrets, or the password reset's entry for "send it to me".
    *_, outcome = await converse("cus_bob", *messages)
    assert outcome.reply.startswith(_KEY_WHEREABOUTS), outcome.reply
    assert "Forgot password" not in outcome.reply


async def test_a_leaked_key_still_gets_its_own_reply(converse):
    [outcome] = await converse("cus_bob", "my api key leaked")
    assert outcome.reply.startswith("I'm sorry, that needs doing quickly"), outcome.reply


@pytest.mark.parametrize("messages", [
    ("I want to export all my data", "how long does the link work?", "the link expired"),
    ("how do I export my data?", "can I get a new one?"),
])
async def test_a_fresh_export_link_is_a_new_export(converse, messages):
    # "My answer is the same", or the export's entry as a hedged guess.
    *_, outcome = await converse("cus_alice", *messages)
    assert outcome.reply.startswith("The link only lasts a few days, so start a new export for a fresh one."), outcome.reply


async def test_how_hard_a_move_is_asked_after_weighing_one_is_the_move(converse):
    # A visitor was asked to sign in to see their invoices.
    *_, outcome = await converse(None, "hi, I'm thinking of moving from heroku", "how hard is it to migrate?")
    assert outcome.reply.startswith("Our help centre has no guide to moving apps from another host"), outcome.reply
    assert "sign in" not in outcome.reply


async def test_a_reset_email_that_never_arrives_said_in_the_present_is_not_received(converse):
    # "I don't have enough information".
    *_, outcome = await converse(None, "I don't remember my password", "the email never arrives")
    assert "check your spam folder" in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("plan", "told"), [
    ("pro", "Bank transfer is only for Business customers, though, and you're on the Pro plan."),
    ("business", "So yes, bank transfer is among them, for Business customers."),
])
async def test_a_way_to_pay_for_one_plan_weighed_against_the_plan_a_visitor_states(converse, plan, told):
    # "So yes, bank transfer is among them" came to a visitor on Pro.
    *_, outcome = await converse(None, "can I pay with bank transfer?", f"we're on {plan}")
    assert told in outcome.reply, outcome.reply


@pytest.mark.parametrize("heard", ["ok good", "alright great"])
async def test_an_ok_with_a_word_of_relief_is_heard_as_ok(converse, heard):
    # "No guide" came after the incident was said not to touch their region.
    *_, outcome = await converse("cus_alice", "is there an outage?", "in us-east?", heard)
    assert outcome.reply.startswith("Glad to help."), outcome.reply


@pytest.mark.parametrize(("customer", "asked"), [("cus_carol", ("can you upgrade me to pro?",)),
                                                 ("cus_alice", ("upgrade me to business", "do it"))])
async def test_why_not_after_a_plan_change_the_chat_cannot_make_is_what_it_can_change(converse, customer, asked):
    # "There are no invoices on your account yet" came to Carol.
    *_, outcome = await converse(customer, *asked, "why not?")
    assert outcome.reply.startswith("Changing a plan isn't something I can do from this chat"), outcome.reply
    assert "Billing → Plan" in outcome.reply


async def test_where_to_change_the_plan_after_why_not_is_billing_plan(converse):
    *_, outcome = await converse("cus_carol", "can you upgrade me to pro?", "why not?", "ok where do I do it")
    assert outcome.reply.startswith("Under **Billing → Plan**"), outcome.reply


@pytest.mark.parametrize("messages", [("phone number?",), ("what's your address?", "phone number?")])
async def test_a_phone_number_asked_alone_is_the_reply_on_phone_support(converse, messages):
    # The scope reply came after the address.
    *_, outcome = await converse(None, *messages)
    assert outcome.reply.startswith("I'm afraid I don't have a phone number I can give you for support"), outcome.reply


@pytest.mark.parametrize("before", [("why did my payment fail?",),
                                    ("my payment failed, what do I do", "I updated the card", "still says failed")])
async def test_can_you_try_now_after_a_retry_was_told_is_when_it_is_tried(converse, before):
    # "Not enough information".
    *_, outcome = await converse("cus_alice", *before, "can you try now?")
    assert outcome.reply.startswith("We'll try the payment for NW-1003 again by ourselves"), outcome.reply
    assert "I can't start a retry from this chat myself." in outcome.reply


async def test_still_says_failed_after_the_card_was_said_replaced_is_the_card_on_file_again(converse):
    # "No guide" came.
    *_, outcome = await converse("cus_alice", "my payment failed, what do I do", "I updated the card", "still says failed")
    assert "I still see the visa ending 4242 on your account" in outcome.reply, outcome.reply


@pytest.mark.parametrize("sorted_", ["done, it works now", "great, all good now", "yes it works now thanks"])
async def test_a_fix_said_to_have_worked_after_the_steps_is_glad_not_the_steps_again(converse, sorted_):
    # The failed deploys guide's steps came again after "done, it works now".
    *_, outcome = await converse("cus_alice", "how do I roll back?", sorted_)
    assert outcome.reply.startswith("No problem, glad you got there."), outcome.reply


async def test_a_way_to_pay_another_plan_has_is_weighed_against_the_customers_own_plan(converse):
    # The entry came alone by the FAQ shortcut, leaving Alice, on Pro, to work out that it isn't hers.
    [outcome] = await converse("cus_alice", "can I pay with bank transfer?")
    assert "Bank transfer is only for Business customers, though, and you're on the Pro plan." in outcome.reply, \
        outcome.reply


async def test_a_way_to_pay_the_customers_own_plan_has_still_gets_the_entry_by_the_shortcut(converse):
    [outcome] = await converse("cus_bob", "can I pay with bank transfer?")
    assert outcome.route == "faq" and "bank transfer" in outcome.reply, outcome.reply


async def test_whether_a_visitors_app_sleeps_depends_on_its_plan(converse):
    # The entry's own "Yes:" answered for a plan nobody named.
    [outcome] = await converse(None, "will my app go to sleep?")
    assert outcome.reply.startswith("That depends on your app's plan: Apps on the Free plan sleep"), outcome.reply
