"""Questions the help centre has nothing on: partner programmes, documentation beyond it, wildcard domains, demos, a
document for a refund, support's hours on holidays, a change of the account's owner, the account's sessions, what
instances cost, how downtime is counted, latency, a saving after no discount was found, how often or how long of
something it is silent on, jobs here, an app moved to another account, a mobile app of ours, security certifications,
the company itself, what is done with customer data, how build minutes are counted, sign-ins that keep ending, how many instances an app may have; "how?" or "why not?" after a reply that said the help centre doesn't describe
it, and what happens past a figure it said the help centre doesn't give.

"Do you have an affiliate program?" got "I don't have enough information" (general at 0.93), and "partnership?" the
scope reply; "where are the docs?" after the API got "not enough information". What there is to say is that the help
centre doesn't cover it, without guessing whether such a thing exists, and that a person can tell them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from agents.about_service import MOVE_DOWNTIME_UNKNOWN, kind_of_app_asked
from agents.coding_help import ASKS_TO_WRITE_CODE
from agents.context import Intent
from agents.details_for_a_person import OWNER_CHANGE_UNDESCRIBED
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.people import asks_if_it_costs_extra
from agents.follow_ups.plans import TRIAL_UNDESCRIBED
from agents.where_it_is import asks_only_how

# "Do you have an affiliate program?", "referral scheme?", "can we become a reseller?", "partnership?": a programme for
# people who bring customers or sell the service. Not "refer to", "my partner's account" or a partner's card.
_PARTNER_PROGRAMME = re.compile(
    r"\b(?:affiliate|referral|reseller|partner|partnership|ambassador)\s+(?:program(?:me)?s?|schemes?|links?|codes?"
    r"|bonus(?:es)?|rewards?|commissions?|opportunit(?:y|ies)|deals?)\b"
    r"|\b(?:become|be)\s+(?:an?\s+)?(?:affiliate|reseller|partner)\b"
    r"|\b(?:refer|referring)\s+(?:a\s+)?(?:friends?|customers?|clients?|someone|people)\b"
    r"|^\W*(?:affiliates?|partnerships?|referrals?|resellers?)(?:\s+program(?:me)?s?)?\s*[?.!]*\s*$",
    re.IGNORECASE)
# "Where are the docs?", "do you have API documentation?", "link to the api reference": documentation beyond the help
# centre the assistant answers from.
_DOCUMENTATION = re.compile(
    r"\b(?:where|link|links|url|have|got|find|see|read|point\s+me\s+to|show\s+me)\b[^.?!]{0,30}\b(?:docs|documentation"
    r"|api\s+reference|reference\s+docs|developer\s+docs|sdk\s+docs)\b"
    r"|^\W*(?:api\s+)?(?:docs|documentation)\s*[?.!]*\s*$",
    re.IGNORECASE)

# "Do you support wildcard domains?", "can I use *.example.com?": a wildcard domain, which no entry or guide mentions (the
# domains guide's steps came, as if one name were being added).
_WILDCARD_DOMAIN = re.compile(r"\bwildcard\s+(?:sub)?domains?\b|\bwildcard\s+(?:dns|cname|records?|certs?|certificates?)\b"
                              r"|\*\.[a-z0-9-]+\.[a-z]{2,}\b", re.IGNORECASE)

# "Do you have webhooks?", "can I get notified when a deploy fails?", "slack alerts for builds": notices of what happens to
# an app, which the help centre never describes ("not enough information", or the failed deploys' steps). Not an
# incident's updates, which the status page's entry gives.
_DEPLOY_NOTICES = re.compile(
    r"\bweb[\s-]?hooks?\b|\b(?:slack|discord|teams|pagerduty)\s+(?:integration|notifications?|alerts?|messages?)\b"
    r"|\b(?:notif(?:y|ied|ications?)|alerts?|alerted|emails?|e-mails?)\b[^.?!]{0,30}\b(?:when|if|after|on|about|for)\s+(?:a\s+|my\s+|the\s+"
    r"|our\s+)?(?:deploy\w*|builds?|releases?)\b", re.IGNORECASE)

# "Can I get a dedicated ip?", "do you have static ips for outbound requests?", "what ips should we whitelist?": an address
# of the app's own, which no entry or guide mentions ("no guide on that", as if only a guide were missing).
_STATIC_IP = re.compile(
    r"\b(?:dedicated|static|fixed|reserved|outbound|egress|permanent)\s+ip(?:\s+address(?:es)?|s)?\b"
    r"|\bips?\s+(?:address(?:es)?\s+)?(?:to\s+)?(?:whitelist\w*|allowlist\w*)\b"
    r"|\b(?:whitelist|allowlist)\w*\s+(?:your|the)\s+ips?\b"
    r"|\bwhat\s+ips?(?:\s+address(?:es)?)?\s+(?:do|does|will)\s+(?:my|our|the)\s+apps?\b"
    r"|\b(?:what|which)\s+ips?\b[^.?!]{0,30}\b(?:whitelist|allowlist)\w*", re.IGNORECASE)
# "How do I set up a cron job?", "can I run scheduled tasks?", "run a script every night": work an app runs on a schedule,
# which no entry or guide describes ("no guide on that").
_SCHEDULED_JOBS = re.compile(
    r"\bcron(?:\s*jobs?|\s*tabs?|tabs?)?\b|\bscheduled\s+(?:jobs?|tasks?|scripts?)\b|\bschedul(?:e|ing)\s+(?:a\s+|my\s+|our\s+)?"
    r"(?:jobs?|tasks?|scripts?)\b|\brun\s+(?:a\s+|my\s+|our\s+)?(?:jobs?|tasks?|scripts?)\s+(?:every|each|nightly|daily|hourly"
    r"|weekly|on\s+a\s+schedule)\b", re.IGNORECASE)
# "How long are invoices kept?", "how far back can I see my invoices?": how long the billing history is kept, which no entry
# says (the invoice list came, with the entry on where invoices are as "How to do it").
_INVOICE_RETENTION = re.compile(
    r"\bhow\s+long\s+(?:are|is)\s+(?:my\s+|our\s+|the\s+)?(?:invoices?|receipts?|billing\s+history|payment\s+history)\s+"
    r"(?:kept|stored|available|saved|retained)\b"
    r"|\bhow\s+long\s+(?:do|will)\s+(?:you|u)\s+(?:keep|store|retain)\s+(?:my\s+|our\s+|the\s+)?(?:invoices?|receipts?"
    r"|billing\s+history|payment\s+history)\b"
    r"|\bhow\s+far\s+back\s+(?:can|do|does|will)\s+(?:i|we|you)\s+(?:see|get|download|access|keep|go)\b[^.?!]{0,20}"
    r"\b(?:invoices?|receipts?|billing\s+history|payments?)\b", re.IGNORECASE)

# "Can I get a demo?", "do you do demos?", "book a demo": a demonstration, which the help centre never offers ("no
# guide on that").
_DEMO = re.compile(r"\b(?:get|book|schedule|request|have|see|want|arrange)\s+(?:a\s+|an?\s+)?(?:live\s+|product\s+)?demo(?:nstration)?s?\b"
                   r"|\b(?:do|can)\s+(?:you|u)\s+(?:do|give|offer|run)\s+(?:a\s+|any\s+)?demo(?:nstration)?s?\b"
                   r"|^\W*(?:a\s+)?demo\s*[?.!]*\s*$", re.IGNORECASE)

# "Can we get an invoice for the refund?", "a credit note for the refund": a document for a refund, which no entry
# describes (the duplicate charge was described again, or the refund's state, answering nothing of it). Not "refund
# invoice NW-2002", which asks for the refund.
_REFUND_DOCUMENT = re.compile(r"\b(?:invoice|receipt|credit\s+note|credit\s+memo|confirmation|statement|document)\s+(?:for|of)"
                              r"\s+(?:the|my|our|this|that|a)\s+refund\b|\brefund\s+(?:receipt|confirmation)\b"
                              r"|\bcredit\s+(?:note|memo)\b", re.IGNORECASE)

# "Our team lead left, how do we transfer ownership?", "make Sam the account owner": the account's owner changed, which
# no entry describes (the entry on team roles says nothing of an owner; "not enough information" came).
_OWNERSHIP = re.compile(r"\btransfer(?:ring)?\s+(?:the\s+|our\s+|my\s+)?(?:account\s+)?ownership\b|\b(?:change|transfer|move|hand\s+over)"
                        r"\s+(?:the\s+|our\s+|my\s+)?(?:account\s+)?owner(?:ship)?\b|\bnew\s+account\s+owner\b"
                        r"|\bmake\s+\w+\s+(?:the\s+)?(?:new\s+)?account\s+owner\b"
                        # "Can I transfer my account to someone else?" ("not enough information").
                        r"|\b(?:transfer|give|hand\s+over|pass\s+on|move)\s+(?:my|our|the)\s+account\s+to\s+(?:someone|somebody"
                        r"|another\s+(?:person|user|email|company)|a\s+(?:colleague|coworker|friend|client|new\s+owner)|my\s+\w+)\b",
                        re.IGNORECASE)

# "How do I log out of all devices?", "can I see my active sessions?": the account's sessions, which no entry describes
# (the failed deploys' guide came, as "no guide on how to do that as such").
_SESSIONS = re.compile(r"\b(?:log|sign)(?:ged)?\s*(?:me\s+)?(?:out|off)\s+(?:of\s+|from\s+|on\s+)?(?:all|every|other)\s+(?:my\s+|the\s+)?"
                       r"(?:devices?|sessions?|browsers?|computers?)\b|\b(?:active|open|other)\s+sessions?\b"
                       r"|\b(?:end|revoke|kill|close)\s+(?:all\s+)?(?:my\s+|other\s+)?sessions?\b"
                       # "Can you log them out?" after someone else was said to be using the account ("not enough
                       # information"); "kick them out", "sign everyone else out".
                       r"|\b(?:log|sign|kick|throw|boot)(?:ged)?\s+(?:them|him|her|everyone(?:\s+else)?|everybody(?:\s+else)?"
                       r"|the\s+other\s+(?:person|user)|whoever\s+it\s+is)\s+(?:out|off)\b", re.IGNORECASE)

# "Does scaling to more instances cost more?", "does that cost more?" or "is it extra?" right after the scaling guide:
# what instances cost (not "how much does that cost?", which the plans' prices answer),
# which no entry says (the plans are priced by the month; the guide's steps or the plans' prices came).
_INSTANCES_PRICED = re.compile(r"\b(?:instances?|scaling|scale|autoscal\w*|replicas?)\b[^.?!]{0,30}\b(?:cost\w*|price\w*|charged?|pay"
                               r"|extra|expensive)\b|\b(?:cost\w*|price\w*|charged?|pay)\b[^.?!]{0,20}\b(?:per|for|each|more|extra)\s+"
                               r"(?:instances?|replicas?)\b", re.IGNORECASE)
_COSTS_MORE_ALONE = re.compile(r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:does|will|would|is)\s+(?:that|it|this)\s+(?:going\s+to\s+)?"
                               r"(?:cost|costs|be)\s+(?:more|extra|anything(?:\s+extra)?|more\s+expensive)\s*[?.!]*\s*$", re.IGNORECASE)
_SCALING_TOLD = "Scaling and cold starts"
# "How?" alone right after a reply that said the help centre doesn't say whether it can be done ("can I use my own SSL
# certificate?"): the guide its words found came (the certificates' troubleshooting steps).
# "It doesn't say how to ask for one" (a DPA) says so too.
# "I can't find anything about free trials in our help centre" says the same ("how long?" after it got the SLA's entry).
_SAID_NOT_DESCRIBED = re.compile(r"\b(?:doesn't|does\s+not)\s+(?:say\s+(?:whether|how|what|when)|describe|mention)\b"
                                 r"|\bI\s+can't\s+find\s+anything\s+about\b")

# "What happens if I go over?" right after "our help centre doesn't give a bandwidth figure for any plan": past a limit no
# entry states (the scope reply came).
_GOES_OVER = re.compile(r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?what\s+(?:happens|would\s+happen|if)\s+(?:if|when)?\s*(?:i|we|my\s+app|"
                        r"it)\s+(?:(?:go|goes|use|uses|run|runs|get|gets)\s+(?:over|past|beyond|more|out|above)|exceeds?|hits?|pass(?:es)?"
                        r"|break(?:s)?)\b[^?.!]{0,20}[?.!]*\s*$", re.IGNORECASE)
_NO_FIGURE_TOLD = re.compile(r"\bdoesn't give an? [\w\s-]{1,20}figure\b")

# "Are you open on christmas?", "support hours on public holidays?": whether support's hours change on a holiday, which
# the entry on support hours doesn't say (Bob got the hours and his plan's priority support, as if the holiday were
# unasked). "What about holidays?" alone only right after those hours were given. Not a holiday of anyone else's
# ("is today a bank holiday?", "book a holiday"), which CLINC150 and Banking77 ask.
_HOLIDAY = r"(?:(?:public|bank|national)\s+)?holidays?|christmas|xmas|new\s+year'?s?(?:\s+(?:day|eve))?|easter|thanksgiving"
_SUPPORT_ON_A_HOLIDAY = re.compile(
    rf"\b(?:support|staff|open|closed|hours|available|working|work)\b[^.?!]{{0,30}}\b(?:on|over|during|at|for)\s+(?:the\s+)?"
    rf"(?:{_HOLIDAY})\b"
    rf"|\b(?:{_HOLIDAY})\b[^.?!]{{0,20}}\b(?:support|hours|opening|open|closed)\b",
    re.IGNORECASE)
_HOLIDAYS_ALONE = re.compile(rf"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:(?:what|how)\s+about\s+)?(?:on\s+|over\s+|during\s+)?"
                             rf"(?:the\s+)?(?:{_HOLIDAY})\s*[?.!]*\s*$", re.IGNORECASE)
# How the entry on support hours says when staff are in (the last reply, for "what about holidays?").
_SUPPORT_HOURS_TOLD = "support staff are here"

# "Why not?", "why?" right after a reply that said the help centre doesn't describe something ("… changing the date your
# plan renews"): why it is not possible, which the reply never said ("not enough information" came).
_WHY_NOT_ALONE = re.compile(r"^\W*(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?(?:why\s+not|why|how\s+come)(?:\s+(?:though|exactly|then))?"
                            r"\s*[?.!]*\s*$", re.IGNORECASE)
# "Our help centre only describes replacing the card on file, not adding a second one" says so too.
_SAID_NOT_DESCRIBED_OR_MENTIONED = re.compile(r"\b(?:doesn't|does\s+not)\s+(?:describe|mention)\b|\bonly\s+describes\b")

# "What counts as downtime?", "how do you measure uptime?", "how is the SLA calculated?": how the SLA's figure is
# measured, which its entry does not say (the API rate limits guide came).
_HOW_DOWNTIME_COUNTS = re.compile(
    r"\bwhat\s+(?:counts|qualifies|is\s+counted)\s+as\s+(?:downtime|an?\s+outage|unavailab\w+)\b"
    r"|\bhow\s+(?:is|are)\s+(?:the\s+sla|uptime|downtime)\s+(?:\w+\s+)?(?:measured|calculated|counted)\b"
    r"|\bhow\s+(?:do|does)\s+(?:you|northwind)\s+(?:measure|calculate|count)\s+(?:the\s+)?(?:uptime|downtime|sla)\b",
    re.IGNORECASE)

# "Do we get a dedicated account manager?", "is there a customer success manager?": a named person of our own for the
# customer, which no entry mentions ("not enough information" came).
_ACCOUNT_MANAGER = re.compile(r"\b(?:dedicated|personal|own|named)\s+(?:account\s+manager|support\s+(?:rep|representative|contact"
                              r"|engineer|agent)|contact\s+person|rep)\b|\b(?:account|customer\s+success|technical\s+account)"
                              r"\s+managers?\b", re.IGNORECASE)

# "Is there a limit on domains?", "how many custom domains can I add?", or "how many can I add?" right after the entry
# on custom domains: a count no entry gives (the API rate limits guide came, or the entry again behind "my answer is
# the same").
_DOMAINS_COUNTED = re.compile(
    r"\b(?:limit|limits|maximum|max|cap)\s+(?:on|to|of|for)\s+(?:the\s+)?(?:number\s+of\s+)?(?:custom\s+)?domains\b"
    r"|\bhow\s+many\s+(?:custom\s+)?domains\b"
    r"|\b(?:custom\s+)?domains?\s+(?:limit|limits|maximum|cap)\b", re.IGNORECASE)
_HOW_MANY_ALONE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+many(?:\s+(?:can|could|may)\s+(?:i|we)\s+"
                             r"(?:add|have|use|get|connect))?|is\s+there\s+a\s+(?:limit|maximum|max)(?:\s+on\s+(?:them|that|it))?)"
                             r"(?:\s+(?:per\s+app|in\s+total|then))?\s*[?.!]*\s*$", re.IGNORECASE)
_DOMAINS_TOLD = "Custom domains are on Pro and Business"

# "Are you hiring?", "any jobs at northwind?", "can I work for you?": jobs here ("not enough information" came, general at
# 0.93). Not jobs elsewhere ("job openings in my area").
_JOBS_HERE = re.compile(
    r"\b(?:are|r)\s+(?:you|u|y'?all|you\s+guys)\s+(?:currently\s+|still\s+)?hiring\b|\bis\s+northwind\s+hiring\b"
    r"|\b(?:jobs?|careers?|vacanc(?:y|ies)|openings?|positions?|internships?|roles?)\s+(?:at|with)\s+(?:you|u|northwind|your\s+company)\b"
    # "Can I work for you?"; not "I work for northwind", a claim about who they are.
    r"|\b(?:can|could|may)\s+i\s+work\s+(?:for|at)\s+(?:you|u|northwind)\b"
    r"|\bi(?:'d|\s+would)\s+(?:like|love)\s+to\s+work\s+(?:for|at)\s+(?:you|u|northwind)\b", re.IGNORECASE)

# "Can I transfer an app to another account?", "move my app to my other account": an app handed to another account,
# which no entry describes ("not enough information" came).
_APP_TO_ANOTHER_ACCOUNT = re.compile(
    r"\b(?:transfer|move|give|hand(?:\s+over)?|migrate)\s+(?:an?\s+|my\s+|our\s+|the\s+|this\s+|that\s+)?(?:\w+\s+)?apps?\s+"
    r"(?:over\s+)?(?:to|into|between)\s+(?:another|a\s+different|someone\s+else'?s|my\s+other|our\s+other|a\s+new|other"
    r"|a\s+colleague'?s|my\s+colleague'?s|(?:\w+\s+)?different)\s+(?:accounts?|users?|owners?|teams?|person)\b", re.IGNORECASE)

# "How often?" after "our help centre doesn't say whether or how your data is backed up", "how long does it take?" after
# "it doesn't say how to ask for one" (a DPA): when or how long, of something the reply said the help centre is silent on
# (the same reply again behind "my answer is the same", or the data entry). Not after a reply that gives a time.
_HOW_OFTEN_OR_LONG_ALONE = re.compile(
    # "For how long?" after pausing was said to be unmentioned: a refund's timing came by the FAQ shortcut.
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:for\s+)?how\s+(?:often|long|soon|frequently|quickly)"
    r"(?:\s+(?:does|do|is|will|would|can)\s+(?:it|that|this|they|one)(?:\s+(?:take|be|happen|run|last))?)?"
    r"(?:\s+(?:then|exactly|usually|roughly))?\s*[?.!]*\s*$", re.IGNORECASE)
_GIVES_A_TIME = re.compile(r"\b\d+\s*(?:minutes?|hours?|days?|weeks?|months?|years?)\b|\b(?:an?|one)\s+(?:hour|day|week|month)\b"
                           r"|\b(?:daily|weekly|monthly|hourly)\b", re.IGNORECASE)


def _silent_with_no_time(reply: str) -> bool:
    """Whether a paragraph of the reply says the help centre is silent on something, and none that does gives a time."""
    if MOVE_DOWNTIME_UNKNOWN in reply or TRIAL_UNDESCRIBED in reply:
        # A move to another region: its own reply says why how long it takes is unknown. No trial: how long Free lasts
        # is what the billing part answers (follow_ups.plans.free_plan_duration_asked).
        return False
    silent = [paragraph for paragraph in reply.split("\n\n") if _SAID_NOT_DESCRIBED.search(paragraph)]
    return bool(silent) and not any(_GIVES_A_TIME.search(paragraph) for paragraph in silent)


# "How much would I save?", "what's the discount?" right after the help centre was said to have nothing on a discount
# (the same reply again, paying yearly and all).
_SAVING_ASKED = re.compile(
    r"\bhow\s+much\s+(?:would|will|could|do|can|does|did)\s+(?:i|we|it|you)\s+(?:\w+\s+)?save\b"
    r"|\bwhat(?:'s|\s+is|\s+would\s+be|\s+are)\s+the\s+(?:saving|savings|discount)\b|\bhow\s+much\s+(?:cheaper|less|off)\b"
    r"|\bhow\s+(?:big|much)\s+(?:is\s+)?the\s+discount\b", re.IGNORECASE)
_NO_DISCOUNT_FOUND = re.compile(r"\bI can't find anything about (?:a\s+)?discounts?\b")

# "Is there a mobile app?", "do you have an android app?", "your iphone app": an app of ours for phones, which no entry or
# guide mentions ("not enough information"). Not the customer's own mobile app, which may be hosted here.
_PHONE_APP = r"(?:mobile|phone|iphone|ios|android|smartphone)\s+app(?:lication)?"
_MOBILE_APP = re.compile(
    rf"\b(?:is\s+there|are\s+there|do\s+(?:you|u)\s+(?:have|offer|make|guys\s+have)|have\s+you\s+got|does\s+northwind\s+have"
    rf"|any|where\s+(?:is|can\s+i\s+(?:get|find|download))|(?:can|could)\s+i\s+(?:get|download))\s+(?:a\s+|an\s+|the\s+|your\s+)?"
    rf"(?:northwind\s+)?{_PHONE_APP}s?\b"
    rf"|\b(?:your|northwind(?:'s)?)\s+{_PHONE_APP}s?\b"
    r"|\b(?:is\s+there|do\s+(?:you|u)\s+have)\s+(?:an\s+)?app\s+for\s+(?:ios|android|iphone|(?:my\s+)?phones?|mobile)\b",
    re.IGNORECASE)

# "Do you have SOC 2?", "are you ISO 27001 certified?", "HIPAA compliant?": a security or compliance certification,
# which no entry names ("not enough information"); GDPR is the one the entry on data names.
_CERTIFICATION = re.compile(
    r"\bsoc\s*-?\s*(?:1|2|3|i{1,3})\b|\biso\s*-?\s*2700[12]\b|\bhipaa\b|\bpci(?:[\s-]?dss)?\b|\bfedramp\b"
    r"|\b(?:security|compliance)\s+(?:certifications?|certificates?|attestations?|audits?|reports?)\b"
    r"|\b(?:are|is)\s+(?:you|u|northwind)\s+(?:\w+\s+)?certified\b|\bwhat\s+certifications\b", re.IGNORECASE)

# "How much latency would that add?" after the regions, "what's the latency from eu-west to the US?", "ping times to
# singapore": a figure for how long requests take, which no entry or guide gives (every plan's price came, for "how much").
_LATENCY = re.compile(r"\blatenc(?:y|ies)\b|\bping\s+times?\b", re.IGNORECASE)

# "Is northwind owned by microsoft?", "who owns you?", "where is your company based?", "when was northwind founded?": the
# company itself, which no entry or guide describes ("not enough information"). Not where data is kept (the entry on it).
_COMPANY = r"(?:northwind(?:\s+cloud)?|you|u|you\s+guys|your\s+company|the\s+company)"
_ABOUT_THE_COMPANY = re.compile(
    rf"\b(?:is|are)\s+{_COMPANY}\s+(?:owned|run|backed|funded|a\s+subsidiary)\b|\bwho\s+(?:owns|runs|founded|is\s+behind)\s+"
    rf"{_COMPANY}\s*[?.!]*\s*$|\bwho(?:'s|\s+is)\s+(?:the\s+)?(?:owner|ceo|founder)\s+of\s+{_COMPANY}\b"
    rf"|\b(?:where|which\s+country|what\s+country)\s+(?:is|are)\s+{_COMPANY}\s+(?:based|located|headquartered)\b"
    rf"|\bwhen\s+(?:was|were)\s+{_COMPANY}\s+(?:founded|started|set\s+up)\b"
    rf"|\bhow\s+many\s+(?:employees|people|staff)\s+(?:does|do)\s+{_COMPANY}\s+(?:have|employ)\b"
    rf"|\b(?:is|are)\s+{_COMPANY}\s+(?:a\s+)?(?:public(?:ly\s+traded)?|listed|startup|start-up)\b", re.IGNORECASE)

# "Do you sell my data?", "do you share our data with third parties?", "who do you give my information to?": what is done
# with customer data beyond where it is kept, which no entry describes ("not enough information").
_DATA_SHARED = re.compile(
    r"\b(?:do|does|will|would|did|are|is|can)\s+(?:you|u|northwind|you\s+guys|your\s+company)\s+(?:ever\s+)?"
    r"(?:sell|sells|selling|sold|share|shares|sharing|shared|give|gives|giving|pass|passes|passing|rent|rents|renting"
    r"|trade|trades|trading)\s+(?:(?:my|our|your\s+customers'?|customer|user|users'?|personal)\s+)+(?:personal\s+)?"
    r"(?:data|information|info|details|emails?\s+address(?:es)?)\b"
    r"|\b(?:data|information|info)\s+(?:with|to)\s+third[\s-]+part(?:y|ies)\b|\bthird[\s-]+part(?:y|ies)\b[^.?!]{0,30}"
    r"\b(?:my|our)\s+(?:data|information|info)\b", re.IGNORECASE)

# "What counts as a build minute?", "how are build minutes counted?": how the build minutes the plans' entry names are
# measured, which no entry says (the failed deploys guide's steps came).
_BUILD_MINUTES_COUNTED = re.compile(
    r"\bwhat\s+(?:counts|is\s+counted|qualifies)\s+as\s+(?:a\s+)?build\s+minutes?\b"
    r"|\bhow\s+(?:are|is|do\s+you\s+(?:count|measure|calculate))\s+(?:the\s+)?build\s+minutes?(?:\s+(?:counted|measured|calculated"
    r"|billed|used))?\b|\bwhat\s+(?:is|are)\s+(?:a\s+)?build\s+minutes?\b", re.IGNORECASE)

# "I keep getting logged out", "it keeps signing me out", "why do I get logged out all the time?": sign-ins that end, which no
# entry or guide describes ("no guide on that").
_SIGNED_OUT = re.compile(
    r"\b(?:keep|keeps|kept)\s+(?:getting\s+|being\s+)?(?:logged|signed|kicked|logging|signing|kicking)\s+(?:me\s+|us\s+)?out\b"
    r"|\b(?:get|getting|got|am|being)\s+(?:logged|signed|kicked)\s+out\s+(?:all\s+the\s+time|constantly|every\s+\w+|again\s+and"
    r"\s+again|randomly|often)\b|\bwhy\s+(?:do|does|did)\s+(?:i|it|you)\s+(?:keep\s+)?(?:get\s+)?(?:log|sign|kick)(?:ged|ing)?\s+"
    r"(?:me\s+)?out\b", re.IGNORECASE)

# "What's the max number of instances?" after the scaling guide, "is there a limit on instances?": a figure the guide's
# step on instances doesn't give ("my answer is the same" and the guide again).
# Not "how many instances should I run?", advice the guide's first step gives.
_INSTANCE_LIMIT = re.compile(
    r"\b(?:max(?:imum)?|limits?|cap|most)\b[^.?!]{0,30}\binstances?\b|\binstances?\b[^.?!]{0,20}\b(?:limits?|max(?:imum)?|cap)\b"
    r"|\bhow\s+many\s+instances?\s+(?:can|may|could)\s+(?:i|we|an?\s+app|my\s+app|our\s+app)\b"
    r"|\bhow\s+many\s+instances?\s+(?:are|is)\s+allowed\b", re.IGNORECASE)
# "How many instances do I have?", "how many instances are running?": the app's own, which the chat can't see either.
_OWN_INSTANCES = re.compile(r"\b(?:do|does)\s+(?:i|we|my\s+app|our\s+app)\s+(?:have|run|use)\b|\b(?:are|is)\s+running\b",
                            re.IGNORECASE)

Uncovered = Literal["company", "invoice_retention", "static_ip", "scheduled_jobs", "data_shared", "build_minutes",
                    "signed_out", "instance_limit", "partner_programme", "domain_count", "documentation", "wildcard_domain",
                    "demo", "refund_document", "ownership", "account_manager", "sessions", "instance_pricing",
                    "how_not_described", "why_not_described", "past_an_unstated_limit", "holiday_hours",
                    "downtime_measured", "latency", "saving_unstated", "time_not_described", "jobs",
                    "app_to_another_account", "deploy_notices", "mobile_app", "certification"]


@dataclass(frozen=True)
class _Topic:
    """A topic the help centre has nothing on: whether a message asks about it (with the reply before it, for a
    follow-up), what is said, and the part of the service it belongs to, for the run's trace and the staff queue."""

    asked: Callable[[str, str], bool]
    reply: str
    label: Intent = "general"


