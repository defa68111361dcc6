"""A QA pass found guides and entries that answer something else than was asked: a card's removal answered
with deleting the account, an API key's creation with a DNS record's, its rotation with marking secrets,
apps on a plan with the deploy limits, and a custom domain with https with the certificate troubleshooting
steps. Each runs the real offline pipeline (the `converse` fixture) or the real search over the demo help
centre."""

from __future__ import annotations

import pytest

from agents.providers.offline.faq import OfflineFaqRetriever
from agents.providers.offline.kb import OfflineArticleRetriever
from supportsite.knowledge.evaluation import demo_article_facts, demo_faq_facts

NO_GUIDE = "I don't have a guide on that in our help centre"
DELETE_ACCOUNT = "Settings → Account → Delete account"


@pytest.fixture(scope="module")
def faq() -> OfflineFaqRetriever:
    return OfflineFaqRetriever(demo_faq_facts())


@pytest.fixture(scope="module")
def kb() -> OfflineArticleRetriever:
    return OfflineArticleRetriever(demo_article_facts())


# --- a thing named beside "account" is not the account -------------------------------------------

@pytest.mark.parametrize("message", ["how do I remove my card from my account?",
                                     "how can I delete the card saved on my account"])
def test_removing_a_card_from_the_account_is_not_found_as_deleting_the_account(faq, message):
    delete_entry = next(m for m in faq.search(message, k=3) if m.question == "How do I delete my account?")
    assert delete_entry.score <= 0.05


@pytest.mark.parametrize("message", ["remove my account and data", "how do I remove my account and all my apps?"])
def test_removing_the_account_itself_still_finds_deleting_the_account(faq, message):
    assert faq.search(message, k=3)[0].question == "How do I delete my account?"


async def test_a_card_removal_is_never_answered_with_deleting_the_account(converse):
    (outcome,) = await converse("cus_alice", "how do I remove my card from my account?")
    assert DELETE_ACCOUNT not in outcome.reply
    assert "**Billing → Payment method**" in outcome.reply


# --- how many apps a plan runs ------------------------------------------------------------------

def test_running_apps_on_a_plan_is_not_found_as_the_deploy_limits(faq):
    deploys = next(m for m in faq.search("how many apps can I run on Pro?", k=3) if m.question.startswith("How many deploys"))
    assert deploys.score <= 0.05


def test_running_deploys_still_finds_the_deploy_limits(faq):
    assert faq.search("how many deploys can I run?", k=1)[0].question.startswith("How many deploys")


@pytest.mark.parametrize(("customer", "message", "expected"), [
    ("cus_alice", "how many apps can I run on Pro?", "Your plan, Pro ($29.00 a month), includes up to 10 apps."),
    (None, "how many apps can I run on Free?", "Free includes one app."),
])
async def test_apps_a_plan_can_run_are_answered_from_that_plans_list(converse, customer, message, expected):
    (outcome,) = await converse(customer, message)
    assert expected in outcome.reply
    assert "10 deploys a day" not in outcome.reply


# --- creating, rotating: a guide answers only if a step does it to that thing -------------------

@pytest.mark.parametrize("message", ["how do I create an API key for my own app?", "how do I rotate my API key?",
                                     "how can I regenerate my api key"])
def test_no_guide_is_found_for_doing_to_an_api_key_what_no_step_does(kb, message):
    assert kb.search(message, k=3) == []


@pytest.mark.parametrize(("message", "slug"), [
    ("how do I create an environment variable?", "environment-variables-secrets"),
    ("how do I create a CNAME record for my domain?", "custom-domains-dns"),
])
def test_a_guide_whose_step_does_it_is_still_found(kb, message, slug):
    assert kb.search(message, k=3)[0].slug == slug


@pytest.mark.parametrize("message", ["how do I create an API key for my own app?", "how do I rotate my API key?"])
async def test_an_api_key_how_to_says_there_is_no_guide_instead_of_another_guides_steps(converse, message):
    (outcome,) = await converse("cus_alice", message)
    # Said of API keys themselves since the tenth walk: "I don't have a guide on that" before.
    assert outcome.reply.startswith("Our help centre doesn't describe how to create, rotate or revoke API keys")
    assert "CNAME" not in outcome.reply and "Secret" not in outcome.reply


# --- whether a custom domain can have https ------------------------------------------------------

async def test_a_custom_domain_with_https_is_answered_with_the_plans_and_the_free_certificate(converse):
    (outcome,) = await converse("cus_bob", "can I use my own domain with https?")
    assert "Custom domains are on Pro and Business." in outcome.reply
    assert "every custom domain gets a free TLS certificate" in outcome.reply
    assert "Retry certificate" not in outcome.reply  # the troubleshooting steps answer a fault not reported


async def test_a_plan_named_in_a_question_on_certificates_adds_no_entry_on_that_plan(converse):
    (outcome,) = await converse("cus_carol", "is ssl free?")
    assert "free TLS certificate" in outcome.reply
    assert "The Free plan costs $0" not in outcome.reply
