"""Requests that say what kind of thing they are about and nothing of the thing itself.

"I need assistance to send my feedbakc aboutur company", "need help reporting errors with registrations": one or two
words name the kind of request (feedback, a sign-up problem), and every other word only says how it is asked (or how
the customer feels about it: "I'm discontent with the service, what should I do to lodge a complaint?"). Such a
message is read in any order and with the typos customers make; one word more ("...about my bill", "...the email never
came") says what it is about, which is the agents' to answer.
"""

from __future__ import annotations

import difflib
import functools
import re

_WORDS_OF_ASKING = """
    i im me my mine we us you u ya your ur yr to a an the some any this that it its of for about on regarding against
    with at in by from want wanna would like need needs needed have has got gotta must should can could will may
    do does did dont not know what how where were which is are am be there possible way ways place section page
    form address email mail e help hlp assistance assist please pls leave leaving write writing give giving send
    sending submit submitting post posting share sharing make making file filing lodge lodging raise raising add
    adding put call calling try trying tried customer consumer client service services product products company
    business organization organisation firm team support northwind bloody fucking damn freaking get obtain then so
    just also one ask asking agent agents representative
    happy unhappy discontent discontented dissatisfied satisfied pleased displeased disappointed upset angry very
    really quite"""
WORDS_OF_ASKING = frozenset(_WORDS_OF_ASKING.split())
_WORD = re.compile(r"[a-z]+")
MOST_WORDS = 18


def as_known(word: str, vocabulary: frozenset[str] | dict[str, str]) -> str | None:
    """The word, or the vocabulary's word it misspells ("feedbakc", "aboutur", "lodgin"); None when it is neither.
    Words under five letters are taken only as written: "bill" is one slip from "will"."""
    if word in vocabulary:
        return word
    if len(word) < 5:
        return None
    return _misspelt(word, vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary))


@functools.lru_cache(maxsize=8192)
def _misspelt(word: str, vocabulary: frozenset[str]) -> str | None:
    # Cached: a message's words are looked up by every rule that reads requests, and customers' words repeat;
    # a miss compares the word with each vocabulary word of a length that could reach the cut-off.
    close = difflib.get_close_matches(word, _within_reach(len(word), vocabulary), n=1, cutoff=0.8)
    return close[0] if close else None


def _within_reach(length: int, vocabulary: frozenset[str]) -> list[str]:
    """The words whose length alone lets difflib's ratio, 2·matches / (both lengths), reach 0.8 with one this long."""
    return [known for known in vocabulary if 2 * min(length, len(known)) >= 0.8 * (length + len(known))]


def kinds_named(text: str, nouns: dict[str, str], *, also: frozenset[str] = frozenset()) -> list[str] | None:
    """The kinds (`nouns`' values) the message's words name, in order, when every other word is a word of asking or in
    `also`; None when a word says more, or the message is too long to be only a request."""
    words = _WORD.findall(text.lower().replace("'", ""))
    if not words or len(words) > MOST_WORDS:
        return None
    asking = _asking_with(also)
    kinds = []
    for word in words:
        singular = word.removesuffix("s")
        if (noun := as_known(singular if singular in nouns else word, nouns)) is not None:
            kinds.append(nouns[noun])
        elif as_known(word, asking) is None:
            return None
    return kinds


@functools.lru_cache(maxsize=16)
def _asking_with(also: frozenset[str]) -> frozenset[str]:
    return WORDS_OF_ASKING | also
