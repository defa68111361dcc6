""""My app stopped working", "it worked yesterday", "my app is broken": a fault that names too little to find a guide by.

They got "I don't have a guide that fits this" and a person, as if the help centre had been searched for the trouble
itself and had nothing on it. A chat that opens with a fault naming nothing is asked about it (what the customer sees,
and whether it began with a deploy or a change), so the next message can find its guide. "It stopped working" and "it
doesn't work" alone, with no subject, are asked what isn't working before any writer runs (set_phrases).
"""

from __future__ import annotations

import re

from agents.context import SupportContext

_WHAT = r"(?:it|this|that|everything|something|(?:my|our|the)\s+(?:app|site|website|application|project|service))"
_WHEN = r"(?:yesterday|before|earlier|last\s+week|this\s+morning|an\s+hour\s+ago|until\s+today)"
# "My app stopped working", "my app is broken", "it worked yesterday and now it doesn't", "nothing works": something wrong,
# with nothing said of what goes wrong. Not "my app is down" (an outage: the incidents answer it) nor "it's slow".
_NAMES_NOTHING = re.compile(
    rf"^\W*(?:(?:hi|hello|hey|help|please|ugh|so|um+)[,!.\s]+)*(?:{_WHAT}\s+(?:(?:just|suddenly|randomly)\s+)?"
    r"(?:stopped\s+working|(?:is|'s|are)\s+(?:not\s+working|broken)|isn'?t\s+working|doesn'?t\s+work|does\s+not\s+work"
    rf"|won'?t\s+work|broke|(?:(?:was|were)\s+working|worked)\s+(?:fine\s+)?{_WHEN})"
    r"|nothing\s+works|nothing\s+is\s+working"
    r"|something\s+(?:is|'s)\s+wrong(?:\s+with\s+(?:my|our|the)\s+(?:app|site|website|application))?)"
    r"(?:\s+any\s*more)?(?:[,\s]+(?:and|but)\s+(?:now\s+)?(?:it'?s\s+not|it\s+isn'?t|it\s+doesn'?t|not\s+any\s*more|it\s+won'?t)"
    r"(?:\s+work(?:ing)?)?)?(?:\s+(?:today|now|any\s*more))?\W*$",
    re.IGNORECASE)
ASK_WHAT_GOES_WRONG = (
    "I'm sorry it isn't working. So I can find the right guide, could you tell me a bit more: what do you see (an error "
    "message or code, a deploy that failed, or the site not loading at all), and did it start after a deploy or a change "
    "to your settings? Or, if you'd rather, I can pass you to a person from our support team.")


def names_no_fault(ctx: SupportContext) -> bool:
    """Whether a chat opens with something wrong that names nothing of what goes wrong ("my app stopped working"). Later
    in a chat, "it" is what was talked of, which the follow-up readers take."""
    return not ctx.history and _NAMES_NOTHING.match(ctx.message) is not None
