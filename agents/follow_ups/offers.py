"""What the assistant offered and the answer to it: a refund to ask for, a person to pass to, an unlock to start,
and which of the assistant's turns a "yes" or a "no thanks" answers.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.go_aheads import BACK_TO, DECLINE, affirms, says_only_ok
from agents.follow_ups.history import assistant_texts, earlier_user_texts, last_assistant_text

# The offers a "yes" can accept, as the offline writer words them (reply_refunds.py, writer.py).
OFFER_REFUND = "tell me if you'd like me to ask for it"
OFFER_PERSON = "pass you to a person"
# The offer of an unlock made to a question about the lock (reply_account.py): a "yes" to it is the request.
OFFER_UNLOCK = "say so and I'll start it"


OFFER_LOOKBACK_TURNS = 3  # how many of the assistant's turns a go-ahead naming its offer looks back over


# How the assistant asks an offer again in words, after a sign or a "what?" that may only mean "seen" (frustration's
# replies): the offer re-asked is the turn before it.
ASIDE_AFTER_SIGN = "Just to be sure before I do anything:"
ASIDE_AFTER_UNCLEAR = "Sorry if that wasn't clear. Nothing has been done yet:"


def offer_in_question(ctx: SupportContext) -> str:
    """The turn a go-ahead answers (offer_answered), with the turn it asked again when it was such an aside: after
    "ok" and "Just to be sure …: tell me if you'd like me to ask for it", a "yes" accepts the refund offered before."""
    answered = offer_answered(ctx)
    if not answered.startswith((ASIDE_AFTER_SIGN, ASIDE_AFTER_UNCLEAR)):
        return answered
    said = assistant_texts(ctx)
    return "\n".join(said[:2]) if said and said[0] == answered else answered


def offer_answered(ctx: SupportContext) -> str:
    """The assistant's turn a go-ahead answers. Usually the last one; after "not now" ("ok actually do it") the
    one that turn declined; with the offer named ("go back to the refund, please file it"), the newest of the
    last few turns that speaks of what is named. Only then: a bare "yes" two turns on agrees to nothing."""
    said = assistant_texts(ctx)
    if not said:
        return ""
    back = BACK_TO.match(ctx.message)
    if back is not None:
        named = back["named"].lower().rstrip("s")
        return next((text for text in said[:OFFER_LOOKBACK_TURNS] if named in text.lower()), said[0])
    earlier = earlier_user_texts(ctx)
    if len(said) > 1 and earlier and DECLINE.match(earlier[0]) and _CHANGES_MIND.search(ctx.message):
        return said[1]
    return said[0]


def accepts_offer(ctx: SupportContext, offer: str) -> bool:
    """"Yes please" to the assistant's offer of `offer` (in the turn offer_answered finds). A bare "ok" to an offer made
    only for a case ("If the dashboard shows you another plan, … I can pass you to a person") says it was heard: it
    handed the conversation over."""
    answered = offer_answered(ctx)
    if not affirms(ctx.message) or offer not in answered:
        return False
    return not (says_only_ok(ctx.message) and re.search(rf"(?:^|[.!?]\s+)If\b[^.!?]*{re.escape(offer)}", answered))


# "Actually", "on second thought", "changed my mind": a go-ahead to what was just turned down.
_CHANGES_MIND = re.compile(r"\b(?:actually|on\s+second\s+thoughts?|changed\s+my\s+mind|after\s+all)\b", re.IGNORECASE)
# How the writer's offers end: a refund to ask for, a person to pass to, "would you like me to …?".
_OFFERED = (OFFER_REFUND, OFFER_PERSON, OFFER_UNLOCK.lower(), "would you like me to")


def declines_offer(ctx: SupportContext) -> bool:
    """"No thanks" right after the assistant offered something (to ask for a refund, to pass to a person)."""
    last = last_assistant_text(ctx).lower()
    return bool(DECLINE.match(ctx.message)) and any(offer in last for offer in _OFFERED)


# How the assistant's greeting asks what the customer needs (writer.py, frustration.py): a go-ahead after it agrees
# to nothing.
ASKS_WHAT_THEY_NEED = "What can I help you with"


# "Ok thanks", "great, thank you so much": an acknowledgement and thanks, and nothing else.
_ACKNOWLEDGES = re.compile(r"^\W*(?:(?:ok(?:ay)?|alright|all\s+right|great|cool|perfect|got\s+it|nice)[\s,.!]*)?"
                          r"(?:thanks|thank\s+you|thx|ty|cheers)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?[\s,.!]*$",
                          re.IGNORECASE)


def goes_ahead_with_nothing_offered(ctx: SupportContext) -> bool:
    """"Yes go on then" with nothing to go ahead with: no turn of the assistant's offers anything, and the customer
    has asked nothing yet (no message before, or only one the assistant answered by asking what they need)."""
    if not affirms(ctx.message) or _ACKNOWLEDGES.match(ctx.message):
        # "Ok thanks" acknowledges, as "thanks!" does: it goes ahead with nothing ("yes please, thanks" does).
        return False
    said = assistant_texts(ctx)
    if any(offer in text.lower() for text in said for offer in _OFFERED):
        return False
    return not earlier_user_texts(ctx) or (bool(said) and ASKS_WHAT_THEY_NEED in said[0])
