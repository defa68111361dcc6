"""A charge said to follow a move to a smaller plan: "I was charged after I downgraded", "we switched to a cheaper plan and
were still billed 99". It got the invoice list, or the plan below the customer's, as if the move had gone unheard; what
answers it is the plan our records hold, when a downgrade takes effect, the latest charge, and a person for a move that
did not go through.

Plain rules over the message, no model.
"""

from __future__ import annotations

import re

_DOWNGRADED = (r"(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+)?(?:downgraded|(?:switched|moved|changed|gone|went)\s+"
               r"(?:down\s+)?to\s+(?:a\s+|the\s+)?(?:smaller|cheaper|lower|free|pro)(?:\s+(?:plan|tier))?)\b")
_CHARGED_AFTER_DOWNGRADING = re.compile(
    r"\b(?:charged|billed|paid|taken|charge|bill)\b[^.?!]{0,40}\b(?:but|after|though|although|when|even\s+though|since)\s+"
    + _DOWNGRADED
    + r"|\b" + _DOWNGRADED + r"[^?!]{0,40}?\b(?:but|and|yet|so\s+why|why)\s+(?:still\s+)?(?:(?:was|were|got|been|am|are|did|have|has)"
    r"\s+)?(?:(?:i|we|you)\s+)?(?:still\s+)?(?:been\s+)?(?:charged|billed|charge|bill)\b",
    re.IGNORECASE)


def says_charged_after_downgrading(text: str) -> bool:
    """Whether the message says a charge came after the customer moved to a smaller plan."""
    return bool(_CHARGED_AFTER_DOWNGRADING.search(text))
