"""Alice's deploy failed with "build exceeded memory limit": the entry on builds states their minutes, not memory,
however near its other words ("build", "deploy"); the help centre's word on memory is the scaling guide's step
("Watch memory in App → Metrics; an instance that runs out of memory is restarted")."""

from __future__ import annotations

import pytest

BUILD_MINUTES = "builds of up to 45 minutes"
MEMORY_STEP = "Watch memory in **App → Metrics**; an instance that runs out of memory is restarted."


@pytest.mark.parametrize("message", ['my deploy failed with "build exceeded memory limit"',
                                     "build failed: exceeded the ram limit"])
async def test_a_memory_limit_gets_the_guides_step_on_memory_not_the_build_minutes(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert BUILD_MINUTES not in outcome.reply and "No plan allows more" not in outcome.reply, outcome.reply
    assert MEMORY_STEP in outcome.reply, outcome.reply


async def test_a_build_that_exceeded_its_time_limit_still_gets_the_build_minutes(converse):
    # Near miss: a time limit is what the entry on builds states.
    (outcome,) = await converse("cus_alice", "my build exceeded the time limit")
    assert BUILD_MINUTES in outcome.reply, outcome.reply
