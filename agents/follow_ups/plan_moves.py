"""Moves of the customer's own plan as a message asks for them: cancelling, deleting the account, downgrading,
upgrading, and asking the assistant to make the change itself ("upgrade me to Business", "just do it for me").
"""

from __future__ import annotations

import re
from functools import lru_cache

from agents.follow_ups.go_aheads import affirms
from agents.service_terms import plan_moved_to

# Ending the subscription or the account, which is what a "will I lose my apps?" right after it asks about.
# Not "cancel the charge", a refund. Spelled as customers type it: "cancell", "cancle", "subscribtion",
# "acount", "acct".
_CANCEL = r"(?:cancel{1,2}(?:s|ed|led|ing|ling|lation|ation)?|cancle[sd]?|cancling|cansel{1,2}\w*)"
_SUBSCRIPTION = r"(?:sub(?:s?c?ri[bp]\w*|s)?)"
_ACCOUNT = r"(?:ac{1,2}ou?n?t|acc?nt|acct|acc)"
CANCELLING = re.compile(
    rf"\b(?:{_CANCEL}|unsubs?crib\w*)\b(?!\s+(?:the|that|this|a)\s+(?:charge|payment))"
    rf"|\bstop\s+(?:paying|my\s+(?:plan|{_SUBSCRIPTION}))\b|\bend\s+my\s+(?:plan|{_SUBSCRIPTION})\b",
    re.IGNORECASE,
)
DELETING_THE_ACCOUNT = re.compile(
    r"\b(?:delete|deleting|delet|delte|deleat|close|closing|remove|removing|terminate|terminating|get\s+rid\s+of)"
    rf"\s+(?:my\s+|our\s+|the\s+|this\s+)?(?:northwind\s+)?{_ACCOUNT}\b",
    re.IGNORECASE,
)
# Moving to a smaller plan: "downgrade me to free", "i want to downgrade to pro", "move to a cheaper plan". As
# typed: "downgarde", "down grade".
DOWNGRADING = re.compile(
    r"\bdown[\s-]?gr[ae]d\w*|\bdowngarde\w*"
    r"|\b(?:move|moving|switch|switching|go|going|change|changing)\s+(?:back\s+|down\s+)*to\s+"
    r"(?:a\s+|the\s+)?(?:cheaper|smaller|lower|less\s+expensive)\s+(?:plan|tier|one)\b",
    re.IGNORECASE,
)
UPGRADING = re.compile(r"\bup[\s-]?grad\w*", re.IGNORECASE)
# "How long does the upgrade take?", "how long does it take to downgrade?", "how quickly does an upgrade apply?".
_HOW_LONG_A_MOVE = re.compile(
    r"\bhow\s+(?:long|soon|quickly|fast)\b[^.?!]{0,40}?\b(?:(?P<up>up[\s-]?grad\w*)|down[\s-]?gr[ae]d\w*)", re.IGNORECASE)


def plan_move_asked_how_long(message: str) -> str | None:
    """"How long does the upgrade take?": "upgrade" or "downgrade", the move asked how long it takes; None otherwise."""
    if (asked := _HOW_LONG_A_MOVE.search(message)) is None:
        return None
    return "upgrade" if asked["up"] else "downgrade"


# "Cancel my deploy", "cancel the invite", "cancel the refund request": not the subscription.
CANCELS_SOMETHING_ELSE = re.compile(
    r"\bcancel\w*\s+(?:my\s+|the\s+|this\s+|that\s+|a\s+|an\s+)?(?:\w+\s+)?(?:deploy\w*|builds?|invit\w*|refunds?"
    r"|requests?|orders?|domains?|apps?|payments?|charges?|transfers?|emails?|unlock)\b"
    # "The game was cancelled and I would like a reimbursement": something of theirs was called off, not our plan.
    r"|\b(?!(?:subscription|plan|account|membership|sub|it|that|this)\b)[a-z]+\s+(?:was|were|got|has\s+been"
    r"|have\s+been|had\s+been|is|are)\s+cancel{1,2}ed\b",
    re.IGNORECASE)
