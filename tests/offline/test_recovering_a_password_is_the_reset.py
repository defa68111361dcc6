""""I need to recover my password", "I try to retrieve my profile password" and "problems with my password recovery" got
"I don't have enough information" (the reset's entry scored 0.03: "recover" and "retrieve" are no word of it) or the
reset hedged as a guess: getting a password back is the reset, quoted as the answer."""

from __future__ import annotations

import pytest

from agents.own_data import asks_to_recover_password

RESET = "Open the sign-in page, choose **Forgot password** and enter your email address."


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "I need to recover my password"), (None, "problems with my password recovery"),
    ("cus_alice", "I try to retrieve my damn profile password"),
    # Bitext's phrasings that still got "I don't have enough information" (the reset's entry at 0.008 to 0.15).
    ("cus_alice", "I lost my password, I need help recovering it"), (None, "I lost my password, I need help recovering it"),
    ("cus_alice", "help me reset my user profile password"), ("cus_alice", "i want help to restor my pwd"),
    ("cus_bob", "where can i get information about the pwd reset"), (None, "question about forgotten pwd"),
])
async def test_getting_a_password_back_gets_the_reset_steps(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(RESET), outcome.reply


async def test_a_locked_account_hears_of_the_lock_first(converse):
    [outcome] = await converse("cus_carol", "how do I recover my password")
    assert outcome.reply.startswith("Your account (carol) is locked") and RESET in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "recovers"), [
    ("recover my password", True), ("password recovery", True), ("get back my old password", True),
    ("recover my data", False), ("change my password", False),
    ("reset my user profile password", True), ("I forgot my login password", True), ("the pwd reset", True),
    ("password lost, can you reset it?", True), ("reset my api key", False), ("I lost my phone", False),
])
def test_getting_a_password_back(message, recovers):
    assert asks_to_recover_password(message) is recovers
