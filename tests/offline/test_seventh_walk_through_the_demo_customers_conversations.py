"""Found chatting through the demo customers' conversations a seventh time (stop 38): a move up the plans answered
with the customer's invoices, another plan asked for answered with the FAQ entry its words matched, whether anything
binds the customer to stay read as a refund or as off topic, and single sign-on met with "not enough information"."""

from __future__ import annotations

import pytest

UPGRADE_APPLIES = "The upgrade applies at once and we charge the difference for the rest of the month."
PLANS_LISTED = "We have three plans: **Free** at $0, **Pro** at $29/month and **Business** at $99/month."
CANCEL_STEPS = "Go to **Billing → Plan** and choose **Cancel subscription**."
NO_COMMITMENT = ("Our help centre doesn't mention a contract, a minimum term or a notice period you'd be held to, and I'd "
                 "rather not guess beyond what it says. What it says about cancelling: " + CANCEL_STEPS)
NO_SSO = "Our help centre doesn't mention single sign-on (SSO), or signing in with a Google, GitHub or other outside account"


# ---------------------------------------------------------------- what a move up does to apps

async def test_what_happens_to_apps_on_an_upgrade_from_free_is_when_it_applies_and_what_pro_includes(converse):
    # The customer's plan ("You're on the Free plan, which costs nothing") and "There are no invoices".
    [outcome] = await converse("cus_carol", "what happens to my app when I upgrade?")
    assert outcome.reply.startswith(UPGRADE_APPLIES), outcome.reply
    assert "Pro includes up to 10 apps, custom domains and email support." in outcome.reply
    assert "doesn't say anything else changes for your apps or data" in outcome.reply
    assert "no invoices" not in outcome.reply and "faq" in [source.kind for source in outcome.sources]


async def test_what_happens_to_apps_on_an_upgrade_to_a_named_plan_is_that_plans_contents(converse):
    # Alice's invoice list.
    [outcome] = await converse("cus_alice", "what happens to my apps if I upgrade to business?")
    assert outcome.reply.startswith(UPGRADE_APPLIES), outcome.reply
    assert "Business includes unlimited apps, team members and priority support." in outcome.reply
    assert "NW-1003" not in outcome.reply


async def test_what_happens_on_an_upgrade_after_asking_how_to_move_to_a_plan_is_of_that_plan(converse):
    _, outcome = await converse("cus_carol", "how do I upgrade to business?",
                                "ok, and what happens to my app when I upgrade?")
    assert "Business includes unlimited apps" in outcome.reply, outcome.reply
    assert "Pro includes" not in outcome.reply


@pytest.mark.parametrize(("customer", "message", "said"), [
    ("cus_bob", "what happens to my app when I upgrade?",
     "You're on the Business plan, our highest, so there's no plan to move up to"),
    ("cus_alice", "what happens to my app if I upgrade to pro?",
     "You're on the Pro plan, so there's no move up to Pro to make"),
])
async def test_an_upgrade_there_is_none_to_make_is_said_to_be_none(converse, customer, message, said):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(said), outcome.reply
    assert UPGRADE_APPLIES not in outcome.reply


# ---------------------------------------------------------------- the plan above or below

@pytest.mark.parametrize(("customer", "message", "said"), [
    # The downgrade's steps by the FAQ shortcut.
    ("cus_alice", "is there a cheaper plan?",
     "You're on the Pro plan at $29.00 a month; the plan below it is Free, which costs nothing."),
    # The entry on Free by the FAQ shortcut.
    ("cus_alice", "what is the next tier up?",
     "You're on the Pro plan at $29.00 a month; the next plan up is Business, at $99.00 a month."),
    ("cus_carol", "what is the next tier up?",
     "You're on the Free plan, which costs nothing; the next plan up is Pro, at $29.00 a month."),
])
async def test_the_plan_above_or_below_is_counted_from_the_customers_own_not_the_entry_its_words_match(
        converse, customer, message, said):
    [outcome] = await converse(customer, message)
    assert outcome.route != "faq" and outcome.reply.startswith(said), outcome.reply


async def test_how_to_move_to_a_cheaper_plan_still_gets_the_downgrades_steps(converse):
    [outcome] = await converse("cus_alice", "how do I move to a cheaper plan?")
    assert outcome.route == "faq" and outcome.reply.startswith("Go to **Billing → Plan** and choose the smaller plan"), \
        outcome.reply


@pytest.mark.parametrize(("message", "lead"), [
    # A sign-in request ("I can't see your invoices"), and the downgrade's steps by the FAQ shortcut.
    ("is there anything cheaper?", "Our cheapest plan is Free, which costs nothing."),
    ("is there a cheaper plan?", "Our cheapest plan is Free, which costs nothing."),
    ("is there a bigger plan?", "Our biggest plan is Business, at $99.00 a month."),
])
async def test_a_visitor_asking_for_a_cheaper_or_bigger_plan_gets_the_edge_plan_and_every_plan(converse, message, lead):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert PLANS_LISTED in outcome.reply and "sign in" not in outcome.reply.lower()


async def test_a_visitor_asking_the_next_tier_up_with_no_plan_gets_every_plan_not_the_free_entry(converse):
    [outcome] = await converse(None, "what is the next tier up?")
    assert outcome.reply.startswith(PLANS_LISTED), outcome.reply
    assert "biggest" not in outcome.reply


