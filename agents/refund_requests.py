"""Whether a message asks for a refund of the customer's own charge, or only talks about refunds.

A refund is filed only when the customer asks for one ("refund the duplicate charge", "can I get a refund for
NW-2002", "I was charged twice"), or says yes to one offered. Everything else that mentions refunds is answered,
not acted on: a question about them ("how do refunds work", "am I eligible for a refund", "was I charged twice?"),
another person's charge ("refund alice's payment", "can my friend get a refund"), a refund for a reason the
charges don't hold (an outage: a person weighs it against the SLA), or a request to approve one, whoever the
customer says they are (approving is for staff, in the console). One reading for whoever writes the reply (the
offline writer, an LLM) and for the guard that checks what they propose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from agents.context import SupportContext
from agents.follow_ups.go_aheads import NEVER_MIND, affirms
from agents.follow_ups.history import last_assistant_text, previous_user_text
from agents.follow_ups.leaning_back import leans_back
from agents.follow_ups.offers import offer_in_question
from agents.follow_ups.topic import with_topic
from agents.own_data import NOT_A_COUNT_OF_THE_LATEST, wants_a_document

# Clauses are read one at a time: "I was charged twice this month, can I get a refund?" reports the charge in one
# and asks in the other; "how do refunds work and can I get one?" asks two questions.
_CLAUSE = re.compile(r"[^.!?;,\n]+[.!?;,\n]*")
_CLAUSE_JOINT = re.compile(r"\s(?:and|but)\s", re.IGNORECASE)
_FILLERS = re.compile(
    r"^(?:(?:ok(?:ay)?|so|and|but|also|hi|hey|hello|um+|well|yes|yeah|no|then|btw|great|thanks|oh|ah|right|sorry"
    r"|hmm+|look|listen)\b[\s,]*)+",
    re.IGNORECASE,
)
# A clause that asks rather than requests: opened by a question word or an auxiliary ("am I eligible", "do I have
# any refunds", "was I charged twice?", "will I get a refund?"). "Can I get a refund?", "could you refund it?" and
# "would you refund it?" are requests by convention, so those openings don't count.
_QUESTION_OPENING = re.compile(
    r"^(?:how|what|what'?s|whats|why|when|where|which|who|whose|am|is|isn'?t|are|aren'?t|was|wasn'?t|were|do|does"
    r"|doesn'?t|did|didn'?t|have|haven'?t|has|hasn'?t|had|should|shall|would\s+(?:i|we|it|that|this|there)"
    r"|will\s+(?:i|we|it|that|this|there)|any)\b",
    re.IGNORECASE,
)
_POLITE_REQUEST_OPENING = re.compile(r"^(?:(?:can|could|may)\s+(?:i|we|you|u)|(?:would|will)\s+(?:you|u))\b",
                                     re.IGNORECASE)
# "Can I get a refund if I cancel?", "could we get our money back if we were charged twice?": what would be, asked.
_HYPOTHETICAL = re.compile(r"\bif\s+(?:i|we|my|our)\b", re.IGNORECASE)
# "Can you help me seeing in which cases can I request refunds?", "help seeing in which situations …": when one is
# given, asked however the clause opens (Bob's duplicate was filed for staff approval).
# "I don't know what I need to do to request refunds": how one is asked for, asked.
_WHEN_ONE_IS_GIVEN = re.compile(r"\b(?:which|what)\s+(?:cases|situations|circumstances)\b"
                                r"|\bwhen\s+(?:can|could|may)\s+(?:i|we)\s+(?:ask|request|claim|apply)\b"
                                r"|\b(?:don'?t|dont|do\s+not)\s+know\s+(?:how|what\s+(?:i\s+)?(?:need\s+|have\s+)?to\s+do)"
                                r"\s+(?:i\s+(?:can|could|should)\s+)?(?:to\s+)?(?:request|ask\s+for|get|claim|apply\s+for)\b"
                                # "Can you ask an agent how to receive a reimbursement?": how, inside a request to ask
                                # (the latest charge was weighed for a refund nobody asked of it).
                                r"|\bhow\s+(?:to|(?:do|can|could|would|should)\s+(?:i|we))\s+(?:get|receive|request|claim"
                                r"|ask\s+for|apply\s+for|obtain)\s+(?:a\s+|an\s+|my\s+|the\s+|our\s+)?(?:refund|reimbursement"
                                r"|money\s+back)\b",
                                re.IGNORECASE)


def asks_how_one_is_given(text: str) -> bool:
    """"In which cases can I request refunds?", "I don't know what I need to do to request refunds": when or how a
    refund is given, asked, however the message opens."""
    return bool(_WHEN_ONE_IS_GIVEN.search(text))
_NEGATED = re.compile(r"\b(?:not|never|no|didn'?t|don'?t|doesn'?t|haven'?t|hasn'?t|won'?t|wouldn'?t|can'?t"
                      r"|isn'?t|wasn'?t)\b", re.IGNORECASE)
_OBJECT = (r"(?:me|us|it|that|this|them|those|these|both|all|everything|the|my|our|a|an|one|nw-\d+|invoice|invoices"
           r"|charge|charges|payment|payments|last|latest|previous|recent|first|second|double|duplicate|extra|\$)")
_MONEY_BACK = r"(?:(?:full\s+|complete\s+)?refund|money\s+back|reimbursement|chargeback|\$?\d[\d.,]*\s+back)"
# What asks for money back, in a clause that is not a question.
_ASKS = re.compile(
    # "Refund the duplicate charge", "please refund it", "could you reimburse me", "reverse that payment".
    # Not "a reverse charge invoice": VAT's reverse charge, which asks for an invoice (a refund of $99 was filed).
    rf"\b(?:refund|reimburse|reverse(?!\s+charge\s+(?:invoices?|vat|mechanism|rules?|schemes?|basis|procedure|appl\w+)\b))"
    rf"\s+{_OBJECT}\b"
    r"|\b(?:please|pls|plz|kindly)\s+(?:\w+\s+)?refund\b"
    r"|\b(?:refund|money\s+back)\s*(?:please|pls|plz|asap|now|thanks|thx)\b"
    # "I want a refund", "I'd like my money back", "we need a reimbursement", "I demand a refund".
    r"|\b(?:i|we)(?:\s+(?:really|just|would|do|still|now|definitely|am|'m))*\s*(?:'d\s+)?(?:want|wanna|need|like"
    r"|demand|request|expect|deserve|asking\s+for|requesting|owed)\s+(?:to\s+(?:get|have|receive|request|ask\s+for"
    rf"|be\s+given|claim)\s+)?(?:a\s+|an\s+|my\s+|the\s+|our\s+|this\s+|that\s+|some\s+)?{_MONEY_BACK}"
    # "… and want a refund": the subject left with the clause before.
    r"|^(?:really\s+|just\s+)?(?:want|wanna|need|would\s+like)\s+(?:a\s+|an\s+|my\s+|the\s+|our\s+|some\s+)?"
    rf"{_MONEY_BACK}"
    # "I want it refunded", "I need the duplicate reversed", "I'd like my $99 back".
    r"|\b(?:want|need|like|wanna)\s+(?:(?:it|that|this|them)\s+|(?:the|my|our)\s+(?:\S+\s+){0,2}?)"
    r"(?:refunded|reversed|reimbursed|back)\b"
    r"|\b(?:want|need|like|expect|deserve|should|ought)\s+(?:to\s+)?(?:be|get)\s+(?:refunded|reimbursed|paid\s+back)\b"
    # "Can I get a refund for NW-2002", "could we have our money back", "may I be refunded".
    r"|\b(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:(?:get|have|receive|request|ask\s+for|claim)\s+"
    rf"(?:a\s+|an\s+|my\s+|the\s+|our\s+|this\s+|that\s+|it\s+)?{_MONEY_BACK}|be\s+(?:refunded|reimbursed|paid\s+back))"
    r"|\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+|kindly\s+)?(?:refund|reimburse|reverse)\b"
    # "Give me my money back", "pay me back", "send me a refund".
    r"|\b(?:give|send|get)\s+(?:me|us)\s+(?:back\s+)?(?:my|our|the|a)\s+(?:money|refund)\b|\bpay\s+(?:me|us)\s+back\b"
    r"|\bgive\s+(?:me|us)\s+back\b|\bgive\s+(?:it|that|them|(?:the|my|our)\s+\S+)\s+back\b"
    # "Request a refund", "go ahead and ask for it": said to the assistant, a request.
    r"|\b(?:request|issue|process|file|start|submit|raise|initiate|ask\s+for)\s+(?:a\s+|the\s+|my\s+|that\s+|this\s+)?"
    r"(?:full\s+)?refund\b|\b(?:request|ask\s+for)\s+(?:it|that|one)\b"
    # "Cancel the duplicate charge", "undo that payment".
    r"|\b(?:cancel|undo|void|remove|take\s+off)\s+(?:the|that|this|my|one\s+of\s+(?:the|those))\s+(?:\w+\s+)?"
    r"(?:charges?|payments?)\b",
    re.IGNORECASE,
)
# "I was charged twice", "there's a duplicate charge on my card", "you charged me 2 times": a charge taken twice,
# reported (not asked about), which asks for it to be put right.
_CHARGED_TWICE = re.compile(
    r"\b(?:twice|double[ds]?|double[-\s]charged|duplicated?|two\s+times|2\s+times|2x|charged\s+(?:me\s+|us\s+)?again"
    # Not "my last two charges", a count of them asked for.
    rf"|{NOT_A_COUNT_OF_THE_LATEST}two\s+(?:identical\s+)?charges"
    r"|same\s+charge\s+two)\b",
    re.IGNORECASE,
)
# Someone other than the customer whose charge it would be: "my coworker's invoice", "can my friend get a
# refund", "refund someone else's payment", "her invoice", "alice's payment".
_RELATION = (r"(?:friend|co-?worker|colleague|boss|manager|wife|husband|partner|girlfriend|boyfriend|brother|sister"
             r"|mother|father|mom|mum|dad|son|daughter|parents?|client|customer|employee|employer|teammate|assistant"
             r"|flatmate|roommate|neighbou?r|cousin|uncle|aunt|relative|family\s+member)s?")
_SOMEONE = (rf"(?:(?:my|our|a|the|his|her|their)\s+{_RELATION}|(?:some|any)(?:one|body)\s+else|another\s+(?:customer"
            r"|user|person|account|member|company)|other\s+(?:customers?|users?|people|persons?|accounts?)"
            r"|a\s+different\s+(?:customer|user|person|account))")
_CHARGE_THING = (r"(?:invoices?|payments?|charges?|bills?|refunds?|money|subscriptions?|accounts?|cards?|plans?"
                 r"|orders?|purchases?)")
_SOMEONE_ELSES = re.compile(
    rf"\b{_SOMEONE}(?:'s|s'|\s+of\s+mine)?\s+(?:\w+\s+)?{_CHARGE_THING}\b"
    rf"|\b{_SOMEONE}\s+(?:get|gets|got|was|were|is|has|had|have|wants?|needs?|paid|pays|can|could|should|would"
    r"|will|deserves?|asked|asks)\b"
    rf"|\b(?:can|could|does|did|will|would|should|has|is|was|may)\s+{_SOMEONE}\b"
    rf"|\b(?:for|refund|reimburse|pay\s+back|behalf\s+of|of)\s+{_SOMEONE}\b"
    # "Their refund policy" is the company's (Bitext's customers say "their" of it), no one's charge.
    rf"|\b(?:his|her|their)\s+(?:\w+\s+)?{_CHARGE_THING}\b(?!\s+(?:polic(?:y|ies)|guarantee|rules|terms|conditions))"
    r"|\b(?:refund|reimburse|pay\s+back)\s+(?:him|her|them)\b",
    re.IGNORECASE,
)
# "Alice's payment", "refund bob's invoice": a name, unless it is the customer's own.
_NAMES_CHARGE = re.compile(rf"\b([a-z]+)'s\s+(?:\w+\s+)?{_CHARGE_THING}\b", re.IGNORECASE)
# A possessive that names no one: "last month's charge", "today's payment", "the company's invoices".
_NOBODYS = re.compile(
    r"\b(?:it|that|what|there|here|let|who|where|how|he|she|today|yesterday|tomorrow|month|week|year|team|company"
    r"|business|northwind|everyone|nobody|one|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*"
    r"|nov\w*|dec\w*)'s\b",
    re.IGNORECASE,
)
# "Approve refund RF-0001", "authorise the refund", "sign off my refund": a decision staff make, in the console.
_APPROVES = re.compile(
    r"\b(?:approve|approving|authori[sz]e|authori[sz]ing|sign\s+off(?:\s+on)?|release|override|push\s+through"
    r"|fast[-\s]?track|expedite)\s+(?:the\s+|my\s+|this\s+|that\s+|a\s+|his\s+|her\s+|their\s+)?"
    r"(?:pending\s+)?(?:refunds?|rf-\d+|request)\b",
    re.IGNORECASE,
)
# A refund for how the service ran, not for how it was charged: "because of the eu-west outage", "the service was
# down for 2 days", "credit for the downtime". Not a payment that didn't work ("my card didn't work").
_SERVICE = r"(?:service|site|website|app|apps|api|platform|server|servers|northwind|dashboard|deploys?|hosting|it)"
_SERVICE_PROBLEM = re.compile(
    r"\b(?:outages?|downtime|down\s+time|incidents?|sla|uptime|service\s+credits?|disruptions?|unavailab\w+)\b"
    rf"|\b{_SERVICE}\s+(?:was|were|is|has\s+been|had\s+been|have\s+been|went|kept\s+going|being|been)\s+"
    r"(?:down|offline|broken|unreachable|unusable|not\s+working|out)\b"
    r"|\bdown\s+for\s+(?:\d+|a|an|two|three|several|many|hours|days|the)\b"
    rf"|\b{_SERVICE}\s+(?:didn'?t|did\s+not|doesn'?t|does\s+not|wasn'?t|isn'?t|never)\s+(?:work|working|load|run|up)\b",
    re.IGNORECASE,
)
# "I wasn't charged twice", "I've never been billed twice": no double charge reported. Not "I don't think I should
# have been charged twice", which reports one.
_NOT_CHARGED = re.compile(r"\b(?:not|never|wasn'?t|weren'?t|haven'?t|hasn'?t|didn'?t\s+get)\s+(?:been\s+)?"
                          r"(?:charged|billed|double[-\s]charged)\b", re.IGNORECASE)
_QUOTED_AMOUNT = re.compile(r"(?<![\w-])\$?(\d[\d,]*(?:\.\d{1,2})?)(?![\w-])")


def clauses(text: str) -> list[str]:
    """The message's clauses, fillers ("ok so", "hi") taken off their front."""
    parts = [piece for found in _CLAUSE.findall(text.replace("’", "'")) for piece in _CLAUSE_JOINT.split(found)]
    return [c for c in (_FILLERS.sub("", p.strip()) for p in parts) if c.strip(" .!?;,")]


