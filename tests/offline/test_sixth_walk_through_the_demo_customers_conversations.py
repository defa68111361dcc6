"""Found chatting through the demo customers' conversations a sixth time (stop 37): a rate the customer needs answered
with the steps for a fault, a limit's follow-up read as another question, and a question about the chat itself
answered from the help centre."""

from __future__ import annotations

import pytest

RETRY_STEP = "2. Retry with exponential back-off and jitter"
REMAINING_STEP = "4. Check the `X-RateLimit-Remaining` header to slow down before you hit the limit."
TEAM_COUNTS = "Free and Pro accounts can invite up to 3 members; Business accounts have no limit and can use custom roles."


@pytest.mark.parametrize("message", ["we need more than 3000 requests a minute", "we need 5k requests a minute"])
async def test_a_rate_no_plan_allows_is_said_to_be_more_than_any_plan_allows_with_a_person(converse, message):
    # The 429 guide's steps, its step on retrying "as fitting what you describe".
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert ("No plan allows that many. The API allows 3,000 requests a minute on Business, per account. A person from "
            "our team would need to look at your case: would you like me to pass you to a person?") in outcome.reply
    assert RETRY_STEP not in outcome.reply


async def test_a_rate_past_the_top_plan_from_the_top_plan_says_no_plan_allows_more(converse):
    [outcome] = await converse("cus_bob", "we need more than 3000 requests a minute")
    assert outcome.reply.startswith("You're on the Business plan: the API allows 3,000 requests a minute on Business"), \
        outcome.reply
    assert "No plan allows more than Business does." in outcome.reply and RETRY_STEP not in outcome.reply


async def test_a_rate_a_plan_above_allows_gets_that_plan(converse):
    [outcome] = await converse("cus_alice", "I need 1000 requests a minute")
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert "The API allows 3,000 requests a minute on Business, per account." in outcome.reply
    assert "No plan allows" not in outcome.reply and RETRY_STEP not in outcome.reply


async def test_a_rate_within_the_plan_is_said_to_be_within_it(converse):
    [outcome] = await converse("cus_alice", "we make about 200 requests per minute, is that ok?")
    assert "the API allows 600 requests a minute on Pro" in outcome.reply, outcome.reply
    assert "What you describe is within that." in outcome.reply
    assert "Business" not in outcome.reply and "left out details" not in outcome.reply


@pytest.mark.parametrize("follow_up", ["how do I check how many I have left?", "how can I see my remaining requests?"])
async def test_asking_what_is_left_of_the_limit_after_the_429_guide_leads_with_the_step_on_the_header(
        converse, follow_up):
    # The guide's four steps again, in their order.
    _, outcome = await converse("cus_alice", "I'm getting 429 errors", follow_up)
    assert f"The step that fits what you describe:\n{REMAINING_STEP}" in outcome.reply, outcome.reply


async def test_api_calls_left_asked_alone_gets_the_limit_and_the_step_on_the_header(converse):
    # Out of scope at 0.75: the scope reply.
    [outcome] = await converse("cus_alice", "how do I know how many api calls I have left?")
    assert outcome.intent.label == "technical", outcome.intent
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert f"Our guide “API rate limits and HTTP 429” says:\n{REMAINING_STEP}" in outcome.reply


async def test_going_back_to_revert_still_gets_the_step_on_rolling_back(converse):
    [outcome] = await converse("cus_alice", "how do I roll back a deploy?")
    assert "The step that fits what you describe:\n5. Roll back to the last good deploy" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "lead"), [
    ("cus_alice", "You're on the Pro plan. Our help centre says: "),
    ("cus_carol", "You're on the Free plan. Our help centre says: "),
    (None, "Our help centre says: "),
])
async def test_going_past_the_member_limit_gets_the_plans_counts_and_that_the_help_centre_says_no_more(
        converse, customer, lead):
    # The scope reply (out of scope), then the billing part's invoice list once read as a plan's limit.
    [outcome] = await converse(customer, "what happens if we exceed the member limit?")
    assert outcome.reply.startswith(lead + TEAM_COUNTS), outcome.reply
    assert "It doesn't say what happens if you try to invite more than your plan allows" in outcome.reply
    assert "pass you to a person" in outcome.reply and "NW-" not in outcome.reply
    assert [source.kind for source in outcome.sources] == ["faq"]


async def test_going_past_the_member_limit_on_a_plan_with_none_is_told_there_is_none(converse):
    [outcome] = await converse("cus_bob", "what happens if we exceed the member limit?")
    assert outcome.reply.startswith("You're on the Business plan, which has no limit on team members, so there's none "
                                    "to go over."), outcome.reply
    assert "doesn't say what happens" not in outcome.reply


async def test_going_over_after_the_team_entry_is_the_member_limit(converse):
    # "Our help centre says: Go to **Settings → Team → Invite** …": the entry's first sentence again.
    _, outcome = await converse("cus_alice", "how many members can I add?", "what happens if we go over that?")
    assert outcome.reply.startswith("You're on the Pro plan. Our help centre says: " + TEAM_COUNTS), outcome.reply


