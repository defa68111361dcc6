"""Whether our service is running: is anything down now, how available it has been, and a fault in our dashboard.

The intent model reads the first two as off topic or small talk ("is anything down at the moment?": technical at 0.33
beside billing), and after another question as that question's topic; "the billing page won't load" as billing (the
invoice list). Plain rules over the message, no model: the orchestrator gives the first two to the technical part, which
answers from the open incidents (and says no uptime figure is to hand), and answers the third itself, with a person
offered.
"""

from __future__ import annotations

import re

from agents.about_service import reports_a_security_issue
from agents.context import SupportContext
from agents.follow_ups.history import assistant_texts, last_assistant_text, last_reply_cited
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.service import asks_about_uptime

# "Is anything down at the moment?", "are you having an outage?", "is northwind down?", "any known issues right now?":
# whether the service is running now, which the open incidents answer. Read alone as off topic or small talk, and
# after another question as that question's topic ("is there any outage right now?" after a refund got the refund
# policy; "is anything down?" after a password question, the invoice list).
_OUR_SERVICE = (r"(?:anything|something|everything|it\s+all|you|you\s+guys|y'?all|northwind(?:\s+cloud)?"
                r"|(?:the|your)\s+(?:service|platform|site|website|api|dashboard|servers?|systems?|status\s+page))")
_NOW = r"(?:right\s+now|now|at\s+the\s+moment|atm|currently|today|at\s+present|on\s+your\s+(?:end|side))"
_TROUBLE = r"(?:outages?|incidents?|downtime|disruptions?|(?:service\s+|known\s+)?(?:issues?|problems?))"
_ASKS_IF_THE_SERVICE_IS_DOWN = re.compile(
    rf"\b(?:is|are|iz|r)\s+{_OUR_SERVICE}\s+(?:(?:still|currently|all|now|really|completely|totally|just|back)\s+)?"
    rf"(?:down|up(?!\s+(?:for|to|with|and)\b)|offline|broken|degraded|having\s+(?:an?\s+|any\s+|some\s+)?"
    rf"{_TROUBLE}|experiencing\s+(?:an?\s+|any\s+|some\s+)?{_TROUBLE})\b"
    rf"|\b(?:is|are)\s+there\s+(?:an?\s+|any\s+|some\s+)?(?:ongoing\s+|current\s+|known\s+|active\s+)?"
    rf"(?:outages?|incidents?|downtime|disruptions?)\b"
    rf"|^\W*(?:(?:and|so|also|ok(?:ay)?|hi|hey|hello|thanks|thank\s+you)[,!.\s]+)*any\s+(?:ongoing\s+|current\s+|known\s+)?"
    rf"{_TROUBLE}\s+{_NOW}\W*$"
    rf"|\b(?:(?:service|system)\s+status|status\s+of\s+(?:the\s+|your\s+)?(?:service|platform|systems?))\s+{_NOW}"
    # "Is it you or me?", "is it just me or you?", "is the problem on your end?": whether the fault is ours (after "the
    # site is really slow today" it got the same guide again, and off topic alone).
    r"|\bis\s+(?:it|this|that|the\s+(?:problem|issue|fault))\s+(?:(?:on\s+)?(?:you|your\s+(?:end|side))\s+or\s+(?:on\s+)?"
    r"(?:me|us|mine|ours|(?:my|our)\s+(?:end|side|app|code))|(?:just\s+)?(?:me|us)\s+or\s+(?:is\s+it\s+)?(?:you|northwind"
    r"|your\s+(?:end|side))|(?:on\s+)?your\s+(?:end|side))\b"
    # "Is everything working right now?", "is everything ok on your side?" (technical: "I don't have a guide on that").
    # Not "is everything ok with my account?", the customer's own.
    r"|^\W*(?:(?:and|so|hi|hey|hello)[,!.\s]+)*(?:is|are)\s+(?:everything|all\s+(?:systems?|services?))\s+(?:working|running|ok"
    r"|okay|fine|up|operational|normal)(?:\s+(?:right\s+now|now|today|at\s+the\s+moment|on\s+your\s+(?:side|end)))?\s*[?.!]*\s*$",
    re.IGNORECASE)
# "Is there any outage compensation?", "refund for the downtime": money for an outage, which the refund rules weigh.
_MONEY = r"\b(?:refunds?|credits?|compensat\w*|money|reimburs\w*)\b"
_MONEY_FOR_IT = re.compile(rf"{_MONEY}|\bsla\b", re.IGNORECASE)
_MONEY_ASKED = re.compile(_MONEY, re.IGNORECASE)