async def test_anything_cheaper_right_after_the_plans_were_listed_is_the_cheapest_without_the_list_again(converse):
    # "My answer is the same as in my last message" and the list again (once a sign-in request).
    _, outcome = await converse(None, "how much does it cost?", "anything cheaper?")
    assert outcome.reply == "Our cheapest plan is Free, which costs nothing.", outcome.reply


# ---------------------------------------------------------------- a contract or a term

@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "can I cancel anytime?"),          # refund at 0.27: "I don't have enough information"
    (None, "can i cancel whenever i want?"),         # refund: the refund policy, then the entry as a guess
    (None, "is there a contract or can I cancel at any time?"),  # out of scope: the scope reply
    ("cus_alice", "is there a minimum contract?"),   # out of scope
    ("cus_carol", "am I locked in?"),
])
async def test_whether_anything_binds_the_customer_to_stay_is_said_to_be_unmentioned_with_the_cancel_entry(
        converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.intent.label == "billing", outcome.intent
    assert outcome.reply.startswith(NO_COMMITMENT), outcome.reply
    assert "refund policy" not in outcome.reply and "support assistant" not in outcome.reply


async def test_a_fee_for_cancelling_is_still_said_to_be_unmentioned_as_a_fee(converse):
    [outcome] = await converse("cus_alice", "is there a cancellation fee?")
    assert outcome.reply.startswith("Our help centre doesn't mention any fee or penalty for cancelling"), outcome.reply


# ---------------------------------------------------------------- tried again and again

async def test_tried_ten_times_after_being_told_the_account_is_not_locked_is_that_it_did_not_sort_it_out(converse):
    # The FAQ entry on deploys ("10 deploys a day") as a guess.
    _, outcome = await converse("cus_alice", "my account is locked", "I have tried 10 times")
    assert outcome.reply.startswith("I'm sorry that didn't sort it out. What happens now when you try?"), outcome.reply
    assert "deploys" not in outcome.reply


@pytest.mark.parametrize("message", ["I have tried 5 times", "tried it a few times already"])
async def test_tried_several_times_after_the_resets_steps_is_that_the_steps_did_not_help(converse, message):
    _, outcome = await converse("cus_alice", "i forgot my password", message)
    assert outcome.reply.startswith("I'm sorry those steps didn't sort it out."), outcome.reply
    assert "pass you to a person" in outcome.reply


# ---------------------------------------------------------------- single sign-on

@pytest.mark.parametrize(("customer", "message"), [
    (None, "do you support sso?"),                # general: "I don't have enough information"
    ("cus_alice", "do you support saml?"),
    (None, "can I log in with google?"),          # account: "I don't have enough information"
])
async def test_single_sign_on_is_said_to_be_unmentioned_with_a_person_offered(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(NO_SSO), outcome.reply
    assert "pass you to a person" in outcome.reply and "enough information" not in outcome.reply


async def test_asking_for_a_person_about_sso_still_hands_over(converse):
    [outcome] = await converse("cus_carol", "i want to talk to someone about sso")
    assert outcome.route == "handoff", outcome.reply


# ---------------------------------------------------------------- a step of a guide said to be done

DOMAIN_STEP_3 = "3. For an apex domain (example.com) use an ALIAS or ANAME record, or our A record 203.0.113.10."
DOMAIN_STEP_5 = "5. Once the domain resolves to us, the dashboard shows it as **Verified** and a certificate is issued."


@pytest.mark.parametrize("message", ["I added the CNAME", "ok I created the cname record"])
async def test_a_step_said_done_after_a_guide_gets_the_steps_after_it(converse, message):
    # The FAQ entry's summary of domains, or steps 2 and 3 again.
    _, outcome = await converse("cus_alice", "I want to add a custom domain", message)
    assert outcome.reply.startswith(f"Good. The steps after that in our guide “Custom domains and DNS”:\n{DOMAIN_STEP_3}"
                                    ), outcome.reply
    assert DOMAIN_STEP_5 in outcome.reply and "2. At your DNS provider" not in outcome.reply
    assert "If it still isn't working after that" in outcome.reply


async def test_reading_the_build_log_then_asking_what_next_gets_the_failed_deploys_steps_after_the_first(converse):
    _, outcome = await converse("cus_alice", "my deploy failed", "ok I read the build log, what next?")
    assert outcome.reply.startswith("Good. The steps after that in our guide “Failed deploys and build timeouts”:\n2. "
                                    ), outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply


async def test_done_alone_after_a_guide_gets_its_last_step_not_the_same_answer_again(converse):
    # "My answer is the same as in my last message" and the whole guide.
    _, outcome = await converse("cus_alice", "I want to add a custom domain", "done")
    assert outcome.reply.startswith("Good. The last step of our guide “Custom domains and DNS”, in case it's still to "
                                    f"come:\n{DOMAIN_STEP_5}"), outcome.reply
    assert "My answer is the same" not in outcome.reply


@pytest.mark.parametrize("message", ["I did that", "I added the CNAME but it still says pending verification"])
async def test_a_step_done_that_did_not_help_is_still_not_read_as_progress(converse, message):
    _, outcome = await converse("cus_alice", "I want to add a custom domain", message)
    assert "The steps after that" not in outcome.reply and "Good." not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a faster build

BUILD_CACHE_STEP = ("2. If the build ran out of time, enable the build cache and remove steps that download large files at "
                    "build time.")


@pytest.mark.parametrize("turns", [
    ("how can I make my build faster?",),
    ("how do I speed up deploys?",),
    ("my deploy failed", "it says build timed out", "how can I make it faster?"),
])
async def test_a_faster_build_asked_for_gets_the_step_on_the_build_cache(converse, turns):
    # "Our help centre has no guide on how to do that as such."
    *_, outcome = await converse("cus_alice", *turns)
    assert f"The step that fits what you describe:\n{BUILD_CACHE_STEP}" in outcome.reply, outcome.reply
    assert "no guide on how to do that" not in outcome.reply


# ---------------------------------------------------------------- paying yearly

@pytest.mark.parametrize(("customer", "lead"), [
    # The entry on payment methods by the FAQ shortcut, which says Business customers can.
    ("cus_alice", "Not on your Pro plan: our help centre offers paying yearly only to Business customers, by bank "
                  "transfer against an invoice."),
    ("cus_bob", "Yes: on your Business plan you can pay yearly, by bank transfer against an invoice."),
])
async def test_paying_yearly_is_answered_for_the_signed_in_customers_plan(converse, customer, lead):
    [outcome] = await converse(customer, "can I pay yearly?")
    assert outcome.route != "faq" and outcome.reply.startswith(lead), outcome.reply


# ---------------------------------------------------------------- someone on the team, a few turns on

async def test_removing_a_colleague_a_few_turns_after_inviting_her_is_the_team_entry_not_a_sign_in_request(converse):
    # "I can't see your invoices or payments while you're not signed in", said to Alice, signed in, and "not enough
    # information" (the turn between had asked whether she can see billing).
    *_, outcome = await converse("cus_alice", "how do I invite my colleague?", "can she see billing?",
                                 "how do I remove her later?")
    assert outcome.reply.startswith("Our help centre only describes adding team members, not removing them"), \
        outcome.reply
    assert "not signed in" not in outcome.reply and "Billing → Invoices" not in outcome.reply


# ---------------------------------------------------------------- an unpaid account

@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_alice", ("why did my payment fail?", "will my app go down if it does not go through?")),  # the incident
    ("cus_alice", ("will my apps be shut down for non payment?",)),                                # the invoice list
])
async def test_what_an_unpaid_account_leads_to_is_said_to_be_unsaid_with_the_failed_payment_and_a_person(
        converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.intent.label == "billing", outcome.intent
    assert outcome.reply.startswith("Our help centre doesn't say what happens to your apps or account while a payment "
                                    "is outstanding, so I'd rather not guess."), outcome.reply
    assert "NW-1003" in outcome.reply and "add a new card under **Billing → Payment method**" in outcome.reply
    assert "pass you to a person" in outcome.reply and "incident" not in outcome.reply


@pytest.mark.parametrize("customer", [None, "cus_bob"])
async def test_a_failed_payment_asked_of_with_none_failed_gets_what_the_help_centre_says_of_retries(
        converse, customer):
    # A visitor got the entry on a charge taken twice ("What happens now?") as a guess and a sign-in request.
    [outcome] = await converse(customer, "what happens if my payment fails?")
    assert "What it does say: We retry any failed invoice on the new card within a day." in outcome.reply, \
        outcome.reply
    assert "charged twice" not in outcome.reply and "sign in" not in outcome.reply.lower()


# ---------------------------------------------------------------- a refund filed, asked after

async def test_when_a_refund_just_filed_reaches_the_account_is_its_timing_without_a_guess(converse):
    # Account, for "my account": "I think you're asking about …" before the timing entry.
    _, outcome = await converse("cus_bob", "I was charged twice this month", "how long will it take to reach my account?")
    assert outcome.intent.label == "refund", outcome.intent
    assert outcome.reply.startswith("Once a refund is approved it usually reaches your card in 5 to 10 business days"), \
        outcome.reply
    assert "I think you're asking" not in outcome.reply


@pytest.mark.parametrize("turns", [
    ("I was charged twice this month", "can I get it as credit instead?"),  # "already requested"
    ("can I get account credit instead of a refund?",),                      # the duplicate described again
])
async def test_a_refund_as_credit_on_the_account_is_said_to_be_unmentioned_with_a_person(converse, turns):
    *_, outcome = await converse("cus_bob", *turns)
    assert outcome.reply.startswith("Our help centre doesn't mention taking a refund as credit on your account instead"), \
        outcome.reply
    assert "What it says about refunds: Once a refund is approved" in outcome.reply
    assert "pass you to a person" in outcome.reply


# ---------------------------------------------------------------- how long one thing of a guide takes

async def test_how_long_renewal_takes_after_the_certificates_guide_is_its_step_on_renewal(converse):
    # Out of scope at 0.59: the scope reply.
    _, outcome = await converse("cus_bob", "our ssl certificate expired", "how long does renewal take?")
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't say how long that takes"), outcome.reply
    assert "5. Certificates renew 30 days before they expire" in outcome.reply
    assert "support assistant" not in outcome.reply


async def test_how_long_a_build_takes_after_the_failed_deploys_guide_is_still_the_plans_build_limit(converse):
    _, outcome = await converse("cus_alice", "my deploy failed", "how long does a build take?")
    assert outcome.reply.startswith("You're on the Pro plan: Pro and Business have unlimited deploys and builds of up to "
                                    "45 minutes."), outcome.reply


# ---------------------------------------------------------------- where a step is done

@pytest.mark.parametrize(("customer", "turns", "said"), [
    # The customer's plan and "There are no invoices on your account yet".
    ("cus_carol", ("how do I upgrade?", "where do I do it?"),
     "Under **Billing → Plan**: choose Pro ($29/month) or Business ($99/month) and confirm."),
    # The account's email address and "I don't have enough information".
    ("cus_alice", ("how do I change my email?", "where is that?"),
     "Under **Settings → Profile**: enter the new address and confirm it from the link we send there."),
    ("cus_alice", ("I want to add a custom domain", "where?"),
     "Under **Settings → Domains → Add domain** in your app: enter the domain"),
])
async def test_where_a_step_is_done_is_the_place_the_last_reply_named(converse, customer, turns, said):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(said), outcome.reply
    assert "If you can't find it there" in outcome.reply and "no invoices" not in outcome.reply


async def test_where_something_of_the_customers_is_is_still_answered_by_what_it_names(converse):
    [outcome] = await converse("cus_alice", "where is my invoice?")
    assert outcome.reply.startswith("All your invoices are under **Billing → Invoices**"), outcome.reply


# ---------------------------------------------------------------- an invoice sent again, and where invoices go

SENDS_NO_EMAIL = "I can't send emails from this chat myself."
INVOICES_GO_TO_THE_ACCOUNT = ("Invoices go to the email address on your account. To change it: Go to **Settings → "
                              "Profile**")


@pytest.mark.parametrize(("turns", "which"), [
    # Off topic at 0.51 after "the one from october": "that's outside what I can help with".
    (("hey, quick question about my invoice", "the one from october", "can you resend it to me?"),
     "The one you asked about, NW-1002"),
    # The invoice list.
    (("can you resend my last invoice?",), "Your latest invoice, NW-1003"),
])
async def test_an_invoice_asked_to_be_sent_again_is_where_to_download_it(converse, turns, which):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(SENDS_NO_EMAIL), outcome.reply
    assert "**Billing → Invoices**" in outcome.reply and which in outcome.reply


async def test_an_address_given_after_being_told_the_chat_sends_no_email_is_where_invoices_go_not_a_new_login(
        converse):
    # The FAQ shortcut sent the steps to change the account's email, as if the address were Alice's own.
    *_, outcome = await converse("cus_alice", "show me the october invoice", "can you resend it to me?",
                                 "to accounting@mycompany.com")
    assert outcome.route != "faq", outcome.reply
    assert outcome.reply.startswith("I can't send it to another address from this chat either."), outcome.reply
    assert INVOICES_GO_TO_THE_ACCOUNT in outcome.reply
    assert "download each invoice as a PDF under **Billing → Invoices** and send it on" in outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "ok how do I change the billing email then?"),  # account: the card's entry as a guess
    ("cus_alice", "how do I change the billing email?"),          # account: the email's entry as a guess
    ("cus_bob", "can I change where invoices are sent?"),          # the invoice list
])
async def test_the_billing_email_is_the_accounts_address_and_how_to_change_it(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.intent.label == "billing", outcome.intent
    assert INVOICES_GO_TO_THE_ACCOUNT in outcome.reply, outcome.reply
    assert "I think you're asking" not in outcome.reply and "Replace card" not in outcome.reply


# ---------------------------------------------------------------- who the customer is

@pytest.mark.parametrize(("customer", "message", "greeting"), [
    # Off topic at 0.33: "Sorry, that's outside what I can help with".
    ("cus_alice", "hi my name is alice", "Hi there! What can I help you with today, Alice?"),
    (None, "hello, this is Bob from Acme", "Hi there! What can I help you with today?"),
])
async def test_a_customer_saying_who_they_are_is_greeted(converse, customer, message, greeting):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(greeting), outcome.reply
    assert "outside what I can help with" not in outcome.reply


# ---------------------------------------------------------------- the day the plan renews

NO_DATE_CHANGE = "Our help centre doesn't describe changing the date your plan renews, so I'd rather not guess."


@pytest.mark.parametrize(("customer", "turns", "renews"), [
    ("cus_alice", ("can I change my billing date?",), "Your Pro plan renews on"),                      # the invoice list
    ("cus_alice", ("when does my plan renew", "can i change the date"), "Your Pro plan renews on"),     # not enough info
    ("cus_bob", ("can we move our renewal date to the 1st?",), "Your Business plan renews on"),        # the renewal again
    (None, ("can I change my billing date?",), None),               # a panel's other part: the card's entry as a guess
])
async def test_moving_the_renewal_date_is_said_to_be_undescribed_with_a_person(converse, customer, turns, renews):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(NO_DATE_CHANGE), outcome.reply
    assert "pass you to a person" in outcome.reply and "Replace card" not in outcome.reply
    assert (renews in outcome.reply) if renews else ("renews on" not in outcome.reply)


# ---------------------------------------------------------------- a data processing agreement

@pytest.mark.parametrize(("customer", "turns"), [
    (None, ("are you gdpr compliant?", "can I sign a DPA?")),  # "my answer is the same" and the whole entry again
    ("cus_alice", ("we need a data processing agreement",)),   # the whole entry on where data is stored
    (None, ("do you have a dpa?",)),
])
async def test_a_dpa_asked_for_is_yes_on_request_with_a_person_to_take_it(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Yes: our help centre says we are GDPR compliant and sign a data processing "
                                    "agreement on request."), outcome.reply
    assert "a person from our team can take your request" in outcome.reply
    assert "My answer is the same" not in outcome.reply and "us-east" not in outcome.reply


async def test_whether_we_are_gdpr_compliant_still_gets_the_whole_entry(converse):
    [outcome] = await converse(None, "are you gdpr compliant?")
    assert "Account and billing data are stored in eu-west." in outcome.reply, outcome.reply


# ---------------------------------------------------------------- whose fault it is

async def test_is_it_you_or_me_after_a_slow_site_gets_the_open_incident_before_the_guide(converse):
    # The same guide again.
    _, outcome = await converse("cus_alice", "the site is really slow today", "is it you or me?")
    assert outcome.reply.startswith("There's an active incident in eu-west affecting the API"), outcome.reply


# ---------------------------------------------------------------- someone who left, someone at the account

async def test_someone_who_left_the_company_is_a_member_to_remove(converse):
    # "I don't have enough information".
    [outcome] = await converse("cus_bob", "someone on my team left the company")
    assert outcome.reply.startswith("Our help centre only describes adding team members, not removing them"), \
        outcome.reply


async def test_asking_whether_someone_is_hacking_the_account_is_not_taken_for_a_request_for_a_person(converse):
    # Human at 0.40, and "someone" read as a person to talk to: handed over with nothing said (asked alone, or after
    # saying nothing was done; right after the lock's reason it was read with that question).
    *_, outcome = await converse("cus_carol", "could someone be hacking me?")
    assert outcome.route != "handoff", outcome.reply
    assert "I won't unlock it while someone else may be trying to get in" in outcome.reply
    assert "would you like me to pass you to a person now?" in outcome.reply


async def test_a_person_asked_for_as_someone_is_still_handed_over(converse):
    [outcome] = await converse("cus_alice", "i want to speak to someone")
    assert outcome.route == "handoff", outcome.reply


# ---------------------------------------------------------------- counts asked again in words

async def test_what_if_i_need_two_after_the_free_plans_app_count_is_that_count_again(converse):
    # Out of scope at 0.75: the scope reply.
    _, outcome = await converse("cus_carol", "can I have two apps on free?", "what if I need two?")
    assert "Pro ($29.00 a month) includes up to 10 apps" in outcome.reply, outcome.reply
    assert "support assistant" not in outcome.reply


# ---------------------------------------------------------------- what a second region costs

@pytest.mark.parametrize(("customer", "follow_up", "own"), [
    ("cus_bob", "how much extra does that cost?", " You're on Business, which that includes."),  # the plans' prices
    ("cus_alice", "is that extra?", ""),
])
async def test_what_a_second_region_costs_is_said_to_be_unsaid_with_the_plan_it_comes_with(
        converse, customer, follow_up, own):
    _, outcome = await converse(customer, "can I add a second region to my app?", follow_up)
    assert outcome.reply.startswith("Our help centre says: Pick the region when you create an app; Business accounts can "
                                    f"run an app in several regions at once.{own} It doesn't say whether running an app "
                                    "in more regions costs anything on top of the plan's price"), outcome.reply
    assert "We have three plans" not in outcome.reply


# ---------------------------------------------------------------- an app that does not start

PORT_STEP = "4. If the app builds but fails on start, check that it listens on the `PORT` environment variable."


@pytest.mark.parametrize("message", [
    "my app crashes on startup",           # the scaling guide's step on memory
    "what port should I use?",             # "I don't have a guide on that"
    "EADDRINUSE address already in use",   # "no guide", and the account's email address beside it
    "my app won't start",
])
async def test_an_app_that_does_not_start_gets_the_step_on_the_port(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert f"The step that fits what you describe:\n{PORT_STEP}" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- changes asked of the assistant

@pytest.mark.parametrize(("turns", "said"), [
    # The steps alone, as if asked how.
    (("please cancel my subscription",), "I can't cancel your subscription from this chat"),
    (("I want to cancel", "ok fine cancel it"), "I'm sorry, I can't cancel your subscription myself"),
])
async def test_cancelling_asked_of_the_assistant_is_said_to_be_the_customers_to_do(converse, turns, said):
    *_, outcome = await converse("cus_alice", *turns)
    assert said in outcome.reply, outcome.reply
    assert "Cancel subscription" in outcome.reply


# A visitor signs in first; a customer chatting here is signed in already (stop 53: "once you're signed in" was told them).
DELETE_IT_YOURSELF = ("I can't delete an account from this chat: you do that yourself, {where}. Here's how: "
                      "Go to **Settings → Account → Delete account**.")


@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_bob", ("can you delete my account",)),                         # the steps alone
    (None, ("can you delete my account",)),                              # the FAQ shortcut: the steps alone
    ("cus_bob", ("how do I delete my account?", "yes I am sure")),       # "my answer is the same"
])
async def test_deleting_the_account_asked_of_the_assistant_is_said_to_be_the_customers_to_do(
        converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    where = "once you're signed in" if customer is None else "from your account's settings"
    assert outcome.reply.startswith(DELETE_IT_YOURSELF.format(where=where)), outcome.reply


async def test_how_to_delete_the_account_is_still_the_steps_alone(converse):
    [outcome] = await converse("cus_bob", "how do I delete my account now")
    assert outcome.reply.startswith("Go to **Settings → Account → Delete account**."), outcome.reply


async def test_a_locked_account_asked_to_be_deleted_still_hears_it_must_be_unlocked_first(converse):
    # Since the twenty-seventh walk also that the chat deletes no account (the lock and the steps came without it).
    [outcome] = await converse("cus_carol", "please delete my account")
    assert "is locked at the moment, so you'll need to sign in again first" in outcome.reply, outcome.reply
    assert outcome.reply.startswith("I can't delete an account from this chat")


# ---------------------------------------------------------------- a plan named after a greeting, and the max

async def test_the_customers_plan_said_after_a_question_that_opened_with_hello_reads_that_question(converse):
    # "Hello, we are getting 429s" read as general with the plan named: "I don't have enough information".
    _, outcome = await converse("cus_bob", "hello, we are getting 429s", "we are on business")
    assert outcome.intent.label == "technical", outcome.intent
    assert outcome.reply.startswith("The same goes for the Business plan."), outcome.reply


async def test_the_max_asked_after_a_question_off_topic_alone_reads_the_domain_before_it(converse):
    # "Can you raise our limit?" is off topic alone, and "what is the max?" after it got the scope reply.
    *_, outcome = await converse("cus_bob", "hello, we are getting 429s", "we are on business",
                                 "can you raise our limit?", "what is the max?")
    assert outcome.intent.label == "technical", outcome.intent
    assert "API rate limits and HTTP 429" in outcome.reply and "support assistant" not in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a new card, and when it is charged

async def test_done_with_the_new_cards_brand_after_the_card_steps_gets_the_card_on_file_checked(converse):
    # "My answer is the same as in my last message" and the failure again.
    _, outcome = await converse("cus_alice", "hey so my card expired and now my payment failed, what do i do",
                                "done, i added a new visa")
    assert "the new card hasn't reached us yet" in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_when_it_is_charged_after_the_new_card_does_not_explain_the_failure_again(converse):
    *_, outcome = await converse("cus_alice", "hey so my card expired and now my payment failed, what do i do",
                                 "done, i added a new visa", "when will it be charged?")
    assert outcome.reply.startswith("We'll try the payment for NW-1003 again by ourselves"), outcome.reply
    assert "didn't go through because" not in outcome.reply


# ---------------------------------------------------------------- seats

async def test_adding_people_to_the_team_gets_the_team_entry_as_the_answer(converse):
    # "I think you're asking about “How do I add team members?”".
    [outcome] = await converse("cus_bob", "we need to add 5 more people to our team")
    assert outcome.reply.startswith("Go to **Settings → Team → Invite**"), outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_bob", ("we need to add 5 more people to our team", "is there a limit?", "how much per seat?")),  # team entry
    ("cus_alice", ("do you charge per user?",)),
])
async def test_a_price_per_seat_is_said_to_be_ungiven_with_the_plans_prices_and_the_member_counts(
        converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre doesn't mention a price per seat or per team member"), outcome.reply
    assert "It prices each plan by the month: We have three plans" in outcome.reply
    assert "On team members it says: Free and Pro accounts can invite up to 3 members" in outcome.reply


# ---------------------------------------------------------------- other providers

async def test_a_visitor_comparing_us_with_another_host_is_welcomed_with_the_plans(converse):
    # "Hi there! What can I help you with today?", as if nothing were said.
    [outcome] = await converse(None, "I'm comparing you with vercel")
    assert outcome.reply.startswith("Glad you're considering us! We have three plans"), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "plans"), [
    (None, ("what makes you different?",), True),                                   # "not enough information"
    ("cus_alice", ("why should I choose you over heroku?",), True),
    (None, ("I'm comparing you with vercel", "what makes you different?"), False),  # the plans just listed
])
async def test_how_we_compare_with_other_providers_is_said_to_be_unsaid(converse, customer, turns, plans):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre doesn't compare Northwind Cloud with other providers"), \
        outcome.reply
    assert ("We have three plans" in outcome.reply) is plans
    assert "enough information" not in outcome.reply


