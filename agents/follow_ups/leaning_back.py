"""Short follow-ups that name nothing of their own ("why?", "how many days?", "the one before that", "email it
to me"), and leans_back, which tells a message that leans on the question before from one that asks its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agents.clauses import without_leading_acknowledgement
from agents.follow_ups.go_aheads import DECLINE, affirms
from agents.own_data import MONTH, denies_doing_it
from agents.set_phrases import opens_with_it_not_fixed

MAX_WORDS = 8


# "What should I do?", "now what?": what to do about what was just said, and nothing else.
_ASKS_WHAT_TO_DO = re.compile(r"^\W*(?:(?:so|ok(?:ay)?|then|and)[,\s]+)?what\s+(?:should|do|can|must|shall)\s+(?:i|we)\s+do"
                              r"(?:\s+(?:now|next|then|about\s+it))?\s*[?.!]*\s*$|^\W*(?:so\s+)?now\s+what\W*$",
                              re.IGNORECASE)
# A word that points back at what was said before, or opens a continuation. "The next tier", "the plan
# above", "what do I do next?" are counted from something said before; "my next payment" is not.
_POINTS_BACK = re.compile(
    r"^\s*(?:and|also|what about|how about|so|then|but|ok|okay|done|right)\b"
    r"|\b(?:it|its|it's|them|those|these|one|other|again|yet|still|same|above|below|instead)\b"
    # "This month", "that week": a time, not something said before.
    r"|\b(?:that|this)\b(?!\s+(?:month|week|year|morning|afternoon|evening|weekend|quarter|time)\b)"
    r"|\b(?:next|higher|lower|bigger|smaller|cheaper)\s+(?:one|tier|plan|level|step)s?\b|\b(?:what|do|then)\s+next\b"
    # "How do I see why?", "can you tell me why?": the reason for what was just said, the last word asking it.
    r"|\bwhy\s*[?.!]*\s*$"
    # "What should I do?", "now what?" after an answer: what to do about what was just said (the scope reply, at 0.85).
    rf"|{_ASKS_WHAT_TO_DO.pattern}"
    # "November" alone after the invoices were listed: which of them (out of scope, "not enough information").
    rf"|^\W*(?:(?:and|or|the|for|in|from)\s+)*{MONTH}(?:\s+(?:one|invoice|bill|payment|please|pls))?\W*$"
    # "Any ETA for a fix?", "any news?": asking how something already discussed is going.
    r"|\b(?:eta|fixed|resolved|updates?|news|progress)\b|\b(?:the|a)\s+fix\b"
    # "When will you retry?" after a failed payment: the retry of what was just spoken of.
    r"|\bretr(?:y|ies|ied|ying)\b|\btry(?:ing)?\s+again\b"
    # "What's the ref?", "what did you just do?", "I meant November", "you already said that": about what the
    # assistant just did or said, or correcting what the customer said before.
    r"|\b(?:the|its|my)\s+(?:ref|reference)(?:\s+(?:number|no|code))?\b|\byou\s+(?:just|already)\b"
    r"|\bi\s+meant\b|\bjust\s+(?:did|done|said)\b"
    # "Will my apps go to sleep then?": "then" closing a question is "once that is done". "What do I lose?"
    # names nothing it would lose by: what was said before.
    r"|\bthen\s*[?.!]*\s*$"
    r"|^\s*what\s+(?:do|would|will|did|am|are|\w+'d|\w+'ll)\s+(?:i|we)\s+(?:be\s+)?"
    r"(?:lo{1,2}s(?:e|ing)|give\s+up|giving\s+up|miss(?:ing)?(?:\s+out(?:\s+on)?)?)\s*[?.!]*\s*$"
    # "Whats the difference?" of the plans just named, "how long does the link work?" of the export just told.
    r"|^\s*(?:what'?s|what\s+is|whats)\s+the\s+difference\s*[?.!]*\s*$|\bthe\s+(?:download\s+)?link\b"
    # "Are they encrypted?" after the steps to add environment variables: a question of the things just named ("they
    # charged me twice" says who did it, not what was said).
    r"|^\W*(?:are|were|do|does|did|can|could|will|would|should)\s+they\b"
    # "Only in the morning", "mostly at night": when what was just reported happens.
    r"|^\W*(?:only|mostly|just|usually|always|mainly)\s+(?:in\s+the\s+(?:morning|evening|afternoon|night)s?|at\s+night"
    r"|on\s+weekends|at\s+peak\s+times?|first\s+thing)\W*$"
    # "Only sometimes", "on and off": how often it happens.
    r"|^\W*(?:it'?s\s+|it\s+happens\s+)?(?:only\s+)?(?:sometimes|occasionally|intermittently|now\s+and\s+(?:then|again)"
    r"|on\s+and\s+off|not\s+(?:always|every\s+time))\W*$",
    re.IGNORECASE,
)
# "How long do I have to change my mind?", "can I undo it?": taking back what the question before asked about.
# "Can I get it back after?", "can I restore it?" after deleting was spoken of: the same.
_CHANGE_MY_MIND = re.compile(r"\bchange\s+(?:my|our)\s+minds?\b|\b(?:undo|reverse)\s+(?:it|that|this)\b"
                             r"|\b(?:get|have)\s+(?:it|them|that|my\s+(?:account|data|apps?)|our\s+(?:account|data|apps?))"
                             r"\s+back\b|\b(?:restore|recover|reactivate|undelete)\s+(?:it|them|that|my\s+(?:account|data|apps?)"
                             r"|our\s+(?:account|data|apps?))\b", re.IGNORECASE)


def asks_to_take_it_back(message: str) -> bool:
    """"Can I undo it?", "can I get it back after?": taking back what was discussed before."""
    return bool(_CHANGE_MY_MIND.search(message))
# "How many days?", "how long?", "how much?", "which ones?": a measure or a choice with nothing to measure or
# choose from, which only the question before supplies. At most one noun and no verb: "how much is pro?" and
# "how many apps can I have?" name what they ask about themselves.
_ASKS_A_DETAIL = re.compile(
    r"^\s*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+(?:many|much|long|often|soon|far)|which\s+ones?)"
    r"(?:\s+(?!(?:is|are|was|were|do|does|did|can|could|will|would|should|i|we|you|it)\b)[a-z]+)?"
    r"(?:\s+(?:then|exactly|again))?\s*[?.!]*\s*$"
    # "How many can I add?", "is there a limit?" after the steps to invite a teammate: how many of what the question
    # before was about, which names nothing of its own (it got that entry over again, "my answer is the same").
    # "How many people can I add?" (the entry again, behind "my answer is the same"): the people named with the count.
    r"|^\s*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+many\s+(?:more\s+)?(?:(?:people|members|team\s*members|teammates"
    r"|users|colleagues|seats|of\s+them)\s+)?(?:can|could|may)\s+(?:i|we)\s+"
    r"(?:add|invite|have|get|create|make|run|use)|is\s+there\s+(?:a|any)\s+(?:limit|max(?:imum)?|cap))"
    r"(?:\s+(?:then|exactly|again|on\s+my\s+plan))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "How do I get more?", "can I get more?", "we need more" right after a limit was given: more of what that limit
# counts, which names nothing of its own (the FAQ shortcut answered with the generic upgrade steps, "choose Pro or
# Business", to a customer on Pro).
_ASKS_FOR_MORE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+(?:do|can|could)\s+(?:i|we)\s+(?:get|have|buy|raise|increase)\s+"
    r"(?:more|it|that|the\s+limit|a\s+higher\s+(?:limit|one))|(?:can|could)\s+(?:i|we)\s+(?:get|have|buy)\s+more"
    # "We need more than that", "we need more than 3000 requests a minute" (the guide's step on retrying, as fitting).
    r"|(?:i|we)\s+need\s+more(?:\s+than\s+(?:that|this|it|the\s+limit|\d[\d,]*(?:\s+[a-z]+){0,4}))?"
    # "And what happens if I need more?" after the team entry's limit (Bob on Business: "not enough information").
    r"|what\s+(?:happens\s+|would\s+happen\s+|do\s+(?:i|we)\s+do\s+)?(?:if|when)\s+(?:i|we)\s+(?:need|want)\s+more"
    r"(?:\s+than\s+(?:that|this|it|the\s+limit))?"
    # "Can you raise it?", "could you increase the limit for us?" (the same guide again, after "my answer is the same").
    r"|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:raise|increase|lift|bump(?:\s+up)?|extend)\s+(?:it|that|the\s+"
    r"limit|our\s+limit|my\s+limit)(?:\s+up)?(?:\s+for\s+(?:me|us))?"
    r"|(?:can|could)\s+(?:we|i)\s+(?:get|have)\s+(?:it|that|the\s+limit)\s+(?:raised|increased|lifted)"
    # "Can I increase it?", "could we extend the limit?" (the failed deploys guide's steps came after the build limit).
    r"|(?:can|could|may)\s+(?:i|we)\s+(?:raise|increase|extend|lift)\s+(?:it|that|the\s+limit|my\s+limit|our\s+limit)"
    # "Can it be increased?", "is it possible to extend it?" after the build time's limit (the API rate limits' guide).
    r"|(?:can|could|will|would)\s+(?:it|that|the\s+limit)\s+be\s+(?:raised|increased|lifted|extended|bumped(?:\s+up)?"
    # "Can it be longer?" after the build time's limit (the scope reply).
    r"|(?:made\s+)?(?:longer|higher|bigger|more))"
    r"|is\s+it\s+possible\s+to\s+(?:raise|increase|lift|extend)\s+(?:it|that|the\s+limit))(?:\s+(?:of\s+them|then|"
    r"please))?\W*$",
    re.IGNORECASE)
# "Whats the limit for business?", "what's the max on pro", "and the limit?", "how long is the limit on pro?": a limit
# that names nothing it is a limit of, which only the question before supplies (the 429 it answered; the build that
# timed out, where the API's rate limit came for "limit"). Not "what's the app limit on pro?" nor "what's the build time
# limit?", which name theirs.
_ASKS_THE_LIMIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?"
    # "We're on business, what's our limit?": the plan said first (the 429 guide's steps came again).
    r"(?:(?:we'?re|we\s+are|i'?m|i\s+am)\s+on\s+(?:the\s+)?(?:free|pro|business)(?:\s+(?:plan|tier))?\s*[,.;:!-]+\s*"
    r"(?:(?:so|and)\s+)?)?"
    r"(?:(?:what'?s|whats|what\s+(?:is|are)|how\s+(?:long|big|high|much)\s+is)\s+)?"
    r"(?:the|our|my)\s+"
    r"(?:limits?|max(?:imum)?|cap|quota)"
    r"(?:\s+(?:for|on|with|in)\s+(?:the\s+)?(?:(?:free|pro|business)(?:\s+(?:plan|tier))?|my\s+plan|me|us))?"
    r"(?:\s+(?:then|exactly|again))?\s*[?.!]*\s*$"
    # "Can I increase the limit?" after "my build keeps timing out" (the API rate limits', for "limit"), "can the limit
    # be raised?": more of the limit of what the question before was about.
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:(?:can|could)\s+(?:i|we|you)\s+(?:increase|raise|extend|lift|up)\s+"
    r"(?:the|that|this|my|our)\s+(?:limit|max(?:imum)?|cap|quota)"
    r"|(?:can|could)\s+(?:the|that|this|my|our)\s+(?:limit|max(?:imum)?|cap|quota)\s+be\s+(?:increased|raised|extended|lifted))"
    r"(?:\s+(?:please|then|at\s+all))?\s*[?.!]*\s*$"
    # "Is it longer on business?", "do I get more time on pro?" after a build that timed out ("no guide"): the limit
    # there, asked as more of it.
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:(?:is|would|will)\s+(?:it|that|the\s+limit)(?:\s+be)?\s+(?:any\s+)?(?:longer"
    r"|higher|bigger|more)|(?:do|would|will|can|could)\s+(?:i|we)\s+get\s+(?:any\s+)?(?:more|longer)(?:\s+(?:time|minutes"
    r"|requests))?)\s+(?:on|with|in)\s+(?:the\s+)?(?:free|pro|business)(?:\s+(?:plan|tier))?(?:\s+then)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "Why?", "but why", "how come?", "how?", "where?": the reason, the way or the place of what was just said, which names
# nothing of its own ("how?" after "I want to cancel" was turned away as off topic at 0.89). Not "why was I charged
# twice?", which names what it asks about.
_ASKS_WHY = re.compile(r"^\W*(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?(?:why|how(?:\s+come|\s+so)?|where)"
                       r"(?:\s+(?:though|exactly|then))?"
                       r"\s*[?.!]*\s*$", re.IGNORECASE)
# "How much will I be charged?", "what will it cost me?": the price of what was just asked for (a move to another plan),
# naming nothing of its own. Not "how much was I charged in october?", which asks about an invoice.
HOW_MUCH_MORE = (
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much\s+(?:more|extra)(?:\s+(?:expensive|money))?"
    # Not "how much extra does that cost?" after a second region: the region's own price, which the plans' answer.
    r"(?:\s+(?:is\s+(?:it|that)|(?:would|will)\s+(?:it|that)\s+be|(?:do|would|will)\s+(?:i|we)\s+(?:pay|have\s+to\s+pay)))?"
    r"(?:\s+(?:a|per|each)\s+month)?"
    r"|what'?s\s+the\s+(?:price|cost)\s+difference|what\s+is\s+the\s+(?:price|cost)\s+difference"
    r"|what'?s\s+the\s+difference\s+in\s+(?:price|cost))(?:\s+(?:then|exactly))?\s*[?.!]*\s*$")
_ASKS_WHAT_IT_COSTS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much|what)\s+(?:will|would|do|does|is)\s+(?:i|we|it|that)"
    r"\s+(?:be\s+)?(?:charged|cost|costing|pay|paying|billed)(?:\s+(?:me|us))?(?:\s+(?:then|for\s+(?:it|that)))?"
    # "How much will I pay today?" after "I want to upgrade to pro" (the plan's price alone: Free costs nothing).
    r"(?:\s+(?:today|now|right\s+now|up\s*front|this\s+month|at\s+first))?"
    r"\s*[?.!]*\s*$"
    # "How much more is it?", "how much extra would I pay?", "what's the price difference?" after "upgrade me to business":
    # what the move adds to what is paid now (what Business includes came).
    r"|" + HOW_MUCH_MORE,
    re.IGNORECASE)
# Asking for what was just discussed to be delivered ("email it to me", "can you send that to my inbox?",
# "forward me a copy of them"): the channel named says nothing of the topic; what "it" is does. Not "send
# that refund to my card", which names what it is about.
# "To my email please", "by email?" after "can you send me a copy of invoice NW-2002?": how, and nothing else.
BY_EMAIL_ALONE = (r"^\W*(?:(?:ok(?:ay)?|yes|and)[,\s]+)?(?:(?:to|at)\s+(?:my\s+)?(?:e-?mail|inbox|mail)(?:\s+address)?"
                  r"|(?:by|via|over)\s+e-?mail)(?:\s+(?:please|pls|plz|thanks|thank\s+you))?\W*$")
_BY_EMAIL_ALONE = re.compile(BY_EMAIL_ALONE, re.IGNORECASE)
_DELIVER_IT = re.compile(
    r"\b(?:e-?mail|mail|send|resend|re-send|forward|download|print)\s+(?:me\s+|us\s+)?(?:a\s+copy\s+of\s+)?"
    r"(?:it|that|this|them|those|these)(?=\s*(?:$|[.?!,]|(?:to|by|over|via|as|again|please)\b))"
    rf"|{BY_EMAIL_ALONE}",
    re.IGNORECASE,
)
# "The one after that", "the previous one", "and before that?", "and the month before?": an invoice counted from the
# one just discussed, by date (a month holds one invoice). Not "the next one up" (a plan) nor "the next one due" (the
# renewal, see relative_step).
# Typed in a hurry too: "the one b4 that", "befor", "aftr".
_AFTER = r"(?:after|aftr|afer|afte)"
_BEFORE = r"(?:before|befor|bfore|befre|b4)"
_COUNTED_AFTER_OR_BEFORE = re.compile(
    rf"\b(?:the|that)\s+(?:one|invoice|bill|payment|charge|month)\s+({_AFTER}|{_BEFORE})(?:\s+(?:that|it|this)\b|(?=\s*(?:$|[?.!,])))"
    rf"|^\s*(?:and|so|what\s+about|how\s+about)\s+({_AFTER}|{_BEFORE})\s+that\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "Previous" as it gets typed: "previus", "prevous", "previos", "preivous", "prev".
_PREVIOUS = r"(?:pr[ei]{1,2}v[iou]{0,3}s|prev|prior|earlier|preceding|preceeding)"
_COUNTED_BACK = re.compile(rf"\bthe\s+{_PREVIOUS}\s+(?:one|invoice|bill|payment|charge|month)\b", re.IGNORECASE)
_COUNTED_ON = re.compile(r"\bthe\s+(?:next|following)\s+one\b(?!\s+(?:up|down)\b)", re.IGNORECASE)
# "And the other one?", "the other invoice", "what about the others?": the customer's invoices (or charges) besides
# the ones just discussed. Counted by what was discussed, not by date as "the previous one" is. Not "another one".
_THE_OTHER = re.compile(
    r"\bthe\s+other\s+(?:one|ones|invoices?|bills?|charges?|payments?|receipts?)\b|\bthe\s+others\b"
    r"|^\s*(?:and|what\s+about|how\s+about|ok(?:ay)?|so)?[,\s]*(?:the\s+)?other\s+(?:one|invoice|bill)s?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "When is the next one (due)?" asks for what is coming, which no invoice issued so far is.
_ASKS_WHAT_COMES = re.compile(r"\b(?:when|due|renew\w*|upcoming|coming)\b", re.IGNORECASE)


# "Which one?", "which invoice?", "which payment was it?": asking which of the things just discussed was meant.
# Alone it names no topic ("which payment?" reads as the payment-methods entry), so it takes the one before.
# Only the whole message: "which payment methods do you accept?" asks something of its own.
_WHICH_OF_THEM = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|and|but|sorry|wait)[,\s]+)?(?:which|what)\s+(?:one|invoice|charge|payment|bill)s?"
    r"(?:\s+(?:is|was|were|do\s+you\s+mean)(?:\s+(?:it|that|this|they|charged\s+twice))?)?"
    r"(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# Thanks and goodbyes close a topic rather than continue it.
CLOSING = re.compile(r"\b(?:thanks|thank you|thx|cheers|bye|goodbye)\b", re.IGNORECASE)
# "How long will approval take?", "when will staff look at it?", "is it approved yet?", "has anyone reviewed my
# refund?": the wait for a member of staff to approve or look at what was sent to them. Of what this chat does,
# a refund above the agents' limit waits for staff approval (the help centre's refund policy says so); an unlock
# held for staff keeps the topic of the question about the lock, which the message leans back on.
_WAIT_OR_STATE = r"\b(?:how\s+long|how\s+soon|how\s+many\s+days|when|what\s+time|yet|still|is|has|have|was|did|any)\b"
# Approving done by staff: not "when can I approve the invite?", which the customer does.
_APPROVAL = (r"(?<!\bi\s)(?<!\bwe\s)(?<!\bcan\s)\b(?:approv(?:al|e|ed|es|ing)|sign(?:ed)?\s+off|review(?:ed|ing)"
             r"|review\s+(?:it|that|this|my|the)|the\s+review)\b")
_STAFF_LOOKS_AT_IT = (
    r"\b(?:staff|someone|somebody|anyone|anybody|a\s+person|(?:your|the|a)\s+team|humans?|they|you)\b[^.?!]{0,20}?"
    r"\b(?:look(?:s|ed|ing)?\s+at|check(?:s|ed|ing)?|get(?:s)?\s+to|got\s+to|deal(?:s|t)?\s+with)\s+"
    r"(?:it|that|this|them|my\s+(?:refund|request)|the\s+(?:refund|request))\b"
)
_ASKS_ABOUT_STAFF_REVIEW = re.compile(rf"{_WAIT_OR_STATE}.*(?:{_APPROVAL}|{_STAFF_LOOKS_AT_IT})",
                                      re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=4096)  # a pure reading of the text, asked of each earlier turn rule after rule (#9)
def relative_step(message: str) -> int:
    """+1 for "the one after that" / "the next one", -1 for "the previous one" / "the one before that",
    0 when the message counts from nothing said before."""
    if found := _COUNTED_AFTER_OR_BEFORE.search(message):
        return 1 if (found[1] or found[2]).lower().startswith("a") else -1
    if _COUNTED_BACK.search(message):
        return -1
    if _COUNTED_ON.search(message) and not _ASKS_WHAT_COMES.search(message):
        return 1
    return 0


def asks_for_the_other(message: str) -> bool:
    """"And the other one?", "the other invoice": whichever of the things the customer has was not just discussed.
    Only a short follow-up: "the other one" in a long message may name anything."""
    return len(message.split()) <= 2 * MAX_WORDS and bool(_THE_OTHER.search(message))


def asks_what_to_do(message: str) -> bool:
    """"What should I do?", "now what?": what to do about what was just said, and nothing else."""
    return _ASKS_WHAT_TO_DO.match(message) is not None


# "How many can I add on pro?", "how many can we invite?": a count that names nothing it counts, which only the entry
# just quoted supplies.
_HOW_MANY_OF_IT = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?how\s+many\s+(?:can|could|may|do|does|will)\s+(?:i|we)\s+"
                             r"(?:add|invite|have|get)\b(?!\s+(?:apps?|domains?|deploys?|regions?|builds?)\b)", re.IGNORECASE)


def asks_how_many_of_it(message: str) -> bool:
    """"How many can I add on pro?": a count of what the entry just quoted counts, naming nothing of its own."""
    return bool(_HOW_MANY_OF_IT.match(message))



@lru_cache(maxsize=4096)  # a pure reading of the text, asked of each earlier turn rule after rule (#9)
def leans_back(message: str) -> bool:
    """Short, and pointing back ("is it fixed yet?") or saying yes; not a thank-you or a goodbye."""
    if CLOSING.search(message):
        return False
    if (asked := without_leading_acknowledgement(message)) != message:
        return leans_back(asked)  # the question itself says whether it points back
    words = len(message.split())
    # "What about the one after that, was it paid too?": counted from what was said before, even when put
    # at some length.
    if words <= 2 * MAX_WORDS and relative_step(message):
        return True
    if words <= 2 * MAX_WORDS and _CHANGE_MY_MIND.search(message):
        return True  # "How long do I have to change my mind?": about undoing what was just asked about
    if words <= 2 * MAX_WORDS and opens_with_it_not_fixed(message):
        return True  # "I did that but it still says not verified": about the steps just given, and what is still seen
    if words > MAX_WORDS:
        return False
    # "Maybe later" answers the offer before, as "yes" does: it keeps that turn's topic. "How long will approval
    # take?" asks after what was sent for approval before (a refund, an unlock).
    return (affirms(message) or bool(DECLINE.match(message)) or bool(_POINTS_BACK.search(message))
            or bool(_BY_EMAIL_ALONE.match(message))
            or asks_which_of_them(message) or asks_a_detail(message) or asks_about_staff_review(message)
            or asks_the_limit(message) or bool(_ASKS_WHY.match(message)) or asks_what_it_costs(message)
            or asks_for_more(message) or denies_doing_it(message))


def asks_about_staff_review(message: str) -> bool:
    """"How long will approval take?", "when will staff look at it?", "is it approved yet?": the wait for a
    member of staff to approve or look at what was sent to them. Only a short question: a long one names
    what it asks about itself."""
    return len(message.split()) <= 2 * MAX_WORDS and bool(_ASKS_ABOUT_STAFF_REVIEW.search(message))


def asks_a_detail(message: str) -> bool:
    """"How many days?" after "what is your refund policy?": a detail of what the question before asked about."""
    return bool(_ASKS_A_DETAIL.match(message))


def asks_what_it_costs(message: str) -> bool:
    """"How much will I be charged?" after "upgrade me to pro": the price of what was just asked for."""
    return bool(_ASKS_WHAT_IT_COSTS.match(message))


# "How much will it be?", "how much is that?", "what will it come to?": the amount of what was just discussed.
_ASKS_THE_AMOUNT_OF_IT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much\s+(?:will|would|is|was)\s+(?:it|that|this)(?:\s+be)?"
    r"|what\s+(?:will|would)\s+(?:it|that)\s+(?:be|come\s+to))(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_the_amount_of_it(message: str) -> bool:
    """"How much will it be?": the amount of what was just discussed, naming nothing of its own."""
    return bool(_ASKS_THE_AMOUNT_OF_IT.match(message))


def asks_for_more(message: str) -> bool:
    """"How do I get more?", "we need more": more of what was just discussed, naming nothing of its own."""
    return bool(_ASKS_FOR_MORE.match(message))


# "What happens if we go over?" right after 429s: past the limit of what the question before was about, which the entry
# stating that limit says ("above that it answers HTTP 429"; the scope reply came).
_ASKS_PAST_THE_LIMIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?what\s+(?:happens|would\s+happen)\s+(?:if|when)\s+(?:i|we|my\s+app|our\s+app)\s+"
    r"(?:go|goes)\s+(?:over|above)(?:\s+(?:it|that|the\s+limit))?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_the_limit(message: str) -> bool:
    """"Whats the limit for business?", "what happens if we go over?" after a 429: the limit of what the question before
    was about."""
    return bool(_ASKS_THE_LIMIT.match(message) or _ASKS_PAST_THE_LIMIT.match(message))


def asks_which_of_them(message: str) -> bool:
    """"Which one?", "which invoice?": which of the things the turn before spoke of was meant."""
    return bool(_WHICH_OF_THEM.match(message))


# "For the october invoice", "for my last payment", "for NW-1002" after "I want a refund": which one the request before
# is for, said in a few words that ask nothing of their own.
_NARROWS_THE_REQUEST = re.compile(
    rf"^\W*(?:(?:it'?s|it\s+is|i\s+mean|i\s+meant|that'?s)\s+)?for\s+(?:the|my|our|invoice|nw-?\d+|last|this|that"
    rf"|{MONTH})\b",
    re.IGNORECASE)


def narrows_the_request(message: str) -> bool:
    """"For the october invoice" after "I want a refund": which one the request said before is for. Alone its words
    read as billing (0.68), and the invoice was described; the request is what it keeps."""
    return len(message.split()) <= MAX_WORDS and bool(_NARROWS_THE_REQUEST.match(message))


def asks_to_deliver_it(message: str) -> bool:
    """"Email it to me", "send that to my email": a way of getting something said before, not a new topic."""
    return bool(_DELIVER_IT.search(message))


# "How to avoid it?", "how do I stop that?" after "do free apps sleep?": a way round what was just told, which the
# plans it does not happen on are, when the entry told names them ("Apps on Pro and Business never sleep").
_ASKS_TO_AVOID_IT = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?how\s+(?:(?:do|can|could|would|should)\s+(?:i|we)\s+|to\s+)"
    r"(?:avoid|prevent|stop|get\s+around)\s+(?:it|that|this|them)(?:\s+from\s+happening)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def asks_to_avoid_it(message: str) -> bool:
    """"How do I stop that?", "how to avoid it?": a way round what was just told."""
    return _ASKS_TO_AVOID_IT.match(message) is not None


# "How long do I have to wait?", "how long will we need to wait": a duration asked as a wait.
HOW_LONG_TO_WAIT = r"how\s+long\s+(?:do|will|would|should|must)\s+(?:i|we)\s+(?:have\s+to\s+|need\s+to\s+)?wait"
# "How long does it take?", "how long will that take?", "how long?": a duration asked of what was discussed before,
# naming nothing of its own. Alone its words match whichever entry says how long something takes (a refund's, at
# 0.96), which answered "how long does it take?" after an erasure request with the refund's timing.
_HOW_LONG_IT_TAKES = re.compile(
    # "Done, how long does it take?": after doing what was said, how long it takes to show.
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then|done|i\s+did(?:\s+(?:it|that))?)[,.!\s]+)*how\s+(?:long|many\s+days|soon)"
    r"(?:\s+(?:does|will|would|did|should|can|is)\s+(?:it|that|this)"
    r"(?:\s+(?:usually|normally|actually|all))?\s+(?:take|last|be))?"
    r"(?:\s+(?:then|exactly|usually|normally|roughly|in\s+total|altogether))*\s*[?.!]*\s*$"
    # "How long do I have to wait?", "how long will we need to wait for it?": the same duration, as a wait.
    rf"|^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,.!\s]+)*{HOW_LONG_TO_WAIT}(?:\s+for\s+(?:it|that|this))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# "How do I update it?", "ok how do I add it", "how can I change that?": how to do something to what the turn before
# named, the verb alone said. Alone "update it" finds the email change's entry ("update my email"), "add it" adding
# team members, which the FAQ shortcut and the billing part quoted as the way to do it.
_HOW_TO_DO_IT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|right|great|cool|thanks|got\s+it|alright)[,.!\s]+)*how\s+(?:do|can|could|should|would)\s+"
    # "How do I add one?" after how many team members there can be: alone its words found the card's entry (0.92). Not
    # "how do I remove one?", another action on what the how-to before named, which its own words find.
    r"(?:i|we|u)\s+(?:\w+\s+){0,2}?(?:it|that|this|(?<=\badd\s)(?:one|another|them))"
    r"(?:\s+(?:then|now|in|on|up|there|again))?\s*[?.!]*$",
    re.IGNORECASE)


# "I didn't get the email", "the link never came": something the customer was told would be sent has not arrived.
NOT_RECEIVED = re.compile(r"\b(?:didn'?t|did\s+not|never|haven'?t|have\s+not|hasn'?t|has\s+not|still\s+not)\s+"
                          r"(?:get|got|gotten|receive|received|come|came|arrive|arrived|show(?:n|ed)?\s+up)\b"
                          r"|\bnever\s+(?:came|arrived|comes|arrives)\b|\bno\s+(?:email|link)\s+(?:yet|came|arrived)\b"
                          # "The email never arrives", "it doesn't arrive", "isn't coming through".
                          r"|\b(?:doesn'?t|does\s+not|won'?t|isn'?t|is\s+not)\s+(?:arrive|arriving|come|coming)(?:\s+through)?\b"
                          # "I don't get the email", "not receiving any link": not "I don't get it" (understand).
                          r"|\b(?:don'?t|do\s+not|'?m\s+not|am\s+not|not)\s+(?:get|getting|receive|receiving)\s+"
                          r"(?:(?:the|any|an|your|a|my)\s+)?(?:reset\s+|verification\s+|confirmation\s+)?"
                          r"(?:e-?mails?|mails?|links?|codes?|messages?)\b",
                          re.IGNORECASE)


# "Does it apply to me?", "does that count for us?", "is it the same for my plan?": whether what was just said holds for
# the customer, which their plan decides.
_APPLIES_TO_THEM = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:does|do|would|will|is)\s+(?:it|that|this|the\s+same)\s+(?:also\s+|even\s+)?"
    r"(?:apply|count|hold|cover|the\s+same)\s+(?:to|for)\s+(?:me|us|my\s+(?:plan|account)|our\s+(?:plan|account))"
    r"(?:\s+(?:too|then|as\s+well))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_if_it_applies_to_them(message: str) -> bool:
    """"Does it apply to me?": whether what was just said holds for the customer, naming nothing of its own."""
    return bool(_APPLIES_TO_THEM.match(message))


def asks_how_to_do_it(message: str) -> bool:
    """"How do I update it?": how to do something to what was discussed before, naming nothing of its own."""
    return bool(_HOW_TO_DO_IT.match(message))


# "How long until the certificate is ready?", "how long before it's live?": how long what was discussed takes to be done
# (the same guide again).
_HOW_LONG_UNTIL_DONE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,.!\s]+)*how\s+(?:long|soon)\s+(?:until|till|til|before)\s+(?:it'?s|it\s+is|that'?s"
    r"|(?:it|that|(?:the|my|our)\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|will\s+be|gets?|becomes?))\s+(?:ready|issued|live|active"
    r"|done|working|verified|up|valid|there|through)\s*[?.!]*\s*$"
    # "How long until it works?", "how soon before my domain starts working?" (the domains guide again, as a repeat).
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,.!\s]+)*how\s+(?:long|soon)\s+(?:until|till|til|before)\s+(?:it|that|(?:the|my|our)"
    r"\s+(?:domain|site|website|app|certificate|cert|record|dns|deploy|build|change))\s+(?:works|will\s+work|starts?\s+working"
    r"|goes\s+live|resolves|shows\s+up)\s*[?.!]*\s*$", re.IGNORECASE)


def asks_how_long_it_takes(message: str) -> bool:
    """"How long does it take?", "how long until the certificate is ready?": how long what was discussed before takes,
    with nothing named of its own but what it is."""
    return bool(_HOW_LONG_IT_TAKES.match(message) or _HOW_LONG_UNTIL_DONE.match(message))


# "How long does renewal take?", "how long will the certificate take?" after a guide's steps: how long one thing it
# named takes (out of scope at 0.59: the scope reply).
_HOW_LONG_A_THING_TAKES = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,.!\s]+)*how\s+long\s+(?:does|will|would|do|should|can|is)\s+(?:the\s+|a\s+|my\s+"
    r"|our\s+|its\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+(?:usually\s+|normally\s+)?(?:take|last)\b[^.?!]*[?.!]*\s*$",
    re.IGNORECASE)


def thing_asked_how_long(message: str) -> str | None:
    """"How long does renewal take?": the thing asked of ("renewal"); None for another message, or for "it"."""
    asked = _HOW_LONG_A_THING_TAKES.match(message)
    return asked["what"] if asked is not None and asked["what"].lower() not in ("it", "that", "this") else None


# "When?", "how long?" alone (the scope reply): asked of what the reply before told.
WHEN_ALONE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:when|how\s+long|how\s+soon)(?:\s+(?:then|exactly|though))?"
                         r"\s*[?.!]*\s*$", re.IGNORECASE)


def asks_only_when(message: str) -> bool:
    """"When?", "how long exactly?": when, and nothing else."""
    return bool(WHEN_ALONE.match(message))


def asks_how_long_to_change_mind(message: str) -> bool:
    """"How long do I have to change my mind?", "how many days do I have to undo it?": the time left to take
    back what was discussed before."""
    return bool(re.search(r"\bhow\s+(?:long|many\s+days|much\s+time)\b", message, re.IGNORECASE)
                and _CHANGE_MY_MIND.search(message))


# "The link expired", "it doesn't work anymore", "can I get a new one?" right after the export's entry (its link "works for
# 7 days"): a fresh link, which a new export sends ("my answer is the same", or the entry hedged as a guess, came).
_LINK_GONE = re.compile(
    r"\b(?:link|it)\b[^.?!]{0,20}\b(?:expired|has\s+expired|doesn'?t\s+work|does\s+not\s+work|isn'?t\s+working|not\s+working"
    r"|is\s+dead|broken|invalid|timed\s+out)\b"
    r"|\b(?:get|have|send\s+me)\s+(?:a\s+)?(?:new|fresh|another)\s+(?:one|link)\b|\bresend\b|\bsend\s+(?:it|the\s+link)\s+again\b",
    re.IGNORECASE)
EXPORT_LINK_TOLD = "download link that works for"


def asks_for_a_new_export_link(message: str, *, last_reply: str) -> bool:
    """"The link expired", "can I get a new one?" right after the export's entry, whose link lasts a few days."""
    return EXPORT_LINK_TOLD in last_reply and bool(_LINK_GONE.search(message))