def _named(pattern: re.Pattern[str]) -> Callable[[str, str], bool]:
    """Asked in so many words, whatever came before."""
    return lambda message, _last_reply: bool(pattern.search(message))


# In the order they are tried: the first that fits is the one answered.
_TOPICS: dict[Uncovered, _Topic] = {
    "partner_programme": _Topic(_named(_PARTNER_PROGRAMME), (
        "Our help centre doesn't mention an affiliate, referral or partner programme, so I'd rather not guess whether "
        f"there is one or how it works. A person from our team can tell you: would you like me to {OFFER_PERSON}?")),
    "documentation": _Topic(_named(_DOCUMENTATION), (
        "I answer from our help centre, which has entries on plans, billing, accounts and deploys and guides on common "
        "problems, but it doesn't link to any other documentation, such as an API reference. A person from our team can "
        f"point you to it: would you like me to {OFFER_PERSON}?")),
    "wildcard_domain": _Topic(_named(_WILDCARD_DOMAIN), (
        "Our help centre doesn't mention wildcard domains (such as *.example.com), or certificates for them, so I'd "
        f"rather not guess whether they work. A person from our team can tell you: would you like me to {OFFER_PERSON}?"),
        label="technical"),
    "demo": _Topic(_named(_DEMO), (
        "Our help centre doesn't mention demos, so I'd rather not promise one. A person from our team can tell you "
        f"whether one can be arranged: would you like me to {OFFER_PERSON}?")),
    "refund_document": _Topic(_named(_REFUND_DOCUMENT), (
        "Our help centre doesn't say whether a refund comes with its own invoice, receipt or credit note, so I'd rather "
        "not promise one. The refund itself shows on your card once it's made. A person from our team can tell you what "
        f"you'll get: would you like me to {OFFER_PERSON}?"), label="refund"),
    "ownership": _Topic(_named(_OWNERSHIP), (
        f"{OWNER_CHANGE_UNDESCRIBED}, so I'd rather not guess how it's done. A person from our team can help you hand "
        f"it over: would you like me to {OFFER_PERSON}?"), label="account"),
    "account_manager": _Topic(_named(_ACCOUNT_MANAGER), (
        "Our help centre doesn't mention a dedicated account manager or contact, so I'd rather not promise one. What it "
        "says of support is that this chat answers around the clock, and Business customers get priority support. A "
        f"person from our team can tell you more: would you like me to {OFFER_PERSON}?")),
    "sessions": _Topic(_named(_SESSIONS), (
        "Our help centre doesn't describe signing out of other devices or seeing where you're signed in, so I'd rather "
        "not guess. If you're worried someone else may be signed in, a person from our team can help you secure the "
        f"account: would you like me to {OFFER_PERSON}?"), label="account"),
    "instance_pricing": _Topic(
        lambda message, last_reply: bool(_INSTANCES_PRICED.search(message)
                                         or ((_COSTS_MORE_ALONE.match(message) or asks_if_it_costs_extra(message))
                                             and _SCALING_TOLD in last_reply)),
        ("Our help centre doesn't say whether running more instances costs more: the plans are priced by the month, and "
         f"none of their entries mentions instances. A person from our team can tell you: would you like me to "
         f"{OFFER_PERSON}?"), label="billing"),
    "how_not_described": _Topic(
        lambda message, last_reply: asks_only_how(message) and bool(_SAID_NOT_DESCRIBED.search(last_reply)),
        ("Our help centre doesn't describe how either, so I'd rather not guess the steps. A person from our team can "
         f"tell you: would you like me to {OFFER_PERSON}?")),
    "why_not_described": _Topic(
        lambda message, last_reply: bool(_WHY_NOT_ALONE.match(message)
                                         and _SAID_NOT_DESCRIBED_OR_MENTIONED.search(last_reply)),
        ("As our help centre doesn't describe it, I can't tell you whether it can be done, or why not, and I'd rather "
         f"not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?")),
    "past_an_unstated_limit": _Topic(
        lambda message, last_reply: bool(_GOES_OVER.match(message) and _NO_FIGURE_TOLD.search(last_reply)),
        ("As our help centre gives no such figure for any plan, it doesn't say what happens past one either, and I'd "
         f"rather not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?"),
        label="technical"),
    "holiday_hours": _Topic(
        lambda message, last_reply: bool(_SUPPORT_ON_A_HOLIDAY.search(message)
                                         or (_HOLIDAYS_ALONE.match(message) and _SUPPORT_HOURS_TOLD in last_reply)),
        ("Our help centre doesn't say whether our support staff's hours change on public holidays, so I'd rather not "
         f"guess. This chat answers around the clock. A person from our team can tell you their holiday hours: would you "
         f"like me to {OFFER_PERSON}?")),
    "domain_count": _Topic(
        lambda message, last_reply: bool(_DOMAINS_COUNTED.search(message)
                                         or (_HOW_MANY_ALONE.match(message) and _DOMAINS_TOLD in last_reply)),
        ("Our help centre doesn't say how many custom domains you can add, or whether there's a limit, so I'd rather not "
         "guess. What it does say is that custom domains come with Pro and Business. A person from our team can tell "
         f"you: would you like me to {OFFER_PERSON}?"), label="technical"),
    "downtime_measured": _Topic(_named(_HOW_DOWNTIME_COUNTS), (
        "Our help centre gives the uptime SLA's figure (99.95% a month, on Business) but not how downtime is counted or "
        "uptime measured, so I'd rather not guess. A person from our team can tell you: would you like me to "
        f"{OFFER_PERSON}?"), label="technical"),
    "app_to_another_account": _Topic(_named(_APP_TO_ANOTHER_ACCOUNT), (
        "Our help centre doesn't describe moving an app to another account, so I'd rather not guess whether or how it's "
        f"done. A person from our team can tell you: would you like me to {OFFER_PERSON}?"), label="account"),
    "deploy_notices": _Topic(_named(_DEPLOY_NOTICES), (
        "Our help centre doesn't mention webhooks, or notices by email or chat when a deploy or build finishes or fails, "
        "so I'd rather not guess what's available. What it does describe is the deploy history under **App → Deploys**, "
        f"with each deploy's build log. A person from our team can tell you more: would you like me to {OFFER_PERSON}?"),
        label="technical"),
    "jobs": _Topic(_named(_JOBS_HERE), (
        "I'm Northwind Cloud's support assistant, and our help centre doesn't cover jobs at Northwind, so I'd rather not "
        f"guess whether we're hiring. A person from our team can point you the right way: would you like me to "
        f"{OFFER_PERSON}?")),
    "time_not_described": _Topic(
        lambda message, last_reply: bool(_HOW_OFTEN_OR_LONG_ALONE.match(message)) and _silent_with_no_time(last_reply),
        ("Our help centre doesn't say that either, so I'd rather not guess. A person from our team can tell you: would "
         f"you like me to {OFFER_PERSON}?")),
    "saving_unstated": _Topic(
        lambda message, last_reply: bool(_SAVING_ASKED.search(message) and _NO_DISCOUNT_FOUND.search(last_reply)),
        ("As our help centre mentions no such discount, I can't tell you of any saving, and I'd rather not guess one. A "
         f"person from our team can tell you for certain: would you like me to {OFFER_PERSON}?"), label="billing"),
    "mobile_app": _Topic(_named(_MOBILE_APP), (
        "Our help centre doesn't mention a mobile app of ours, so I'd rather not guess whether there is one. A person "
        f"from our team can tell you: would you like me to {OFFER_PERSON}?")),
    "certification": _Topic(_named(_CERTIFICATION), (
        "Our help centre doesn't mention security or compliance certifications such as SOC 2, ISO 27001, HIPAA or PCI "
        "DSS, so I'd rather not guess which we hold. What it does say is that we are GDPR compliant and sign a data "
        f"processing agreement on request. A person from our team can tell you more: would you like me to "
        f"{OFFER_PERSON}?")),
    "instance_limit": _Topic(
        lambda message, _last_reply: bool(_INSTANCE_LIMIT.search(message)) and not _OWN_INSTANCES.search(message),
        ("Our help centre doesn't give a maximum number of instances for any plan, so I'd rather not guess. What it does "
         "say is that you set the number of instances, or turn on autoscaling with a minimum and maximum, under **App → "
         f"Scaling**. A person from our team can tell you what's possible for your app: would you like me to "
         f"{OFFER_PERSON}?"), label="technical"),
    "signed_out": _Topic(_named(_SIGNED_OUT), (
        "I'm sorry, that sounds annoying. Our help centre doesn't describe why you'd be signed out, or how long a sign-in "
        "lasts, so I'd rather not guess. A person from our team can look into it with you: would you like me to "
        f"{OFFER_PERSON}?"), label="account"),
    "build_minutes": _Topic(_named(_BUILD_MINUTES_COUNTED), (
        "Our help centre doesn't say how build minutes are counted, so I'd rather not guess. What it does say is how long "
        "a build may run: up to 15 minutes on Free and up to 45 minutes on Pro and Business. A person from our team can "
        f"tell you more: would you like me to {OFFER_PERSON}?"), label="technical"),
    "data_shared": _Topic(_named(_DATA_SHARED), (
        "Our help centre doesn't describe what we do with customer data beyond where it's kept, so I'd rather not guess "
        "whether or with whom any is shared. What it does say: your apps and their data stay in the region you choose, "
        "account and billing data are stored in eu-west, and we are GDPR compliant and sign a data processing agreement "
        f"on request. A person from our team can tell you more: would you like me to {OFFER_PERSON}?")),
    "company": _Topic(_named(_ABOUT_THE_COMPANY), (
        "Our help centre covers Northwind Cloud's service (plans, billing, accounts and deploys) but not the company "
        "itself, such as who owns it, where it's based or how big it is, so I'd rather not guess. A person from our team "
        f"can tell you: would you like me to {OFFER_PERSON}?")),
    "invoice_retention": _Topic(_named(_INVOICE_RETENTION), (
        "Our help centre doesn't say how long invoices are kept, so I'd rather not guess. What it does say is that all "
        "your invoices are under **Billing → Invoices**, where you can download each one as a PDF, and that each is "
        f"emailed to your billing address when it's issued. A person from our team can tell you more: would you like me "
        f"to {OFFER_PERSON}?"), label="billing"),
    "static_ip": _Topic(_named(_STATIC_IP), (
        "Our help centre doesn't mention dedicated or static IP addresses, for an app or for the requests it makes, so "
        f"I'd rather not guess whether there are any. A person from our team can tell you: would you like me to "
        f"{OFFER_PERSON}?"), label="technical"),
    # Not "can I run cron jobs?", which the kinds of app that run here answer, nor code asked for, which is not written.
    "scheduled_jobs": _Topic(
        lambda message, _last_reply: bool(_SCHEDULED_JOBS.search(message)) and kind_of_app_asked(message) is None
        and not ASKS_TO_WRITE_CODE.search(message), (
        "Our help centre doesn't describe running jobs on a schedule, such as cron jobs, so I'd rather not guess whether "
        f"or how it's done. A person from our team can tell you: would you like me to {OFFER_PERSON}?"),
        label="technical"),
    "latency": _Topic(_named(_LATENCY), (
        "Our help centre doesn't give latency figures for our regions, or between them and where your users are, so I'd "
        f"rather not guess. A person from our team can tell you more: would you like me to {OFFER_PERSON}?"),
        label="technical"),
}


# A longer message says more than this ("I registered with another number … referral code"): its other parts answer.
_MAX_WORDS = 20


def uncovered_topic_asked(message: str, *, last_reply: str = "") -> Uncovered | None:
    """Which topic the help centre has nothing on the message asks about (of the last reply, for a follow-up), or
    None."""
    if len(message.split()) > _MAX_WORDS:
        return None
    return next((name for name, topic in _TOPICS.items() if topic.asked(message, last_reply)), None)


def uncovered_topic_reply(topic: Uncovered) -> str:
    return _TOPICS[topic].reply


def uncovered_topic_label(topic: Uncovered) -> Intent:
    """The part of the service the topic belongs to, for the run's trace and the staff queue."""
    return _TOPICS[topic].label
