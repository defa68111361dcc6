"""Short replies that only make sense with the turn before: "yes please", "is it fixed yet?",
"and the other one from october?".

The offline classifier and writer read one message at a time; without this, a customer who
answers the assistant's own question is told their message is out of scope. The previous user
message lends the topic, and the assistant's last turn tells what a "yes" agrees to.
"""

from __future__ import annotations

import re

from agents.clauses import GREETING, only_thanks
from agents.context import HistoryTurn, SourceKind, SupportContext
from agents.own_data import MONTH, about_someone_elses_sign_in, denies_doing_it, with_the_lock_denied
from agents.service_terms import (
    RENEWAL_TOLD,
    asks_about_paying_less,
    names_the_sla,
    plan_moved_to,
    says_who_may_pay_less,
)
from agents.set_phrases import opens_with_it_not_fixed, says_only_it_does_not_work

# How the billing part asks what is wrong on an invoice the customer says is wrong (reply_billing.py).
WHAT_LOOKS_WRONG = "looks wrong to you"
# And how it says what the records show of it, which the customer may answer in turn ("it should be $19").
INVOICE_NOT_CHANGED = "I can't change an invoice from this chat"
# The offers a "yes" can accept, as the offline writer words them (reply_refunds.py, writer.py).
OFFER_REFUND = "tell me if you'd like me to ask for it"
OFFER_PERSON = "pass you to a person"
# The offer of an unlock made to a question about the lock (reply_account.py): a "yes" to it is the request.
OFFER_UNLOCK = "say so and I'll start it"

MAX_WORDS = 8
TOPIC_TURNS = 3  # how far back a chain of follow-ups looks for the question they follow
# "Yes, please", "alright, go ahead", "sure thing!": a comma or an exclamation between the words changes nothing.
# A go-ahead may also name what to do with what was offered: "please file it", "submit it", "make it so", "sort
# it out", "yes go on then", "go for it", "ok actually do it". Not "send it" (asks for it to be delivered:
# _DELIVER_IT) and nothing that asks a question of its own.
_GO_AHEAD_WORDS = (
    r"yes|yeah|yep|yup|ya|yea|sure(?:\s+thing)?|ok|okay|alright|all\s+right|absolutely|of\s+course|please\s+do"
    r"|go\s+ahead(?:\s+and\s+(?:do|file|submit)\s+(?:it|that))?|go\s+on|go\s+for\s+it|do\s+it|do\s+that"
    r"|(?:let'?s|lets)\s+do\s+(?:it|that)|make\s+it\s+so|proceed|sounds\s+good|that\s+would\s+be\s+great"
    r"|(?:file|submit|raise|lodge|process|action|request|start)\s+(?:it|that|this|the\s+(?:refund|request)|one)"
    r"|sort\s+(?:it|that|this)\s+out"
    # "Yes I'm sure", "definitely", "I confirm": insisting on what was asked, after being told what it means.
    r"|i'?m\s+(?:sure|certain)|i\s+am\s+(?:sure|certain)|definitely|certainly|i\s+confirm|confirmed"
)
# Words that lead into or trail a go-ahead without changing it: "ok actually do it", "yes go on then".
_GO_AHEAD_FILLER = r"please|thanks|thank\s+you|then|now|actually|fine|great|perfect|for\s+me|right\s+away|in\s+that\s+case"
_AFFIRMATION = re.compile(
    rf"^\s*(?:(?:{_GO_AHEAD_FILLER})[\s,.!]+)*(?:{_GO_AHEAD_WORDS})\b"
    rf"(?:[\s,.!]*(?:{_GO_AHEAD_FILLER}|{_GO_AHEAD_WORDS}))*[\s,.!]*$",
    re.IGNORECASE,
)
# "Ok go back to the refund, please file it": a go-ahead to an offer made some turns before, named by what it was
# about. The go-ahead is what follows the naming.
_BACK_TO = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|right|actually|alright)[\s,.!]+)*(?:(?:let'?s\s+|can\s+we\s+)?go\s+back\s+to|back\s+to)"
    r"\s+(?:the|that|my)\s+(?P<named>[a-z]+)[\s,.!]+(?P<rest>.*)$",
    re.IGNORECASE,
)
OFFER_LOOKBACK_TURNS = 3  # how many of the assistant's turns a go-ahead naming its offer looks back over
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
    r"|^\W*(?:are|were|do|does|did|can|could|will|would|should)\s+they\b",
    re.IGNORECASE,
)
# "How long do I have to change my mind?", "can I undo it?": taking back what the question before asked about.
_CHANGE_MY_MIND = re.compile(r"\bchange\s+(?:my|our)\s+minds?\b|\b(?:undo|reverse)\s+(?:it|that|this)\b",
                             re.IGNORECASE)
# "How many days?", "how long?", "how much?", "which ones?": a measure or a choice with nothing to measure or
# choose from, which only the question before supplies. At most one noun and no verb: "how much is pro?" and
# "how many apps can I have?" name what they ask about themselves.
_ASKS_A_DETAIL = re.compile(
    r"^\s*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+(?:many|much|long|often|soon|far)|which\s+ones?)"
    r"(?:\s+(?!(?:is|are|was|were|do|does|did|can|could|will|would|should|i|we|you|it)\b)[a-z]+)?"
    r"(?:\s+(?:then|exactly|again))?\s*[?.!]*\s*$"
    # "How many can I add?", "is there a limit?" after the steps to invite a teammate: how many of what the question
    # before was about, which names nothing of its own (it got that entry over again, "my answer is the same").
    r"|^\s*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+many\s+(?:can|could|may)\s+(?:i|we)\s+"
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
    # "Can you raise it?", "could you increase the limit for us?" (the same guide again, after "my answer is the same").
    r"|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:raise|increase|lift|bump(?:\s+up)?|extend)\s+(?:it|that|the\s+"
    r"limit|our\s+limit|my\s+limit)(?:\s+up)?(?:\s+for\s+(?:me|us))?"
    r"|(?:can|could)\s+(?:we|i)\s+(?:get|have)\s+(?:it|that|the\s+limit)\s+(?:raised|increased|lifted)"
    # "Can it be increased?", "is it possible to extend it?" after the build time's limit (the API rate limits' guide).
    r"|(?:can|could|will|would)\s+(?:it|that|the\s+limit)\s+be\s+(?:raised|increased|lifted|extended|bumped(?:\s+up)?"
    # "Can it be longer?" after the build time's limit (the scope reply).
    r"|(?:made\s+)?(?:longer|higher|bigger|more))"
    r"|is\s+it\s+possible\s+to\s+(?:raise|increase|lift|extend)\s+(?:it|that|the\s+limit))(?:\s+(?:of\s+them|then|"
    r"please))?\W*$",
    re.IGNORECASE)
# "Whats the limit for business?", "what's the max on pro", "and the limit?": a limit that names nothing it is a
# limit of, which only the question before supplies (the 429 it answered). Not "what's the app limit on pro?" nor
# "what's the build time limit?", which name theirs.
_ASKS_THE_LIMIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:(?:what'?s|whats|what\s+(?:is|are))\s+)?(?:the|our|my)\s+"
    r"(?:limits?|max(?:imum)?|cap|quota)"
    r"(?:\s+(?:for|on|with|in)\s+(?:the\s+)?(?:(?:free|pro|business)(?:\s+(?:plan|tier))?|my\s+plan|me|us))?"
    r"(?:\s+(?:then|exactly|again))?\s*[?.!]*\s*$",
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
_ASKS_WHAT_IT_COSTS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much|what)\s+(?:will|would|do|does|is)\s+(?:i|we|it|that)"
    r"\s+(?:be\s+)?(?:charged|cost|costing|pay|paying|billed)(?:\s+(?:me|us))?(?:\s+(?:then|for\s+(?:it|that)))?"
    # "How much will I pay today?" after "I want to upgrade to pro" (the plan's price alone: Free costs nothing).
    r"(?:\s+(?:today|now|right\s+now|up\s*front|this\s+month|at\s+first))?"
    r"\s*[?.!]*\s*$",
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
# "Will I lose my apps?", "what happens to my data?", "would my apps be deleted?": what becomes of the
# customer's things after something said before (cancelling, deleting the account). Not "how do I keep my
# app awake?", a how-to of its own, nor "I lost my authenticator app", a two-factor problem. The verbs as
# customers type them in a hurry: "loose", "hapens to", "delted".
_THINGS = (r"(?:apps?|applications?|data|sites?|websites?|projects?|databases?|files|domains?|everything|invoices?"
           r"|receipts?|(?:billing|payment)\s+history)")
_NOT_THEIR_THINGS = r"(?<!authenticator\s)(?<!authentication\s)(?<!auth\s)(?<!2fa\s)(?<!otp\s)"
_LOSE_OR_KEEP = (r"(?:lo{1,2}se|lo{1,2}sing|lost|keep|keeping|kept|hap+en(?:s|ed|d)?\s+(?:to|with)"
                 r"|become\s+of)")
_GONE = r"(?:del[ei]?te?d|deleat?ed|removed|wiped|erased|kept|lost|gone|safe|destroyed)"
# "Will you delete my data if I cancel?": asked of us, as a question; "can you delete my app?" is a request.
_WE_DELETE = r"(?:delete|remove|wipe|erase|destroy|purge)"
_FATE_OF_THINGS = re.compile(
    rf"\b{_LOSE_OR_KEEP}\s+(?:\w+\s+){{0,3}}?{_NOT_THEIR_THINGS}{_THINGS}\b"
    r"(?!\s+(?:awake|running|alive|up|online|warm)\b)"
    rf"|\b{_NOT_THEIR_THINGS}{_THINGS}\s+(?:\w+\s+){{0,3}}?{_GONE}\b"
    rf"|\b(?:will|would|do|does|are|is)\s+(?:you|u|northwind|they|it)\s+(?:\w+\s+){{0,2}}?{_WE_DELETE}\s+"
    rf"(?:\w+\s+){{0,3}}?{_NOT_THEIR_THINGS}{_THINGS}\b",
    re.IGNORECASE,
)
_HOW_TO = re.compile(r"^\s*(?:how|where)\b", re.IGNORECASE)
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


# "What happens if I go over the app limit?", "what if we exceed it?" after "how many apps can I have?": past the limit
# on how many apps a plan allows, or the API's ("requests", whose entry says what happens: HTTP 429). Members and
# deploys are left out: their counts are in entries whose plans have no limit (Business's members, Pro's deploys).
_PAST_A_LIMIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?what\s+(?:happens|will\s+happen|would\s+happen|if)\s+(?:if\s+|when\s+)?"
    r"(?:i|we)\s+(?:go|went|get|run)\s+over|what\s+(?:happens|will\s+happen|would\s+happen|if)\s+(?:if\s+|when\s+)?(?:i|we)\s+"
    r"(?:exceed|pass|hit|reach|need\s+more\s+than)", re.IGNORECASE)
_API_REQUESTS = re.compile(r"\b(?:api|requests?|rate\s*limits?|429)\b", re.IGNORECASE)
_TIMED = re.compile(r"\b(?:build|time|minutes?|hours?)\b", re.IGNORECASE)
_COUNTED_THINGS = re.compile(r"\b(?P<thing>apps?|applications?)\b", re.IGNORECASE)
# "What happens if we exceed the member limit?", "… go over that?" after how many members can be invited.
_MEMBERS = re.compile(r"\b(?:(?:team\s+)?members?|seats?|teammates?|users?|colleagues?)\b", re.IGNORECASE)
# Each limit a message may be past, by the words that name what it counts, in the order they are read.
_LIMITS_NAMED = ((_API_REQUESTS, "requests"), (_COUNTED_THINGS, "apps"), (_MEMBERS, "team members"))


# How the entry on the API's limits is asked for, which says what happens past them.
RATE_LIMITS_QUESTION = "what are the api rate limits"
# And the entry on the team, which says how many members each plan may invite, and that each gets a role.
TEAM_QUESTION = "how do I add team members"


def limit_gone_past(ctx: SupportContext) -> str | None:
    """"What happens if I go over the app limit?" (or "… go over?" after "how many apps can I have?"): "apps",
    "team members" for the team's limit, or "requests" for the API's limit; None for any other message, or a limit on
    something else (a build's time)."""
    message = ctx.message
    if not _PAST_A_LIMIT.search(message):
        return None
    if (named := _limit_named(message)) is not None:
        return named
    if _TIMED.search(message):
        return None  # "what if the build takes longer than that?": a limit on time, which no count answers
    # "What happens if I go over?" names nothing: the limit is the one the question before asked about.
    return _limit_named(previous_user_text(ctx) or "")


def _limit_named(text: str) -> str | None:
    return next((limit for counted, limit in _LIMITS_NAMED if counted.search(text)), None)


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


def asks_us_to_change_plan(message: str) -> bool:
    """"Upgrade me to Business", "cancel my subscription for me": a request that the assistant make the change
    itself, which no action it has can do."""
    return bool(_ASKS_US_TO_CHANGE_PLAN.search(message)) and not CANCELS_SOMETHING_ELSE.search(message)


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


def plan_change_named(text: str) -> bool:
    """Whether a message is about moving the customer's own plan: upgrading, downgrading or cancelling it."""
    if CANCELS_SOMETHING_ELSE.search(text) or DELETING_THE_ACCOUNT.search(text):
        return False
    # "I want free", "how do I get pro?": a move to a plan named, in words that say neither up nor down.
    return bool(UPGRADING.search(text) or DOWNGRADING.search(text) or CANCELLING.search(text)
                or asks_us_to_change_plan(text) or plan_moved_to(text) is not None)


