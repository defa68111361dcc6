"""A name the customer gives an app ("called shop-api") is not what the message is about: its "api" must not
bring up the API guides. And "can I …?" / "is there an API to …?" about creating, rotating or revoking a thing is
read like "how do I …?": a guide answers only when one of its steps does that to that thing (the domains guide's
"create a CNAME record" does not create an app). The guide search runs on the demo help centre."""

from __future__ import annotations

import pytest

from agents.outcome import ARTICLE_RELEVANT_FROM
from agents.providers.offline.kb import OfflineArticleRetriever

NO_GUIDE = "I don't have a guide"


def _guides(retriever: OfflineArticleRetriever, message: str) -> list[str]:
    return [m.slug for m in retriever.search(message, k=3) if m.score >= ARTICLE_RELEVANT_FROM]


@pytest.mark.parametrize("message", [
    "delete my app called shop-api",
    "please delete the app named 'api-v2'",
])
def test_an_apps_name_does_not_bring_up_the_api_guides(kb_retriever, message):
    assert not any("api" in slug for slug in _guides(kb_retriever, message))


def test_an_apps_name_is_dropped_but_the_status_code_beside_it_still_finds_its_guide(kb_retriever):
    # Neighbour guard: the 502 is what this message is about, whatever the app is called.
    assert _guides(kb_retriever, "my app named api-gateway returns 502")[:1] == ["api-errors-5xx"]


@pytest.mark.parametrize("message", [
    "is there an api to create apps?",
    "can i create an app with the api",
    "can we create apps from a script?",
])
def test_asking_whether_one_can_create_an_app_finds_no_guide_that_creates_something_else(kb_retriever, message):
    assert _guides(kb_retriever, message) == []


def test_can_i_create_what_a_guides_step_creates_still_finds_that_guide(kb_retriever):
    # Neighbour guard: the domains guide's step does create a CNAME record.
    assert _guides(kb_retriever, "can i create a cname record")[:1] == ["custom-domains-dns"]


async def test_alice_asking_to_delete_her_app_by_name_is_not_given_the_rate_limit_guide(converse):
    (outcome,) = await converse("cus_alice", "delete my app called shop-api")
    assert "429" not in outcome.reply and "Retry-After" not in outcome.reply
    assert NO_GUIDE in outcome.reply


def test_when_the_logs_were_is_not_what_they_are_about(kb_retriever):
    # "Last" is the failed-deploys guide's ("not the last line"): the logs asked for are the app's, which no guide
    # is about; the reply then says where a guide shows them (App → Logs).
    assert "failed-deploys-build-timeouts" not in _guides(kb_retriever, "can i see the logs from last week?")


def test_a_deploy_that_failed_last_night_still_finds_the_failed_deploys_guide(kb_retriever):
    # Neighbour guard.
    assert _guides(kb_retriever, "my build failed last night")[:1] == ["failed-deploys-build-timeouts"]


@pytest.mark.parametrize("message", ["where do I find my api key?", "where can I see my api key?"])
def test_where_to_find_something_no_step_shows_gets_no_guide(kb_retriever, message):
    # The rate-limits guide was found for "api" and its steps given, though none shows where a key is.
    assert kb_retriever.search(message) == []


def test_where_to_find_something_a_step_shows_still_gets_that_guide(kb_retriever):
    assert kb_retriever.search("where can i find my app logs?")[0].slug == "api-errors-5xx"
