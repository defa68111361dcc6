"""What to do while an incident lasts, asked right after it was told.

"Is there a workaround?", "what can I do in the meantime?", "anything I can do?" right after a reply that told of an
open incident: read alone they name nothing, and got "I don't have a guide on that" or the scope reply. No entry gives
a workaround, which is said; what the help centre does say of requests during an incident, and where its updates go,
is what the customer can act on.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

_ASKS_WHAT_TO_DO_MEANWHILE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|hmm+|well)[,\s]+)?(?:"
    r"(?:is\s+there|are\s+there|do\s+you\s+have|any)\s+(?:a\s+|any\s+)?(?:work\s*-?\s*arounds?|temporary\s+fix(?:es)?|fix\s+for\s+now)"
    r"|(?:what\s+)?(?:can|could|should)\s+(?:i|we)\s+do\s+(?:in\s+the\s+mean\s*time|meanwhile|until\s+(?:then|it'?s\s+fixed"
    r"|it\s+is\s+fixed)|for\s+now)"
    r"|(?:is\s+there\s+)?anything\s+(?:i|we)\s+can\s+do(?:\s+(?:in\s+the\s+mean\s*time|meanwhile|about\s+it|for\s+now))?"
    r"|how\s+(?:do|can)\s+(?:i|we)\s+(?:work|get)\s+around\s+(?:it|this|that))\s*[?.!]*\s*$",
    re.IGNORECASE)
# How a reply tells of an open incident: by its title in quotes, with what the incident note says of requests.
_INCIDENT_TOLD = re.compile(r"\bincident\b.*“[^”]+”|“[^”]+”.*\bstill open\b|“[^”]+” is open\b", re.IGNORECASE | re.DOTALL)
_RETRY_TOLD = "safe to retry"

MEANWHILE_REPLY = (
    "Our help centre gives no workaround for this incident, and I'd rather not guess one. What you can do meanwhile: "
    "requests that fail during it are safe to retry, best with back-off, as most 502 and 503 errors during an incident "
    "are short-lived; and updates, including when it's resolved, go to our status page as they happen.\n\n"
    f"If something else seems wrong with your app, a person from our team can look into it with you: would you like me "
    f"to {OFFER_PERSON}?"
)


def asks_what_to_do_while_the_incident_lasts(ctx: SupportContext) -> bool:
    """Whether the message asks for a workaround, or what to do meanwhile, right after a reply that told of an open
    incident."""
    last = last_assistant_text(ctx)
    return (bool(_ASKS_WHAT_TO_DO_MEANWHILE.match(ctx.message)) and _RETRY_TOLD in last
            and bool(_INCIDENT_TOLD.search(last)))
