""""I forgot my password and my 2fa phone", with two-factor off on the account, was told to turn two-factor on: no help
to someone who can't get in. With two-factor off, no code is needed, and the reset is the way back in; both are said.
A lost authenticator alone still gets the state and how to set two-factor up again."""

from __future__ import annotations

import pytest

OFF = "Two-factor authentication is currently off for your account, so your password alone signs you in"
RESET = "To get back in, reset your password: Open the sign-in page, choose **Forgot password**"


@pytest.mark.parametrize("message", ["I forgot my password and my 2fa phone",
                                     "forgot my password, and I lost my authenticator too"])
async def test_a_forgotten_password_and_a_lost_second_factor_get_the_state_and_the_reset(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith(OFF) and RESET in outcome.reply, outcome.reply
    assert "Turn it on" not in outcome.reply and "recovery code" not in outcome.reply.lower(), outcome.reply
    assert "How do I reset my password?" in {s.title for s in outcome.sources}


async def test_a_lost_authenticator_alone_gets_how_to_set_it_up_again(converse):
    (outcome,) = await converse("cus_alice", "I lost my phone with my authenticator")
    assert outcome.reply.startswith(OFF) and RESET not in outcome.reply, outcome.reply
    assert "here's how to set it up" in outcome.reply, outcome.reply
