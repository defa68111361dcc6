"""The offline reply writer: composes a reply from the gathered facts and nothing else.

No language model: each part of a reply is a sentence built around a fact (an invoice, the
refund decision, the incident, an article's steps, an FAQ answer). Parts are chosen by what the
message asks; when nothing gathered answers it, the reply says so and offers a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from agents.context import Intent, SupportContext
from agents.facts import AccountFact, CardFact, IncidentFact, InvoiceFact, PaymentFact, RefundFact, SubscriptionFact
from agents.follow_up import OFFER_REFUND, accepts_offer, affirms, is_follow_up, with_topic
from agents.outcome import ActionRecord, ArticleMatch, Draft, FaqMatch, ProposedAction, Source, Usage
from agents.own_data import asks_about_own_data, asks_how_to
from agents.providers.offline.grounding import Grounding
from agents.providers.offline.kb import regions_mentioned
from agents.providers.offline.text import normalise

# An FAQ answer is quoted as the answer above this score, offered as a "probably" below it.
FAQ_CONFIDENT = 0.6
FAQ_PLAUSIBLE = 0.3
# A visitor who is not signed in and asks how to do something gets the closest FAQ (hedged) down to
# here: "please sign in" answers nothing when the help centre's answer is the same for everyone.
FAQ_HOW_TO_FOR_VISITOR = 0.15
ARTICLE_MIN_SCORE = 0.1
ARTICLE_STRONG = 0.25
MAX_STEPS = 4
PERSONAL_INTENTS: tuple[Intent, ...] = ("billing", "refund", "account")


def money(amount: Decimal | str | float) -> str:
    return f"${Decimal(str(amount)):,.2f}"


# "$99", "$1,200.00": an amount the customer quotes.
_AMOUNT = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\d+(?:\.\d{2})?)")
# An HTTP error code ("a 502", "503s"): the customer is reporting a fault, not asking how to do something.
_PROBLEM = re.compile(r"\b[45]\d\d\b")
# "I've updated my card", "ok, I added a new card": a change the customer says they made, not a how-to.
_CARD_CHANGED = re.compile(r"\b(?:updated|changed|added|replaced|saved|entered)\b[^.?!]{0,30}\bcard\b", re.IGNORECASE)
# Month names as a customer writes them ("my october invoice"); "may" only where it can't be the verb.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTHS = {rf"\b{name}\b": number for number, name in enumerate(_MONTH_NAMES, start=1) if name != "may"}
_MONTHS[r"\b(?:in|for|of) may\b|\bmay (?:invoice|bill|payment|charge)"] = 5
# A message made only of these asks for help without saying with what.
_SAYS_NOTHING_YET = frozenset({
    "i", "need", "help", "please", "pls", "plz", "hi", "hello", "hey", "can", "could", "you", "me", "some",
    "support", "question", "a", "have", "got", "there", "anyone", "someone", "somebody", "with", "something", "im",
    "stuck", "urgent", "quick", "is", "here", "assistance", "want", "would", "like", "get", "ok", "okay"})
_GREETINGS = frozenset({"hi", "hello", "hey"})
_NOTHING_TO_DO = "so there's nothing more you need to do; you'll see the update here."
# "How much do I owe", "anything left to pay": the unpaid invoices, or that there are none.
_OWED_CUES = ("owe", "outstanding", "balance", "unpaid", "overdue", "anything due", "need to pay", "have to pay",
              "left to pay", "still to pay")
_TWO_FACTOR = re.compile(r"two-factor|two factor|authenticator|recovery code|2fa", re.IGNORECASE)


def _about_two_factor(match: FaqMatch) -> bool:
    return bool(_TWO_FACTOR.search(f"{match.question} {match.answer}"))


def _has(words: set[str], text: str, *cues: str) -> bool:
    return any((cue in words) if " " not in cue else (cue in text) for cue in cues)


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
        account = (facts.get("account") or {}).get("account")
        self.account = AccountFact.model_validate(account) if account else None
        self.refunds = [RefundFact.model_validate(r) for r in billing.get("refunds") or []]
        technical = facts.get("technical") or {}
        self.articles = [ArticleMatch.model_validate(a) for a in technical.get("articles") or []]
        incident = technical.get("incident")
        self.incident = IncidentFact.model_validate(incident) if incident else None
        self.has_technical = "articles" in technical
        # Every open incident (reference, title, status, regions); None when the look-up failed.
        active = technical.get("active_incidents")
        self.active_incidents: list[dict[str, Any]] | None = list(active) if active is not None else None
        self.faq = [FaqMatch.model_validate(m) for m in (facts.get("faq") or {}).get("matches") or []]
        self.action_records = [ActionRecord.model_validate(r) for r in (facts.get("actions") or {}).get("records") or []]


class ReplyWriter:
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

    # -- the whole reply ---------------------------------------------------------------------------

    def write(self) -> Draft:
        intent = self.ctx.intent.label if self.ctx.intent else "general"
        secondary = list(self.ctx.intent.secondary) if self.ctx.intent else []
        labels = [intent, *[s for s in secondary if s != intent]]
        if self.persona in ("billing", "refund", "account", "technical", "general"):
            labels = [self.persona]  # a specialist on the panel speaks to its own part only
        if intent == "human":
            self.human()
        elif self._says_nothing_yet():
            self.reply.add(self._greeting("Of course — what can I help you with?") +
                           " I can look at your invoices and plan, your account, or problems with your apps.")
        elif intent == "out_of_scope" and not secondary:
            self.out_of_scope()
        else:
            sections: dict[str, Callable[[], None]] = {
                "billing": self.billing, "refund": self.refund, "account": self.account,
                "technical": self.technical, "general": self.general, "human": self.human,
                "out_of_scope": lambda: None,
            }
            for label in labels:
                sections[label]()
            if not self.reply.answered:
                self.fell_back = True
                self.cannot_answer()
        return Draft(text=self._join(), sources=self.reply.sources, actions=self.reply.actions,
                     usage=Usage(model="offline"))

    def _says_nothing_yet(self) -> bool:
        """"I need help", "??": nothing to answer yet, and nothing out of scope either (a plain "hi" is
        greeted by the general section)."""
        return not self.words - _SAYS_NOTHING_YET and not (self.words and self.words <= _GREETINGS)

    def _join(self) -> str:
        return "\n\n".join(p.strip() for p in self.reply.paragraphs if p.strip())

    # -- shared pieces -----------------------------------------------------------------------------

    def _greeting(self, sentence: str) -> str:
        return f"{sentence[:-1]}, {self.first_name}{sentence[-1]}" if self.first_name else sentence

    def _faq(self, *, floor: float = FAQ_PLAUSIBLE) -> FaqMatch | None:
        best = self.facts.faq[0] if self.facts.faq else None
        return best if best is not None and best.score >= floor else None

    def _quote_faq(self, match: FaqMatch, *, hedge: bool) -> None:
        if hedge:
            self.reply.add(f"I think you're asking about “{match.question}” — here's what our help centre says:")
            self.reply.add(match.answer)
            self.reply.add("If that's not what you meant, tell me a bit more, or ask for a person and I'll pass you on.",
                           answers=False)
        else:
            self.reply.add(match.answer)
        self.reply.sources.append(Source(kind="faq", title=match.question, ref=str(match.faq_id)))

    def _ask_to_sign_in(self, what: str) -> None:
        if self.asked_to_sign_in:
            return  # once a reply: a billing and a refund section each asking reads as a stutter
        self.asked_to_sign_in = True
        self.reply.add(
            f"I can't see {what} while you're not signed in. Please sign in (top right) and ask me again — "
            "I'll then look it up for you. I only ever show an account's details to its signed-in owner.",
            answers=True,
        )

    # -- intents -----------------------------------------------------------------------------------

    def out_of_scope(self) -> None:
        if _has(self.words, self.norm, "thanks", "thank", "cheers"):
            self.reply.add("You're welcome! If anything else comes up with your Northwind account or apps, just ask.")
            return
        self.reply.add(
            "Sorry, that's outside what I can help with — I'm Northwind Cloud's support assistant, and I'd only be "
            "guessing. I'm happy to help with your account, billing and plans, or with your apps: deploys, "
            "domains, certificates and API errors."
        )

    def human(self) -> None:
        self.reply.add(
            "Of course. I'm passing this conversation to our support team now; a person will pick it up right "
            "here, with everything you've written so far, so you won't need to repeat yourself."
        )

    def cannot_answer(self) -> None:
        self.reply.add(
            "I'm sorry, I don't have enough information to answer that properly, and I'd rather not guess. "
            "Would you like me to pass you to a person from our support team? Just say so and I will.",
            answers=False,
        )

    def general(self) -> None:
        if len(self.words) <= 4 and _has(self.words, self.norm, "hi", "hello", "hey", "morning", "afternoon"):
            self.reply.add(self._greeting("Hi there! What can I help you with today?") +
                           " I can look at your invoices and plan, your account, or problems with your apps.")
            return
        if len(self.words) <= 5 and _has(self.words, self.norm, "thanks", "thank", "cheers", "bye"):
            self.reply.add("You're welcome! I'm here if anything else comes up.")
            return
        match = self._faq()
        if match is not None:
            self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)

    # billing ---------------------------------------------------------------------------------------

    def billing(self) -> None:
        if self.ctx.customer is None or not self.facts.has_billing:
            match = self._faq(floor=FAQ_PLAUSIBLE if asks_how_to(self.text) else FAQ_CONFIDENT)
            if match is not None:
                self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)
                if self._asks_about_own_billing():
                    self._ask_to_sign_in("your invoices or payments")
            else:
                self._ask_to_sign_in("your invoices or payments")
            return
        asked = self._invoices_asked()
        if self._names_someone_else():
            self.reply.add("I can only show you the invoices and payments on your own account, so here's what I "
                           "can see for you.", answers=False)
        if self._mentions_double_charge():
            self._duplicates()
        # "I've updated my card", or "ok done, will you retry?" after being told to replace it.
        card_changed = bool(_CARD_CHANGED.search(self.text)) or (
            _has(self.words, self.norm, "done", "did it", "did that", "sorted")
            and _has(self.words, self.norm, "retry", "try again", "charge it", "take the payment"))
        if card_changed:
            self._card_change_checked()
        about_failure = not card_changed and _has(
            self.words, self.norm, "fail", "failed", "fails", "declined", "decline", "not go through",
            "didnt go through", "did not go through", "rejected", "faild", "retry", "go thru", "didnt go thru",
            "bounced", "whats wrong", "what went wrong")
        if asked:
            for invoice in asked:
                self._describe_invoice(invoice)
        elif about_failure:
            self._failed_payments()
        # "Why did my last payment fail" is answered by the failure itself, not by a payment date.
        if self._asks_last_payment() and not about_failure and not card_changed:
            self._last_payment()
        if _has(self.words, self.norm, "so far", "in total", "total", "altogether", "all together"):
            self._total_paid()
        renewal_told = False
        if self._asks_what_is_due() and not asked:
            self._what_is_due(failures_told=about_failure)
            renewal_told = True
        card_told = self.facts.card is not None and any(self.facts.card.last4 in p for p in self.reply.paragraphs)
        if _has(self.words, self.norm, "card", "expired", "expire", "expiry") and not card_told:
            self._card()
        if _has(self.words, self.norm, "plan", "plans", "price", "prices", "cost", "upgrade", "downgrade", "cancel",
                "subscription", "paying", "pay", "pro", "tier", "features") and not renewal_told:
            self._plan()
        if _has(self.words, self.norm, "invoice", "invoices", "receipt", "receipts", "bill", "history",
                "owe", "statement", "charge", "last month") and not (asked or renewal_told or card_changed):
            self._invoice_list()
        if not self.reply.answered:
            self.fell_back = True
            self._invoice_list()
        match = self._faq(floor=FAQ_PLAUSIBLE if asks_how_to(self.text) else FAQ_CONFIDENT)
        if match is not None and self._faq_adds_how_to(match) and not self._faq_quoted(match):
            self.reply.add(f"How to do it: {match.answer}")
            self.reply.sources.append(Source(kind="faq", title=match.question, ref=str(match.faq_id)))

    def _names_someone_else(self) -> bool:
        own = {i.number for i in self.facts.invoices}
        named = set(re.findall(r"NW-\d+", self.text.upper()))
        return bool(named - own) or bool(re.search(r"\bcus_\w+|\b\w+'s (?:invoices?|account|payments?)", self.text,
                                                   re.IGNORECASE))

    def _asks_about_own_billing(self) -> bool:
        return _has(self.words, self.norm, "my", "me", "i", "last", "twice", "mine")

    def _faq_quoted(self, match: FaqMatch) -> bool:
        return any(source.kind == "faq" and source.ref == str(match.faq_id) for source in self.reply.sources)

    def _faq_adds_how_to(self, match: FaqMatch) -> bool:
        return any(w in normalise(match.question).split() for w in ("change", "upgrade", "downgrade", "cancel",
                                                                     "find", "add"))

    @cached_property
    def invoices_for_amounts(self) -> list[InvoiceFact] | None:
        """The latest invoice (paid ones first) for each amount the message quotes ("why was I charged
        $29?"); [] when none of the customer's is for it; None when the message quotes no amount."""
        amounts = {Decimal(a.replace(",", "")) for a in _AMOUNT.findall(self.text)}
        if not amounts:
            return None
        latest: dict[Decimal, InvoiceFact] = {}
        for invoice in sorted(self.facts.invoices, key=lambda i: (i.status == "paid", i.issued_on)):
            if invoice.amount in amounts:
                latest[invoice.amount] = invoice
        return list(latest.values())

    def _invoices_asked(self) -> list[InvoiceFact]:
        """The invoices the message names, or else the ones for the months or amounts it quotes (saying
        so when the customer has none for them)."""
        # The message's own invoice or month first; a follow-up that names neither takes its topic's.
        for text in dict.fromkeys((self.ctx.message, self.text)):
            named = _invoice_numbers(text)
            if named:
                return [i for i in self.facts.invoices if i.number in named]
            months = {number for name, number in _MONTHS.items() if re.search(name, normalise(text))}
            if months:
                in_months = [i for i in self.facts.invoices if i.issued_on.month in months]
                if not in_months:
                    self.reply.add("I can't find an invoice from that month on your account.", answers=False)
                return sorted(in_months, key=lambda i: i.issued_on)
        by_amount = self.invoices_for_amounts
        if by_amount == []:
            self.reply.add("I can't find a charge of that amount on your account.", answers=False)
        return by_amount or []

    def _invoices_named(self) -> list[InvoiceFact]:
        named = _invoice_numbers(self.ctx.message) or _invoice_numbers(self.text)
        return [i for i in self.facts.invoices if i.number in named]

    def _describe_invoice(self, invoice: InvoiceFact) -> None:
        if invoice.status == "paid":
            paid = f" and was paid on {invoice.paid_on.isoformat()}" if invoice.paid_on else ""
            self.reply.add(f"Invoice {invoice.number} is for {money(invoice.amount)}, issued on "
                           f"{invoice.issued_on.isoformat()}{paid}.")
        elif invoice.status == "failed":
            self._explain_failure(invoice)
        else:
            self.reply.add(f"Invoice {invoice.number} for {money(invoice.amount)}, issued on "
                           f"{invoice.issued_on.isoformat()}, is {invoice.status}.")

    def _explain_failure(self, invoice: InvoiceFact) -> None:
        card = invoice.card_last4 or (self.facts.card.last4 if self.facts.card else "")
        reason = invoice.failure_reason.rstrip(".")
        if reason and card and card not in reason:
            because = f"because {reason[0].lower()}{reason[1:]} (the card ending {card})"
        elif reason:
            because = f"because {reason[0].lower()}{reason[1:]}"
        elif card:
            because = f"when we tried the card ending {card}"
        else:
            because = "and the payment processor didn't give us a reason"
        self.reply.add(
            f"Your payment for invoice {invoice.number} ({money(invoice.amount)}, issued on "
            f"{invoice.issued_on.isoformat()}) didn't go through {because}."
        )
        expired = (self.facts.card is not None and self.facts.card.expired) or "expire" in reason.lower()
        if expired:
            self.reply.add(
                "To fix it, add a new card under **Billing → Payment method**; once it's saved we'll try the "
                f"payment for {invoice.number} again, so you don't need to do anything else."
            )
            self.reply.sources.append(Source(kind="faq", title="How do I change the card I pay with?"))

    def _asks_last_payment(self) -> bool:
        """"When did I last pay", "my last payment", "did I pay this month": a date and an amount, not a list."""
        pays = _has(self.words, self.norm, "pay", "paid", "payment", "charged", "charge", "bill", "billed")
        return pays and _has(self.words, self.norm, "last", "latest", "recent", "when did", "this month")

    def _last_payment(self) -> None:
        paid = sorted((p for p in self.facts.payments if p.status != "failed" and not p.duplicate),
                      key=lambda p: p.created_at, reverse=True)
        if not paid:
            self.reply.add("I can't find a successful payment on your account yet.")
            return
        last = paid[0]
        card = f" with the card ending {last.card_last4}" if last.card_last4 else ""
        self.reply.add(f"Your last payment was {money(last.amount)} on {last.created_at.date().isoformat()}{card}, "
                       f"for invoice {last.invoice_number}.")
        failed = [p for p in self.facts.payments if p.status == "failed" and p.created_at > last.created_at]
        if failed:
            latest = max(failed, key=lambda p: p.created_at)
            self.reply.add(f"Since then, the payment for invoice {latest.invoice_number} on "
                           f"{latest.created_at.date().isoformat()} didn't go through.", answers=False)

    def _total_paid(self) -> None:
        """"How much have I paid so far?": the billing worker's sum of the successful charges."""
        totals = self.facts.totals
        if not totals:
            return  # the look-up failed: nothing to sum from
        count = totals.get("payments_succeeded") or 0
        if not count:
            self.reply.add("You haven't paid us anything so far.")
            return
        back = Decimal(totals.get("paid_back") or 0)
        paid_back = f", of which {money(back)} has been paid back to you" if back else ""
        self.reply.add(f"You've paid {money(totals['paid'])} in total, over {count} payment{'s' if count != 1 else ''} "
                       f"since {totals['first_payment_on']}{paid_back}.")

    def _asks_what_is_due(self) -> bool:
        """"When is my next payment due", "when does my plan renew", "how much do I owe": what is owed now
        and what will be charged next, not the invoices already paid."""
        if _has(self.words, self.norm, "renew", "renews", "renewal", "renewed", "due", "upcoming", "coming up",
                *_OWED_CUES):
            return True
        return _has(self.words, self.norm, "next") and _has(
            self.words, self.norm, "pay", "payment", "bill", "billed", "charge", "charged", "invoice")

    def _what_is_due(self, *, failures_told: bool) -> None:
        unpaid = sorted((i for i in self.facts.invoices if i.status in ("failed", "open")), key=lambda i: i.issued_on)
        asks_owed = _has(self.words, self.norm, *_OWED_CUES)
        if unpaid and not failures_told:
            total = self.facts.totals.get("outstanding") or unpaid[0].amount
            if len(unpaid) > 1 and self.facts.totals:
                self.reply.add(f"You have {money(total)} outstanding, on {len(unpaid)} unpaid invoices.")
            elif asks_owed and len(unpaid) == 1:
                self.reply.add(f"You have {money(total)} outstanding.")
            for invoice in unpaid:
                if invoice.status == "failed":
                    self._explain_failure(invoice)
                else:
                    self.reply.add(f"Invoice {invoice.number} for {money(invoice.amount)}, issued on "
                                   f"{invoice.issued_on.isoformat()}, is still open: it's due now.")
        elif not unpaid and asks_owed:
            self.reply.add("You don't owe anything right now: every invoice on your account is paid.")
        self._next_renewal(after_unpaid=bool(unpaid))

    def _next_renewal(self, *, after_unpaid: bool) -> None:
        plan = self.facts.subscription
        if plan is None:
            self.reply.add("I can't see a plan subscription on your account, so nothing is due to renew.")
            return
        if plan.status == "cancelled":
            self.reply.add(f"Your {plan.plan} plan is cancelled, so there are no more payments to come.")
            return
        if plan.renews_on is None or not plan.price_monthly:
            self.reply.add(f"You're on the {plan.plan} plan, which costs nothing, so no payment is coming up.")
            return
        when = "Once that's settled, your" if after_unpaid else "Your"
        card = self.facts.card
        if card is None:
            pay_with = (". There's no card on your account yet: add one under **Billing → Payment method** "
                        "before then.")
        elif card.expired and any("Payment method" in p for p in self.reply.paragraphs):
            pay_with = "."  # the failed payment's fix, just above, already asks for a new card
        elif card.expired:
            pay_with = (f". The card on file, the {card.brand} ending {card.last4}, expired ({card.expires}), so "
                        "please add a new one under **Billing → Payment method** before then.")
        else:
            pay_with = f" to the {card.brand} ending {card.last4}."
        self.reply.add(f"{when} {plan.plan} plan renews on {plan.renews_on.isoformat()}, when we'll charge "
                       f"{money(plan.price_monthly)}{pay_with}")

    def _failed_payments(self) -> None:
        failed = [i for i in self.facts.invoices if i.status == "failed"]
        if not failed:
            latest = max(self.facts.invoices, key=lambda i: i.issued_on, default=None)
            if latest is None:
                self.reply.add("I can't find any invoices or payments on your account, so nothing has failed.")
            else:
                self.reply.add(
                    f"Good news: none of your payments has failed. Your latest invoice, {latest.number} for "
                    f"{money(latest.amount)}, is {latest.status}."
                )
            return
        for invoice in sorted(failed, key=lambda i: i.issued_on, reverse=True):
            self._explain_failure(invoice)

    def _card_change_checked(self) -> None:
        """"I've updated my card, will you retry?": what the facts show of the card now, and what happens next."""
        card = self.facts.card
        failed = sorted(i.number for i in self.facts.invoices if i.status == "failed")
        retry = (f" Once it is, we'll try the payment for {', '.join(failed)} again, so you don't need to do "
                 "anything else.") if failed else ""
        if card is None:
            self.reply.add("I don't see a card saved on your account yet, so the change hasn't reached us. Check "
                           f"that it's saved under **Billing → Payment method**.{retry}")
        elif card.expired:
            self.reply.add(f"I still see the {card.brand} ending {card.last4} on your account, which expired "
                           f"({card.expires}), so the new card hasn't reached us yet. Check that it's saved under "
                           f"**Billing → Payment method**.{retry}")
        else:
            done = (f" We'll try the payment for {', '.join(failed)} with it, so you don't need to do anything "
                    "else.") if failed else ""
            self.reply.add(f"Thanks: the card on file is a {card.brand} ending {card.last4}, valid until "
                           f"{card.expires}.{done}")

    def _card(self) -> None:
        card = self.facts.card
        if card is None:
            self.reply.add("I don't see a card saved on your account. You can add one under **Billing → Payment method**.")
        elif card.expired:
            self.reply.add(f"The card on file is a {card.brand} ending {card.last4}, which expired ({card.expires}). "
                           "You can replace it under **Billing → Payment method**.")
        else:
            self.reply.add(f"The card on file is a {card.brand} ending {card.last4}, valid until {card.expires}.")

    def _plan(self) -> None:
        customer = self.ctx.customer
        if customer is None:
            return
        if customer.plan_price:
            plan = f"You're on the {customer.plan} plan at {money(customer.plan_price)} a month."
        else:
            plan = f"You're on the {customer.plan} plan, which costs nothing."
        # "What's my plan?" is answered by the plan itself; a help-centre entry about plans would
        # answer a question the customer did not ask.
        own = asks_about_own_data(self.text)
        self.reply.add(plan, answers=own)
        match = None if own else self._faq(floor=FAQ_PLAUSIBLE)
        if match is not None and any(t in normalise(match.question) for t in ("plan", "cancel", "subscription")):
            self.reply.add(match.answer)
            self.reply.sources.append(Source(kind="faq", title=match.question, ref=str(match.faq_id)))

    def _invoice_list(self) -> None:
        invoices = sorted(self.facts.invoices, key=lambda i: i.issued_on, reverse=True)
        if not invoices:
            self.reply.add("There are no invoices on your account yet"
                           + (f" — you're on the {self.ctx.customer.plan} plan." if self.ctx.customer else "."))
            return
        lines = []
        for invoice in invoices[:6]:
            when = invoice.paid_on or invoice.issued_on
            status = {"paid": f"paid on {when.isoformat()}", "failed": f"failed on {invoice.issued_on.isoformat()}"}
            lines.append(f"- {invoice.number}: {money(invoice.amount)}, "
                         f"{status.get(invoice.status, invoice.status + ' (issued ' + invoice.issued_on.isoformat() + ')')}")
        self.reply.add("Here are your most recent invoices:\n" + "\n".join(lines))

    def _mentions_double_charge(self) -> bool:
        return _has(self.words, self.norm, "twice", "duplicate", "double", "two times", "2 times")

    def _duplicates(self) -> None:
        duplicates = [p for p in self.facts.payments if p.duplicate]
        if not duplicates:
            self.reply.add("I checked your payments and I can't find a duplicate charge: each invoice was paid once. "
                           "If your bank statement shows two charges, a person from our team can look into it with you.")
            return
        for payment in duplicates:
            self.reply.add(
                f"You're right, I can see it: invoice {payment.invoice_number} was charged twice on "
                f"{payment.created_at.date().isoformat()}, and the second payment of {money(payment.amount)} is a "
                "duplicate."
            )
        if not self._refund_covered(duplicates):
            self._refund_options_for(self._refund_options_asked(only_duplicates=True))

    def _refund_covered(self, duplicates: list[PaymentFact]) -> bool:
        return any(a.kind == "refund" and a.invoice_number in {p.invoice_number for p in duplicates}
                   for a in self.reply.actions)

    # refund ----------------------------------------------------------------------------------------

    def refund(self, *, only_duplicates: bool = False) -> None:
        if self.ctx.customer is None or not self.facts.has_billing:
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
        if _has(self.words, self.norm, "policy", "policies", "rules", "how do refunds work",
                "how does a refund work", "refund window") and not self._invoices_named():
            # A question about the policy itself, not a request: the rules, and how to ask.
            self._refund_policy()
            self.reply.add("If you'd like a refund for a particular charge, tell me which invoice and I'll check "
                           "it against the policy.", answers=False)
            return
        if _has(self.words, self.norm, "how long", "how many days", "how soon") and not self._invoices_named():
            match = self._faq(floor=FAQ_PLAUSIBLE)
            if match is not None and "refund" in normalise(match.question):
                self._quote_faq(match, hedge=False)
                return
        if accepts_offer(self.ctx, OFFER_REFUND):
            self._refund_options_for([o for o in _one_per_invoice(self.facts.refund_options)
                                      if o.get("allowed") and not o.get("already_requested")])
            return
        # A bare "yes" to anything but that offer requests nothing: say where things stand instead.
        if (self._asks_refund_status() or affirms(self.ctx.message)) and not self._invoices_named():
            self._refund_status()
            return
        if self._mentions_double_charge() and not self._invoices_named():
            # "I was charged twice": the answer is whether a charge was duplicated, not the
            # refund window of whatever was paid last.
            self._duplicates()
            return
        self._refund_options_for(self._refund_options_asked(only_duplicates=only_duplicates))

    def _refund_policy(self) -> None:
        self.reply.add("Our refund policy: " + " ".join(self.ctx.constraints.rules[:3]))

    def _refund_options_for(self, options: list[dict[str, Any]]) -> None:
        unpaid = [i for i in self._invoices_named() if i.status in ("failed", "open")
                  and not any(o.get("invoice_number") == i.number for o in options)]
        for invoice in unpaid:
            self.reply.add(f"Invoice {invoice.number} ({money(invoice.amount)}) was never paid — its payment "
                           f"{'failed' if invoice.status == 'failed' else 'is still open'} — so there's nothing to "
                           "refund for it.")
        if not options and not unpaid:
            self._no_refundable_charge()
            return
        for option in options:
            self._refund_option(option)

    def _refund_options_asked(self, *, only_duplicates: bool) -> list[dict[str, Any]]:
        options = self.facts.refund_options
        named = {i.number for i in self._invoices_asked()}
        if named:
            return _one_per_invoice([o for o in options if o.get("invoice_number") in named])
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
                self.reply.add(f"A refund for invoice {number} has already been requested, {_NOTHING_TO_DO}")
            else:
                self._refund_state(existing)
            self.reply.answered = True
            return
        if option.get("allowed"):
            why = ("duplicate charges are always refunded" if reason == "duplicate_charge"
                   else f"it was paid within the last {self.ctx.constraints.refund_window_days} days")
            duplicate = next((p for p in self.facts.payments if p.duplicate and p.invoice_number == number), None)
            if duplicate is not None and not any("charged twice" in p for p in self.reply.paragraphs):
                self.reply.add(f"You're right, I can see it: invoice {number} was charged twice on "
                               f"{duplicate.created_at.date().isoformat()}, and the second payment of {amount} is a "
                               "duplicate.")
            # What happens next (done, or waiting for a staff member's approval above the limit) is said
            # once, by the orchestrator, after the action is carried out: it knows how it went.
            self.reply.add(f"It qualifies for a full refund of {amount}, because {why}.")
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

    def _refund_state(self, refund: RefundFact) -> None:
        requested = f"A refund for invoice {refund.invoice_number} has already been requested"
        if refund.status == "completed":
            self.reply.add(f"{requested} (reference {refund.reference}) and {money(refund.amount)} has been paid back.")
        elif refund.status == "rejected":
            self.reply.add(f"The refund requested for invoice {refund.invoice_number} (reference {refund.reference}, "
                           f"{money(refund.amount)}) was declined by a member of our staff. If you'd like it looked "
                           "at again, I can pass you to a person.")
        else:
            state = "approved" if refund.status == "approved" else "is waiting for a member of our staff to approve it"
            self.reply.add(f"{requested} (reference {refund.reference}, {money(refund.amount)}) and {state}, "
                           f"{_NOTHING_TO_DO}")

    def _asks_refund_status(self) -> bool:
        """"What's the status of my refund", "where is my refund": what happened to a request, not a new one."""
        return _has(self.words, self.norm, "status", "where is my refund", "wheres my refund", "has my refund",
                    "did my refund", "when will i get my", "when will my refund", "refund yet", "any news",
                    "update on my refund", "still waiting", "heard back", "been approved")

    def _refund_status(self) -> None:
        latest: dict[str, RefundFact] = {}
        for refund in self.facts.refunds:  # the last one asked for each invoice
            latest[refund.invoice_number] = refund
        for refund in latest.values():
            self._refund_state(refund)
        if latest:
            self.reply.answered = True
            return
        self.reply.add("I can't find a refund request on your account, so nothing is on its way yet.")
        qualifying = [o for o in _one_per_invoice(self.facts.refund_options) if o.get("allowed")]
        if qualifying:
            charges = ", ".join(f"invoice {o['invoice_number']} ({money(o['amount'])})" for o in qualifying)
            self.reply.add(f"I can see that {charges} would qualify for a refund: {OFFER_REFUND}.", answers=False)

    def _no_refundable_charge(self) -> None:
        if not self.facts.invoices:
            self.reply.add("I can't find any charges on your account, so there's nothing to refund.")
        else:
            self.reply.add("I couldn't find a charge on your account that our refund policy covers: "
                           + " ".join(self.ctx.constraints.rules[:2])
                           + " If you think something's wrong, I can pass you to a person.")

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

    # account ---------------------------------------------------------------------------------------

    def account(self) -> None:
        account = self.facts.account
        match = self._faq(floor=FAQ_PLAUSIBLE)
        if match is None and self._visitor_asks_how_to():
            match = self._faq(floor=FAQ_HOW_TO_FOR_VISITOR)
        if self.ctx.customer is None or account is None:
            if match is not None:
                self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)
            if self._asks_about_own_account() or match is None:
                self._ask_to_sign_in("your account's details")
            return
        if self.facts.action_records and any(r.kind == "account_unlock" for r in self.facts.action_records):
            self._report_actions()
            return
        if account.status == "locked":
            count = f"{account.failed_signins} failed sign-ins" if account.failed_signins else "failed sign-ins"
            reason = account.locked_reason.rstrip(".") if account.locked_reason else f"locked after {count}"
            reason = reason[0].lower() + reason[1:]
            if reason.startswith("locked"):
                reason = "it was " + reason
            self.reply.add(f"Your account ({account.username}) is locked — {reason}. We do that to protect it "
                           "from someone guessing your password.")
            if _has(self.words, self.norm, "unlock", "locked", "lock", "sign in", "cant", "can not", "access",
                    "blocked"):
                # Whether the unlock happens now or waits for a staff member is told once, after the
                # action port answers (workers/actions.describe_actions).
                self.reply.add("As you're signed in here, I'll start the unlock for you. Afterwards, if "
                               "you're not sure of your password, use **Forgot password** on the sign-in page "
                               "rather than guessing again.")
                self.reply.actions.append(ProposedAction(kind="account_unlock", reason="customer asked; signed in"))
        elif account.status == "suspended":
            self.reply.add("Your account is suspended. I can't change that myself, so I'll need to pass you to a "
                           "person from our team.", answers=False)
        if "password" in self.words and not asks_how_to(self.text) and _has(
                self.words, self.norm, "what is", "whats", "tell me", "remind me", "show me", "send me"):
            self.reply.add("Passwords are never stored in a form anyone can read, so nobody here, me included, can "
                           "tell you yours. If you've forgotten it, use **Forgot password** on the sign-in page to "
                           "set a new one.")
            return
        # A state question ("is 2fa on for my account?") is answered by the fact itself.
        own = asks_about_own_data(self.text)
        told_state = False
        mentions_two_factor = _has(self.words, self.norm, "two factor", "2fa", "authenticator", "two-factor",
                                   "verification")
        cannot_sign_in = account.status == "active" and _has(self.words, self.norm, "locked", "lock", "sign in",
                                                             "cant", "can not", "unlock")
        if cannot_sign_in:
            self.reply.add(f"Your account ({account.username}) isn't locked — it's active.")
            told_state = True
        if match is not None and not account.two_factor_enabled and not mentions_two_factor and _about_two_factor(match):
            # Recovery codes and authenticator apps are no help to someone without two-factor on.
            match = None
            if cannot_sign_in:
                self.reply.add("Two-factor authentication is off for your account, so your password is all "
                               "you need. If you're not sure of it, use **Forgot password** on the sign-in page "
                               "rather than guessing: repeated failed sign-ins lock the account.")
        if mentions_two_factor:
            state = "on" if account.two_factor_enabled else "off"
            self.reply.add(f"Two-factor authentication is currently {state} for your account.", answers=own)
            told_state = True
        if _has(self.words, self.norm, "email", "address"):
            self.reply.add(f"The email address on your account is {account.email}.", answers=own)
            told_state = True
        # "Is 2fa on for my account?" is answered by the fact; a how-to FAQ next to it (recovery codes,
        # how to unlock) would answer a question the customer did not ask.
        # "Can you change my email to …" asks how to change it, whatever it is now.
        wants_change = _has(self.words, self.norm, "change", "update", "edit", "replace", "new", "switch")
        fact_answers_it = told_state and own and not wants_change
        if match is not None and match.score >= FAQ_PLAUSIBLE and account.status != "locked" and not fact_answers_it:
            self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)
        elif not self.reply.answered and account.status == "active":
            self.reply.add(f"Your account ({account.username}) is active, on the {account.plan} plan.",
                           answers=False)

    def _visitor_asks_how_to(self) -> bool:
        return self.ctx.customer is None and not asks_about_own_data(self.text)

    def _asks_about_own_account(self) -> bool:
        return _has(self.words, self.norm, "my account", "locked", "unlock", "my email", "my plan")

    # technical -------------------------------------------------------------------------------------

    def technical(self) -> None:
        incident = self.facts.incident
        if incident is not None:
            started = incident.started_at.strftime("%Y-%m-%d %H:%M UTC")
            where = f" in {', '.join(incident.regions)}" if incident.regions else ""
            self.reply.add(
                f"There's an active incident that's very likely what you're seeing: “{incident.title}”, "
                f"since {started} (status: {incident.status}). Our engineers are working on it{where}, and "
                "updates go to our status page as they happen; requests that fail during it are safe to retry."
            )
            self.reply.sources.append(Source(kind="incident", title=incident.title, ref=incident.reference))
        elif _has(self.words, self.norm, "outage", "incident", "down", "status page", "is it just me"):
            self._no_matching_incident()
        articles = [a for a in self.facts.articles if a.score >= ARTICLE_MIN_SCORE]
        faq = self._faq(floor=FAQ_CONFIDENT)
        if faq is not None and incident is None and (not articles or articles[0].score < ARTICLE_STRONG):
            # A how-to question ("which regions can I deploy to?") is answered by the FAQ, not a guide.
            self._quote_faq(faq, hedge=False)
            articles = [a for a in articles if a.score >= ARTICLE_STRONG]
        if articles:
            best = articles[0]
            steps = best.steps[:MAX_STEPS]
            intro = ("Meanwhile, if it's on your side, our guide" if incident is not None
                     else "Our guide" if not self.reply.answered else "For more, our guide")
            if steps:
                numbered = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
                self.reply.add(f"{intro} “{best.title}” covers this. The steps that usually sort it out:\n{numbered}")
            else:
                self.reply.add(f"{intro} “{best.title}” covers this: {best.summary}")
            self.reply.sources.append(Source(kind="article", title=best.title, url=best.url, ref=best.slug))
            if len(articles) > 1 and articles[1].score >= 2 * ARTICLE_MIN_SCORE:
                other = articles[1]
                self.reply.add(f"“{other.title}” may help too.", answers=False)
                self.reply.sources.append(Source(kind="article", title=other.title, url=other.url, ref=other.slug))
        if not self.reply.answered:
            match = self._faq(floor=FAQ_CONFIDENT)
            if match is not None:
                self._quote_faq(match, hedge=False)
        if articles and incident is None:
            if self._reports_a_problem():
                self.reply.add("If that doesn't fix it, send me the error message you see, or ask for a person "
                               "and one of our engineers will take a look.", answers=False)
            else:  # "how do I add a custom domain?": a how-to, nothing to fix yet
                self.reply.add("If you get stuck on a step, tell me what you see, or ask for a person and one "
                               "of our engineers will help.", answers=False)

    def _reports_a_problem(self) -> bool:
        return bool(_PROBLEM.search(self.text)) or _has(
            self.words, self.norm, "error", "errors", "fail", "fails", "failed", "failing", "broken", "down",
            "not working", "doesnt work", "does not work", "timeout", "timing out", "slow", "crash", "crashes",
            "wrong", "issue", "problem", "cannot", "can not", "unable")

    def _no_matching_incident(self) -> None:
        """"Is there an outage in us-east?" when no open incident fits: say so, and where the open ones are."""
        open_incidents = self.facts.active_incidents
        if open_incidents is None:
            return  # the incidents could not be read: "none" would be a guess
        regions = sorted(regions_mentioned(self.text))
        if regions:
            self.reply.add(f"There's no active incident in {' or '.join(regions)} right now.")
            open_incidents = [i for i in open_incidents if not set(i.get("regions") or ()) & set(regions)]
        elif not open_incidents:
            self.reply.add("There's no active incident on our side right now.")
        for other in open_incidents[:2]:
            regions = [r for r in other.get("regions") or () if r not in other["title"]]
            where = f" in {', '.join(regions)}" if regions else ""
            self.reply.add(f"The incident open at the moment is “{other['title']}”{where} (status: "
                           f"{other['status']}); if your app runs elsewhere, it isn't the cause.", answers=False)


