"""Technical replies a QA session found wrong: how sure an incident is the cause, guides that answer
something else, the step that fits cut off, and when an incident will be fixed. Each runs the real
offline pipeline (the `converse` fixture) or the real article search over the demo help centre."""

from __future__ import annotations

import pytest

from agents.outcome import ARTICLE_RELEVANT_FROM
from agents.providers.offline.kb import regions_mentioned, relevant_incident

NO_GUIDE = "I don't have a guide on that in our help centre"


def _articles_cited(outcome) -> list[str]:
    return [source.ref for source in outcome.sources if source.kind == "article"]


# --- an open incident, and how sure it is the cause -----------------------------------------------

async def test_an_incident_in_a_region_the_message_does_not_name_is_offered_only_as_a_possible_cause(converse):
    (outcome,) = await converse("cus_alice", "is northwind down? my site is not loading")
    assert outcome.intent.label == "technical"
    assert "There's an active incident in eu-west affecting the API: “Elevated API error rates in eu-west”" in outcome.reply
    assert "If your app runs in eu-west, it may be the cause." in outcome.reply
    assert "very likely" not in outcome.reply
    # Since stop 36 a site that is not loading also finds the guide on errors and timeouts, for the other causes.
    assert [s.kind for s in outcome.sources] == ["incident", "article"]
    assert "Meanwhile, if it's on your side, our guide “Troubleshooting API errors (500, 502, 503) and timeouts”" \
        in outcome.reply


async def test_an_incident_in_the_region_the_message_names_is_still_very_likely_the_cause(converse):
    # Guard: the reply that was right stays as it was.
    (outcome,) = await converse("cus_bob", "my app in eu-west returns 502 errors")
    assert outcome.reply.startswith(
        "There's an active incident that's very likely what you're seeing: “Elevated API error rates in eu-west”, "
        "since 2026-11-24 08:00 UTC (status: investigating). Our engineers are working on it in eu-west, and updates "
        "go to our status page as they happen; requests that fail during it are safe to retry.")
    assert "Meanwhile, if it's on your side, our guide “Troubleshooting API errors (500, 502, 503) and timeouts”" in outcome.reply
    assert "may be the cause" not in outcome.reply
    assert _articles_cited(outcome) == ["api-errors-5xx"]


async def test_an_incident_whose_component_the_message_names_is_still_very_likely_the_cause(converse):
    # Guard: "api errors" names what the incident affects, whatever the region.
    (outcome,) = await converse("cus_alice", "getting lots of api errors since yesterday")
    assert "very likely what you're seeing: “Elevated API error rates in eu-west”" in outcome.reply


async def test_asking_us_for_help_is_not_a_question_about_the_us_region(converse, eu_west_incident):
    assert regions_mentioned("our site is down, can you help us?") == set()
    assert regions_mentioned("is the us region down?") == {"us-east"}
    assert relevant_incident("our site is down, can you help us?", [eu_west_incident]) is eu_west_incident
    (outcome,) = await converse("cus_alice", "our site is down, can you help us?")
    assert "no active incident in us-east" not in outcome.reply
    assert "active incident in eu-west" in outcome.reply


async def test_asked_when_the_incident_will_be_fixed_the_reply_gives_its_status_and_the_status_page(converse):
    _, eta = await converse("cus_bob", "my app in eu-west returns 502 errors", "any ETA on it?")
    assert eta.intent.label == "technical"
    assert eta.reply.startswith("“Elevated API error rates in eu-west” is still open (status: investigating), "
                                "since 2026-11-24 08:00 UTC. I don't have an estimate for when it will be fixed")
    assert "go to our status page as they happen" in eta.reply
    assert "very likely" not in eta.reply  # said in the turn before
    assert any(s.kind == "incident" for s in eta.sources)


# --- guides that fit, and none when none does -----------------------------------------------------