# ---------------------------------------------------------------- a certificate's time, and old invoices

async def test_how_long_until_the_certificate_is_ready_says_the_guide_gives_no_time_not_the_scaling_guides(converse):
    # The same guide again; then, read as a how-long, the scaling guide's "apps sleep after 30 minutes" (its "30"
    # shared with "renew 30 days before").
    _, outcome = await converse("cus_alice", "my domain shows not secure", "how long until the certificate is ready?")
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't say how long that takes"), outcome.reply
    assert "Scaling and cold starts" not in outcome.reply


async def test_fixing_the_old_invoices_after_the_company_name_steps_says_they_stay_as_issued(converse):
    # Out of scope at 0.68: the scope reply.
    *_, outcome = await converse("cus_bob", "our invoice shows the wrong company name", "it should be Acme Ltd",
                                 "can you fix the old ones too?")
    assert outcome.reply.startswith("Not on invoices already issued, as our help centre puts it: They appear on every "
                                    "invoice issued after you save them."), outcome.reply


async def test_old_invoices_asked_for_are_still_listed(converse):
    [outcome] = await converse("cus_bob", "show me my old invoices")
    assert outcome.reply.startswith("Here are your most recent invoices:"), outcome.reply


# ---------------------------------------------------------------- a sleeping app: normal, and what it costs to avoid

