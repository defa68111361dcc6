"""The status of the account, asked for in so many words, is told with the subscription's state beside the sign-in
state: a past-due subscription (a failed payment) with what to do about it, a lock with its reason."""

from __future__ import annotations

import pytest

from agents.own_data import asks_if_all_is_well, asks_standing

FIX = "add a new card under **Billing → Payment method**"


@pytest.mark.parametrize("message", ["what's the status of my account", "my account status", "account status?",
                                     "how is my account looking?"])
async def test_account_status_tells_alice_her_subscription_is_past_due_and_how_to_fix_it(converse, message):
    [outcome] = await converse("cus_alice", message)
    reply = outcome.reply
    assert "Your account (alice) is active" in reply, reply
    assert "Your Pro subscription is past due." in reply and "NW-1003" in reply and FIX in reply, reply
    assert "status.northwind.cloud" not in reply and outcome.critic.verdict == "approve", reply


async def test_account_status_gives_bob_and_carol_their_subscription_beside_the_sign_in_state(converse):
    [bob] = await converse("cus_bob", "what's the status of my account")
    assert "Your account (bob) is active" in bob.reply, bob.reply
    assert "Your Business subscription is active; it renews on 2026-12-15." in bob.reply, bob.reply
    [carol] = await converse("cus_carol", "what's the status of my account")
    assert "Your account (carol) is locked" in carol.reply and "Your Free subscription is active." in carol.reply
    [visitor] = await converse(None, "what's the status of my account")
    assert "sign in" in visitor.reply and "subscription" not in visitor.reply, visitor.reply


@pytest.mark.parametrize(("message", "standing", "all_well"), [
    ("what's the status of my account?", True, False),
    ("status of my subscription", True, False),
    ("is my account in good standing?", True, True),
    ("where can I see the status of Northwind services?", False, False),  # the status page, not their account
])
def test_asking_for_the_status_is_a_standing_question_that_vouches_for_nothing(message, standing, all_well):
    assert asks_standing(message) is standing and asks_if_all_is_well(message) is all_well
