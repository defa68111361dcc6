"""Someone on the customer's team said to have left: what the help centre says of their access, and a person.

"Our team lead left the company" got "I don't have enough information". The help centre describes inviting team members
but not removing them, nor handing an account to a new owner, so that is said rather than guessed, with a person who can
do both.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.details_for_a_person import OWNER_CHANGE_UNDESCRIBED
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_SOMEONE = (r"(?:team\s+lead|tech\s+lead|lead\s+(?:dev|developer|engineer)|manager|admin(?:istrator)?|(?:account\s+)?owner"
            r"|developer|dev|colleague|co-?worker|cto|ceo|founder|employee|team\s+member|engineer|contractor|partner"
            r"|business\s+partner|it\s+(?:guy|person))")
# "Our team lead left the company", "my developer quit", "the account owner has left", "an admin left the team".
_SOMEONE_LEFT = re.compile(
    rf"^\W*(?:(?:hi|hey|hello|so|well|unfortunately)[,!\s]+)*(?:our|my|the|an?|one\s+of\s+(?:our|my)|a\s+former)\s+{_SOMEONE}s?"
    r"(?:\s+\w+)?\s+(?:has\s+|have\s+|just\s+)*(?:left|quit|resigned|departed|was\s+(?:let\s+go|fired))"
    r"(?:\s+(?:the\s+company|the\s+team|us|our\s+company|our\s+team|the\s+business))?\s*[.!]*\s*$", re.IGNORECASE)


def member_left_reply(ctx: SupportContext) -> str | None:
    """The reply to "our team lead left the company"; None for another message, or right after the account's hand-over
    was asked about (whose own reply, a person to arrange it, answers)."""
    if not _SOMEONE_LEFT.match(ctx.message) or OWNER_CHANGE_UNDESCRIBED in last_assistant_text(ctx):
        return None
    return ("Thanks for letting us know. Our help centre describes inviting team members but not removing them, nor "
            "handing an account to a new owner, so I'd rather not guess how it's done. A person from our team can take "
            "away their access, or move the account to a new owner if it was theirs: would you like me to "
            f"{OFFER_PERSON}?")
