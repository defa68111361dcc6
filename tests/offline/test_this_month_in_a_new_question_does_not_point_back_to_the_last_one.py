""""Whats the uptime been this month?" after "how do I deploy my app?" is a question of its own: its "this" names a
time, not something said before, and it was read with the deploy question and answered with the failed-deploys
guide. "This" and "that" still point back when they stand for what was discussed."""

from __future__ import annotations

import pytest

from agents.follow_ups.leaning_back import leans_back


async def test_a_question_about_this_months_uptime_after_a_deploy_question_is_about_uptime(converse):
    *_, outcome = await converse("cus_alice", "how do i deploy my app", "whats the uptime been this month?")
    assert "uptime figure" in outcome.reply and "Failed deploys" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["whats the uptime been this month?", "was there downtime this week?",
                                     "any incidents that morning?"])
def test_this_or_that_naming_a_time_does_not_point_back(message):
    assert not leans_back(message)


@pytest.mark.parametrize("message", ["how long does this take?", "is that free?", "can you do that for me?"])
def test_this_or_that_standing_for_what_was_discussed_still_points_back(message):
    # Neighbour guard.
    assert leans_back(message)