@pytest.mark.parametrize("recap", ["what did I ask you?", "can you remind me what we talked about?",
                                   "what was my first question?", "summarise our conversation please"])
async def test_asking_what_the_chat_was_about_lists_what_the_customer_asked(converse, recap):
    # "What did I ask you?" got the refund policy by the FAQ shortcut; the others the scope reply.
    *_, outcome = await converse("cus_alice", "hi", "my card expired", "thanks", recap)
    assert outcome.reply.startswith("Here's what you asked me most recently in this chat, oldest first:\n"
                                    "- “my card expired”\n\n"), outcome.reply
    assert "“hi”" not in outcome.reply and "“thanks”" not in outcome.reply
    assert outcome.intent.label == "general" and outcome.sources == []


async def test_asking_what_the_chat_was_about_before_anything_was_asked_says_so(converse):
    [outcome] = await converse("cus_alice", "what did I ask you?")
    assert outcome.reply.startswith("We haven't talked about anything yet: this is the first message in this chat."), \
        outcome.reply
    _, outcome = await converse("cus_alice", "hello", "what did we talk about?")
    assert outcome.reply.startswith("You haven't asked me anything yet in this chat."), outcome.reply


@pytest.mark.parametrize("message", ["what did i ask you to remind me of", "can you remind me what i put on my shopping list"])
def test_a_reminder_of_their_own_is_no_request_for_a_recap(message):
    from agents.recap import asks_for_a_recap

    assert not asks_for_a_recap(message)


@pytest.mark.parametrize("message", ["we were charged in USD but we're in Europe",
                                     "we are based in the UK, can we be invoiced in pounds?"])
async def test_a_currency_not_theirs_gets_the_invoices_currency_and_that_the_help_centre_says_no_more(converse, message):
    # "We were charged in USD but we're in Europe" was out of scope (0.54): the scope reply.
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("Your invoices are in US dollars (USD)."), outcome.reply
    assert "doesn't say whether you could be billed in another currency" in outcome.reply


async def test_the_currency_asked_alone_is_only_the_invoices_currency(converse):
    [outcome] = await converse("cus_alice", "what currency am I billed in?")
    assert outcome.reply == "Your invoices are in US dollars (USD).", outcome.reply


def test_a_salary_paid_in_a_currency_is_no_question_about_what_we_charge():
    from agents.service_terms import domains_named

    assert domains_named("I get paid in GBP. Should I configure this and if so, where?") == []
    assert domains_named("we were charged in USD but we're in Europe") == ["billing"]


@pytest.mark.parametrize(("customer", "message"), [
    (None, "I'm a student, can I get pro for free?"),
    ("cus_alice", "I'm a student, can I get pro for free?"),
    ("cus_alice", "we are a charity, is there a cheaper price?"),
    (None, "do you have special pricing for open source projects?"),
])
async def test_a_lower_price_for_who_they_are_is_a_discount_the_help_centre_does_not_describe(converse, customer, message):
    # "Free includes one app, shared resources and community support. That list doesn't mention what you asked about".
    [outcome] = await converse(customer, message)
    assert outcome.intent.label == "billing", outcome.intent
    assert "I can't find anything about discounts" in outcome.reply, outcome.reply
    assert "in our help centre" in outcome.reply and "Free includes" not in outcome.reply


def test_a_student_asking_something_else_is_no_request_for_a_lower_price():
    from agents.service_terms import asks_for_a_special_price

    assert not asks_for_a_special_price("I'm a student, how do I deploy my app?")
    assert not asks_for_a_special_price("is the pro plan free?")


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "can I get an invoice with a PO number?"),
    (None, "can you add our purchase order number to the invoice?"),
    ("cus_carol", "I need a PO# on my invoices"),
])
async def test_a_po_number_gets_the_details_invoices_carry_and_that_po_numbers_are_not_mentioned(
        converse, customer, message):
    # The invoice list, then the entries on invoices and on their details, and nothing of the PO number.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Go to **Billing → Details** and fill in your company name, address and VAT number."), \
        outcome.reply
    assert "doesn't mention purchase order (PO) numbers on invoices" in outcome.reply
    assert "NW-" not in outcome.reply


@pytest.mark.parametrize("turns", [("why is it so expensive?",), ("I want to cancel", "why is it so expensive?")])
async def test_why_it_is_so_expensive_naming_no_plan_is_a_price_complained_of(converse, turns):
    # Alone: the invoice list; after the steps to cancel: the same steps again.
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("I'm sorry it costs more than you'd like. You're on the Pro plan at $29.00 a month."), \
        outcome.reply
    assert "Our help centre doesn't mention any discounts" in outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_alice", "why is business so expensive?",
     "Business ($99.00 a month) includes unlimited apps, team members and priority support."),
    ("cus_alice", "why is pro so expensive compared to free", "Your plan, Pro ($29.00 a month), includes up to 10 apps"),
    ("cus_carol", "why is pro so expensive compared to free", "Pro ($29.00 a month) includes up to 10 apps"),
])
async def test_why_a_plan_named_costs_so_much_gets_what_it_includes(converse, customer, message, lead):
    # The invoice list.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "NW-" not in outcome.reply and "I'm sorry it costs more" not in outcome.reply


