""""Can you write me a python script to deploy my app?" asks for code, which this chat does not write, and reports
nothing wrong: the failed-deploys guide's steps ("select the failed deploy …") are no answer. The reply says it can't
write code, that the help centre has no guide on that as such, what the failure guide covers, and offers a person.
A script that fails, or a plain how-to, keeps its own answer."""

from __future__ import annotations

import pytest

CANNOT_WRITE = "I can't write scripts or code for you"
FAILED_DEPLOY_STEP = "select the failed deploy"


@pytest.mark.parametrize("message", ["can you write me a python script to deploy my app?",
                                     "write a bash script that deploys my app",
                                     "please write me some code to deploy my app"])
async def test_a_request_for_deploy_code_is_told_no_code_is_written_and_what_the_failure_guide_covers(converse,
                                                                                                     message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith(f"{CANNOT_WRITE}, and our help centre has no guide on how to do that as such."), (
        outcome.reply)
    assert "“Failed deploys and build timeouts” covers what to do when it goes wrong" in outcome.reply
    assert FAILED_DEPLOY_STEP not in outcome.reply and "stuck on a step" not in outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("message", "expected"), [
    # Neighbour guards: a script of theirs that fails is a failure report; a how-to asks for no code.
    ("my deploy script fails", FAILED_DEPLOY_STEP),
    ("the script I wrote to deploy my app failed", FAILED_DEPLOY_STEP),
    ("how do i deploy my app", "Our help centre has no guide on how to do that as such."),
])
async def test_a_failing_script_or_a_plain_how_to_is_not_told_code_cannot_be_written(converse, message, expected):
    (outcome,) = await converse("cus_alice", message)
    assert expected in outcome.reply and CANNOT_WRITE not in outcome.reply, outcome.reply