async def test_is_that_normal_after_the_entry_on_sleeping_apps_is_yes_as_it_says(converse):
    # The scaling guide's steps, as if a fault were reported.
    _, outcome = await converse("cus_carol", "why is my app so slow", "is that normal?")
    assert outcome.reply.startswith("Yes, that's how it works, as our help centre says: Apps on the Free plan sleep "
                                    "after 30 minutes without traffic"), outcome.reply
    assert "Scaling" not in outcome.reply


async def test_is_that_normal_after_a_guide_is_not_answered_yes(converse):
    _, outcome = await converse("cus_alice", "my deploy failed", "is that normal?")
    assert not outcome.reply.startswith("Yes, that's how it works"), outcome.reply


async def test_how_much_to_fix_a_sleeping_app_is_the_plans_it_does_not_happen_on_with_their_prices(converse):
    # The plans' whole list.
    *_, outcome = await converse("cus_carol", "why is my app so slow", "is that normal?", "how much to fix it")
    assert outcome.reply.startswith("Apps on Pro and Business never sleep. Pro is $29.00 a month and Business $99.00."), \
        outcome.reply


# ---------------------------------------------------------------- a new question the guide just given doesn't answer

@pytest.mark.parametrize(("turns", "guide"), [
    (("how do I set an environment variable?", "do I need to redeploy?", "how do I redeploy?"),
     "Environment variables and secrets"),
    # ("How many instances can I have on pro?" after it is now told no plan's figure is given: the twenty-third walk.)
    (("how do I scale my app?", "can I scale by cpu usage?"), "Scaling and cold starts"),
])
async def test_a_new_question_whose_answer_would_be_the_same_guide_is_told_the_guide_is_all_there_is(
        converse, turns, guide):
    # "My answer is the same as in my last message" and the whole guide again, as if the question were the last one.
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"Our guide “{guide}” in my last message is all our help centre has on that"), \
        outcome.reply
    assert "pass you to a person" in outcome.reply and "1. " not in outcome.reply


