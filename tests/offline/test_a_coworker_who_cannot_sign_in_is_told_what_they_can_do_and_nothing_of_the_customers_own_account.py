""""My coworker can't log in" (no name given) is someone else's account: nothing of it is looked at or changed, the
customer's own account is neither described nor unlocked, and what the coworker can do themselves is quoted from
the help centre. The customer's own "I'm locked out" still gets their lock and the unlock."""

from __future__ import annotations

import pytest

from agents.own_data import about_someone_elses_sign_in, reports_cannot_sign_in
from tests.agents.fakes import FakePorts

# The help centre's entries on a password reset and on a lock, as the demo knowledge words them.
RESET_ENTRY = "choose **Forgot password** and enter your email address"
LOCK_ENTRY = "Reset your password from the sign-in page to unlock it straight away"


@pytest.mark.parametrize("customer", ["cus_alice", "cus_carol", None])
async def test_a_coworker_who_cannot_log_in_gets_the_reset_entry_and_nothing_of_the_customers_account(converse,
                                                                                                     customer):
    ports = FakePorts()
    [turn] = await converse(customer, "my coworker can't log in", ports=ports)
    assert "anyone else's account" in turn.reply
    assert RESET_ENTRY in turn.reply
    assert "Your account" not in turn.reply and "carol" not in turn.reply and "alice" not in turn.reply
    assert ports.unlocked == []
    assert turn.actions == []


async def test_a_colleague_locked_out_gets_the_lock_entry(converse):
    [turn] = await converse("cus_alice", "my colleague is locked out")
    assert LOCK_ENTRY in turn.reply
    assert "Your account (alice)" not in turn.reply


async def test_a_coworker_named_still_gets_what_they_can_do_from_the_help_centre(converse):
    [turn] = await converse("cus_alice", "my coworker bob can't log in")
    assert "anyone else's" in turn.reply
    assert RESET_ENTRY in turn.reply


async def test_the_customers_own_lock_is_still_unlocked(converse):
    ports = FakePorts()
    [turn] = await converse("cus_carol", "I'm locked out", ports=ports)
    assert "Your account (carol) is locked" in turn.reply
    assert ports.unlocked == ["cus_carol"]


@pytest.mark.parametrize("message", [
    "my coworker can't log in", "my colleague is locked out", "a teammate forgot their password",
    "one of my teammates cannot sign in", "my coworker bob chen is locked out",
])
def test_someone_elses_sign_in_is_recognised(message):
    assert about_someone_elses_sign_in(message)
    assert not reports_cannot_sign_in(message)


@pytest.mark.parametrize("message", [
    "my colleague locked me out", "I can't log in to invite my coworker", "my coworker says I can't log in",
    "I'm locked out, my coworker says hi", "my coworker and i cant log in",
])
def test_the_customers_own_sign_in_beside_a_coworker_is_not_taken_for_theirs(message):
    assert not about_someone_elses_sign_in(message)
