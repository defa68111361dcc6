""""How do I contact sales?", "do you have a sales team?", "what's the sales email?": how to reach our sales people.

Read as a wish for a person (0.40-0.53), the conversation was handed to support staff at once; "what's the sales email?"
got the scope reply. The help centre names no sales team, address or number, so none is made up: what there is, said,
is our support staff, whom this chat reaches, and the plans and prices the chat can tell. "I want to talk to sales", a
person asked for in so many words, is still handed over.
"""

from __future__ import annotations

import re

from agents.follow_ups.offers import OFFER_PERSON

_SALES_TEAM = r"sales\s+(?:team|department|people|rep(?:resentative)?s?|staff|person)"
_SALES = rf"(?:{_SALES_TEAM}|sales)"
_HOW_TO_REACH_SALES = re.compile(
    r"^\W*(?:(?:hi|hey|hello|ok(?:ay)?|so|and)[,!\s]+)*(?:"
    rf"(?:how|where)\s+(?:do|can|could|would|should)\s+(?:i|we)\s+(?:contact|reach|get\s+(?:in\s+touch\s+with|hold\s+of)|"
    rf"email|call|phone|find)\s+(?:the\s+|your\s+)?{_SALES}"
    # Not "do you have any sales tax?".
    rf"|(?:do|does)\s+(?:you|northwind)\s+have\s+(?:a|any)\s+{_SALES_TEAM}"
    rf"|(?:what'?s|what\s+is|is\s+there)\s+(?:the\s+|your\s+|a\s+)?{_SALES}\s+(?:e-?mail|email\s+address|address|phone"
    r"|number|phone\s+number|contact)"
    rf"|(?:is\s+there\s+(?:a|any)\s+(?:way|place)\s+to\s+)(?:contact|reach|talk\s+to|speak\s+to)\s+(?:the\s+|your\s+)?{_SALES}"
    r")(?:\s+(?:please|about|for|regarding|to\s+(?:ask|talk)\s+about)\b[^?]{0,40})?\s*[?.!]*\s*$", re.IGNORECASE)

SALES_CONTACT_REPLY = (
    "Our help centre doesn't name a sales team or a sales address, so I'd rather not make one up. Our support staff "
    "answer questions about plans and pricing, and this chat reaches them: would you like me to "
    f"{OFFER_PERSON}? I can also tell you about our plans and what each costs right here."
)


def asks_how_to_reach_sales(text: str) -> bool:
    """Whether the message asks how to reach our sales people (not asks to be put through to them)."""
    return _HOW_TO_REACH_SALES.match(text) is not None