async def test_the_same_question_asked_again_still_gets_the_same_answer_said_to_be_the_same(converse):
    _, outcome = await converse("cus_alice", "how do I scale my app?", "how do I scale my app?")
    assert outcome.reply.startswith("My answer is the same as in my last message:"), outcome.reply


# ---------------------------------------------------------------- an authenticator app, and a coming invoice

@pytest.mark.parametrize(("customer", "question"), [
    ("cus_carol", "which app should I use?"),   # technical: "I don't have a guide on that"
    ("cus_alice", "what authenticator do you recommend?"),
])
async def test_which_authenticator_app_is_said_to_be_unnamed_with_the_steps(converse, customer, question):
    _, outcome = await converse(customer, "how do I turn on 2fa?", question)
    assert outcome.reply.startswith("Our help centre doesn't name a particular authenticator app"), outcome.reply
    assert "scan the QR code with an authenticator app" in outcome.reply


async def test_whether_the_vat_number_appears_on_this_months_invoice_is_yes_once_saved(converse):
    # The latest invoice's figures.
    *_, outcome = await converse("cus_bob", "I need an invoice with our VAT number", "GB123456789",
                                 "will it appear on this month's invoice?")
    assert outcome.reply.startswith("If you've saved them by the time it's issued, yes, as our help centre puts it: They "
                                    "appear on every invoice issued after you save them."), outcome.reply