def is_question(clause: str) -> bool:
    """"Am I eligible for a refund", "refund process?", "was I charged twice?": asked, not requested. "Can I get
    a refund?" is a request however it ends, unless it asks what would be ("can I get a refund if I cancel?")."""
    if asks_how_one_is_given(clause):
        return True
    if _POLITE_REQUEST_OPENING.match(clause):
        return bool(_HYPOTHETICAL.search(clause))
    return bool(_QUESTION_OPENING.match(clause)) or clause.rstrip().endswith("?")


def _statements(text: str) -> list[str]:
    return [c for c in clauses(text) if not is_question(c)]


# "I was going to ask for a refund but never mind", "I thought about asking for a refund": a request told of and taken
# back in the same breath, or asked in theory (a refund of Bob's duplicate was filed).
_TAKEN_BACK = re.compile(rf"\b(?:{NEVER_MIND})\b"
                         # "Can I get a refund? just asking": asked in theory (Bob's duplicate was filed).
                         r"|\b(?:just\s+(?:asking|curious|wondering)|hypothetically|in\s+theory|out\s+of\s+curiosity"
                         r"|for\s+future\s+reference)\b"
                         r"|\b(?:was|were)\s+(?:going|gonna|about)\s+to\b|\b(?:i|we)\s+(?:thought\s+about|considered)\b",
                         re.IGNORECASE)


