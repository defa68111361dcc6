"""What a nineteenth walk through the demo customers' conversations found, each fixed: a plan change that names no plan
answered with the invoice list, a value the steps name answered "no guide", a detail or a step done answered with the
same steps again, and the place of a step said twice. Names with "still" are guards that held before the fix too."""

from __future__ import annotations

import pytest

from agents.follow_ups.go_aheads import step_said_done
from agents.one_place_only import one_place_said
from agents.service_terms import asks_to_change_plan_unnamed

_UPGRADE = ("Go to **Billing → Plan**, choose Pro ($29/month) or Business ($99/month) and confirm. The upgrade applies at "
            "once and we charge the difference for the rest of the month.")
_DOWNGRADE = ("Go to **Billing → Plan** and choose the smaller plan. The downgrade takes effect at the end of your current "
              "billing period, so you keep your current features until then.")


# ---------------------------------------------------------------- a change of plan that names no plan

@pytest.mark.parametrize("question", ["how do I change my plan?", "I want to change my plan", "can I switch plans?",
                                      "change plan", "how can I change my subscription?"])
async def test_a_plan_change_naming_no_plan_is_both_ways_from_the_customers_plan(converse, question):
    # The plan and the invoice list ("can I switch plans?": the upgrade's entry alone, by the FAQ shortcut).
    (outcome,) = await converse("cus_alice", question)
    assert outcome.reply.startswith("You're on the Pro plan at $29.00 a month. You can change it yourself from your "
                                    "account: upgrade to Business, or downgrade to Free."), outcome.reply
    assert f"To upgrade: {_UPGRADE}" in outcome.reply and f"To downgrade: {_DOWNGRADE}" in outcome.reply
    assert "NW-1003" not in outcome.reply and outcome.route == "resolver"


@pytest.mark.parametrize(("customer", "opening", "steps"), [
    ("cus_bob", "You're on the Business plan at $99.00 a month. You can change it yourself from your account: downgrade "
                "to Pro or Free.", f"Here's how: {_DOWNGRADE}"),
    ("cus_carol", "You're on the Free plan, which costs nothing. You can change it yourself from your account: upgrade to "
                  "Pro or Business.", f"Here's how: {_UPGRADE}"),
    (None, "You can change your plan yourself from your account, up or down.", f"To upgrade: {_UPGRADE}"),
])
async def test_a_plan_change_naming_no_plan_goes_the_ways_the_plan_allows(converse, customer, opening, steps):
    # Bob and Carol got their plan and the invoice list; a visitor was asked to sign in to see invoices.
    (outcome,) = await converse(customer, "how do I change my plan?")
    assert outcome.reply.startswith(opening), outcome.reply
    assert steps in outcome.reply and "invoices" not in outcome.reply
    assert ("To downgrade:" in outcome.reply) is (customer is None)


@pytest.mark.parametrize(("customer", "plan", "said"), [
    ("cus_alice", "to business", "Business is $99.00 a month. You can upgrade to Business yourself from your account."),
    ("cus_bob", "to free", "Free costs nothing. You can downgrade to Free yourself from your account."),
])
async def test_the_plan_named_after_an_unnamed_change_is_that_move(converse, customer, plan, said):
    # "To free" got the Free plan's contents; "to business", the upgrade's steps alone.
    *_, outcome = await converse(customer, "how do I change my plan?", plan)
    assert said in outcome.reply, outcome.reply
    assert "Here's how: Go to **Billing → Plan**" in outcome.reply and "The Free plan costs $0" not in outcome.reply


@pytest.mark.parametrize("message", ["how do I change my password", "change my card", "change my plan to pro",
                                     "can I change my email?", "what plan am I on?", "how do I change the region?"])
def test_other_changes_are_still_not_a_plan_change_naming_no_plan(message):
    assert not asks_to_change_plan_unnamed(message)


async def test_a_named_plan_change_still_gets_that_move(converse):
    (outcome,) = await converse("cus_bob", "I want to downgrade")
    assert "You can downgrade yourself from your account" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- where a step is done

@pytest.mark.parametrize(("customer", "turns", "said"), [
    (None, ("how do I change my plan?", "where is that?"),
     "Under **Billing → Plan**:\n- choose Pro ($29/month) or Business ($99/month) and confirm.\n- choose the smaller "
     "plan.\n\n"),
    ("cus_bob", ("how do I set environment variables?", "where is that?"),
     "Under **App → Settings → Environment**: add each variable as a name and value.\n\n"),
])
async def test_where_a_step_is_done_says_its_place_once(converse, customer, turns, said):
    # "Under **Billing → Plan**: Go to **Billing → Plan**, choose …", once for each step at that place.
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(said), outcome.reply
    assert outcome.reply.count("Billing → Plan") <= 1 and outcome.reply.count("Go to") == 0


async def test_how_alone_after_a_step_still_says_the_step_whole(converse):
    *_, outcome = await converse("cus_alice", "how do I cancel?", "how?")
    assert outcome.reply.startswith("Under **Billing → Plan**: Go to **Billing → Plan** and choose **Cancel "
                                    "subscription**"), outcome.reply


# ---------------------------------------------------------------- which value the steps name

@pytest.mark.parametrize("question", ["which record should I use?", "what record do I need?",
                                      "which dns record should I create?"])
async def test_which_record_after_the_domain_steps_is_the_steps_that_say_which(converse, question):
    # "I don't have a guide on that in our help centre".
    *_, outcome = await converse("cus_bob", "how do I add a custom domain?", question)
    assert outcome.reply.startswith("Steps 2 and 3 of our guide “Custom domains and DNS” say which "), outcome.reply
    assert ("record to use:\n2. At your DNS provider, create a CNAME record from that name to the target shown, "
            "your-app.northwind.app.\n3. For an apex domain (example.com) use an ALIAS or ANAME record, or our A record "
            "203.0.113.10.\n\nIf you get stuck on a step") in outcome.reply
    assert "1. In your app" not in outcome.reply and "don't have a guide" not in outcome.reply