@pytest.mark.parametrize("turns", [
    ("hello, my payment failed", "how long until it goes through?"),
    ("my card expired", "how long until it goes through?"),
    ("why did my last payment fail?", "when will the payment be processed?"),
])
async def test_when_a_failed_payment_goes_through_is_when_it_is_tried_again(converse, turns):
    # "My answer is the same as in my last message", or the card on file again.
    _, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("We'll try the payment for NW-1003 again by ourselves once a new card is saved"), \
        outcome.reply
    assert "My answer is the same" not in outcome.reply


SLEEP_ENTRY = "Apps on the Free plan sleep after 30 minutes without traffic"


async def test_taking_long_to_load_is_a_slow_app_for_free_and_the_scaling_guide_on_pro(converse):
    # Out of scope at 0.75 (the scope reply); as a follow-up, the failed-deploys guide.
    [outcome] = await converse("cus_carol", "why does my app take so long to load?")
    assert outcome.reply.startswith(SLEEP_ENTRY), outcome.reply
    # Pro's apps never sleep: the entry on Free's would be no answer.
    [outcome] = await converse("cus_alice", "why does my app take so long to load?")
    assert outcome.reply.startswith("Our guide “Scaling and cold starts” covers this."), outcome.reply
    assert SLEEP_ENTRY not in outcome.reply


async def test_stopping_it_after_a_question_read_as_off_topic_keeps_the_slow_apps_topic(converse):
    # "How do I stop that?" followed a question the classifier reads as off topic: the scope reply.
    *_, outcome = await converse("cus_carol", "my app is slow", "why does it take so long to load the first time?",
                                 "how do I stop that?")
    assert outcome.reply.startswith("Apps on Pro and Business never sleep."), outcome.reply
    assert "Failed deploys" not in outcome.reply


async def test_whether_the_build_time_can_be_longer_gets_what_the_plans_above_allow(converse):
    # The failed-deploys guide's steps.
    _, outcome = await converse("cus_carol", "how long can a build take?", "can it be longer?")
    assert outcome.reply.startswith("You're on the Free plan: Free accounts get 10 deploys a day and builds of up to 15 "
                                    "minutes."), outcome.reply
    assert "Pro and Business have unlimited deploys and builds of up to 45 minutes." in outcome.reply


@pytest.mark.parametrize("pushback", ["but we barely used it", "I only used it once"])
async def test_little_use_argued_after_a_refund_refused_is_heard(converse, pushback):
    # "My answer is the same as in my last message".
    *_, outcome = await converse("cus_bob", "I'd like a refund for last month", "why not?", pushback)
    assert outcome.reply.startswith("I hear you, and having had little or no use from it is a fair reason to ask."), \
        outcome.reply


@pytest.mark.parametrize("follow_up", ["what about go?", "what about ruby?"])
async def test_another_language_right_after_one_was_answered_is_the_same_question(converse, follow_up):
    # Out of scope at 0.64-0.72: the scope reply.
    _, outcome = await converse(None, "do you support python?", follow_up)
    kind = follow_up.split()[-1].rstrip("?")
    assert outcome.reply.startswith("Our help centre doesn't list the languages, frameworks or kinds of app that run on "
                                    f"Northwind Cloud, so I can't tell you for certain about {kind}"), outcome.reply


TWO_FACTOR_OTHER_WAY = "Our help centre describes two-factor authentication with an authenticator app only: Go to"


@pytest.mark.parametrize("turns", [
    ("how do I turn on 2fa?", "I don't have a smartphone"),
    ("how do I turn on 2fa?", "can I use sms instead?"),
    ("can I get 2fa codes by sms?",),
])
async def test_a_second_factor_other_than_an_app_is_said_to_be_undescribed_with_a_person(converse, turns):
    # The account's lock and "I don't have enough information".
    *_, outcome = await converse("cus_carol", *turns)
    assert outcome.reply.startswith(TWO_FACTOR_OTHER_WAY), outcome.reply
    assert "It doesn't mention text messages (SMS), security keys or any other way" in outcome.reply
    assert [source.kind for source in outcome.sources] == ["faq"]


async def test_no_phone_after_a_lost_phone_is_not_asked_for_another_second_factor(converse):
    _, outcome = await converse("cus_alice", "I lost my phone with my authenticator", "I don't have a phone now")
    assert TWO_FACTOR_OTHER_WAY not in outcome.reply, outcome.reply


async def test_an_address_given_after_the_details_entry_is_said_not_to_be_saved(converse):
    # "My answer is the same as in my last message", and the entry again.
    _, outcome = await converse("cus_alice", "hi, I need to update my billing address", "it's 5 Market St, London")
    assert outcome.reply.startswith("Thanks, but I can't add it to your account from this chat, so it hasn't been saved "
                                    "anywhere."), outcome.reply


def test_an_address_is_an_invoice_detail_only_right_after_the_details_entry():
    from agents.own_data import gives_an_invoice_detail

    assert not gives_an_invoice_detail("it's 5 Market St, London")
    assert gives_an_invoice_detail("it's 5 Market St, London", last_reply="Go to **Billing → Details** and fill in …")


