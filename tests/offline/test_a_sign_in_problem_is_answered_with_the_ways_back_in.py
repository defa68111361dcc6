""""I can't log in" or "I'm having trouble logging in" from a visitor (who may be locked out of the chat's sign-in too)
got "I don't have enough information", and "login not working" "I don't have a guide that fits this" (read as technical);
"I'm having trouble logging in" was even turned away as off topic. A visitor's sign-in problem gets the help centre's ways
back in, each by what it is for, and a person offered. "My users can't log in to my app" is about their app, and no longer
told the customer's own account's state. "Is eu-west in trouble?" is answered with the open incident there."""

from __future__ import annotations

import pytest

from agents.providers.offline.intents import get_classifier

WAYS_BACK_IN = "Here's what usually gets you back in, from our help centre:"


@pytest.mark.parametrize("message", ["I can't log in", "I'm having trouble logging in", "login not working",
                                     "having trouble signing in"])
async def test_a_visitors_sign_in_problem_gets_the_ways_back_in_and_a_person(converse, message):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith(WAYS_BACK_IN), outcome.reply
    for way in ("- If you've forgotten your password: Open the sign-in page, choose **Forgot password**",
                "- If your account is locked: We lock an account after five failed sign-ins",
                "- If you've lost the phone with your authenticator:"):
        assert way in outcome.reply
    assert "pass you to a person" in outcome.reply and outcome.intent.label == "account"


async def test_a_signed_in_customer_is_still_told_their_own_accounts_state(converse):
    [outcome] = await converse("cus_carol", "I'm having trouble logging in")
    assert "Your account (carol) is locked" in outcome.reply and WAYS_BACK_IN not in outcome.reply


@pytest.mark.parametrize("message", ["I'm having trouble logging in", "having trouble signing in", "login not working"])
def test_trouble_signing_in_is_an_account_question(message):
    assert get_classifier().classify(message).label == "account"


@pytest.mark.parametrize("message", ["my users can't log in to my app", "visitors can't sign in to my site"])
async def test_their_apps_users_signing_in_is_not_answered_with_their_own_account(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.intent.label == "technical", outcome.intent
    assert "Your account (alice)" not in outcome.reply, outcome.reply


async def test_a_region_in_trouble_is_answered_with_its_open_incident(converse):
    [outcome] = await converse("cus_alice", "is eu-west in trouble?")
    assert "Elevated API error rates in eu-west" in outcome.reply, outcome.reply
