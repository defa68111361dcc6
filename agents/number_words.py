"""Counts written as words, read as numbers ("a team of five", "three weeks ago", "Up to ten apps"), and small numbers
said back in words, so a figure the customer gave is not one the critic finds in no fact."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
}


def words_alternation(*, least: int = 1, most: int = 50) -> str:
    """The number words from `least` to `most`, as a regex alternation ("two|three|…")."""
    return "|".join(word for word, number in NUMBER_WORDS.items() if least <= number <= most)


def count_of(text: str) -> int | None:
    """"12" → 12, "Five" → 5; None for anything else."""
    text = text.strip().lower()
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


def said_in_words(number: int) -> str | None:
    """3 → "three", 1 → "a" (as in "a week ago"); None past the words known."""
    if number == 1:
        return "a"
    return next((word for word, known in NUMBER_WORDS.items() if known == number), None)
