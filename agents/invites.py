"""The chat asked to invite someone: "can you add my colleague to my account?", "please add jane@bobco.com to my team".

No action here invites anyone: the customer does it under the team settings, as the help centre's entry on team members
says. The entry alone came (the FAQ shortcut, or the account part), as if the customer had asked how; "please add
jane@bobco.com to my team" got "not enough information". What is said is that the chat can't, then how they can.

Plain rules over the message, no model.
"""

from __future__ import annotations

import re

_SOMEONE = (r"(?:my|our|a|an|this|the|one)\s+(?:new\s+)?(?:colleague|coworker|co-worker|teammate|team\s*mate|developer|dev"
            r"|employee|partner|friend|accountant|contractor|member|user|person)s?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
            r"|(?:him|her|them)")
# "Can you add my colleague to my account?", "could you invite my coworker?", "please add jane@bobco.com to my team",
# "add my developer to our account please". Not "how do I add a colleague?", which asks how.
_ASKS_US_TO_INVITE = re.compile(
    r"^\W*(?:(?:hi|hello|hey|ok(?:ay)?)[,!.\s]+)*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
    rf"(?:add|invite)\s+(?:{_SOMEONE})(?:\s+(?:to|on|onto|into)\s+(?:my|our|the)\s+(?:account|team|workspace|org"
    r"|organi[sz]ation))?(?:\s+(?:please|pls|for\s+me|for\s+us))?\W*$",
    re.IGNORECASE)
# The few forms above that name no one and no place would read any "add it" as an invite: one of the two is needed.
_NAMES_WHO_OR_WHERE = re.compile(rf"\b(?:{_SOMEONE})\b|\bto\s+(?:my|our|the)\s+(?:account|team)\b", re.IGNORECASE)

INVITE_UNDONE = "I can't invite anyone to your account from this chat, but you can do it yourself:"


def asks_us_to_invite(message: str) -> bool:
    """Whether the message asks the chat to add someone to the customer's account or team."""
    return bool(_ASKS_US_TO_INVITE.match(message)) and bool(_NAMES_WHO_OR_WHERE.search(message))
