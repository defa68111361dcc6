""""Why is my app slow on the pro plan?" got the rate-limits guide ("slow down before you hit the limit"): the plan's
name matched that guide's list of every plan's figures, and diluted the question's own words. A plan named says whose
app it is, not what the question is about: the guide on slow apps is found, as without it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("message", ["why is my app slow on the pro plan?", "my app is slow on pro",
                                     "why is my app slow on business?"])
def test_a_slow_app_on_a_named_plan_finds_the_scaling_guide_alone(kb_retriever, message):
    assert [a.title for a in kb_retriever.search(message)] == ["Scaling and cold starts"]


@pytest.mark.parametrize(("message", "guide"), [
    ("what are the api limits on free?", "API rate limits and HTTP 429"),
    ("build timeout on free", "Failed deploys and build timeouts"),
])
def test_a_plan_named_beside_the_topic_keeps_its_guide(kb_retriever, message, guide):
    assert kb_retriever.search(message)[0].title == guide


async def test_the_reply_to_a_slow_app_on_pro_is_the_scaling_guide(converse):
    (outcome,) = await converse("cus_alice", "why is my app slow on the pro plan?")
    assert "Scaling and cold starts" in outcome.reply and "API rate limits" not in outcome.reply, outcome.reply
