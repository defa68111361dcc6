"""Found chatting through the demo customers' conversations a fourth time (stop 35): follow-ups that leaned on the turn
before and got the same reply again, or a reply about something else."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("customer", "asked", "follow_up", "answer"), [
    # Billing at 0.6: the plan's price, then the SLA's whole entry; the uptime guarantee names the SLA only in the reply.
    ("cus_carol", "do you offer an uptime guarantee?", "does that apply to my plan?",
     "No, it doesn't: you're on the Free plan, and Free and Pro have no SLA"),
    ("cus_alice", "what is the sla?", "does it apply to me?", "No, it doesn't: you're on the Pro plan"),
])
async def test_whether_the_sla_applies_is_a_plain_yes_or_no_not_the_answer_again(converse, customer, asked, follow_up,
                                                                                  answer):
    _, outcome = await converse(customer, asked, follow_up)
    assert outcome.intent.label == "technical" and outcome.reply.startswith(answer), outcome.reply
    assert "My answer is the same" not in outcome.reply


async def test_a_visitor_asking_whether_the_sla_applies_is_told_their_plan_decides(converse):
    _, outcome = await converse(None, "what is the sla?", "does it apply to me?")
    assert outcome.reply.startswith("That depends on your plan, which I can't see as you're not signed in: the "
                                    "Business plan comes with a 99.95% monthly uptime SLA"), outcome.reply
    assert "My answer is the same" not in outcome.reply


STATUS_ENTRY = "Our status page at status.northwind.cloud shows every region and component"
BY_EMAIL = "You can subscribe there to updates by email."


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    # "I don't have a guide on that in our help centre" (technical, a panel).
    ("cus_alice", ("is there a status page?", "can I get notified?"), "Yes, by email. Our help centre says: "),
    # "I don't have enough information to answer that properly".
    ("cus_alice", ("is there a status page?", "how do I subscribe?"), "Our help centre says: "),
    # The scope reply.
    ("cus_bob", ("do you send alerts when something is down?",), "Yes, by email. Our help centre says: "),
    # The open incident and the steps of the guide on API errors, as if the customer had reported them.
    ("cus_carol", ("how can I get notified about outages?",), "Our help centre says: "),
])
async def test_asking_to_be_told_of_outages_gets_the_status_pages_email_updates(converse, customer, turns, lead):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead + STATUS_ENTRY) and BY_EMAIL in outcome.reply, outcome.reply
    assert "guide" not in outcome.reply


@pytest.mark.parametrize("turns", [("is anything down right now?", "can you notify me when it is fixed?"),
                                   ("let me know when the incident is resolved",)])
async def test_asking_us_to_say_when_the_incident_is_fixed_says_the_chat_cannot_and_the_status_page_will(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("I can't send you updates from this chat myself, but you can get them by email. "
                                    f"Our help centre says: {STATUS_ENTRY}"), outcome.reply
    assert "That includes the updates on “Elevated API error rates in eu-west” (status: investigating), and when " \
           "it's resolved." in outcome.reply


@pytest.mark.parametrize("message", [
    "can you notify me when my refund arrives?", "email me when my invoice is ready", "can I get alerts when my app goes "
    "down?", "let me know when my deploy finishes", "can I get notified?",
    "mark down that i will be in rome from february 1 to march 1 and notify my bank",
    "can you please let me know the status of my capital one application",
    "My transfer went through, but it seems to be caught up in a pending status, can you give me a status update?",
])
def test_updates_on_the_customers_own_things_or_out_of_the_blue_are_not_the_status_pages(message):
    from agents.service_status import asks_for_status_updates
    from tests.agents.fakes import ctx_for

    assert not asks_for_status_updates(ctx_for(message))


async def test_how_long_after_a_guide_that_gives_no_time_says_so_with_the_guide_that_does(converse):
    # "My answer is the same as in my last message", and the TLS guide's steps again.
    _, outcome = await converse("cus_alice", "how do I set up https for my domain?", "how long does it take?")
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” doesn't say how long that takes, and I'd "
                                    "rather not guess."), outcome.reply
    assert "Our guide “Custom domains and DNS” says: Wait for DNS to update, usually within an hour" in outcome.reply
    assert "pass you to a person" in outcome.reply and "My answer is the same" not in outcome.reply
    # The renewal's "30 days before they expire" is no wait.
    assert "30 days" not in outcome.reply


async def test_how_long_after_the_upgrades_steps_is_that_it_applies_at_once(converse):
    # "Our help centre doesn't say how long that takes", quoting the entry that says it applies at once.
    _, outcome = await converse("cus_alice", "how do I upgrade my plan?", "how long does it take?")
    assert outcome.reply.startswith("The upgrade applies at once"), outcome.reply


@pytest.mark.parametrize(("text", "takes"), [
    ("Wait for DNS to update, usually within an hour.", True),
    ("The upgrade applies at once and we charge the difference.", True),
    ("Reset your password from the sign-in page to unlock it straight away.", True),
    ("Certificates renew 30 days before they expire.", False),
    ("We email you a download link that works for 7 days.", False),
    ("Business accounts can run an app in several regions at once.", False),
])
def test_a_time_taken_is_told_apart_from_other_times(text, takes):
    from agents.providers.offline.reply_base import TAKES

    assert bool(TAKES.search(text)) is takes


@pytest.mark.parametrize(("customer", "message", "plan"), [
    # The team's entry as a guess ("enter your colleague's email").
    ("cus_alice", "my colleague recommended you", "you're on the Pro plan at $29.00 a month."),
    # "I don't have enough information".
    ("cus_carol", "a friend told me about northwind", "you're on the Free plan, which costs nothing."),
    ("cus_bob", "I'm interested in your service", "you're on the Business plan at $99.00 a month."),
])
async def test_a_customer_who_heard_of_us_is_told_they_have_an_account_and_asked_what_they_need(converse, customer,
                                                                                             message, plan):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"Glad to hear it! You already have an account with us: {plan}"), outcome.reply
    assert "What can I help you with?" in outcome.reply and "team members" not in outcome.reply


CHANGE_ENTRY = "Our help centre says: Go to **Settings → Profile**, enter the new address and confirm it from the link"


@pytest.mark.parametrize(("customer", "message", "says"), [
    # The two-factor steps (a "verification" code), signed in.
    ("cus_alice", "I didn't get the verification email",
     "If it's the link to confirm a new email address, it goes to the new address you entered, not to the one on your "
     f"account now (alice@example.com). {CHANGE_ENTRY}"),
    ("cus_bob", "I changed my email but didn't get the confirmation link",
     f"The link to confirm a new address goes to the new address you entered, not to the one on your account now "
     f"(bob@example.com). {CHANGE_ENTRY}"),
    # "I don't have enough information".
    (None, "I signed up but never got the confirmation email",
     "Our help centre doesn't describe the email sent when you sign up, so I can't tell you more about it from here."),
])
async def test_a_confirming_email_that_never_came_is_answered_with_where_it_goes_and_a_person(converse, customer,
                                                                                           message, says):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"I'm sorry it hasn't arrived. {says}"), outcome.reply
    assert "Check the spam folder of that inbox too" in outcome.reply and "pass you to a person" in outcome.reply
    assert "Two-factor" not in outcome.reply


@pytest.mark.parametrize(("follow_up", "step"), [
    # The TLS guide's steps ("encrypted" found it), as if nothing had been asked before.
    ("are they encrypted?", "2. Mark API keys and passwords as **Secret**: they are encrypted and hidden"),
    ("do they work at build time?", "3. Tick **Available at build time** for variables your build step needs"),
])
async def test_a_question_of_them_after_a_guide_is_answered_from_its_steps(converse, follow_up, step):
    _, outcome = await converse("cus_alice", "how do I add environment variables?", follow_up)
    assert outcome.reply.startswith("The guide from my last message, “Environment variables and secrets”, says this "
                                    f"about it:\n{step}"), outcome.reply


@pytest.mark.parametrize(("customer", "answer"), [
    # The custom domains guide ("custom", technical at 0.5), and signed out the team's entry as a guess.
    ("cus_bob", "Yes: you're on Business, and our help centre says: Business accounts have no limit and can use custom "
                "roles."),
    ("cus_alice", "Not on your plan: you're on Pro, and our help centre says: Business accounts have no limit and can "
                  "use custom roles."),
    (None, "Our help centre says: Business accounts have no limit and can use custom roles."),
])
async def test_whether_custom_roles_can_be_set_is_answered_for_the_customers_plan(converse, customer, answer):
    (outcome,) = await converse(customer, "can I set custom roles?")
    assert outcome.reply == answer


@pytest.mark.parametrize(("customer", "turns", "says"), [
    # The API rate limits' guide, for "limit" in the question before.
    ("cus_bob", ("our builds keep timing out", "what's the limit?", "can it be increased?"),
     "No plan allows more than Business does."),
    # The failed deploys guide's steps.
    ("cus_carol", ("how many deploys can I do?", "can it be increased?"),
     "Pro and Business have unlimited deploys and builds of up to 45 minutes."),
])
async def test_a_limit_asked_to_be_increased_is_the_limit_just_given(converse, customer, turns, says):
    *_, outcome = await converse(customer, *turns)
    assert says in outcome.reply and "Retry-After" not in outcome.reply, outcome.reply
    assert "read the build log" not in outcome.reply


@pytest.mark.parametrize("message", ["can it be increased?", "could that be extended?", "is it possible to raise it?"])
def test_a_limit_asked_to_be_raised_in_the_passive_is_more_of_it(message):
    from agents.follow_ups.leaning_back import asks_for_more

    assert asks_for_more(message)


async def test_a_limit_said_to_be_hit_is_the_limit_just_given_with_the_plans_above(converse):
    # The API rate limits' guide, for "limit", after the deploys' limit.
    _, outcome = await converse("cus_carol", "how many deploys can I do?", "I hit the limit, what now?")
    assert outcome.reply.startswith("You're on the Free plan: Free accounts get 10 deploys a day"), outcome.reply
    assert "Pro and Business have unlimited deploys and builds of up to 45 minutes." in outcome.reply
    assert "Retry-After" not in outcome.reply


@pytest.mark.parametrize(("message", "hit"), [
    ("I hit the limit, what now?", True), ("we've reached it", True), ("we just maxed out the quota", True),
    ("I hit my head", False), ("we reached the end of the month", False),
])
def test_a_limit_said_to_be_hit_is_told_apart(message, hit):
    from agents.follow_ups.service import says_it_hit_the_limit

    assert says_it_hit_the_limit(message) is hit


@pytest.mark.parametrize("asked", ["will you retry the payment?", "are you going to retry it?"])
async def test_whether_a_failed_payment_will_be_retried_is_when_it_will(converse, asked):
    # "My answer is the same": why it failed again.
    _, outcome = await converse("cus_alice", "why did my payment fail?", asked)
    assert outcome.reply.startswith("We'll try the payment for NW-1003 again by ourselves once a new card is saved"), \
        outcome.reply
    assert "We retry any failed invoice on the new card within a day." in outcome.reply


NEEDS_A_MOVE = ("You're on the Free plan, so you'd need to move to Pro or Business first: you can change plan under "
                "**Billing → Plan**.")


@pytest.mark.parametrize("asked", ["can I use a custom domain?", "how do I add a custom domain?"])
async def test_a_free_customer_asking_about_custom_domains_is_told_the_plan_must_change_first(converse, asked):
    # The entry's steps, or the guide's, as if Free could take them.
    (outcome,) = await converse("cus_carol", asked)
    assert NEEDS_A_MOVE in outcome.reply and "Custom domains are on Pro and Business." in outcome.reply, outcome.reply


async def test_a_customer_on_a_plan_with_custom_domains_is_not_told_to_move(converse):
    (outcome,) = await converse("cus_alice", "can I use a custom domain?")
    assert "you'd need to move" not in outcome.reply and "**Settings → Domains → Add domain**" in outcome.reply


@pytest.mark.parametrize("why", ["why not?", "how come?"])
async def test_why_a_plan_is_needed_says_the_help_centre_does_not_say_with_the_move_and_a_person(converse, why):
    # "I don't have a guide on that".
    _, outcome = await converse("cus_carol", "can I use a custom domain?", why)
    assert outcome.reply == (
        "Our help centre says custom domains are on Pro and Business, but not why, and I'd rather not guess. If you'd "
        "like custom domains, you can move to Pro or Business under **Billing → Plan**; or, if you'd like to know "
        "more, I can pass you to a person from our team."), outcome.reply


async def test_why_after_a_guide_with_a_step_on_the_customers_plan_gives_that_step_as_the_likeliest_reason(converse):
    # The guide's steps again.
    _, outcome = await converse("cus_carol", "my app is slow to load", "why?")
    assert outcome.reply.startswith("I can't see your app from here, so I can't say for sure. As you're on Free, the "
                                    "likeliest reason our guide “Scaling and cold starts” gives is this:\n2. Keep a "
                                    "minimum of one instance to avoid cold starts; on Free, apps sleep"), outcome.reply
    assert "Our help centre says: apps on the Free plan sleep after 30 minutes without traffic" in outcome.reply


async def test_why_after_a_guide_on_a_fault_says_the_reason_cannot_be_seen_from_here(converse):
    _, outcome = await converse("cus_alice", "my app is slow to load", "why?")
    assert outcome.reply.startswith("I can't see your app from here, so I can't tell you why it happens. The steps "
                                    "from our guide “Scaling and cold starts” in my last message go through the usual "
                                    "reasons."), outcome.reply


async def test_a_region_named_with_only_after_an_incident_decides_whether_it_is_the_cause(converse):
    # "I don't have a guide on that".
    _, outcome = await converse("cus_alice", "my api calls return 502", "only in eu-west")
    assert outcome.reply.startswith("Then the incident is very likely the cause: “Elevated API error rates in eu-west” "
                                    "is open in eu-west"), outcome.reply


@pytest.mark.parametrize("turns", [
    # "I don't have a guide on that one either".
    ("my api calls return 502", "only in eu-west", "how long has it been going on?"),
    # The scope reply.
    ("is anything down?", "since when?"),
])
async def test_when_the_incident_just_told_began_is_answered(converse, turns):
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("“Elevated API error rates in eu-west” started at 2026-11-24 08:00 UTC and is "
                                    "still open (status: investigating)."), outcome.reply


async def test_since_when_with_no_incident_told_is_not_read_as_the_incidents_start(converse):
    from agents.service_status import asks_when_the_incident_began
    from tests.agents.fakes import ctx_for

    assert not asks_when_the_incident_began(ctx_for("since when?"))
    _, outcome = await converse("cus_alice", "my app is slow", "since when?")
    assert "started at" not in outcome.reply


ENCRYPTION_NOT_DESCRIBED = "Our help centre doesn't say how your stored data is encrypted, so I'd rather not guess."


@pytest.mark.parametrize(("customer", "turns"), [
    # "I don't have enough information", the scope reply, and the answer on where data is kept again.
    ("cus_alice", ("is my data encrypted?",)),
    (None, ("do you encrypt data at rest?",)),
    ("cus_carol", ("is my data safe with you?", "do you encrypt it?")),
])
async def test_whether_stored_data_is_encrypted_is_said_to_be_undescribed_with_the_certificates_and_a_person(
        converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(ENCRYPTION_NOT_DESCRIBED), outcome.reply
    assert "Every app and every custom domain gets a free TLS certificate" in outcome.reply
    assert "pass you to a person" in outcome.reply and "My answer is the same" not in outcome.reply


@pytest.mark.parametrize("message", ["are my environment variables encrypted?", "is https traffic encrypted?",
                                     "how much data can I store?"])
def test_encryption_of_what_a_guide_or_entry_covers_is_not_asked_of_stored_data(message):
    from agents.data_protection import data_protection_asked

    assert "encryption" not in data_protection_asked(message)


@pytest.mark.parametrize(("customer", "message", "name"), [
    # "I don't have enough information".
    ("cus_alice", "can I change my username?", "username"),
    # The entry on the company name on invoices.
    ("cus_alice", "how do I change my name?", "name"),
    (None, "can I change my display name", "display name"),
])
async def test_a_name_asked_to_change_is_said_to_be_undescribed_with_the_email_change_and_a_person(converse, customer,
                                                                                                 message, name):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"Our help centre doesn't describe changing your {name}, so I'd rather not guess."), \
        outcome.reply
    assert "your account's email address: Go to **Settings → Profile**" in outcome.reply
    assert f"A person from our team can look at changing your {name} with you" in outcome.reply
    assert "Billing → Details" not in outcome.reply


@pytest.mark.parametrize("message", ["how do I change my company name?", "change the name on my card",
                                     "how do I change my domain name?"])
def test_a_company_card_or_domain_name_is_not_the_accounts_own(message):
    from agents.own_data import own_name_asked_to_change

    assert own_name_asked_to_change(message) is None


async def test_how_to_set_up_what_an_entry_only_says_can_be_done_is_said_to_be_undescribed_with_a_person(converse):
    # The plan and the invoice list.
    _, outcome = await converse("cus_bob", "can we pay by invoice?", "how do we set that up?")
    assert outcome.reply.startswith("Our help centre doesn't say how to set that up, so I'd rather not guess. What it "
                                    "says is: Business customers can also pay yearly by bank transfer against an "
                                    "invoice."), outcome.reply
    assert "pass you to a person" in outcome.reply and "most recent invoices" not in outcome.reply


async def test_how_to_do_what_an_entry_gives_steps_for_is_still_its_steps(converse):
    _, outcome = await converse("cus_alice", "how do I change my card?", "how do I do that?")
    assert "doesn't say how" not in outcome.reply and "**Replace card**" in outcome.reply, outcome.reply


@pytest.mark.parametrize("asked", ["how much will I pay today?", "what will I pay now?"])
async def test_what_a_move_costs_today_is_the_plans_price_and_how_the_change_is_billed(converse, asked):
    # "You're on the Free plan, which costs nothing."
    _, outcome = await converse("cus_carol", "I want to upgrade to pro", asked)
    assert outcome.reply.startswith("Pro costs $29.00 a month."), outcome.reply
    assert "we charge the difference for the rest of the month" in outcome.reply


@pytest.mark.parametrize(("turns", "steps"), [
    # "I don't have a guide on that", both.
    (("how do I add a custom domain?", "I use godaddy"),
     ("GoDaddy", "“Custom domains and DNS”", "2. At your DNS provider, create a CNAME record")),
    (("my site shows a certificate error", "I'm using cloudflare"),
     ("Cloudflare", "“TLS (SSL) certificates”", "4. If browsers warn that the certificate is not trusted, clear any "
                                                "proxy")),
])
async def test_a_dns_provider_named_after_a_guide_gets_its_steps_done_at_the_provider(converse, turns, steps):
    provider, guide, step = steps
    _, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"Our help centre has no guide for {provider} in particular, but the steps in our "
                                    f"guide {guide} that are done at your DNS provider"), outcome.reply
    assert step in outcome.reply and "**Settings → Domains**" not in outcome.reply


@pytest.mark.parametrize(("message", "provider"), [
    ("I use godaddy", "GoDaddy"), ("we're on route 53", "Route 53"), ("can I pay with cloudflare?", None),
    ("how do I point my namecheap domain at my app so it loads?", None),
])
def test_a_dns_provider_is_read_from_a_short_follow_up_only(message, provider):
    from agents.dns_providers import dns_provider_named

    assert dns_provider_named(message) == provider


@pytest.mark.parametrize("message", ["my custom domain says not secure",
                                     "chrome says your connection is not private on my site"])
async def test_what_a_browser_shows_for_an_untrusted_certificate_finds_the_tls_guide(converse, message):
    # The custom domains guide led ("domain"), or no guide at all.
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith("Our guide “TLS (SSL) certificates” covers this. The step that fits what you "
                                    "describe:\n4. If browsers warn that the certificate is not trusted"), outcome.reply


@pytest.mark.parametrize(("customer", "turns", "says"), [
    # The reset's first step again, and "I don't have enough information".
    (None, ("I forgot my password", "it says there's no account with that email"),
     "Then that address may not be the one your account uses"),
    (None, ("the reset page says user not found",), "Then that address may not be the one your account uses"),
    ("cus_alice", ("I forgot my password", "it says email not found"),
     "The email address on your account is alice@example.com: that's the one to enter"),
])
async def test_no_account_found_for_an_address_gets_which_address_to_try_and_a_person(converse, customer, turns, says):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(says) and "pass you to a person" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "says"), [
    ("it says there's no account with that email", True), ("email not found", True),
    ("it doesn't recognise my email", True), ("there's no account page", False), ("my invoice was not found", False),
])
def test_no_account_found_for_an_address_is_told_apart(message, says):
    from agents.own_data import says_no_account_has_the_address

    assert says_no_account_has_the_address(message) is says


async def test_do_it_after_a_downgrade_discussed_never_calls_pro_the_lowest_plan(converse):
    # Priced from the entries at hand alone (the upgrade's "choose Pro ($29/month) or Business ($99/month)"), Free was
    # missing: "There's nothing for me to change there … Pro is our lowest plan".
    *_, outcome = await converse("cus_alice", "I want to downgrade to free", "what will happen to my custom domain?",
                                 "and my apps?", "ok do it")
    assert "lowest plan" not in outcome.reply and "nothing for me to change" not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("I'm sorry, I can't downgrade your plan myself")


@pytest.mark.parametrize(("message", "kind"), [
    # "I don't have enough information", twice, and "I don't have a guide on that".
    ("what can I run on northwind?", "which are supported"), ("what can I host here?", "which are supported"),
    ("is node supported?", "for certain about node"),
])
async def test_what_runs_here_asked_in_other_words_is_said_to_be_unlisted(converse, message, kind):
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith("Our help centre doesn't list the languages, frameworks or kinds of app that run on "
                                    f"Northwind Cloud, so I can't tell you {kind}"), outcome.reply


def test_a_card_brand_asked_if_supported_is_not_a_kind_of_app():
    from agents.about_service import kind_of_app_asked

    assert kind_of_app_asked("Is American Express supported for adding funds?") is None


@pytest.mark.parametrize(("customer", "message"), [
    # The steps to replace a card, and that invoices can't be seen signed out.
    (None, "do I need a credit card?"), (None, "do I need a credit card to sign up?"),
    ("cus_carol", "can I use it without a card?"),
])
async def test_whether_a_card_is_needed_is_said_to_be_undescribed_with_the_free_plan_and_payment_methods(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith("Our help centre doesn't say whether you need a card to sign up or to use the Free "
                                    "plan, so I'd rather not guess."), outcome.reply
    assert "The Free plan costs $0" in outcome.reply and "We accept Visa, Mastercard and American Express" in \
        outcome.reply
    assert "Replace card" not in outcome.reply and outcome.reply.count("pass you to a person") == 1


@pytest.mark.parametrize("message", ["my daughter needs a card, how do i add her?", "do I need to replace my card?"])
def test_a_card_of_ones_own_is_not_whether_one_is_needed(message):
    from agents.service_terms import asks_if_a_card_is_needed

    assert not asks_if_a_card_is_needed(message)


@pytest.mark.parametrize("message", ["how do I get started?", "how do I get started with northwind?"])
async def test_a_visitor_asking_how_to_get_started_is_welcomed_with_the_plans(converse, message):
    # The scope reply, or the scaling guide's steps for "start".
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith("Glad you're considering us! We have three plans"), outcome.reply
    assert "What would you like to know?" in outcome.reply


async def test_a_customer_asking_how_to_get_started_is_told_they_have_an_account(converse):
    (outcome,) = await converse("cus_alice", "how do I get started?")
    assert outcome.reply.startswith("You already have an account with us: you're on the Pro plan"), outcome.reply


async def test_how_to_get_started_after_another_question_is_no_welcome(converse):
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", "how do I get started?")
    assert "already have an account" not in outcome.reply and "Glad" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("turns", "prices"), [
    # The custom domains guide again; then every plan's price (the entry on plans), Free's too.
    (("can I use a custom domain?", "how much would that cost?"),
     "Pro costs $29.00 a month and Business costs $99.00 a month."),
    # "I don't have a guide on that".
    (("can I use a custom domain?", "why not?", "how much will I pay today?"),
     "Pro costs $29.00 a month and Business costs $99.00 a month."),
])
async def test_what_it_costs_after_being_told_which_plans_have_it_is_their_prices(converse, turns, prices):
    *_, outcome = await converse("cus_carol", *turns)
    assert prices in outcome.reply and "CNAME" not in outcome.reply, outcome.reply
    assert "I don't have a guide" not in outcome.reply


@pytest.mark.parametrize("follow_up", ["we need it for the last three months", "can you update the old invoices too?"])
async def test_invoice_details_wanted_on_invoices_already_issued_get_that_they_reach_later_ones_and_a_person(
        converse, follow_up):
    # The entry again, as a repeat.
    _, outcome = await converse("cus_bob", "can I get an invoice with our VAT number?", follow_up)
    assert outcome.reply.startswith("Not on invoices already issued, as our help centre puts it: They appear on every "
                                    "invoice issued after you save them."), outcome.reply
    assert "pass you to a person" in outcome.reply and "My answer is the same" not in outcome.reply


@pytest.mark.parametrize("stated", ["we're on business", "we're on business though"])
async def test_a_plan_stated_after_a_technical_question_keeps_its_topic(converse, stated):
    # The plan's price and the invoice list (read with the plan named, the question before was billing's), or no guide.
    _, outcome = await converse("cus_bob", "we're seeing 429 errors", stated)
    assert outcome.intent.label == "technical" and "API rate limits and HTTP 429" in outcome.reply, outcome.reply
    assert "most recent invoices" not in outcome.reply


@pytest.mark.parametrize(("customer", "chosen"), [("cus_carol", "I'll take pro"), (None, "I'll go with pro")])
async def test_a_plan_chosen_by_name_after_a_comparison_gets_the_steps_to_move(converse, customer, chosen):
    # The scope reply, and "I don't have enough information".
    _, outcome = await converse(customer, "what's the difference between free and pro?", chosen)
    assert "Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm." in outcome.reply, \
        outcome.reply


@pytest.mark.parametrize(("turns", "guide"), [
    # The guide again, each ("my answer is the same" for the CNAME).
    # How long a build has run is weighed against the plan's build limit (the eleventh walk's tests).
    (("my deploy is stuck", "it's been like this since this morning"), "Failed deploys and build timeouts"),
    (("my domain isn't verifying", "I added the CNAME yesterday"), "Custom domains and DNS"),
    (("my deploy failed", "we tried that already"), "Failed deploys and build timeouts"),
])
async def test_how_long_it_has_gone_on_or_a_step_taken_after_a_guide_offers_a_person_not_the_guide_again(converse,
                                                                                                      turns, guide):
    _, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith(f"Thanks, that helps. If the steps in our guide “{guide}” haven't sorted it out"), \
        outcome.reply
    assert "pass you to a person" in outcome.reply and "1. " not in outcome.reply


async def test_cancel_that_right_after_a_refund_was_asked_for_says_where_it_stands_and_offers_a_person(converse):
    # "No problem, I'll leave it there", as if nothing had been asked for.
    _, outcome = await converse("cus_bob", "refund the duplicate please", "actually cancel that")
    assert outcome.reply.startswith("The refund for invoice NW-2002 (reference RF-0001, $99.00) is waiting for a member "
                                    "of our staff to approve it."), outcome.reply
    assert "I can't withdraw a refund request myself, but a person from our team can" in outcome.reply
    # Nor is "cancel that" the subscription: the steps to cancel it were added after.
    assert "Cancel subscription" not in outcome.reply


async def test_letting_the_refund_go_on_after_taking_it_back_says_where_it_stands(converse):
    # The steps to cancel the subscription, for the "cancel that" before it.
    *_, outcome = await converse("cus_bob", "refund the duplicate please", "actually cancel that",
                                 "ok never mind, go ahead with it")
    assert outcome.reply.startswith("A refund for invoice NW-2002 has already been requested (reference RF-0001, "
                                    "$99.00) and is waiting for a member of our staff to approve it"), outcome.reply
    assert "Cancel subscription" not in outcome.reply


async def test_never_mind_after_anything_else_is_still_acknowledged(converse):
    _, outcome = await converse("cus_alice", "how do I add a custom domain?", "actually never mind")
    assert outcome.reply.startswith("No problem, I'll leave it there."), outcome.reply


@pytest.mark.parametrize("taken_back", ["no I wasn't, sorry", "my mistake"])
async def test_a_mistake_owned_after_a_duplicate_not_found_is_acknowledged(converse, taken_back):
    # "I don't have enough information".
    _, outcome = await converse("cus_alice", "I was charged twice", taken_back)
    assert outcome.reply.startswith("No problem, I'll leave it there."), outcome.reply


@pytest.mark.parametrize("another", ["ok what about september?", "and september?"])
async def test_another_month_after_a_refund_refused_and_argued_is_that_months_refund(converse, another):
    # "I don't have a guide on that" beside the invoice, and "I don't have enough information".
    *_, outcome = await converse("cus_alice", "refund my october invoice", "why not?", another)
    assert outcome.intent.label == "refund" and outcome.reply.startswith(
        "I'm sorry — invoice NW-1001 ($29.00), paid on 2026-09-01, is outside our 14-day refund window"), outcome.reply