async def test_whether_old_invoices_change_after_the_details_entry_is_what_the_entry_says_of_them(converse):
    # The invoice list.
    _, outcome = await converse("cus_alice", "hi, I need to update my billing address", "will my old invoices change?")
    assert outcome.reply.startswith("Not on invoices already issued, as our help centre puts it: They appear on every "
                                    "invoice issued after you save them."), outcome.reply


@pytest.mark.parametrize("message", ["what can admins do?", "what can an admin see?"])
async def test_what_an_admin_may_do_gets_the_team_entry_and_that_it_does_not_say(converse, message):
    # "I don't have enough information" (general at 0.43), or the scope reply.
    [outcome] = await converse("cus_bob", message)
    assert outcome.intent.label == "account", outcome.intent
    assert outcome.reply.startswith("Here's what our help centre says about team members:\n\nGo to **Settings → Team → "
                                    "Invite**"), outcome.reply
    assert "It doesn't say what each role lets a member see or do" in outcome.reply


async def test_read_only_access_for_someone_is_a_role_given(converse):
    # The account's status, then "I don't have enough information".
    [outcome] = await converse("cus_alice", "can I give someone read-only access?")
    assert outcome.reply.startswith("Our help centre describes picking a role when you invite someone to your team"), \
        outcome.reply


async def test_hi_there_is_greeted(converse):
    # "Of course — what can I help you with?", as if something had been asked.
    [outcome] = await converse(None, "hi there")
    assert outcome.reply.startswith("Hi there! What can I help you with today?"), outcome.reply


@pytest.mark.parametrize("message", ["I run a small bakery website, would you be a good fit?", "is northwind right for us?"])
async def test_whether_we_would_suit_a_visitor_gets_the_plans(converse, message):
    # "I don't have a guide on that in our help centre".
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("Glad you're considering us! We have three plans:"), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    (None, "how much traffic can the free plan handle?"),
    ("cus_alice", "what is the traffic limit on pro?"),
    ("cus_alice", "how many visitors can my app handle?"),
])
async def test_a_traffic_figure_is_said_to_be_given_for_no_plan(converse, customer, message):
    # The scaling guide's steps, the scope reply, or the API rate limits' guide.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't give a traffic figure for any plan"), outcome.reply
    assert "Retry-After" not in outcome.reply and "without traffic" not in outcome.reply


async def test_the_traffic_limit_gets_the_scaling_guides_step_on_instances(converse):
    [outcome] = await converse("cus_alice", "what is the traffic limit on pro?")
    assert ("Its step on handling more:\n1. Go to **App → Scaling** and set the number of instances, or turn on "
            "autoscaling with a minimum and maximum.") in outcome.reply, outcome.reply


async def test_what_a_fault_costs_after_its_guide_gets_a_person_offered_not_the_steps_again(converse):
    _, outcome = await converse("cus_alice", "this is the third time my deploy has failed today",
                                "I'm losing customers because of this")
    assert outcome.reply.startswith("I'm sorry, I know this is costing you."), outcome.reply
    assert "pass you to a person" in outcome.reply and "1. Open **App → Deploys**" not in outcome.reply


async def test_what_an_outage_costs_is_still_answered_with_the_incident(converse):
    _, outcome = await converse("cus_bob", "our app in eu-west is returning 502s", "this is costing us money")
    assert outcome.reply.startswith("I'm sorry this is costing you.\n\n“Elevated API error rates in eu-west”"), \
        outcome.reply


@pytest.mark.parametrize(("customer", "lead"), [
    ("cus_alice", "Your Pro plan renews on 2026-12-01, when we'll charge $29.00."),
    ("cus_bob", "Your Business plan renews on 2026-12-15, when we'll charge $99.00 to the mastercard ending 1881."),
    ("cus_carol", "You're on the Free plan, which costs nothing, so no payment is coming up."),
])
async def test_when_the_customer_will_be_charged_is_the_next_renewal(converse, customer, lead):
    # The invoice list; "there are no invoices on your account yet" on Free.
    [outcome] = await converse(customer, "when will I be charged?")
    assert outcome.reply.startswith(lead), outcome.reply


@pytest.mark.parametrize(("customer", "lead"), [
    ("cus_alice", "You're on the Pro plan at $29.00 a month; the plan below it is Free, which costs nothing."),
    ("cus_bob", "You're on the Business plan at $99.00 a month; the plan below it is Pro, at $29.00 a month."),
    ("cus_carol", "You're on the Free plan, which costs nothing: that's our lowest plan"),
])
async def test_anything_cheaper_is_the_plan_below_the_customers(converse, customer, lead):
    # Out of scope at 0.6: the scope reply.
    [outcome] = await converse(customer, "is there anything cheaper?")
    assert outcome.reply.startswith(lead), outcome.reply


async def test_what_to_do_after_reporting_someone_else_at_the_account_is_that_reports_answer(converse):
    # The scope reply (out of scope at 0.85).
    _, outcome = await converse("cus_carol", "someone else might have logged into my account", "what should I do?")
    assert "I won't unlock it while someone else may be trying to get in: it stays locked." in outcome.reply, outcome.reply
    assert "reset your password from the sign-in page" in outcome.reply and "support assistant" not in outcome.reply