def asks_for_a_refund(text: str) -> bool:
    """Whether a clause of the message asks for money back, not negated ("you never refunded my payment"), not
    a question about refunds ("how do I get a refund?"), and not taken back in the same message."""
    if _TAKEN_BACK.search(text):
        return False
    for clause in _statements(text):
        found = _ASKS.search(clause)
        if found is not None and not _NEGATED.search(clause[:found.start()]):
            return True
    return False


# "I tried twice", "we redeployed two times": something the customer did twice, which is no charge taken twice.
_DONE_TWICE = re.compile(
    r"\b(?:tried|try|attempted|typed|entered|clicked|logged\s+in|signed\s+in|restarted|redeployed|deployed|rebooted|asked"
    r"|called|emailed|checked|reset|sent|submitted|pressed)\b[^.?!]{0,20}\b(?:twice|two\s+times|2\s+times)\b", re.IGNORECASE)


def says_something_done_twice(text: str) -> bool:
    """"I tried twice": something done twice, and no charge named."""
    return bool(_DONE_TWICE.search(text)) and not _NAMES_A_CHARGE.search(text)


def reports_charged_twice(text: str, *, charged_twice_totals: Iterable[Decimal] = ()) -> bool:
    """"I was charged twice", "there's a duplicate charge", "I was charged $198" (what an invoice charged twice
    took in all, `charged_twice_totals`): a double charge reported, not asked about ("was I charged twice?")."""
    totals = set(charged_twice_totals)
    for clause in _statements(text):
        if _CHARGED_TWICE.search(clause) and not _NOT_CHARGED.search(clause) and not says_something_done_twice(clause):
            return True
        if totals and quoted_amounts(clause) & totals:
            return True
    return False