# "When will it be fixed?", "any eta?", "how long will it take?": when an incident or fault ends.
ASKS_WHEN_FIXED = re.compile(
    r"\beta\b|\bestimated?\b[^.?!]{0,20}\b(?:time|fix|resolution)\b"
    r"|\bwhen\b[^.?!]{0,40}\b(?:fixed|resolved|sorted|back up|back online|working again|over)\b"
    r"|\bhow long\b[^.?!]{0,40}\b(?:take|last|fix|until|before)\b"
    r"|\b(?:fixed|resolved|sorted) yet\b|\bany (?:updates?|news|progress)\b",
    re.IGNORECASE,
)


def asks_when_the_incident_ends(ctx: SupportContext) -> bool:
    """"When will it be fixed?" right after a reply on an open incident: when that incident ends (read alone, off topic
    at 0.80: the scope reply)."""
    return bool(ASKS_WHEN_FIXED.search(ctx.message)) and len(ctx.message.split()) <= 8 and last_reply_cited(ctx,
                                                                                                         "incident")



# "Can I get notified?", "how do I subscribe?", "can you let me know when it's fixed?", "do you send alerts when something
# is down?": updates on our service's incidents, which the status page sends by email. Alone or after the status page or
# an incident they got "I don't have a guide on that", the scope reply, or a guide on API errors.
_NOTIFIED = re.compile(
    r"\b(?:notif(?:y|ied|ications?)|alerts?|alerted|subscribe|subscription\s+to\s+(?:the\s+)?(?:status|updates)"
    r"|(?:e-?mail|status)\s+updates?|updates?\s+by\s+e-?mail|let\s+(?:me|us)\s+know|keep\s+(?:me|us)\s+"
    r"(?:posted|updated|informed|in\s+the\s+loop)|get\s+(?:the\s+)?updates?|(?:email|e-mail|message|ping)\s+(?:me|us)\s+when)\b",
    re.IGNORECASE)
# "The status of my flight" is someone else's; "when it's resolved" is ours only of an incident (a transfer is not).
_ABOUT_OUR_STATUS = re.compile(
    r"\b(?:outages?|incidents?|downtime|(?:is|are|goes|going|went|go|been)\s+down|status\s+page|(?:service|system)\s+status|maintenance|disruptions?"
    r"|problems?\s+on\s+your\s+(?:end|side)"
    r"|(?:it|this|that|the\s+(?:incident|outage|issue|problem))\s+(?:is|'s|has\s+been|gets?|will\s+be)\s+"
    r"(?:fixed|resolved|back\s+up|over))\b", re.IGNORECASE)
# Updates on something of the customer's own, which the status page does not send: "notify me when my refund arrives".
_THEIR_OWN_MATTER = re.compile(r"\b(?:refunds?|invoices?|payments?|charges?|renewals?|bills?|billing|cards?|deploys?|builds?"
                               r"|exports?|unlock\w*|password|tickets?)\b", re.IGNORECASE)
# The last reply was about our service's state: the status page's entry, or an incident it told.
_STATUS_TOLD = ("status page", "status.northwind.cloud", "active incident", "is still open (status:")


# "Is there a way to get notified when my app goes down?": alerts on the customer's own app, which the status page
# (our incidents) does not send (the open incident and the API errors' guide came).
_THEIR_APP_DOWN = re.compile(r"\b(?:goes|go|is|are|gets|went|going)\s+(?:down|offline|unavailable|unreachable)\b|\bdowntime\b"
                             r"|\bcrash(?:es|ed)?\b|\bstops?\s+(?:working|responding)\b", re.IGNORECASE)


def asks_for_alerts_on_own_app(message: str) -> bool:
    """Whether the message asks to be alerted when the customer's own app goes down."""
    return bool(_NOTIFIED.search(message) and _NAMES_THEIR_OWN.search(message) and _THEIR_APP_DOWN.search(message))


def asks_for_status_updates(ctx: SupportContext) -> bool:
    """Whether the message asks to be told of our service's incidents (by email, an alert, a notification), naming
    them, or right after the status page or an incident was told; not alerts about the customer's own app."""
    if not _NOTIFIED.search(ctx.message) or _NAMES_THEIR_OWN.search(ctx.message) or _THEIR_OWN_MATTER.search(ctx.message):
        return False
    last = last_assistant_text(ctx)
    return bool(_ABOUT_OUR_STATUS.search(ctx.message)) or any(told in last for told in _STATUS_TOLD)


# "When did it start?", "since when?", "how long has it been going on?": when an incident began.
ASKS_WHEN_IT_STARTED = re.compile(
    r"\bwhen\b[^.?!]{0,30}\b(?:start|started|begin|began|happen|happened)\b|\bsince when\b"
    r"|\bhow long\b[^.?!]{0,20}\b(?:been|going on)\b", re.IGNORECASE)
