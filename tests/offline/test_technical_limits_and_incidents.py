"""Technical replies that answered the wrong thing: a question about a limit got a troubleshooting guide's
steps instead of the limit the help centre states; naming a region brought the open incident to questions
that report no fault; a fault the customer ties to their own deploy opened with the incident; and a
browser's certificate error got the renewal step. Each runs the real offline pipeline (`converse`) over
the demo help centre, with the fixture's open incident "Elevated API error rates in eu-west"."""

from __future__ import annotations

import pytest

from agents.providers.offline import incident_match

RETRY_AFTER_STEP = "1. Read the `Retry-After` header on the 429 response"
DEPLOY_STEPS = "1. Open **App → Deploys**, select the failed deploy"
INCIDENT = "Elevated API error rates in eu-west"


def _cited(outcome, kind: str) -> list[str]:
    return [source.ref for source in outcome.sources if source.kind == kind]


# --- a limit, or what a code means, is answered from the entry that states it --------------------------

async def test_a_free_customer_whose_build_times_out_is_told_the_build_time_limits(converse):
    (outcome,) = await converse("cus_carol", "build times out after 15 min, how long can builds be?")
    assert outcome.reply.startswith(
        "You're on the Free plan: Free accounts get 10 deploys a day and builds of up to 15 minutes.")
    # Ran into the limit: what the plans above allow, then the guide's steps for a build that runs out of time.
    assert "Pro and Business have unlimited deploys and builds of up to 45 minutes." in outcome.reply
    assert outcome.reply.index("45 minutes") < outcome.reply.index(DEPLOY_STEPS)
    assert outcome.critic is not None and outcome.critic.verdict == "approve"


async def test_asked_the_max_build_time_on_pro_the_limit_is_stated_not_the_failed_deploys_steps(converse):
    (outcome,) = await converse("cus_alice", "what's the max build time on pro?")
    assert outcome.reply.startswith(
        "You're on the Pro plan: Pro and Business have unlimited deploys and builds of up to 45 minutes.")
    assert DEPLOY_STEPS not in outcome.reply and "15 minutes" not in outcome.reply
    assert outcome.critic is not None and outcome.critic.verdict == "approve"


async def test_asked_their_api_rate_limit_a_customer_gets_their_plans_limit(converse):
    (outcome,) = await converse("cus_alice", "what's my api rate limit")
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro, per account. "
                                    "Above that it answers HTTP 429")
    assert "3,000" not in outcome.reply and RETRY_AFTER_STEP not in outcome.reply
    assert _cited(outcome, "faq") and outcome.critic is not None and outcome.critic.verdict == "approve"


async def test_asked_what_a_429_means_the_limit_and_its_meaning_come_before_the_guides_steps(converse):
    (outcome,) = await converse("cus_alice", "api returns 429 what does it mean")
    assert outcome.reply.startswith("You're on the Pro plan: the API allows 600 requests a minute on Pro, per account. "
                                    "Above that it answers HTTP 429 with a `Retry-After` header")
    assert outcome.reply.index("Above that it answers HTTP 429") < outcome.reply.index(RETRY_AFTER_STEP)


async def test_a_business_customer_asking_for_a_higher_limit_is_offered_a_person_not_an_upgrade(converse):
    (outcome,) = await converse("cus_bob", "how do I get a higher limit?")
    assert outcome.reply.startswith("You're on the Business plan: the API allows 3,000 requests a minute on Business")
    assert "No plan allows more than Business does." in outcome.reply and "pass you to a person" in outcome.reply
    assert "upgrade" not in outcome.reply.lower()


async def test_a_pro_customer_asking_for_a_higher_limit_is_told_what_business_allows_and_how_to_upgrade(converse):
    (outcome,) = await converse("cus_alice", "how do I get a higher limit?")
    assert "the API allows 600 requests a minute on Pro" in outcome.reply
    assert "The API allows 3,000 requests a minute on Business, per account." in outcome.reply
    assert "5. If you need more, upgrade your plan in **Billing → Plan**." in outcome.reply