async def test_this_months_invoice_asked_for_is_still_shown(converse):
    [outcome] = await converse("cus_bob", "show me this month's invoice")
    assert outcome.reply.startswith("Invoice NW-2002 is for $99.00"), outcome.reply


# ---------------------------------------------------------------- an upgrade: what is lost, and the limit above

@pytest.mark.parametrize(("customer", "follow_up", "lead", "includes"), [
    # The scope reply, then the invoice list.
    ("cus_alice", "will i lose anything?", "Our help centre doesn't mention losing anything when you upgrade. ",
     "Business includes"),
    # What each way of leaving does (cancelling, deleting the account).
    ("cus_carol", "will i lose my apps?", "", "Pro includes"),
])
async def test_what_an_upgrade_takes_away_is_nothing_the_help_centre_mentions(converse, customer, follow_up, lead,
                                                                               includes):
    _, outcome = await converse(customer, "how do i upgrade", follow_up)
    assert outcome.reply.startswith(f"{lead}The upgrade applies at once"), outcome.reply
    assert includes in outcome.reply and "delete your account" not in outcome.reply


async def test_what_a_downgrade_takes_away_is_still_what_the_plans_above_add(converse):
    _, outcome = await converse("cus_alice", "how do I downgrade?", "will i lose anything?")
    assert outcome.reply.startswith("You're on Pro ($29.00 a month). Moving to Free"), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "said"), [
    # The guide's step "upgrade your plan in **Billing → Plan**" again.
    ("cus_alice", ("what is my api rate limit", "and if i upgrade?"),
     "On Business: the API allows 3,000 requests a minute on Business"),
    ("cus_carol", ("how many apps can I have?", "what if I upgrade?"), "Pro ($29.00 a month) includes up to 10 apps."),
])
async def test_and_if_i_upgrade_asks_the_question_before_of_the_plan_above(converse, customer, turns, said):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(said), outcome.reply


