"""What every part of an offline reply uses: the facts as typed values, the question as read, the
help-centre look-ups, and the reply under construction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from agents.amounts import money
from agents.context import Intent, SupportContext
from agents.facts import (
    AccountFact,
    CardFact,
    IncidentFact,
    InvoiceFact,
    PaymentFact,
    PlanFact,
    RefundFact,
    SubscriptionFact,
)
from agents.follow_ups.billing import asks_of_a_months_invoice_from_today
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.leaning_back import BY_EMAIL_ALONE, asks_for_the_other, relative_step
from agents.follow_ups.topic import with_topic
from agents.outcome import ARTICLE_RELEVANT_FROM, ActionRecord, ArticleMatch, FaqMatch, ProposedAction, Source
from agents.own_data import TWO_FACTOR, asks_for_billing_document
from agents.providers.offline.faq import STOP_WORDS as FAQ_STOP_WORDS
from agents.providers.offline.other_customer import names_someone_else
from agents.providers.offline.text import normalise, stem
from agents.yes_or_no import answered_as_asked

# An FAQ answer is quoted as the answer above this score, offered as a "probably" below it.
FAQ_CONFIDENT = 0.6
FAQ_PLAUSIBLE = 0.3
# A visitor who is not signed in and asks how to do something gets the closest FAQ (hedged) down to
# here: "please sign in" answers nothing when the help centre's answer is the same for everyone.
FAQ_HOW_TO_FOR_VISITOR = 0.15
ARTICLE_MIN_SCORE = ARTICLE_RELEVANT_FROM
ARTICLE_STRONG = 0.25
MAX_STEPS = 4
PERSONAL_INTENTS: tuple[Intent, ...] = ("billing", "refund", "account")


def joined_with_and(items: list[str]) -> str:
    """"PayPal", "PayPal and crypto", "PayPal, Venmo and crypto": a list as a sentence names it."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# "$99", "$1,200.00": an amount the customer quotes.
AMOUNT = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d+(?:\.\d{2})?)")
# "I've updated my card", "ok, I added a new card": a change the customer says they made, not a how-to.
CARD_CHANGED = re.compile(r"\b(?:updated|changed|added|replaced|saved|entered)\b[^.?!]{0,30}\bcard\b", re.IGNORECASE)
# Month names as a customer writes them ("my october invoice"); "may" only where it can't be the verb.
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
MONTHS = {rf"\b{name}\b": number for number, name in enumerate(MONTH_NAMES, start=1) if name != "may"}
# "Nov 1", "the sept invoice", "charged in oct": abbreviations too, but only beside a day, a bill or a
# preposition ("Hi, Jan here" is a name, "mar" a verb).
_BILL_WORDS = r"(?:invoice|bill|payment|charge|statement|receipt)s?"
MONTHS |= {
    rf"\b{short}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{short}\b|\b{short}\s+{_BILL_WORDS}\b"
    rf"|\b(?:in|on|since|from|for|of|last|this)\s+{short}\b": number
    for number, name in enumerate(MONTH_NAMES, start=1) if name != "may"
    for short in ((name[:3], "sept") if name == "september" else (name[:3],))
}
MONTHS[r"\b(?:in|for|of) may\b|\bmay (?:invoice|bill|payment|charge)"] = 5
# "The invoice for last month", "this month's receipt": a month counted from today (group 1: one back).
RELATIVE_MONTH = re.compile(r"\b(?:(last|previous|prior)|this|current)\s+month(?:'?s)?\b", re.IGNORECASE)


def months_named(text: str) -> set[int]:
    """The months (1–12) a message names, as MONTHS reads them ("my october invoice", "charged in oct")."""
    return {number for name, number in MONTHS.items() if re.search(name, normalise(text))}


def month_counted_from_today(found: re.Match[str], today: str) -> tuple[int, int]:
    """(year, month) that a RELATIVE_MONTH match names, counted from today (an ISO date): the month before for
    "last month", today's for "this month"."""
    day = date.fromisoformat(today)
    if not found[1]:
        return day.year, day.month
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)
# A message made only of these asks for help without saying with what.
SAYS_NOTHING_YET = frozenset({
    "i", "need", "help", "please", "pls", "plz", "hi", "hello", "hey", "can", "could", "you", "me", "some",
    "support", "question", "a", "have", "got", "there", "anyone", "someone", "somebody", "with", "something", "im",
    "stuck", "urgent", "quick", "is", "here", "assistance", "want", "would", "like", "get", "ok", "okay",
    # "Hi, I have two questions", "can I ask you something?": a question to come.
    "questions", "two", "few", "couple", "of", "ask"})
