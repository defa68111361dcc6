""""Is my data backed up?" got "Your account (alice) is active, on the Pro plan." before "I don't have enough
information": the account's status answered nothing asked. It is said when the question is about the account's
standing or getting in."""

from __future__ import annotations

import pytest

STATUS = "Your account (alice) is active, on the Pro plan."


@pytest.mark.parametrize("message", ["is my data backed up?", "how do i add a teammate as admin?"])
async def test_a_question_not_about_the_account_gets_no_status_opener(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert STATUS not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["what's the status of my account?", "is my account ok?",
                                     "is my account active?"])
async def test_a_question_about_the_accounts_standing_still_gets_it(converse, message):
    # Near misses: the status is the answer.
    (outcome,) = await converse("cus_alice", message)
    assert STATUS in outcome.reply, outcome.reply
