"""What an eighteenth walk through the demo customers' conversations found, each fixed: a question answered with a
guide's troubleshooting steps, every plan's price or the same steps again, where one step, a worked-out figure or a
plain "the help centre doesn't say" answers it. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.about_service import kind_of_app_told
from agents.deploy_downtime import downtime_during_deploys
from agents.facts import IncidentFact
from agents.refund_window import refund_window_for_a_time_reply
from tests.agents.fakes import FakePorts, ctx_for

_HEALTH_CHECK = "4. Add a health check path in **App → Settings** so new instances only get traffic once they are ready."
_ROLL_BACK = "5. Roll back to the last good deploy with **Roll back** while you fix the problem."


@pytest.mark.parametrize("question", ["how do I avoid downtime when deploying?", "zero downtime deploys?",
                                      "can I deploy without downtime?", "does deploying cause downtime?"])
async def test_deploying_without_downtime_is_answered_by_the_health_check_step(converse, question):
    # "No guide on how to do that as such", and the failed deploys guide for what to do when it goes wrong.
    *_, outcome = await converse("cus_bob", question)
    assert outcome.reply.startswith("To keep your app up through a deploy, our guide “Scaling and cold starts” has the "
                                    f"step for it:\n{_HEALTH_CHECK}"), outcome.reply
    assert _ROLL_BACK in outcome.reply and "no guide on how to do that" not in outcome.reply
    assert outcome.reply.endswith("If you get stuck on a step, tell me what you see, or ask for a person and one of our "
                                  "engineers will help.")
    assert {source.title for source in outcome.sources} >= {"Scaling and cold starts", "Failed deploys and build timeouts"}


@pytest.mark.parametrize("report", ["I get 503 errors only during deploys", "we get 502s whenever we deploy",
                                    "my app goes down every time I deploy"])
async def test_errors_only_while_deploying_lead_with_the_health_check_and_the_incident_comes_after(converse, report):
    # The open incident led, then the API errors guide's steps: nothing of what happens while a deploy goes out.
    *_, outcome = await converse("cus_alice", report)
    assert outcome.reply.startswith("When it happens only while a deploy goes out, our guide “Scaling and cold starts” "
                                    f"has the step for it:\n{_HEALTH_CHECK}"), outcome.reply
    assert "Meanwhile, there's also an active incident in eu-west" in outcome.reply
    assert "1. Check status.northwind.cloud" not in outcome.reply


class _NoIncidentPorts(FakePorts):
    async def active_incidents(self) -> list[IncidentFact]:
        return []


@pytest.mark.parametrize("report", ["we get 502s whenever we deploy", "our site is offline for a minute after each deploy"])
async def test_errors_only_while_deploying_without_an_incident_end_by_asking_for_the_error(converse, report):
    *_, outcome = await converse("cus_bob", report, ports=_NoIncidentPorts())
    assert outcome.reply.startswith("When it happens only while a deploy goes out"), outcome.reply
    assert outcome.reply.endswith("If that doesn't fix it, send me the error message you see, or ask for a person and one "
                                  "of our engineers will take a look.")
    assert "incident" not in outcome.reply


@pytest.mark.parametrize("message", ["my build fails when I deploy", "I get errors when I deploy",
                                     "my app is down since my deploy", "is there downtime during the maintenance?",
                                     "do you offer zero downtime?", "avoid downtime", "the api is down, I deployed",
                                     "will there be downtime when I switch dns?"])
def test_a_failed_deploy_or_downtime_without_deploys_is_still_not_downtime_during_deploys(message):
    # A build's error is the failed deploys guide's; one deploy that broke the app is its rollback.
    assert not downtime_during_deploys(message)


async def test_a_failed_build_is_still_answered_by_the_failed_deploys_guide(converse):
    *_, outcome = await converse("cus_alice", "my build fails when I deploy")
    assert "“Failed deploys and build timeouts”" in outcome.reply and "health check" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "question", "count", "plan", "price"), [
    (None, "how much would it cost for 3 apps?", "3 apps", "Pro", "$29.00 a month"),
    ("cus_alice", "how much for 12 apps?", "12 apps", "Business", "$99.00 a month"),
    ("cus_carol", "what would two apps cost?", "two apps", "Pro", "$29.00 a month"),
    (None, "how much for more than 10 apps?", "more than 10 apps", "Business", "$99.00 a month"),
])
async def test_the_price_of_a_number_of_apps_is_the_cheapest_plan_that_allows_them(converse, customer, question, count,
                                                                                     plan, price):
    # Every plan's price came by the FAQ shortcut, with nothing of how many apps each allows.
    *_, outcome = await converse(customer, question)
    assert outcome.route == "resolver", outcome.route
    assert outcome.reply.startswith("Our plans are priced by the month, not per app, and each allows a number of apps."), (
        outcome.reply)
    assert "Free: one app; Pro ($29.00 a month): up to 10 apps; Business ($99.00 a month): unlimited apps." in outcome.reply
    assert outcome.reply.endswith(f"For {count}, the cheapest plan is {plan}, at {price}."), outcome.reply


async def test_a_price_per_app_still_names_no_cheapest_plan(converse):
    *_, outcome = await converse(None, "do you charge per app?")
    assert "priced by the month, not per app" in outcome.reply and "cheapest" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "it's a node app"), ("cus_alice", "we're using django"),
                                                   ("cus_bob", "it is a rails app")])
async def test_the_kind_of_app_told_after_a_guide_is_heard_and_the_steps_are_not_repeated(converse, customer, message):
    # The same four steps again, as if nothing had been said.
    *_, outcome = await converse(customer, "my deploy fails with a build timeout", message)
    assert outcome.reply.startswith("Thanks. Our help centre has nothing written for "), outcome.reply
    assert "the guide from my last message, “Failed deploys and build timeouts”, is what it has on this" in outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply and "pass you to a person" in outcome.reply


async def test_a_kind_of_app_told_after_the_domains_guide_names_that_guide(converse):
    # "I don't have a guide on that": the message alone finds no guide.
    *_, outcome = await converse("cus_bob", "how do I add a custom domain?", "we're using wordpress")
    assert outcome.reply.startswith("Thanks. Our help centre has nothing written for wordpress in particular: the guide "
                                    "from my last message, “Custom domains and DNS”"), outcome.reply


async def test_a_kind_of_app_told_after_whether_one_runs_here_is_still_asked_of_that_kind(converse):
    *_, outcome = await converse("cus_alice", "can you host my node app?", "it's a django app")
    assert "so I can't tell you for certain about a django app" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "kind"), [("it's a node app", "node app"), ("we're using django", "django"),
                                               ("built with rails", "rails"), ("its a python app", "python app"),
                                               ("it's my app", None), ("it's a problem", None),
                                               ("we use american express", None)])
def test_the_kind_of_app_told_is_read_as_put(message, kind):
    assert kind_of_app_told(message) == kind


@pytest.mark.parametrize("message", ["the dns isn't updating", "my domain still doesnt resolve", "it's not propagating"])
async def test_dns_not_updating_after_the_domains_guide_gives_its_wait_and_what_to_check(converse, message):
    # The guide's four steps again, as if unread.
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", message)
    assert outcome.reply.startswith("Our guide “Custom domains and DNS” gives it time:\n4. Wait for DNS to update, usually "
                                    "within an hour; check it with `dig www.example.com`.\nIf it's been longer than "
                                    "that, something else is likely in the way. Check the record against its steps:\n2. "
                                    "At your DNS provider, create a CNAME record"), outcome.reply
    assert "1. In your app, go to" not in outcome.reply and "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_alice", ("how do I get ssl?",)),
    ("cus_bob", ("how do I set up https for my domain?",)),
    ("cus_alice", ("how do I get a certificate for my domain?",)),
    ("cus_carol", ("how do I add a custom domain?", "what about ssl?")),
    ("cus_alice", ("how do I add a custom domain?", "do I get ssl too?")),
    ("cus_alice", ("how do I add a custom domain?", "and https?")),
])
async def test_how_to_get_a_certificate_is_that_there_is_nothing_to_set_up(converse, customer, turns):
    # The certificates guide's troubleshooting steps (CAA records, retrying the certificate), as if one had failed.
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("There's nothing to set up: every app and every custom domain gets a free TLS "
                                    "certificate from Let's Encrypt, issued automatically once the domain's DNS points "
                                    "to us and renewed before it expires."), outcome.reply
    assert outcome.reply.endswith("If something goes wrong with it, our guide “TLS (SSL) certificates” has the steps to "
                                  "sort it out.")
    assert "CAA" not in outcome.reply


async def test_a_certificate_that_fails_still_gets_the_guides_steps(converse):
    *_, outcome = await converse("cus_bob", "my ssl certificate is not working")
    assert "2. Remove CAA records" in outcome.reply and "nothing to set up" not in outcome.reply, outcome.reply


async def test_how_to_add_a_custom_domain_still_gets_its_steps(converse):
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?")
    assert outcome.reply.startswith("Our guide “Custom domains and DNS” covers this."), outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [(None, ("can I run my app in asia?", "how much latency would that add?")),
                                                 ("cus_bob", ("what's the latency between eu-west and us-east?",))])
async def test_latency_is_said_to_be_given_nowhere(converse, customer, turns):
    # Every plan's price, for "how much".
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Our help centre doesn't give latency figures for our regions"), outcome.reply
    assert "$29" not in outcome.reply and "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("customer", "question", "lead", "then"), [
    ("cus_alice", "can I get longer builds?", "You're on the Pro plan: Pro and Business have unlimited deploys and builds "
                                              "of up to 45 minutes.", "No plan allows more than Pro does."),
    ("cus_alice", "can I pay for longer builds?", "You're on the Pro plan:", "No plan allows more than Pro does."),
    ("cus_bob", "can I get builds longer than 45 minutes?", "You're on the Business plan:",
     "No plan allows more than Business does."),
    ("cus_carol", "can I get longer builds?", "You're on the Free plan: Free accounts get 10 deploys a day and builds of "
                                              "up to 15 minutes.", "Pro and Business have unlimited deploys and builds of "
                                                                   "up to 45 minutes."),
])
async def test_longer_builds_asked_for_are_weighed_against_the_build_limit(converse, customer, question, lead, then):
    # The failed deploys guide's steps, as if a build had failed.
    *_, outcome = await converse(customer, question)
    assert outcome.reply.startswith(lead), outcome.reply
    assert then in outcome.reply and "1. Open **App → Deploys**" not in outcome.reply


async def test_more_requests_priced_is_still_not_read_as_longer_builds(converse):
    *_, outcome = await converse("cus_bob", "how much would it cost to get more requests?")
    assert "45 minutes" not in outcome.reply, outcome.reply


async def test_how_many_instances_to_run_is_not_answered_by_the_step_on_running_out_of_memory(converse):
    # "Run" found the fifth step ("an instance that runs out of memory"), given as the step that fits.
    *_, outcome = await converse("cus_bob", "how many instances should I run?")
    assert "The step that fits what you describe" not in outcome.reply, outcome.reply
    assert "1. Go to **App → Scaling** and set the number of instances" in outcome.reply


@pytest.mark.parametrize("report", ["my app keeps running out of memory", "my app keeps crashing"])
async def test_an_app_running_out_of_memory_gets_the_memory_step_and_is_closed_as_a_fault(converse, report):
    # Closed with "if you get stuck on a step", as if a how-to had been asked.
    *_, outcome = await converse("cus_bob", report)
    assert "The step that fits what you describe:\n5. Watch memory in **App → Metrics**" in outcome.reply, outcome.reply
    assert outcome.reply.endswith("If that doesn't fix it, send me the error message you see, or ask for a person and one "
                                  "of our engineers will take a look.")


@pytest.mark.parametrize(("report", "detail"), [("the deploy button doesn't work", "I tried another browser"),
                                                ("the billing page won't load", "it just spins"),
                                                ("the billing page won't load", "same in firefox")])
async def test_what_was_tried_after_a_dashboard_fault_goes_on_with_the_report_for_a_person(converse, report, detail):
    # "I don't have a guide on that in our help centre".
    *_, outcome = await converse("cus_bob", report, detail)
    assert outcome.reply.startswith("Thanks, that helps. As I can't look into our dashboard from this chat, a person from "
                                    "our team needs to take it from here"), outcome.reply
    assert outcome.route == "resolver" and outcome.intent.label == "technical"


async def test_yes_after_a_dashboard_fault_still_passes_to_a_person(converse):
    *_, outcome = await converse("cus_alice", "the billing page won't load", "yes please")
    assert outcome.route == "handoff", outcome.route


@pytest.mark.parametrize(("customer", "turns", "reply"), [
    (None, ("do you offer refunds?", "what if I'm not happy after a month?"),
     "After a month, a charge is past our refund window, so it wouldn't be refunded under our policy: a charge can be "
     "refunded within 14 days of being paid, and a duplicate charge is always refunded, whenever it happened."),
    ("cus_alice", ("what's your refund policy?", "what if it's been 3 weeks?"),
     "After 3 weeks, a charge is past our refund window"),
    ("cus_alice", ("can I get a refund after 20 days?",), "After 20 days, a charge is past our refund window"),
    (None, ("can I get a refund within 30 days?",), "Not for that long: our refund window is 14 days, not 30 days."),
    ("cus_bob", ("can I get a refund after a week?",), "Yes: after a week a charge is still within our refund window"),
])
async def test_a_refund_asked_of_a_length_of_time_is_weighed_against_the_window(converse, customer, turns, reply):
    # The policy again behind "my answer is the same", or the customer's latest charge weighed as if its refund were
    # asked for ("invoice NW-1002 … is outside our 14-day refund window").
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(reply), outcome.reply
    assert "NW-" not in outcome.reply and outcome.actions == []
    assert ("pass you to a person" in outcome.reply) == (customer is not None and "past" in reply)


async def test_a_refund_for_a_charge_paid_weeks_ago_is_still_weighed_for_that_charge(converse):
    *_, outcome = await converse("cus_alice", "I paid 3 weeks ago, can I get a refund?")
    assert "NW-1002" in outcome.reply and "outside our 14-day refund window" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", [
    "It's been a week now and i still havn't seen my refund yet. Can you help?",
    "what if my refund hasn't arrived after 10 days?",
    "can I get a refund in 5 days?",
])
def test_a_refund_waited_for_or_an_arrival_is_still_not_the_window_asked_of_a_time(message):
    assert refund_window_for_a_time_reply(ctx_for(message, None, history=[], run_id="run-1")) is None


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_bob", "what happens if I downgrade to pro?", "You're on Business ($99.00 a month). Moving to Pro, your plan "
                                                       "would no longer have what the plan above it adds"),
    ("cus_alice", "what happens if I downgrade?", "You're on Pro ($29.00 a month). Moving to Free"),
    ("cus_bob", "if I downgrade to pro what happens?", "You're on Business ($99.00 a month). Moving to Pro"),
])
async def test_what_happens_on_a_downgrade_is_what_it_takes_away_and_when(converse, customer, message, lead):
    # The customer's plan and invoice list.
    *_, outcome = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "The downgrade takes effect at the end of your current billing period" in outcome.reply
    assert "NW-" not in outcome.reply


async def test_what_happens_on_a_downgrade_from_free_is_that_there_is_none_to_make(converse):
    *_, outcome = await converse("cus_carol", "what happens if I downgrade?")
    assert outcome.reply.startswith("You're on the Free plan, our smallest, so there's no plan to move down to"), (
        outcome.reply)


@pytest.mark.parametrize(("customer", "message", "lead"), [
    ("cus_alice", "what happens if I upgrade to business?", "You're on Pro ($29.00 a month), which includes up to 10 "
                                                            "apps, custom domains and email support. Business ($99.00 a "
                                                            "month) has everything in Pro, plus"),
    ("cus_carol", "what happens if I upgrade to pro?", "You're on Free, which includes one app"),
])
async def test_what_happens_on_an_upgrade_is_what_it_adds_and_how_it_is_charged(converse, customer, message, lead):
    # The customer's plan and invoice list, or "there are no invoices on your account yet".
    *_, outcome = await converse(customer, message)
    assert outcome.reply.startswith(lead), outcome.reply
    assert "The upgrade applies at once and we charge the difference for the rest of the month." in outcome.reply
    assert "invoice" not in outcome.reply.lower()


async def test_the_old_inbox_out_of_reach_after_the_email_change_is_not_needed_for_it(converse):
    # "Our help centre says: Until you confirm, sign-in and invoices keep using the old address." alone.
    *_, outcome = await converse("cus_alice", "can I change my email to alice@newmail.com?",
                                 "I don't have access to the old one")
    assert outcome.reply.startswith("As you're signed in here, you can change it without the old inbox:"), outcome.reply
    assert "you don't need alice@example.com for it" in outcome.reply


@pytest.mark.parametrize(("message", "kind"), [
    ("im not happy with the service and i wanna file a consumer complaint", "complaint"),
    ("I'm not happy with the service and I want to make a complaint", "complaint"),
    ("can u ask an agent if i could leave a review for a service?", "feedback"),
])
async def test_a_complaint_or_review_asked_for_with_joining_words_is_taken(converse, message, kind):
    # "I don't have enough information to answer that properly" (Bitext's wording: "and", "if" joined the ask).
    (outcome,) = await converse("cus_alice", message)
    lead = ("I'm sorry something has gone wrong. Tell me what happened" if kind == "complaint"
            else "Thank you, we'd like to hear it.")
    assert outcome.reply.startswith(lead), outcome.reply


async def test_a_refund_joined_to_a_complaint_is_still_not_only_a_complaint(converse):
    (outcome,) = await converse("cus_bob", "I want a refund and I want to make a complaint")
    assert not outcome.reply.startswith("I'm sorry something has gone wrong. Tell me what happened"), outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", None])
async def test_how_to_request_an_invoice_is_where_invoices_are_not_the_api_limits(converse, customer):
    # The API rate limits' entry, for "request" (general at 0.60).
    (outcome,) = await converse(customer, "can you tell me how to request an invoice?")
    assert "All your invoices are under **Billing → Invoices**" in outcome.reply, outcome.reply
    assert "requests a minute" not in outcome.reply and outcome.intent.label == "billing"


@pytest.mark.parametrize("message", ["I didn't receive my bill", "I didn't get my invoice this month"])
async def test_an_invoice_not_received_gets_the_list_and_where_they_are_sent_and_kept(converse, message):
    # The list alone.
    (outcome,) = await converse("cus_bob", message)
    assert "Here are your most recent invoices:" in outcome.reply, outcome.reply
    assert "We also email every invoice to your billing address when it is issued." in outcome.reply


async def test_an_invoice_with_the_company_name_is_still_the_details_entry(converse):
    (outcome,) = await converse("cus_bob", "how do I get an invoice with my company name?")
    assert "Billing → Details" in outcome.reply and "Billing → Invoices" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "lead"), [
    ("cus_alice", "Your payment for invoice NW-1003 ($29.00, issued on 2026-11-01) didn't go through because the card "
                  "ending 4242 expired."),
    ("cus_bob", "Invoice NW-2002 was charged twice on 2026-11-15"),
])
async def test_a_problem_when_trying_to_pay_is_what_the_records_show_went_wrong(converse, customer, lead):
    # The invoice list, as if nothing had been reported.
    (outcome,) = await converse(customer, "I have a problem when trying to make a payment and I want to report it")
    assert outcome.reply.startswith(lead), outcome.reply


async def test_how_to_cancel_asked_of_an_agent_is_the_steps_without_not_enough_information_above_them(converse):
    # "I'm sorry, I don't have enough information to answer that properly …", then the steps to cancel.
    (outcome,) = await converse("cus_bob", "could u ask an agent how i can cancel my account, please?")
    assert outcome.reply.startswith("To cancel your subscription: Go to **Billing → Plan**"), outcome.reply
    assert "enough information" not in outcome.reply


async def test_cancelling_beside_a_refund_still_gets_both(converse):
    (outcome,) = await converse("cus_bob", "I want to cancel and get a refund")
    assert outcome.reply.startswith("Invoice NW-2002 was charged twice"), outcome.reply
    assert "To cancel your subscription: Go to **Billing → Plan**" in outcome.reply


async def test_an_error_message_when_attempting_to_pay_is_what_the_records_show(converse):
    (outcome,) = await converse("cus_bob", "i got an error message when i attempted to make a payment, but my card was "
                                           "charged anyway and i wanna inform of it")
    assert outcome.reply.startswith("Invoice NW-2002 was charged twice on 2026-11-15"), outcome.reply


async def test_unlock_asked_again_once_unlocked_is_told_it_is_already(converse):
    # "My answer is the same as in my last message", and the unlock told again.
    *_, outcome = await converse("cus_carol", "I'm locked out", "ok unlock it")
    assert outcome.reply.startswith("It's unlocked already. Your account (carol) is active again"), outcome.reply
    assert "My answer is the same" not in outcome.reply and outcome.actions == []


async def test_why_not_after_the_help_centre_only_describes_another_thing_is_that_it_does_not_say(converse):
    # The invoice list.
    *_, outcome = await converse("cus_alice", "can I add a second card?", "why not?")
    assert outcome.reply.startswith("As our help centre doesn't describe it, I can't tell you whether it can be done"), (
        outcome.reply)


@pytest.mark.parametrize(("customer", "asked", "saving"), [("cus_bob", "can I get a discount if I pay yearly?",
                                                            "how much would I save?"),
                                                           (None, "do you have student discounts?", "what's the discount?")])
async def test_a_saving_asked_after_no_discount_was_found_is_not_guessed(converse, customer, asked, saving):
    # The same reply again, paying yearly and all.
    *_, outcome = await converse(customer, asked, saving)
    assert outcome.reply.startswith("As our help centre mentions no such discount, I can't tell you of any saving"), (
        outcome.reply)
    assert "%" not in outcome.reply and "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("customer", "asked", "detail"), [
    ("cus_alice", "is my data backed up?", "how often?"),
    ("cus_bob", "we need a dpa", "how long does it take?"),
])
async def test_how_often_or_how_long_of_something_the_help_centre_is_silent_on_is_said_to_be_unsaid_too(
        converse, customer, asked, detail):
    # The same reply again behind "my answer is the same", or the entry on where data is stored.
    *_, outcome = await converse(customer, asked, detail)
    assert outcome.reply.startswith("Our help centre doesn't say that either, so I'd rather not guess."), outcome.reply


async def test_how_long_after_a_reply_that_gives_the_time_is_still_that_time(converse):
    *_, outcome = await converse("cus_bob", "how do I add a custom domain?", "how long does it take?")
    assert "within an hour" in outcome.reply and "doesn't say that either" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["are you hiring?", "any jobs at northwind?"])
async def test_jobs_here_are_said_to_be_outside_the_help_centre(converse, message):
    # "I don't have enough information to answer that properly".
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith("I'm Northwind Cloud's support assistant, and our help centre doesn't cover jobs at "
                                    "Northwind"), outcome.reply


async def test_working_with_us_on_something_is_still_not_a_job(converse):
    (outcome,) = await converse("cus_bob", "can I work with you on the migration?")
    assert "jobs" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("rate", ["I'm only making 100 a minute", "I'm only making 100 requests a minute"])
async def test_a_rate_within_the_limit_told_after_a_429_is_not_what_answers_429(converse, rate):
    # The scope reply (out of scope at 0.57), or the guide's steps again.
    *_, outcome = await converse("cus_alice", "my api requests are getting 429", rate)
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro"), outcome.reply
    assert ("What you describe is within that. So that limit alone shouldn't be answering 429. It's counted per account, "
            "so check whether anything else calls the API on your account too.") in outcome.reply
    assert "pass you to a person" in outcome.reply


async def test_a_rate_past_the_limit_told_after_a_429_gets_the_plans_that_allow_it(converse):
    *_, outcome = await converse("cus_carol", "I get 429 errors", "we're doing about 100 requests a minute")
    assert outcome.reply.startswith("You're on the Free plan: the API allows 60 requests a minute on Free"), outcome.reply
    assert "600 requests a minute on Pro" in outcome.reply


async def test_a_rate_needed_with_no_429_is_still_just_within_it(converse):
    (outcome,) = await converse("cus_alice", "I need 100 requests a minute")
    assert "What you describe is within that." in outcome.reply and "shouldn't be answering 429" not in outcome.reply


@pytest.mark.parametrize(("customer", "state"), [
    ("cus_alice", "Your account (alice) is active. We lock an account after five failed sign-ins in a row to keep it safe."),
    ("cus_carol", "Your account (carol) is locked — five failed sign-ins.\n\nTwo-factor"),
])
async def test_how_safe_the_account_is_is_its_state_two_factor_and_what_is_out_of_sight(converse, customer, state):
    # "I don't have enough information to answer that properly" (after the lock, for Carol).
    (outcome,) = await converse(customer, "is my account safe?")
    assert outcome.reply.startswith(state), outcome.reply
    assert "Two-factor authentication is off, so your password alone signs in." in outcome.reply
    assert "Settings → Security → Two-factor authentication" in outcome.reply
    assert "enough information" not in outcome.reply and "pass you to a person" in outcome.reply


async def test_how_safe_an_account_is_asked_by_a_visitor_is_what_keeps_one_safe(converse):
    # The entry on locks alone, by the FAQ shortcut.
    (outcome,) = await converse(None, "is my account safe?")
    assert outcome.route == "resolver", outcome.route
    assert outcome.reply.startswith("I can't see an account's details while you're not signed in. What keeps an account "
                                    "safe"), outcome.reply
    assert "two-factor authentication" in outcome.reply


async def test_a_hacked_account_is_still_a_report_not_how_safe_it_is(converse):
    (outcome,) = await converse("cus_alice", "my account was hacked")
    assert "What keeps an account safe" not in outcome.reply and "Turning it on makes the account safer" not in (
        outcome.reply), outcome.reply


@pytest.mark.parametrize(("customer", "turns"), [(None, ("what is the pro plan?", "and business?",
                                                         "which is better for a small team?")),
                                                 ("cus_alice", ("how much is business?", "which one is best?"))])
async def test_which_is_better_after_plans_were_priced_is_which_plan_to_choose(converse, customer, turns):
    # A visitor was asked to sign in to see their invoices.
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith("Which plan suits you depends on what you need, so I won't pick one for you."), (
        outcome.reply)
    assert "sign in" not in outcome.reply


async def test_which_is_better_with_no_plans_before_is_still_not_a_plan_to_choose(converse):
    *_, outcome = await converse("cus_alice", "my deploy fails with a build timeout", "which is better?")
    assert "Which plan suits you" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("turns", [("my payment failed", "I added a new card", "when will you charge it?",
                                    "will I be charged twice now?"),
                                   ("why did my payment fail?", "will I be charged twice?")])
async def test_whether_the_retry_charges_twice_is_answered_from_the_failed_invoice_and_the_renewal(converse, turns):
    # "I checked your payments and I can't find a duplicate charge", as if one had been reported.
    *_, outcome = await converse("cus_alice", *turns)
    assert outcome.reply.startswith("No: the retry is the payment for NW-1003, which hasn't gone through yet, so it's "
                                    "charged once, when it does."), outcome.reply
    assert "Your Pro plan's renewal on 2026-12-01 ($29.00) is a charge of its own" in outcome.reply
    assert outcome.intent.label == "billing" and outcome.actions == []


async def test_charged_twice_again_after_a_duplicate_is_still_whether_it_happens_again(converse):
    *_, outcome = await converse("cus_bob", "why was I charged twice?", "will I be charged twice again?")
    assert outcome.reply.startswith("Our records mark the second payment as a duplicate, but they don't say what caused "
                                    "it"), outcome.reply


@pytest.mark.parametrize("place", ["is there one in the us?", "what about the uk?"])
async def test_a_place_named_in_two_letters_after_the_regions_is_answered_with_them(converse, place):
    # The scope reply ("us" was too short to be read as a place).
    *_, outcome = await converse(None, "where are your servers?", place)
    assert "us-east (Virginia), eu-west (Ireland) and ap-southeast (Singapore)" in outcome.reply, outcome.reply
    assert "only help with your Northwind account" not in outcome.reply


@pytest.mark.parametrize(("customer", "turns", "lead"), [
    ("cus_alice", ("my build is stuck", "for 50 minutes now"), "Builds may run for up to 45 minutes on your Pro plan, so "
                                                               "one that's been going that long has passed the limit"),
    ("cus_bob", ("my deploy is stuck", "it's been an hour"), "Builds may run for up to 45 minutes on your Business plan"),
])
async def test_how_long_a_stuck_build_has_run_said_alone_is_weighed_against_the_limit(converse, customer, turns, lead):
    # The scope reply ("for 50 minutes now" out of scope at 0.70).
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(lead), outcome.reply
    assert outcome.intent.label == "technical"


async def test_cancel_it_two_messages_after_the_build_is_the_build_not_the_subscription(converse):
    # "No guide", then the steps to cancel the subscription.
    *_, outcome = await converse("cus_alice", "my build is stuck", "for 50 minutes now", "can you cancel it?")
    assert outcome.reply.startswith("I can't stop or cancel a deploy from this chat"), outcome.reply
    assert "Cancel subscription" not in outcome.reply


async def test_a_time_alone_with_no_build_before_is_still_not_a_build(converse):
    *_, outcome = await converse("cus_alice", "how do I add a custom domain?", "for 50 minutes now")
    assert "Builds may run" not in outcome.reply, outcome.reply


async def test_env_vars_not_working_is_closed_as_a_fault(converse):
    (outcome,) = await converse("cus_bob", "my env vars aren't working")
    assert outcome.reply.endswith("If that doesn't fix it, send me the error message you see, or ask for a person and one "
                                  "of our engineers will take a look."), outcome.reply


@pytest.mark.parametrize("message", ["can I transfer an app to another account?", "how do I move my app to a different team?"])
async def test_an_app_moved_to_another_account_is_said_to_be_undescribed(converse, message):
    # "I don't have enough information to answer that properly".
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith("Our help centre doesn't describe moving an app to another account"), outcome.reply


async def test_an_app_moved_to_another_region_is_still_the_regions_reply(converse):
    (outcome,) = await converse("cus_alice", "can I move my app to another region?")
    assert "another account" not in outcome.reply and "us-east (Virginia)" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["can I call you on weekends?", "who can I call for urgent issues?"])
async def test_a_call_asked_of_a_time_is_the_contact_reply_with_the_support_hours(converse, message):
    # The scope reply (out of scope at 0.65-0.81).
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith("I'm afraid I don't have a phone number I can give you for support"), outcome.reply
    assert ("When our support staff are here, as our help centre says: This chat answers around the clock. Our support "
            "staff are here Monday to Friday, 08:00 to 20:00 UTC; Business customers also get weekend cover for urgent "
            "issues.") in outcome.reply
    assert [source.kind for source in outcome.sources] == ["faq"]


async def test_a_phone_number_asked_alone_is_still_the_contact_reply_alone(converse):
    (outcome,) = await converse("cus_alice", "what's your phone number?")
    assert "When our support staff are here" not in outcome.reply and outcome.sources == [], outcome.reply


@pytest.mark.parametrize(("customer", "again", "count"), [("cus_alice", "and for 20?", "20 apps"),
                                                          (None, "what about 12?", "12 apps")])
async def test_another_number_after_the_price_of_a_number_of_apps_is_priced_the_same_way(converse, customer, again,
                                                                                           count):
    # The scope reply ("and for 20?" out of scope at 0.73), or each plan's count with no price weighed.
    *_, outcome = await converse(customer, "how much would it cost for 3 apps?", again)
    assert outcome.reply.startswith("Our plans are priced by the month, not per app"), outcome.reply
    assert outcome.reply.endswith(f"For {count}, the cheapest plan is Business, at $99.00 a month.")


async def test_another_number_after_how_many_apps_is_still_whether_that_many_are_allowed(converse):
    *_, outcome = await converse("cus_alice", "how many apps can I deploy?", "what if I need 20?")
    assert outcome.reply.startswith("No: your plan, Pro, includes up to 10 apps."), outcome.reply


@pytest.mark.parametrize(("message", "step"), [
    ("how do I enable the build cache?", "2. If the build ran out of time, enable the build cache"),
    ("how do I mark a variable as secret?", "2. Mark API keys and passwords as **Secret**"),
])
async def test_a_how_to_one_step_names_gets_that_step_whatever_an_earlier_one_shares(converse, message, step):
    # "No guide on how to do that as such", or every step in order, as the first names "build" or "variable".
    (outcome,) = await converse("cus_alice", message)
    assert f"The step that fits what you describe:\n{step}" in outcome.reply, outcome.reply
    assert "no guide on how to do that" not in outcome.reply


async def test_a_fault_whose_earlier_step_names_it_still_keeps_the_guides_order(converse):
    (outcome,) = await converse("cus_alice", "my api calls get 429")
    assert "The steps that usually sort it out:\n1. Read the `Retry-After` header" in outcome.reply, outcome.reply


async def test_which_value_to_use_of_a_step_that_leaves_it_open_is_said_to_be_unsaid(converse):
    # The scope reply (out of scope at 0.62).
    *_, outcome = await converse("cus_bob", "how do I avoid downtime when deploying?", "what path should I use?")
    assert outcome.reply.startswith("Our guide “Scaling and cold starts” doesn't say which path to use, so I'd rather not "
                                    "guess."), outcome.reply


@pytest.mark.parametrize(("turns", "unsaid"), [
    (("my app fails on start", "which port should I use?"), "which port"),
    (("how do I add a custom domain?", "which record should I use?"), "which record"),
])
async def test_which_value_to_use_of_a_step_that_names_it_is_still_not_said_to_be_unsaid(converse, turns, unsaid):
    # "Listens on the `PORT` environment variable", "a CNAME record", "our A record": the step says which.
    *_, outcome = await converse("cus_alice", *turns)
    assert f"doesn't say {unsaid}" not in outcome.reply, outcome.reply
