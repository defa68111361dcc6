"""Alice's card was declined; "i updated it, can you retry now?" got the whole last answer again under "My answer is
the same as in my last message". The "it" is the card she was just asked to replace: what was asked is answered
from the facts (the chat can't retry a payment, the card on file still ends 4242, NW-1003 is tried again once a new
card is saved)."""

from __future__ import annotations

CANNOT_RETRY = "I can't start a retry of the payment from this chat"


async def test_updated_it_after_being_asked_for_a_new_card_is_answered_with_the_card_on_file(converse):
    _, outcome = await converse("cus_alice", "my card was declined", "i updated it, can you retry now?")
    assert "same as in my last message" not in outcome.reply, outcome.reply
    assert outcome.reply.startswith("I still see the visa ending 4242"), outcome.reply
    assert CANNOT_RETRY in outcome.reply and "try the payment for NW-1003 again automatically" in outcome.reply, (
        outcome.reply)


async def test_updated_it_after_a_billing_answer_that_asked_for_no_card_is_not_taken_for_a_card(converse):
    # Near miss: the plan was told, no new card asked for: "it" is not a card.
    _, outcome = await converse("cus_alice", "what plan am i on?", "i updated it, can you retry now?")
    assert "I still see the visa ending 4242" not in outcome.reply and CANNOT_RETRY not in outcome.reply, outcome.reply


async def test_updated_it_after_a_technical_answer_is_not_taken_for_a_card(converse):
    # Near miss: "it" is the app the conversation is about, not a card.
    _, outcome = await converse("cus_alice", "my app is slow", "i updated it, can you retry now?")
    assert "4242" not in outcome.reply and CANNOT_RETRY not in outcome.reply, outcome.reply