# ---------------------------------------------------------------- a plan recommended, a colleague's account, fees

async def test_which_one_we_recommend_after_plans_were_priced_is_what_each_includes_to_choose_by(converse):
    # Out of scope at 0.78: the scope reply.
    *_, outcome = await converse("cus_carol", "what's included in pro", "and business?",
                                 "which one do you recommend for a small shop?")
    assert outcome.reply.startswith("Which plan suits you depends on what you need, so I won't pick one for you."), \
        outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [
    # Bob's own account told as not locked ("isn't locked — it's active").
    ("cus_bob", ("my colleague cannot log in", "she says her account is locked")),
    # Carol's own lock told, and its unlock offered.
    ("cus_carol", ("my colleague cannot log in", "can you unlock her?")),
])
async def test_a_colleagues_account_after_they_were_said_not_to_get_in_is_not_the_customers_own(
        converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("I can only help with the account you're signed in to"), outcome.reply
    assert "Your account (" not in outcome.reply and not outcome.actions


async def test_a_visitors_question_about_pricing_gets_the_plans(converse):
    # "I don't have enough information".
    [outcome] = await converse(None, "I have a question about pricing")
    assert outcome.reply.startswith("We have three plans"), outcome.reply


@pytest.mark.parametrize(("customer", "message"), [(None, "is there a setup fee?"), ("cus_alice", "any hidden fees?")])
async def test_a_fee_beside_the_plans_prices_is_said_to_be_unmentioned(converse, customer, message):
    # A visitor was asked to sign in.
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't mention a setup fee or any other fee beside the plans' "
                                    "monthly prices"), outcome.reply
    assert "What it says of the prices: We have three plans" in outcome.reply and "sign in" not in outcome.reply.lower()


