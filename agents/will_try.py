"""The customer going off to try what was just suggested.

"Ok I'll try that", "let me give it a go", "will do" right after steps or a suggestion: nothing is asked, and the
conversation waits on them. Read as a question, it got the same guide again, or "I don't have a guide on that"; what
they need to hear is that they can come back with what they see.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text, last_reply_cited

_WILL_TRY = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|alright|all\s+right|right|cool|great|sure|got\s+it|understood|perfect|thanks|thank\s+you|ty)"
    r"[,.!\s]+)*(?:(?:i'?ll|i\s+will|let\s+me|we'?ll|we\s+will|i'?m\s+going\s+to|i\s+am\s+going\s+to|gonna|going\s+to)\s+"
    r"(?:try|give|test|check)(?:\s+(?:that|it|this|those|them|these))?(?:\s+(?:a\s+(?:go|try|shot)|out|now|first|then|later))*"
    r"|will\s+do|on\s+it)(?:[,.!\s]+(?:thanks|thank\s+you|ty))?\W*$",
    re.IGNORECASE)

WILL_TRY_AFTER_STEPS_REPLY = ("Good luck with it. If it doesn't sort things out, tell me what you see, or ask for a person "
                              "and one of our engineers will take a look.")
WILL_TRY_REPLY = "Sounds good. I'm here if you need anything else, or if it doesn't work out."


def goes_to_try_it(ctx: SupportContext) -> bool:
    """Whether the message says the customer will try what the last reply suggested, and asks nothing."""
    return bool(ctx.history) and bool(_WILL_TRY.match(ctx.message)) and bool(last_assistant_text(ctx))


def will_try_reply(ctx: SupportContext) -> str:
    """The go-ahead to try, with what to do if it doesn't work: after a guide's steps, what an engineer needs."""
    return WILL_TRY_AFTER_STEPS_REPLY if last_reply_cited(ctx, "article") else WILL_TRY_REPLY
