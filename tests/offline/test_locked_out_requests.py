"""A signed-in customer asking to be unlocked, however it is put, is told why the account is locked and gets
the unlock started, as "can you unlock my account?" does; a visitor still gets the help centre's entry and is
asked to sign in. A signed-in customer's own lost authenticator is answered by whether two-factor is on, not
by the FAQ shortcut's recovery-code entry."""

from __future__ import annotations

import pytest

from agents.own_data import about_own_two_factor, asks_to_unlock
from tests.agents import fakes

LOCK_REASON = "Your account (carol) is locked — five failed sign-ins"
LOCK_ENTRY = "We lock an account after five failed sign-ins in a row"
UNLOCK_STARTED = "I'll start the unlock for you"
RECOVERY_STEP = "Use a recovery code"
RESET_STEPS = "choose **Forgot password** and enter your email address"


@pytest.mark.parametrize("message", [
    "I'm locked out, please unlock", "I'm locked out please unlock", "im locked out pls unlock", "please unlock me",
    "unlock my account pls", "i'm locked out", "unlock please",
])
async def test_a_locked_customer_asking_to_be_unlocked_in_any_words_gets_the_reason_and_the_unlock(
        converse, message):
    (asked_plainly,) = await converse("cus_carol", "can you unlock my account?")
    (outcome,) = await converse("cus_carol", message)
    for answer in (asked_plainly, outcome):
        assert LOCK_REASON in answer.reply and UNLOCK_STARTED in answer.reply, answer.reply
        assert [a.kind for a in answer.actions] == ["account_unlock"], answer.actions
    assert outcome.route != "faq" and outcome.intent.label == "account", (outcome.route, outcome.intent)
    assert "account" in outcome.summary["workers"]


@pytest.mark.parametrize("message", ["I'm locked out, please unlock", "I'm locked out please unlock"])
async def test_a_visitor_asking_to_be_unlocked_gets_the_entry_on_locks_and_nothing_is_unlocked(converse, message):
    (outcome,) = await converse(None, message)
    assert LOCK_ENTRY in outcome.reply, outcome.reply
    assert outcome.actions == [] and "carol" not in outcome.reply


async def test_a_visitor_asking_how_to_unlock_is_still_answered_from_the_faq(converse):
    (outcome,) = await converse(None, "how do I unlock my account?")
    assert outcome.route == "faq" and outcome.reply.startswith(LOCK_ENTRY), outcome.reply


@pytest.mark.parametrize("message", ["can you unlock my account?", "I'm locked out please unlock"])
async def test_an_open_account_asked_to_be_unlocked_is_told_it_isnt_locked(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert "Your account (alice) isn't locked — it's active." in outcome.reply, outcome.reply
    assert outcome.actions == []


async def test_the_faq_shortcut_still_answers_a_how_to_from_a_signed_in_customer(converse):
    (outcome,) = await converse("cus_alice", "how do I reset my password?")
    assert outcome.route == "faq" and RESET_STEPS in outcome.reply, outcome.reply


async def test_the_password_reset_asked_while_locked_is_the_steps_and_that_they_unlock_the_account(converse):
    # Since the tenth walk: the FAQ shortcut gave the steps alone, without the lock they lift.
    (outcome,) = await converse("cus_carol", "how do I reset my password?")
    assert outcome.route != "faq" and RESET_STEPS in outcome.reply, outcome.reply
    assert "also unlocks your account straight away" in outcome.reply, outcome.reply
    assert outcome.summary["faq"]["skipped"] == "the password reset asked while the signed-in customer's account is locked"


async def test_a_lost_authenticator_with_two_factor_off_is_told_the_password_alone_signs_in(converse):
    (outcome,) = await converse("cus_alice", "I lost my phone with my authenticator")
    assert outcome.route != "faq" and outcome.summary["faq"]["skipped"], outcome.summary["faq"]
    assert RECOVERY_STEP not in outcome.reply, outcome.reply
    assert "Two-factor authentication is currently off" in outcome.reply and "password alone" in outcome.reply


async def test_a_lost_authenticator_with_two_factor_on_still_gets_the_recovery_codes(converse, monkeypatch):
    monkeypatch.setitem(fakes.ACCOUNTS, "cus_alice",
                        fakes.ACCOUNTS["cus_alice"].model_copy(update={"two_factor_enabled": True}))
    (outcome,) = await converse("cus_alice", "I lost my phone with my authenticator")
    assert RECOVERY_STEP in outcome.reply and "password alone" not in outcome.reply, outcome.reply


async def test_how_to_turn_on_two_factor_is_still_answered_from_the_faq_for_a_signed_in_customer(converse):
    (outcome,) = await converse("cus_alice", "how do i turn on two factor")
    assert outcome.route == "faq" and "authenticator" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("I'm locked out, please unlock", True), ("please unlock me", True), ("unlock my account pls", True),
    ("can you get my account unlocked?", True), ("locked out of my account again", True),
    ("how do I unlock my account?", False), ("how do i unlock my phone", False),
    ("why am i locked out of my bank account", False), ("i entered the wrong pin, please help me unlock my account", False),
    ("does the pro plan unlock custom domains", False), ("why is my account locked?", False),
])
def test_a_request_to_be_unlocked_is_told_from_how_to_unlock_and_from_someone_elses_lock(message, asks):
    assert asks_to_unlock(message) is asks


@pytest.mark.parametrize(("message", "own"), [
    ("I lost my phone with my authenticator", True), ("my 2fa codes don't work", True),
    ("how do i turn on two factor", False), ("do you support two-factor authentication?", False),
])
def test_a_message_about_ones_own_two_factor_is_told_from_how_two_factor_works(message, own):
    assert about_own_two_factor(message) is own