async def test_asked_for_a_higher_limit_after_a_429_the_same_steps_are_not_repeated(converse):
    first, follow_up = await converse("cus_bob", "my api is returning 429s", "how do I get a higher limit?")
    assert RETRY_AFTER_STEP in first.reply
    assert RETRY_AFTER_STEP not in follow_up.reply
    assert "the API allows 3,000 requests a minute on Business" in follow_up.reply
    assert "upgrade" not in follow_up.reply.lower()


async def test_a_question_about_a_limit_no_entry_states_is_not_answered_with_the_api_rate_limit(converse):
    # Guard: "limit" alone is no reason to quote the rate limits; "memory" is what is asked about.
    (outcome,) = await converse("cus_alice", "what's the memory limit on pro")
    assert "requests a minute" not in outcome.reply
    assert _cited(outcome, "article")[:1] == ["scaling-cold-starts"]


async def test_a_limit_is_not_followed_by_a_guide_about_something_else(converse):
    (outcome,) = await converse("cus_carol", "how many deploys per day on free?")
    assert outcome.reply.startswith("You're on the Free plan: Free accounts get 10 deploys a day")
    assert "rate limits" not in outcome.reply and _cited(outcome, "article") == []


# --- an open incident is offered only for a fault it could explain ----------------------------------

@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "can i move my app from us-east to eu-west?"),
    (None, "is my data stored in the EU?"),
])
async def test_naming_the_incidents_region_without_reporting_a_fault_brings_no_incident(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert "active incident" not in outcome.reply and INCIDENT not in outcome.reply
    assert _cited(outcome, "incident") == []


async def test_where_data_is_stored_is_answered_from_the_help_centre_alone(converse):
    (outcome,) = await converse(None, "is my data stored in the EU?")
    assert outcome.reply == ("Your apps and their data stay in the region you choose (us-east, eu-west or "
                             "ap-southeast). Account and billing data are stored in eu-west. We are GDPR compliant "
                             "and sign a data processing agreement on request.")


@pytest.mark.parametrize("message", [
    "is eu-west ok?", "any issues in eu-west?", "eu-west is really slow today", "is the api down?",
    "the api is returning 500 errors in eu-west",
])
def test_a_message_reporting_a_fault_in_the_region_or_component_still_matches_the_incident(
        eu_west_incident, message):
    assert incident_match(message, [eu_west_incident]) is eu_west_incident


@pytest.mark.parametrize("message", [
    "can i move my app from us-east to eu-west?", "is my data stored in the EU?", "can i deploy to eu-west?",
])
def test_a_message_that_only_names_the_region_matches_no_incident(eu_west_incident, message):
    assert incident_match(message, [eu_west_incident]) is None


async def test_a_fault_the_customer_ties_to_their_deploy_leads_with_rolling_back_and_the_incident_is_an_aside(
        converse):
    (outcome,) = await converse("cus_bob", "we got 500 error after our last deploy, how to revert")
    assert outcome.reply.startswith(
        "Our guide “Troubleshooting API errors (500, 502, 503) and timeouts” covers this. The step that fits what "
        "you describe:\n4. If your app itself returns 500, check the latest deploy and roll back in **App → Deploys**")
    assert "very likely what you're seeing" not in outcome.reply
    meanwhile = outcome.reply.index(f"Meanwhile, there's also an active incident in eu-west affecting the API: “{INCIDENT}”")
    assert meanwhile > outcome.reply.index("4. If your app itself returns 500")
    assert _cited(outcome, "incident") and outcome.critic is not None and outcome.critic.verdict == "approve"


# --- the step that fits a browser's certificate error ------------------------------------------------

async def test_an_untrusted_certificate_error_leads_with_the_step_on_untrusted_certificates(converse):
    (outcome,) = await converse(
        "cus_alice", "my custom domain shows certificate error NET::ERR_CERT_AUTHORITY_INVALID")
    assert ("Our guide “TLS (SSL) certificates” covers this. The step that fits what you describe:\n"
            "4. If browsers warn that the certificate is not trusted, clear any proxy") in outcome.reply
    assert "5. Certificates renew" not in outcome.reply
    assert outcome.reply.index("4. If browsers warn") < outcome.reply.index("1. Make sure the domain's DNS")
