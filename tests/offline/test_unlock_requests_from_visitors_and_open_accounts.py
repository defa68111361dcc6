"""A visitor asking to be unlocked, however briefly ("please unlock me"), can't be looked up, so is given the help
centre's entry on locked accounts (a password reset unlocks it at once, or sign in and ask) instead of being turned
away as off topic. A signed-in customer whose account isn't locked is told so, with what signs them in, and not
told to sign in to this chat to ask for an unlock; a locked customer still gets the reason and the unlock."""

from __future__ import annotations

import pytest

from agents.own_data import unlock_request_naming_the_account

LOCK_ENTRY = ("We lock an account after five failed sign-ins in a row to keep it safe. Reset your password from the "
              "sign-in page to unlock it straight away, or sign in to this chat and ask us to unlock it.")
OUT_OF_SCOPE = "I can only help with your Northwind account"
ASK_US = "sign in to this chat and ask us to unlock it"


@pytest.mark.parametrize("message", [
    "please unlock me", "my account is locked, unlock it", "unlock my account pls", "unlock please",
])
async def test_a_visitor_asking_to_be_unlocked_gets_the_help_centres_answer_on_locked_accounts(converse, message):
    (outcome,) = await converse(None, message)
    assert outcome.reply == LOCK_ENTRY, outcome.reply
    assert outcome.route == "faq" and outcome.handoff_reason is None and outcome.actions == []


@pytest.mark.parametrize("message", ["please unlock me", "unlock please"])
async def test_a_locked_customer_asking_briefly_still_gets_the_reason_and_the_unlock(converse, message):
    (outcome,) = await converse("cus_carol", message)
    assert "Your account (carol) is locked — five failed sign-ins" in outcome.reply, outcome.reply
    assert [a.kind for a in outcome.actions] == ["account_unlock"], outcome.actions
    assert ASK_US not in outcome.reply, outcome.reply


async def test_an_open_account_locked_out_is_told_what_signs_it_in_and_not_to_ask_for_an_unlock(converse):
    (outcome,) = await converse("cus_alice", "I'm locked out please unlock")
    assert outcome.reply.startswith("Your account (alice) isn't locked — it's active."), outcome.reply
    assert "your password is all you need" in outcome.reply and "**Forgot password**" in outcome.reply, outcome.reply
    assert ASK_US not in outcome.reply and "We lock an account" not in outcome.reply, outcome.reply
    # The entry on locks still answers the technical reading: no unrelated guide takes its place.
    assert "guide" not in outcome.reply, outcome.reply
    assert outcome.actions == [] and outcome.handoff_reason is None


@pytest.mark.parametrize(("message", "searched"), [
    ("please unlock me", "please unlock my account"), ("unlock please", "unlock my account please"),
    ("I'm locked out please unlock", "I'm locked out please unlock my account"),
    ("unlock my account pls", "unlock my account pls"), ("my account is locked, unlock it", "my account is locked, unlock it"),
    ("how do i unlock my phone", "how do i unlock my phone"), ("does the pro plan unlock custom domains", "does the pro plan unlock custom domains"),
])
def test_an_unlock_request_is_searched_with_the_account_it_means(message, searched):
    assert unlock_request_naming_the_account(message) == searched


@pytest.mark.parametrize("message", ["please unlock me", "unlock please"])
async def test_an_open_account_asking_briefly_to_be_unlocked_is_not_told_to_ask_for_an_unlock(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith("Your account (alice) isn't locked — it's active."), outcome.reply
    assert "your password is all you need" in outcome.reply and ASK_US not in outcome.reply, outcome.reply
    assert outcome.actions == [] and outcome.handoff_reason is None