# Whether something a plan gives keeps working once the plan is smaller: "will my custom domain still work?",
# "will my team members keep access?", "do I keep my custom domain?", "will my apps go to sleep then?", "what do
# I lose?". Apps and data themselves are _FATE_OF_THINGS' (the cancellation entry says what becomes of them).
_FEATURES = (r"(?:custom\s+)?domains?|team(?:\s+members?)?|members?|teammates?|colleagues?|collaborators?|seats?"
             r"|roles?|(?:priority\s+|email\s+)?support|sla|uptime|build\s+minutes|minutes|certificates?|ssl|https")
_KEEPS_WORKING = re.compile(
    r"\b(?:still|keep|keeps|continue|continues)\s+(?:to\s+)?(?:work|working|run|running|function\w*|have\s+access"
    r"|access|be\s+(?:available|active|live|on|there))\b|\bstop\s+working\b",
    re.IGNORECASE,
)
_KEEPS_A_FEATURE = re.compile(rf"\b{_LOSE_OR_KEEP}\s+(?:my|our|the|any)\s+(?:\w+\s+){{0,2}}?(?:{_FEATURES})\b"
                              # "Will I still have custom domains?" after "how do I cancel?" (the domains guide's steps).
                              rf"|\bstill\s+(?:have|get)\s+(?:(?:my|our|the|any)\s+)?(?:\w+\s+){{0,2}}?(?:{_FEATURES})\b",
                              re.IGNORECASE)
_ASLEEP = re.compile(r"\b(?:apps?|sites?|websites?)\s+(?:\w+\s+){0,3}?(?:sleep|asleep|idle|spin\s+down)\b",
                     re.IGNORECASE)
_WHAT_IS_LOST = re.compile(
    r"\bwhat\s+(?:else\s+)?(?:do|would|will|did|am|are|\w+'d|\w+'ll)\s+(?:i|we)\s+(?:be\s+)?"
    r"(?:lo{1,2}s(?:e|ing)|give\s+up|giving\s+up|miss(?:ing)?(?:\s+out)?)\b"
    r"|\b(?:do|would|will|could)\s+(?:i|we)\s+lo{1,2}se\s+(?:anything|something|any\s+features?)\b",
    re.IGNORECASE,
)
# "Which one?", "which invoice?", "which payment was it?": asking which of the things just discussed was meant.
# Alone it names no topic ("which payment?" reads as the payment-methods entry), so it takes the one before.
# Only the whole message: "which payment methods do you accept?" asks something of its own.
_WHICH_OF_THEM = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|and|but|sorry|wait)[,\s]+)?(?:which|what)\s+(?:one|invoice|charge|payment|bill)s?"
    r"(?:\s+(?:is|was|were|do\s+you\s+mean)(?:\s+(?:it|that|this|they|charged\s+twice))?)?"
    r"(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# The people a customer brings into the account, or others a question is about. "Can they see billing?" after
# "how do I add a teammate?" asks about those people, not about the customer's own invoices. Kept in step
# with reply_account._TEAM_PEOPLE, which decides how such a question is answered; wider here (users, people,
# someone, an invite), as here it only decides which earlier question a pronoun points at.
_PEOPLE = re.compile(
    r"\b(?:team(?:\s?mates?|\s+members?)?|members?|colleagues?|co-?workers?|developers?|devs?|contractors?"
    r"|collaborators?|invitees?|invit\w*|admins?|administrators?|owners?|employees?|staff|users?|people|person"
    r"|someone|somebody|seats?)\b",
    re.IGNORECASE,
)
# "She left the company", "they quit": one of the people named before, gone from the team.
_THEY_LEFT = (r"^\W*(?:(?:well|so|because|as|yes|yeah)[,\s]+)?(?:she|he|they)(?:'s|\s+has|\s+have|'ve)?\s+(?:left|quit"
              r"|is\s+leaving|are\s+leaving|no\s+longer\s+works?|(?:was|were)\s+(?:fired|let\s+go))\b")
_SAYS_THEY_LEFT = re.compile(_THEY_LEFT, re.IGNORECASE)
# A question whose subject is a pronoun for those people: "can they see billing?", "will he get an email?",
# "what can she do?", "do they need their own account?", "can I limit what they see?". Declaratives ("they
# charged me twice", "they took my money") are not questions about people named before: "they" is us.
_ABOUT_THEM = re.compile(
    r"\b(?:can|could|will|would|do|does|did|may|might|must|should|shall|are|is|were|was|have|has|what|which)"
    r"\s+(?:they|he|she)\b"
    r"|\b(?:them|their|theirs|him|his|her)\b"
    # "How do I remove someone?" after "can I add my teammate as an admin?" (off topic at 0.56): one of those people.
    r"|\b(?:remove|delete|kick|add|invite|promote|demote|change)\s+(?:someone|somebody|a\s+(?:member|teammate|user|person)"
    r"|people|members|users)\b"
    # "She left the company" after "I need to remove a team member": one of those people, gone.
    rf"|{_THEY_LEFT}"
    # "How many can we add?" after "can they see billing?": how many of those people, named a few questions before.
    r"|\bhow\s+many\s+(?:more\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:add|invite|have)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# Thanks and goodbyes close a topic rather than continue it.
_CLOSING = re.compile(r"\b(?:thanks|thank you|thx|cheers|bye|goodbye)\b", re.IGNORECASE)
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
# "Did it work?", "has it gone through?", "did that go through?", "is it done?", "has it been processed?": whether
# what was just done took. The whole message: "did it work on staging?" asks something of its own.
_ASKS_IF_IT_WENT_THROUGH = re.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?|well|hey|hi)[\s,]+)*(?:did|has|have|is|was)\s+(?:it|that|this|the\s+refund|my\s+refund)"
    r"\s+(?:(?:been|gone|go|went|actually|all|already|finally)\s+)*"
    r"(?:work(?:ed)?|through|done|processed|sorted|complete[d]?|finished|successful|happened)"
    r"(?:\s+(?:yet|now|then|or\s+not|already))*\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# A refund the assistant named by its reference ("… sent it to a member of our staff for approval (reference
# RF-0001)", "has already been requested (reference RF-0001, $99.00)"): one asked for, which "did it work?" asks after.
_REFUND_BY_REFERENCE = re.compile(r"\brefund.*\bRF-[0-9A-Z]+\b", re.IGNORECASE | re.DOTALL)


def affirms(message: str) -> bool:
    """A go-ahead: "yes please", "please file it", "make it so", or one that names what it goes back to ("ok go
    back to the refund, please file it")."""
    if only_thanks(message):
        # "Ok thanks" to "would you like me to pass you to a person?": a thank-you, closing; it handed the conversation
        # over. "Yes thanks" still goes ahead.
        return False
    back = _BACK_TO.match(message)
    return bool(_AFFIRMATION.match(back["rest"] if back else message))


def turns_before(ctx: SupportContext, *, turns: int = 4) -> str:
    """The last few turns of the conversation, either side's, one per line: what "it" in a short request may be."""
    return "\n".join(turn.text for turn in ctx.history[-turns:])


def _earlier_user_texts(ctx: SupportContext) -> list[str]:
    """The customer's earlier messages, newest first, as far back as a follow-up looks, each read as the run that
    answered it read it ("I didn't do anything" after the lock's reason: the sign-ins were not theirs)."""
    texts, last_reply = [], ""
    for turn in ctx.history:
        if turn.role == "assistant":
            last_reply = turn.text
        elif turn.text != ctx.message:
            texts.append(with_the_lock_denied(turn.text, last_reply=last_reply))
    return texts[::-1][:TOPIC_TURNS]


def last_user_text(ctx: SupportContext) -> str | None:
    """The customer's message just before this one, as read when it was answered."""
    earlier = _earlier_user_texts(ctx)
    return earlier[0] if earlier else None


def _question_at(earlier: list[str]) -> int | None:
    """Where in `earlier` the question a follow-up leans on is: the newest message that is not itself
    a follow-up, else the oldest looked at."""
    if not earlier:
        return None
    # "Not now" / "maybe later" answers an offer, as "yes" does: the question is the one before it.
    # "Downgrade me to free instead" after "cancel my subscription" points back ("instead") but asks a plan change
    # of its own: "when does it take effect?" after it is about the downgrade.
    return next((i for i, text in enumerate(earlier)
                 if (not leans_back(text) or plan_change_named(text)) and not _DECLINE.match(text)),
                len(earlier) - 1)


def questions_before(ctx: SupportContext) -> list[str]:
    """The customer's earlier messages, newest first, as far back as a follow-up looks (TOPIC_TURNS)."""
    return _earlier_user_texts(ctx)


# "She says her account is locked", "can you unlock her?" after "my colleague can't log in": the colleague's account,
# not the customer's (whose own lock state was told, and its unlock offered).
_THEIR_ACCOUNT = re.compile(
    r"\b(?:her|his|their)\s+(?:own\s+)?(?:account|login|password|sign[\s-]?in|2fa|two[\s-]factor)\b"
    r"|\b(?:unlock|reset|help|restore)\s+(?:her|him|them)\b", re.IGNORECASE)


def asks_of_someone_elses_account(ctx: SupportContext) -> bool:
    """"Can you unlock her?" soon after a message about someone else who cannot get in: their account."""
    return bool(_THEIR_ACCOUNT.search(ctx.message)) and any(about_someone_elses_sign_in(text)
                                                           for text in questions_before(ctx))


def previous_user_text(ctx: SupportContext) -> str | None:
    """The question a follow-up leans on: the latest earlier user message that is not itself a
    follow-up ("yes please" → "how long will it take?" both lean on the question before them)."""
    earlier = _earlier_user_texts(ctx)
    at = _question_at(earlier)
    return None if at is None else earlier[at]


def last_assistant_turn(ctx: SupportContext) -> HistoryTurn | None:
    return next((t for t in reversed(ctx.history) if t.role == "assistant"), None)


def last_reply_cited(ctx: SupportContext, kind: SourceKind) -> bool:
    """Whether the assistant's last reply cited a source of this kind (an FAQ entry, a guide, an incident)."""
    last = last_assistant_turn(ctx)
    return last is not None and kind in last.cited


# "This is costing me money", "we're losing customers because of this": what a fault costs the customer's business.
_COSTS_THEM = re.compile(
    r"\bcost(?:ing|s)?\s+(?:me|us|my\s+business|our\s+business|the\s+business)\s+"
    r"(?:money|customers|sales|business|revenue|orders|clients|a\s+fortune)\b"
    r"|\b(?:los(?:ing|t|e)|losses)\s+(?:\w+\s+)?(?:money|customers|sales|business|revenue|orders|clients|users)\b",
    re.IGNORECASE)


def reports_what_the_outage_costs(ctx: SupportContext) -> bool:
    """"This is costing me money" right after a reply on an open incident: what the outage costs the customer. Read
    alone it was a refund question, and got the invoice list."""
    return bool(_COSTS_THEM.search(ctx.message)) and last_reply_cited(ctx, "incident")


def reports_what_a_fault_costs_after_a_guide(ctx: SupportContext) -> bool:
    """"We're losing customers because of this" right after a guide's steps for a fault (with no incident told): what the
    fault costs them, and nothing asked (it got the same steps again)."""
    return (bool(_COSTS_THEM.search(ctx.message)) and "?" not in ctx.message and len(ctx.message.split()) <= 12
            and last_reply_cited(ctx, "article") and not last_reply_cited(ctx, "incident"))


def last_assistant_text(ctx: SupportContext) -> str:
    last = last_assistant_turn(ctx)
    return "" if last is None else last.text


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


# "If my payment fails", "when my plan ends", "after the trial": a condition the fate of the things hangs on.
_ON_A_CONDITION = re.compile(r"\b(?:if|when|whenever|after|once|because|unless|during|while|since)\b", re.IGNORECASE)
# What the help centre's entries on cancelling and deleting speak of: apps and data, not invoices.
_APPS_OR_DATA = re.compile(r"\b(?:apps?|applications?|data|sites?|websites?|projects?|databases?|files|everything)\b",
                           re.IGNORECASE)
# "Is my data safe?", "is my data kept in europe?" ask how and where it is kept (the entry on where data is stored,
# GDPR), not what would end it.
_KEPT_FROM_HARM = re.compile(r"\b(?:safe|secure|protected|private|encrypted|backed\s+up|where)\b"
                             r"|\b(?:kept|stored|held|hosted|located)\s+(?:in|on|at|outside|within)\b", re.IGNORECASE)
# Asked ahead, not told: "will I lose my apps?", "what happens to my data?"; not "I lost my data", a mishap.
_ASKED_AHEAD = re.compile(r"\b(?:will|would|what\s+(?:happens|will\s+happen)|do\s+i|does|are|is|gets?)\b",
                          re.IGNORECASE)


def asks_what_becomes_of_them_alone(message: str) -> bool:
    """"What happens to my data?", "will I lose my apps?" with nothing said of what would end them: no cancelling,
    deleting or downgrading named, and no condition ("if my payment fails")."""
    ending_named = (CANCELLING, DELETING_THE_ACCOUNT, DOWNGRADING, _ON_A_CONDITION, _KEPT_FROM_HARM)
    return (len(message.split()) <= 2 * MAX_WORDS and asks_what_becomes_of(message)
            and bool(_APPS_OR_DATA.search(message)) and bool(_ASKED_AHEAD.search(message))
            and not any(pattern.search(message) for pattern in ending_named))


def asks_what_becomes_of(message: str) -> bool:
    """"Will I lose my apps?", "what happens to my data?": what follows for the customer's apps or data
    from something the conversation is about."""
    return bool(_FATE_OF_THINGS.search(message)) and not _HOW_TO.search(message)


# "I'm on pro", "we're on the business plan", "I have pro": the customer's plan, said to the question before it ("why
# is my app slow?"), which it narrows as "and for pro?" does (asked_of_a_plan); alone it asks nothing.
_STATES_OWN_PLAN = re.compile(
    r"^\W*(?:(?:but|and|well|fyi|btw|ok(?:ay)?|yes|no)[,\s]+)?(?:(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+(?:on|using)"
    r"|(?:i|we)\s+(?:have|pay\s+for))\s+(?:the\s+)?(?P<plan>free|pro|business)(?:\s+(?:plan|tier))?"
    # "We're on business though" after the 429 guide ("I don't have a guide on that").
    r"(?:\s+(?:though|already|anyway|actually|now|btw|fyi|by\s+the\s+way))?\W*$",
    re.IGNORECASE)


def states_own_plan(message: str) -> bool:
    """"I'm on pro", "we're on business though": the customer's plan, said of the question before."""
    return bool(_STATES_OWN_PLAN.match(message))


# "What does that include?", "what's included?" right after a reply that named one plan ("You're on the Pro plan at $29.00
# a month"): that plan's contents (the help centre's entry on Free answered, for "include").
_ASKS_WHAT_THAT_INCLUDES = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:what\s+(?:does|do|would|will)\s+(?:that|it|this)(?:\s+plan)?\s+(?:include|come\s+with"
    r"|cover|give\s+(?:me|us))|what(?:'s|\s+is)\s+included(?:\s+in\s+(?:that|it|this)(?:\s+plan)?)?)\s*[?.!]*\s*$",
    re.IGNORECASE)
_PLAN_TOLD = re.compile(r"\b(?:on|to)\s+the\s+(Free|Pro|Business)\s+plan\b")


def plan_meant_by_that(ctx: SupportContext) -> str | None:
    """The plan "what does that include?" asks of: the one plan the last reply named; None for another message, or
    when the last reply named none or several."""
    if not _ASKS_WHAT_THAT_INCLUDES.match(ctx.message):
        return None
    named = set(_PLAN_TOLD.findall(last_assistant_text(ctx)))
    return named.pop().lower() if len(named) == 1 else None


def asks_what_to_do(message: str) -> bool:
    """"What should I do?", "now what?": what to do about what was just said, and nothing else."""
    return _ASKS_WHAT_TO_DO.match(message) is not None


def leans_back(message: str) -> bool:
    """Short, and pointing back ("is it fixed yet?") or saying yes; not a thank-you or a goodbye."""
    if _CLOSING.search(message):
        return False
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
    return (affirms(message) or bool(_DECLINE.match(message)) or bool(_POINTS_BACK.search(message))
            or bool(_BY_EMAIL_ALONE.match(message))
            or asks_which_of_them(message) or asks_a_detail(message) or asks_about_staff_review(message)
            or asks_the_limit(message) or bool(_ASKS_WHY.match(message)) or asks_what_it_costs(message)
            or asks_for_more(message) or denies_doing_it(message))


# "What's your uptime?", "whats the uptime been this month?", "was there downtime this week?": how the service has
# been available. "My app has downtime every night" is the customer's own app, which the service's uptime does not
# answer.
# "An SLA report for last month", "uptime stats": the figures for a period, asked for.
_UPTIME_REPORT = re.compile(r"\b(?:sla|uptime|availability)\s+(?:reports?|figures?|stats|statistics|numbers|history)\b",
                            re.IGNORECASE)
# "Is northwind reliable?", "how reliable are you?", "your reliability": the same, asked in other words ("not enough
# information").
_RELIABILITY = (r"\b(?:how\s+)?(?:reliable|stable)\s+(?:are\s+you|is\s+(?:northwind|the\s+service|your\s+(?:service|platform"
                r"|hosting)))\b|\b(?:is|are)\s+(?:northwind|you|you\s+guys|your\s+(?:service|platform|hosting))\s+(?:\w+\s+)?"
                r"(?:reliable|stable)\b|\b(?:your|northwind'?s?)\s+(?:reliability|stability)\b")
_UPTIME = re.compile(rf"\b(?:uptime|downtime|down\s+time)\b|{_UPTIME_REPORT.pattern}|{_RELIABILITY}", re.IGNORECASE)
_NAMES_OWN_APP = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:apps?|sites?|websites?|apis?|services?|servers?)\b",
                            re.IGNORECASE)