# A follow-up, not a question of its own: "when did my card start failing and why?" names what it asks about.
_FOLLOW_UP_WORDS = 8
# How a reply tells an open incident: "“Elevated API error rates in eu-west”, since … (status: investigating)".
INCIDENT_TOLD = "(status: "


def asks_when_the_incident_began(ctx: SupportContext) -> bool:
    """"How long has it been going on?", "since when?" within two replies of an open incident told."""
    return (len(ctx.message.split()) <= _FOLLOW_UP_WORDS and bool(ASKS_WHEN_IT_STARTED.search(ctx.message))
            and any(INCIDENT_TOLD in text for text in assistant_texts(ctx)[:2]))


def asks_how_the_service_ran(text: str) -> bool:
    """"What was our uptime last month?", "I need an SLA report for last month": how available the service has been,
    not money for when it was not. Read with "last month" as billing, they got the invoice list."""
    return asks_about_uptime(text) and not _MONEY_ASKED.search(text)


def asks_if_the_service_is_down(text: str) -> bool:
    """Whether a message asks if our service is running now (an outage, an incident, anything down), not for money
    for one."""
    return bool(_ASKS_IF_THE_SERVICE_IS_DOWN.search(text)) and not _MONEY_FOR_IT.search(text)


# "The deploy button does nothing", "the billing page won't load", "your dashboard keeps giving me an error": a fault in
# our dashboard itself, not in the customer's apps. Read as the thing the page or button is for, it got the guide on
# failed deploys, or the invoice list. "My site won't load" and "the site" are the customer's own.
_SCREEN = r"(?:page|button|screen|tab|menu|form)"
_OUR_SCREENS = (r"(?:(?:your|the|northwind(?:'s)?)\s+(?:(?:web\s*)?dashboard|control\s+panel|web\s*console|console|ui"
                r"|user\s+interface|portal)"
                rf"|(?:your|northwind(?:'s)?)\s+(?:web\s*site|(?:\w+\s+)?{_SCREEN})"
                # "The billing page", "the deploy button": a page or button named by what it is for; "the page" alone
                # may be the customer's own app's.
                rf"|the\s+(?!(?:my|our|app'?s?|site'?s?)\b)\w+\s+{_SCREEN})")
_SCREEN_FAULT = (r"(?:is\s+|are\s+|seems?\s+)?(?:broken|bugg?y|glitch\w*|blank|frozen|freez\w*|crash\w*|stuck"
                 r"|(?:does|do)\s*(?:n'?t|not)\s+(?:do\s+anything|work|load|respond|open|save|show\s+anything)"
                 r"|(?:does|do)\s+nothing|won'?t\s+(?:load|open|work|respond|save)|wont\s+(?:load|open|work|respond|save)"
                 r"|(?:is\s+|are\s+)?not\s+(?:loading|working|responding|saving)"
                 r"|(?:keeps?\s+|is\s+)?(?:giving|showing|throwing)\s+(?:me\s+)?(?:an?\s+)?errors?)")
_REPORTS_A_FAULT_IN_OUR_SCREENS = re.compile(
    rf"\b{_OUR_SCREENS}\s+(?:\w+\s+){{0,3}}?{_SCREEN_FAULT}\b"
    rf"|\b(?:bug|glitch|error|problem)s?\s+(?:in|on|with)\s+{_OUR_SCREENS}\b", re.IGNORECASE)
_NAMES_THEIR_OWN = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:apps?|sites?|websites?|apis?|services?|servers?|domains?)\b",
                              re.IGNORECASE)
# How the reply to a fault in our dashboard opens: what a detail of it goes on with (agents/details_for_a_person.py).
DASHBOARD_FAULT_TOLD = "Thank you for telling us. That sounds like a fault in our dashboard itself"
DASHBOARD_FAULT_REPLY = (
    f"{DASHBOARD_FAULT_TOLD} rather than in your apps, and I can't look into or fix the dashboard from this chat. A person from our team can take the report and follow it up: "
    f"would you like me to {OFFER_PERSON}? It helps them to know what you clicked, what you expected and what you saw "
    "instead."
)


def reports_a_fault_in_our_dashboard(text: str) -> bool:
    """Whether the message reports our dashboard (a page, a button, the site) not working, rather than an app of theirs."""
    return (bool(_REPORTS_A_FAULT_IN_OUR_SCREENS.search(text)) and not _NAMES_THEIR_OWN.search(text)
            and not reports_a_security_issue(text))