async def test_which_port_after_a_failed_start_is_the_step_on_the_port_variable(converse):
    *_, outcome = await converse("cus_alice", "my app fails on start", "which port should I use?")
    assert outcome.reply.startswith("Step 4 of our guide “Failed deploys and build timeouts” says which port to use:\n4. "
                                    "If the app builds but fails on start, check that it listens on the `PORT` environment "
                                    "variable."), outcome.reply


async def test_which_path_of_a_step_that_leaves_it_open_is_still_said_to_be_unsaid(converse):
    *_, outcome = await converse("cus_bob", "how do I avoid downtime when deploying?", "what path should I use?")
    assert outcome.reply.startswith("Our guide “Scaling and cold starts” doesn't say which path to use"), outcome.reply


# ---------------------------------------------------------------- what a secret is

@pytest.mark.parametrize("turns", [("what is the difference between a secret and a normal env var?",),
                                   ("secret vs normal variables?",),
                                   ("how do I set environment variables?", "what is a secret?")])
async def test_what_a_secret_is_leads_with_the_step_on_secrets(converse, turns):
    # The environment guide's steps in order, as if every one were asked.
    *_, outcome = await converse("cus_alice", *turns)
    assert ("The step that fits what you describe:\n2. Mark API keys and passwords as **Secret**: they are encrypted and "
            "hidden in the dashboard and logs.") in outcome.reply, outcome.reply


async def test_how_to_set_variables_still_gets_the_steps_in_order(converse):
    (outcome,) = await converse("cus_alice", "how do I set environment variables?")
    assert "The steps that usually sort it out:\n1. Go to **App → Settings → Environment**" in outcome.reply, outcome.reply


# ---------------------------------------------------------------- a fault in one place only

@pytest.mark.parametrize(("customer", "before", "detail", "guide", "place"), [
    ("cus_bob", "my api returns 502", "it only happens on one endpoint",
     "Troubleshooting API errors (500, 502, 503) and timeouts", "endpoint"),
    # The account's state ("Your account (alice) isn't locked"), account at 0.54.
    ("cus_alice", "my app is slow", "only on the login page", "Scaling and cold starts", "page"),
])
async def test_a_fault_in_one_place_only_is_heard_with_the_guide_just_given(converse, customer, before, detail, guide,
                                                                          place):
    # The API errors' steps again, or the account's state.
    *_, outcome = await converse(customer, before, detail)
    assert outcome.reply.startswith(f"Thanks, that narrows it down. Our help centre has nothing written for a fault on a "
                                    f"single {place}: the guide from my last message, “{guide}”, is what it has on "
                                    "this."), outcome.reply
    assert "1. Check status" not in outcome.reply and "isn't locked" not in outcome.reply


@pytest.mark.parametrize(("message", "place"), [("it only happens on one endpoint", "endpoint"),
                                                 ("only on the login page", "page"), ("just for one route", "route"),
                                                 ("the error only shows on a single page", "page"),
                                                 ("only happens when calling the /users endpoint", "endpoint")])
def test_one_place_is_read_from_what_the_customer_says(message, place):
    assert one_place_said(message) == place


@pytest.mark.parametrize("message", ["only one app", "is it only on my account?", "my page is down",
                                     "only on the pro plan?", "just one question"])
def test_other_messages_still_name_no_one_place(message):
    assert one_place_said(message) is None


async def test_one_place_said_with_no_guide_before_is_still_not_heard_as_a_detail(converse):
    (outcome,) = await converse("cus_alice", "only on the login page")
    assert "narrows it down" not in outcome.reply, outcome.reply


async def test_a_kind_of_app_told_after_the_steps_is_still_thanked_as_before(converse):
    *_, outcome = await converse("cus_alice", "my app fails on start", "it is a node app")
    assert outcome.reply.startswith("Thanks. Our help centre has nothing written for node apps in particular"), outcome.reply


# ---------------------------------------------------------------- a step that is an act, said done

@pytest.mark.parametrize(("message", "done"), [("I redeployed already", "redeployed"), ("we have restarted it", "restarted"),
                                               ("I rolled back", "rolled back"), ("I added the CNAME", "the CNAME")])
def test_a_step_said_done_is_read_also_when_it_names_nothing_after_it(message, done):
    assert step_said_done(message) == done


def test_a_redeploy_that_still_fails_is_still_not_a_step_said_done():
    assert step_said_done("I redeployed but still nothing") is None


async def test_a_redeploy_said_done_after_the_environment_steps_gets_the_steps_after_it(converse):
    # The redeploy step again as "the step that fits", with the others before it.
    *_, outcome = await converse("cus_alice", "how do I set environment variables?", "I redeployed already")
    assert outcome.reply.startswith("Good. The steps after that in our guide “Environment variables and secrets”:\n5. Read "
                                    "them in your code from the environment"), outcome.reply
    assert "1. Go to **App → Settings → Environment**" not in outcome.reply


# ---------------------------------------------------------------- "then" leans on the question before

@pytest.mark.parametrize("customer", ["cus_alice", None])
async def test_how_to_deploy_then_after_docker_is_the_deploys_guide_not_the_api_errors(converse, customer):
    # The API errors guide's steps, for its "if it started then".
    *_, outcome = await converse(customer, "do you support docker?", "how do I deploy then?")
    assert "Failed deploys and build timeouts" in outcome.reply, outcome.reply
    assert "Troubleshooting API errors" not in outcome.reply