async def test_an_error_name_quoted_from_a_log_finds_the_guide_that_fixes_it(converse, kb_retriever):
    message = "app crashes on start: Error: listen EADDRINUSE :::3000"
    assert kb_retriever.search(message, k=3)[0].slug == "failed-deploys-build-timeouts"
    (outcome,) = await converse("cus_alice", message)
    assert "Our guide “Failed deploys and build timeouts” covers this." in outcome.reply
    assert "check that it listens on the `PORT` environment variable" in outcome.reply
    assert _articles_cited(outcome)[0] == "failed-deploys-build-timeouts"


@pytest.mark.parametrize("message", ["my app keeps crashing with exit code 137", "container exited with code 137"])
async def test_exit_code_137_is_read_as_killed_for_memory_and_gets_the_step_on_memory(converse, message):
    # 128 + SIGKILL: the kernel killed it, on a host like ours for running out of memory. Read as a number, it got
    # "I don't have a guide on that".
    (outcome,) = await converse("cus_alice", message)
    assert "Our guide “Scaling and cold starts” covers this. The step that fits what you describe:\n5. Watch memory" in (
        outcome.reply), outcome.reply


@pytest.mark.parametrize("message", [
    "how do I connect to my database from my laptop with psql",  # the env guide only shows `DATABASE_URL`
    "do you support websockets on my app?",  # shares "app" and "support" with the 5xx guide
    "my cron job fails every night",  # "every" and "failed" with the TLS guide, "fail" with "Failed deploys"
])
def test_a_guide_sharing_only_everyday_words_or_a_code_sample_with_the_question_is_not_a_match(kb_retriever, message):
    assert [m.slug for m in kb_retriever.search(message, k=3) if m.score >= ARTICLE_RELEVANT_FROM] == []


