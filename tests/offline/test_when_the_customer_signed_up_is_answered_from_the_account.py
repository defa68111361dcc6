""""When did I sign up?" got "You already have an account ... nothing more to sign up for" (read as wanting to sign
up), and "how long have I been a member?" the scope reply: the account's facts hold when it was opened, which is told.
The demo customers joined when their subscriptions started (2026-08-01), not on the day the demo was seeded."""

from __future__ import annotations

import pytest

from agents.own_data import asks_when_joined

SINCE = "You've had your account (alice) since 2026-08-01."


@pytest.mark.parametrize("message", ["when did I sign up?", "how long have I been a member?", "member since when?"])
async def test_when_the_account_was_opened_is_told_from_the_account(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert SINCE in outcome.reply, outcome.reply
    assert "nothing more to sign up for" not in outcome.reply and "I can only help with" not in outcome.reply


async def test_a_question_about_how_they_signed_up_is_not_read_as_wanting_to_sign_up(converse):
    (outcome,) = await converse("cus_alice", "did I sign up with google?")
    assert "nothing more to sign up for" not in outcome.reply, outcome.reply


async def test_a_visitor_asking_when_they_signed_up_is_asked_to_sign_in(converse):
    (outcome,) = await converse(None, "when did I sign up?")
    assert "2026-08-01" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("when did I sign up?", True), ("how long have I been a customer?", True), ("when did we join?", True),
    ("how do I sign up?", False), ("when does my plan renew?", False), ("when did my payment fail?", False),
])
def test_only_when_the_account_was_opened_is_read_as_such(message, asks):
    assert asks_when_joined(message) is asks