def asks_about_uptime(message: str) -> bool:
    """Whether a message asks how available the service has been (its uptime or downtime), not of its own app."""
    return bool(_UPTIME.search(message)) and not _NAMES_OWN_APP.search(message)


# How the refund part refuses a charge past the window (reply_refunds.py); and the words that argue with a refusal.
REFUSED_FOR_THE_WINDOW = "refund window, so I can't refund it"
# "I didn't use it", "we never used the plan": a refund argued for as unused (the refund part hears the reason).
SAYS_IT_WENT_UNUSED = re.compile(
    r"\b(?:didn'?t|did\s+not|never|haven'?t|have\s+not|hasn'?t|has\s+not)\s+(?:even\s+|really\s+)?(?:been\s+)?used?\b"
    # "But we barely used it", "I only used it once": little use, the same reason given.
    r"|\b(?:barely|hardly|rarely|scarcely|never\s+really)\s+(?:even\s+)?(?:used|use|touched)\b"
    r"|\bonly\s+used\s+(?:it|them|the\s+\w+)\s+(?:once|twice|a\s+(?:few|couple\s+of)\s+times|for\s+(?:a|one)\s+(?:day|week))\b",
    re.IGNORECASE)
_PUSHES_BACK = re.compile(r"\b(?:why\s+not|why\s+can'?t|why\s+cannot|why\s+can\s+not|come\s+on|only|exception|unfair"
                          r"|not\s+fair|seriously|really|but|just\s+this\s+once|please)\b"
                          rf"|{SAYS_IT_WENT_UNUSED.pattern}", re.IGNORECASE)
_NAMES_AN_INVOICE = re.compile(r"\bNW-?\d+\b", re.IGNORECASE)


def _refused_for_the_window_lately(ctx: SupportContext) -> bool:
    """Whether the last reply, or the one before (when the last said it would be the same), refused a refund for its
    window."""
    return any(REFUSED_FOR_THE_WINDOW in text for text in assistant_texts(ctx)[:2])


def pushes_back_on_a_refund_refused(ctx: SupportContext) -> bool:
    """"Why not?", "come on, it's only $29" soon after a refund was refused for its window (the last reply, or the one
    before when the last said it would be the same): an argument with the refusal, naming no other charge."""
    return (_refused_for_the_window_lately(ctx) and len(ctx.message.split()) <= 2 * MAX_WORDS and bool(_PUSHES_BACK.search(ctx.message))
            and not _NAMES_AN_INVOICE.search(ctx.message) and not _answers_the_offer(ctx.message))


# "Ok what about september?", "and the one from november?": another month's charge, named alone.
_ANOTHER_MONTH = re.compile(
    rf"^\W*(?:(?:ok(?:ay)?|and|so|well|fine|then)[,\s]+)*(?:(?:what|how)\s+about|and)?\s*(?:the\s+)?(?:(?:one|invoice|charge"
    rf"|payment)\s+(?:from|for|in)\s+)?(?:{MONTH})(?:'?s)?(?:\s+(?:one|invoice|charge|payment))?(?:\s+then)?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_of_another_month_after_a_refund_refused(ctx: SupportContext) -> bool:
    """"Ok what about september?" soon after a refund was refused for its window: that month's charge refunded (it got
    "I don't have a guide on that" with the invoice beside it)."""
    return _refused_for_the_window_lately(ctx) and bool(_ANOTHER_MONTH.match(ctx.message))


_INVOICE_TOLD = re.compile(r"\b[Ii]nvoice NW-\d+\b")


def asks_of_another_months_invoice(ctx: SupportContext) -> bool:
    """"And september?" right after a reply about one invoice ("I need a receipt for october"): that month's invoice (it
    got the scope reply; after "show me my october invoice" the label read billing)."""
    return bool(_ANOTHER_MONTH.match(ctx.message)) and bool(_INVOICE_TOLD.search(last_assistant_text(ctx)))


def says_what_looks_wrong(ctx: SupportContext) -> bool:
    """"The amount", "it should be $19", "NW-1002, the price" right after being asked what looks wrong on an invoice: the
    answer to that, in a few words, asking nothing new."""
    last = last_assistant_text(ctx)
    return ((WHAT_LOOKS_WRONG in last or INVOICE_NOT_CHANGED in last) and len(ctx.message.split()) <= MAX_WORDS
            and not _ASKS_ANEW.match(ctx.message) and not _answers_the_offer(ctx.message)
            and not _CLOSING.search(ctx.message))


def _answers_the_offer(message: str) -> bool:
    """"Yes please", "no thanks": a yes or a no to the person (or anything) the last reply offered, not what the rules
    that read a short reply to it take it for."""
    return affirms(message) or bool(_DECLINE.match(message))


# A question of its own: "how do I …", "can I …", "what is …".
_ASKS_ANEW = re.compile(r"^\W*(?:how|can|could|what|where|when|why|who|is|are|do|does|will|would)\b", re.IGNORECASE)


def asks_for_an_uptime_report(message: str) -> bool:
    """Whether a message asks for the service's uptime figures for a period ("I need an SLA report for last month")."""
    return bool(_UPTIME_REPORT.search(message))


# "Is that per month?", "per year?", "monthly or yearly?" right after a price: the period the price said is for.
_ASKS_THE_PRICES_PERIOD = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|wait)[,\s]+)?(?:(?:is|was|are)\s+(?:that|it|this|those|these)\s+|that'?s\s+|it'?s\s+)?"
    r"(?:per|a|each|every|by\s+the|billed|charged|paid)?\s*(?P<period>month|monthly|year|yearly|annual|annually)\b"
    r"(?:\s+or\s+(?:per\s+|a\s+)?\w+)?\W*$", re.IGNORECASE)
# A plan's price a month as the replies give it: "Pro ($29.00 a month)", "**Business** at $99/month", "Pro plan at $29.00
# a month".
_PRICE_A_MONTH = re.compile(r"\b(?:\*\*)?(?P<plan>Free|Pro|Business)(?:\*\*)?(?:\s+plan)?\s+(?:at\s+|\()\$(?P<amount>[\d,.]+)"
                            r"(?:/month|\s+a\s+month)", re.IGNORECASE)
# And as the records of an invoice put it: "NW-1003, at $29.00, the Pro plan's price a month".
_PLANS_PRICE_A_MONTH = re.compile(r"\$(?P<amount>[\d,.]+), the (?P<plan>Free|Pro|Business) plan's price a month",
                                  re.IGNORECASE)


def period_of_the_prices_said(ctx: SupportContext) -> tuple[str, dict[str, str]] | None:
    """"Is that per month?" right after a reply that gave plans' prices: the period asked ("month", "year"), and the
    prices the reply gave a month, by plan; None for any other message, or after a reply with no price."""
    asked = _ASKS_THE_PRICES_PERIOD.match(ctx.message)
    if asked is None:
        return None
    last = last_assistant_text(ctx)
    said = {m["plan"].capitalize(): m["amount"]
            for pattern in (_PRICE_A_MONTH, _PLANS_PRICE_A_MONTH) for m in pattern.finditer(last)}
    return (asked["period"].lower(), said) if said else None


def asks_about_staff_review(message: str) -> bool:
    """"How long will approval take?", "when will staff look at it?", "is it approved yet?": the wait for a
    member of staff to approve or look at what was sent to them. Only a short question: a long one names
    what it asks about itself."""
    return len(message.split()) <= 2 * MAX_WORDS and bool(_ASKS_ABOUT_STAFF_REVIEW.search(message))


def asks_if_it_went_through(message: str) -> bool:
    """"Did it work?", "has it gone through?", "is it done?": whether what was just done took."""
    return bool(_ASKS_IF_IT_WENT_THROUGH.match(message))


# What the assistant says when it did something on the account (workers/actions.describe_actions, and the account
# part starting an unlock): a refund or an unlock done, sent to staff, or that failed.
_SAYS_IT_DID_SOMETHING = re.compile(
    r"\bI've\s+(?:refunded|unlocked|sent\s+it\s+to\s+a\s+member|asked\s+them\s+to\s+do\s+it)"
    r"|\bI'll\s+start\s+the\s+unlock\b|\bI\s+couldn't\s+(?:record\s+the\s+refund|unlock)\b"
    r"|\byour\s+account\s+is\s+unlocked\b",
    re.IGNORECASE,
)


def asks_if_it_worked_with_nothing_done(ctx: SupportContext) -> bool:
    """"Did it work?" as a first message, or after answers that did nothing (no refund, no unlock): it asks after
    something the customer did, or thinks was done, that this chat knows nothing of. Not "did my refund go
    through?", which names what it asks after (the refund part looks it up)."""
    if not asks_if_it_went_through(ctx.message) or re.search(r"\brefund", ctx.message, re.IGNORECASE):
        return False
    return not refund_named_before(ctx) and not any(_SAYS_IT_DID_SOMETHING.search(t) for t in assistant_texts(ctx))


def refund_named_before(ctx: SupportContext) -> bool:
    """Whether one of the assistant's last few turns named a refund by its reference (one asked for: filed, or
    where it stands)."""
    return any(_REFUND_BY_REFERENCE.search(text) for text in assistant_texts(ctx)[:OFFER_LOOKBACK_TURNS])


