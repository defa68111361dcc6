"""Bob (Business) asks to downgrade to Pro, then "will i lose my team members": the team entry's clause on Pro
("Free and Pro accounts can invite up to 3 members") is said to be what applies to him once on Pro, and its clause
on Business ("no limit") to be what he leaves; not only "what it says of Pro is what applies", which left him to
work out which half that is. Nothing is said of his existing members beyond it: a person is offered."""

from __future__ import annotations

import pytest

OFFERS_A_PERSON = "pass you to a person"


@pytest.mark.parametrize("question", ["will i lose my team members", "will my team members keep access?"])
async def test_the_pro_clause_is_said_to_apply_and_the_business_one_to_be_left(converse, question):
    *_, outcome = await converse("cus_bob", "i want to downgrade to pro", question)
    assert ("So on Pro, “Free and Pro accounts can invite up to 3 members” applies to you, no longer “Business "
            "accounts have no limit and can use custom roles”.") in outcome.reply, outcome.reply
    assert OFFERS_A_PERSON in outcome.reply and outcome.critic.verdict == "approve", outcome.reply


async def test_a_move_to_a_plan_the_help_centre_names_alongside_the_current_one_says_nothing_changes(converse):
    # Near miss: custom domains are "on Pro and Business", no clause of one without the other: nothing to contrast.
    *_, outcome = await converse("cus_bob", "i want to downgrade to pro", "will my custom domain still work?")
    assert "applies to you, no longer" not in outcome.reply, outcome.reply
