"""A question about something no guide mentions (a database's connections, running an app in several
regions, a password reset email that never came) gets no guide, however one of its words (a symptom such
as "timeout", or "deploy", "region", "password") turns up in a guide about something else; the honest "I
don't have a guide" with a person offered is the reply. Questions that share what they are about with a
guide still find it. The guide search runs on the demo help centre."""

from __future__ import annotations

import pytest

from agents.facts import ArticleFact
from agents.outcome import ARTICLE_RELEVANT_FROM
from agents.providers.offline.kb import OfflineArticleRetriever
from supportsite.knowledge.evaluation import demo_article_facts

NO_GUIDE = "I don't have a guide"
OFFERS_A_PERSON = "pass you to a person"


def _guides(retriever: OfflineArticleRetriever, message: str) -> list[str]:
    return [m.slug for m in retriever.search(message, k=3) if m.score >= ARTICLE_RELEVANT_FROM]


@pytest.mark.parametrize("message", [
    # The failed-deploys guide is about builds timing out, the API-errors guide about requests that do.
    "database connection timeouts",
    "db connections time out from my app",
    "connection to my postgres times out",
    "my app gets database connection timeout errors",
    "slow db queries",
    "redis connection timeout",
])
def test_database_connection_timeouts_get_no_guide(kb_retriever, message):
    assert _guides(kb_retriever, message) == []


@pytest.mark.parametrize("message", [
    # "Deploy" is the failed-deploys guide's word, "region" the API-errors guide's (an incident "in your
    # app's region"): neither says how to run an app in more than one.
    "multi-region deployment",
    "multi region deployment",
    "how do I deploy my app to multiple regions?",
    "deploy my app to a second region",
    "how do I deploy the same app in multiple regions for failover",
    "run a replica of my app in another region",
])
def test_running_an_app_in_several_regions_gets_no_guide(kb_retriever, message):
    assert _guides(kb_retriever, message) == []


@pytest.mark.parametrize("message", [
    # The environment-variables guide marks "API keys and passwords" as secrets: not a reset email.
    "I didn't get the password reset email",
    "password reset email not arriving",
    "the password reset email never arrived",
    "never received the reset password link",
])
def test_a_password_reset_email_that_never_came_gets_no_guide(kb_retriever, message):
    assert _guides(kb_retriever, message) == []


@pytest.mark.parametrize(("message", "slug"), [
    ("requests to the api time out", "api-errors-5xx"),
    ("build timed out after 15 minutes", "failed-deploys-build-timeouts"),
    ("my app is slow", "scaling-cold-starts"),
    ("where do i store my database password", "environment-variables-secrets"),
    ("my multi-region deploy failed", "failed-deploys-build-timeouts"),
    ("is there an outage in the eu-west region", "api-errors-5xx"),
    ("how do i reset an environment variable", "environment-variables-secrets"),
])
def test_a_question_a_guide_is_about_still_finds_it_beside_those_words(kb_retriever, message, slug):
    assert _guides(kb_retriever, message)[:1] == [slug]


def test_a_guide_on_databases_is_found_once_the_help_centre_has_one():
    # A topic is uncovered only while no guide uses its words: a staff-written guide on databases lifts it.
    databases = ArticleFact(slug="database-connections", title="Database connections",
                            summary="Connect your app to its database and fix connection timeouts.",
                            body="1. Read the connection string from `DATABASE_URL`.\n"
                                 "2. Keep the connection pool under your plan's connection limit.",
                            tags=("database", "postgres", "connection"), url="/help/database-connections/")
    retriever = OfflineArticleRetriever([*demo_article_facts(), databases])
    assert _guides(retriever, "database connection timeouts")[:1] == ["database-connections"]


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "database connection timeouts"),
    ("cus_alice", "connection to my postgres times out"),
])
async def test_the_reply_says_there_is_no_guide_and_offers_a_person(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert NO_GUIDE in outcome.reply and OFFERS_A_PERSON in outcome.reply, outcome.reply
    assert [s for s in outcome.sources if s.kind == "article"] == []
    assert "Our guide" not in outcome.reply


@pytest.mark.parametrize("message", ["how do I deploy my app to multiple regions?", "multi-region deployment"])
async def test_several_regions_for_one_app_get_the_entry_on_regions_and_no_guide(converse, message):
    # Since stop 36 the entry on regions is quoted ("Business accounts can run an app in several regions at once"),
    # with that no guide says how, where "I don't have a guide on that" alone was said.
    (outcome,) = await converse("cus_bob", message)
    assert "Business accounts can run an app in several regions at once." in outcome.reply, outcome.reply
    assert "It doesn't describe how to set that up" in outcome.reply and OFFERS_A_PERSON in outcome.reply
    assert [s for s in outcome.sources if s.kind == "article"] == []
