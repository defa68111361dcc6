""""What now?" asked alone after a reply: the next step of that reply.

A bare "what now?", "now what?" or "what's next?" names nothing, so its words alone found the entry on support hours
(0.85) whatever came before. After a reply with steps, the next step is the first of them; after a reply that offered a
person, that offer is what is left; after any other, that things stand as it said.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_ASKS_WHAT_NEXT = re.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|and|then|right|alright|hmm+)[,\s]+)?(?:what\s+now|now\s+what|what(?:'s|\s+is)?\s+next"
    r"|what\s+(?:do|should|can)\s+(?:i|we)\s+do\s+(?:now|next)|then\s+what|(?:the\s+)?next\s+steps?"
    # "What should I check first?", "where do I start?" after a guide's steps: the first of them ("no guide on that").
    r"|what\s+(?:do|should|can)\s+(?:i|we)\s+(?:check|do|try|look\s+at)\s+first|where\s+(?:do|should)\s+(?:i|we)\s+start)"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE)
# "Done, now what?", "ok I did that, what's next?": the steps given are done, and what follows them is asked (the next
# step read as the first of them would send the customer back to the start; "no guide on that" came).
_DONE_THEN_WHAT_NEXT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|so)[,\s]+)?(?:done|all\s+done|finished|did\s+(?:it|that)|i(?:'ve|\s+have)?\s+(?:did|done)"
    r"(?:\s+(?:it|that|those|them|all\s+(?:that|of\s+them)))?)[,.!\s]+(?:so\s+|and\s+)?(?:now\s+what|what\s+now"
    r"|what(?:'s|\s+is)?\s+next|then\s+what|what\s+(?:do|should)\s+(?:i|we)\s+do\s+(?:now|next))\s*[?.!]*\s*$",
    re.IGNORECASE)
# "How do I start?", "how do I begin?" right after a reply with numbered steps: the first of them ("not enough
# information"). To open a chat it asks how to begin with us, which about_service reads.
_HOW_TO_START = re.compile(r"^\W*(?:(?:so|ok(?:ay)?|and|right|alright)[,\s]+)?how\s+(?:do|should|can)\s+(?:i|we)\s+(?:start|begin)"
                           r"(?:\s+(?:then|with\s+(?:it|that|this|them)))?\s*[?.!]*\s*$", re.IGNORECASE)
_NUMBERED_STEP = re.compile(r"^\s*(\d+)\.\s+(.+)$", re.MULTILINE)
# "Go to **Settings → Profile**, enter the new address …", "… once a new card is saved under **Billing → Payment
# method**.": the sentence of a reply that says where to do something.
_GO_TO = re.compile(r"(?:^|(?<=[.:!?]\s)|(?<=\n))([A-Z][^.\n]*?\*\*[^*]+→[^*]+\*\*[^.\n]*\.)")
_OFFERED_A_PERSON = re.compile(rf"\b(?:would you like me to|I can) {OFFER_PERSON}\b", re.IGNORECASE)


# "What now?" to open a chat: nothing came before it to have a next step.
_NOTHING_BEFORE = ("What can I help you with? I can look at your invoices and plan, your account, or problems with your "
                   "apps.")


def asks_what_next(ctx: SupportContext) -> bool:
    """Whether the message asks only what to do next."""
    return bool(_ASKS_WHAT_NEXT.match(ctx.message) or _DONE_THEN_WHAT_NEXT.match(ctx.message)
                or (_HOW_TO_START.match(ctx.message) and _NUMBERED_STEP.search(last_assistant_text(ctx))))


def next_step_reply(ctx: SupportContext) -> str:
    """The next step the last reply gave: its first numbered step, or where it said to go; its offer of a person when
    it gave no step; what to help with when nothing came before; else that the last reply is where things stand."""
    last = last_assistant_text(ctx)
    if not ctx.history or re.search(r"\bwhat can I help you with\b", last, re.IGNORECASE):
        return _NOTHING_BEFORE  # nothing before, or only a greeting
    if _DONE_THEN_WHAT_NEXT.match(ctx.message) and (_NUMBERED_STEP.search(last) or _GO_TO.search(last)):
        return ("If you've done what my last message describes, that's all there is to it: nothing more is needed. If "
                f"something didn't work as it says, tell me what you see, or I can {OFFER_PERSON} from our team.")
    if (step := _NUMBERED_STEP.search(last)) is not None:
        return (f"Start with the first step from my last message:\n{step[1]}. {step[2]}\n\nOnce it's done, tell me how "
                f"it went, or if you get stuck, I can {OFFER_PERSON} from our team.")
    if (where := _GO_TO.search(last)) is not None:
        return (f"The next step is the one from my last message: {where[1]} If you get stuck, tell me what you see, or I "
                f"can {OFFER_PERSON} from our team.")
    if _OFFERED_A_PERSON.search(last):
        return f"What's left is a person from our team looking at it with you: would you like me to {OFFER_PERSON}?"
    return (f"That's where things stand, as in my last message. If part of it isn't clear, tell me which, or I can "
            f"{OFFER_PERSON} from our team.")
