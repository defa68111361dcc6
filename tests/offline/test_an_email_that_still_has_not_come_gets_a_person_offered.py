""""Still nothing" after "I didn't get the email" (the reset link) got the address on the account and then "I don't
have enough information": the question it leans on was two turns back. It is told sorry, the address the account has
(signed in), and a person is offered; "yes please" then hands over."""

from __future__ import annotations

import pytest

SORRY = "I'm sorry it still hasn't arrived."
RESET = ("I forgot my password", "I didn't get the email")


@pytest.mark.parametrize("still", ["still nothing", "still haven't got it", "nothing yet", "no, still no email"])
async def test_still_nothing_after_the_reset_email_did_not_come(converse, still):
    *_, outcome = await converse("cus_alice", *RESET, still)
    assert outcome.reply.startswith(SORRY), outcome.reply
    assert "The email address on your account is alice@example.com" in outcome.reply
    assert "pass you to a person" in outcome.reply
    assert "I don't have enough information" not in outcome.reply


async def test_yes_to_the_offer_hands_over(converse):
    *_, outcome = await converse("cus_alice", *RESET, "still nothing", "yes please")
    assert outcome.route == "handoff", outcome.reply


async def test_a_visitor_is_offered_a_person_without_an_address(converse):
    *_, outcome = await converse(None, *RESET, "still nothing")
    assert outcome.reply.startswith(SORRY) and "@" not in outcome.reply, outcome.reply


async def test_not_yet_with_nothing_said_of_an_email_before_is_not_about_one(converse):
    _, outcome = await converse("cus_alice", "has my refund been approved?", "not yet?")
    assert SORRY not in outcome.reply, outcome.reply