GREETINGS = frozenset({"hi", "hello", "hey"})
# No "you'll see the update here": a refund asked for over A2A is decided in that conversation, not this one.
NOTHING_TO_DO = "so there's nothing more you need to do."
# "How much do I owe", "anything left to pay": the unpaid invoices, or that there are none.
# "What happens if I don't pay?": what is unpaid, and that the consequence is for a person to tell.
LATE_PAYMENT_CUES = ("do not pay", "did not pay", "miss a payment", "missed a payment", "missed payment",
                     "late payment", "pay late", "paying late")
# "Can I get an extension on my payment?", "can I pay later?": a payment put off, which no entry describes.
EXTENSION_CUES = ("extension", "extend the deadline", "pay later", "more time to pay", "postpone", "defer",
                  "delay my payment", "delay the payment", "delay paying")
# "How do I pay my invoice?" asks the same of a customer's own invoices: what is unpaid, and how to settle it.
OWED_CUES = ("owe", "outstanding", "balance", "unpaid", "overdue", "anything due", "need to pay", "have to pay",
             "left to pay", "still to pay", "pay my invoice", "pay my bill", "pay the invoice", "pay the bill",
             "pay my last invoice", "pay my latest invoice", *LATE_PAYMENT_CUES, *EXTENSION_CUES)
# "What was my last invoice?", "my latest bill": one invoice, the newest, though the question names neither
# its number nor its month; "my first invoice" the oldest. What "the one before that" then counts from. Not
# "my last payment": the latest successful payment need not be on the latest invoice (a failed one is not).
# Roles of the customer's own making for team members, which one plan has (the team's entry says which).
CUSTOM_ROLES = re.compile(r"\bcustom\s+roles?\b", re.IGNORECASE)
LATEST_INVOICE = re.compile(r"\b(?:last|latest|newest|most\s+recent)\s+(?:invoice|bill|statement)\b", re.IGNORECASE)
FIRST_INVOICE = re.compile(r"\b(?:first|earliest|oldest)\s+(?:invoice|bill|statement)\b", re.IGNORECASE)
# "Do you offer a free SSL certificate?", "is https included?", "do I have to pay for a certificate?":
# whether something comes with the service, which the help centre answers; not a fault to troubleshoot.
ASKS_WHAT_IS_INCLUDED = re.compile(
    r"\b(?:do|does|will|would)\s+(?:you|northwind|it|they|(?:the|my|your)\s+(?:\w+\s+)?plan)\s+(?:also\s+)?"
    r"(?:offer|provide|include|give|come\s+with|support)\b"
    r"|\b(?:is|are)\b[^.?!]{0,40}\b(?:included|free|extra|provided|offered)\b"
    r"|\b(?:do|would|will)\s+i\s+(?:need|have)\s+to\s+(?:buy|pay|purchase)\b"
    r"|\bfor\s+free\b|\bfree\s+of\s+charge\b|\b(?:costs?|charge)\s+(?:\w+\s+)?(?:extra|more)\b"
    r"|\b(?:extra|additional|separate)\s+(?:cost|charge|fee)",
    re.IGNORECASE,
)
# "Do I have to pay for it?", "does it cost extra?": asked the other way round from "do you offer it?", so an
# entry's "Yes:" would answer the wrong question.
ASKS_IF_IT_COSTS = re.compile(
    r"\b(?:need|have)\s+to\s+(?:buy|pay|purchase)\b|\b(?:costs?|charge)\s+(?:\w+\s+)?(?:extra|more|anything)\b"
    r"|\b(?:extra|additional|separate)\s+(?:cost|charge|fee)|\b(?:is|are)\b[^.?!]{0,40}\bextra\b"
    r"|\bpay\s+(?:extra|more)\b",
    re.IGNORECASE,
)
# An invoice said to have failed: "says failed", "was declined", "didn't go through".
_NAMES_A_FAILURE = re.compile(r"\b(?:fail(?:ed|s|ing)?|declined|bounced|didn'?t\s+go\s+through)\b", re.IGNORECASE)
# "Why?", "why not?", "how come?" alone: the reason for what the reply before said, naming nothing of its own.
_WHY_PREFIX = r"^\W*(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?"
_WHY_TAIL = r"(?:\s+(?:though|exactly|then))?\s*[?.!]*\s*$"
WHY_ALONE = re.compile(rf"{_WHY_PREFIX}(?:why(?:\s+not)?|how\s+come){_WHY_TAIL}", re.IGNORECASE)
# The same, asked of nothing being there: "why is that?", "why is there nothing to refund?".
WHY_NOTHING = re.compile(rf"{_WHY_PREFIX}(?:why(?:\s+not)?|how\s+come|why\s+is\s+(?:that|there\s+nothing"
                         rf"(?:\s+to\s+refund)?)){_WHY_TAIL}", re.IGNORECASE)
