""""How do I add a teammate as admin?" is the help centre's entry on adding team members (pick a role when you
invite), not "I don't have enough information": the role named must not hide the entry from the search."""

from __future__ import annotations

import pytest

TEAM_ENTRY_STEP = "Settings → Team → Invite"


@pytest.mark.parametrize("message", [
    "how do i add a teammate as admin?",
    "make a team member an admin",
    "how can i give someone admin access to my team",
])
async def test_adding_a_teammate_as_an_admin_is_answered_from_the_team_entry(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert TEAM_ENTRY_STEP in outcome.reply
    assert "enough information" not in outcome.reply


async def test_the_roles_asked_about_next_are_said_to_be_unlisted_with_the_team_entry_quoted(converse):
    # Neighbour guard: the help centre names no roles, and the reply says so rather than inventing some.
    *_, roles = await converse("cus_alice", "how do i add a teammate as admin?", "what roles can i give them?")
    assert "doesn't list the roles" in roles.reply and TEAM_ENTRY_STEP in roles.reply
