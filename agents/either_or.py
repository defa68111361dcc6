""""Per account or per key?": one of two, asked of what the last reply said.

Right after "the API allows 3,000 requests a minute on Business, per account", "per account or per key?" got the entry
on deploys and builds (its words matched "account"). When the last reply names exactly one of the two, that one is the
answer, with the sentence that says it; when it names both or neither, the question is left to the parts that know more.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.where_it_is import reply_sentences, without_lead_in

_EITHER_OR = re.compile(r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:is\s+(?:it|that|this)\s+)?(?P<one>\w[\w\s-]{1,24}?)\s+or\s+"
                        r"(?P<other>\w[\w\s-]{1,24}?)\s*\?+\s*$", re.IGNORECASE)
# Words that say nothing of which one ("yes or no?", "this or that?").
_NOTHING_OF_WHICH = frozenset({"yes", "no", "not", "this", "that", "it", "what", "which", "either", "both", "neither"})


def _said(option: str, text: str) -> bool:
    return bool(re.search(rf"\b{re.escape(option)}\b", text, re.IGNORECASE))


def one_of_two_told(ctx: SupportContext) -> tuple[str, str] | None:
    """The option of the two the last reply names, and its sentence there; None when it names both or neither, or the
    message asks no such thing."""
    if not ctx.history or (asked := _EITHER_OR.match(ctx.message)) is None:
        return None
    options = [asked["one"].strip(), asked["other"].strip()]
    if any(option.lower() in _NOTHING_OF_WHICH for option in options):
        return None
    sentences = reply_sentences(last_assistant_text(ctx))
    told = [(option, without_lead_in(next(s for s in sentences if _said(option, s)))) for option in options
            if any(_said(option, s) for s in sentences)]
    return told[0] if len(told) == 1 else None


def one_of_two_reply(option: str, sentence: str) -> str:
    """The option, and the sentence that says it."""
    return f"{option[:1].upper()}{option[1:]}: {sentence[:1].lower()}{sentence[1:]}"
