"""A visitor's "i want to sign up" got "I don't have enough information": the help centre has no entry on signing
up, so that is said honestly, with a person offered; the plans on offer are told when their entry was gathered."""

from __future__ import annotations

import pytest

from agents.sign_up_problems import WANTS_TO_SIGN_UP

NO_STEPS = "Our help centre doesn't describe the steps to sign up"
PLANS = "**Free** at $0, **Pro** at $29/month and **Business** at $99/month"


async def test_a_visitor_who_wants_to_sign_up_is_told_there_are_no_steps_and_offered_a_person(converse):
    (outcome,) = await converse(None, "i want to sign up")
    assert outcome.reply.startswith(NO_STEPS), outcome.reply
    assert "pass you to a person" in outcome.reply, outcome.reply
    assert "I don't have enough information" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["how to open a online account", "i want to open a user account, what can i do?",
                                     "I don't have a user account, how can I open one?",
                                     "I want an online account, create one",
                                     "I don't have a profile and I want to create one", "can I open a pro account?"])
async def test_opening_an_account_in_other_words_is_signing_up(converse, message):
    (outcome,) = await converse(None, message)
    # Some are read as thinking about joining too, and get the plans first.
    assert NO_STEPS in outcome.reply and "I don't have enough information" not in outcome.reply, outcome.reply


async def test_the_plans_are_told_once_when_asked_beside_signing_up(converse):
    (outcome,) = await converse(None, "what plans do you offer? i want to sign up")
    assert outcome.reply.count(PLANS) == 1 and NO_STEPS in outcome.reply, outcome.reply


async def test_a_visitor_who_cannot_sign_in_is_not_told_about_signing_up(converse):
    # Near miss: "sign in", not "sign up".
    (outcome,) = await converse(None, "i can't sign in")
    assert NO_STEPS not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "wants_to_sign_up"), [
    ("i want to sign up", True),
    ("how do i create an account?", True),
    ("can i register?", True),
    ("i can't sign in", False),
    ("i signed up last week", False),
    ("delete my account", False),
])
def test_only_wanting_a_new_account_is_read_as_signing_up(message, wants_to_sign_up):
    assert bool(WANTS_TO_SIGN_UP.search(message)) is wants_to_sign_up
