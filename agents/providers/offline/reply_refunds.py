"""The refund part of an offline reply: the policy, each charge's refund option, requests and their state."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from agents.cues import has_cue
from agents.facts import InvoiceFact, RefundFact
from agents.follow_ups.billing import (
    NO_REFUND_REQUESTED,
    PAYMENT_FAILURE_TOLD,
    REFUND_POLICY_TOLD,
    SAYS_IT_WENT_UNUSED,
    asks_if_it_went_through,
    asks_when_the_refund_arrives,
    lets_the_refund_go_on,
    pushes_back_on_a_refund_refused,
    withdraws_the_refund_just_asked,
)
from agents.follow_ups.go_aheads import affirms
from agents.follow_ups.history import assistant_texts, last_assistant_text, questions_before
from agents.follow_ups.leaning_back import asks_about_staff_review
from agents.follow_ups.offers import OFFER_PERSON, OFFER_REFUND, accepts_offer
from agents.follow_ups.plan_moves import plan_change_named
from agents.follow_ups.topic import with_topic
from agents.number_words import count_of, said_in_words, words_alternation
from agents.outcome import FaqMatch, ProposedAction
from agents.own_data import wants_a_document
from agents.plan_names import PLAN_NAMED
from agents.providers.offline.other_customer import names_someone_else
from agents.providers.offline.reply_base import (
    AMOUNT,
    FAQ_PLAUSIBLE,
    NOTHING_TO_DO,
    RELATIVE_MONTH,
    WHY_ALONE,
    WHY_NOTHING,
    invoice_numbers,
    joined_with_and,
    money,
    month_counted_from_today,
    one_per_invoice,
)
from agents.providers.offline.reply_billing import ASKS_WHY_MORE, BillingReplies, on_plan
from agents.providers.offline.text import normalise
from agents.refund_requests import (
    asks_for_a_refund_elsewhere,
    asks_for_both_charges,
    asks_for_credit_instead,
    asks_how_one_is_given,
    asks_of_a_refund_to_a_card_gone,
    asks_to_approve_a_refund,
    asks_where_a_refund_goes,
    blames_the_service,
    names_someone_elses_charge,
    refund_wanted,
    reports_charged_twice,
)
from agents.service_terms import REFUND_REFERENCE, plan_moved_to

# "Who approves refunds?", "who decides on it?", "who can approve it?": who, not when or whether.
_ASKS_WHO_APPROVES = re.compile(r"\bwho\s+(?:(?:can|will|would|does|gets\s+to)\s+)?(?:approves?|decides?|signs?\s+off|"
                                r"authori[sz]es?|okays?)\b", re.IGNORECASE)
# "Can I get a refund for it?", "refund that one": the invoice meant is the one asked about before. Not
# "ok, refund my last charge then", which says which charge itself.
_POINTS_AT_AN_INVOICE = re.compile(r"\b(?:it|that|this|them|those|these)\b", re.IGNORECASE)
REFUND_CUES = ("refund", "refunds", "refunded", "refunding", "money back", "reimburse", "reimbursed",
               "reimbursement", "chargeback", "charge back", "pay me back", "paid back", "give it back",
               "get it back", "twice", "double", "doubled", "duplicate", "duplicated", "two times", "2 times",
               "reverse", "reversed", "undo the charge", "cancel the charge",
               "cancel the payment", "want it back", "want my money")
# "What if it was 3 weeks ago?", "and 10 days ago?", "a couple of weeks ago": how long ago a charge was paid, which
# the refund window is applied to. Only a count and a unit: "a while ago" or "recently" says no number of days.
_PAID_AGO = re.compile(rf"\b(?P<count>\d{{1,3}}|an?|{words_alternation(most=12)}|"
                       r"(?:a\s+)?couple(?:\s+of)?)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE)
# The fewest days each unit can mean: "a month ago" is past a 14-day window however the month is counted.
_DAYS_IN_UNIT = {"day": 1, "week": 7, "month": 28, "year": 365}
# "Does it apply to annual plans?", "is that the same for the business plan?", "does this also cover yearly billing?":
# whether the policy just given holds for a kind of plan or billing (it got the customer's charges weighed again).
_POLICY_SCOPE_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|also)[,\s]+)?(?:does|do|would|will|is|are)\s+(?:it|that|this|these|those|they|"
    r"the\s+(?:refund\s+)?(?:policy|rules?|window))\s+(?:also\s+|still\s+)?(?:apply|count|hold|cover|work|(?:the\s+)?same)"
    r"(?:\s+(?:to|for|on|with|in))?\s+(?P<what>[\w\s-]+?)(?:\s+(?:too|as\s+well))?\W*$",
    re.IGNORECASE)
_PLAN_OR_BILLING = re.compile(
    r"^(?:(?:the|my|our|a|an|all|every|each|any|other)\s+)?(?:(?:free|pro|business|paid|annual|yearly|monthly)"
    r"(?:\s+(?:plans?|tiers?|subscriptions?|billing|payments?|charges?|invoices?|customers?|accounts?|ones?))?"
    r"|(?:plans?|tiers?|subscriptions?|payments?|charges?|invoices?))(?:\s+too)?$",
    re.IGNORECASE)
_BILLED_YEARLY = re.compile(r"\b(?:annual|yearly)\b", re.IGNORECASE)
_ONE_PLAN = re.compile(r"\b(?P<plan>free|pro|business)\b", re.IGNORECASE)
# In words: a figure no fact holds would be flagged by the critic.
REFUND_ARRIVES = "A refund reaches the card it was paid with within five to ten business days of being made."
# "I didn't ask for a refund, what is this for?": a refund made that the customer asks about, not one to ask for.
_ASKS_WHAT_A_REFUND_IS = re.compile(
    r"\b(?:didn'?t|did\s+not|never)\s+(?:ask|asked|request|requested)\s+(?:for\s+)?(?:a\s+|any\s+|the\s+)?"
    r"(?:refund|this|that|it|one|money)\b"
    r"|\bwhat(?:'?s|\s+is|\s+was)\s+(?:this|that)\s+(?:refund\s+)?for\b|\bwhat(?:'?s|\s+is|\s+was)?\s+(?:this|that)\s+refund\b"
    r"|\bwhy\s+(?:did\s+i\s+get|was\s+i\s+(?:given|sent)|did\s+you\s+(?:refund|send))\b",
    re.IGNORECASE,
)
# "How much have you refunded me in total?": the refunds made, in the past tense (the normalised text
# folds "refunded" into "refund", so the message itself is read).
_ASKS_WHAT_WAS_PAID_BACK = re.compile(r"\b(?:refunded|paid\s+(?:me\s+)?back|given\s+(?:me\s+)?back|got\s+back)\b",
                                      re.IGNORECASE)
_OWN_SCOPE = re.compile(r"\bmy\s+(?:last|latest|most\s+recent|recent|previous|first|only)\b", re.IGNORECASE)
# "Cancel my refund request", "I want to withdraw the refund", "I don't want the refund any more": taking back
# a request, which no action here does. Not "cancel my subscription and refund me" nor "cancel the charge"
# (a refund asked for): the thing cancelled must be the refund itself.
_WITHDRAWS_A_REFUND = re.compile(
    r"\b(?:cancel|cancell?ing|withdraw|withdrawing|retract|revoke|call\s+off|stop|undo|take\s+back)\s+"
    r"(?:my\s+|the\s+|that\s+|this\s+|our\s+|a\s+)?(?:pending\s+)?refund\b"
    r"|\b(?:don'?t|do\s+not|no\s+longer)\s+(?:want|need)\s+(?:the\s+|my\s+|that\s+|a\s+)?refund\s+"
    r"(?:anymore|any\s+more|after\s+all|now)\b"
    r"|\bchanged\s+my\s+mind\s+about\s+(?:the\s+|my\s+|that\s+)?refund\b",
    re.IGNORECASE,
)
# "A partial refund for the days I didn't use", "a prorated refund after downgrading mid month": a part of a
# charge, which the refund policy (whole charges, in the window or charged twice) says nothing about.
_ASKS_PART_OF_A_CHARGE = re.compile(
    r"\b(?:partial|partly|partially|prorated|pro-?rated|pro\s+rated|prorate|proration|pro\s+rata|half)\b"
    r"|\b(?:days?|weeks?|time|rest\s+of\s+the\s+month)\s+(?:that\s+)?i\s+(?:didn'?t|did\s+not|haven'?t|have\s+not"
    r"|won'?t|will\s+not)\s+use\b|\bunused\s+(?:days?|weeks?|time|part|portion)\b"
    r"|\b(?:remaining|leftover|left\s+over)\s+(?:days?|weeks?|time)\b"
    # "Will I get a refund for the rest of the month?" after asking how to downgrade (the duplicate's refund came).
    r"|\b(?:for|of)\s+the\s+rest\s+of\s+(?:the|my|this|our)\s+(?:month|period|billing\s+(?:period|cycle)|year|subscription)\b"
    r"|\bmid[-\s]?(?:month|cycle|period)\b|\b(?:middle|part)\s+of\s+(?:the|a|my)\s+(?:month|billing\s+(?:period|cycle))\b"
    # "Downgrade to pro and refund the difference": what one plan costs over another, a part of a charge.
    r"|\b(?:refund|reimburse|credit|return|give|pay)\s+(?:me\s+|us\s+)?(?:back\s+)?(?:for\s+)?the\s+(?:price\s+)?difference\b"
    r"|\bthe\s+(?:price\s+)?difference\s+(?:in\s+price\s+)?(?:refunded|back|returned|credited)\b",
    re.IGNORECASE,
)
# "Downgrade to pro and refund the difference", "I want to downgrade": a move to a smaller plan asked for now,
# which the help centre's entry on downgrading answers. Not "I downgraded mid month" (done already) nor "if I
# downgrade" (a question about what it would bring).
_ASKS_TO_DOWNGRADE = re.compile(r"^(?!.*\bif\s+(?:i|we)\b).*\bdowngrad(?:e|ing)\b", re.IGNORECASE | re.DOTALL)
# "If I cancel, will I get a refund?", "do I get my money back if we downgrade?": a question about what a change
# would bring, not a request for the refund some charge already qualifies for.
_ASKS_IF_A_CHANGE_REFUNDS = re.compile(
    r"\bif\s+(?:i|we)\s+(?:\w+\s+)?(?:cancel|cancell?ed|downgrade|downgraded|stop|stopped|switch|leave|close|delete"
    r"|unsubscribe|quit|change)\b",
    re.IGNORECASE,
)
# "Do I get my money back?", "will I get a refund?": a refund asked about, of nothing named.
_ASKS_ABOUT_A_REFUND = re.compile(r"\b(?:refund\w*|money\s+back|get\s+(?:my|our)\s+money)\b", re.IGNORECASE)
# "I want to cancel", "how do I cancel my subscription?", "downgrade me to free": ending or shrinking the paid plan.
_ASKS_TO_CANCEL = re.compile(r"\b(?:cancel\w*|unsubscribe|downgrad\w*)\b", re.IGNORECASE)
# "I asked for one last week", "I already requested a refund": a request the customer says they made before.
_SAYS_ONE_WAS_ASKED_FOR = re.compile(r"(?<!\bif\s)\b(?:i|we)\s+(?:already\s+|have\s+already\s+|'ve\s+already\s+|did\s+)?(?:asked|requested"
                                     r"|applied|put\s+in\s+a\s+request)\s+(?:for\s+)?(?:one|a\s+refund|it|the\s+refund|that)\b",
                                     re.IGNORECASE)
# "It's been 3 days", "I asked a week ago", "still waiting after 5 days" right after "I can't find a refund request":
# how long the customer has waited for one asked, which the records do not hold (NW-1002's refusal came alone, and "I
# asked 3 days ago" was read as a charge paid three days ago, "within the window").
_SPAN = (rf"(?:over\s+|more\s+than\s+|almost\s+|nearly\s+|about\s+)?(?:\d+|a|an|several|a\s+few|a\s+couple\s+of"
         rf"|{words_alternation(least=2, most=30)})\s+(?:days?|weeks?|months?)")
_SAYS_HOW_LONG_SINCE_ASKING = re.compile(
    rf"^\W*(?:(?:but|well|and|so|umm?)[,\s]+)?(?:it'?s|its|it\s+has|it\s+is)\s+been\s+{_SPAN}"
    rf"|\b(?:i|we)\s+(?:already\s+)?(?:asked|requested|applied)\s+(?:for\s+(?:it|one|a\s+refund)\s+)?"
    rf"(?:{_SPAN}\s+ago|yesterday|last\s+(?:week|month))"
    rf"|\b(?:been|still)\s+waiting\s+(?:for\s+|over\s+|after\s+)?{_SPAN}",
    re.IGNORECASE)
_REQUEST_NOT_FOUND = "I can't find that request on your account"
_WHETHER_IT_CAN_BE_DONE = f"A person from our team can tell you whether it can be done: would you like me to {OFFER_PERSON}?"
# "I never asked for one", "oh I didn't request one yet": none asked for, as the reply before found.
_SAYS_NONE_WAS_ASKED_FOR = re.compile(
    r"\b(?:i|we)\s+(?:never|haven'?t|have\s+not|havent|didn'?t|did\s+not|didnt)\s+(?:even\s+|actually\s+|yet\s+)?"
    r"(?:asked|ask|requested|request|applied|apply|put\s+in\s+a\s+request)\b(?:\s+for)?(?:\s+(?:one|a\s+refund|it|any))?",
    re.IGNORECASE)
# "I requested a refund from the merchant": another company's refund, which our records would not hold.
_OF_ANOTHER_SELLER = re.compile(r"\b(?:merchant|seller|store|shop|vendor|retailer)s?\b", re.IGNORECASE)
# "Forget NW-2001", "never mind that one", "leave out NW-2001", "not NW-2001": a charge taken back out of a request.
_DROPS_AN_INVOICE = re.compile(
    r"\b(?:forget(?:\s+about)?|never\s*mind|drop|skip|scratch|ignore|leave\s+out|not)\s+(?:the\s+)?"
    r"(?:nw-\d+|that\s+one|the\s+other\s+one|the\s+(?:first|second|older|other|october|november)\s+(?:one|invoice))\b"
    r"|\b(?:i\s+)?meant\s+(?:just|only)\s+the\s+(?:duplicate|double|one)\b",
    re.IGNORECASE,
)
_MEANS_THE_DUPLICATE = re.compile(r"\b(?:just|only)\s+the\s+(?:duplicate|double)\b", re.IGNORECASE)
# "Did you refund it?", "have you asked for it?", "is it refunded?", "why not?": whether what was offered was done.
_ASKS_IF_DONE = re.compile(
    r"^\W*(?:so\s+|and\s+|ok\s+)?(?:did|have|has|was|is)\s+(?:you\s+|it\s+|that\s+|my\s+\w+\s+)?(?:been\s+)?"
    r"(?:refund(?:ed)?|ask(?:ed)?\s+for|request(?:ed)?|file[d]?|reversed|done)\b"
    r"|^\W*(?:and\s+|but\s+|so\s+)?why\s+not\b",
    re.IGNORECASE,
)
# "How long will approval take?", "when will it be approved?", "how long does the review take?": the wait for
# staff, not for the money.
_ASKS_HOW_LONG_APPROVAL_TAKES = re.compile(
    r"\b(?:how\s+long|how\s+soon|when)\b.*\b(?:approv\w*|review\w*|sign\w*\s+off|look\w*\s+at)\b",
    re.IGNORECASE | re.DOTALL,
)


def asks_how_long_approval_takes(text: str) -> bool:
    """"How long will approval take?": the wait for a member of staff (a refund's, or an unlock's)."""
    return bool(_ASKS_HOW_LONG_APPROVAL_TAKES.search(text))


def staff_hours_entry(faq: list[FaqMatch]) -> FaqMatch | None:
    """The help centre's entry on when our staff are in (support hours), however it ranked: what a wait for staff
    is told, the help centre giving no time for their approval."""
    return next((m for m in faq if has_cue(set(normalise(m.question).split()), normalise(m.question),
                                           "support hours", "hours")), None)


# "What's your refund policy": the rules themselves.
# "In which cases can I request refunds?", "in which situations …": when refunds are given, which the rules say.
_POLICY_CUES = ("policy", "policies", "rules", "refund window", "which cases", "what cases", "which situations",
                "what situations", "which circumstances", "what circumstances",
                # "Do you offer refunds?": whether we give them at all (the latest charge was weighed, as if asked for).
                "do you offer refund", "do you do refund", "do you give refund", "do you provide refund",
                "do you allow refund", "are refund possible", "is there a refund")
# "How do refunds work", "refund process?", "am I eligible for a refund", "how do I get a refund": how refunds go
# and whether the customer would get one (in the normalised text, "refunds" reads "refund").
_HOW_REFUNDS_GO_CUES = ("how do refund work", "how does refund work", "how does a refund work", "how do refund",
                        "how does refund", "refund process", "refunding process", "process", "eligible", "eligibility",
                        "qualify", "entitled", "how do i get a refund", "how can i get a refund", "how to get a refund",
                        "how do i request a refund", "how do i ask for a refund", "how can i get my money back",
                        "how do i get my money back")


# "When will I get my refund?", "how long until we see our money?": when the customer's own refund arrives,
# not how long refunds take in general.
ASKS_OF_OWN_REFUND = re.compile(r"\b(?:my|our)\s+(?:refund|money)\b|\b(?:i|we)\s+(?:get|see|receive)\b",
                                re.IGNORECASE)


# "How many days?", "how long do I have?", "how much time?": a length of time asked with nothing else said.
# "Can you make it faster?", "can you speed it up?", "any way to get the money sooner?": whether a refund can come
# sooner than the help centre says, asked after how long one takes (it got the charge weighed for a refund again).
ASKS_TO_SPEED_IT_UP = re.compile(
    r"\b(?:make|get|have)\s+(?:it|that|this|the\s+(?:refund|money|process))\s+(?:go\s+|come\s+|arrive\s+|happen\s+)?"
    r"(?:any\s+|a\s+bit\s+|a\s+little\s+)?(?:faster|quicker|sooner)\b"
    r"|\bspeed\s+(?:it|that|this|things|the\s+(?:refund|process))\s+up\b|\bhurry\s+(?:it|that|this)\s+(?:up|along)\b"
    r"|\bexpedite\b",
    re.IGNORECASE)
_HOW_MANY_DAYS = re.compile(r"^\s*(?:and\s+|so\s+)?(?:how\s+many\s+days|how\s+long|how\s+much\s+time)\b", re.IGNORECASE)


# "But it failed", "why not, it failed", "it didn't go through though" right after an unpaid invoice was said to have
# nothing to refund: the failure said back as if it were why a refund is due (the refund policy came).
_SAYS_IT_FAILED_BACK = re.compile(
    r"^\W*(?:(?:why(?:\s+not)?|but|so|and|well)[,\s]+)*(?:it|the\s+payment|the\s+charge|that(?:\s+one)?|the\s+invoice)\s+"
    r"(?:failed|didn'?t\s+go\s+through|bounced|was\s+declined)(?:\s+though)?\s*[?.!]*\s*$", re.IGNORECASE)
# How the refund part refuses a paid invoice for the window: "I'm sorry — invoice NW-1002 ($29.00), paid on …".
_WINDOW_REFUSAL_TOLD = re.compile(r"\binvoice (?P<number>NW-\d+) \([^)]*\), paid on [\d-]+, is outside our\b")
# "A refund for the failed payment", "refund the declined invoice": the invoice whose payment didn't go through, which was
# never charged (the latest paid invoice was weighed against the window instead).
_THE_FAILED_ONE = re.compile(
    r"\b(?:the|my|that|this)\s+(?:failed|declined|bounced|unpaid|rejected)\s+(?:payment|invoice|charge|one|bill)\b"
    r"|\b(?:payment|invoice|charge)\s+that\s+(?:failed|was\s+declined|didn'?t\s+go\s+through|bounced)\b",
    re.IGNORECASE)
# How the refund part says an invoice was never paid ("why not?" asked of it: WHY_NOTHING).
_NEVER_PAID_TOLD = re.compile(r"\bInvoice (?P<number>NW-\d+) \([^)]*\) was never paid\b")

# "How long do they take?", "how long does it take?" after the refund policy: a refund's time to arrive.
_HOW_LONG_THEY_TAKE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+long\s+(?:does|do|will|would)\s+(?:it|they|that"
                                 r"|those|refunds?|a\s+refund)\s+(?:usually\s+|normally\s+)?take\s*[?.!]*\s*$", re.IGNORECASE)
# "Will it show as a separate transaction?", "how will it appear on my statement?", "will I see it on my bank statement?":
# how a refund shows where the customer's card payments are listed (the refund's status again came).
_HOW_IT_SHOWS = re.compile(
    r"(?<!\bwhen\s)\b(?:will|would|does|do|should)\s+(?:it|the\s+refund|they|that|the\s+money)\s+(?:show|appear|look"
    r"|come\s+through|be\s+listed)"
    r"\s+(?:up\s+)?(?:as|like|on|in)\b"
    r"|\bhow\s+(?:will|would|does)\s+(?:it|the\s+refund|the\s+money)\s+(?:show|appear|look|be\s+listed)\b", re.IGNORECASE)
# How a refund asked of an account with no invoices is answered, and "why not?" after it.
_NO_CHARGES = "I can't find any charges on your account, so there's nothing to refund."


# "The refund hasn't arrived yet", "I still haven't got my refund", "I never received my refund": a refund said to be
# missing, which is where a request stands (the latest invoice was weighed for a new refund, and refused for its window).
_REFUND_NOT_ARRIVED = re.compile(
    r"\brefund\b[^.?!]{0,20}?\b(?:has\s*n[o'’]?t|hasnt|never|not|still\s+not|didn'?t|did\s+not|is\s+not|isn'?t)\s+(?:yet\s+)?"
    r"(?:arrived|come(?:\s+through)?|shown\s+up|appeared|landed|reached\s+me|gone\s+through|here)\b"
    r"|\b(?:haven'?t|have\s+not|never|didn'?t|did\s+not|not|still\s+(?:haven'?t|not))\s+(?:yet\s+)?(?:got(?:ten)?|received"
    r"|seen)\s+(?:my|the|our|a|any)\s+refund\b", re.IGNORECASE)
# "Why can't you?" after a refusal: the reason asked for, as "why not?" asks it (WHY_ALONE).
_WHY_CANT_YOU = re.compile(r"^\W*(?:but\s+)?why\s+(?:can't|cant|cannot|won't|wont)\s+(?:you|i)\s*[?.!]*\s*$", re.IGNORECASE)

class RefundReplies(BillingReplies):
    def refund(self, *, only_duplicates: bool = False) -> None:
        if (self._why_an_unpaid_invoice_has_no_refund() or self._failed_one_meant_after_a_paid_one_refused()
                or self._why_nothing_to_refund() or self._how_long_refunds_take_after_the_policy()):
            return
        if asks_for_credit_instead(self.ctx.message):
            self._credit_instead_unsaid()
            return
        if self._where_the_refund_goes() or self._how_a_refund_shows():
            return
        if self._window_asked_after_the_policy():
            # "How many days?" right after the policy's "within 14 days": how long there is to ask, which the
            # policy just said, and how long the money then takes, which the timing entry says.
            days = self.ctx.constraints.refund_window_days
            self.reply.add(f"You have {days} days from a payment to ask for a refund of it (a charge taken twice "
                           "can be refunded whenever it happened).")
            if (timing := self._refund_timing_entry()) is not None:
                self.reply.add(timing.answer)
                self._cite_faq(timing)
            return
        if self._answers_the_window_for_a_charge_paid_ago():
            return
        if self._answers_where_the_policy_applies():
            return
        if self._refund_named_by_reference():
            return
        if self.ctx.customer is None or not self.facts.has_billing:
            if asks_about_staff_review(self.ctx.message):
                # "When will staff look at it?" from a visitor: no refund of theirs can be seen; how approval goes,
                # and when staff are in, can be said to anyone.
                if self.ctx.customer is None:
                    self._ask_to_sign_in("whether a refund of yours is waiting for approval")
                self._staff_approval_wait(waiting=False, arrival=True)
                return
            match = self._faq(floor=FAQ_PLAUSIBLE)
            if match is not None and "refund" in normalise(match.question + " " + match.answer):
                self._quote_faq(match, hedge=False)
            else:
                self._refund_policy()
            if self._asks_about_own_billing():
                self._ask_to_sign_in("your payments")
            return
        if any(a.kind == "refund" for a in self.reply.actions):
            return
        if self.facts.action_records:
            self._report_actions()
            return
        if (_SAYS_NONE_WAS_ASKED_FOR.search(self.ctx.message) and not self.facts.refunds
                and NO_REFUND_REQUESTED in last_assistant_text(self.ctx)):
            # "I never asked for one i think" after "I can't find a refund request": agreed with, not read as a request
            # (NW-1002's refusal came).
            self.reply.add("That matches what I see: there's no refund request on your account.")
            if not self._offer_qualifying_refunds():
                self.reply.add("If you'd like one, tell me which charge it's for and I'll check it against our refund "
                               "policy.", answers=False)
            return
        if ((_SAYS_ONE_WAS_ASKED_FOR.search(self.ctx.message) or self._waited_for_a_refund_never_asked())
                and not _OF_ANOTHER_SELLER.search(self.ctx.message) and not self.facts.refunds):
            # "I asked for one last week" after "I can't find a refund request": the records have none, which is said
            # before the charges are weighed as a request made now (it got NW-1002's refusal alone).
            self.reply.add(f"{_REQUEST_NOT_FOUND}, so it hasn't reached us; if you asked another way (by email, say), a "
                           "person from our team can look for it.", answers=False)
        if self._refunds_made_are_asked_about():
            return
        if self._drops_an_invoice():
            return
        if self._asks_if_the_offer_was_filed():
            return
        if self.answers_refund_no_action_covers():
            return
        if self.answers_which_invoice():
            return  # "which invoice?" asks which one was meant; it requests nothing
        if self.answers_refund_of_no_charge_of_theirs():
            return
        if self._tells_who_approves():
            return
        how_refunds_go = has_cue(self.words, self.norm, *_HOW_REFUNDS_GO_CUES) or asks_how_one_is_given(self.ctx.message)
        if (how_refunds_go or has_cue(self.words, self.norm, *_POLICY_CUES)) and not self._invoices_named() \
                and not self._refund_wanted():
            # A question about the policy or how refunds go: the rules, and how to ask, or for "…and can I get
            # one for october?" the rules and that month's charge weighed against them. A charge that qualifies
            # is offered, never asked for: the customer asked how refunds go, not for one. "Am I eligible?"
            # with none that qualifies: the latest charge weighed, which says why not.
            self._refund_policy()
            if self._months_in(self.ctx.message):
                self._refund_options_for(self._refund_options_asked(only_duplicates=False))
            elif not self._offer_qualifying_refunds():
                if how_refunds_go:
                    self._refund_options_for(self._refund_options_asked(only_duplicates=False))
                else:
                    self.reply.add("If you'd like a refund for a particular charge, tell me which invoice and I'll "
                                   "check it against the policy.", answers=False)
            return
        if self.answers_how_long_approval_takes():
            return
        if self._tells_it_cannot_come_sooner():
            return
        # Not "can I get my money back for november?", a refund asked of a month (the refunds' status and the policy
        # answered it, as if asked when one arrives).
        if (has_cue(self.words, self.norm, "how long", "how many days", "how soon", "when will i get", "when do i get",
                    "when will the money") or asks_when_the_refund_arrives(self.ctx)) and not self._invoices_named():
            # The entry on how long a refund takes, wherever it ranked: "how long until I see the money?"
            # shares few words with it, and the question itself says it is about timing.
            match = self._refund_timing_entry() or self._faq(floor=FAQ_PLAUSIBLE)
            if match is not None and "refund" in normalise(match.question):
                if not self.facts.refunds and ASKS_OF_OWN_REFUND.search(self.text):
                    # "When will I get my refund?" with none asked for: none is on its way, whatever the timing.
                    self._refund_status(timing=match)
                    return
                self._quote_faq(match, hedge=False)
                if self.facts.refunds:  # "when will I get the money?" after asking for one: where it stands
                    self._refund_status()
                return
        if self._pushes_back_on_a_refusal():
            # "Why not? It's only $29": the same refusal again answers nothing; the rule, once, and a person.
            window = self.ctx.constraints.refund_window_days
            if SAYS_IT_WENT_UNUSED.search(self.ctx.message):
                # "That's not fair, I didn't use it" after the rule was told: the reason heard, not the rule over again
                # behind "My answer is the same".
                self.reply.add(f"I hear you, and having had little or no use from it is a fair reason to ask. The {window}-day window "
                               "applies whether or not the plan was used, though, and only a person from our team can "
                               f"make an exception: would you like me to {OFFER_PERSON}?")
                return
            if WHY_ALONE.match(self.ctx.message) or _WHY_CANT_YOU.match(self.ctx.message):
                # "Why not?": the reason, which "I understand" did not give.
                self.reply.add(f"Because that charge is outside the {window}-day window our refund policy allows: a charge "
                               f"can be refunded only within {window} days of its being paid. I can't make an exception to "
                               f"it myself, but a person from our team can look at it with you: would you like me to "
                               f"{OFFER_PERSON}?")
                return
            self.reply.add(f"I understand. The {window}-day window applies to every "
                           "charge, and I can't make an exception to it myself. A person from our team can look at it "
                           f"with you: would you like me to {OFFER_PERSON}?")
            return
        if accepts_offer(self.ctx, OFFER_REFUND):
            self._refund_options_for([o for o in one_per_invoice(self.facts.refund_options)
                                      if o.get("allowed") and not o.get("already_requested")])
            return
        # A bare "yes" to anything but that offer requests nothing: say where things stand instead.
        # Only the message's own invoice counts: "is it approved yet?" asks of the request filed, whatever
        # invoice the conversation's topic also named.
        if ((self._asks_refund_status() or affirms(self.ctx.message) or asks_if_it_went_through(self.ctx.message)
             or lets_the_refund_go_on(self.ctx)) and not invoice_numbers(self.ctx.message)):
            self._refund_status()
            return
        if self._refund_declined() and not self._mentions_double_charge():
            # "I don't want a refund, I just want to know what NW-2002 was for": the charge is the question.
            self.billing()
            return
        if not self._refund_is_asked_about():
            # "I was charged $29 on Nov 1 — did you take the money?": the charge is the question, which
            # the billing part answers; weighing a refund nobody asked for would refuse one unasked.
            # Nor a bare "cancel": that is for the help centre's entry, not the invoice list.
            if has_cue(self.words, self.norm, "charge", "charged", "charges", "paid", "pay", "payment", "money",
                       "bill", "billed", "invoice") or invoice_numbers(self.text) or self.invoices_for_amounts is not None:
                self.billing()
            return
        if ASKS_WHY_MORE.search(self.ctx.message) and not self._names_a_refund_itself():
            # "That's more than last month" after a reply that offered the duplicate's refund: the charge weighed against
            # the ones before it (the billing part), not the refund window of the first invoice the reply named.
            self.billing()
            return
        if asks_for_both_charges(self.ctx.message) and (filed := self._duplicates_refund_filed()):
            # "The full amount, not just the duplicate" after the duplicate's refund was filed: "You're right, I can see
            # it" and the duplicate again, as if the first payment had not been asked of.
            for refund in filed:
                self._refund_state(refund)
            self._first_payments_asked_too()
            return
        if self._mentions_double_charge() and not self._names_an_invoice_not_own() and (
                not self._invoices_named() or self._names_own_charged_once()) and not asks_for_both_charges(
                self.ctx.message):
            # "I was charged twice": the answer is whether a charge was duplicated, not the
            # refund window of whatever was paid last. "I was double charged on NW-2001" of an invoice of
            # theirs taken once: that it was taken once, and where the duplicate is, not that one's window.
            self._duplicates()
            if wants_a_document(self.ctx.message):
                # "Can I get an invoice for the duplicate charge?": the invoice both payments were taken for is where
                # its copy is (the refund was filed, as if asked for).
                doubled = self._invoices_charged_twice()
                self._where_documents_are([i for i in self.facts.invoices if i.number in doubled])
            return
        foreign = self._invoices_named_not_own()
        if foreign:
            # "Refund NW-2002", or "refund that one" after asking about it, when it is someone else's:
            # no other charge of the customer's is weighed instead, as if it were the one meant.
            # Not named back: a number that is not the customer's is never repeated to them (the critic's rule).
            self.reply.add(f"I can't find {'that invoice' if len(foreign) == 1 else 'those invoices'} on your "
                           "account, and I can only refund charges on your own account. If you tell me which of "
                           "your invoices you mean, I'll check it against our refund policy.")
            return
        self._refund_options_for(self._refund_options_asked(only_duplicates=only_duplicates))
        if asks_for_both_charges(self.ctx.message):
            self._first_payments_asked_too()

    def _duplicates_refund_filed(self) -> list[RefundFact]:
        """The live refunds of invoices charged twice: one per invoice, for its duplicate."""
        twice = self._invoices_charged_twice()
        return [r for r in self.facts.refunds if r.invoice_number in twice and r.status != "rejected"]

    def _first_payments_asked_too(self) -> None:
        """For "refund both payments": each invoice charged twice has one refund here, its duplicate's; its first
        payment, the invoice's own charge, is weighed against the window and left to a person."""
        window = self.ctx.constraints.refund_window_days
        for duplicate in (p for p in self.facts.payments if p.duplicate):
            number = duplicate.invoice_number
            first = next((o for o in self.facts.refund_options if o.get("invoice_number") == number
                          and o.get("reason") != "duplicate_charge"), None)
            if first is None:
                continue
            where = "within" if first.get("allowed") else "outside"
            self.reply.add(f"The first payment for {number} ({money(first.get('amount', '0'))}) is the invoice's own "
                           f"charge, and it's {where} our {window}-day refund window. I can only ask for one refund per "
                           "invoice from this chat, and the one for it is for the duplicate, so a person from our team "
                           f"would need to look at refunding the first payment: would you like me to {OFFER_PERSON}?")

    def answers_how_long_approval_takes(self) -> bool:
        """"How long will approval take?", "when will staff look at it?": each refund waiting for a member of staff
        (from the facts) and once approved how long the money takes, or that none is waiting, where the others
        stand and what would qualify; and what the help centre says of staff approval and hours (it gives no time
        for approval, which is said, not guessed). Not the arrival time alone, which answers a different wait."""
        if not asks_how_long_approval_takes(self.ctx.message):
            return False
        live = self._live_refunds()
        waiting = [r for r in live if r.status not in ("approved", "completed")]
        said_before = last_assistant_text(self.ctx)
        for refund in waiting:
            # Asked again ("when will staff look at it?" after "how long will approval take?"): it is still waiting.
            still = " still" if refund.reference in said_before else ""
            self.reply.add(f"Your refund of {money(refund.amount)} for invoice {refund.invoice_number} (reference "
                           f"{refund.reference}) is{still} waiting for a member of our staff to review it.")
        if not waiting:
            if live:
                self.reply.add("None of your refunds is waiting for approval:")
                for refund in live:
                    self._refund_state(refund)
            else:
                none_said = "no refund on your account waiting for approval" in said_before
                self.reply.add(f"There's {'still ' if none_said else ''}no refund on your account waiting for "
                               "approval, so there's nothing for our staff to look at yet.")
        # With none waiting, when money would arrive answers nothing asked (one paid back says so with it).
        self._staff_approval_wait(waiting=bool(waiting), arrival=bool(waiting))
        if not live:
            qualifying = [o for o in one_per_invoice(self.facts.refund_options) if o.get("allowed")]
            if qualifying:
                charges = ", ".join(f"invoice {o['invoice_number']} ({money(o['amount'])})" for o in qualifying)
                self.reply.add(f"I can see that {charges} would qualify for a refund: {OFFER_REFUND}.", answers=False)
        self.reply.answered = True
        return True

    def _staff_approval_wait(self, *, waiting: bool, arrival: bool) -> None:
        """Who approves a refund (unless one is `waiting`, which says so), that the help centre gives no time for
        it, the staff's hours from its entry on them, and with `arrival` how long the money takes once approved:
        only what the policy and the help centre say."""
        limit = money(self.ctx.constraints.agent_refund_limit)
        if not waiting:
            self.reply.add(f"I can approve refunds up to {limit} myself; larger ones wait for a member of our staff "
                           "to approve them.", answers=False)
        self.reply.add("Our help centre doesn't give a time for staff approval, so I can't promise you one.",
                       answers=False)
        hours = staff_hours_entry(self.facts.faq)
        if hours is not None:
            self.reply.add(f"About when our staff are in, the help centre says: {hours.answer}", answers=False)
            self._cite_faq(hours)
        if not arrival:
            return
        timing = self._refund_timing_entry()
        if timing is not None and timing.answer in last_assistant_text(self.ctx):
            return  # said in the turn just before, which this question follows
        if timing is not None:
            lead = "" if timing.answer.lower().startswith("once") else "Once it's approved: "
            self.reply.add(f"{lead}{timing.answer}", answers=False)
            self._cite_faq(timing)
        else:
            self.reply.add(f"Once it's approved: {REFUND_ARRIVES}", answers=False)

    def _drops_an_invoice(self) -> bool:
        """"No wait, forget NW-2001, I meant just the duplicate": a correction that takes a charge back out of what
        was asked, acknowledged, and where the refunds asked for stand (not the dropped charge weighed again)."""
        found = _DROPS_AN_INVOICE.search(self.ctx.message)
        if found is None:
            return False
        own = {i.number for i in self.facts.invoices}
        dropped = sorted(invoice_numbers(self.ctx.message) & own)
        what = f"invoice {joined_with_and(dropped)}" if dropped else "that"
        only = " only the duplicate:" if _MEANS_THE_DUPLICATE.search(self.ctx.message) else ""
        self.reply.add(f"OK,{only} I won't ask for a refund of {what}.")
        if self.facts.refunds:
            self._refund_status()
        else:
            self._offer_qualifying_refunds()
        self.reply.answered = True
        return True

    def _asks_if_the_offer_was_filed(self) -> bool:
        """"Did you refund it?", "why not?" right after a refund was offered and not asked for: plainly not yet,
        as it is asked for only when the customer says so, and the offer again (not the whole answer repeated)."""
        offered = OFFER_REFUND in last_assistant_text(self.ctx)
        if not offered or self._refund_wanted() or not _ASKS_IF_DONE.search(self.ctx.message):
            return False
        waiting = [o for o in one_per_invoice(self.facts.refund_options)
                   if o.get("allowed") and not o.get("already_requested")]
        if not waiting:
            return False
        charges = joined_with_and([f"{money(o['amount'])} for invoice {o['invoice_number']}" for o in waiting])
        self.reply.add(f"No, not yet: I only ask for a refund when you tell me to. The {charges} still qualifies: "
                       f"{OFFER_REFUND}.")
        self.reply.answered = True
        return True

    def answers_refund_of_no_charge_of_theirs(self) -> bool:
        """Someone else's charge ("refund alice's payment", "can my friend get a refund"), an approval ("approve
        refund RF-0001", whoever the customer says they are) or money back for an outage: none is a refund of a
        charge of the customer's as it was charged, so none is asked for; weighing the customer's charges instead
        would file whichever happens to qualify (the duplicate), which is not what was asked."""
        message = self.ctx.message
        if self._names_someone_elses_charge():
            # Nothing of the other person's is looked at or named, nor the customer's own charges offered instead.
            self.reply.add("I can only look at and refund charges on your own account, so I can't do anything about "
                           "a charge that's someone else's, and I can't share anything about their account. They "
                           "can ask us themselves, signed in to their own account.")
            return True
        if asks_to_approve_a_refund(message):
            self.reply.add("Refunds are approved by our staff in their own tools, not in this chat, so I can't approve "
                           "one here, whoever asks. Here's where refunds on your account stand:")
            self._refund_status()
            return True
        # The question this part answers: of "… what is the SLA, and can I get a refund for NW-2001?", the refund's
        # clause names no outage (it got money back for downtime, and nothing of NW-2001).
        if blames_the_service(message) and (self.text == message or blames_the_service(self.text)):
            self._refund_for_the_service()
            return True
        return False

    def _names_an_invoice_not_own(self) -> bool:
        """"I was charged twice on NW-1003" of another customer's invoice: refused below as not theirs; whether
        it was charged twice is not looked at (nor the number named back)."""
        return bool(invoice_numbers(self.ctx.message) - {i.number for i in self.facts.invoices})

    def _names_own_charged_once(self) -> bool:
        """Whether the message names invoices, all the customer's own and none of them charged twice."""
        named = invoice_numbers(self.ctx.message)
        own = {i.number for i in self.facts.invoices}
        twice = {p.invoice_number for p in self.facts.payments if p.duplicate}
        return bool(named) and named <= own and not named & twice

    def _names_someone_elses_charge(self) -> bool:
        """"Refund alice's payment", "my coworker's invoice", "the customer carol": not the customer's own."""
        customer = self.ctx.customer
        own_names = [*(customer.name.split() if customer else []),
                     *([self.facts.account.username] if self.facts.account else [])]
        # Invoice numbers are left to the "that invoice isn't on your account" answer (own_invoices=None).
        return names_someone_elses_charge(self.ctx.message, own_names=own_names) or names_someone_else(
            self.ctx.message, own_names=own_names, own_customer_id=customer.external_id if customer else "",
            own_email=customer.email if customer else "")

    def _refund_for_the_service(self) -> None:
        """"A refund because of the eu-west outage": the refund policy covers charges (in the window, or taken
        twice), not how the service ran. The help centre's SLA entry if it was gathered, a person to weigh it, and
        a charge that does qualify named as available, never requested."""
        self._refund_policy()
        sla = next((m for m in self.facts.faq if "sla" in normalise(m.question).split()), None)
        if sla is not None:
            self.reply.add(f"On uptime, our help centre says: {sla.answer}")
            self._cite_faq(sla)
        self.reply.add("Money back or credits for an outage or downtime aren't something I can decide or ask for "
                       "myself: a person from our team looks at it against the SLA. Would you like me to "
                       f"{OFFER_PERSON}?")
        self._name_other_qualifying(besides=set())

    def _offer_qualifying_refunds(self) -> bool:
        """Each charge that qualifies and has no request yet, explained and offered (not asked for: the message
        asks about refunds); whether there was any."""
        qualifying = [o for o in one_per_invoice(self.facts.refund_options)
                      if o.get("allowed") and not o.get("already_requested")]
        for option in qualifying:
            self._refund_option(option)
        return bool(qualifying)

    def _refund_wanted(self) -> bool:
        """Whether the message asks for a refund of the customer's own charge, or says yes to one offered."""
        return accepts_offer(self.ctx, OFFER_REFUND) or refund_wanted(
            self.ctx, charged_twice=self._charged_twice_totals().values())

    def answers_refund_no_action_covers(self) -> bool:
        """Withdrawing a refund request, a partial refund, a refund a change of plan would bring: nothing the
        agents can do or the policy covers, so answered from the facts and the policy, with a person offered.
        Weighing the charges instead would file whichever refund happens to qualify (a duplicate), which is
        not what was asked."""
        message = self.ctx.message
        if _WITHDRAWS_A_REFUND.search(message) or withdraws_the_refund_just_asked(self.ctx):
            self._cannot_withdraw_refund()
            return True
        if (_ASKS_PART_OF_A_CHARGE.search(message) or (self._part_of_a_charge_quoted()
                                                         and not self._invoices_named())) and not self._mentions_double_charge():
            if _ASKS_TO_DOWNGRADE.search(message):
                self._how_to_downgrade()  # "downgrade to pro and refund the difference": the move asked for first
            self._beyond_the_policy("partial or prorated refunds")
            return True
        if (_ASKS_IF_A_CHANGE_REFUNDS.search(message) or self._refund_asked_after_cancelling()) and not (
                self._mentions_double_charge() or self._invoices_named()):
            self._beyond_the_policy("refunds for cancelling or changing your plan")
            return True
        return False

    def _refund_asked_after_cancelling(self) -> bool:
        """"Do I get my money back?", "will I get a refund for this month?" a question or two after asking to cancel
        or to change plan ("how do I change my plan to pro?" from Business, "how do I upgrade to business?" from Pro): a
        refund the cancelling or the move would bring (the last paid invoice was refused for the window, or the duplicate
        offered, as if asked of them)."""
        # "Can I get a refund for this month?" when this month's only invoice was never paid: that there's no charge to
        # refund (_refund_options_for), not that the policy is silent on cancelling.
        relative = self._relative_month_invoices()
        if relative is not None and relative[1] and all(invoice.unpaid for invoice in relative[1]):
            return False
        if all(invoice.unpaid for invoice in self.facts.invoices):
            return False  # Carol, on Free, has no charge a move could refund: "nothing to refund" says it
        return bool(_ASKS_ABOUT_A_REFUND.search(self.ctx.message)) and not self._months_in(self.ctx.message) and any(
            _ASKS_TO_CANCEL.search(text) or self._moves_to_another_plan(text) for text in questions_before(self.ctx)[:2])

    def _moves_to_another_plan(self, text: str) -> bool:
        """"How do I change my plan to pro?" from Business, "how do I upgrade to business?" from Pro: a move to a plan other
        than the customer's own ("upgrade me to business" from Business moves nothing)."""
        if self.ctx.customer is None or not plan_change_named(text):
            return False
        named = plan_moved_to(text) or next((m.split()[0] for m in PLAN_NAMED.findall(text)), None)
        return named is None or named.lower() != self.ctx.customer.plan.lower()

    def _part_of_a_charge_quoted(self) -> bool:
        """"Refund NW-2002 but only $50": an amount asked for that is no charge of the customer's and less than
        one. A refund is of a whole charge, its amount from the facts (never the customer's figure)."""
        quoted = {Decimal(a.replace(",", "")) for a in AMOUNT.findall(self.ctx.message)}
        charges = {i.amount for i in self.facts.invoices} | {p.amount for p in self.facts.payments}
        return any(0 < amount < max(charges) for amount in quoted - charges) if charges else False

    def _refund_held_back(self) -> str | None:
        """Why a refund that qualifies is offered rather than asked for: the customer said they don't want one
        ("declined"), asked for part of the charge ("partial") or didn't ask for one ("not_asked"); None when
        the message asks for it."""
        if self._refund_declined():
            return "declined"
        if _ASKS_PART_OF_A_CHARGE.search(self.ctx.message) or self._part_of_a_charge_quoted():
            return "partial"
        if not self._refund_wanted() or self.duplicate_claim_mismatched:
            # "Am I eligible?", "was I charged twice?": a question, answered; the refund waits for a yes.
            return "not_asked"
        return None

    def _how_to_downgrade(self) -> None:
        """The customer's plan and the help centre's entry on downgrading, as "can I downgrade to pro?" is
        answered; the entry is looked for among those gathered however low it ranked, as the message names it."""
        customer = self.ctx.customer
        if customer is not None:
            self.reply.add(f"{on_plan(customer.plan, customer.plan_price)}.")
        entry = next((m for m in self.facts.faq if any(w.startswith("downgrad") for w in normalise(m.question).split())),
                     None)
        if entry is not None:
            self.reply.add(f"To downgrade: {entry.answer}")
            self._cite_faq(entry)

    def _relative_month_invoices(self) -> tuple[str, list[InvoiceFact]] | None:
        """"Last month", "this month": the customer's words for it and the invoices issued in it, counted from
        the day the policy is applied on; None when the message names no such month."""
        found = RELATIVE_MONTH.search(self.ctx.message)
        if found is None or not self.ctx.today:
            return None
        month = month_counted_from_today(found, self.ctx.today)
        return found[0].lower(), [i for i in self.facts.invoices if (i.issued_on.year, i.issued_on.month) == month]

    def _name_other_qualifying(self, *, besides: set[str]) -> None:
        """A charge that does qualify, named but not requested: the customer asked for something else. Not
        worded as the refund offer a bare "yes" accepts, as a person may have been offered just before."""
        qualifying = [o for o in one_per_invoice(self.facts.refund_options)
                      if o.get("allowed") and not o.get("already_requested") and o.get("invoice_number") not in besides]
        for option in qualifying:
            why = ("it was charged twice" if option.get("reason") == "duplicate_charge"
                   else f"it was paid within the last {self.ctx.constraints.refund_window_days} days")
            self.reply.add(f"Separately, invoice {option['invoice_number']} ({money(option['amount'])}) qualifies "
                           f"for a full refund, because {why}: if you'd like that, just ask and I'll request it.",
                           answers=False)

    def _completed_refunds(self) -> list[RefundFact]:
        return [r for r in self.facts.refunds if r.status == "completed"]

    def _refunds_made_are_asked_about(self) -> bool:
        """"I didn't ask for a refund, what is this for?" and "how much have you refunded me in total?" are
        about the refunds made, not a new request: weighing one against the window would answer neither."""
        made = self._completed_refunds()
        if not made or self._invoices_named():
            return False
        if _ASKS_WHAT_A_REFUND_IS.search(self.ctx.message):
            for refund in made:
                # Only a refund nobody asked for was a person's own doing; one asked for may have been made
                # by the agents within their limit.
                how = ("paid back to you by a member of our team" if not refund.requested else
                       "paid back to you after it was asked for in a conversation with us")
                self.reply.add(f"That's a refund of {money(refund.amount)} for invoice {refund.invoice_number} "
                               f"(reference {refund.reference}), {how}.")
            self.reply.add(REFUND_ARRIVES, answers=False)
            self.reply.add(f"If you'd like to know more about why it was made, I can {OFFER_PERSON} from our team.",
                           answers=False)
            self.reply.answered = True
            return True
        if _ASKS_WHAT_WAS_PAID_BACK.search(self.ctx.message) and has_cue(
                self.words, self.norm, "in total", "total", "so far", "altogether", "all together", "how much"):
            each = "; ".join(f"{money(r.amount)} for invoice {r.invoice_number} (reference {r.reference})" for r in made)
            back = (self.facts.totals or {}).get("paid_back")
            total = f"Altogether {money(back)} has been paid back to you: " if back else "Paid back to you: "
            self.reply.add(f"{total}{each}.")
            self.reply.answered = True
            return True
        return False

    def _window_asked_after_the_policy(self) -> bool:
        """"How many days?", "how long do I have?" as the whole message, right after a reply that gave the refund
        window ("within 14 days of being paid"): the window, though alone it reads as how long a refund takes."""
        days = self.ctx.constraints.refund_window_days
        return (len(self.words) <= 6 and bool(_HOW_MANY_DAYS.search(self.ctx.message))
                and f"within {days} days" in last_assistant_text(self.ctx))

    def _waited_for_a_refund_never_asked(self) -> bool:
        """"It's been 3 days" right after "I can't find a refund request": how long they have waited for one."""
        return (bool(_SAYS_HOW_LONG_SINCE_ASKING.search(self.ctx.message))
                and NO_REFUND_REQUESTED in last_assistant_text(self.ctx))

    def _answers_the_window_for_a_charge_paid_ago(self) -> bool:
        """"What if it was 3 weeks ago?" after the refund policy: the window applied to that age, said plainly first
        (the policy told again answered nothing). Not a message that names a refund itself ("I paid 3 weeks ago,
        refund it", "my refund was approved 2 weeks ago"), a charge taken twice or an invoice named: those are
        weighed on the customer's own charges and refunds."""
        paid_ago = _PAID_AGO.search(self.ctx.message)
        # A refund named in the message itself is its own age ("my refund was approved 2 weeks ago", "I asked for a
        # refund 3 days ago"), not a charge's: only a follow-up leaning on the refund talk applies the window.
        own_words = set(normalise(self.ctx.message).split())
        if (paid_ago is None or invoice_numbers(self.ctx.message) or len(own_words) > 12
                or self._names_a_refund_itself() or self._refund_wanted()
                or self._mentions_double_charge() or not self._refund_is_asked_about()
                or self._waited_for_a_refund_never_asked()):
            return False
        count_text, unit = paid_ago["count"].lower(), paid_ago["unit"].lower().rstrip("s")
        count = 1 if count_text in ("a", "an") else count_of(count_text)
        count = 2 if count is None else count  # "a couple"
        days_ago = count * _DAYS_IN_UNIT[unit]
        window = self.ctx.constraints.refund_window_days
        # Told in words: a figure of the customer's that no fact holds ("3 weeks") is one the critic strikes out.
        in_words = said_in_words(count)
        age = f"{in_words} {unit}{'s' if count > 1 else ''} ago" if in_words else "that long ago"
        if days_ago <= window:
            self.reply.add(f"Yes: a charge paid {age} is within our {window}-day refund window, so it can be "
                           "refunded.")
        else:
            # The rule on duplicates, as the policy words it: the window does not apply to them.
            duplicates = next((rule for rule in self.ctx.constraints.rules if "duplicate" in rule.lower()), "")
            self.reply.add(f"No: a charge paid {age} is outside our {window}-day refund window, so it can't be "
                           f"refunded. {duplicates}".strip())
        return True

    def _answers_where_the_policy_applies(self) -> bool:
        """"Does it apply to annual plans?" right after the refund policy: it does, to every charge on every plan
        however often it is billed (its rules name no plan), with the two rules on which charges qualify. Free is
        charged nothing, which is said instead. False, having said nothing, for another message, or one asking of
        something other than a plan or a way of billing ("does it apply to my october invoice?" is weighed)."""
        asked = _POLICY_SCOPE_ASKED.match(self.ctx.message)
        if (asked is None or not _PLAN_OR_BILLING.match(asked["what"].strip())
                or f"within {self.ctx.constraints.refund_window_days} days" not in last_assistant_text(self.ctx)):
            return False
        rules = " ".join(self.ctx.constraints.rules[:2])
        plan = _ONE_PLAN.search(asked["what"])
        if plan is not None and plan["plan"].lower() == "free":
            self.reply.add(f"The Free plan costs nothing, so there's no charge on it to refund. On a paid plan the "
                           f"same policy applies to every charge. {rules}")
        elif _BILLED_YEARLY.search(asked["what"]):
            self.reply.add(f"Yes: our refund policy applies to every charge, whatever the plan and whether it's paid "
                           f"monthly or yearly. {rules}")
        elif plan is not None:
            self.reply.add(f"Yes: our refund policy is the same on every plan, {plan['plan'].capitalize()} included. "
                           f"{rules}")
        else:
            self.reply.add(f"Yes: our refund policy applies to every charge, on every plan. {rules}")
        self.reply.answered = True
        return True

    def _tells_it_cannot_come_sooner(self) -> bool:
        """"Can you make it faster?" about a refund: that nothing here makes it come sooner, how long one takes once
        approved (the help centre's entry) and where the customer's own stands, or the charge that would qualify,
        offered: the sooner it is asked for, the sooner it comes. False, having said nothing, for another message."""
        if not ASKS_TO_SPEED_IT_UP.search(self.ctx.message) or not self._refund_is_asked_about():
            return False
        timing = self._refund_timing_entry()
        if not self.facts.refunds:
            # "I can't make a refund arrive any sooner" spoke of a refund there isn't, and said so only after it.
            self._refund_status(timing=timing, none_yet="There's no refund on its way to speed up: I can't find a "
                                                        "refund request on your account.")
            self.reply.answered = True
            return True
        self.reply.add("I'm sorry, I can't make a refund arrive any sooner from here."
                       + (f" {timing.answer}" if timing is not None else ""))
        if timing is not None:
            self._cite_faq(timing)
        self._refund_status()
        self.reply.answered = True
        return True

    def _where_the_refund_goes(self) -> bool:
        """"Do refunds go back to the original card?": to the card, as the entry on a refund's timing says; "what if that
        card is closed?" after it: the help centre doesn't say, with a person. False, having said nothing, for another
        message or without that entry."""
        if asks_of_a_refund_to_a_card_gone(self.ctx):
            self.reply.add("Our help centre doesn't say what happens to a refund when the card it goes back to is "
                           "closed, so I'd rather not guess. A person from our team can check it for you: would you "
                           f"like me to {OFFER_PERSON}?")
            return True
        if asks_for_a_refund_elsewhere(self.ctx):
            # Before where a refund goes: "can it go to my new card instead?" names where, and asks for another.
            self.reply.add("Our help centre doesn't describe sending a refund anywhere but the card it was paid "
                           "from, so I can't promise that, and nothing in this chat can change where it goes.")
            self._timing_entry_told("What it says: ")
            self.reply.add(_WHETHER_IT_CAN_BE_DONE, answers=False)
            return True
        if not asks_where_a_refund_goes(self.ctx.message) or (timing := self._refund_timing_entry()) is None:
            return False
        self.reply.add(f"To your card, as our help centre puts it: {timing.answer}")
        self._cite_faq(timing)
        return True

    def _how_a_refund_shows(self) -> bool:
        """"Will it show as a separate transaction?": the help centre says when a refund reaches the card, not how it is
        listed there, which the customer's bank can say. False, having said nothing, for another message, or one that
        names no refund after a reply that spoke of none."""
        refund_talk = f"{self.ctx.message} {last_assistant_text(self.ctx)}"
        if not _HOW_IT_SHOWS.search(self.ctx.message) or not re.search(r"\brefund", refund_talk, re.IGNORECASE):
            return False
        self.reply.add("Our help centre doesn't say how a refund is listed on your card statement, so I'd rather not "
                       "guess; your bank can tell you how it shows there.")
        self._timing_entry_told("What it does say: ")
        return True

    def _timing_entry_told(self, lead: str) -> None:
        """The help centre's entry on a refund's timing after `lead`, beside a reply that it doesn't say what was asked;
        nothing when that entry was not gathered."""
        if (timing := self._refund_timing_entry()) is not None:
            self.reply.add(f"{lead}{timing.answer}", answers=False)
            self._cite_faq(timing)

    def _credit_instead_unsaid(self) -> None:
        """"Can I get it as credit instead?": the help centre describes refunds paid back, and nothing of keeping the
        money as credit on the account, which is said rather than guessed, with a person offered."""
        self.reply.add("Our help centre doesn't mention taking a refund as credit on your account instead, so I'd "
                       "rather not guess.")
        self._timing_entry_told("What it says about refunds: ")
        self.reply.add(_WHETHER_IT_CAN_BE_DONE, answers=False)

    def _how_long_refunds_take_after_the_policy(self) -> bool:
        """"How long do they take?", "how long does it take?" right after the refund policy: how long a refund takes to
        arrive, which the timing entry says (the scope reply, or the window, came). False, having said nothing, for
        another message or without the entry."""
        if (not _HOW_LONG_THEY_TAKE.match(self.ctx.message) or REFUND_POLICY_TOLD not in last_assistant_text(self.ctx)
                or (timing := self._refund_timing_entry()) is None):
            return False
        self._quote_faq(timing, hedge=False)
        return True

    def _refund_timing_entry(self) -> FaqMatch | None:
        for match in self.facts.faq:
            question = normalise(match.question)
            words = set(question.split())
            if "refund" in words and has_cue(words, question, "how long", "arrive", "when"):
                return match
        return None

    def _pushes_back_on_a_refusal(self) -> bool:
        """A reply to a refund refused for its window that argues with it rather than naming another charge
        (follow_ups.billing.pushes_back_on_a_refund_refused, which the orchestrator's label rule reads too)."""
        return pushes_back_on_a_refund_refused(self.ctx)

    def _names_a_refund_itself(self) -> bool:
        """Whether the message's own words, not the question it follows, name a refund or money back."""
        norm = normalise(self.ctx.message)
        return has_cue(set(norm.split()), norm, *REFUND_CUES)

    def _refund_is_asked_about(self) -> bool:
        """Whether the message, the question it follows or the offer it answers is about getting money
        back, or a charge taken twice: a refund label alone (a model's guess) is not."""
        about = f"{self.text}\n{with_topic(self.ctx)}"
        norm = normalise(about)
        # "And september?" after a refund refused and "why not?": the refusal is two replies back.
        return (has_cue(set(norm.split()), norm, *REFUND_CUES)
                or any("refund" in normalise(text).split() for text in assistant_texts(self.ctx)[:2])
                or self._quotes_double_total() or self._reports_double_charge())

    def _why_an_unpaid_invoice_has_no_refund(self) -> bool:
        """"Why not?" right after "Invoice NW-1003 … was never paid … there's nothing to refund": a refund gives back money
        taken, and none was for it; a failed payment, when it is tried again. It got the refusal of another invoice
        (NW-1002, outside the window), as if that had been asked. False, having said nothing, for any other message."""
        told = _NEVER_PAID_TOLD.search(last_assistant_text(self.ctx))
        asks_why = bool(WHY_NOTHING.match(self.ctx.message))
        if told is None or not (asks_why or _SAYS_IT_FAILED_BACK.match(self.ctx.message)):
            return False
        invoice = next((i for i in self.facts.invoices if i.number == told["number"]), None)
        state = "its payment didn't go through" if invoice is None or invoice.status == "failed" else "it's still open"
        # "But it failed" says the reason back as an objection: it is the reason, which is said.
        self.reply.add(f"Because no money was taken for {told['number']}: {state}, and a refund gives back a payment we "
                       "took." if asks_why else f"That's why there's nothing to refund: {state}, so no money was taken "
                       f"for {told['number']}, and a refund gives back a payment we took.")
        if invoice is not None and invoice.status == "failed":
            self._when_retried(retry_was_asked=False)
        return True

    def _failed_one_meant_after_a_paid_one_refused(self) -> bool:
        """"But it failed" right after a paid invoice was refused for the window ("my last payment": NW-1002): the
        customer means the one whose payment failed, which took no money, so there is nothing to refund for it either;
        it got the window again ("I understand. The 14-day window applies …"). False, having said nothing, for any other
        message, or with no failed invoice."""
        # The refusal, or the window told again after "why not?" with the refusal just before it.
        refused = next(filter(None, map(_WINDOW_REFUSAL_TOLD.search, assistant_texts(self.ctx)[:2])), None)
        failed = [i for i in self.facts.invoices if i.status == "failed"]
        if refused is None or not _SAYS_IT_FAILED_BACK.match(self.ctx.message) or len(failed) != 1:
            return False
        invoice = failed[0]
        self.reply.add(f"The refund I looked at was for {refused['number']}, your last payment that went through. The one "
                       f"that failed, {invoice.number} ({money(invoice.amount)}), took no money: its payment didn't go "
                       "through, so there's nothing to refund for it.")
        self._when_retried(retry_was_asked=False)
        return True

    def _refund_policy(self) -> None:
        self.reply.add("Our refund policy: " + " ".join(self.ctx.constraints.rules[:3]))

    def _refund_options_for(self, options: list[dict[str, Any]]) -> None:
        # By number or by month ("refund my november payment"): an unpaid invoice has no refund option, so
        # without it the reply would say no charge qualifies, as if one had been taken and refused.
        asked = (self._invoices_named() or (self._invoices_asked() if not self.asked_which_invoice else [])
                 or self._failed_invoices_meant())
        if not asked and not self.asked_which_invoice and (relative := self._relative_month_invoices()) is not None:
            # "I want a refund for this month" when this month's payment failed: "no charge the policy covers" came.
            asked = relative[1]
        unpaid = [i for i in asked if i.unpaid and not any(o.get("invoice_number") == i.number for o in options)]
        for invoice in unpaid:
            state = "didn't go through" if invoice.status == "failed" else "is still open"
            self.reply.add(f"Invoice {invoice.number} ({money(invoice.amount)}) was never paid — its payment {state} "
                           "— so nothing was charged for it and there's nothing to refund.")
        month_told = any(p.startswith("I can't find an invoice from") for p in self.reply.paragraphs)
        if not options and not unpaid and not self.asked_which_invoice and not month_told:
            self._no_refundable_charge()
            return
        for option in options:
            self._refund_option(option)
        if options and not any(o.get("allowed") or o.get("already_requested") for o in options):
            # "A refund for last month", refused for its window: a charge that does qualify is named, not filed.
            self._name_other_qualifying(besides={str(o.get("invoice_number")) for o in options})

    def _latest_refunds(self) -> list[RefundFact]:
        """The refund that stands for each invoice: the last one asked for."""
        return list({refund.invoice_number: refund for refund in self.facts.refunds}.values())

    def _live_refunds(self) -> list[RefundFact]:
        """The refund that stands for each invoice (the last asked for), leaving out declined ones."""
        return [r for r in self._latest_refunds() if r.status != "rejected"]

    def _cannot_withdraw_refund(self) -> None:
        """"Cancel my refund request": where each request stands, and a person to withdraw it (no action
        here takes one back), or that there is none to withdraw."""
        live = self._live_refunds()
        if not live:
            self.reply.add("I can't find a refund request on your account, so there's nothing to withdraw.")
            return
        for refund in live:
            what = f"The refund for invoice {refund.invoice_number} (reference {refund.reference}, {money(refund.amount)})"
            if refund.status == "completed":
                self.reply.add(f"{what} has already been paid back to you, so it can't be withdrawn any more.")
            elif refund.status == "approved":
                self.reply.add(f"{what} has been approved.")
            else:
                self.reply.add(f"{what} is waiting for a member of our staff to approve it.")
        if any(r.status != "completed" for r in live):
            self.reply.add("I can't withdraw a refund request myself, but a person from our team can: would you "
                           f"like me to {OFFER_PERSON}?")
        else:
            self.reply.add(f"If something about it isn't right, I can {OFFER_PERSON} from our team.", answers=False)

    def _beyond_the_policy(self, what: str) -> None:
        """"A prorated refund for the days I didn't use", "will I get a refund if I cancel?": the policy as it
        stands, which refunds whole charges in the window or charged twice and says nothing of `what`, and a
        person for anything beyond it."""
        self._refund_policy()
        self.reply.add(f"It doesn't say anything about {what}, so I can't promise one myself. A "
                       f"person from our team can look at it with you: would you like me to {OFFER_PERSON}?")
        self._name_other_qualifying(besides=set())

    def _means_the_topics_invoice(self) -> bool:
        """Whether the request points at the invoice asked about before rather than saying which it means."""
        message = self.ctx.message
        return (not invoice_numbers(message) and not self._months_in(message)
                and bool(_POINTS_AT_AN_INVOICE.search(message)) and not _OWN_SCOPE.search(message))

    def _invoices_named_not_own(self) -> list[str]:
        """The invoice numbers the request names (or the topic names, for one that points back) when none
        of them is the customer's."""
        named = invoice_numbers(self.ctx.message) or (
            invoice_numbers(with_topic(self.ctx)) if self._means_the_topics_invoice() else set())
        own = {i.number for i in self.facts.invoices}
        return [] if named & own else sorted(named)

    def _failed_invoices_meant(self) -> list[InvoiceFact]:
        """The customer's unpaid invoices, when the message asks of "the failed payment", or of "it" right after the
        chat said which payment didn't go through ("my payment failed", "can I get a refund for it?"); [] otherwise."""
        if _THE_FAILED_ONE.search(self.ctx.message):
            return [invoice for invoice in self.facts.invoices if invoice.unpaid]
        last = last_assistant_text(self.ctx)
        if self._means_the_topics_invoice() and PAYMENT_FAILURE_TOLD.search(last):
            told = invoice_numbers(last)
            return [invoice for invoice in self.facts.invoices if invoice.unpaid and invoice.number in told]
        return []

    def _refund_options_asked(self, *, only_duplicates: bool) -> list[dict[str, Any]]:
        # Latest charge first, whatever order a port lists them in (the database's reads are newest first,
        # other ports need not be): "a refund, please" with no invoice named means the latest that qualifies.
        issued = {i.number: i.issued_on for i in self.facts.invoices}
        options = sorted(self.facts.refund_options, key=lambda o: issued.get(o.get("invoice_number", ""), date.min),
                         reverse=True)
        # The invoices the message names, or for "can you refund that one?" the ones its topic names.
        named = {i.number for i in self._invoices_asked() or self._failed_invoices_meant()}
        relative = None if named or only_duplicates else self._relative_month_invoices()
        if relative is not None:
            # "A refund for last month": that month's charge, not whichever qualifies (the duplicate). Not for
            # "I was charged twice this month", which is about the duplicate whenever it was taken.
            words, in_month = relative
            if not in_month:
                self.reply.add(f"I can't find an invoice from {words} on your account, so there's no charge from "
                               "then to refund.")
                self._name_other_qualifying(besides=set())
                return []
            named = {i.number for i in in_month}
        named = named or ({i.number for i in self._topic_invoices()} if self._means_the_topics_invoice() else set())
        if named:
            return one_per_invoice([o for o in options if o.get("invoice_number") in named])
        if self.asked_which_invoice:
            return []  # "the one before that" of a list: which invoice is meant was just asked, not guessed
        if self.invoices_for_amounts == []:
            return []  # "refund my $99 charge", and there is none: said so already
        duplicates = [o for o in options if o.get("reason") == "duplicate_charge"]
        if duplicates or only_duplicates:
            return duplicates
        allowed = [o for o in options if o.get("allowed")]
        if allowed:
            return allowed[:1]
        # Nothing refundable: explain the latest paid charge against the policy.
        paid = [o for o in options if o.get("reason") == "outside_window"]
        return paid[:1]

    def _refund_option(self, option: dict[str, Any]) -> None:
        number = option.get("invoice_number", "")
        amount = money(option.get("amount", "0"))
        reason = option.get("reason", "")
        if option.get("already_requested"):
            existing = next((r for r in self.facts.refunds if r.invoice_number == number and r.status != "rejected"), None)
            if existing is None:
                self.reply.add(f"A refund for invoice {number} has already been requested, {NOTHING_TO_DO}")
            else:
                self._refund_state(existing)
            self.reply.answered = True
            return
        if option.get("allowed"):
            why = ("duplicate charges are always refunded" if reason == "duplicate_charge"
                   else f"it was paid within the last {self.ctx.constraints.refund_window_days} days")
            duplicate = next((p for p in self.facts.payments if p.duplicate and p.invoice_number == number), None)
            if duplicate is not None and not any("charged twice" in p for p in self.reply.paragraphs):
                # "You're right" only agrees with a customer who said they were charged twice.
                self.reply.add(f"{self.duplicate_opening()} {number} was charged twice on {duplicate.created_at.date().isoformat()}, "
                               f"and the second payment of {amount} is a duplicate.")
            self.reply.add(f"It qualifies for a full refund of {amount}, because {why}.")
            first = next((o for o in self.facts.refund_options if o.get("invoice_number") == number
                          and o.get("reason") == "outside_window"), None)
            if (reason == "duplicate_charge" and first is not None and not self._mentions_double_charge()
                    and not asks_for_both_charges(self.ctx.message)):
                # "A refund for last month" of an invoice charged twice: the duplicate is refunded, the charge
                # itself is past the window, which the customer asked about too.
                self.reply.add(f"The first payment for it is outside our {self.ctx.constraints.refund_window_days}-day "
                               "refund window, so only the duplicate can be refunded.")
            held = self._refund_held_back()
            if held is not None:
                self._offer_refund(held, amount)
                self.reply.answered = True
                return
            # What happens next (done, or waiting for a staff member's approval above the limit) is said
            # once, by the orchestrator, after the action is carried out: it knows how it went.
            self.reply.actions.append(ProposedAction(kind="refund", invoice_number=number,
                                                     amount=Decimal(str(option.get("amount", "0"))),
                                                     reason=reason))
        elif reason == "outside_window":
            invoice = next((i for i in self.facts.invoices if i.number == number), None)
            paid = f", paid on {invoice.paid_on.isoformat()}," if invoice and invoice.paid_on else ""
            self.reply.add(
                f"I'm sorry — invoice {number} ({amount}){paid} is outside our "
                f"{self.ctx.constraints.refund_window_days}-day refund window, so I can't refund it. "
                "If there's a special reason, I can pass you to a person who can look at it."
            )
        elif reason == "not_paid":
            self.reply.add(f"Invoice {number} was never paid, so there's nothing to refund for it.")
        self.reply.answered = True

    def _reports_double_charge(self) -> bool:
        """"I was charged twice" said, not asked ("was I charged twice?")."""
        return reports_charged_twice(self.ctx.message, charged_twice_totals=self._charged_twice_totals().values())

    def _offer_refund(self, held: str, amount: str) -> None:
        """The refund that qualifies, offered in the words a bare "yes" accepts (OFFER_REFUND), with why it
        wasn't asked for. No person is offered in OFFER_PERSON's words: a "yes" would then hand the
        conversation over instead of asking for the refund."""
        if held == "declined":
            self.reply.add(f"You said you don't want a refund, so I haven't asked for one. If you change your mind, "
                           f"{OFFER_REFUND}.")
            return
        if held == "not_asked":
            self.reply.add(f"I haven't asked for it yet; {OFFER_REFUND}.")
            return
        self.reply.add(f"I can only ask for a refund of the whole charge, not part of it, so I haven't asked for "
                       f"anything yet. If you'd like the full {amount} back, {OFFER_REFUND}. If you'd rather have only "
                       "part of it refunded, a person from our team can look at that with you: just say so.")

    def _refund_named_by_reference(self) -> bool:
        """"What is RF-0001?", "whats the status of RF-0001": where the refund with that reference stands; that none on
        the account has it, with the ones that do stand and the charges that would qualify; a visitor is asked to sign
        in. False, having said nothing, for a message naming no reference."""
        named = {reference.upper() for reference in REFUND_REFERENCE.findall(self.ctx.message)}
        if not named or asks_to_approve_a_refund(self.ctx.message):
            return False  # "approve refund RF-0001" is no question of where it stands
        if self.ctx.customer is None or not self.facts.has_billing:
            self._ask_to_sign_in("your refunds")
            return True
        found = [refund for refund in self.facts.refunds if refund.reference.upper() in named]
        for refund in found:
            self._refund_state(refund)
        if found:
            return True
        # Not said back: a reference no fact holds is struck from a reply as a guess.
        self.reply.add("I can't find a refund with that reference on your account.")
        latest = self._latest_refunds()
        for refund in latest:
            self._refund_state(refund)
        if not latest and not self._offer_qualifying_refunds():
            self.reply.add("There's no refund request on it at all. If you asked for one another way (by email, say), a person "
                           f"from our team can look for it: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _refund_state(self, refund: RefundFact) -> None:
        requested = f"A refund for invoice {refund.invoice_number} has already been requested"
        if refund.status == "completed":
            if refund.requested:
                self.reply.add(f"{requested} (reference {refund.reference}) and {money(refund.amount)} has been "
                               "paid back.")
            else:
                self.reply.add(f"Invoice {refund.invoice_number} has already been refunded by a member of our team: "
                               f"{money(refund.amount)} has been paid back to you (reference {refund.reference}).")
            self.reply.add(REFUND_ARRIVES, answers=False)
        elif refund.status == "rejected":
            self.reply.add(f"The refund requested for invoice {refund.invoice_number} (reference {refund.reference}, "
                           f"{money(refund.amount)}) was declined by a member of our staff. If you'd like it looked "
                           "at again, I can pass you to a person.")
        else:
            state = "approved" if refund.status == "approved" else "is waiting for a member of our staff to approve it"
            self.reply.add(f"{requested} (reference {refund.reference}, {money(refund.amount)}) and {state}, "
                           f"{NOTHING_TO_DO}")

    def _asks_refund_status(self) -> bool:
        """"What's the status of my refund", "where is my refund", "my refund hasn't arrived": what happened to a
        request, not a new one."""
        return bool(_REFUND_NOT_ARRIVED.search(self.ctx.message)) or has_cue(self.words, self.norm, "status", "where is my refund", "wheres my refund", "has my refund",
                    "did my refund", "when will i get my", "when will my refund", "refund yet", "any news",
                    "update on my refund", "still waiting", "heard back", "been approved", "approved yet",
                    "is it approved", "was it approved", "has it been approved", "any refund",
                    "have i been refund", "was i refund", "did i get a refund", "did i get refund")

    def _tells_who_approves(self) -> bool:
        """"Who approves refunds?", "who approves it?": the policy's rule on approval, and where the customer's own
        refunds stand. A signed-in customer got their latest charge weighed, as if a refund had been asked for. False,
        having said nothing, for another message."""
        if not _ASKS_WHO_APPROVES.search(self.ctx.message):
            return False
        self.reply.add(f"I can approve refunds up to {money(self.ctx.constraints.agent_refund_limit)} myself; larger "
                       "ones are approved by a member of our staff.")
        if self.facts.refunds:
            self._refund_status()
        return True

    def _refund_status(self, *, timing: FaqMatch | None = None, none_yet: str = NO_REFUND_REQUESTED) -> None:
        """Where each refund asked for stands; with none, that none is on its way (`none_yet`), how long one takes
        once approved (`timing`, the help centre's entry, when the question was when it arrives), and the charges
        that would qualify, offered."""
        latest = self._latest_refunds()
        for refund in latest:
            self._refund_state(refund)
        if latest:
            self.reply.answered = True
            return
        if any(paragraph.startswith(_REQUEST_NOT_FOUND) for paragraph in self.reply.paragraphs):
            self.reply.answered = True  # not twice: "I can't find that request" said it, of the one they asked for
        else:
            self.reply.add(none_yet)
        if timing is not None:
            self.reply.add(timing.answer, answers=False)
            self._cite_faq(timing)
        qualifying = [o for o in one_per_invoice(self.facts.refund_options) if o.get("allowed")]
        if qualifying:
            charges = ", ".join(f"invoice {o['invoice_number']} ({money(o['amount'])})" for o in qualifying)
            self.reply.add(f"I can see that {charges} would qualify for a refund: {OFFER_REFUND}.", answers=False)

    def _why_nothing_to_refund(self) -> bool:
        """"Why not?" right after no charge was found to refund: there was no charge to take back, which the plan says
        for a customer on a plan that costs nothing, with a person for a charge seen elsewhere ("my answer is the
        same" came). False, having said nothing, for another message."""
        if _NO_CHARGES not in last_assistant_text(self.ctx) or not WHY_ALONE.match(self.ctx.message):
            return False
        customer = self.ctx.customer
        on_free = (f"You're on the {customer.plan} plan, which costs nothing, so we haven't charged you anything. "
                   if customer is not None and not customer.plan_price else "")
        self.reply.add(f"{on_free}A refund gives back a charge, and there are no charges on your account to give back. "
                       "If a charge from us shows on your card or bank statement, a person from our team can look into "
                       f"it with you: would you like me to {OFFER_PERSON}?")
        return True

    def _no_refundable_charge(self) -> None:
        if not self.facts.invoices:
            self.reply.add(_NO_CHARGES)
        else:
            self.reply.add("I couldn't find a charge on your account that our refund policy covers: "
                           + " ".join(self.ctx.constraints.rules[:2])
                           + " If you think something's wrong, I can pass you to a person.")
