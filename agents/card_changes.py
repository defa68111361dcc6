"""A card on the account said to be lost or stolen ("my card was stolen"), or asked to be removed ("can you remove my
card?"). The chat changes no card: the help centre's steps replace it, and the bank blocks it. Both got the card on
file said back, and nothing more. A card said to be used by someone else ("I think someone is using my card"), and a
charge from us said to have come without an account ("I was charged but I don't have an account"), got the card on file
and the SLA, or a request to sign in and the refund policy: the bank blocks a card and disputes its charges, and our
charges are what the account's payments show.

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
# "I think someone is using my card", "someone used my credit card on your site", "fraudulent charges on my card".
_CARD_MISUSED = re.compile(
    r"\bsome(?:one|body)(?:\s+else)?\s+(?:is\s+|has\s+been\s+|'s\s+been\s+|(?:must|may|might|could)\s+(?:have|be)\s+(?:been\s+)?)?"
    rf"(?:using|used|charging|charged|paying\s+with|paid\s+with|making\s+purchases\s+with)\s+(?:my|our)\s+{_CARD}\b"
    rf"|\b(?:my|our)\s+{_CARD}\s+(?:is\s+being|was|has\s+been|got|is)\s+used\s+(?:by\s+some(?:one|body)"
    r"|without\s+(?:my|our)\s+(?:permission|consent|knowledge)|fraudulently)\b"
    rf"|\b(?:fraudulent|unauthori[sz]ed)\s+(?:charges?|payments?|transactions?|use)\s+(?:on|of|with)\s+(?:my|our)\s+{_CARD}\b",
    re.IGNORECASE)
# "I was charged but I don't have an account", "I don't have an account with you, why was I charged?".
_NO_ACCOUNT = (r"(?:(?:do\s*n[o'’]?t|dont|never)\s+(?:have|had|made|opened|created|signed\s+up\s+for)\s+(?:an?\s+|any\s+)?"
               r"(?:northwind\s+)?account(?!\s+yet)|(?:have|with)\s+no\s+account|never\s+signed\s+up)")
# Only a charge already taken: "will I be charged if I don't have an account?" asks how signing up works.
_CHARGED = (r"(?:(?:was|were|been|got|you|u|they|northwind)\s+(?:charged|billed)|(?:charged|billed)\s+(?:me|my|us|our)"
            r"|(?:was|were)\s+(?:i|we)\s+(?:charged|billed)|a\s+charge\s+(?:from|on|of|for)"
            r"|(?:took|taken|did\s+you\s+take)\s+(?:money|\$?\d+|a\s+payment))")
_CHARGED_WITHOUT_AN_ACCOUNT = re.compile(
    rf"\b{_CHARGED}\b[^.?!]{{0,60}}\b{_NO_ACCOUNT}\b|\b{_NO_ACCOUNT}\b[^?!]{{0,60}}\b{_CHARGED}\b", re.IGNORECASE)
# "Should I cancel my card?", "do I need to block it?": what to do about the card itself.
_ASKS_TO_STOP_THE_CARD = re.compile(
    r"\b(?:should|shall|do|must|can|could)\s+(?:i|we)\s+(?:(?:also|just|first|then|need\s+to|have\s+to)\s+)*"
    rf"(?:cancel|block|freeze|stop|close|report|replace)\s+(?:my|our|the|this|that|it\b)(?:\s+{_CARD})?",
    re.IGNORECASE)
# How the billing part begins its answer to a card said to be misused, in lower case: the bank blocks it.
BANK_BLOCKS_THE_CARD = "call your bank or card issuer now"
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


def reports_card_misused(message: str) -> bool:
    """Whether the customer says someone else is using, or has used, their card."""
    return bool(_CARD_MISUSED.search(message))


def asks_to_stop_the_card_after_misuse(ctx: SupportContext) -> bool:
    """"Should I cancel my card?" right after the reply to a card said to be used by someone else."""
    return (bool(_ASKS_TO_STOP_THE_CARD.search(ctx.message))
            and BANK_BLOCKS_THE_CARD in last_assistant_text(ctx).lower())


def says_charged_without_an_account(message: str) -> bool:
    """Whether the customer says we charged them though they have no account with us."""
    return bool(_CHARGED_WITHOUT_AN_ACCOUNT.search(message))


def asks_to_remove_the_card(message: str) -> bool:
    """Whether the message asks for the saved card to be removed."""
    return bool(_REMOVE_CARD.search(message))


# "Can you remove it?" right after the card on file was said.
_REMOVE_IT = re.compile(rf"\b{_REMOVE}\s+it\b", re.IGNORECASE)


def asks_to_remove_it(ctx: SupportContext) -> bool:
    """Whether the message asks for the saved card to be removed, by name or as "it" right after it was said."""
    return asks_to_remove_the_card(ctx.message) or (bool(_REMOVE_IT.search(ctx.message)) and _card_just_said(ctx))


# "A second payment card", "another card as a backup", "two cards on file": a card beside the one on file.
# Not "another card", which is mostly the one that replaces it ("I want to use another card to pay").
_SECOND_CARD = re.compile(r"\b(?:second|additional|extra|backup|back-up|2nd|two|multiple|more\s+than\s+one)\s+"
                          r"(?:payment\s+)?(?:cards|card|payment\s+methods?)\b|\bcards?\s+as\s+(?:a\s+)?back-?up\b",
                          re.IGNORECASE)


def asks_for_a_second_card(text: str) -> bool:
    """Whether the message is about a second card to pay with, beside the one on file."""
    return bool(_SECOND_CARD.search(text))