# Asking the assistant itself to change or cancel the plan: "upgrade me to Business", "switch me to Free please",
# "cancel my subscription for me", "can you downgrade my plan?". Not "how do I upgrade?" nor "I want to cancel",
# which ask how (the help centre's steps answer), nor "switch me to yearly billing" (no plan named).
_PLAN_OR_NAMED = r"(?:(?:my|our|the|a|this)\s+)?(?:(?:free|pro|business|paid|current)\s+)?(?:plan|tier|subscription|package)"
_NAMED_PLAN = r"(?:the\s+)?(?:free|pro|business|cheaper|smaller|lower|higher|bigger)\b"
_CHANGE_VERB = (r"(?:up[\s-]?grade|down[\s-]?grade|switch|move|change|put|bump|cancel|end|stop|terminate)")
_ASKS_US_TO_CHANGE_PLAN = re.compile(
    rf"\b(?:up|down)[\s-]?grade\s+(?:me|us)\b"
    rf"|\b(?:switch|move|put|bump|take|change)\s+(?:me|us)\s+(?:up\s+|down\s+|over\s+|back\s+)?(?:to|on|onto)\s+"
    rf"{_NAMED_PLAN}"
    rf"|\b{_CHANGE_VERB}\s+(?:{_PLAN_OR_NAMED}|me|us)\b[^.?!]{{0,40}}\bfor\s+(?:me|us)\b"
    rf"|\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)*{_CHANGE_VERB}\s+(?:{_PLAN_OR_NAMED}|me|us)\b"
    rf"|\bi\s+(?:need|want|would\s+like|'d\s+like)\s+you\s+to\s+{_CHANGE_VERB}\b"
    # "Please cancel my subscription", "cancel my plan now please": told to the assistant, as "for me" is.
    rf"|^\W*(?:ok(?:ay)?[,\s]+)?(?:please|pls|plz|kindly)\s+{_CHANGE_VERB}\s+{_PLAN_OR_NAMED}\b"
    rf"|\b{_CHANGE_VERB}\s+{_PLAN_OR_NAMED}\s+(?:now\s+)?(?:please|pls|plz|asap|right\s+now|immediately)\b",
    re.IGNORECASE,
)
# "Do it", "just do it for me", "can you do that for me?", "why can't you just change it?": asking the assistant to
# make the change just explained.
_DO_IT_FOR_ME_OF = (
    r"^\s*(?:(?:ok(?:ay)?|so|then|well|fine|alright|right|please|pls|just|can|could|would|will|won'?t|cant|can'?t|why|you|u"
    r"|go\s+ahead\s+and)[\s,]+)*"
    r"(?:{verbs})\s+(?:it|that|this|the\s+change|me)\b"
    r"(?:[\s,]+(?:out|for\s+(?:me|us)|please|pls|now|then|yourself|instead|already|right\s+away|on\s+my\s+behalf))*"
    r"\s*[?.!]*\s*$"
)
_CHANGE_ASKED = r"do|make|change|switch|cancel|upgrade|downgrade|handle|sort|action"
_DO_IT_FOR_ME = re.compile(_DO_IT_FOR_ME_OF.format(verbs=_CHANGE_ASKED), re.IGNORECASE)
# "Can you reset it for me?", "could you update that?": any step asked of the assistant, as "do it for me" is.
_DO_A_STEP_FOR_ME = re.compile(_DO_IT_FOR_ME_OF.format(
    verbs=rf"{_CHANGE_ASKED}|reset|update|fix|edit|correct|set\s+up|redeploy|retry|add|invite|remove|delete|download"),
    re.IGNORECASE)


def asks_a_step_done_for_them(message: str) -> bool:
    """"Can you do it for me?", "could you reset it?": a request that the assistant itself take the step just given."""
    return bool(_DO_A_STEP_FOR_ME.match(message))


# "Can you move us to annual billing?", "switch me to monthly payments": how often the plan is paid, not which plan.
_TO_ANOTHER_BILLING_PERIOD = re.compile(r"\b(?:to|onto|on)\s+(?:an?\s+|the\s+)?(?:yearly|annual|annually|monthly)\b",
                                        re.IGNORECASE)