@pytest.mark.parametrize("message", [
    "how do I connect to my database from my laptop with psql",
    # "How do I set up a cron job" is told the help centre doesn't describe scheduled jobs (the twenty-seventh walk).
    "how do i set up a redis cache",
    # "Do you support websockets on my app?" is told the help centre lists no kinds of app (the thirteenth walk).
    "how do I set up a staging environment?",
])
async def test_a_question_no_guide_answers_is_told_so_instead_of_being_shown_another_guide(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert NO_GUIDE in outcome.reply
    assert "pass you to a person" in outcome.reply
    assert "Our guide" not in outcome.reply and _articles_cited(outcome) == []


async def test_a_yes_after_being_told_there_is_no_guide_passes_the_customer_to_a_person(converse):
    # Guard: the offer in the no-guide reply is one a "yes" accepts.
    _, yes = await converse("cus_alice", "how do i set up a redis cache", "yes please")
    assert yes.route == "handoff" and yes.intent.label == "human"


async def test_an_outage_report_is_not_padded_with_an_unrelated_guide(converse):
    (outcome,) = await converse(
        "cus_bob", "our site in eu-west is down, customers are complaining. will we get service credits?")
    assert "very likely what you're seeing: “Elevated API error rates in eu-west”" in outcome.reply
    assert _articles_cited(outcome) == []
    assert "Custom domains" not in outcome.reply and "rate limits" not in outcome.reply


# --- the steps quoted ----------------------------------------------------------------------------

async def test_a_step_past_the_first_four_that_names_the_problem_leads_the_steps(converse):
    (outcome,) = await converse("cus_alice", "my app keeps getting OOM killed")
    assert "Our guide “Scaling and cold starts” covers this. The step that fits what you describe:\n5. Watch memory in " \
           "**App → Metrics**; an instance that runs out of memory is restarted." in outcome.reply
    assert "Its other steps that usually help:\n1. Go to **App → Scaling**" in outcome.reply
    assert outcome.reply.index("5. Watch memory") < outcome.reply.index("1. Go to **App → Scaling**")
    assert outcome.critic is not None and outcome.critic.verdict == "approve"


async def test_how_to_add_a_custom_domain_is_still_answered_with_the_guide_first_four_steps(converse):
    # Guard: no later step fits better, so the guide's first steps are quoted as before.
    (outcome,) = await converse("cus_alice", "how do I add a custom domain")
    assert outcome.reply.startswith(
        "Our guide “Custom domains and DNS” covers this. The steps that usually sort it out:\n"
        "1. In your app, go to **Settings → Domains → Add domain**")
    assert "\n4. Wait for DNS to update" in outcome.reply and "\n5. " not in outcome.reply
    assert "The step that fits" not in outcome.reply
    assert _articles_cited(outcome) == ["custom-domains-dns", "tls-certificates"]


# --- follow-ups, resources and the step that answers the question ---------------------------------

async def test_a_follow_up_about_a_topic_no_guide_covers_gets_no_guide_either(converse):
    # "Them" (the logs) is a word of two guides' summaries ("make them available", "stay under them"):
    # the follow-up got the environment-variables guide.
    first, follow_up = await converse("cus_alice", "how do i see my app logs", "can i stream them from the cli")
    # Where the logs are is a step of the API-errors guide; streaming them from the CLI is in none.
    assert "Open **App → Logs**" in first.reply and NO_GUIDE not in first.reply
    assert NO_GUIDE in follow_up.reply and "pass you to a person" in follow_up.reply
    assert _articles_cited(follow_up) == [] and "Environment variables" not in follow_up.reply


async def test_how_to_deploy_from_github_is_not_answered_with_the_failed_deploys_guide(converse):
    (outcome,) = await converse("cus_alice", "how do i deploy from github")
    assert NO_GUIDE in outcome.reply
    assert _articles_cited(outcome) == [] and "Failed deploys" not in outcome.reply


async def test_a_failed_deploy_from_github_still_gets_the_failed_deploys_guide(converse):
    (outcome,) = await converse("cus_alice", "my github deploy failed")
    assert _articles_cited(outcome)[:1] == ["failed-deploys-build-timeouts"]


async def test_asked_which_port_to_listen_on_the_step_about_the_port_leads(converse):
    (outcome,) = await converse("cus_alice", "which port should my app listen on")
    assert "Our guide “Failed deploys and build timeouts” covers this. The step that fits what you describe:\n" \
           "4. If the app builds but fails on start, check that it listens on the `PORT` environment variable." \
           in outcome.reply
    assert "Its other steps that usually help:\n1. Open **App → Deploys**" in outcome.reply
    assert outcome.reply.index("4. If the app builds") < outcome.reply.index("1. Open **App → Deploys**")
    assert outcome.reply.count("4. If the app builds") == 1
    assert outcome.critic is not None and outcome.critic.verdict == "approve"


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", "cus_carol"])
@pytest.mark.parametrize("message", ["my app needs more ram", "how do i get more ram", "my app needs more cpu"])
async def test_asked_for_more_memory_or_cpu_the_reply_gives_the_scaling_guide(converse, customer, message):
    # "More" was the only word the question shared with the rate limits' "if you need more, upgrade your
    # plan"; "how do I get more RAM?" quoted the upgrade entry ("choose Pro or Business") to a Pro customer.
    (outcome,) = await converse(customer, message)
    assert _articles_cited(outcome)[:1] == ["scaling-cold-starts"]
    assert "Go to **App → Scaling**" in outcome.reply
    assert "rate limits" not in outcome.reply and "upgrade your plan" not in outcome.reply
    assert "choose Pro" not in outcome.reply


async def test_asked_for_more_ram_the_step_about_memory_leads(converse):
    (outcome,) = await converse("cus_alice", "my app needs more ram")
    assert "The step that fits what you describe:\n5. Watch memory in **App → Metrics**" in outcome.reply


@pytest.mark.parametrize(("message", "first_step"), [
    ("my api calls get 429", "1. Read the `Retry-After` header"),  # "calls" is also the third step's word
    ("autoscaling settings", "1. Go to **App → Scaling**"),  # "settings" the fourth's, autoscaling the first's
    ("how do I add a custom domain", "1. In your app, go to **Settings → Domains → Add domain**"),
])
async def test_a_step_that_shares_a_word_with_the_question_does_not_jump_a_step_that_answers_it(
        converse, message, first_step):
    # Guard for the port question above: an earlier step that names what the message asks keeps the order.
    (outcome,) = await converse("cus_alice", message)
    assert "The step that fits" not in outcome.reply
    assert f"The steps that usually sort it out:\n{first_step}" in outcome.reply