# Of a sentence of the entry on sleeping apps: the plans whose apps never sleep.
NEVER_SLEEP = re.compile(r"\bnever\s+sleep")
# "Can you email it to me?", "send it to my email", "email the invoice to me": asking for something by email,
# which no action here does. Not "send me my invoices" (show them), "my invoice email the other day said $58"
# or "I didn't get the email", which mention an email rather than ask for one.
SEND_BY_EMAIL = re.compile(
    r"\be-?mail\s+(?:it|them|this|that|those|these|me|us|a\s+copy)\b"
    r"|\be-?mail\s+(?:the|my)\s+(?:\w+\s+)?(?:invoice|receipt|bill|statement)s?\s+to\b"
    r"|\b(?:send|resend|re-send|forward)\s+(?:me\s+|us\s+)?(?:it|that|this|them|those|these|a\s+copy|the\s+\w+|my\s+\w+)"
    r"\s+(?:\w+\s+)?(?:to|by|via|over)\s+(?:my\s+|our\s+)?(?:e-?mail|inbox)\b"
    # "Can you resend it to me?", "resend my last invoice": invoices go by email, so sending one again is by email too.
    r"|\b(?:resend|re-send)\s+(?:me\s+|us\s+)?(?:it|that|this|them|a\s+copy|(?:the|my|our)\s+(?:\w+\s+)?"
    r"(?:invoice|receipt|bill|statement)s?)\b"
    # "Can you also send me the invoice?": in a chat that can attach nothing, sending a document means by email.
    r"|\b(?:send|forward)\s+(?:me|us)\s+(?:(?:also|too)\s+)?(?:(?:the|my|our|a|that|this)\s+(?:\w+\s+)?"
    r"(?:invoice|receipt|bill|statement)s?|a\s+copy)\b"
    rf"|{BY_EMAIL_ALONE}",
    re.IGNORECASE,
)
# A plan and its monthly price as the help centre writes them: "**Pro** at $29/month", "Pro ($29/month)",
# "The Free plan costs $0". A capitalised name counts as a plan when it is set in bold, followed by
# "plan", or priced by the month.
PLAN_PRICE = re.compile(
    r"(?P<bold>\*\*)?\b(?P<name>[A-Z][a-z]+)(?(bold)\*\*)(?P<plan>\s+plan)?\s+(?:at\s+|costs?\s+|is\s+|\()"
    r"\$(?P<price>\d[\d,]*(?:\.\d{1,2})?)(?P<monthly>/month|/mo\b|\s+a\s+month|\s+per\s+month)?"
)


# Words any question about anything may hold: sharing only these with an FAQ entry's question is no
# sign the entry is what was asked ("do you offer a free trial?" is not "Do you offer an uptime SLA?").
GENERIC_WORDS = FAQ_STOP_WORDS | frozenset({
    "not", "can", "could", "any", "some", "about", "what", "whats", "how", "where", "when", "why", "which",
    "who", "offer", "have", "has", "get", "need", "want", "know", "tell", "see", "use", "make", "happen",
    "happens", "northwind", "cloud", "service", "services", "help", "now", "was", "were", "been", "being", "had",
    "having", "doing", "they", "them", "their", "he", "she", "his", "her", "us", "from", "by", "as", "into",
    "than", "then", "too", "very", "also", "but", "all", "no", "only", "up", "out", "again", "here", "more",
    "most", "other", "each", "these", "those", "whom", "after", "before", "because", "since", "ever", "still",
    "yet", "one", "im", "ive", "its", "hi", "hello", "hey", "thanks", "thank"})


def topic_words(text: str) -> set[str]:
    # Without apostrophes: a typed "what's" kept its own, which a help-centre question's curly one loses ("whats"), so
    # "what's my plan?" shared a topic word ("what'") with "What’s included in the Free plan?" and quoted that entry.
    words = (w.replace("'", "") for w in normalise(text).split())
    return {stem(w) for w in words if w not in GENERIC_WORDS}


# Words a message can share with the last answer without asking after it: a plan's name ("a joke about the business"),
# "same", what one does with anything ("where do i add VAT" after "Settings → Domains → Add domain"), and "right"
# ("… right now?" after "You're right, I can see it").
NOT_AN_ECHO = frozenset(stem(w) for w in (
    "free", "pro", "business", "plan", "plans", "same", "add", "get", "use", "set", "make", "change", "find", "see",
    "need", "want", "have", "work", "help", "go", "take", "give", "send", "show", "keep", "try", "right"))


def echoes_the_last_answer(ctx: SupportContext) -> bool:
    """Whether the message names a thing the assistant's last answer named ("how much credit would I get?" after
    "… with service credits if we miss it"): a follow-up on it, though nothing in it points back."""
    return bool(topic_words(ctx.message) & topic_words(last_assistant_text(ctx)) - NOT_AN_ECHO)


def shares_topic(text: str, match: FaqMatch) -> bool:
    """Whether the message names something the entry's question is about: what an unsure match must
    have before it is offered as what the customer probably meant."""
    return bool(topic_words(text) & topic_words(match.question))


