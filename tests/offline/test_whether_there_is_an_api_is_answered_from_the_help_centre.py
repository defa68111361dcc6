""""Do you have an API?" was read as a general question no entry answers (0.77) and got "I don't have enough information".
The help centre's entry on the API's rate limits and its guides on API errors say there is one: the reply says yes,
quotes the entry, names the guides, and offers a person for what they don't describe (its endpoints). A fault with an
API, or a question about its limits, keeps its own answer."""

from __future__ import annotations

import pytest

from agents.about_service import asks_if_there_is_an_api

YES = "Yes, Northwind has an API."


@pytest.mark.parametrize(("customer", "message"), [("cus_alice", "do you have an api?"), (None, "is there a public api?")])
async def test_whether_there_is_an_api_gets_yes_with_what_the_help_centre_says_of_it(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(YES) and "60 requests a minute on Free" in outcome.reply, outcome.reply
    assert "API rate limits and HTTP 429" in outcome.reply and "pass you to a person" in outcome.reply, outcome.reply
    assert "I don't have enough information" not in outcome.reply, outcome.reply
    assert "What are the API rate limits?" in {s.title for s in outcome.sources}


async def test_a_fault_with_an_api_keeps_its_guide(converse):
    (outcome,) = await converse("cus_alice", "my api returns 500 errors")
    assert YES not in outcome.reply and "Troubleshooting API errors" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("do you have an api?", True), ("does northwind offer a REST API?", True), ("is there a public api", True),
    ("my api returns 500 errors", False), ("what are the api rate limits?", False), ("do you have an app?", False),
])
def test_asking_whether_there_is_an_api_is_told_from_other_api_questions(message, asks):
    assert asks_if_there_is_an_api(message) is asks
