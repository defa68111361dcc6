""""How do I sign up?" from a signed-in customer got "I don't have enough information": they have an account, which
the reply says, with who they are signed in as and their plan. A colleague to sign up is the team entry's answer."""

from __future__ import annotations

import pytest

HAVE_ONE = "You already have an account: you're signed in as **"


@pytest.mark.parametrize(("customer", "username", "plan"), [("cus_alice", "alice", "Pro"), ("cus_bob", "bob", "Business")])
@pytest.mark.parametrize("message", ["how do I sign up?", "i want to sign up", "how do i create an account?"])
async def test_a_customer_who_asks_to_sign_up_is_told_they_are_signed_in_on_their_plan(
        converse, customer, username, plan, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(f"{HAVE_ONE}{username}**, on the {plan} plan"), outcome.reply
    assert "I don't have enough information" not in outcome.reply, outcome.reply


async def test_signing_up_a_colleague_gets_the_team_entry_not_the_account(converse):
    (outcome,) = await converse("cus_alice", "how do I sign up my coworker?")
    assert HAVE_ONE not in outcome.reply, outcome.reply
    assert "Settings → Team → Invite" in outcome.reply, outcome.reply


async def test_a_visitor_is_still_told_the_help_centre_has_no_sign_up_steps(converse):
    (outcome,) = await converse(None, "how do I sign up?")
    assert HAVE_ONE not in outcome.reply, outcome.reply
    assert "doesn't describe the steps to sign up" in outcome.reply, outcome.reply