async def test_a_lock_kept_for_an_intrusion_is_not_said_to_be_kept_as_asked(converse):
    _, outcome = await converse("cus_carol", "someone else might have logged into my account", "is it still locked?")
    assert "It stays locked while someone else may be trying to get in." in outcome.reply, outcome.reply
    _, outcome = await converse("cus_carol", "don't unlock my account", "is it still locked?")
    assert "It stays locked, as you asked." in outcome.reply, outcome.reply


@pytest.mark.parametrize("turns", [("what plan am I on?", "what's included?"),
                                   ("hey, quick question about my bill", "why is it $29?", "what does that include?")])
async def test_what_that_includes_after_a_reply_naming_the_plan_is_that_plans_contents(converse, turns):
    # The help centre's entry on Free (the FAQ shortcut, at 0.9).
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("Your plan, Pro, includes custom domains"), outcome.reply
    assert "The Free plan costs $0" not in outcome.reply


async def test_what_is_included_from_free_still_gets_the_free_entry(converse):
    _, outcome = await converse("cus_carol", "what plan am I on?", "what's included?")
    assert outcome.reply.startswith("The Free plan costs $0 and includes one app"), outcome.reply


@pytest.mark.parametrize(("customer", "plan_line"), [
    ("cus_bob", "You're on the Business plan. Our help centre doesn't say how to claim them"),
    ("cus_alice", "You're on the Pro plan, which has no SLA, so an outage doesn't earn service credits on it."),
    (None, "Our help centre doesn't say how to claim them"),
])
async def test_how_to_claim_service_credits_gets_what_earns_them_and_a_person(converse, customer, plan_line):
    # The billing part's invoice list.
    [outcome] = await converse(customer, "how do I claim service credits?")
    assert outcome.reply.startswith("About service credits: The Business plan comes with a 99.95% monthly uptime SLA"), \
        outcome.reply
    assert plan_line in outcome.reply and "pass you to a person" in outcome.reply and "NW-" not in outcome.reply


async def test_claiming_credits_right_after_the_sla_is_the_same_question(converse):
    # "I don't have enough information".
    _, outcome = await converse("cus_bob", "is there an SLA?", "how do I claim credits?")
    assert outcome.reply.startswith("About service credits:"), outcome.reply


@pytest.mark.parametrize(("turns", "lead"), [
    (("how many apps can I have?", "and deploys?"), "You're on the Business plan: Pro and Business have unlimited deploys"),
    (("how many apps can I have?", "and members?"), "Go to **Settings → Team → Invite**"),
    (("how many apps can I have?", "and members?", "and deploys?"),
     "You're on the Business plan: Pro and Business have unlimited deploys"),
])
async def test_a_count_asked_of_another_thing_is_the_same_question_of_it(converse, turns, lead):
    # "And deploys?" got the failed-deploys guide's steps; "and members?" the team entry, hedged as a guess.
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply and "I think you're asking about" not in outcome.reply


def test_a_count_of_another_thing_needs_a_count_before_it():
    from agents.context import HistoryTurn
    from agents.follow_ups.service import count_asked_of_another_thing
    from tests.agents.fakes import ctx_for

    history = [HistoryTurn(role="user", text="how many apps can I have?"), HistoryTurn(role="assistant", text="…")]
    assert count_asked_of_another_thing(ctx_for("and deploys?", history=history)) == "how many deploys can I have?"
    history = [HistoryTurn(role="user", text="my app is slow"), HistoryTurn(role="assistant", text="…")]
    assert count_asked_of_another_thing(ctx_for("and deploys?", history=history)) is None


async def test_a_dns_provider_after_the_entry_on_domains_gets_the_guides_steps_done_there(converse):
    # The whole guide, with nothing of Namecheap.
    _, outcome = await converse("cus_alice", "how do I point my domain to you?", "I use namecheap")
    assert outcome.reply.startswith("Our help centre has no guide for Namecheap in particular, but the steps in our guide "
                                    "“Custom domains and DNS”"), outcome.reply


async def test_done_then_how_long_after_the_domains_guide_is_how_long_dns_takes(converse):
    # The guide again, behind "my answer is the same".
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", "done, how long does it take?")
    assert outcome.reply.startswith("It's live once DNS has updated, usually within an hour."), outcome.reply


@pytest.mark.parametrize("follow_up", ["is this real?", "is it legit?", "can I trust it?"])
async def test_is_this_real_after_telling_of_an_email_is_whether_the_email_is_ours(converse, follow_up):
    # "I'm Northwind Cloud's automated support assistant, not a person."
    _, outcome = await converse("cus_alice", "I got an email saying my payment failed", follow_up)
    assert outcome.reply.startswith("I can't see the emails we send, so I can't tell you whether that one came from us."), \
        outcome.reply


async def test_is_this_real_with_no_email_told_of_is_still_about_the_assistant(converse):
    [outcome] = await converse("cus_alice", "is this real?")
    assert outcome.reply.startswith("I'm Northwind Cloud's automated support assistant"), outcome.reply


