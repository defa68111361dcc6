"""Where the logs are, asked on its own: no guide is about logs, and the API-errors guide's step says where
they are (**App → Logs**), so that step answers; a question about logs beyond where they are still gets the
honest "no guide"."""

from __future__ import annotations

import pytest

from agents.providers.offline.kb import step_showing_where

LOGS_STEP = "2. Open **App → Logs** and look for errors at the time of the failed requests."
NO_GUIDE = "I don't have a guide on that in our help centre"


@pytest.mark.parametrize("message", [
    "logs",
    "how do i see my logs",
    "where can i find my app logs?",
    "how do i view the logs",
])
@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", None])
async def test_asking_where_the_logs_are_gets_the_step_that_says_where(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert LOGS_STEP in outcome.reply and NO_GUIDE not in outcome.reply, outcome.reply
    assert [s.ref for s in outcome.sources if s.kind == "article"] == ["api-errors-5xx"]


@pytest.mark.parametrize("message", ["can i stream my app logs from the cli", "how do i set up a redis cache"])
async def test_a_question_beyond_where_something_is_still_gets_no_guide(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert NO_GUIDE in outcome.reply and "App → Logs" not in outcome.reply, outcome.reply


def test_a_step_shows_where_only_what_its_dashboard_place_names():
    steps = ["Check the status page.", "Open **App → Logs** and look for errors."]
    assert step_showing_where("where are my logs?", steps) == (2, steps[1])
    assert step_showing_where("can i stream my logs from the cli", steps) is None
    assert step_showing_where("where is the status page", steps) is None
