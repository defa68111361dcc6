"""A card on the account said to be lost or stolen ("my card was stolen"), or asked to be removed ("can you remove my
card?"). The chat changes no card: the help centre's steps replace it, and the bank blocks it. Both got the card on
file said back, and nothing more.

Plain rules over the message and the reply before it, no model.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text

_CARD = r"(?:credit\s+|debit\s+|bank\s+)?card"
_REMOVE = r"(?:remove|delete|erase|unlink|detach|take\s+off|get\s+rid\s+of)"
# "My card was stolen", "I lost my card", "my credit card got compromised", "someone stole my card".
_CARD_LOST = re.compile(
    rf"\b(?:my|our|the)\s+{_CARD}\s+(?:was|got|has\s+been|have\s+been|is|has\s+got|had\s+been)\s+(?:\w+\s+)?"
    r"(?:stolen|lost|compromised|cloned|skimmed|hacked)\b"
    rf"|\b(?:lost|stole|misplaced)\s+(?:my|our)\s+{_CARD}\b",
    re.IGNORECASE)
# "It was stolen", "lost it" right after the card on file was said: that card.
_IT_LOST = re.compile(r"^\W*(?:(?:well|so|and|yes|yeah)[,\s]+)?(?:it\s+(?:was|got|has\s+been|'s\s+been)\s+(?:stolen|lost"
                      r"|compromised|cloned)|(?:i\s+)?lost\s+it|some(?:one|body)\s+stole\s+it)\W*$", re.IGNORECASE)
# "Can you remove my card from my account?", "please delete my card", "take my card off the account".
_REMOVE_CARD = re.compile(
    rf"\b{_REMOVE}\s+(?:my|our|the|this|that)\s+(?:saved\s+)?"
    rf"(?:{_CARD}|payment\s+(?:method|details))\b"
    rf"|\btake\s+(?:my|our|the)\s+{_CARD}\s+off\b",
    re.IGNORECASE)
# How the billing part says the card on file.
CARD_ON_FILE = "The card on file is"


def _card_just_said(ctx: SupportContext) -> bool:
    return CARD_ON_FILE in last_assistant_text(ctx)


def reports_card_lost(ctx: SupportContext) -> bool:
    """Whether the customer says their card was lost or stolen, in the message or of the card just named."""
    return bool(_CARD_LOST.search(ctx.message)) or (bool(_IT_LOST.match(ctx.message)) and _card_just_said(ctx))


def asks_to_remove_the_card(message: str) -> bool:
    """Whether the message asks for the saved card to be removed."""
    return bool(_REMOVE_CARD.search(message))


# "Can you remove it?" right after the card on file was said.
_REMOVE_IT = re.compile(rf"\b{_REMOVE}\s+it\b", re.IGNORECASE)


def asks_to_remove_it(ctx: SupportContext) -> bool:
    """Whether the message asks for the saved card to be removed, by name or as "it" right after it was said."""
    return asks_to_remove_the_card(ctx.message) or (bool(_REMOVE_IT.search(ctx.message)) and _card_just_said(ctx))