def asks_us_to_change_plan(message: str) -> bool:
    """"Upgrade me to Business", "cancel my subscription for me": a request that the assistant make the change
    itself, which no action it has can do."""
    return (bool(_ASKS_US_TO_CHANGE_PLAN.search(message)) and not CANCELS_SOMETHING_ELSE.search(message)
            and not _TO_ANOTHER_BILLING_PERIOD.search(message))


# "Let's do it", "go for it", "switch me over": a go-ahead that asks for something to be done, where "ok" or "yes" alone
# may only acknowledge what was said.
_ASKS_FOR_IT_DONE = re.compile(
    r"\b(?:do\s+(?:it|that)|go\s+(?:ahead|for\s+it)|proceed|make\s+it\s+so|(?:switch|move|sign|put)\s+(?:me|us)\b)",
    re.IGNORECASE)


def goes_ahead_with_a_change(message: str) -> bool:
    """"Let's do it", "do it for me", "go ahead": a go-ahead that asks for the change just discussed, not "ok" or
    "yes" alone, which may only acknowledge it."""
    return bool(_DO_IT_FOR_ME.match(message)) or (affirms(message) and bool(_ASKS_FOR_IT_DONE.search(message)))


def asks_us_to_do_it(message: str) -> bool:
    """"Do it", "just do it for me", "yes please": a go-ahead, or a request that the assistant itself do what was
    discussed."""
    return affirms(message) or bool(_DO_IT_FOR_ME.match(message))


# "How do I do that?", "when does it take effect?": how or when the thing asked for before is done, naming nothing.
_HOW_OR_WHEN_OF_IT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|great|right)[,\s]+)?(?:how\s+(?:do|can|would|should)\s+(?:i|we)\s+(?:do|make)\s+(?:that|it|this)"
    r"(?:\s+happen)?|when\s+(?:does|will|would)\s+(?:it|that|this)\s+(?:take\s+effect|happen|apply|start|kick\s+in))"
    r"\s*[?.!]*\s*$", re.IGNORECASE)


def asks_how_or_when_of_it(message: str) -> bool:
    """Whether the message asks only how or when what was asked before is done."""
    return bool(_HOW_OR_WHEN_OF_IT.match(message))


@lru_cache(maxsize=4096)  # a pure reading of the text, asked of each earlier turn rule after rule (#9)
def plan_change_named(text: str) -> bool:
    """Whether a message is about moving the customer's own plan: upgrading, downgrading or cancelling it."""
    if CANCELS_SOMETHING_ELSE.search(text) or DELETING_THE_ACCOUNT.search(text):
        return False
    # "I want free", "how do I get pro?": a move to a plan named, in words that say neither up nor down.
    return bool(UPGRADING.search(text) or DOWNGRADING.search(text) or CANCELLING.search(text)
                or asks_us_to_change_plan(text) or plan_moved_to(text) is not None)


# "Can I downgrade mid-month?", "can I cancel in the middle of the billing cycle?": a move asked of now, part way through
# a period (the month read as "this month" gave the plan and the invoice list; "can I downgrade now?" got the steps and
# when the move takes effect).
_PART_WAY_THROUGH_THE_MONTH = re.compile(
    r"\b(?:(?:in\s+the\s+)?mid(?:dle)?[\s-]?(?:of\s+(?:the\s+|a\s+|my\s+))?(?:month|billing\s+(?:cycle|period)|cycle)"
    r"|(?:half|part)[\s-]?way\s+(?:through|into)\s+(?:the|a|my)\s+(?:month|billing\s+(?:cycle|period)|cycle))\b",
    re.IGNORECASE)


# "Do I get a refund if I cancel mid month?": what part of a month is worth, which the refund part answers (a partial or
# prorated refund), not when the move can be made.
_WORTH_OF_THE_MONTH = re.compile(
    r"\b(?:refund\w*|money|prorat\w*|pro[\s-]rat\w*|credit\w*|charg\w*|pay\w*|bills?|billed|cost\w*)\b", re.IGNORECASE)


def with_mid_month_read_as_now(text: str) -> str:
    """A move of the plan asked of part way through the month, read as asked of now; any other message as it is."""
    if not _PART_WAY_THROUGH_THE_MONTH.search(text) or not plan_change_named(text) or _WORTH_OF_THE_MONTH.search(text):
        return text
    return _PART_WAY_THROUGH_THE_MONTH.sub("now", text)
