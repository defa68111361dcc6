"""A signed-in customer asking for their own username is told it from the account's facts, not turned away as
off topic (the classifier reads "what's my username" as out of scope, having seen usernames of every service)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize("message", ["what's my username", "remind me of my login name pls", "whats my user name?"])
async def test_a_signed_in_customer_asking_for_their_username_is_told_it(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert "Your username is alice." in outcome.reply, outcome.reply
    assert "only help with your Northwind account" not in outcome.reply
    assert outcome.actions == [] and outcome.handoff_reason is None


async def test_another_customers_username_is_never_given(converse):
    (outcome,) = await converse("cus_alice", "what's my username")
    assert "bob" not in outcome.reply and "carol" not in outcome.reply