def asks_after_a_refund(ctx: SupportContext) -> bool:
    """A question with no topic of its own that asks after a refund: how long staff take to approve one ("how
    long will approval take?", "when will staff look at it?": with no other topic found, a refund is what it asks
    after, or that none is waiting; an unlock's account topic stands, read before this), or whether the refund just
    named went through ("did it work?", "has it gone through?"). "Did it work?" after anything else asks after that."""
    if asks_about_staff_review(ctx.message):
        return True
    return asks_if_it_went_through(ctx.message) and refund_named_before(ctx)


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


_HOW_MUCH_ALONE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+much(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
                             re.IGNORECASE)


def asks_the_amount_of_the_renewal(ctx: SupportContext) -> bool:
    """"How much?" right after the next renewal was told: its amount. Alone, "how much" found the plans' prices, which
    the FAQ shortcut sent (after anything else, that is still the answer)."""
    return bool(_HOW_MUCH_ALONE.match(ctx.message)) and RENEWAL_TOLD in last_assistant_text(ctx)


_OWN_PLAN_SAID = re.compile(r"\bYou're on the (?:Free|Pro|Business) plan\b[^.]*\.")


def plans_priced_asked(ctx: SupportContext) -> list[str]:
    """"How much?" right after a reply that named plans ("Custom domains are on Pro and Business"): those plans, in the
    order named ("Pro", "Business"); none for another message, or after the next renewal (its amount is asked)."""
    last = last_assistant_text(ctx)
    # "How much would that cost?" after "Custom domains are on Pro and Business … you'd need to move": those plans'
    # prices (the custom domains guide again); after asking to move, what the move costs is the move's (writer.py).
    costs = asks_what_it_costs(ctx.message) and not plan_change_named(previous_user_text(ctx) or "")
    if not (_HOW_MUCH_ALONE.match(ctx.message) or costs) or RENEWAL_TOLD in last:
        return []
    # "You're on the Free plan, so you'd need to move to Pro or Business first" names the customer's own, not one asked.
    named = _OWN_PLAN_SAID.sub("", last)
    return list(dict.fromkeys(name.capitalize() for name in re.findall(r"\b(Free|Pro|Business)\b", named)))


def asks_for_more(message: str) -> bool:
    """"How do I get more?", "we need more": more of what was just discussed, naming nothing of its own."""
    return bool(_ASKS_FOR_MORE.match(message))


# "I hit the limit, what now?", "we've reached it": the limit just given, run into, naming nothing of its own (the API
# rate limits' guide answered it after the deploys' limit, for "limit").
_HIT_THE_LIMIT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|but|well)[,\s]+)?(?:i|we)(?:'ve|\s+have|\s+already|\s+just|\s+keep)?\s+"
    r"(?:hit(?:ting)?|reach(?:ed|ing)?|exceed(?:ed|ing)?|r[au]n\s+into|maxed\s+out|used\s+up)\s+"
    r"(?:it|that|them|the\s+(?:limit|cap|max(?:imum)?|quota)|my\s+(?:limit|quota)|our\s+(?:limit|quota))(?:\s+(?:already|today|again))?"
    r"(?:[,.;!?\s]+(?:so\s+)?(?:what\s+now|now\s+what|what\s+(?:do|can|should)\s+(?:i|we)\s+do(?:\s+now)?|help))?\W*$",
    re.IGNORECASE)


def says_it_hit_the_limit(message: str) -> bool:
    """"I hit the limit, what now?": the limit just given, run into."""
    return bool(_HIT_THE_LIMIT.match(message))


# "What happens if we go over?" right after 429s: past the limit of what the question before was about, which the entry
# stating that limit says ("above that it answers HTTP 429"; the scope reply came).
_ASKS_PAST_THE_LIMIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?what\s+(?:happens|would\s+happen)\s+(?:if|when)\s+(?:i|we|my\s+app|our\s+app)\s+"
    r"(?:go|goes)\s+(?:over|above)(?:\s+(?:it|that|the\s+limit))?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_the_limit(message: str) -> bool:
    """"Whats the limit for business?", "what happens if we go over?" after a 429: the limit of what the question before
    was about."""
    return bool(_ASKS_THE_LIMIT.match(message) or _ASKS_PAST_THE_LIMIT.match(message))


def asks_the_limit_of_the_topic(ctx: SupportContext) -> bool:
    """"Whats the limit for business?" after "i get a 429 error": the limit of what the question before was
    about. After a question about the plans themselves ("what does pro include?") it asks what the plan allows,
    which the plan's list says."""
    if not asks_the_limit(ctx.message):
        return False
    before = previous_user_text(ctx)
    return before is not None and not _PLAN_NAMED.search(before) and not WHICH_PLANS.search(before)


def asks_which_of_them(message: str) -> bool:
    """"Which one?", "which invoice?": which of the things the turn before spoke of was meant."""
    return bool(_WHICH_OF_THEM.match(message))


def says_they_left(message: str) -> bool:
    """"She left the company": a person named by a pronoun, said to have left."""
    return bool(_SAYS_THEY_LEFT.match(message))


def asks_about_people_before(ctx: SupportContext) -> bool:
    """A short question about "them" ("can they see billing?") soon after a question that names people ("how do I add
    a teammate?", then "what roles are there?"): about those people, so in that question's topic even when alone it
    reads surely as another ("billing"). With no such question in the last few, it stands alone."""
    return people_named_before(ctx) is not None


def people_named_before(ctx: SupportContext) -> str | None:
    """The earlier question that named the people a short question about "them" asks about (asks_about_people_before),
    or None."""
    if _CLOSING.search(ctx.message) or len(ctx.message.split()) > MAX_WORDS or not _ABOUT_THEM.search(ctx.message):
        return None
    return next((text for text in _earlier_user_texts(ctx)[:TOPIC_TURNS] if _PEOPLE.search(text)), None)


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


# How the assistant asks an offer again in words, after a sign or a "what?" that may only mean "seen" (frustration's
# replies): the offer re-asked is the turn before it.
ASIDE_AFTER_SIGN = "Just to be sure before I do anything:"
ASIDE_AFTER_UNCLEAR = "Sorry if that wasn't clear. Nothing has been done yet:"


def offer_in_question(ctx: SupportContext) -> str:
    """The turn a go-ahead answers (offer_answered), with the turn it asked again when it was such an aside: after
    "ok" and "Just to be sure …: tell me if you'd like me to ask for it", a "yes" accepts the refund offered before."""
    answered = offer_answered(ctx)
    if not answered.startswith((ASIDE_AFTER_SIGN, ASIDE_AFTER_UNCLEAR)):
        return answered
    said = assistant_texts(ctx)
    return "\n".join(said[:2]) if said and said[0] == answered else answered


def assistant_texts(ctx: SupportContext) -> list[str]:
    """The assistant's turns, newest first."""
    return [t.text for t in reversed(ctx.history) if t.role == "assistant"]


# "Ok fine", "fine", "alright then": heard, as "ok" is (the refund's state came again, or the scope reply).
_BARE_OK = re.compile(r"^\W*(?:ok(?:ay)?|k|alright|all\s+right|fine|got\s+it|i\s+see|understood|noted)"
                      r"(?:[\s,]+(?:fine|then|cool))?[\s.!]*$", re.IGNORECASE)


def says_only_ok(message: str) -> bool:
    """"Ok", "alright", "got it": the last reply heard, nothing asked."""
    return bool(_BARE_OK.match(message))


def offer_answered(ctx: SupportContext) -> str:
    """The assistant's turn a go-ahead answers. Usually the last one; after "not now" ("ok actually do it") the
    one that turn declined; with the offer named ("go back to the refund, please file it"), the newest of the
    last few turns that speaks of what is named. Only then: a bare "yes" two turns on agrees to nothing."""
    said = assistant_texts(ctx)
    if not said:
        return ""
    back = _BACK_TO.match(ctx.message)
    if back is not None:
        named = back["named"].lower().rstrip("s")
        return next((text for text in said[:OFFER_LOOKBACK_TURNS] if named in text.lower()), said[0])
    earlier = _earlier_user_texts(ctx)
    if len(said) > 1 and earlier and _DECLINE.match(earlier[0]) and _CHANGES_MIND.search(ctx.message):
        return said[1]
    return said[0]


def accepts_offer(ctx: SupportContext, offer: str) -> bool:
    """"Yes please" to the assistant's offer of `offer` (in the turn offer_answered finds). A bare "ok" to an offer made
    only for a case ("If the dashboard shows you another plan, … I can pass you to a person") says it was heard: it
    handed the conversation over."""
    answered = offer_answered(ctx)
    if not affirms(ctx.message) or offer not in answered:
        return False
    return not (says_only_ok(ctx.message) and re.search(rf"(?:^|[.!?]\s+)If\b[^.!?]*{re.escape(offer)}", answered))


def asks_what_a_smaller_plan_keeps(message: str) -> bool:
    """"Will my custom domain still work?", "what do I lose?": whether what a plan gives carries on, a
    question about a move to a smaller plan when it follows one. Not a how-to ("how do I keep my domain
    working?")."""
    if _HOW_TO.search(message):
        return False
    return any(p.search(message) for p in (_KEEPS_WORKING, _KEEPS_A_FEATURE, _ASLEEP, _WHAT_IS_LOST))


def asks_what_lost_in_general(message: str) -> bool:
    """"What do I lose?": everything a smaller plan lacks, not one thing."""
    return bool(_WHAT_IS_LOST.search(message))


# Our plans by name, cheapest first.
_PLANS_CHEAPEST_FIRST = ("free", "pro", "business")
# "We'd like to move to the pro plan", "drop down to pro": a move by the plan's name. service_terms.plan_moved_to reads
# "put me on", "switch my plan to" too, but not "drop": the FAQ search reads its moves, so it is not widened for this.
_MOVES_TO_A_NAMED_PLAN = re.compile(
    r"\b(?:move|moving|switch|switching|go|going|change|changing|drop|dropping)\s+(?:back\s+|down\s+)*to\s+(?:the\s+)?"
    r"(?P<plan>free|pro|business)\b", re.IGNORECASE)


def _names_a_move_to_a_smaller_plan(text: str, ctx: SupportContext) -> bool:
    """"We'd like to move to the pro plan" from Business: a move by the plan's name, down from the customer's."""
    if ctx.customer is None or (moved := _MOVES_TO_A_NAMED_PLAN.search(text)) is None:
        return False
    own = ctx.customer.plan.lower()
    return own in _PLANS_CHEAPEST_FIRST and (
        _PLANS_CHEAPEST_FIRST.index(moved["plan"].lower()) < _PLANS_CHEAPEST_FIRST.index(own))


def lost_in_a_move_up(ctx: SupportContext) -> str | None:
    """"What will I lose?" right after "I want to switch to the business plan" from Pro: what the plan above has over the
    customer's ("what does business have over pro?"), which says nothing is lost (it got the invoice list); None
    otherwise."""
    if ctx.customer is None or not asks_what_lost_in_general(ctx.message):
        return None
    own = ctx.customer.plan.lower()
    moved = _MOVES_TO_A_NAMED_PLAN.search(previous_user_text(ctx) or "")
    if moved is None or own not in _PLANS_CHEAPEST_FIRST:
        return None
    to = moved["plan"].lower()
    return f"what does {to} have over {own}?" if _PLANS_CHEAPEST_FIRST.index(to) > _PLANS_CHEAPEST_FIRST.index(own) else None


def asks_what_an_upgrade_loses(ctx: SupportContext) -> bool:
    """"Will I lose anything?" after "how do I upgrade?": what a move to a bigger plan takes away (the scope reply)."""
    if not asks_what_a_smaller_plan_keeps(ctx.message) or DOWNGRADING.search(ctx.message) or CANCELLING.search(
            ctx.message):
        return False
    return speaks_of_an_upgrade(ctx)


def asks_of_sleep_after_an_upgrade(ctx: SupportContext) -> bool:
    """"Will my app stop sleeping right away?" after "I want to upgrade to pro": what the upgrade does to sleeping apps
    (it got the scaling guide's steps)."""
    return (bool(_SLEEPING_APPS.search(ctx.message)) and speaks_of_an_upgrade(ctx)
            and not _HOW_TO.search(ctx.message))


_SLEEPING_APPS = re.compile(r"\b(?:apps?|sites?|websites?)\b[^.?!]{0,30}?\b(?:sleep|sleeps|sleeping|asleep)\b", re.IGNORECASE)


def speaks_of_an_upgrade(ctx: SupportContext) -> bool:
    """Whether the message, or the question it follows, names an upgrade ("how do I upgrade?" then "will I lose my
    apps?")."""
    return any(UPGRADING.search(text) for text in (ctx.message, previous_user_text(ctx) or ""))