# What a charge is called: "twice" or "double" alone can be anything ("a double bed", "a quote twice a day").
_NAMES_A_CHARGE = re.compile(r"\b(?:charg\w*|bill(?:s|ed)?|paid|pay(?:ment|ments)?|transactions?|debit\w*)\b",
                             re.IGNORECASE)


def reports_a_charge_taken_twice(text: str) -> bool:
    """"You charged me again!", "I was billed twice": a double charge reported in words that name a charge."""
    return reports_charged_twice(text) and bool(_NAMES_A_CHARGE.search(text))


# "What happens if I get charged twice?", "what if you bill me twice?", "in case of a double charge?": a double charge
# supposed, not reported ("I was charged twice") nor asked about ("was I charged twice?"), which the policy answers.
_TWICE = r"(?:twice|two\s+times|2\s+times|double|more\s+than\s+once)"
_IF_CHARGED_TWICE = re.compile(
    r"\b(?:if|in\s+case|should)\s+(?:i'?m|we'?re|i'?d\s+be|we'?d\s+be"
    r"|(?:i|we)\s+(?:ever\s+)?(?:get|am|are|happen\s+to\s+(?:get|be)|would\s+be))"
    rf"\s+(?:ever\s+)?(?:(?:charged|billed|debited)\s+{_TWICE}|double[\s-]?(?:charged|billed))\b"
    rf"|\bif\s+(?:you|they)\s+(?:ever\s+)?(?:charge|bill)\s+(?:me|us)\s+{_TWICE}\b"
    r"|\b(?:if|in\s+case)\s+(?:of\s+)?(?:there'?s\s+|there\s+is\s+|(?:i|we)\s+(?:see|get|have)\s+)?(?:a\s+)?"
    r"(?:double|duplicate)\s+(?:charge|payment|billing)\b",
    re.IGNORECASE)


