"""A signed-in customer whose account is open with two-factor off, losing the phone their authenticator would be on
("I lost my phone" after asking how to turn two-factor on, "new phone, codes don't work"), is told two-factor is off
so the password alone signs them in, not given the FAQ's recovery-code entry, which assumes it is on. A locked account
with two-factor off is told the same after the lock, which is what keeps it out, with the unlock offered. With
two-factor on, and for a visitor (who can't be looked up), the recovery entry stands."""

from __future__ import annotations

import pytest

from agents.own_data import reports_lost_second_factor
from tests.agents import fakes

RECOVERY_ENTRY = "Sign in with your password and choose **Use a recovery code** on the two-factor screen"
TWO_FACTOR_OFF = ("Two-factor authentication is currently off for your account, so your password alone signs you "
                  "in: you don't need a code from your authenticator.")


@pytest.mark.parametrize("messages", [
    ("how do i turn on two factor", "I lost my phone"),
    ("how do i turn on two factor", "new phone, codes don't work"),
    ("new phone, codes don't work",),
])
async def test_a_lost_phone_with_two_factor_off_is_told_the_password_alone_signs_in(converse, messages):
    outcome = (await converse("cus_alice", *messages))[-1]
    assert outcome.reply.startswith(TWO_FACTOR_OFF), outcome.reply
    assert "recovery code" not in outcome.reply, outcome.reply
    assert outcome.route == "resolver" and outcome.intent.label == "account", (outcome.route, outcome.intent)
    assert outcome.handoff_reason is None and outcome.summary["faq"]["skipped"], outcome.summary["faq"]


async def test_a_lost_authenticator_after_asking_how_to_turn_it_on_is_told_two_factor_is_off(converse):
    _, outcome = await converse("cus_alice", "how do i turn on two factor", "lost my authenticator")
    assert outcome.reply.startswith(TWO_FACTOR_OFF) and "Use a recovery code" not in outcome.reply, outcome.reply


async def test_a_lost_phone_with_two_factor_on_still_gets_the_recovery_entry(converse, monkeypatch):
    monkeypatch.setitem(fakes.ACCOUNTS, "cus_alice",
                        fakes.ACCOUNTS["cus_alice"].model_copy(update={"two_factor_enabled": True}))
    _, outcome = await converse("cus_alice", "how do i turn on two factor", "I lost my phone")
    assert outcome.route == "faq" and outcome.reply.startswith(RECOVERY_ENTRY), outcome.reply
    assert "password alone" not in outcome.reply


async def test_a_visitor_losing_a_phone_still_gets_the_recovery_entry(converse):
    _, outcome = await converse(None, "how do i turn on two factor", "I lost my phone")
    assert outcome.route == "faq" and outcome.reply.startswith(RECOVERY_ENTRY), outcome.reply


async def test_a_locked_account_with_two_factor_off_losing_a_phone_is_told_the_lock_keeps_it_out(converse):
    # The recovery entry came, whose codes are for two-factor that Carol never turned on.
    _, outcome = await converse("cus_carol", "how do i turn on two factor", "I lost my phone")
    assert outcome.reply.startswith("Your account (carol) is locked — five failed sign-ins."), outcome.reply
    assert TWO_FACTOR_OFF in outcome.reply and "recovery code" not in outcome.reply


@pytest.mark.parametrize(("message", "lost"), [
    ("I lost my phone", True), ("lost my authenticator", True), ("new phone, codes don't work", True),
    ("my 2fa codes don't work", True), ("my phone was stolen", True), ("I got a new phone", True),
    ("how do i turn on two factor", False), ("how do I set up 2fa on a new phone?", False),
    ("is 2fa on for my account", False), ("do you have a new mobile app?", False),
    ("the discount code doesn't work", False), ("I changed my phone number", False), ("I lost my password", False),
])
def test_losing_the_second_factor_or_its_phone_is_told_from_other_messages(message, lost):
    assert reports_lost_second_factor(message) is lost
