"""What the customer's list of conversations calls each one: the first thing they asked in it.

"Hi", "hello?" and "good morning, anyone there?" open many chats and name none of them: a list of
conversations each called "hi" tells a returning customer nothing about which one was the refund.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TITLE_CHARS = 80
NEW_CONVERSATION = "New conversation"
# Words that open a chat without saying what it is about.
_OPENING_WORDS = frozenset({
    "hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "there", "good", "morning", "afternoon", "evening",
    "day", "anyone", "anybody", "someone", "everyone", "all", "team", "support", "northwind", "again", "please",
    "ok", "okay", "thanks", "thank", "you", "is", "are",
})
_WORDS = re.compile(r"[^\W\d_]+|\d+")


def says_what_it_is_about(text: str) -> bool:
    words = _WORDS.findall(text.lower())
    return bool(words) and not set(words) <= _OPENING_WORDS


def conversation_title(first_messages: Iterable[str]) -> str:
    """The first of a conversation's opening messages that says what it is about (else the very first), on one line
    and cut at a word within TITLE_CHARS."""
    messages = [text for text in first_messages if text.strip()]
    if not messages:
        return NEW_CONVERSATION
    chosen = next((text for text in messages if says_what_it_is_about(text)), messages[0])
    title = " ".join(chosen.split())
    if len(title) <= TITLE_CHARS:
        return title
    cut = title[:TITLE_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.-") + "…"
