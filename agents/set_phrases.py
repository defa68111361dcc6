"""Messages made of a few set phrases and words that say nothing of their own: "that didn't work", "still broken".

A message is read as one of these only when nothing else is left once the phrases are taken out: "this is useless"
is only a mood, "this is useless, why was I charged twice?" asks something. The frustration rules (agents.frustration)
and the follow-up rules (agents.follow_ups) both read them.
"""

from __future__ import annotations

import re

from agents.number_words import words_alternation

# Words that may surround those phrases without asking anything: "this bot is so useless", "worst support ever".
FILLER = frozenset((
    "this", "that", "it", "its", "it's", "is", "was", "so", "really", "very", "totally", "completely", "absolutely",
    "utterly", "just", "such", "the", "a", "an", "you", "you're", "youre", "your", "are", "u", "ur", "bot", "chatbot",
    "assistant", "chat", "ai", "thing", "support", "service", "customer", "ever", "i", "i'm", "im", "am", "me",
    "honestly", "literally", "man", "wow", "lol", "oh", "god", "at", "all", "of", "what", "why", "how", "again",
    "still", "here", "conversation", "experience", "answer", "answers", "reply", "replies", "robot", "machine",
    "already", "before", "ok", "okay", "yes", "yeah", "but", "and", "know", "now", "getting", "being", "as",
    "please", "mate", "dude", "jeez", "geez", "that's", "thats", "you've", "said", "told", "gave", "sent", "saying",
    "telling", "giving",
))

# Phrases that say the steps just given did not fix it: "that didn't work", "I already tried that", "still broken".
NOT_FIXED_PHRASES: tuple[str, ...] = (
    r"(?:that|this|it|they|those(?:\s+steps)?|none\s+of\s+(?:that|this|it|them|those(?:\s+steps)?))\s+"
    r"(?:didn'?t|did\s+not|doesn'?t|does\s+not|don'?t|do\s+not)\s+(?:work|help|fix\s+it)",
    r"(?:didn'?t|did\s+not)\s+(?:work|help|fix\s+it)", r"(?:still\s+)?not\s+working", r"no\s+luck",
    r"(?:none\s+of\s+(?:that|this|it|them|those(?:\s+steps)?)|nothing)\s+(?:helped|worked|works)",
    # "I have tried 10 times", "tried it a few times already": tried again and again, and still not through
    # (before "tried it", which would take the words and leave "a few times").
    r"(?:i(?:'ve|\s+have)?\s+)?(?:already\s+)?tried(?:\s+(?:that|this|it|again))?\s+(?:\d+|"
    + words_alternation(least=2) + r"|several|many|multiple|a\s+few|a\s+bunch\s+of|a\s+couple\s+(?:of\s+)?|so\s+many|"
    r"like\s+\d+)\s+times(?:\s+(?:already|now|today))?",
    r"(?:i(?:'ve|\s+have)?\s+)?(?:already\s+)?(?:tried|followed|did|done)\s+(?:that|this|it|all(?:\s+of\s+(?:that|them|those|it))?"
    r"|those(?:\s+steps)?|them(?:\s+all)?|everything|the\s+steps|every\s+step)(?:\s+already)?",
    r"(?:i(?:'ve|\s+have)?\s+)?already\s+(?:did|done|tried|followed)",
    r"still\s+(?:broken|failing|fails|doesn'?t\s+work|the\s+same|happening|erroring|getting\s+(?:the|an|that)\s+error)",
    # "It stopped working" after a guide's steps ("my answer is the same" and the steps again).
    r"(?:that|this|it)\s+(?:just\s+)?stopped\s+working",
)

_WORD = re.compile(r"[a-z][a-z']*|\d+")


def phrase_alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{'|'.join(phrases)})(?![\w'])", re.IGNORECASE)


_NOT_FIXED = phrase_alternation(NOT_FIXED_PHRASES)
# "I did that but it still says not verified", "tried that, still a 502": the steps just given did not fix it, and what
# is still seen.
_OPENS_NOT_FIXED = re.compile(rf"^\W*(?:(?:ok(?:ay)?|so|but|well|yes|yeah|hmm)[,.!\s]+)*(?:{'|'.join(NOT_FIXED_PHRASES)})"
                              r"(?![\w'])", re.IGNORECASE)


# "It's been 2 days", "I've waited a few hours", "still waiting after a day": time gone by, and nothing else said.
_AMOUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|several|a\s+few|few|many|a\s+couple\s+(?:of\s+)?|over\s+an?)"
_SPAN = rf"(?:(?:almost|nearly|about|over|more\s+than|like)\s+)?{_AMOUNT}\s*(?:more\s+|whole\s+|full\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)"
_WAITED = re.compile(
    rf"(?<![\w'])(?:(?:it'?s|it\s+has|its|it\s+is)\s+(?:already\s+)?been\s+{_SPAN}(?:\s+(?:already|now))?"
    rf"|(?:i(?:'ve|\s+have)?\s+)?(?:already\s+)?(?:waited|been\s+waiting)\s+(?:for\s+)?{_SPAN}(?:\s+already)?"
    rf"|still\s+waiting(?:\s+(?:after|for)\s+{_SPAN})?)(?![\w'])", re.IGNORECASE)


def says_only_how_long_it_has_been(message: str) -> bool:
    """"It's been 2 days", "I've waited a few hours": that time has gone by, and nothing of what for."""
    text = plain(message)
    return bool(_WAITED.search(text)) and only_filler(_WAITED.sub(" ", text))


def plain(message: str) -> str:
    return message.replace("\u2019", "'").replace("\u2018", "'").lower()


def only_filler(text: str) -> bool:
    return all(word in FILLER for word in _WORD.findall(text))


def opens_with_it_not_fixed(message: str) -> bool:
    """"I did that but it still says not verified": opens by saying the steps did not fix it, whatever follows."""
    return bool(_OPENS_NOT_FIXED.search(plain(message)))


def says_only_it_does_not_work(message: str) -> bool:
    """"That didn't work", "it doesn't work", "still not working": that something does not work, and nothing of what."""
    text = plain(message)
    return bool(_NOT_FIXED.search(text)) and only_filler(_NOT_FIXED.sub(" ", text))
