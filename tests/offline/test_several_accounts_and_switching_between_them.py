""""Can I have more than one account?" and "I want to use my other user account" got "I don't have enough information"
(or, for "switch to another online account", the steps to change the account's email): whether one may hold several
accounts is not in the help centre, which is said, with a person offered; using another account is signing in with it,
which the chat page does (top right). Nothing of either account is looked at."""

from __future__ import annotations

import pytest

NOT_SAID = "Our help centre doesn't say whether one person, or one email address, can have more than one account"
SIGN_OUT = "To use your other account, sign out (top right) and sign in with that one"


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "i want to know if i can have more than one online account"),
    (None, "I want to know if I can create several accounts with the same email address"),
    ("cus_alice", "tell me if I can have more than one profile"),
])
async def test_whether_one_may_hold_several_accounts_is_not_guessed_and_a_person_offered(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(NOT_SAID) and "pass you to a person" in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["I want to use my other user account, help me change them",
                                     "help me switch to another online account", "switch between my accounts"])
async def test_using_another_account_is_signing_in_with_it(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert outcome.reply.startswith(SIGN_OUT), outcome.reply
    assert "Settings → Profile" not in outcome.reply  # not the email change


async def test_a_visitor_is_told_to_sign_in_with_the_account_they_want(converse):
    [outcome] = await converse(None, "i want to use my other account, can u switch them?")
    assert outcome.reply.startswith("To use one of your accounts here, sign in (top right) with it"), outcome.reply


async def test_a_conversation_opened_over_the_api_stays_with_its_account(converse):
    [outcome] = await converse("cus_bob", "I want to use my other user account", channel="api")
    assert outcome.reply.startswith("This conversation is linked to the account it was opened for"), outcome.reply
    assert "top right" not in outcome.reply


@pytest.mark.parametrize("message", ["I have two accounts and both were charged", "how do I add a second team member account?"])
async def test_a_message_about_two_accounts_that_asks_nothing_of_holding_them_is_answered_as_before(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert NOT_SAID not in outcome.reply and SIGN_OUT not in outcome.reply, outcome.reply
