"""Alice sent "asdfghjkl" and got "I don't have a guide on that in our help centre…": a message with no real words
is said not to have been understood, and what they need is asked (with what the assistant helps with). Short real
messages, error codes and invoice numbers are answered as before."""

from __future__ import annotations

import pytest

NOT_UNDERSTOOD = "Sorry, I didn't understand that. What can I help you with?"


@pytest.mark.parametrize("message", ["asdfghjkl", "jjjjjj hdhdhd", "qwer"])
async def test_a_keyboard_mash_is_told_it_was_not_understood(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply.startswith(NOT_UNDERSTOOD), outcome.reply
    assert "guide" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["502", "NW-1003?", "hola", "refund pls", "hi", "strengths"])
async def test_short_real_messages_codes_and_invoice_numbers_are_not_taken_for_a_mash(converse, message):
    # Near misses: a number, an invoice, a word not in English, short real words.
    (outcome,) = await converse("cus_alice", message)
    assert NOT_UNDERSTOOD not in outcome.reply, outcome.reply
