""""Thx" (off topic at 0.59) got the scope reply, and "how do I remove someone?" right after a question about a teammate
the scope reply too (0.56): a thank-you is answered as one, and removing someone after the team was asked about is
about the team, whose entry says nothing of removing (said, with a person offered)."""

from __future__ import annotations

import pytest

from agents.clauses import only_thanks


@pytest.mark.parametrize("thanks", ["thx", "ty!", "ok cheers"])
async def test_a_short_thank_you_after_an_answer_is_answered_as_one(converse, thanks):
    _, outcome = await converse("cus_carol", "cant login", thanks)
    assert outcome.reply == "You're welcome! I'm here if anything else comes up.", outcome.reply


async def test_removing_someone_after_a_question_about_a_teammate_is_the_teams(converse):
    _, outcome = await converse("cus_bob", "can i add my teammate as an admin", "how do I remove someone?")
    assert outcome.reply.startswith("Our help centre only describes adding team members, not removing them"), \
        outcome.reply
    assert "pass you to a person" in outcome.reply


@pytest.mark.parametrize(("message", "thanks"), [
    ("thx", True), ("thank u so much!", True), ("ok cheers", True), ("thx, why was I charged twice?", False),
    ("ty for nothing, this is broken", False),
])
def test_only_a_thank_you(message, thanks):
    assert only_thanks(message) is thanks
