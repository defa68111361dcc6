""""How do I deploy my app?" reports nothing wrong: the failed-deploys guide's steps ("select the failed deploy and
read the build log") fix a failure and say nothing of how to deploy. The reply says the help centre has no guide on
that as such, what the failure guide covers, and offers a person; it lists no steps and no "if you get stuck on a
step". A failure reported, a step that does what is asked (rolling back) or one that shows where to look (the logs)
still gets the guide's steps."""

from __future__ import annotations

import pytest

NO_GUIDE_AS_SUCH = "Our help centre has no guide on how to do that as such."


@pytest.mark.parametrize("message", ["how do i deploy my app", "how can we deploy from the cli",
                                     "how to deploy a python app"])
async def test_a_how_to_the_failed_deploys_guide_does_not_answer_gets_no_steps(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith(NO_GUIDE_AS_SUCH), outcome.reply
    assert "“Failed deploys and build timeouts” covers what to do when it goes wrong" in outcome.reply
    assert "1. Open **App → Deploys**" not in outcome.reply and "stuck on a step" not in outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("message", "step"), [
    ("my deploy failed", "1. Open **App → Deploys**"),
    ("how do i fix a failed deploy", "1. Open **App → Deploys**"),
    ("how do i roll back a deploy", "Roll back to the last good deploy"),
    ("how to check my app logs", "Open **App → Logs**"),
    ("how do i set up autoscaling", "turn on autoscaling"),
])
async def test_a_failure_a_fitting_step_or_a_place_to_look_still_gets_the_guides_steps(converse, message, step):
    # Neighbour guards.
    (outcome,) = await converse("cus_alice", message)
    assert step in outcome.reply and NO_GUIDE_AS_SUCH not in outcome.reply, outcome.reply
