"""A message in another language is asked to be written in English (or offered a person), not told it is outside
what the assistant helps with: the offline agents read English only, and the question may well be ours."""

from __future__ import annotations

import pytest

from agents.language import looks_not_english
from agents.orchestrator import NOT_ENGLISH_REPLY, OUT_OF_SCOPE_REPLY


@pytest.mark.parametrize("message", [
    "hola, mi pago ha fallado, ¿qué hago?", "Ich möchte mein Abo kündigen", "bonjour, je ne peux pas me connecter",
    "olá, não consigo entrar na minha conta",
])
async def test_a_message_in_another_language_the_classifier_turns_away_is_asked_for_in_english(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert outcome.reply == NOT_ENGLISH_REPLY and OUT_OF_SCOPE_REPLY not in outcome.reply
    assert outcome.actions == []


@pytest.mark.parametrize("message", [
    "what does danke mean", "how do I add a teammate?", "my app in eu-west is down", "que sera sera", "refund pls",
])
def test_english_messages_with_a_foreign_word_are_english(message):
    assert not looks_not_english(message)


async def test_an_english_question_off_topic_still_gets_the_scope_reply(converse):
    (outcome,) = await converse("cus_alice", "what's the best pizza in town?")
    assert outcome.reply == OUT_OF_SCOPE_REPLY
