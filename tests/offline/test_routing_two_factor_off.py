"""Alice's two-factor is off: "2fa", "is 2fa on", "mfa" are answered by that and how to turn it on (the help centre's
entry on enabling it), never by the lost-phone entry's recovery codes; "turn on 2fa for me", "how to setup
authenticator" and "2 factor" get the steps too, not the state alone or "not enough information"."""

from __future__ import annotations

import pytest

from agents.own_data import about_own_two_factor

OFF = "Two-factor authentication is currently off for your account"
ENABLE_STEPS = "Settings → Security → Two-factor authentication"
RECOVERY_STEP = "Use a recovery code"
NOT_SURE = "I don't have enough information"


@pytest.mark.parametrize("message", ["2fa", "is 2fa on", "mfa", "turn on 2fa for me", "how to setup authenticator",
                                     "2 factor", "is two-factor enabled?"])
async def test_alice_is_told_two_factor_is_off_and_how_to_turn_it_on(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert OFF in outcome.reply and ENABLE_STEPS in outcome.reply, outcome.reply
    assert RECOVERY_STEP not in outcome.reply and NOT_SURE not in outcome.reply, outcome.reply
    assert outcome.route != "faq", outcome.route


async def test_turning_it_on_for_her_is_not_promised(converse):
    (outcome,) = await converse("cus_alice", "turn on 2fa for me")
    assert "I can't turn two-factor on for you" in outcome.reply, outcome.reply
    assert "I've turned" not in outcome.reply and outcome.actions == []


async def test_a_lost_phone_with_two_factor_off_still_says_the_password_alone_signs_in(converse):
    (outcome,) = await converse("cus_alice", "I lost my phone with my authenticator")
    assert "your password alone signs you in" in outcome.reply and RECOVERY_STEP not in outcome.reply, outcome.reply


async def test_how_to_turn_it_on_is_still_the_help_centres_answer(converse):
    (outcome,) = await converse("cus_alice", "how do I turn on two factor?")
    assert ENABLE_STEPS in outcome.reply, outcome.reply


@pytest.mark.parametrize(("text", "own"), [
    ("2fa", True), ("mfa", True), ("is 2fa on", True), ("2 factor", True), ("is two-factor enabled", True),
    ("do you support two-factor authentication?", False), ("how do i turn on two factor", False),
])
def test_a_signed_in_customers_bare_two_factor_question_is_about_their_own(text, own):
    assert about_own_two_factor(text) is own