def move_to_smaller_plan(ctx: SupportContext) -> str | None:
    """"cancel" or "downgrade": what the customer's message before asked for, when this one asks what the
    smaller plan keeps; None otherwise. Deleting the account is not a move to a plan: what it removes is the
    deletion entry's."""
    # "What about team members?" after "will I lose my SLA?": that question, of the members, and the move before it.
    asked = fate_asked_of_other_things(ctx) or ctx.message
    if not asks_what_a_smaller_plan_keeps(asked):
        return None
    if (ctx.customer is not None and not ctx.customer.plan_price
            and re.search(rf"\b{re.escape(ctx.customer.plan)}\b", asked, re.IGNORECASE)):
        # "Do free apps go to sleep?" from Carol, on Free, after "how do I cancel?": asked of the plan she is on, which
        # no cancellation moves her to (it got "no move to Free to make").
        return None
    # "What do I lose if I downgrade to Pro?" names the move itself; "what do I lose?" leans on the one before, and
    # "what about team members?" on the question before that one too.
    texts = [asked, previous_user_text(ctx) or ""]
    if asked != ctx.message and texts[1] in (earlier := _earlier_user_texts(ctx)):
        texts += earlier[earlier.index(texts[1]) + 1:][:1]
    for text in texts:
        if DELETING_THE_ACCOUNT.search(text):
            return None
        if DOWNGRADING.search(text) or _names_a_move_to_a_smaller_plan(text, ctx):
            return "downgrade"
        if CANCELLING.search(text):
            return "cancel"
    return None


def asks_what_ending_does(ctx: SupportContext) -> bool:
    """"Will I lose my apps?" right after asking how to cancel, to downgrade or to delete the account, or "will my custom
    domain still work?" right after asking to cancel or downgrade: a follow-up, though nothing in it points
    back. Asked after anything else ("my deploy failed"), it stands alone."""
    if move_to_smaller_plan(ctx) is not None:
        return True
    if not asks_what_becomes_of(ctx.message):
        return False
    previous = previous_user_text(ctx) or ""
    return bool(CANCELLING.search(previous) or DELETING_THE_ACCOUNT.search(previous) or DOWNGRADING.search(previous))


def asks_what_cancelling_does(message: str) -> bool:
    """"Will you delete my data if I cancel?", "will I lose my apps if I cancel?": what cancelling the plan, named
    in the question itself, does to apps or data. Not deleting the account, which its own entry answers."""
    return (asks_what_becomes_of(message) and bool(CANCELLING.search(message))
            and not CANCELS_SOMETHING_ELSE.search(message) and not DELETING_THE_ACCOUNT.search(message))


def with_topic(ctx: SupportContext) -> str:
    """The message, preceded by the question it follows when it is a follow-up, and by the follow-ups
    in between that say more than yes ("my invoice is wrong" / "the one from november" / "why is it
    $29?": the month is in the middle one)."""
    if not leans_back(ctx.message) and not asks_what_ending_does(ctx) and not asks_about_people_before(ctx):
        return ctx.message
    earlier = _earlier_user_texts(ctx)
    at = _question_at(earlier)
    if at is None:
        return ctx.message
    between = [text for text in reversed(earlier[:at]) if not affirms(text) and not _DECLINE.match(text)]
    return "\n".join([earlier[at], *between, ctx.message])


# "And for pro?", "what about on business", "how about the free plan?": the question before, asked again of
# another plan. Nothing else in the message: "and pro features?" names what it asks itself.
_ANOTHER_PLAN = re.compile(
    r"^\s*(?:(?:and|what\s+about|how\s+about|also|ok(?:ay)?|so)[,\s]*(?:(?:for|on|with|in)\s+)?"
    # "For the business plan" after "what is the price?": the same question, asked of that plan.
    r"|(?:for|on|with|in)\s+)(?:the\s+)?"
    r"(?P<plan>free|pro|business)(?:\s+(?:plan|tier))?(?:\s+(?:then|too|instead))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "The business plan", "my pro plan" after "I'd like to cancel": the plan the question before is asked of, named alone.
_PLAN_ALONE = re.compile(
    r"^\W*(?:(?:the|my|our)\s+)?(?P<plan>free|pro|business)\s+(?:plan|tier|subscription|one)\W*$"
    r"|^\W*(?:the|my|our)\s+(?P<alone>free|pro|business)\W*$", re.IGNORECASE)
# "To free", "to the pro plan" after "I want to downgrade": where the move asked before goes.
_TO_A_PLAN = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|so|i\s+mean)[,\s]+)?to\s+(?:the\s+)?(?P<to>free|pro|business)"
                        r"(?:\s+(?:plan|tier|one))?(?:\s+please)?\W*$", re.IGNORECASE)
# "What plans do you have?", "wat plans r there", "which tiers do you offer": the plans on offer, however spelt.
WHICH_PLANS = re.compile(r"\b(?:what|wat|wot|which|wich)\s+(?:plans|tiers|subscriptions)\s+(?:do|does|are|r|have|is"
                         r"|can|exist|you|u|ya|there)\b", re.IGNORECASE)
_PLAN_NAMED = re.compile(r"\b(?:free|pro|business)\b(?:\s+(?:plan|tier)\b)?", re.IGNORECASE)
# The customer's own plan, asked about: "what plan am I on?", "what's my plan?". Of another plan it asks
# what that plan is: its price and what it includes.
_OWN_PLAN_ASKED = re.compile(r"\b(?:my|i'?m|i\s+am|am\s+i|we'?re|are\s+we)\b[^?.!]{0,20}\b(?:plan|tier|subscription)\b"
                             r"|\b(?:plan|tier)\s+(?:am\s+i|are\s+we|i'?m|we'?re)\s+on\b", re.IGNORECASE)


# "Is it worth it?", "would that be worth the money?", "worth it?": whether what was just compared is worth it,
# naming nothing of its own. Not "is business worth it?", which names its plan, nor "is it worth upgrading to pro?".
_ASKS_IF_WORTH_IT = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:(?:is|would|will)\s+(?:it|that|this|the\s+upgrade)\s+"
    r"(?:really\s+|even\s+)?(?:be\s+)?)?worth\s+(?:it|the\s+(?:extra\s+)?(?:money|price|cost))"
    r"(?:\s+(?:for\s+(?:me|us|my\s+\w+|our\s+\w+)))?(?:\s+(?:then|though))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "Which one would you recommend for a small startup?", "which is better for us?", "what would you suggest?" after two
# plans compared: which of the two to choose, which is what the dearer adds (it was turned away as off topic at 0.84).
_ASKS_WHICH_TO_CHOOSE = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:(?:which|what)(?:\s+(?:one|plan|of\s+(?:them|the\s+two|those)))?\s+"
    r"(?:(?:would|do|should|can|could)\s+(?:you|i|we)\s+(?:recommend|suggest|advise|choose|pick|get|take|go\s+(?:for|with))"
    r"|is\s+(?:better|best|right|the\s+(?:better|best|right)\s+(?:one|choice|fit)))"
    r")(?:\s+(?:for|to)\s+(?:me|us|my|our|a|an)\b[^?.!]{0,40})?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def _worth_of_the_plans_compared(ctx: SupportContext) -> str | None:
    """"Is it worth it?" (or "which one would you recommend?") after "what is the price difference between pro and
    business": whether the dearer of the
    two plans that question named is worth it over the other ("is business worth it over pro?"), which the
    comparison answers from the plans' lists. None for any other message, or when the question before named
    not exactly two plans."""
    if not (_ASKS_IF_WORTH_IT.match(ctx.message) or _ASKS_WHICH_TO_CHOOSE.match(ctx.message)):
        return None
    before = previous_user_text(ctx) or ""
    named = {plan.split()[0].lower() for plan in _PLAN_NAMED.findall(before)}
    if len(named) != 2:
        return None
    lower, higher = sorted(named, key=_PLANS_CHEAPEST_FIRST.index)
    return f"is {higher} worth it over {lower}?"


# "What's the catch?", "any downsides?" after a question about one plan ("do you have a free plan?"): what that plan
# leaves out, which the plan above it adds (it was turned away as off topic).
_ASKS_THE_CATCH = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what'?s|whats|what\s+is|is\s+there|are\s+there|any)\s+(?:a\s+|the\s+)?"
    r"(?:catch|downsides?|drawbacks?|limitations?)(?:\s+(?:then|though|to\s+it|with\s+it))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# "Is it free?", "are you free?", "is northwind free to use?": whether using us costs nothing, which the Free plan
# answers.
_ASKS_IF_FREE = re.compile(
    r"^\W*(?:is\s+(?:it|this|that|northwind(?:\s+cloud)?|the\s+service)|are\s+you)\s+(?:really\s+)?free\b"
    r"|\bfree\s+to\s+use\b", re.IGNORECASE)


# "And how is it different from free?", "how does it compare to business?", "what's the difference with pro?": the plan
# just asked about, set against another.
_COMPARED_WITH = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+(?:is|does)\s+(?:it|that|this)\s+(?:differ|different|compare)\w*"
    r"\s+(?:from|to|with)|what'?s\s+the\s+difference\s+(?:with|from|to)|(?:is\s+it\s+)?better\s+than|vs\.?|versus)\s+"
    r"(?:the\s+)?(?P<plan>free|pro|business)\b(?:\s+(?:plan|tier))?\W*$", re.IGNORECASE)


# "What's included in pro that I don't have?", "what would business give us that we don't get?": the plan named, set
# against the customer's own.
_MORE_THAN_OWN = re.compile(
    r"\b(?:in|with|on)\s+(?:the\s+)?(?P<plan>pro|business)\b(?:\s+(?:plan|tier))?[^.?!]{0,20}?\b(?:that|which)\s+(?:i|we)\s+"
    r"(?:don'?t|do\s+not)\s+(?:have|get|already\s+have)\b"
    r"|\b(?P<plan2>pro|business)\s+(?:give|get|offer)s?\s+(?:me|us)\s+(?:that|which)\s+(?:i|we)\s+(?:don'?t|do\s+not)\b",
    re.IGNORECASE)


def _compared_with_the_plan_asked(ctx: SupportContext) -> str | None:
    """"And how is it different from free?" after "what does pro include?": the two plans compared; "what's in pro that I
    don't have?" the customer's own plan against it. None for any other message, or when the question before named not
    exactly one other plan."""
    if ctx.customer is not None and (more := _MORE_THAN_OWN.search(ctx.message)) is not None:
        plan, own = (more["plan"] or more["plan2"]).lower(), ctx.customer.plan.lower()
        return None if plan == own else f"what's the difference between {own} and {plan}?"
    if (asked := _COMPARED_WITH.match(ctx.message)) is None:
        return None
    named = {plan.split()[0].lower() for plan in _PLAN_NAMED.findall(previous_user_text(ctx) or "")}
    other = asked["plan"].lower()
    if len(named) != 1 or other in named:
        return None
    return f"what's the difference between {named.pop()} and {other}?"


def _catch_of_the_plan_asked(ctx: SupportContext) -> str | None:
    """"What's the catch?" after "do you have a free plan?": what the plan above the one asked about adds over it. None
    for any other message, when the question before named not exactly one plan, or named the highest."""
    if not _ASKS_THE_CATCH.match(ctx.message):
        return None
    before = previous_user_text(ctx) or ""
    named = {plan.split()[0].lower() for plan in _PLAN_NAMED.findall(before)}
    # "Is it free?" is short enough to read as a follow-up itself ("I want to sign up", "is it free?", "what's the
    # catch?"), so the question it leans on is passed over: it is the one the catch is of.
    just_asked = (_earlier_user_texts(ctx) or [""])[0]
    if not named and (_ASKS_IF_FREE.search(before) or _ASKS_IF_FREE.search(just_asked)):
        named = {"free"}  # "is it free?": answered with the plans, Free among them; the catch is Free's
    if len(named) != 1 or (plan := named.pop()) == _PLANS_CHEAPEST_FIRST[-1]:
        return None
    return f"what's the catch: what does {_PLANS_CHEAPEST_FIRST[_PLANS_CHEAPEST_FIRST.index(plan) + 1]} have over {plan}?"


def plan_gone_ahead_with(ctx: SupportContext) -> str | None:
    """"Let's do it" after "what's the difference between pro and business?" from a Pro customer: the other of the two
    plans that question compared, which the go-ahead asks to move to ("Business"). None for any other message, when
    the question before named not exactly two plans, the customer is on neither, or the reply did not name the other."""
    if ctx.customer is None or not goes_ahead_with_a_change(ctx.message):
        return None
    named = {plan.split()[0].lower() for plan in _PLAN_NAMED.findall(previous_user_text(ctx) or "")}
    own = ctx.customer.plan.lower()
    if len(named) != 2 or own not in named:
        return None
    other = next(name for name in named if name != own)
    return other.capitalize() if re.search(rf"\b{other}\b", last_assistant_text(ctx), re.IGNORECASE) else None


# "How much is it per year?", "what does that plan include?", "does it come with custom domains?": a plan's price or
# contents asked of "it", which names no plan of its own.
_ASKS_OF_A_PLAN_AS_IT = re.compile(
    r"\b(?:it|that|this|that\s+(?:plan|one|tier)|this\s+(?:plan|one|tier))\b.*\b(?:cost|costs|price|pay|paid|per\s+(?:year|month)"
    r"|a\s+(?:year|month)|yearly|annual(?:ly)?|monthly|include|includes|come\s+with|features?)\b"
    r"|\bhow\s+much\b.*\b(?:it|that|this)\b",
    re.IGNORECASE,
)
# "Can I upgrade to pro?", "switch me to business", "tell me about the pro plan": a question about one plan.
_ABOUT_ONE_PLAN = re.compile(r"\b(?:upgrade|downgrade|switch|move|change|go)\b.*\bto\s+(?:the\s+)?(?P<to>free|pro|business)\b"
                             r"|\b(?:how\s+much\s+is|price\s+of|cost\s+of|about|what\s+(?:is|does|do\s+you\s+get\s+with))"
                             r"\s+(?:the\s+)?(?P<of>free|pro|business)\b", re.IGNORECASE)


