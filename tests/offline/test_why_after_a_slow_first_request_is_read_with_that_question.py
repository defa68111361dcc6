""""My app is slow on the first request" then "why?": the reason for what was just told, read with the question
before (the guide on cold starts), not a question of its own that no guide is about."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import leans_back

NO_GUIDE = "I don't have a guide on that"


@pytest.mark.parametrize("follow_up", ["why?", "but why", "how come?"])
async def test_why_after_a_slow_first_request_is_about_cold_starts(converse, follow_up):
    _, outcome = await converse(None, "my app is slow on the first request", follow_up)
    assert NO_GUIDE not in outcome.reply, outcome.reply
    assert "cold start" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "leans"), [
    ("why?", True),
    ("ok why exactly", True),
    # Near misses: a why that names what it asks about.
    ("why was i charged twice?", False),
    ("why does my build fail on the install step", False),
])
def test_only_a_bare_why_leans_on_the_question_before(message, leans):
    assert leans_back(message) is leans
