""""Whats the memory limit on pro?", "what's the cpu limit?", "how much disk space do i get?", "how much bandwidth
on business?": neither the plans' lists nor the help centre's entries give such a figure for any plan. The reply
says so first (no figure invented, no guide's steps as if they answered), then what a guide's step says of it
(memory: App → Metrics, an instance that runs out of memory is restarted), and offers a person. Running into a
limit, what the app uses, or a limit the help centre does state keep their own answers."""

from __future__ import annotations

import pytest

NO_FIGURE = "Our help centre doesn't give a {name} figure for any plan"
MEMORY_STEP = "5. Watch memory in **App → Metrics**; an instance that runs out of memory is restarted."


@pytest.mark.parametrize(("customer", "message", "name"), [
    ("cus_alice", "whats the memory limit on pro?", "memory"),
    (None, "what's the max ram on the free plan?", "memory"),
    ("cus_alice", "what's the cpu limit?", "CPU"),
    ("cus_alice", "how much disk space do i get?", "disk space"),
    ("cus_alice", "how much storage do i get on free?", "storage"),
    ("cus_alice", "how much bandwidth on business?", "bandwidth"),
])
async def test_a_resource_figure_no_plan_states_is_said_to_be_missing_first(converse, customer, message, name):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(NO_FIGURE.format(name=name)), outcome.reply
    assert "pass you to a person" in outcome.reply
    # No invoices, no troubleshooting steps as if they answered.
    assert "NW-" not in outcome.reply and "usually sort it out" not in outcome.reply, outcome.reply
    assert (MEMORY_STEP in outcome.reply) == (name == "memory"), outcome.reply


async def test_the_memory_step_follows_the_missing_figure(converse):
    (outcome,) = await converse("cus_alice", "whats the memory limit on pro?")
    assert outcome.reply.index(NO_FIGURE.format(name="memory")) < outcome.reply.index(MEMORY_STEP), outcome.reply
    assert "1. Go to **App → Scaling**" not in outcome.reply


@pytest.mark.parametrize(("message", "expected"), [
    # Neighbour guards: what the app uses, a limit run into, and limits the help centre states.
    ("how much memory is my app using?", "The step that fits what you describe:\n" + MEMORY_STEP),
    ("my build exceeded the memory limit", "The step that fits what you describe:\n" + MEMORY_STEP),
    ("what's the api rate limit on pro?", "600 requests a minute on Pro"),
    ("what's the max build time on pro?", "builds of up to 45 minutes"),
])
async def test_what_the_app_uses_a_limit_run_into_or_one_stated_keeps_its_answer(converse, message, expected):
    (outcome,) = await converse("cus_alice", message)
    assert expected in outcome.reply and "figure for any plan" not in outcome.reply, outcome.reply