async def test_an_error_named_after_a_guide_is_not_read_as_a_step_its_meaning_names(converse):
    # "The guide from my last message … says this about it: 1. Go to **App → Scaling**": "out of memory" read as
    # "scale", which the crash before it was read as too.
    _, outcome = await converse("cus_carol", "my app keeps crashing", "it says out of memory")
    assert "says this about it:\n1. Go to **App → Scaling**" not in outcome.reply, outcome.reply
    assert "5. Watch memory in **App → Metrics**" in outcome.reply


async def test_how_to_deploy_it_after_an_app_named_is_how_to_deploy_an_app(converse):
    # The entry on regions ("pick the region when you create an app"), for "host" and "deploy".
    _, outcome = await converse(None, "can you host my node app?", "how do I deploy it?")
    assert outcome.reply.startswith("Our help centre has no guide on how to do that as such."), outcome.reply
    assert "three regions" not in outcome.reply


@pytest.mark.parametrize("message", ["my api key was leaked", "I accidentally pushed our token to github"])
async def test_a_leaked_key_is_told_to_be_replaced_with_a_person_now(converse, message):
    # The environment guide's step on marking keys **Secret**, "as fitting".
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("I'm sorry, that needs doing quickly: a key that leaked should be replaced"), \
        outcome.reply
    assert "Mark API keys and passwords as **Secret**" not in outcome.reply


def test_a_leaked_password_is_no_leaked_key():
    from agents.about_service import reports_a_leaked_key

    assert not reports_a_leaked_key("my password was leaked")


async def test_a_new_one_after_a_leaked_key_is_a_new_key_no_guide_covers(converse):
    # The environment guide's step on redeploying.
    _, outcome = await converse("cus_alice", "my api key was leaked", "how do I make a new one?")
    assert outcome.reply.startswith("Our help centre doesn't describe how to create, rotate or revoke API keys"), \
        outcome.reply


@pytest.mark.parametrize(("customer", "lead"), [
    ("cus_bob", "Invoice NW-2002 was charged twice on 2026-11-15"),
    ("cus_alice", "Invoice NW-1003 is for $29.00, the same as the invoices before it"),
])
async def test_more_than_last_month_after_a_charge_asked_is_weighed_against_the_ones_before(converse, customer, lead):
    # The invoice list.
    _, outcome = await converse(customer, "why was I charged $99?", "that's more than last month")
    assert outcome.reply.startswith(lead), outcome.reply


async def test_another_period_after_the_uptime_is_the_uptime_of_that_period(converse):
    # "Last month" read as billing: the invoice list. Since the twenty-fourth walk, that there is no figure for it either,
    # without the incidents, the status page and the SLA again.
    _, outcome = await converse("cus_bob", "what's the uptime been this month?", "and last month?")
    assert outcome.reply.startswith("I don't have an uptime figure for last month either"), outcome.reply


async def test_last_month_after_a_payment_asked_is_still_the_payments(converse):
    _, outcome = await converse("cus_alice", "what did I pay in october?", "and last month?")
    assert "uptime" not in outcome.reply, outcome.reply


async def test_what_can_u_do_typed_in_a_hurry_gets_what_the_assistant_does(converse):
    # "I don't have enough information".
    [outcome] = await converse("cus_alice", "wat can u do")
    assert outcome.reply.startswith("I'm Northwind Cloud's support assistant. I can help with"), outcome.reply


async def test_diff_between_two_plans_typed_in_a_hurry_is_the_plans_compared(converse):
    # "I don't have enough information", then "I can't see the list of what each plan includes".
    [outcome] = await converse(None, "diff between pro n business")
    assert outcome.reply.startswith("Pro ($29.00 a month) includes up to 10 apps"), outcome.reply
    assert "Business ($99.00 a month) has everything in Pro" in outcome.reply


async def test_a_document_named_alone_is_asked_about_as_theirs(converse):
    # "What would you like to know about invoice?"
    [outcome] = await converse("cus_bob", "invoice")
    assert outcome.reply.endswith("What would you like to know about your invoice?"), outcome.reply


@pytest.mark.parametrize(("month", "invoice"), [("november", "Invoice NW-2002"), ("october", "Invoice NW-2001")])
async def test_a_month_alone_after_the_invoices_were_listed_is_that_months_invoice(converse, month, invoice):
    # Out of scope: "I don't have enough information".
    _, outcome = await converse("cus_bob", "show me my invoices", month)
    assert outcome.reply.startswith(f"{invoice} is for $99.00"), outcome.reply


async def test_an_expired_link_after_the_reset_is_asked_for_again(converse):
    # The account's lock and "I don't have enough information".
    _, outcome = await converse("cus_carol", "pw reset not working", "link expired")
    assert outcome.reply.startswith("An expired link can't be used, but you can ask for a new one the same way: Open the "
                                    "sign-in page, choose **Forgot password**"), outcome.reply


