"""A figure's unit asked after it was given: "per second?" after "60 requests a minute on Free".

Read alone it named nothing, and the rate limits' guide came again. The reply says the unit the help centre gives the
figure in, with the figure, and does not convert it (a limit a minute is not one a second).
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.where_it_is import reply_sentences

_ASKS_PER_UNIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|wait|hmm+)[,\s]+)?(?:(?:is\s+(?:that|it|this)|are\s+(?:they|those|these))\s+)?"
    r"(?:per|a|each|every|by\s+the)\s+(?P<unit>second|minute|hour|day|week|month)\s*[?.!]*\s*$", re.IGNORECASE)
# A sentence that gives a figure by a unit of time: "The API allows 60 requests a minute on Free, …".
_FIGURE_BY_UNIT = re.compile(r"\d[\d,]*\s+\w+\s+(?:a|per|each)\s+(?P<unit>second|minute|hour|day|week|month)\b",
                             re.IGNORECASE)


def unit_asked_of_a_figure(ctx: SupportContext) -> tuple[str, str, str] | None:
    """(unit asked, unit given, the sentence that gives it) when the message asks a figure's unit right after a reply
    that gave one; None otherwise."""
    asked = _ASKS_PER_UNIT.match(ctx.message)
    if asked is None:
        return None
    for sentence in reply_sentences(last_assistant_text(ctx)):
        if (given := _FIGURE_BY_UNIT.search(sentence)) is not None:
            return asked["unit"].lower(), given["unit"].lower(), sentence
    return None


def per_unit_reply(asked: str, given: str, sentence: str) -> str:
    """The figure in the unit it was given in, said as that unit."""
    if asked == given:
        return f"Yes, per {given}: {sentence}"
    return (f"Our help centre gives that figure per {given}, not per {asked}, and I'd rather not work one out from the "
            f"other: {sentence}")