def supposes_a_charge_taken_twice(text: str) -> bool:
    """"What happens if I get charged twice?": a double charge supposed, to be answered by the policy."""
    return bool(_IF_CHARGED_TWICE.search(text))


def asks_if_charged_twice(text: str) -> bool:
    """"Was I charged twice?", "did you charge me two times in october?": a double charge asked about, which a
    "You're right" would answer as if the customer had said it."""
    return any(is_question(c) and _CHARGED_TWICE.search(c) for c in clauses(text))


def quoted_amounts(text: str) -> set[Decimal]:
    amounts: set[Decimal] = set()
    for raw in _QUOTED_AMOUNT.findall(text):
        try:
            amounts.add(Decimal(raw.replace(",", "")))
        except InvalidOperation:
            continue
    return amounts


def names_someone_elses_charge(text: str, *, own_names: Iterable[str] = ()) -> bool:
    """Whether the message is about a charge of someone other than the customer: by name ("alice's payment"), as
    a relation ("my coworker's invoice", "can my friend get a refund") or "someone else's"."""
    unpossessed = _NOBODYS.sub(" ", text.replace("’", "'"))
    own = {name.lower() for name in own_names} | {"my", "our", "your"}
    return bool(_SOMEONE_ELSES.search(unpossessed)) or any(
        found.lower() not in own for found in _NAMES_CHARGE.findall(unpossessed))


