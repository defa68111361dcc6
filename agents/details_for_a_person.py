"""A detail of a request only a person can arrange, given right after the chat said so and offered one: "for 2 months"
after a pause, "to the 15th" after moving the billing date, "she will be the new owner" after handing the account over,
"I tried another browser" after a fault in our dashboard.

Read alone, those words are about nothing the classifier knows: the scope reply came, or "not enough information". The
customer is going on with the request just answered, so the answer is that request's again, put as an answer to what
they added: it cannot be arranged here, whatever the detail, and a person, who can, is offered once more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.context import Intent, SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.number_words import words_alternation
from agents.own_data import MONTH
from agents.service_status import DASHBOARD_FAULT_TOLD

# How the replies that say a request is the help centre's blind spot open (reply_cancellation, reply_billing,
# not_in_help_centre): the request a detail goes on with is read from them.
PAUSE_UNDESCRIBED = "Our help centre doesn't mention pausing a subscription"
RENEWAL_DATE_CHANGE_UNDESCRIBED = "Our help centre doesn't describe changing the date your plan renews"
OWNER_CHANGE_UNDESCRIBED = "Our help centre doesn't describe moving an account to another owner"
# And the billing part's, for a cancellation the customer says they made that the records don't hold.
CANCELLATION_UNSEEN = "Our records don't show a cancellation"

_COUNT = rf"(?:\d{{1,3}}|a|an|one|a\s+couple\s+of|a\s+few|{words_alternation(least=2, most=24)})"
_MONTHS = MONTH  # a name, its abbreviation, or one counted from today ("last month")
_LEAD = r"^\W*(?:(?:ok(?:ay)?|so|well|and|just|only|maybe|probably|ideally|like|about|around)[,\s]+)*"
_END = r"\s*(?:please|pls|if\s+possible|or\s+so)?\s*[.!]*\s*$"

# "For 2 months", "three weeks", "until january", "over the summer": how long a pause would last.
_PAUSE_LENGTH = re.compile(
    _LEAD + r"(?:(?:i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:it|to\s+pause(?:\s+it)?)|pause\s+it)\s+)?"
    rf"(?:(?:for\s+)?(?:the\s+next\s+)?{_COUNT}\s+(?:days?|weeks?|months?|years?)"
    rf"|(?:until|till|til|through|to)\s+(?:the\s+end\s+of\s+)?(?:{_MONTHS}|next\s+(?:week|month|year)|the\s+new\s+year"
    r"|the\s+summer|spring|autumn|winter)"
    r"|(?:for|over)\s+the\s+(?:summer|winter|holidays?|off\s+season|quiet\s+months?))"
    + _END, re.IGNORECASE)
# "To the 15th", "the 1st of each month", "on the first", "end of the month": the day a plan should renew on.
_DAY_OF_MONTH = (r"\d{1,2}(?:st|nd|rd|th)?|first|second|third|fifth|tenth|fifteenth|twentieth|last\s+day"
                 r"|(?:end|start|beginning|middle)")
_RENEWAL_DAY = re.compile(
    _LEAD + r"(?:(?:i\s+(?:want|need|would\s+like|'d\s+like)\s+it|(?:move|change)\s+it|make\s+it)\s+)?"
    rf"(?:(?:to|on|for)\s+)?(?:the\s+)?(?:{_DAY_OF_MONTH})(?:\s+of\s+(?:each|every|the)\s+month|\s+of\s+{_MONTHS})?"
    r"(?:\s+(?:instead|would\s+be\s+(?:better|great|best)|works\s+better))?" + _END, re.IGNORECASE)
# "She will be the new owner", "my colleague will take over", "to my cofounder", "jane@acme.com is the new owner": who
# the account is to go to.
_SUCCESSOR = r"(?:my|our)\s+(?:colleague|co-?founder|business\s+partner|partner|boss|manager|cto|ceo|successor)"
_NEW_OWNER = re.compile(
    _LEAD + rf"(?:(?:she|he|they|{_SUCCESSOR}|\S+@\S+\.\w+)(?:'s|\s+is|\s+will|\s+would|\s+should)\s+(?:be\s+)?"
            r"(?:the\s+)?(?:new\s+)?(?:owner|admin|one\s+in\s+charge)(?:\s+now|\s+from\s+now\s+on)?"
            rf"|(?:she|he|they|{_SUCCESSOR})\s+will\s+take\s+(?:it\s+)?over"
            rf"|(?:to|for)\s+{_SUCCESSOR}(?:\s+\w+)?"
            r"|(?:to\s+)?\S+@\S+\.\w+"
            # "The current owner left the company", "she left" ("not enough information"): why it is handed over.
            r"|(?:(?:the|our|my)\s+(?:current\s+|old\s+|previous\s+|former\s+|original\s+)?(?:account\s+)?(?:owner|admin)"
            r"|she|he|they)\s+(?:has\s+|have\s+|just\s+)?(?:left|quit|is\s+gone|no\s+longer\s+works\s+(?:here|with\s+us))"
            r"(?:\s+(?:the\s+company|us|last\s+(?:week|month)))?)" + _END, re.IGNORECASE)


# "I cancelled on october 20", "on the 20th of october", "last month": when the customer says they cancelled.
_CANCELLED_WHEN = re.compile(
    _LEAD + r"(?:i|we)?\s*(?:already\s+)?(?:did\s+(?:it\s+|cancel\s+)?|cancell?ed(?:\s+(?:it|the\s+(?:plan|subscription)|my"
            r"\s+(?:plan|subscription)))?\s+)?(?:(?:on|in|at|around|back\s+(?:in|on))\s+)?"
            rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?"
            rf"|{_MONTHS}|last\s+(?:week|month)|\d{{1,2}}(?:st|nd|rd|th)|\d+\s+(?:days|weeks)\s+ago|yesterday)" + _END,
    re.IGNORECASE)

# "I tried another browser", "cleared my cache", "nothing happens when I click it", "it just spins", "same in firefox":
# what the customer tried or saw, right after a fault in our dashboard was said to be a person's to look into (it got
# "I don't have a guide on that").
_BROWSERS = r"(?:chrome|firefox|safari|edge|brave|opera|another\s+browser|a\s+different\s+browser|incognito|private\s+mode)"
_TRIED_OR_SEEN = re.compile(
    _LEAD + r"(?:(?:i|we)\s+(?:have\s+|'ve\s+|already\s+|also\s+)?(?:tried|cleared|restarted|refreshed|reloaded|logged\s+out"
            r"|signed\s+out|used|switched)\b|(?:already\s+)?(?:tried|cleared|refreshed|reloaded)\b"
            r"|(?:it|the\s+(?:page|button|screen))\s+(?:just\s+|still\s+|only\s+)?(?:spins|loads|hangs|freezes|shows|says|stays"
            r"|does\s+nothing|doesn'?t\s+(?:do|load|respond))\b|nothing\s+happens\b|(?:the\s+)?same\s+(?:thing\s+|problem\s+)?"
            rf"(?:in|on|with)\b|(?:in|on)\s+{_BROWSERS}\b|(?:when|after)\s+i\s+click)"
            r"[^?]{0,80}$", re.IGNORECASE)


@dataclass(frozen=True)
class _PersonOnlyRequest:
    """A request the chat can only pass on: how its reply opens, the detail that goes on with it, and the answer."""

    told: str
    detail: re.Pattern[str]
    label: Intent
    key: str
    reply: str


_PERSON_ONLY_REQUESTS = (
    _PersonOnlyRequest(PAUSE_UNDESCRIBED, _PAUSE_LENGTH, "billing", "pause", (
        "I can't set up a pause myself, for that long or any other: our help centre doesn't mention pausing a "
        "subscription, so I can't promise it's possible. A person from our team can tell you whether it can be done, "
        f"and they'll see what you've told me here: would you like me to {OFFER_PERSON}?")),
    _PersonOnlyRequest(RENEWAL_DATE_CHANGE_UNDESCRIBED, _RENEWAL_DAY, "billing", "renewal_date", (
        "I can't move the date your plan renews myself, to that day or any other: our help centre doesn't describe "
        "changing it, so I can't promise it. A person from our team can tell you whether it can be moved, and they'll "
        f"see what you've told me here: would you like me to {OFFER_PERSON}?")),
    _PersonOnlyRequest(CANCELLATION_UNSEEN, _CANCELLED_WHEN, "billing", "cancelled_when", (
        "Thanks. I still can't see a cancellation on your account, so I can't tell from here what happened to it. A "
        f"person from our team can look into it with you, and they'll see what you've told me here: would you like me to "
        f"{OFFER_PERSON}?")),
    _PersonOnlyRequest(DASHBOARD_FAULT_TOLD, _TRIED_OR_SEEN, "technical", "dashboard_fault", (
        "Thanks, that helps. As I can't look into our dashboard from this chat, a person from our team needs to take it "
        f"from here, and they'll see what you've told me: would you like me to {OFFER_PERSON}?")),
    _PersonOnlyRequest(OWNER_CHANGE_UNDESCRIBED, _NEW_OWNER, "account", "new_owner", (
        "I can't hand the account over to a new owner myself: our help centre doesn't describe how it's done. A person "
        f"from our team can help you with it, and they'll see what you've told me here: would you like me to "
        f"{OFFER_PERSON}?")),
)


@dataclass(frozen=True)
class DetailForAPerson:
    """What a detail goes on with: the request's label and key for the trace, and the reply."""

    label: Intent
    key: str
    reply: str


def detail_for_a_person(ctx: SupportContext) -> DetailForAPerson | None:
    """The answer to a detail of the request the last reply said only a person can arrange ("for 2 months" after the
    pause); None for any other message, or after any other reply."""
    told = last_assistant_text(ctx)
    for request in _PERSON_ONLY_REQUESTS:
        if told.startswith(request.told) and OFFER_PERSON in told and request.detail.match(ctx.message):
            return DetailForAPerson(request.label, request.key, request.reply)
    return None