# ---------------------------------------------------------------- how fast we reply, what is owed, password rules

SUPPORT_HOURS = ("This chat answers around the clock. Our support staff are here Monday to Friday, 08:00 to 20:00 UTC; "
                 "Business customers also get weekend cover for urgent issues.")


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_bob", "how fast do you reply?", "Your plan, Business, includes priority support."),  # the scope reply
    ("cus_alice", "what is your response time?", "Your plan, Pro, includes email support."),   # the scope reply
    (None, "how long until someone responds?", ""),                                          # technical: "no guide"
])
async def test_how_soon_an_answer_comes_is_the_support_hours_and_the_plans_support(converse, customer, message, lead):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(lead or SUPPORT_HOURS), outcome.reply
    assert SUPPORT_HOURS in outcome.reply and outcome.route != "handoff"


async def test_what_is_owed_after_talk_of_a_charge_and_a_refund_is_the_unpaid_invoice(converse):
    # Refund: the refusal of a refund for NW-1002 again.
    *_, outcome = await converse("cus_alice", "ok so I was double charged I think", "no wait, it was a failed payment",
                                 "so do I owe anything?")
    assert outcome.reply.startswith("You have $29.00 outstanding."), outcome.reply
    assert "refund window" not in outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_carol", "whats the password requirements?"),      # that passwords are stored unreadably
    (None, "how long does my password need to be?"),
    ("cus_alice", "can i use a passphrase?"),               # "not enough information"
])
async def test_the_rules_a_password_must_meet_are_said_to_be_undescribed(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't describe the rules a password must meet"), outcome.reply


# ---------------------------------------------------------------- where a refund goes; trying a paid plan first

async def test_where_a_refund_goes_is_the_card_as_the_entry_on_its_timing_says(converse):
    # The duplicate charge described, and an offer to ask for its refund.
    [outcome] = await converse("cus_bob", "hey, quick one: do refunds go back to the original card?")
    assert outcome.reply.startswith("To your card, as our help centre puts it: Once a refund is approved it usually "
                                    "reaches your card"), outcome.reply
    assert not outcome.actions


async def test_a_refund_to_a_card_since_closed_is_said_to_be_unsaid_with_a_person(converse):
    # The card on file.
    _, outcome = await converse("cus_bob", "do refunds go back to the original card?", "what if that card is closed?")
    assert outcome.reply.startswith("Our help centre doesn't say what happens to a refund when the card it goes back to "
                                    "is closed"), outcome.reply


async def test_a_closed_card_asked_of_with_no_refund_in_view_is_still_the_card_on_file(converse):
    _, outcome = await converse("cus_alice", "my card expired", "what if that card is closed?")
    assert outcome.reply.startswith("The card on file is a visa ending 4242"), outcome.reply


async def test_trying_a_paid_plan_first_is_a_trial_the_help_centre_does_not_describe(converse):
    # Off topic: the scope reply.
    [outcome] = await converse("cus_carol", "i want to try pro first")
    assert outcome.reply.startswith("I can't find anything about free trials in our help centre"), outcome.reply


async def test_is_it_on_all_plans_after_the_sla_asks_that_question_of_each_plan(converse):
    # A visitor asked to sign in to see their invoices.
    _, outcome = await converse(None, "do you have an uptime guarantee?", "is it on all plans?")
    assert "The Business plan comes with a 99.95% monthly uptime SLA" in outcome.reply, outcome.reply
    assert "Free and Pro have no SLA" in outcome.reply and "sign in" not in outcome.reply.lower()


async def test_i_did_not_do_anything_after_the_locks_reason_is_read_as_sign_ins_that_were_not_theirs(converse):
    # "There are no invoices on your account yet", as a billing question.
    _, outcome = await converse("cus_carol", "why is my account locked", "I didn't do anything")
    assert "I won't unlock it while someone else may be trying to get in" in outcome.reply, outcome.reply
    assert "no invoices" not in outcome.reply and not outcome.actions


async def test_i_did_not_do_anything_after_another_reply_is_still_read_as_it_is(converse):
    _, outcome = await converse("cus_alice", "why was I charged?", "I didn't do anything")
    assert "someone else may be trying to get in" not in outcome.reply, outcome.reply
