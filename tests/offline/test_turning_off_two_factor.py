"""Asked how to turn two-factor off, a customer whose two-factor is already off is told so, not given the help
centre's steps to turn it on (the only entry on two-factor, which answers the opposite question)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.asyncio

ENABLE_STEPS = "choose **Enable**"


@pytest.mark.parametrize("message", ["how do i turn off 2fa", "disable two factor on my account pls",
                                     "can i switch off two-factor authentication?"])
async def test_turning_off_two_factor_that_is_already_off_is_told_there_is_nothing_to_turn_off(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert "already off for your account, so there's nothing to turn off" in outcome.reply, outcome.reply
    assert ENABLE_STEPS not in outcome.reply, outcome.reply
    assert outcome.actions == [] and outcome.handoff_reason is None


async def test_turning_two_factor_on_still_gets_the_steps(converse):
    (outcome,) = await converse("cus_alice", "how do i turn on 2fa")
    assert ENABLE_STEPS in outcome.reply, outcome.reply
    assert "nothing to turn off" not in outcome.reply