def about_two_factor(match: FaqMatch) -> bool:
    return bool(TWO_FACTOR.search(f"{match.question} {match.answer}"))


# How long something takes, in any wording: "usually within an hour", "in 5 to 10 business days", "after a 7-day grace
# period", "the upgrade applies at once". Not how long something stays usable once done ("a download link that works for
# 7 days"), nor when something recurs ("certificates renew 30 days before they expire"), which say nothing of the wait;
# nor "several regions at once".
TAKES = re.compile(r"(?<!\bfor\s)\b(?:\d+|an?|one|a\s+few)[-\s](?:business[-\s])?(?:minute|hour|day|week|month)s?\b"
                   r"(?!\s+before\b)"
                   r"|\b(?:appl(?:y|ies)|takes?\s+effect|unlock\w*(?:\s+it)?)\s+(?:at\s+once|immediately|straight\s+away"
                   r"|right\s+away|instantly)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def plan_prices(text: str) -> dict[str, Decimal]:
    """The plans a help-centre text prices, by name, with their monthly price."""
    prices: dict[str, Decimal] = {}
    for found in PLAN_PRICE.finditer(text):
        if found["bold"] or found["plan"] or found["monthly"]:
            prices.setdefault(found["name"], Decimal(found["price"].replace(",", "")))
    return prices


@dataclass
class Reply:
    """A reply under construction: paragraphs, their sources and the actions they propose."""

    paragraphs: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    actions: list[ProposedAction] = field(default_factory=list)
    answered: bool = False  # something in it answers the question from the facts

    def add(self, text: str, *, answers: bool = True) -> None:
        if text and text not in self.paragraphs:
            self.paragraphs.append(text)
            self.answered = self.answered or answers


class FactView:
    """Typed access to ctx.facts (JSON dumps of the fact models), tolerant of missing parts."""

    def __init__(self, ctx: SupportContext):
        facts = ctx.facts
        billing = facts.get("billing") or {}
        self.invoices = [InvoiceFact.model_validate(i) for i in billing.get("invoices") or []]
        self.payments = [PaymentFact.model_validate(p) for p in billing.get("payments") or []]
        self.card = CardFact.model_validate(billing["card"]) if billing.get("card") else None
        subscription = billing.get("subscription")
        self.subscription = SubscriptionFact.model_validate(subscription) if subscription else None
        self.refund_options: list[dict[str, Any]] = list(billing.get("refund_options") or [])
        self.totals: dict[str, Any] = dict(billing.get("totals") or {})
        self.has_billing = "invoices" in billing  # {"skipped": ...} when nobody is signed in
        self.plans = [PlanFact.model_validate(p) for p in billing.get("plans") or []]  # cheapest first
        account = (facts.get("account") or {}).get("account")
        self.account = AccountFact.model_validate(account) if account else None
        self.refunds = [RefundFact.model_validate(r) for r in billing.get("refunds") or []]
        technical = facts.get("technical") or {}
        self.articles = [ArticleMatch.model_validate(a) for a in technical.get("articles") or []]
        incident = technical.get("incident")
        self.incident = IncidentFact.model_validate(incident) if incident else None
        self.has_technical = "articles" in technical
        # Every open incident (reference, title, status, regions, started_at); None when the look-up failed.
        active = technical.get("active_incidents")
        self.active_incidents: list[dict[str, Any]] | None = list(active) if active is not None else None
        self.faq = [FaqMatch.model_validate(m) for m in (facts.get("faq") or {}).get("matches") or []]
        self.action_records = [ActionRecord.model_validate(r) for r in (facts.get("actions") or {}).get("records") or []]


class WriterBase:
    """The state of one reply being written; the parts (reply_billing, reply_refunds, reply_account,
    reply_technical) add what they say, and writer.ReplyWriter puts them together."""

    def __init__(self, ctx: SupportContext, *, persona: str = "resolver", text: str | None = None):
        self.ctx = ctx
        self.persona = persona
        self.facts = FactView(ctx)
        # The question as read: the message, or for a follow-up the message with the question it
        # follows (compose decides); what the message names itself (an invoice, a month) comes first.
        self.text = ctx.message if text is None else text
        self.fell_back = False  # only a generic answer: the invoice list, or "I can't answer that"
        self.norm = normalise(self.text)
        self.words = set(self.norm.split())
        self.first_name = ctx.customer.name.split()[0] if ctx.customer and ctx.customer.name else ""
        self.reply = Reply()
        self.asked_to_sign_in = False
        self.counted_past_the_latest = False  # "and the one after that?" of the latest invoice: said so
        self.asked_which_invoice = False  # "and the one after that?" of a list: asked which one it counts from
        self.copies_pointed_to: set[str] = set()  # invoices "a copy of NW-2001" was told where to find, with their figures

    def _join(self) -> str:
        return "\n\n".join(p.strip() for p in self.reply.paragraphs if p.strip())

    def _greeting(self, sentence: str) -> str:
        return f"{sentence[:-1]}, {self.first_name}{sentence[-1]}" if self.first_name else sentence

    def _faq(self, *, floor: float = FAQ_PLAUSIBLE) -> FaqMatch | None:
        best = self.facts.faq[0] if self.facts.faq else None
        return best if best is not None and best.score >= floor else None

    def _faq_on_topic(self, *, floor: float = FAQ_PLAUSIBLE) -> FaqMatch | None:
        """The best match from `floor`, if sure, or if unsure but about something the message names:
        one that shares only wording ("do you offer …") is left out, as "I don't know" beats the
        wrong answer."""
        match = self._faq(floor=floor)
        return match if match is not None and (match.score >= FAQ_CONFIDENT or shares_topic(self.text, match)) else None

    def _entry_quoted_last(self) -> FaqMatch | None:
        """The gathered entry a sentence of which the assistant's last reply quoted word for word (whatever the case of
        its first letter: "You're on the Pro plan: the API allows …"), if any."""
        last = last_assistant_text(self.ctx).lower()
        return next((m for m in self.facts.faq if any(s.lower() in last for s in sentences(m.answer))), None)

    def _entry_on(self, *words: str) -> FaqMatch | None:
        """The gathered help-centre entry whose question names all of `words`, however low it scored for the
        message: chosen by what it is about, not by the message's wording. A follow-up's topic entries come after
        its own, scored no higher."""
        for entry in self.facts.faq:
            question = normalise(entry.question)
            if all(word in question for word in words):
                return entry
        return None

    def _quote_faq(self, match: FaqMatch, *, hedge: bool) -> None:
        if self._faq_quoted(match):
            return  # a panel's second part reaching the same entry ("How to do it: …" already has it)
        if hedge:
            self.reply.add(f"I think you're asking about “{match.question}” — here's what our help centre says:")
            self.reply.add(match.answer)
            self.reply.add("If that's not what you meant, tell me a bit more, or ask for a person and I'll pass you on.",
                           answers=False)
        else:
            self.reply.add(answered_as_asked(match.answer, self.text))
        self._cite_faq(match)

    def _ask_to_sign_in(self, what: str) -> None:
        if self.asked_to_sign_in:
            return  # once a reply: a billing and a refund section each asking reads as a stutter
        if self.ctx.customer is not None:
            # Signed in, but this run gathered none of the facts asked about ("how do I remove her later?" after "can she
            # see billing?" wrote a billing section with no billing facts): "while you're not signed in" would be false.
            return
        self.asked_to_sign_in = True
        if self.ctx.channel != "web":
            # Over the API or A2A there is no page to sign in on: the integration opens the conversation
            # for a customer, or it has none.
            self.reply.add(
                f"I can't see {what}: this conversation isn't linked to a Northwind customer account, and I only "
                "ever show an account's details to its owner. Once it's opened for your account, ask me again "
                "and I'll look it up.", answers=True)
            return
        self.reply.add(
            f"I can't see {what} while you're not signed in. Please sign in (top right) and ask me again — "
            "I'll then look it up for you. I only ever show an account's details to its signed-in owner.",
            answers=True,
        )

    def _names_someone_else(self) -> bool:
        """Whether the message asks about another customer's account or billing, by name, customer id or
        an invoice number that is not theirs: what the account part refuses and the billing part notes."""
        customer = self.ctx.customer
        own_names = [*(customer.name.split() if customer else []),
                     *([self.facts.account.username] if self.facts.account else [])]
        # Every card the customer's own charges were taken with, and the one on file: "who owns card 4242?"
        # of their own card asks about no one else.
        own_cards = {i.card_last4 for i in self.facts.invoices} | {p.card_last4 for p in self.facts.payments} | (
            {self.facts.card.last4} if self.facts.card else set())
        return names_someone_else(
            self.text, own_names=own_names, own_customer_id=customer.external_id if customer else "",
            own_invoices={i.number for i in self.facts.invoices} if self.facts.has_billing else None,
            own_email=customer.email if customer else "", own_cards=own_cards - {""})

    def _faq_quoted(self, match: FaqMatch) -> bool:
        return any(source.kind == "faq" and source.ref == str(match.faq_id) for source in self.reply.sources)

    def _cite_faq(self, match: FaqMatch) -> None:
        """Name the help-centre entry a reply quoted among its sources, once."""
        if not self._faq_quoted(match):
            self.reply.sources.append(Source(kind="faq", title=match.question, ref=str(match.faq_id)))

    def _cite_article(self, article: ArticleMatch) -> None:
        """Name the guide a reply quoted or pointed to among its sources."""
        self.reply.sources.append(Source(kind="article", title=article.title, url=article.url, ref=article.slug))

    def _faq_adds_how_to(self, match: FaqMatch) -> bool:
        return any(w in normalise(match.question).split() for w in ("change", "upgrade", "downgrade", "cancel",
                                                                     "find", "add"))


    @cached_property
    def invoices_for_amounts(self) -> list[InvoiceFact] | None:
        """The latest invoice (paid ones first, failed ones when the message says one failed) for each amount the
        message quotes ("why was I charged $29?"); [] when none of the customer's is for it; None when the message
        quotes no amount."""
        amounts = {Decimal(a.replace(",", "")) for a in AMOUNT.findall(self.text)}
        if not amounts:
            return None
        # "My card was charged $29 but the invoice says failed": of the invoices for $29, the failed one (the paid
        # NW-1002 came).
        preferred = "failed" if _NAMES_A_FAILURE.search(self.text) else "paid"
        latest: dict[Decimal, InvoiceFact] = {}
        for invoice in sorted(self.facts.invoices, key=lambda i: (i.status == preferred, i.issued_on)):
            if invoice.amount in amounts:
                latest[invoice.amount] = invoice
        for number, total in self._charged_twice_totals().items():
            # "I was charged $198": what an invoice charged twice took in all is that invoice's charge too.
            invoice = next((i for i in self.facts.invoices if i.number == number), None)
            if total in amounts and total not in latest and invoice is not None:
                latest[total] = invoice
        return list(latest.values())

    def _lock_lifted_first(self) -> None:
        """After steps that are taken signed in, to the owner of a locked account: it has to be opened first (the unlock
        is offered, not started)."""
        account = self.facts.account
        if self.ctx.customer is not None and account is not None and account.status == "locked":
            self.reply.add(f"Your account ({account.username}) is locked at the moment, so you'll need to sign in "
                           "again first: ask me to unlock it and I'll start that for you.", answers=False)

    def _monthly_change_to(self, plan: str) -> tuple[str, Decimal] | None:
        """("more" or "less", the amount) a month that moving to `plan` would change what the customer pays, as the
        billing worker worked it out (a fact the critic can check, never a sum of the writer's); None without it."""
        changes = (self.ctx.facts.get("billing") or {}).get("plan_changes") or []
        change = next((c for c in changes if c.get("plan", "").lower() == plan.lower()), None)
        return None if change is None else (change["a_month"], Decimal(change["amount"]))

    def _so_a_month(self, plan: str) -> str:
        """", so it's $70.00 a month more" for a move to `plan`, or "" when the facts hold no such difference."""
        change = self._monthly_change_to(plan)
        return "" if change is None else f", so it's {money(change[1])} a month {change[0]}"

    def _invoices_charged_twice(self) -> set[str]:
        """The numbers of the invoices with a duplicate payment."""
        return {p.invoice_number for p in self.facts.payments if p.duplicate}

    def _charged_twice_totals(self) -> dict[str, Decimal]:
        """For each invoice with a duplicate payment, what its successful payments took in all (2 × $99.00)."""
        twice = self._invoices_charged_twice()
        totals: dict[str, Decimal] = {}
        for payment in self.facts.payments:
            if payment.invoice_number in twice and payment.status != "failed":
                totals[payment.invoice_number] = totals.get(payment.invoice_number, Decimal(0)) + payment.amount
        return totals

    def _invoices_asked(self) -> list[InvoiceFact]:
        """The invoices the message names, or else the ones for the months or amounts it quotes (saying
        so when the customer has none for them)."""
        counted = self._invoice_counted_from_topic()
        if counted is not None:
            return counted  # "and the one after that?": not the topic's own invoice, its neighbour
        others = self._invoices_besides_discussed()
        if others is not None:
            return others  # "and the other one?": not the one just discussed
        # The message's own invoice or month first; a follow-up that names neither takes its topic's.
        for text in dict.fromkeys((self.ctx.message, self.text)):
            named = invoice_numbers(text)
            if named:
                return [i for i in self.facts.invoices if i.number in named]
            months = self._months_in(text)
            from_today = None if months else self._document_month_from_today(text)
            if months or from_today:
                in_months = [i for i in self.facts.invoices if i.issued_on.month in months
                             or (i.issued_on.year, i.issued_on.month) == from_today]
                if not in_months:
                    self.reply.add("I can't find an invoice from that month on your account.", answers=False)
                return sorted(in_months, key=lambda i: i.issued_on)
        by_amount = self.invoices_for_amounts
        if by_amount:
            # "Why is it $29?" after "the one from november": that invoice, if it is for that amount.
            amounts = {i.amount for i in by_amount}
            agreeing = [i for i in self._topic_invoices() if i.amount in amounts]
            if agreeing:
                return agreeing
        if by_amount == []:
            self.reply.add("I can't find a charge of that amount on your account.", answers=False)
        return by_amount or []

    @staticmethod
    def _months_in(text: str) -> set[int]:
        return months_named(text)

    def _document_month_from_today(self, text: str) -> tuple[int, int] | None:
        """(year, month) of "the invoice for last month" / "this month's receipt", counted from today; None when
        the text asks for no month's receipt or invoice that way. Only then: "I was charged twice last month"
        is about the charge, whichever month it fell in."""
        found = RELATIVE_MONTH.search(text)
        if found is None or not self.ctx.today or not (
                asks_for_billing_document(text) or asks_of_a_months_invoice_from_today(self.ctx)):
            return None
        return month_counted_from_today(found, self.ctx.today)

    def _invoices_besides_discussed(self) -> list[InvoiceFact] | None:
        """"And the other one?", "the other invoice": the customer's invoices besides the ones the conversation
        was just about. The one there is; or [] having listed the others and asked which is meant (or said there
        is no other). None when the message asks for no other, names its own invoice or month, or no invoice of
        the customer's was discussed."""
        if (not asks_for_the_other(self.ctx.message) or invoice_numbers(self.ctx.message)
                or self._months_in(self.ctx.message)):
            return None
        by_date = self._invoices_by_date()
        discussed = self._invoice_numbers_discussed(by_date)
        if not discussed:
            return None
        others = [i for i in reversed(by_date) if i.number not in discussed]  # newest first, as lists show them
        if len(others) == 1:
            return others
        just = joined_with_and(sorted(discussed))
        if not others:
            self.reply.add(f"{just} {'is the only invoice' if len(discussed) == 1 else 'are the only invoices'} on "
                           "your account, so there's no other one to look at.")
            return []
        self.asked_which_invoice = True  # the list below names them: no second list
        lines = "\n".join(invoice_line(i) for i in others)
        # No count of them: every figure in a reply must be one the facts hold, for the critic to check.
        self.reply.add(f"Besides {just}, these are the invoices on your account:\n{lines}")
        self.reply.add("Which one would you like to know more about? Tell me its number and I'll look it up.",
                       answers=False)
        return []

    def _invoice_numbers_discussed(self, by_date: list[InvoiceFact]) -> set[str]:
        """The customer's invoices the conversation was just about: those the questions of its topic named (by
        number or month), else the one the last answer named. Empty when neither names exactly that."""
        named: set[str] = set()
        for line in with_topic(self.ctx).split("\n")[:-1]:  # the topic's questions, oldest first
            numbers = invoice_numbers(line)
            months = set() if numbers else self._months_in(line)
            named |= {i.number for i in by_date if i.number in numbers or i.issued_on.month in months}
        if named:
            return named
        answered = invoice_numbers(last_assistant_text(self.ctx)) & {i.number for i in by_date}
        # A list of every invoice names no one of them: "the other one" has nothing to be other than.
        return answered if len(answered) == 1 else set()

    def _topic_invoices(self) -> list[InvoiceFact]:
        """The invoices the conversation's topic names, by number or month (none unless a follow-up)."""
        topic = with_topic(self.ctx)
        if topic == self.ctx.message:
            return []
        named = invoice_numbers(topic)
        months = set() if named else self._months_in(topic)
        return [i for i in self.facts.invoices if i.number in named or i.issued_on.month in months]

    def _invoice_counted_from_topic(self) -> list[InvoiceFact] | None:
        """"And the one after that?", "what about the previous one?": the customer's invoice next to (by
        date) the one the conversation was just about; [] when there is none that side of it (said so);
        None when the message counts from nothing, or names its own invoice or month."""
        step = relative_step(self.ctx.message)
        if not step or invoice_numbers(self.ctx.message) or self._months_in(self.ctx.message):
            return None
        by_date = self._invoices_by_date()
        discussed = self._invoice_discussed(by_date)
        if discussed is None:
            return self._ask_which_invoice_counted_from(by_date)
        at = by_date.index(discussed) + step
        if 0 <= at < len(by_date):
            return [by_date[at]]
        if step > 0:
            self.counted_past_the_latest = True
            self.reply.add(f"{discussed.number} is the latest invoice on your account, so there's none after it yet.")
        else:
            self.reply.add(f"{discussed.number} is the first invoice on your account, so there's none before it.")
        return []

    def _ask_which_invoice_counted_from(self, by_date: list[InvoiceFact]) -> list[InvoiceFact] | None:
        """"And the one after that?" right after a list of invoices: a list has no one invoice to count
        from, and guessing one (the top? the bottom?) could describe the wrong charge, so ask which, naming
        the listed ones. None, having said nothing, when the last answer named fewer than two of them."""
        listed = invoice_numbers(last_assistant_text(self.ctx))
        shown = [i for i in reversed(by_date) if i.number in listed]  # newest first, as the list shows them
        if len(shown) < 2:
            return None
        self.asked_which_invoice = True
        names = joined_with_and([f"{i.number} (issued on {i.issued_on.isoformat()})" for i in shown])
        # No count of them: every figure in a reply must be one the facts hold, for the critic to check.
        self.reply.add(f"My last message listed several invoices, newest first: {names}. I'm not sure which one "
                       "you're counting from: could you tell me its number or the month it's from? I'll then look "
                       "up the one you mean.")
        return []

    def _invoices_by_date(self) -> list[InvoiceFact]:
        return sorted(self.facts.invoices, key=lambda i: (i.issued_on, i.number))

    def _invoice_discussed(self, by_date: list[InvoiceFact]) -> InvoiceFact | None:
        """The one invoice the conversation was about before this message: the one its questions named (by
        number or month, then counted on by each "the one before that" in between), else the only one of
        the customer's the last answer named ("why did my last payment fail?" names none; its answer does).
        "My last invoice" and "my first invoice" name one by its place."""
        discussed: InvoiceFact | None = None
        named_any = False
        for line in with_topic(self.ctx).split("\n")[:-1]:  # the topic's questions, oldest first
            numbers = invoice_numbers(line)
            months = set() if numbers else self._months_in(line)
            if numbers or months:
                named_any = True
                found = [i for i in by_date if i.number in numbers or i.issued_on.month in months]
                discussed = found[0] if len(found) == 1 else None  # another's, or several: nothing to count from
            elif by_date and (LATEST_INVOICE.search(line) or FIRST_INVOICE.search(line)):
                # "What was my last invoice?": the newest, whether its answer named it alone or in a list.
                named_any = True
                discussed = by_date[-1] if LATEST_INVOICE.search(line) else by_date[0]
            elif discussed is not None and (step := relative_step(line)):
                at = by_date.index(discussed) + step
                discussed = by_date[at] if 0 <= at < len(by_date) else None
        if named_any:
            return discussed
        last_answer = last_assistant_text(self.ctx)
        answered = invoice_numbers(last_answer)
        if len(answered) > 1:
            # "What was I charged last month?" is answered by the last payment (NW-1002), then the failed one since
            # and the invoice list: the one its first paragraph names is the answer, and "and the month before?"
            # counts from it. A list that opens the answer ("here are your invoices") still names no one of them.
            answered = invoice_numbers(last_answer.strip().split("\n\n")[0])
        found = [i for i in by_date if i.number in answered]
        return found[0] if len(found) == 1 and len(answered) == 1 else None

    def _invoices_named(self) -> list[InvoiceFact]:
        named = invoice_numbers(self.ctx.message) or invoice_numbers(self.text)
        return [i for i in self.facts.invoices if i.number in named]

    def _report_actions(self) -> None:
        for record in self.facts.action_records:
            amount = money(record.amount)
            ref = f" (reference {record.reference})" if record.reference else ""
            if record.kind == "refund":
                text = {
                    "completed": f"Done: I've refunded {amount} for invoice {record.invoice_number}{ref}.",
                    "pending_approval": f"I've asked for a refund of {amount} for invoice {record.invoice_number}"
                                        f"{ref}; a member of our staff needs to approve it, and you'll see the "
                                        "update here.",
                    "rejected": f"The refund of {amount} for invoice {record.invoice_number} was not approved{ref}.",
                    "failed": f"I couldn't record the refund for invoice {record.invoice_number}; "
                              "I'm passing this to a person.",
                }[record.status]
            else:
                text = {
                    "completed": f"Done: your account is unlocked{ref}. You can sign in again now.",
                    "pending_approval": f"I've asked our staff to unlock your account{ref}.",
                    "rejected": "Unlocking your account was not approved; a person will contact you.",
                    "failed": "I couldn't unlock your account; I'm passing this to a person.",
                }[record.status]
            self.reply.add(text)


def invoice_numbers(text: str) -> set[str]:
    return set(re.findall(r"NW-\d+", text.upper()))


def invoice_line(invoice: InvoiceFact) -> str:
    """"- NW-1002: $29.00, paid on 2026-10-01": one invoice as a line of a list."""
    when = invoice.paid_on or invoice.issued_on
    status = {"paid": f"paid on {when.isoformat()}", "failed": f"failed on {invoice.issued_on.isoformat()}"}
    told = status.get(invoice.status, f"{invoice.status} (issued {invoice.issued_on.isoformat()})")
    return f"- {invoice.number}: {money(invoice.amount)}, {told}"


def one_per_invoice(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One refund option per invoice: a charge can qualify twice (a duplicate, paid within the
    window), but it is refunded once, for the strongest reason: allowed first, duplicates first."""
    chosen: dict[str, dict[str, Any]] = {}
    for option in options:
        number = str(option.get("invoice_number", ""))
        if number not in chosen or refund_strength(option) < refund_strength(chosen[number]):
            chosen[number] = option
    return list(chosen.values())


def refund_strength(option: dict[str, Any]) -> tuple[bool, bool]:
    """Sorts the stronger reason to refund first."""
    return (not option.get("allowed"), option.get("reason") != "duplicate_charge")
