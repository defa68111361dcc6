""""And secrets?" after the steps of the environment-variables guide got the whole guide again behind "My answer is the
same as in my last message", though the guide's second step is about secrets. A short follow-up on the guide just given
gets that guide's steps on what it adds, numbered as in the guide."""

from __future__ import annotations

import pytest

SECRET_STEP = "2. Mark API keys and passwords as **Secret**"


@pytest.mark.parametrize("follow_up", ["and secrets?", "what about secrets?"])
async def test_secrets_after_the_environment_guide_get_the_step_on_secrets_alone(converse, follow_up):
    _, outcome = await converse("cus_alice", "how do I set environment variables?", follow_up)
    assert "The guide from my last message, “Environment variables and secrets”" in outcome.reply, outcome.reply
    assert SECRET_STEP in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply and "1. Go to **App → Settings → Environment**" not in outcome.reply


async def test_the_same_follow_up_with_no_guide_before_it_gets_the_guide_in_full(converse):
    [outcome] = await converse("cus_alice", "and secrets?")
    assert "The guide from my last message" not in outcome.reply, outcome.reply
    assert "1. Go to **App → Settings → Environment**" in outcome.reply and SECRET_STEP in outcome.reply


async def test_a_follow_up_every_step_is_about_gets_no_single_step(converse):
    # "Environment variables" are what every step of that guide is about: no one step answers them.
    _, outcome = await converse("cus_alice", "how do I set environment variables?", "and env vars?")
    assert "The guide from my last message" not in outcome.reply, outcome.reply