# "Can I get it as credit instead?", "can you put it towards next month instead of refunding?", "account credit instead of
# a refund": the money kept with us rather than paid back, which the help centre never describes (it got "already
# requested", as if nothing new were asked).
_CREDIT_INSTEAD = re.compile(
    r"\b(?:as|in|for)\s+(?:an?\s+)?(?:account\s+|store\s+)?credits?\s+(?:instead|rather)\b"
    r"|\b(?:account|store)\s+credits?\b[^.?!]{0,30}\b(?:instead\s+of|rather\s+than)\b"
    r"|\bcredit\s+(?:it|that|this|the\s+(?:money|amount|refund))\s+(?:to|on)\s+(?:my|our|the)\s+account\b"
    r"|\b(?:put|apply|use)\s+(?:it|that|this|the\s+(?:money|amount|refund))\s+(?:towards?|against|on|to)\s+(?:my|our|the)\s+"
    r"(?:next|future|coming)\s+(?:invoice|bill|month|payment|renewal)s?\b",
    re.IGNORECASE)


def asks_for_credit_instead(text: str) -> bool:
    """"Can I get it as credit instead?": a refund kept as credit on the account rather than paid back."""
    return bool(_CREDIT_INSTEAD.search(text))


# "Do refunds go back to the original card?", "where does the refund go?": where the money goes, which the entry on a
# refund's timing says ("reaches your card"); it got the customer's duplicate charge described.
_WHERE_A_REFUND_GOES = re.compile(
    r"\brefunds?\b[^.?!]{0,30}\b(?:go|goes|going|come|comes|paid|sent|returned|credited)\s+(?:back\s+)?(?:to|on|onto)\s+"
    r"(?:the\s+|my\s+|our\s+)?(?:original\s+|same\s+)?(?:card|payment\s+method|bank(?:\s+account)?)\b"
    r"|\bwhere\s+(?:does|do|will|would)\s+(?:the\s+|my\s+)?(?:refund|money)\s+go\b", re.IGNORECASE)
# "What if that card is closed?" after where a refund goes: the card it would reach, gone.
_CARD_GONE = re.compile(
    r"\b(?:card|account)\b[^.?!]{0,20}\b(?:is|was|gets|got|has\s+been)\s+(?:closed|cancell?ed|expired|blocked|lost|stolen"
    r"|gone)\b|\b(?:closed|cancell?ed|expired|blocked)\s+(?:card|account)\b", re.IGNORECASE)


def asks_where_a_refund_goes(text: str) -> bool:
    """"Do refunds go back to the original card?": where a refund's money goes."""
    return bool(_WHERE_A_REFUND_GOES.search(text))


def asks_of_a_refund_to_a_card_gone(ctx: SupportContext) -> bool:
    """"What if that card is closed?" right after where a refund goes was asked (the question before) or told (the
    last reply)."""
    said_before = f"{previous_user_text(ctx) or ''} {last_assistant_text(ctx)}"
    return bool(_CARD_GONE.search(ctx.message)) and bool(re.search(r"\brefund", said_before, re.IGNORECASE))


# "Can you make it go to a different card?", "can I get the refund on my new card?", "send it to my bank account
# instead": a refund paid elsewhere than the card charged (the refund's status again, and the card on file).
_ELSEWHERE = (r"(?:a|my|our|the)\s+(?:different|other|another|new|second|business|personal)\s+(?:credit\s+|debit\s+)?"
              r"(?:card|account|bank\s+account|payment\s+method)|(?:a|my|our)\s+bank\s+account|paypal")
_TO_ANOTHER_CARD = re.compile(
    rf"\b(?:go|goes|sent|send|paid|pay|put|refunded|refund|credited|credit|moved|transferred|get|have|receive)\s+"
    rf"(?:it|that|the\s+(?:refund|money)|my\s+(?:refund|money))?\s*(?:back\s+)?(?:to|on|onto|into)\s+(?:{_ELSEWHERE})\b"
    rf"|\b(?:to|on|onto|into)\s+(?:{_ELSEWHERE})\s+instead\b",
    re.IGNORECASE)


def asks_for_a_refund_elsewhere(ctx: SupportContext) -> bool:
    """"Can you make it go to a different card?" about a refund: the message names one, or the turn before spoke of
    one."""
    if not _TO_ANOTHER_CARD.search(ctx.message):
        return False
    said = f"{ctx.message} {previous_user_text(ctx) or ''} {last_assistant_text(ctx)}"
    return bool(re.search(r"\brefund", said, re.IGNORECASE))


