"""Fakes for the ports and retrievers, holding the demo company's facts (as seed_demo loads them)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from agents.context import IntentResult, SupportContext
from agents.events import Event
from agents.facts import (
    AccountFact,
    ArticleFact,
    CardFact,
    CustomerProfile,
    FaqFact,
    IncidentFact,
    InvoiceFact,
    PaymentFact,
    PlanFact,
    RefundFact,
    SubscriptionFact,
)
from agents.orchestrator import Orchestrator, OrchestratorConfig
from agents.outcome import ArticleMatch, FaqMatch, RunOutcome
from agents.providers.scripted import ScriptedProvider

TODAY = "2026-11-25"

PROFILES = {
    "cus_alice": CustomerProfile(external_id="cus_alice", name="Alice Martin", email="alice@example.com", plan="Pro",
                                 plan_price=Decimal("29.00")),
    "cus_bob": CustomerProfile(external_id="cus_bob", name="Bob Chen", email="bob@example.com", plan="Business",
                               plan_price=Decimal("99.00")),
    "cus_carol": CustomerProfile(external_id="cus_carol", name="Carol Diaz", email="carol@example.com", plan="Free",
                                 plan_price=Decimal("0.00")),
}


def _dt(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=UTC)


INVOICES = {
    "cus_alice": [
        InvoiceFact(number="NW-1001", amount=Decimal("29.00"), status="paid", issued_on=date(2026, 9, 1),
                    paid_on=date(2026, 9, 1), card_last4="4242"),
        InvoiceFact(number="NW-1002", amount=Decimal("29.00"), status="paid", issued_on=date(2026, 10, 1),
                    paid_on=date(2026, 10, 1), card_last4="4242"),
        InvoiceFact(number="NW-1003", amount=Decimal("29.00"), status="failed", issued_on=date(2026, 11, 1),
                    failure_reason="card expired", card_last4="4242"),
    ],
    "cus_bob": [
        InvoiceFact(number="NW-2001", amount=Decimal("99.00"), status="paid", issued_on=date(2026, 10, 15),
                    paid_on=date(2026, 10, 15), card_last4="1881"),
        InvoiceFact(number="NW-2002", amount=Decimal("99.00"), status="paid", issued_on=date(2026, 11, 15),
                    paid_on=date(2026, 11, 15), card_last4="1881"),
    ],
    "cus_carol": [],
}
PAYMENTS = {
    "cus_alice": [
        PaymentFact(reference="PAY-1001", invoice_number="NW-1001", amount=Decimal("29.00"), status="succeeded",
                    created_at=_dt("2026-09-01"), card_last4="4242"),
        PaymentFact(reference="PAY-1002", invoice_number="NW-1002", amount=Decimal("29.00"), status="succeeded",
                    created_at=_dt("2026-10-01"), card_last4="4242"),
        PaymentFact(reference="PAY-1003", invoice_number="NW-1003", amount=Decimal("29.00"), status="failed",
                    created_at=_dt("2026-11-01"), card_last4="4242"),
    ],
    "cus_bob": [
        PaymentFact(reference="PAY-2001", invoice_number="NW-2001", amount=Decimal("99.00"), status="succeeded",
                    created_at=_dt("2026-10-15"), card_last4="1881"),
        PaymentFact(reference="PAY-2002", invoice_number="NW-2002", amount=Decimal("99.00"), status="succeeded",
                    created_at=_dt("2026-11-15"), card_last4="1881"),
        PaymentFact(reference="PAY-2003", invoice_number="NW-2002", amount=Decimal("99.00"), status="succeeded",
                    created_at=_dt("2026-11-15"), card_last4="1881", duplicate=True),
    ],
    "cus_carol": [],
}
CARDS = {
    "cus_alice": CardFact(brand="visa", last4="4242", expires="10/2026", expired=True),
    "cus_bob": CardFact(brand="mastercard", last4="1881", expires="04/2029", expired=False),
    "cus_carol": None,
}
SUBSCRIPTIONS = {
    "cus_alice": SubscriptionFact(plan="Pro", price_monthly=Decimal("29.00"), status="past_due",
                                  started_on=date(2026, 8, 1), renews_on=date(2026, 12, 1)),
    "cus_bob": SubscriptionFact(plan="Business", price_monthly=Decimal("99.00"), status="active",
                                started_on=date(2026, 8, 1), renews_on=date(2026, 12, 15)),
    "cus_carol": SubscriptionFact(plan="Free", price_monthly=Decimal("0.00"), status="active",
                                  started_on=date(2026, 8, 1)),
}
# As seed_demo's PLANS (supportsite/customers/demo.py), cheapest first.
PLANS = [
    PlanFact(name="Free", price_monthly=Decimal("0.00"), description="One app, shared resources, community support."),
    PlanFact(name="Pro", price_monthly=Decimal("29.00"), description="Up to 10 apps, custom domains, email support."),
    PlanFact(name="Business", price_monthly=Decimal("99.00"),
             description="Unlimited apps, team members, priority support."),
]
ACCOUNTS = {
    # As the demo seed: each signed up when their subscription started.
    "cus_alice": AccountFact(username="alice", email="alice@example.com", plan="Pro", status="active",
                             member_since=date(2026, 8, 1)),
    "cus_bob": AccountFact(username="bob", email="bob@example.com", plan="Business", status="active",
                           member_since=date(2026, 8, 1)),
    "cus_carol": AccountFact(username="carol", email="carol@example.com", plan="Free", status="locked",
                             locked_reason="five failed sign-ins", failed_signins=5, member_since=date(2026, 8, 1)),
}
INCIDENT = IncidentFact(reference="INC-2026-11-24", title="Elevated API error rates in eu-west",
                        status="investigating", regions=("eu-west",), components=("api",),
                        started_at=datetime(2026, 11, 24, 8, 0, tzinfo=UTC))


@dataclass
class FakePorts:
    """billing, account, knowledge, actions and conversation in one object (it satisfies Ports)."""

    delay_s: dict[str, float] = field(default_factory=dict)  # per port: "billing", "account", "knowledge"
    fail: set[str] = field(default_factory=set)
    may_reply: list[bool] = field(default_factory=lambda: [True])  # answers in turn; the last one repeats
    calls: list[tuple[str, str]] = field(default_factory=list)  # (method, customer_id)
    refunds_by_key: dict[str, RefundFact] = field(default_factory=dict)
    refund_requests: list[dict[str, Any]] = field(default_factory=list)
    existing_refunds: dict[str, list[RefundFact]] = field(default_factory=dict)
    unlocked: list[str] = field(default_factory=list)
    plan_catalogue: list[PlanFact] = field(default_factory=lambda: list(PLANS))
    # As the app does after failed sign-ins: an unlock request waits for a member of staff.
    unlocks_need_staff: bool = False
    unlocks_waiting: list[str] = field(default_factory=list)
    # Which customer each filed refund belongs to, by request key: later reads show it, as the real ones do.
    refund_customer_by_key: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.billing = self.knowledge = self.actions = self.conversation = self
        self.account = _AccountPort(self)  # its method is also called "account"

    async def _enter(self, port: str, method: str, customer_id: str = "") -> None:
        self.calls.append((method, customer_id))
        await asyncio.sleep(self.delay_s.get(port, 0.0))
        if port in self.fail or method in self.fail:
            raise RuntimeError(f"{method} is down")

    def customer_ids_seen(self) -> set[str]:
        return {customer for _, customer in self.calls if customer}

    async def invoices(self, *, customer_id: str) -> list[InvoiceFact]:
        await self._enter("billing", "invoices", customer_id)
        return INVOICES.get(customer_id, [])

    async def payments(self, *, customer_id: str) -> list[PaymentFact]:
        await self._enter("billing", "payments", customer_id)
        payments = PAYMENTS.get(customer_id, [])
        refunded = _refunded_charges(payments, {refund.invoice_number for refund in self._filed_refunds(customer_id)
                                                if refund.status == "completed"})
        return [p.model_copy(update={"status": "refunded"}) if p.reference in refunded else p for p in payments]

    async def card(self, *, customer_id: str) -> CardFact | None:
        await self._enter("billing", "card", customer_id)
        return CARDS.get(customer_id)

    async def refunds(self, *, customer_id: str) -> list[RefundFact]:
        await self._enter("billing", "refunds", customer_id)
        return self.existing_refunds.get(customer_id, []) + self._filed_refunds(customer_id)

    def _filed_refunds(self, customer_id: str) -> list[RefundFact]:
        return [refund for key, refund in self.refunds_by_key.items()
                if self.refund_customer_by_key.get(key) == customer_id]

    def _live_refund(self, customer_id: str, invoice_number: str) -> RefundFact | None:
        """The refund that stands for an invoice (one not rejected): the app files one per invoice."""
        refunds = self.existing_refunds.get(customer_id, []) + self._filed_refunds(customer_id)
        return next((refund for refund in reversed(refunds)
                     if refund.invoice_number == invoice_number and refund.status != "rejected"), None)

    async def subscription(self, *, customer_id: str) -> SubscriptionFact | None:
        await self._enter("billing", "subscription", customer_id)
        return SUBSCRIPTIONS.get(customer_id)

    async def plans(self) -> list[PlanFact]:
        await self._enter("billing", "plans")
        return list(self.plan_catalogue)

    async def faq_entries(self) -> list[FaqFact]:
        return []

    async def articles(self) -> list[ArticleFact]:
        return []

    async def active_incidents(self) -> list[IncidentFact]:
        await self._enter("knowledge", "active_incidents")
        return [INCIDENT]

    async def refund_request(self, *, customer_id: str, invoice_number: str, amount: Decimal, reason: str,
                             request_key: str, needs_approval: bool) -> RefundFact:
        await self._enter("actions", "refund_request", customer_id)
        self.refund_requests.append({"customer_id": customer_id, "invoice_number": invoice_number, "amount": amount,
                                     "request_key": request_key, "needs_approval": needs_approval})
        if request_key in self.refunds_by_key:  # idempotent on the request key, like the real service
            return self.refunds_by_key[request_key]
        live = self._live_refund(customer_id, invoice_number)
        if live is not None:  # and, like it, one refund per invoice: another key gets the one that stands
            return live
        self.refunds_by_key[request_key] = RefundFact(
            reference=f"RF-{len(self.refunds_by_key) + 1:04d}", invoice_number=invoice_number, amount=amount,
            status="pending_approval" if needs_approval else "completed", reason=reason,
        )
        self.refund_customer_by_key[request_key] = customer_id
        return self.refunds_by_key[request_key]

    async def account_unlock(self, *, customer_id: str, request_key: str) -> AccountFact:
        await self._enter("actions", "account_unlock", customer_id)
        account_before = self.account_now(customer_id)
        if account_before is None:
            raise KeyError(customer_id)
        if self.unlocks_need_staff:
            # The app answers with the account as it stands (still locked) and keeps the request for staff.
            if customer_id not in self.unlocks_waiting:
                self.unlocks_waiting.append(customer_id)
            return account_before
        self.unlocked.append(customer_id)
        return self.account_now(customer_id) or account_before

    def account_now(self, customer_id: str) -> AccountFact | None:
        """The demo account as the actions taken so far left it: unlocked, or with an unlock waiting."""
        account = ACCOUNTS.get(customer_id)
        if account is None:
            return None
        if customer_id in self.unlocked:
            return account.model_copy(update={
                "status": "active", "failed_signins": 0, "locked_reason": "", "unlock_pending": False,
                "last_lock_reason": account.locked_reason if account.status == "locked" else account.last_lock_reason,
                "unlocked_at": _dt(TODAY) if account.status == "locked" else account.unlocked_at,
                "unlocked_on_request": account.status == "locked" or account.unlocked_on_request,
            })
        if customer_id in self.unlocks_waiting and account.status == "locked":
            return account.model_copy(update={"unlock_pending": True})
        return account

    async def agents_may_reply(self) -> bool:
        self.calls.append(("agents_may_reply", ""))
        return self.may_reply.pop(0) if len(self.may_reply) > 1 else self.may_reply[0]


def _refunded_charges(payments: list[PaymentFact], refunded_invoices: set[str]) -> set[str]:
    """The charges completed refunds paid back, as the app picks them: an invoice's duplicate charge if it
    has one, else its latest successful one."""
    references = set()
    for invoice_number in refunded_invoices:
        charges = [p for p in payments if p.invoice_number == invoice_number and p.status == "succeeded"]
        charge = next((p for p in charges if p.duplicate), None) or max(charges, key=lambda p: p.created_at,
                                                                        default=None)
        if charge is not None:
            references.add(charge.reference)
    return references


class _AccountPort:
    def __init__(self, ports: FakePorts):
        self.ports = ports

    async def account(self, *, customer_id: str) -> AccountFact | None:
        await self.ports._enter("account", "account", customer_id)
        return self.ports.account_now(customer_id)


FAQ_ENTRIES = {
    "password": FaqMatch(faq_id=1, question="How do I reset my password?",
                         answer="Use 'Forgot password' on the sign-in page; we email you a reset link.", score=0.97),
    "refund policy": FaqMatch(faq_id=7, question="What is your refund policy?",
                              answer="Charges can be refunded within 14 days; duplicate charges always.", score=0.95),
    "plans": FaqMatch(faq_id=3, question="What plans do you offer?",
                      answer="Free $0, Pro $29/month and Business $99/month.", score=0.6),
}


class FakeFaq:
    """Keyword → FAQ match; anything else gets a weak match, as a real retriever would."""

    def __init__(self, entries: dict[str, FaqMatch] | None = None, fail: bool = False):
        self.entries = entries or FAQ_ENTRIES
        self.fail = fail

    def search(self, text: str, *, k: int = 3) -> list[FaqMatch]:
        if self.fail:
            raise RuntimeError("faq index missing")
        hits = [m for key, m in self.entries.items() if key in text.lower()]
        return (hits or [self.entries["plans"].model_copy(update={"score": 0.2})])[:k]


class FakeKb:
    def search(self, text: str, *, k: int = 3) -> list[ArticleMatch]:
        if "429" in text or "rate" in text.lower() or "api" in text.lower():
            return [ArticleMatch(slug="api-rate-limits", title="API rate limits and HTTP 429",
                                 summary="Back off and retry after the Retry-After header.", score=0.8)]
        return []


def ctx_for(message: str, customer: str | None = "cus_alice", *, today: str = TODAY, run_id: str = "run-1",
            **kwargs: Any) -> SupportContext:
    return SupportContext(
        conversation_id="conv-1", run_id=run_id, message=message, goal=message,
        customer=PROFILES[customer] if customer else None, today=today, **kwargs,
    )


def intent(label: str, confidence: float = 0.9, secondary: tuple[str, ...] = ()) -> IntentResult:
    return IntentResult(label=label, confidence=confidence, secondary=list(secondary))  # type: ignore[arg-type]


class EventLog:
    def __init__(self) -> None:
        self.events: list[Event] = []

    async def __call__(self, event: Event) -> None:
        self.events.append(event)

    def of(self, kind: str) -> list[Event]:
        return [e for e in self.events if e["type"] == kind]

    def streamed_text(self) -> str:
        """What the customer saw stream, honouring resets."""
        text = ""
        for event in self.of("assistant.delta"):
            text = "" if event.get("reset") else text + event["text"]
        return text


def offline(**kwargs: Any) -> ScriptedProvider:
    """A stand-in for the offline provider: grounded, dull, always available."""
    kwargs.setdefault("replies", ["Here is what I found for you."])
    return ScriptedProvider(name="offline", model="offline", **kwargs)


@dataclass
class Harness:
    provider: ScriptedProvider
    fallback: ScriptedProvider
    ports: FakePorts = field(default_factory=FakePorts)
    faq: Any = field(default_factory=FakeFaq)
    kb: Any = field(default_factory=lambda: FakeKb())
    config: OrchestratorConfig = field(default_factory=OrchestratorConfig)
    events: EventLog = field(default_factory=EventLog)
    matcher: Callable[..., Any] | None = None

    @property
    def orchestrator(self) -> Orchestrator:
        return Orchestrator(provider=self.provider, fallback=self.fallback, faq=self.faq, kb=self.kb,
                            incident_matcher=self.matcher, config=self.config)

    async def run(self, ctx: SupportContext) -> RunOutcome:
        return await self.orchestrator.run(ctx, ports=self.ports, sink=self.events)