async def test_done_after_the_card_steps_checks_the_card_against_the_brand_named(converse):
    # The card on file again, then "my answer is the same".
    *_, outcome = await converse("cus_bob", "I need to change my card", "the new one is a visa", "done")
    assert outcome.reply.startswith("I still see the mastercard ending 1881 on your account, not the new visa card, so "
                                    "the change hasn't reached us yet."), outcome.reply


async def test_done_after_the_card_steps_with_an_expired_card_says_the_new_one_has_not_arrived(converse):
    _, outcome = await converse("cus_alice", "I need to change my card", "done")
    assert outcome.reply.startswith("I still see the visa ending 4242 on your account, which expired"), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    ("cus_carol", ("delete my account", "are you sure it's deleted?"),
     "No, your account (carol) hasn't been deleted: it's locked (five failed sign-ins)."),
    ("cus_alice", ("has my account been deleted?",), "No, your account (alice) hasn't been deleted: it's active."),
])
async def test_whether_the_account_is_deleted_is_what_its_state_shows(converse, customer, turns, lead):
    # The entry's sentence on deleting, quoted again; "not enough information".
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "Nothing in this chat deletes an account" in outcome.reply


async def test_what_is_lost_after_a_move_to_a_plan_below_by_name_is_what_that_plan_lacks(converse):
    # The scope reply: "move to the pro plan" from Business was no downgrade to the follow-up reader.
    _, outcome = await converse("cus_bob", "we'd like to move to the pro plan", "what will we lose?")
    assert outcome.reply.startswith("You're on Business ($99.00 a month). Moving to Pro, your plan would no longer have"), \
        outcome.reply


@pytest.mark.parametrize("message", ["how many apps can I deploy?", "is there a limit on how many apps I can deploy?"])
async def test_how_many_apps_can_be_deployed_is_the_plans_app_counts(converse, message):
    # The deploys' limits ("10 deploys a day"), for "deploy".
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith("It depends on the plan. Free: one app; Pro ($29.00 a month): up to 10 apps"), \
        outcome.reply
    assert "deploys a day" not in outcome.reply


@pytest.mark.parametrize(("customer", "need", "lead"), [
    ("cus_alice", "what if I need 20?", "No: your plan, Pro, includes up to 10 apps. Business ($99.00 a month) includes "
                                        "unlimited apps"),
    ("cus_bob", "I need 50", "Yes: your plan, Business, includes unlimited apps."),
])
async def test_a_number_needed_after_the_app_counts_is_weighed_against_the_plan(converse, customer, need, lead):
    # The scope reply.
    _, outcome = await converse(customer, "how many apps can I have?", need)
    assert outcome.reply.startswith(lead), outcome.reply


async def test_what_is_lost_in_a_move_up_is_what_the_plan_above_has_over_the_customers(converse):
    # The invoice list.
    _, outcome = await converse("cus_alice", "I want to switch to the business plan", "what will I lose?")
    assert "Business ($99.00 a month) has everything in Pro, plus unlimited apps" in outcome.reply, outcome.reply
    assert "NW-" not in outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_bob", ("I want to cancel but keep my data", "how long do you keep it?")),
    ("cus_alice", ("how do I cancel?", "how long will you keep my data?")),
])
async def test_how_long_data_is_kept_after_cancelling_is_said_to_be_undescribed(converse, customer, turns):
    # "I don't have enough information", then the steps to cancel; or the refund's timing.
    _, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre says: Your paid plan stays active until the end of the period"), \
        outcome.reply
    assert "It doesn't say for how long" in outcome.reply and "5 to 10 business days" not in outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    (None, "which plan should I choose?"), (None, "what's the best plan for a startup?"),
    ("cus_alice", "what plan is best for me?"),
])
async def test_which_plan_to_choose_gets_the_plans_and_what_to_tell_with_no_pick_made(converse, customer, message):
    # The scope reply, or a visitor asked to sign in to see their invoices.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Which plan suits you depends on what you need, so I won't pick one for you. We have "
                                    "three plans:"), outcome.reply
    assert ("You're on Pro now." in outcome.reply) is (customer is not None)


def test_a_plan_asked_for_a_need_named_is_no_plan_to_choose():
    from agents.service_terms import asks_which_plan_to_choose

    assert not asks_which_plan_to_choose("which plan should I get for a custom domain?")
    assert not asks_which_plan_to_choose("which plan do I need for that?")


async def test_whether_a_region_is_affected_after_the_incident_says_it_is_not_listed(converse):
    # "I don't have a guide on that".
    _, outcome = await converse("cus_bob", "can you tell me about the incident?", "we are in us-east, are we fine?")
    assert outcome.reply.startswith("The open incident, “Elevated API error rates in eu-west”, is in eu-west: us-east is "
                                    "not listed as affected."), outcome.reply
    assert "pass you to a person" not in outcome.reply


async def test_a_region_said_after_a_fault_still_offers_a_person(converse):
    _, outcome = await converse("cus_bob", "my app returns 503", "it's in us-east")
    assert outcome.reply.startswith("Then the open incident"), outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_trying_it_for_free_is_the_free_plan(converse):
    # "Free includes … That list doesn't mention what you asked about": "try" read as a feature.
    [outcome] = await converse(None, "can I try it for free?")
    assert outcome.reply.startswith("Yes: The Free plan costs $0"), outcome.reply