def compose(ctx: SupportContext, *, persona: str = "resolver", revision_notes: list[str] | None = None) -> Draft:
    """The grounded reply for ctx; after a critic's notes, the same reply without unsupported sentences."""
    writer = ReplyWriter(ctx, persona=persona, text=ctx.message)
    draft = writer.write()
    if writer.fell_back and is_follow_up(ctx):
        # "How do I fix it?" says nothing alone: written again with the question it follows.
        # Read alone first, so "and when is the next one due?" is not answered with its topic's
        # answer over again.
        draft = ReplyWriter(ctx, persona=persona, text=with_topic(ctx)).write()
    if not revision_notes:
        return draft
    grounding = Grounding.of(ctx)
    kept = []
    for paragraph in draft.text.split("\n\n"):
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        clean = [s for s in sentences if not grounding.unsupported(s)]
        if clean:
            kept.append(" ".join(clean))
    if len(kept) < len(draft.text.split("\n\n")):
        kept.append("I've left out details I couldn't confirm; a person from our team can check them with you.")
    return draft.model_copy(update={"text": "\n\n".join(kept)})


def _invoice_numbers(text: str) -> set[str]:
    return set(re.findall(r"NW-\d+", text.upper()))


def _one_per_invoice(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One refund option per invoice: a charge can qualify twice (a duplicate, paid within the
    window), but it is refunded once, for the strongest reason: allowed first, duplicates first."""
    chosen: dict[str, dict[str, Any]] = {}
    for option in options:
        number = str(option.get("invoice_number", ""))
        if number not in chosen or _refund_strength(option) < _refund_strength(chosen[number]):
            chosen[number] = option
    return list(chosen.values())


def _refund_strength(option: dict[str, Any]) -> tuple[bool, bool]:
    """Sorts the stronger reason to refund first."""
    return (not option.get("allowed"), option.get("reason") != "duplicate_charge")
