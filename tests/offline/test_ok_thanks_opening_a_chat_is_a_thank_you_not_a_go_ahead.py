""""Ok thanks" as the first message acknowledges, as "thanks!" does: it is not a go-ahead with nothing offered
("I haven't offered to do anything yet"). A go-ahead that also thanks ("yes please, thanks") still is one."""

from __future__ import annotations

import pytest

NOTHING_OFFERED = "I haven't offered to do anything yet"


@pytest.mark.parametrize("message", ["ok thanks", "okay thank you", "great, thank you so much"])
async def test_an_acknowledgement_with_thanks_opening_a_chat_is_thanked_and_asked_what_they_need(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith("You're welcome!"), outcome.reply
    assert NOTHING_OFFERED not in outcome.reply


@pytest.mark.parametrize("message", ["yes go on then", "yes please, thanks", "ok"])
async def test_a_go_ahead_with_nothing_offered_is_still_told_nothing_was_offered(converse, message):
    # Neighbour guard.
    (outcome,) = await converse("cus_alice", message)
    assert NOTHING_OFFERED in outcome.reply