def _asked_of_the_plan_named_before(ctx: SupportContext) -> str | None:
    """"How much is it per year?" after "can I upgrade to pro?": the message with "it" as the plan that question was
    about ("how much is the pro plan per year?"). None when the message names a plan itself, asks nothing of a
    plan's price or contents, or the question before was not about one plan."""
    message = ctx.message
    if len(message.split()) > MAX_WORDS or _PLAN_NAMED.search(message) or not _ASKS_OF_A_PLAN_AS_IT.search(message):
        return None
    about = _ABOUT_ONE_PLAN.search(previous_user_text(ctx) or "")
    if about is None:
        return None
    plan = (about["to"] or about["of"]).lower()
    return re.sub(r"\b(?:(?:that|this)\s+(?:plan|one|tier)|it|that|this)\b", f"the {plan} plan", message, count=1,
                  flags=re.IGNORECASE)


# "Which plan do I need for that?", "how much would it cost to get it?", "the cheapest plan that has it?": which plan has
# what the question before asked about, naming nothing of its own.
_WHICH_PLAN_FOR_IT = re.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?)[\s,]+)?(?:(?:which|what)\s+plan\s+(?:do|would|will|should)\s+(?:i|we)\s+need"
    r"(?:\s+(?:for|to\s+(?:get|have|use|add|do))\s+(?:it|that|this|them))?"
    r"|(?:which|what)\s+plan\s+(?:has|have|includes?|gives?|comes?\s+with)\s+(?:it|that|this|them)"
    # "How much is the cheapest plan that has it?", "what's the cheapest one with that?"
    r"|(?:how\s+much\s+is|what(?:'s|\s+is)|which\s+is)\s+the\s+cheapest\s+(?:plan|one|tier|option)\s+(?:(?:that|which)\s+"
    r"(?:has|have|includes?|gives?|comes?\s+with|offers?|allows?)|with)\s+(?:it|that|this|them)"
    r"|how\s+much\s+(?:would|does|will|is)\s+(?:it|that)\s+(?:cost\s+)?(?:me\s+)?(?:to\s+(?:get|have|use|add|do)"
    r"\s+(?:it|that|this|them))?|how\s+much\s+(?:for|to\s+get)\s+(?:it|that|this|them))\W*$",
    re.IGNORECASE,
)


def names_where_the_move_goes(message: str) -> bool:
    """"To free", "to the business plan": where a move asked before goes, and nothing else."""
    return bool(_TO_A_PLAN.match(message))


def asked_which_plan_for(ctx: SupportContext) -> str | None:
    """"Which plan do I need for that?" after a question about something a plan may include: that question, which
    says what "that" is (the plan that has it is what to answer). None for any other message, or with none before."""
    return previous_user_text(ctx) if _WHICH_PLAN_FOR_IT.match(ctx.message) else None


# "And deploys?" after "how many apps can I have?": the same count, of another thing a plan limits (the failed-deploys
# guide answered, for "deploys"; the team's entry came hedged for "and members?").
_HOW_MANY_CAN = re.compile(r"\bhow\s+many\s+(?P<thing>(?:team\s+)?[a-z]+)\s+(?:can|could|may|do|does|will)\s+(?:i|we|you)\b",
                           re.IGNORECASE)
_AND_ANOTHER_COUNTED = re.compile(
    r"^\W*(?:and|what\s+about|how\s+about|also)\s+(?:the\s+|for\s+)?(?P<thing>team\s+members?|members?|seats?|users?"
    r"|deploys?|deployments?|builds?|apps?|applications?)\s*[?.!]*\s*$", re.IGNORECASE)


def count_asked_of_another_thing(ctx: SupportContext) -> str | None:
    """"And deploys?" after "how many apps can I have?": that question, of deploys ("how many deploys can I have?");
    None for any other message, or when the question before counted nothing."""
    if (other := _AND_ANOTHER_COUNTED.match(ctx.message)) is None:
        return None
    before = previous_user_text(ctx) or ""
    if (counted := _HOW_MANY_CAN.search(before)) is None:
        return None
    return f"{before[:counted.start('thing')]}{other['thing']}{before[counted.end('thing'):]}"


# "What if I need 20?" after "how many apps can I deploy?", "what if I need two?" after "can I have two apps on free?":
# whether that many are allowed (the scope reply).
_NUMBER_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|twenty|several|a\s+few"
_A_NUMBER_NEEDED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what\s+if\s+(?:i|we)\s+(?:need|want|have)|(?:i|we)\s+(?:need|want)|what\s+about"
    rf"|how\s+about|and\s+if\s+(?:i|we)\s+(?:need|want|have)|can\s+(?:i|we)\s+have|and)\s+(?P<number>\d+|more|{_NUMBER_WORDS})"
    r"(?:\s+of\s+them)?\s*[?.!]*\s*$",
    re.IGNORECASE)
_HOW_MANY_OF = re.compile(r"\bhow\s+many\s+(?P<thing>(?:team\s+)?[a-z]+)\b"
                          rf"|\b(?:\d+|{_NUMBER_WORDS}|more\s+than\s+(?:one|an?)|multiple)\s+(?P<things>(?:team\s+)?(?:apps?"
                          r"|members?|seats?|domains?|regions?))\b", re.IGNORECASE)


def number_asked_of_the_count(ctx: SupportContext) -> str | None:
    """"What if I need 20?" right after "how many apps can I deploy?": "can I have 20 apps?"; None otherwise."""
    if (needed := _A_NUMBER_NEEDED.match(ctx.message)) is None:
        return None
    if (counted := _HOW_MANY_OF.search(previous_user_text(ctx) or "")) is None:
        return None
    number = needed["number"].lower()
    things = (counted["thing"] or counted["things"]).lower()
    # "More than one app": the thing counted, as many of them are asked for.
    return f"can I have {number} {things if things.endswith('s') else things + 's'}?"


# "How do I deploy it?" after "can you host my node app?": how to deploy the app just named (the entry on regions came,
# for "host" and "deploy"; "how do I deploy my app?" is told there is no guide on it as such).
_DEPLOY_IT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|then|great|cool)[,.!\s]+)*how\s+(?:do|can|would|should)\s+(?:i|we)\s+(?P<verb>deploy|host|run"
    r"|launch|set\s+up)\s+(?:it|that|this|them)(?:\s+(?:here|on\s+northwind|with\s+you))?\s*[?.!]*\s*$", re.IGNORECASE)
_NAMES_AN_APP = re.compile(r"\b(?:apps?|applications?|sites?|websites?|projects?|apis?|backends?|services?)\b", re.IGNORECASE)


def deploying_the_app_named_before(ctx: SupportContext) -> str | None:
    """"How do I deploy it?" right after a question that named an app: "how do I deploy my app?"; None otherwise."""
    if (asked := _DEPLOY_IT.match(ctx.message)) is None or not _NAMES_AN_APP.search(previous_user_text(ctx) or ""):
        return None
    return f"how do I {asked['verb'].lower()} my app?"


# An API key or token of the customer's, as they name one.
KEY_OR_TOKEN = r"(?:api\s+keys?|access\s+keys?|secret\s+keys?|(?:api\s+|access\s+)?tokens?)"
# "How do I make a new one?" right after "my api key was leaked": a new key (the environment guide's step on redeploying).
_A_NEW_ONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|then)[,.!\s]+)*how\s+(?:do|can|would|should)\s+(?:i|we)\s+(?:make|create|get|generate)\s+"
    r"(?:a\s+new|another)\s+one\s*[?.!]*\s*$", re.IGNORECASE)
_NAMES_A_KEY = re.compile(rf"\b(?P<key>{KEY_OR_TOKEN})\b", re.IGNORECASE)


def new_key_asked(ctx: SupportContext) -> str | None:
    """"How do I make a new one?" right after a message that named an API key or token: "how do I create a new api
    key?"; None otherwise."""
    if not _A_NEW_ONE.match(ctx.message) or (named := _NAMES_A_KEY.search(previous_user_text(ctx) or "")) is None:
        return None
    return f"how do I create a new {named['key'].lower().rstrip('s')}?"


# "And last month?" right after "what's the uptime been this month?": the uptime of that period (the invoice list).
_ANOTHER_PERIOD = re.compile(
    r"^\W*(?:and|what\s+about|how\s+about)\s+(?:for\s+|in\s+|over\s+)?(?P<period>(?:last|this|the\s+previous|the\s+past|the"
    r"\s+last)\s+(?:month|week|year|quarter|\d+\s+days))\s*[?.!]*\s*$", re.IGNORECASE)


def uptime_asked_of_another_period(ctx: SupportContext) -> str | None:
    """"And last month?" right after a question on our uptime: "what was the uptime last month?"; None otherwise."""
    if (other := _ANOTHER_PERIOD.match(ctx.message)) is None or not asks_about_uptime(previous_user_text(ctx) or ""):
        return None
    return f"what was the uptime {other['period'].lower()}?"


# "What happens if you miss it?", "and if you don't meet it?" right after the uptime SLA was told: the service credits
# it gives, and how a claim is made (as technical, "I don't have a guide on that").
_ASKS_IF_MISSED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what\s+(?:happens|do\s+(?:i|we)\s+get|then)\s+|and\s+)?if\s+(?:you|u|"
    r"northwind|it'?s)\s+(?:(?:guys|ever)\s+)?(?:miss|missed|break|broken|don'?t\s+meet|do\s+not\s+meet|fail\s+to\s+meet"
    r"|fall\s+short\s+of|violate)(?:\s+(?:it|that|this|the\s+sla|the\s+guarantee|the\s+uptime))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def credits_asked_of_the_sla_told(ctx: SupportContext) -> str | None:
    """"What happens if you miss it?" right after the uptime SLA was told: "how do we claim service credits if you miss
    the sla?"; None otherwise."""
    if _ASKS_IF_MISSED.match(ctx.message) is None or not names_the_sla(last_assistant_text(ctx)):
        return None
    return "how do we claim service credits if you miss the sla?"


# "And my apps?", "what about our domains?" right after "will I lose my invoices?": the same question, of those things.
_AND_THOSE_THINGS = re.compile(rf"^\W*(?:(?:and|ok(?:ay)?|so)[,\s]+)?(?:(?:what|how)\s+about\s+|and\s+)?(?P<things>(?:my|our"
                               rf"|the)\s+{_THINGS})(?:\s+too)?\s*[?.!]*\s*$", re.IGNORECASE)
_THINGS_NAMED = re.compile(rf"\b(?:my|our|the)\s+{_THINGS}\b", re.IGNORECASE)


# "What about team members?" right after "will I lose my SLA?" (after a downgrade): the same question, of what a plan
# gives. Asked alone, the team's entry came as a guess.
_WHAT_ABOUT_WHAT_A_PLAN_GIVES = re.compile(
    r"^\W*(?:(?:and|ok(?:ay)?|so)[,\s]+)?(?:(?:what|how)\s+about|and)\s+(?:(?:my|our|the)\s+)?(?P<things>team\s+members"
    r"|teammates|members|users|custom\s+domains?|sla|uptime\s+sla|priority\s+support|support|custom\s+roles|roles"
    r"|build\s+minutes)(?:\s+too)?\s*[?.!]*\s*$", re.IGNORECASE)
_LOSES_WHAT = re.compile(r"\b(?P<verb>lose|keep)\s+(?:my|our|the)\s+[\w-]+(?:\s+(?:members|domains?|roles|minutes|support))?",
                         re.IGNORECASE)


def fate_asked_of_other_things(ctx: SupportContext) -> str | None:
    """"And my apps?" right after "will I lose my invoices?": "will I lose my apps?"; "what about team members?" right
    after "will I lose my SLA?": "will I lose my team members?"; None otherwise."""
    before = previous_user_text(ctx) or ""
    if (other := _AND_THOSE_THINGS.match(ctx.message)) is not None:
        if not asks_what_becomes_of(before) or _THINGS_NAMED.search(before) is None:
            return None
        return _THINGS_NAMED.sub(other["things"], before, count=1)
    given = _WHAT_ABOUT_WHAT_A_PLAN_GIVES.match(ctx.message)
    if given is None or not asks_what_a_smaller_plan_keeps(before) or (lost := _LOSES_WHAT.search(before)) is None:
        return None
    return f"{before[:lost.start()]}{lost['verb']} my {given['things']}{before[lost.end():]}"


def discount_asked_for_who_they_are(ctx: SupportContext) -> str | None:
    """"We're a nonprofit" right after "can you give me a discount?": the discount asked for them ("can you give me a
    discount? we're a nonprofit"); None otherwise (alone it read as off topic: "I don't have a guide on that")."""
    before = previous_user_text(ctx) or ""
    if not says_who_may_pay_less(ctx.message) or not asks_about_paying_less(before):
        return None
    return f"{before.strip()} {ctx.message.strip()}"


def refund_arrival_asked_alone(ctx: SupportContext) -> str | None:
    """"When?" right after a reply that filed or told of a refund by its reference: "how long will my refund take to
    arrive?"; None otherwise."""
    if not _WHEN_ALONE.match(ctx.message) or not asks_when_the_refund_arrives(ctx):
        return None
    return "how long will my refund take to arrive?"


# "Can I change it?" right after "Your username is alice", "that's wrong, it should be bob@newco.com" right after "The
# email address on your account is …": a change of the detail just told (the reset's steps came, or "my answer is the
# same").
_CHANGE_IT = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:can|could|how\s+(?:do|can|could))\s+(?:i|we|you)\s+"
                        r"(?:change|update|edit)\s+(?:it|that|this)\b", re.IGNORECASE)