TWO_FACTOR_IS = "Two-factor authentication means signing in takes a second step besides your password"


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_carol", "what's two factor?"), ("cus_alice", "what is 2fa?"), (None, "what does two factor mean?"),
])
async def test_what_two_factor_is_is_said_before_its_state_and_steps(converse, customer, message):
    # Its state and the steps alone; a visitor got "I don't have enough information".
    [outcome] = await converse(customer, message)
    assert TWO_FACTOR_IS in outcome.reply, outcome.reply
    assert "Go to **Settings → Security → Two-factor authentication**" in outcome.reply


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_alice", "I've been charged for a plan I cancelled last month!",
     "Our records don't show a cancellation: your Pro subscription is still past due"),
    ("cus_bob", "we got billed for the subscription we cancelled",
     "Our records don't show a cancellation: your Business subscription is still active"),
])
async def test_a_charge_for_a_plan_said_to_be_cancelled_is_checked_against_the_subscription(
        converse, customer, message, lead):
    # The help centre's sentence on cancelling, and "The Free plan costs nothing."
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [(None, "can I change my plan later?"),
                                                   ("cus_alice", "can I switch plans any time?")])
async def test_whether_a_plan_can_change_later_gets_the_entries_on_moving_up_and_down(converse, customer, message):
    # A visitor was asked to sign in, for "my plan".
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Yes. To move up: Go to **Billing → Plan**"), outcome.reply
    assert "To move down: Go to **Billing → Plan** and choose the smaller plan." in outcome.reply


async def test_how_to_fix_a_failure_just_told_is_not_said_to_have_no_guide(converse):
    # "Our help centre has no guide on how to do that as such", as for "how do I deploy my app?".
    _, outcome = await converse("cus_alice", "my deploy failed with \"Error: Cannot find module 'express'\"",
                                "how do I fix that?")
    assert "no guide on how to do that as such" not in outcome.reply, outcome.reply
    assert "3. Check that dependencies install locally" in outcome.reply


async def test_a_language_and_version_alone_after_the_languages_answer_is_the_same_question(converse):
    # "I don't have a guide on that".
    _, outcome = await converse(None, "what languages do you support?", "python 3.12?")
    assert outcome.reply.startswith("Our help centre doesn't list the languages, frameworks or kinds of app that run on "
                                    "Northwind Cloud, so I can't tell you for certain about python"), outcome.reply


async def test_the_one_from_a_month_after_asking_for_receipts_is_that_months_invoice(converse):
    # The scope reply.
    _, outcome = await converse("cus_alice", "where are my receipts?", "I need the one from september")
    assert outcome.reply.startswith("Invoice NW-1001 is for $29.00, issued on 2026-09-01"), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "is there a way to get notified when my app goes down?"), ("cus_bob", "can you alert me if our site crashes?"),
])
async def test_alerts_on_their_own_app_are_said_to_be_undescribed_with_the_status_page_for_ours(converse, customer, message):
    # The open incident and the API errors' guide.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't describe alerts for when your own app goes down"), \
        outcome.reply
    assert "status.northwind.cloud" in outcome.reply and "Troubleshooting API errors" not in outcome.reply


async def test_whether_we_suit_beginners_gets_the_plans(converse):
    # "I don't have enough information".
    [outcome] = await converse(None, "is northwind good for beginners?")
    assert outcome.reply.startswith("Glad you're considering us! We have three plans:"), outcome.reply


async def test_the_plan_said_with_btw_after_a_guide_keeps_the_guides_topic(converse):
    # "I don't have a guide on that".
    _, outcome = await converse("cus_alice", "the app is slow since yesterday", "I'm on pro btw")
    assert "Scaling and cold starts" in outcome.reply and "don't have a guide" not in outcome.reply, outcome.reply


async def test_still_pending_verification_after_the_domains_guide_gets_its_step_on_verification(converse):
    # The guide's first four steps again: "verification" and the step's "Verified" are stemmed apart.
    _, outcome = await converse("cus_bob", "hi, can you help me set up a custom domain for api.acme.com?",
                                "it still says pending verification")
    assert outcome.reply.startswith("The guide from my last message, “Custom domains and DNS”, says this about it:\n"
                                    "5. Once the domain resolves to us, the dashboard shows it as **Verified**"), outcome.reply


async def test_why_there_are_no_invoices_on_free_is_that_nothing_was_charged(converse):
    # "My answer is the same as in my last message".
    _, outcome = await converse("cus_carol", "can you tell me my invoices?", "why don't I have any?")
    assert outcome.reply.startswith("Because you're on the Free plan, which costs nothing: there's been nothing to "
                                    "charge"), outcome.reply


async def test_the_new_card_named_after_the_card_steps_is_told_what_it_replaces(converse):
    # The card on file alone.
    _, outcome = await converse("cus_bob", "I need to change my card", "the new one is a visa")
    assert outcome.reply.startswith("Once you've saved it under **Billing → Payment method**, it replaces the mastercard "
                                    "ending 1881 on file now."), outcome.reply
