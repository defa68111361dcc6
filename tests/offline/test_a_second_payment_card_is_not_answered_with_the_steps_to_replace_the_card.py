""""How do I add a second payment card?" got the card on file and the steps to replace it, as if they answered it. The
help centre only describes replacing the card: that is said, with the card on file and the steps it does describe,
and a person offered for a second card. "Another card" to pay with is the replacement, and keeps its answer."""

from __future__ import annotations

import pytest

from agents.card_changes import asks_for_a_second_card

NOT_DESCRIBED = "Our help centre only describes replacing the card on file, not adding a second one beside it"
OFFER = "If you need a second card on your account, would you like me to pass you to a person?"


async def test_a_second_card_is_told_what_the_help_centre_describes_and_a_person_is_offered(converse):
    (outcome,) = await converse("cus_alice", "how do I add a second payment card?")
    assert outcome.reply.startswith(NOT_DESCRIBED) and outcome.reply.endswith(OFFER), outcome.reply
    assert "The card on file is a " in outcome.reply and "**Replace card**" in outcome.reply, outcome.reply


async def test_two_cards_on_file_gets_the_card_on_file_not_the_invoices(converse):
    (outcome,) = await converse("cus_bob", "can I have two cards on file?")
    assert NOT_DESCRIBED in outcome.reply and "The card on file is a " in outcome.reply, outcome.reply
    assert "most recent invoices" not in outcome.reply, outcome.reply


async def test_a_yes_after_the_offer_hands_the_conversation_to_a_person(converse):
    _, outcome = await converse("cus_alice", "how do I add a second payment card?", "yes please")
    assert outcome.route == "handoff", outcome.reply


@pytest.mark.parametrize(("message", "second"), [
    ("how do I add a second payment card?", True), ("can I have two cards on file?", True),
    ("can I keep a card as backup?", True), ("I want to use another card to pay invoice NW-1003", False),
    ("how do I change my card?", False), ("my second invoice is wrong", False),
])
def test_a_second_card_is_one_beside_the_card_on_file(message, second):
    assert asks_for_a_second_card(message) is second