_SAYS_IT_IS_WRONG = re.compile(r"\b(?:(?:that'?s|it'?s|that\s+is|it\s+is)\s+(?:wrong|not\s+(?:right|correct|mine|it)|outdated|old)"
                               r"|(?:it|that)\s+should\s+be|should\s+be\s+\S+@\S+)", re.IGNORECASE)
_DETAILS_TOLD = (("Your username is ", "can I change my username?"),
                 ("The email address on your account is ", "how do I change my email address?"))


def change_asked_of_the_detail_told(ctx: SupportContext) -> str | None:
    """"Can I change it?" right after the username or the email address was told: the change of that detail, asked
    as a question of its own; None otherwise."""
    if not (_CHANGE_IT.match(ctx.message) or _SAYS_IT_IS_WRONG.search(ctx.message)):
        return None
    told = last_assistant_text(ctx)
    return next((asked for opening, asked in _DETAILS_TOLD if told.startswith(opening)), None)


def question_as_asked(ctx: SupportContext) -> str | None:
    """The question a follow-up asks, written out when it leans on the one before: of another plan (asked_of_a_plan),
    a count of another thing (count_asked_of_another_thing), a number of what was counted, what a move up loses, how to
    deploy the app just named, a new key for the one just named, our uptime over another period, the credits of the
    SLA just told, what becomes of other things, a discount for who the customer says they are, when a refund just
    told of arrives, or a change of the detail just told; None when it asks its own."""
    return (asked_of_a_plan(ctx) or count_asked_of_another_thing(ctx) or number_asked_of_the_count(ctx)
            or lost_in_a_move_up(ctx) or deploying_the_app_named_before(ctx) or new_key_asked(ctx)
            or uptime_asked_of_another_period(ctx) or credits_asked_of_the_sla_told(ctx)
            or fate_asked_of_other_things(ctx) or discount_asked_for_who_they_are(ctx) or refund_arrival_asked_alone(ctx)
            or change_asked_of_the_detail_told(ctx))


# "Hello, we are getting 429s": a greeting before the question, which the question asked again of a plan leaves out
# ("hello, we are getting 429s on the business plan?" read as general: "not enough information").
_LEADING_GREETING = re.compile(rf"^\W*(?:{GREETING}[\s,!.]+)+", re.IGNORECASE)


# "And if I upgrade?", "what if we upgraded?" after "what's my api rate limit?": the question before, asked of the plan
# above the customer's (the guide's step "upgrade your plan" came back).
_IF_UPGRADED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what\s+|and\s+)?if\s+(?:i|we)\s+(?:upgrade|upgraded|move\s+up|go\s+up)"
    r"(?:\s+to\s+(?:the\s+)?(?P<plan>free|pro|business)(?:\s+(?:plan|tier))?)?\s*[?.!]*\s*$", re.IGNORECASE)


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


def asks_to_avoid_what_a_plan_has(ctx: SupportContext) -> bool:
    """"How do I stop that?" right after an entry of the help centre that names plans ("apps on the Free plan sleep
    … Apps on Pro and Business never sleep"): the plans it does not happen on, which the technical part tells."""
    return (asks_to_avoid_it(ctx.message) and last_reply_cited(ctx, "faq")
            and _PLAN_NAMED.search(last_assistant_text(ctx)) is not None)


def asks_what_an_upgrade_gives(message: str) -> bool:
    """"And if I upgrade?", "what if we move up to business?": what the plan above would give of what was asked."""
    return _IF_UPGRADED.match(message) is not None


def _plan_upgraded_to(ctx: SupportContext) -> str | None:
    """"And if I upgrade?": the plan named, else the one above the customer's; None for another message, or with no
    plan above."""
    if (upgraded := _IF_UPGRADED.match(ctx.message)) is None:
        return None
    if upgraded["plan"]:
        return upgraded["plan"].lower()
    own = ctx.customer.plan.lower() if ctx.customer is not None else ""
    at = _PLANS_CHEAPEST_FIRST.index(own) if own in _PLANS_CHEAPEST_FIRST else None
    return _PLANS_CHEAPEST_FIRST[at + 1] if at is not None and at + 1 < len(_PLANS_CHEAPEST_FIRST) else None


# "Is it on all plans?", "does that come with every plan?" after "do you have an uptime guarantee?": the question before,
# asked of each plan (a visitor was asked to sign in).
_ON_EVERY_PLAN = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:is|are|does|do)\s+(?:it|that|this|they|those)\s+(?:come\s+with\s+|(?:on|in|available"
    r"\s+(?:on|in)|included\s+in|part\s+of|for)\s+)(?:all|every|each)\s+(?:the\s+|of\s+the\s+|your\s+)?(?:plans?|tiers?)\s*[?.!]*\s*$",
    re.IGNORECASE)


def without_greeting(text: str) -> str:
    """"Hello, we are getting 429s" → "we are getting 429s"."""
    return _LEADING_GREETING.sub("", text.strip())


def asked_of_a_plan(ctx: SupportContext) -> str | None:
    """"And for pro?" after "what are the api rate limits?": the question before, asked of that plan ("what
    are the api rate limits on pro"), its own plan swapped for the new one ("how much is pro?" → "and
    business?": "how much is business?"). "Is it worth it?" after two plans compared: whether the dearer is
    worth it over the other. "How much is it per year?" after "can I upgrade to pro?": asked of Pro. None for
    any other message, or with no question before."""
    if (worth := _worth_of_the_plans_compared(ctx) or _catch_of_the_plan_asked(ctx)
            or _compared_with_the_plan_asked(ctx)) is not None:
        return worth
    if (chosen := _CHOOSES_A_PLAN.match(ctx.message)) is not None:
        # "I'll take pro" after two plans compared (the scope reply): a move to that plan, asked for.
        # As a request ("upgrade me to …"), so a customer on that plan already is told so, not given its steps.
        return f"upgrade me to the {(chosen['plan'] or chosen['alone']).lower()} plan"
    before = previous_user_text(ctx)
    if asks_if_it_applies_to_them(ctx.message) and before:
        # "Does it apply to me?" after "what is the sla?": that question, answered for the customer's own plan.
        return f"{before.strip().rstrip('?.! ')} on my plan?"
    if (of_the_plan := _asked_of_the_plan_named_before(ctx)) is not None:
        return of_the_plan
    # "I'm on pro" after "why is my app slow?": the question before, for the plan the customer says they are on.
    if before and _ON_EVERY_PLAN.match(ctx.message) and not _PLAN_NAMED.search(before):
        return f"{without_greeting(before).rstrip('?.! ')} on which plans?"
    if before and asks_what_an_upgrade_gives(ctx.message) and not _OWN_PLAN_ASKED.search(before):
        # "And if we upgrade?" from Business: no plan is above theirs, so it asks for more than their plan gives,
        # which the limit's answer says no plan allows (it got the guide's step "upgrade your plan").
        upgraded = _plan_upgraded_to(ctx)
        if upgraded is None and ctx.customer is not None and ctx.customer.plan.lower() == _PLANS_CHEAPEST_FIRST[-1]:
            upgraded = ctx.customer.plan.lower()
        if upgraded is not None:
            question = without_greeting(before).rstrip("?.! ")
            if _PLAN_NAMED.search(question):
                return _PLAN_NAMED.sub(f"{upgraded} plan", question, count=1) + "?"
            return f"{question} on the {upgraded} plan?"
    another = _ANOTHER_PLAN.match(ctx.message) or _STATES_OWN_PLAN.match(ctx.message) or _PLAN_ALONE.match(ctx.message)
    if (moved := _TO_A_PLAN.match(ctx.message)) is not None and before and not _PLAN_NAMED.search(before):
        # "To free" after "I want to downgrade" (the invoice list): the move, to that plan.
        return f"{before.strip().rstrip('?.! ')} to the {moved['to'].lower()} plan"
    if another is None:
        return None
    if not before:
        return None
    plan = (another["plan"] or another.groupdict().get("alone") or "").lower()
    if _OWN_PLAN_ASKED.search(before) or WHICH_PLANS.search(before):
        # "And for pro?" after "wat plans do u have": what that one plan is. One question, not "… and how much is
        # it?", which the writer answers as two (the plan's line, then the list of every plan); the plan's line
        # gives its price too, so "how much is my plan?" → "and business?" still gets Business's price.
        return f"what does the {plan} plan include?"
    question = without_greeting(before).rstrip("?.! ")
    if _PLAN_NAMED.search(question):
        return _PLAN_NAMED.sub(f"{plan} plan", question, count=1) + "?"
    return f"{question} on the {plan} plan?"


# "I'll take pro", "ok I'll go with business", "let's get the pro plan": a plan chosen, by name.
_CHOOSES_A_PLAN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|great|alright|right|then|so|yes|yeah)[,!.\s]+)*(?:i'?ll|i\s+will|we'?ll|we\s+will|let'?s|i'?d\s+like\s+to"
    r"|i\s+want\s+to)\s+(?:take|go\s+(?:with|for)|get|choose|pick|try)\s+(?:the\s+)?(?P<plan>pro|business)"
    r"(?:\s+(?:plan|one|tier))?(?:\s+(?:then|please))?\W*$"
    # "Ok pro then", "business please", "pro it is" after two plans compared (a comparison of the plan with itself).
    r"|^\W*(?:(?:ok(?:ay)?|great|alright|right|so|yes|yeah)[,!.\s]+)*(?:the\s+)?(?P<alone>pro|business)(?:\s+(?:plan|one|tier))?"
    r"\s+(?:then|please|it\s+is|for\s+me)\W*$", re.IGNORECASE)


# "No thanks", "no, that's fine", "nope, not now", "maybe later": turning down what was just offered, and asking nothing.
_DECLINE = re.compile(
    r"^\s*(?:no|nope|nah|no\s+need|not\s+now|not\s+(?:right\s+)?now|not\s+yet|maybe\s+(?:later|another\s+time)"
    r"|i'?m\s+(?:good|fine|ok(?:ay)?)|all\s+good)\b"
    r"(?:[\s,.!]*(?:thanks|thank\s+you|thx|cheers|that'?s\s+(?:fine|ok(?:ay)?|all)|i'?m\s+(?:good|fine|ok(?:ay)?)"
    r"|not\s+(?:right\s+)?now|maybe\s+later|later|for\s+now|it'?s\s+fine))*[\s,.!]*$",
    re.IGNORECASE,
)
# "Actually", "on second thought", "changed my mind": a go-ahead to what was just turned down.
_CHANGES_MIND = re.compile(r"\b(?:actually|on\s+second\s+thoughts?|changed\s+my\s+mind|after\s+all)\b", re.IGNORECASE)
# How the writer's offers end: a refund to ask for, a person to pass to, "would you like me to …?".
_OFFERED = (OFFER_REFUND, OFFER_PERSON, OFFER_UNLOCK.lower(), "would you like me to")


def declines_offer(ctx: SupportContext) -> bool:
    """"No thanks" right after the assistant offered something (to ask for a refund, to pass to a person)."""
    last = last_assistant_text(ctx).lower()
    return bool(_DECLINE.match(ctx.message)) and any(offer in last for offer in _OFFERED)


# "Actually never mind, I figured it out", "forget it, it's working now", "scratch that, all sorted": the customer
# takes back what they asked, and asks nothing else. The whole message: "never mind the refund, how do I add a
# teammate?" asks something of its own.
_TAKE_BACK = (r"(?:never\s*mind|nevermind|nvm|forget\s+(?:it|that|about\s+it)|scratch\s+that|ignore\s+(?:that|me)|cancel\s+that"
              # "My mistake", "no I wasn't, sorry" after "I can't find a duplicate charge" (not enough information).
              r"|my\s+(?:mistake|bad)|i\s+was\s+(?:wrong|mistaken)|i\s+misread(?:\s+it)?|no,?\s+i\s+(?:wasn'?t|was\s+not)"
              # "Sorry, wrong window": a message meant for somewhere else (the offer of a person came).
              r"|(?:(?:that\s+was|i\s+typed\s+(?:in|into)|that\s+was\s+for)\s+(?:the\s+|a\s+)?)?wrong\s+(?:window|chat|tab|person"
              r"|conversation|screen)|(?:that\s+)?(?:wasn'?t|was\s+not)\s+(?:meant\s+)?for\s+you|typed\s+(?:that\s+)?by\s+"
              r"mistake|didn'?t\s+mean\s+to\s+(?:send|type)\s+that)")
_SORTED = (r"(?:i(?:'ve|\s+have)?\s+(?:figured|worked|sorted)\s+it(?:\s+out)?|i\s+(?:fixed|solved)\s+it|i\s+got\s+it"
           r"|(?:it'?s|it\s+is|all|that'?s)\s+(?:sorted|fixed|solved|fine|working|ok(?:ay)?|good)(?:\s+now)?"
           r"|it\s+works(?:\s+now)?|all\s+good|no\s+need|i\s+don'?t\s+need\s+(?:it|help|a\s+person|anyone)(?:\s+any\s*more)?)")
# "Never mind, keep it", "forget it, I'll stay": after asking how to cancel or change something, that it stays as it is.
_KEEPS_IT = (r"(?:(?:i'?ll|i\s+will|i'?d\s+rather|let'?s)\s+)?(?:keep|leave)\s+(?:it|that|things|my\s+(?:plan|subscription|"
             r"account|card))(?:\s+(?:as\s+it\s+is|as\s+is|for\s+now))?|(?:i'?ll|i\s+will)\s+stay(?:\s+(?:on\s+\w+|for\s+now))?"
             r"|i\s+(?:have\s+|'ve\s+)?changed\s+my\s+mind")
