""""How many seats do I get on Pro?": a plan's seats are its team members, which the help centre's team entry
gives; not the off-topic reply. A seat anywhere else stays what it was."""

from __future__ import annotations

import pytest

from agents.service_terms import with_terms_spelled

TEAM_LIMIT = "Free and Pro accounts can invite up to 3 members"


@pytest.mark.parametrize("customer", ["cus_alice", None])
@pytest.mark.parametrize("message", ["how many seats do I get on Pro?", "how many seats on free", "can i buy more seats"])
async def test_seats_of_a_plan_are_answered_with_the_team_limit(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert TEAM_LIMIT in outcome.reply and outcome.intent.label != "out_of_scope", outcome.reply


@pytest.mark.parametrize("message", ["i need a window seat", "is there a seat at the conference", "have a seat"])
def test_other_seats_are_left_as_they_are(message):
    assert with_terms_spelled(message) == message
