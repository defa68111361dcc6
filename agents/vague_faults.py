""""My app stopped working", "it worked yesterday", "my app is broken": a fault that names too little to find a guide by.

They got "I don't have a guide that fits this" and a person, as if the help centre had been searched for the trouble
itself and had nothing on it. A chat that opens with a fault naming nothing is asked about it (what the customer sees,
and whether it began with a deploy or a change), so the next message can find its guide. "It stopped working" and "it
doesn't work" alone, with no subject, are asked what isn't working before any writer runs (set_phrases).

"My app returns 404", "403 forbidden on my app", "page not found on my website": an error status below 500, on which no
guide is written, got the same "no guide fits". The help centre still has nothing on it, which is said, and the customer
is asked where and since when it happens, which finds a guide when it began with a deploy or a domain.
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


# Any 4xx but 429, which the rate limits' guide is about.
_CLIENT_STATUS = r"4(?:0\d|1\d|2[0-8]|[3-9]\d)"
# Not "400 requests", "a 401(k)": a count, a name.
_NO_STATUS_AFTER = r"(?!\s*(?:requests?|calls?|apps?)\b|\()"
# A status as a server answers it: "returns 404", "getting a 403", "error 401", "404 not found", or a message that opens
# with one. Not "$400" or "400 requests", which name no answer.
_CLIENT_ERROR = re.compile(
    rf"\b(?:returns?|returning|gives?|giving|gets?|getting|got|shows?|showing|throws?|throwing|answers?|with|an?|http"
    rf"|status|error|code)\s+(?:an?\s+|http\s+|error\s+|status\s+)?(?P<code>{_CLIENT_STATUS})\b{_NO_STATUS_AFTER}"
    rf"|^\W*(?P<lead>{_CLIENT_STATUS})\b{_NO_STATUS_AFTER}"
    rf"|\b(?P<named>{_CLIENT_STATUS})\s+(?:error|not\s+found|forbidden|unauthori[sz]ed|bad\s+request|gone)\b"
    r"|\b(?P<page>page\s+not\s+found)\b",
    re.IGNORECASE)


# "I am getting a 401 from your api": our API refusing a request, which is about its keys, not pages (every page, or
# some?): "no guide fits" and a person, as before.
_NAMES_THE_API = re.compile(r"\bapi\b", re.IGNORECASE)


def client_error_named(message: str) -> str | None:
    """The error below 500 a message says the customer's app or site answers with, as the reply names it ("404 errors",
    "pages that aren't found": a code the customer didn't write is one no fact holds, which the grounding guard
    strikes), if any."""
    found = _CLIENT_ERROR.search(message)
    if found is None or _NAMES_THE_API.search(message):
        return None
    return "pages that aren't found" if found["page"] else f"{found['code'] or found['lead'] or found['named']} errors"


def ask_about_a_client_error(error: str) -> str:
    """What is said of an error no guide is about: that, and where and since when it happens."""
    return (f"Our help centre has no guide on {error}, and I'd rather not guess at the cause. So I can look "
            "further, could you tell me a bit more: does it happen on every page or only some, and did it start after a "
            "deploy or a change to your domain or settings? Or, if you'd rather, I can pass you to a person from our "
            "support team, so one of our engineers can take a look.")


# "I need help with DNS", "help with my ssl please", "can you help me with deploys?": a part of the hosting named with
# nothing of what goes wrong (general at 0.28: "not enough information"; "my DNS" found the invoice list). Its guide is
# what there is to give, with the customer asked what happens.
_TECHNICAL_PART = (r"(?:dns|domains?|custom\s+domains?|ssl|tls|https|certificates?|certs?|deploys?|deployments?|deploying"
                   r"|builds?|logs|scaling|autoscaling|cold\s+starts?|rate\s+limits?|env(?:ironment)?\s+var(?:iable)?s)")
_HELP_WITH_A_TECHNICAL_PART = re.compile(
    r"^\W*(?:(?:hi|hello|hey|please)[,!.\s]+)*(?:(?:i|we)\s+(?:need|want|would\s+like|could\s+use)\s+(?:some\s+)?help"
    r"|(?:can|could)\s+(?:you|someone)\s+help\s+(?:me|us)|help(?:\s+me)?)\s+(?:with|on|setting\s+up)\s+(?:my\s+|our\s+|the\s+|a\s+)?"
    rf"{_TECHNICAL_PART}(?:\s+(?:please|pls|thanks))?\W*$", re.IGNORECASE)


def asks_for_help_with_a_technical_part(message: str) -> bool:
    """Whether the message asks for help with a part of the hosting it names, and says nothing more ("help with dns")."""
    return bool(_HELP_WITH_A_TECHNICAL_PART.match(message))