_WITHDRAWN = re.compile(
    rf"^\s*(?:(?:actually|oh|oops|whoops|ok(?:ay)?|sorry|wait|ah|hey|no)[\s,.!]+)*"
    rf"(?:{_TAKE_BACK}(?:[\s,.!;:-]+(?:{_SORTED}|{_KEEPS_IT}|thanks|thank\s+you|thx|sorry|actually|now))*"
    rf"|{_SORTED}(?:[\s,.!;:-]+(?:{_TAKE_BACK}|thanks|thank\s+you|thx|now|actually))*)[\s,.!]*$",
    re.IGNORECASE,
)


# "Ok I added a new one", "done", "I've updated it", "it's a new card though": what the last reply asked for, said to be
# done, and nothing else.
_SAYS_IT_IS_DONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|yes|yep|cool|great|but|done)[\s,.!]+)?(?:i(?:'ve|\s+have)?\s+)?(?:just\s+)?"
    # "Done, i added a new visa": the brand of the card named for it.
    r"(?:(?:done|did)\s+(?:it|that)|done|all\s+done|(?:added|updated|changed|replaced|saved|entered)\s+"
    r"(?:it|that|one|(?:a|the|my)\s+(?:new\s+)?(?:one|card|visa|mastercard|amex)(?:\s+card)?|new\s+(?:one|card|visa"
    r"|mastercard|amex)(?:\s+card)?)"
    r"|(?:it'?s|it\s+is|that'?s|this\s+is)\s+(?:a|the)\s+new\s+(?:one|card)(?:\s+(?:though|already))?)"
    r"(?:[\s,.!]+(?:thanks|thank\s+you|now))*[\s,.!]*$",
    re.IGNORECASE,
)


def says_it_is_done(message: str) -> bool:
    """"Done", "ok I added a new one": what the last reply asked for, said to be done, and nothing else."""
    return bool(_SAYS_IT_IS_DONE.match(message))


# "I added the CNAME", "ok I created the cname record", "I read the build log, what next?": one of the steps just given,
# said to be done, and at most what comes next asked. "I did that" and "I followed the steps" are not read here: they
# say the steps did not help (set_phrases).
_STEP_DONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|alright|so|cool|great|yes|yep)[\s,.!]+)?(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|now\s+|already\s+)?"
    r"(?:added|created|set\s+up|set|made|changed|updated|entered|configured|pointed|enabled|turned\s+on|switched\s+on|read"
    r"|checked|opened|saved|installed|put\s+in)\s+(?P<what>(?:(?!\b(?:but|still|not|isn'?t|doesn'?t|won'?t|can'?t|error|fail\w*)\b)[^,.;!?]){2,60}?)"
    r"(?:[\s,.;!]+(?:so\s+|and\s+|now\s+)?(?:what\s+now|now\s+what|what(?:'s|\s+is)?\s+next|what\s+do\s+(?:i|we)\s+do\s+(?:now|next)"
    r"|then\s+what|what\s+else|next\s+step))?[\s,.!?]*$",
    re.IGNORECASE)


def step_said_done(message: str) -> str | None:
    """"I added the CNAME": what was done ("the CNAME"); "" for "done" alone; None for any other message."""
    if (done := _STEP_DONE.match(message)) is not None:
        return done["what"]
    return "" if says_it_is_done(message) else None


def reports_card_replaced(ctx: SupportContext) -> bool:
    """"Ok I added a new one", "done" right after being told to replace the card under Billing → Payment method:
    the customer says the card is replaced. Alone, its words matched the FAQ's steps to replace a card (sent again as
    the shortcut), or it got the failure explained again; what it needs is the card on file checked. "I already did
    that" and "still failing" there say the same, and that the payment still fails: the card on file tells why."""
    return ((says_it_is_done(ctx.message) or says_only_it_does_not_work(ctx.message))
            and "Payment method" in last_assistant_text(ctx))


def withdraws_request(message: str) -> bool:
    """"Never mind, I figured it out": what was asked is taken back, nothing new asked."""
    return bool(_WITHDRAWN.match(message))


def withdraws_the_refund_just_asked(ctx: SupportContext) -> bool:
    """"Actually cancel that" right after a refund was asked for: the refund is what is taken back (it got "No
    problem, I'll leave it there", as if nothing had been done)."""
    return withdraws_request(ctx.message) and bool(_REFUND_BY_REFERENCE.search(last_assistant_text(ctx)))


# "Ok never mind, go ahead with it", "keep it then": a refund just asked for is to go on (it got the steps to cancel the
# subscription, for the "cancel that" before it).
_LETS_IT_GO_ON = re.compile(r"\b(?:go\s+ahead(?:\s+with\s+it)?|keep\s+it|leave\s+it(?:\s+as\s+it\s+is)?|carry\s+on|let\s+it"
                            r"\s+(?:go\s+through|proceed|go\s+ahead)|proceed\s+with\s+it)\b", re.IGNORECASE)


def lets_the_refund_go_on(ctx: SupportContext) -> bool:
    """"Ok never mind, go ahead with it" within two replies of a refund asked for: the refund is to go on."""
    return (len(ctx.message.split()) <= MAX_WORDS + 4 and bool(_LETS_IT_GO_ON.search(ctx.message))
            and any(_REFUND_BY_REFERENCE.search(text) for text in assistant_texts(ctx)[:2]))


_SAYS_SORTED = re.compile(rf"\b{_SORTED}", re.IGNORECASE)


def says_it_is_sorted(message: str) -> bool:
    """"I figured it out", "it works now": the customer got there themselves, not only changed their mind."""
    return bool(_SAYS_SORTED.search(message))


# "How long does it take?", "how long will that take?", "how long?": a duration asked of what was discussed before,
# naming nothing of its own. Alone its words match whichever entry says how long something takes (a refund's, at
# 0.96), which answered "how long does it take?" after an erasure request with the refund's timing.
_HOW_LONG_IT_TAKES = re.compile(
    # "Done, how long does it take?": after doing what was said, how long it takes to show.
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then|done|i\s+did(?:\s+(?:it|that))?)[,.!\s]+)*how\s+(?:long|many\s+days|soon)"
    r"(?:\s+(?:does|will|would|did|should|can|is)\s+(?:it|that|this)"
    r"(?:\s+(?:usually|normally|actually|all))?\s+(?:take|last|be))?"
    r"(?:\s+(?:then|exactly|usually|normally|roughly|in\s+total|altogether))*\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# "How do I update it?", "ok how do I add it", "how can I change that?": how to do something to what the turn before
# named, the verb alone said. Alone "update it" finds the email change's entry ("update my email"), "add it" adding
# team members, which the FAQ shortcut and the billing part quoted as the way to do it.
_HOW_TO_DO_IT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|right|great|cool|thanks|got\s+it|alright)[,.!\s]+)*how\s+(?:do|can|could|should|would)\s+"
    r"(?:i|we|u)\s+(?:\w+\s+){0,2}?(?:it|that|this)(?:\s+(?:then|now|in|on|up|there|again))?\s*[?.!]*$",
    re.IGNORECASE)


# "Ok what about the duplicate?", "and the duplicate one?", "can you refund the duplicate?": the charge taken twice the
# last replies named (read as technical at 0.4, which put "I don't have a guide on that" before its refund).
_THE_DUPLICATE = re.compile(r"\b(?:the|that|this)\s+(?:duplicate|double|second)(?:\s+(?:one|charge|payment))?\b",
                            re.IGNORECASE)


def asks_after_the_duplicate(ctx: SupportContext) -> bool:
    """Whether a short message asks after the duplicate charge one of the last two replies named."""
    return (len(ctx.message.split()) <= 8 and bool(_THE_DUPLICATE.search(ctx.message))
            and any("duplicate" in text.lower() or "charged twice" in text.lower() for text in assistant_texts(ctx)[:2]))


# "I didn't get the email", "the link never came": something the customer was told would be sent has not arrived.
NOT_RECEIVED = re.compile(r"\b(?:didn'?t|did\s+not|never|haven'?t|have\s+not|hasn'?t|has\s+not|still\s+not)\s+"
                          r"(?:get|got|gotten|receive|received|come|came|arrive|arrived|show(?:n|ed)?\s+up)\b"
                          r"|\bnever\s+(?:came|arrived)\b|\bno\s+(?:email|link)\s+(?:yet|came|arrived)\b", re.IGNORECASE)


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


def asks_if_the_sla_applies(ctx: SupportContext) -> bool:
    """"Does it apply to me?" after the uptime SLA was asked about or told ("do you offer an uptime guarantee?" names
    it only in the reply): whether the customer's plan has it."""
    return asks_if_it_applies_to_them(ctx.message) and any(
        names_the_sla(text) for text in (previous_user_text(ctx) or "", last_assistant_text(ctx)))


def asks_how_to_do_it(message: str) -> bool:
    """"How do I update it?": how to do something to what was discussed before, naming nothing of its own."""
    return bool(_HOW_TO_DO_IT.match(message))


# "How long until the certificate is ready?", "how long before it's live?": how long what was discussed takes to be done
# (the same guide again).
_HOW_LONG_UNTIL_DONE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,.!\s]+)*how\s+(?:long|soon)\s+(?:until|till|til|before)\s+(?:it'?s|it\s+is|that'?s"
    r"|(?:it|that|(?:the|my|our)\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:is|are|will\s+be|gets?|becomes?))\s+(?:ready|issued|live|active"
    r"|done|working|verified|up|valid|there|through)\s*[?.!]*\s*$", re.IGNORECASE)


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


# "How long will it take to reach my account?", "when will it show up in my bank?" right after a refund was filed or
# asked for (account, for "my account": the refund's timing quoted as a guess): when the money arrives.
_WHEN_IT_ARRIVES = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|thanks|great)[,\s]+)?(?:how\s+long|when|how\s+soon|how\s+many\s+days)\b[^.?!]{0,40}\b"
    r"(?:reach|arrive|land|show\s+up|appear|come\s+through|come\s+back|get\s+(?:it|my\s+money|the\s+money)|be\s+back"
    r"|hit)\b", re.IGNORECASE)


# "When?", "how long?" alone (the scope reply): asked of what the reply before told.
_WHEN_ALONE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:when|how\s+long|how\s+soon)(?:\s+(?:then|exactly|though))?"
                         r"\s*[?.!]*\s*$", re.IGNORECASE)


def asks_only_when(message: str) -> bool:
    """"When?", "how long exactly?": when, and nothing else."""
    return bool(_WHEN_ALONE.match(message))


def asks_when_the_refund_arrives(ctx: SupportContext) -> bool:
    """"How long will it take to reach my account?", or "when?" alone, right after a reply that filed or told of a
    refund by its reference: when the refund's money arrives."""
    return (bool(_WHEN_IT_ARRIVES.search(ctx.message) or _WHEN_ALONE.match(ctx.message))
            and bool(_REFUND_BY_REFERENCE.search(last_assistant_text(ctx))))


def asks_how_long_to_change_mind(message: str) -> bool:
    """"How long do I have to change my mind?", "how many days do I have to undo it?": the time left to take
    back what was discussed before."""
    return bool(re.search(r"\bhow\s+(?:long|many\s+days|much\s+time)\b", message, re.IGNORECASE)
                and _CHANGE_MY_MIND.search(message))


# How the assistant's greeting asks what the customer needs (writer.py, frustration.py): a go-ahead after it agrees
# to nothing.
ASKS_WHAT_THEY_NEED = "What can I help you with"


# "Ok thanks", "great, thank you so much": an acknowledgement and thanks, and nothing else.
_ACKNOWLEDGES = re.compile(r"^\W*(?:(?:ok(?:ay)?|alright|all\s+right|great|cool|perfect|got\s+it|nice)[\s,.!]*)?"
                          r"(?:thanks|thank\s+you|thx|ty|cheers)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?[\s,.!]*$",
                          re.IGNORECASE)


def goes_ahead_with_nothing_offered(ctx: SupportContext) -> bool:
    """"Yes go on then" with nothing to go ahead with: no turn of the assistant's offers anything, and the customer
    has asked nothing yet (no message before, or only one the assistant answered by asking what they need)."""
    if not affirms(ctx.message) or _ACKNOWLEDGES.match(ctx.message):
        # "Ok thanks" acknowledges, as "thanks!" does: it goes ahead with nothing ("yes please, thanks" does).
        return False
    said = assistant_texts(ctx)
    if any(offer in text.lower() for text in said for offer in _OFFERED):
        return False
    return not _earlier_user_texts(ctx) or (bool(said) and ASKS_WHAT_THEY_NEED in said[0])


# "Can I export my logs?", "can you export them?" after where the logs are was told: a download of the app's logs, which
# the data export (configuration, deploy history, account data) does not say it holds.
_ASKS_TO_EXPORT = re.compile(r"\b(?:export(?:ed|ing)?|download(?:ed|ing)?|save\s+a\s+copy\s+of)\b", re.IGNORECASE)
_LOGS = re.compile(r"\blogs?\b", re.IGNORECASE)
_POINTS_AT_IT = re.compile(r"\b(?:them|it|those|these|that)\b", re.IGNORECASE)


def asks_to_export_logs(ctx: SupportContext) -> bool:
    """Whether the message asks to export or download logs: named, or "them" right after logs were spoken of."""
    if not _ASKS_TO_EXPORT.search(ctx.message):
        return False
    if _LOGS.search(ctx.message):
        return True
    return (len(ctx.message.split()) <= MAX_WORDS and _POINTS_AT_IT.search(ctx.message) is not None
            and _LOGS.search(f"{previous_user_text(ctx) or ''} {last_assistant_text(ctx)}") is not None)