def asks_to_approve_a_refund(text: str) -> bool:
    """"Approve refund RF-0001": staff approve refunds in the console; in the chat it is asked by a customer,
    whoever they say they are, and approves nothing."""
    return bool(_APPROVES.search(text))


def blames_the_service(text: str) -> bool:
    """Whether the message gives how the service ran (an outage, downtime) as the reason for money back, and not
    a charge taken twice: what no charge's refund option covers, and a person weighs against the SLA."""
    return bool(_SERVICE_PROBLEM.search(text)) and not _CHARGED_TWICE.search(text)


def accepts_a_refund_offer(ctx: SupportContext) -> bool:
    """"Yes please" to an assistant's turn that spoke of a refund (in the offline writer's words, or an LLM's):
    the last one, or the one a go-ahead names or changes its mind about (follow_ups.offers.offer_answered)."""
    return affirms(ctx.message) and "refund" in offer_in_question(ctx).lower()


def charged_twice_totals(facts: dict[str, Any]) -> set[Decimal]:
    """For each invoice with a duplicate payment, what its payments took in all (2 × $99.00), from the billing
    facts as gathered."""
    payments = (facts.get("billing") or {}).get("payments") or []
    twice = {p.get("invoice_number") for p in payments if p.get("duplicate")}
    totals: dict[str, Decimal] = {}
    for payment in payments:
        number = payment.get("invoice_number")
        if number in twice and payment.get("status") != "failed":
            totals[number] = totals.get(number, Decimal(0)) + Decimal(str(payment.get("amount", "0")))
    return set(totals.values())


def own_refund_asked_for(text: str, *, own_names: Iterable[str] = (),
                         charged_twice_totals: Iterable[Decimal] = ()) -> bool:
    """Whether `text` asks for a refund of the customer's own charge as charged: asks for one or reports a double
    charge, and names no one else's charge, no approval, no outage as the reason."""
    refund_asked = asks_for_a_refund(text)
    if not refund_asked and wants_a_document(text):
        return False  # "can I get an invoice for the double charge?": the document, not the money back
    asked = refund_asked or reports_charged_twice(text, charged_twice_totals=charged_twice_totals)
    return (asked and not names_someone_elses_charge(text, own_names=own_names)
            and not asks_to_approve_a_refund(text) and not blames_the_service(text))


def refund_wanted(ctx: SupportContext, *, charged_twice: Iterable[Decimal] | None = None) -> bool:
    """Whether the customer asks for a refund of their own charge in this message (or in the one a short
    follow-up leans on: "and that one too"), or says yes to one offered."""
    if accepts_a_refund_offer(ctx):
        return True
    own_names = ctx.customer.name.split() if ctx.customer is not None else []
    totals = charged_twice_totals(ctx.facts) if charged_twice is None else set(charged_twice)
    if own_refund_asked_for(ctx.message, own_names=own_names, charged_twice_totals=totals):
        return True
    if not leans_back(ctx.message) or any(is_question(c) for c in clauses(ctx.message)):
        return False
    return own_refund_asked_for(with_topic(ctx), own_names=own_names, charged_twice_totals=totals)


# "Refund both payments", "the full amount, not just the duplicate", "I want the first payment refunded too": an
# invoice's own charge asked back beside its duplicate (the duplicate's refund was filed, or said to be filed, alone).
_BOTH_CHARGES = re.compile(
    r"\bboth\s+(?:the\s+|of\s+the\s+)?(?:payments|charges)\b"
    r"|\bnot\s+just\s+(?:the\s+)?(?:duplicate|second\s+(?:one|payment|charge)|extra\s+one)\b"
    r"|\b(?:first|original|other)\s+(?:payment|charge)\b[^.?!]{0,30}\b(?:too|as\s+well|also)\b"
    r"|\b(?:refund|back)\b[^.?!]{0,20}\b(?:first|original|other)\s+(?:payment|charge)\b", re.IGNORECASE)


def asks_for_both_charges(text: str) -> bool:
    """"The full amount, not just the duplicate": the invoice's first payment asked back as well as its duplicate."""
    return bool(_BOTH_CHARGES.search(text))
