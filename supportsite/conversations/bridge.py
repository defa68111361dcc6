"""The agent bridge: ports over the ORM, and the support context built from the database.

Every customer-scoped port is bound to the signed-in customer when it is built, so no text
in a message can make an agent read or act on another customer's data.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from agents.context import HistoryTurn, SupportContext, kinds_cited
from agents.facts import (
    AccountFact,
    ArticleFact,
    CardFact,
    FaqFact,
    IncidentFact,
    InvoiceFact,
    PaymentFact,
    PlanFact,
    RefundFact,
    SubscriptionFact,
)
from agents.facts import (
    CustomerProfile as CustomerFact,
)
from supportsite.conversations.models import AgentAction, AgentRun, Conversation, Message, agents_may_reply
from supportsite.core.compiled_query import CompiledQuery
from supportsite.core.db import db_async, db_lookup_async
from supportsite.core.errors import PermissionDenied
from supportsite.customers.models import (
    CustomerProfile,
    Invoice,
    Payment,
    PaymentMethod,
    Plan,
    RefundRequest,
    Subscription,
    refund_key_is_staffs,
)
from supportsite.customers.renewals import renewal_on_or_after
from supportsite.knowledge.models import Article, FaqEntry, Incident

HISTORY_TURNS = 12
TODAY = date(2026, 11, 25)  # the demo's "today"; see customer_today()


def customer_today() -> date:
    """The date the refund policy is applied on: the real date, never before the demo's."""
    return max(timezone.localdate(), TODAY)


# --- Facts from rows ----------------------------------------------------------------------
def customer_fact(profile: CustomerProfile) -> CustomerFact:
    return CustomerFact(
        external_id=profile.external_id, name=profile.user.get_full_name() or profile.user.username,
        email=profile.user.email, plan=profile.plan.name, plan_price=profile.plan.price_monthly,
    )


def account_fact(profile: CustomerProfile) -> AccountFact:
    unlock = (unlock_state_for(customer_pk=profile.pk)
              if profile.account_status == CustomerProfile.Status.LOCKED else {})
    return AccountFact(
        username=profile.user.username, email=profile.user.email, plan=profile.plan.name,
        status=profile.account_status, locked_reason=profile.locked_reason,
        failed_signins=profile.failed_signins, two_factor_enabled=profile.two_factor_enabled,
        member_since=profile.user.date_joined.date(), **unlock,
        **last_lock_for(status=profile.account_status, last_lock_reason=profile.last_lock_reason,
                        unlocked_at=profile.unlocked_at, unlocked_on_request=profile.unlocked_on_request),
    )


def last_lock_for(*, status: str, last_lock_reason: str, unlocked_at: datetime | None,
                  unlocked_on_request: bool) -> dict[str, Any]:
    """The lock last lifted, as AccountFact fields; none for an account locked again, whose own
    reason is the one to give (the old one beside it would be given as if it were current)."""
    if status == CustomerProfile.Status.LOCKED or unlocked_at is None:
        return {}
    return {"last_lock_reason": last_lock_reason, "unlocked_at": unlocked_at,
            "unlocked_on_request": unlocked_on_request}


UNLOCK_DECLINE_HOLDS = timedelta(hours=24)


def unlock_state_for(*, customer_pk: int) -> dict[str, Any]:
    """Where the latest request to unlock this customer's locked account stands, as AccountFact
    fields: still waiting for a member of staff (unlock_pending), or declined by one in the last day
    (unlock_declined, with their note). Either way, asking again would be the same request."""
    latest = (AgentAction.objects.filter(customer_id=customer_pk, kind=AgentAction.Kind.ACCOUNT_UNLOCK)
              .order_by("-created_at").values("status", "decided_at", "decision_note").first())
    if latest is None:
        return {}
    if latest["status"] == AgentAction.Status.PENDING_APPROVAL:
        return {"unlock_pending": True}
    if (latest["status"] == AgentAction.Status.REJECTED and latest["decided_at"] is not None
            and latest["decided_at"] >= timezone.now() - UNLOCK_DECLINE_HOLDS):
        return {"unlock_declined": True, "unlock_declined_note": latest["decision_note"]}
    return {}


# --- Synchronous selectors behind the ports ---------------------------------------------------
# The reads on a run's path are compiled once (supportsite.core.compiled_query): building and
# compiling the querysets was nearly all of their cost, every call (#9 profile). They read
# columns, not model rows: building rows with their related objects cost as much again.
_INVOICES = CompiledQuery(
    lambda customer: Invoice.objects.filter(customer_id=customer).values(
        "number", "amount", "currency", "status", "issued_on", "paid_on", "failure_reason",
        card_last4=F("payment_method__last4"),
    ),
    customer=Invoice._meta.get_field("customer"),
)
_PAYMENTS = CompiledQuery(
    lambda customer: Payment.objects.filter(invoice__customer_id=customer).values(
        "reference", "amount", "status", "charged_at", "duplicate_of_id", invoice_number=F("invoice__number"),
        card_last4=F("payment_method__last4"),
    ),
    customer=Invoice._meta.get_field("customer"),
)
_DEFAULT_CARD = CompiledQuery(
    lambda customer: PaymentMethod.objects.filter(customer_id=customer, is_default=True).order_by("pk")
    .values_list("brand", "last4", "exp_month", "exp_year")[:1],
    customer=PaymentMethod._meta.get_field("customer"),
)
_REFUNDS = CompiledQuery(
    lambda customer: RefundRequest.objects.filter(customer_id=customer).values(
        "reference", "amount", "status", "reason", "request_key", invoice_number=F("invoice__number"),
    ),
    customer=RefundRequest._meta.get_field("customer"),
)
_SUBSCRIPTIONS = CompiledQuery(
    lambda customer: Subscription.objects.filter(customer_id=customer).order_by("-started_on", "-id")
    .values_list("plan__name", "plan__price_monthly", "status", "started_on", "renews_on"),
    customer=Subscription._meta.get_field("customer"),
)
# The catalogue, cheapest first (the id settles a tie the same way on every database).
_PLANS = CompiledQuery(
    lambda: Plan.objects.order_by("price_monthly", "id").values_list("name", "price_monthly", "description"),
)
_ACCOUNT = CompiledQuery(
    lambda customer: CustomerProfile.objects.filter(pk=customer).values(
        "locked_reason", "failed_signins", "two_factor_enabled", "last_lock_reason", "unlocked_at",
        "unlocked_on_request", username=F("user__username"),
        email=F("user__email"), plan_name=F("plan__name"), status=F("account_status"),
        date_joined=F("user__date_joined"),
    )[:1],
    customer=CustomerProfile._meta.get_field("id"),
)
_CONVERSATION_STATUS = CompiledQuery(
    lambda conversation: Conversation.objects.filter(id=conversation).values_list("status", "handoff_reason")[:1],
    conversation=Conversation._meta.get_field("id"),
)
_ACTIVE_INCIDENTS = CompiledQuery(
    lambda: Incident.objects.exclude(status=Incident.Status.RESOLVED).values(
        "reference", "title", "status", "regions", "components", "started_at", "summary",
    ),
)
_HISTORY = CompiledQuery(
    lambda conversation, before: Message.objects.filter(conversation_id=conversation, created_at__lt=before,
                                                        delivered=True)
    .exclude(role=Message.Role.SYSTEM).order_by("-created_at").values_list("role", "text", "sources")[:HISTORY_TURNS],
    conversation=Message._meta.get_field("conversation"), before=Message._meta.get_field("created_at"),
)


def _invoices(customer_pk: int) -> list[InvoiceFact]:
    return [InvoiceFact(**{**row, "card_last4": row["card_last4"] or ""}) for row in _INVOICES.dicts(customer=customer_pk)]


def _payments(customer_pk: int) -> list[PaymentFact]:
    return [
        PaymentFact(reference=row["reference"], invoice_number=row["invoice_number"], amount=row["amount"],
                    status=row["status"], created_at=row["charged_at"], card_last4=row["card_last4"] or "",
                    duplicate=row["duplicate_of_id"] is not None)
        for row in _PAYMENTS.dicts(customer=customer_pk)
    ]


def _card(customer_pk: int) -> CardFact | None:
    cards = _DEFAULT_CARD.rows(customer=customer_pk)
    if not cards:
        return None
    brand, last4, exp_month, exp_year = cards[0]
    today = customer_today()
    expired = (exp_year, exp_month) < (today.year, today.month)
    return CardFact(brand=brand, last4=last4, expires=f"{exp_month:02d}/{exp_year}", expired=expired)


def _refunds(customer_pk: int) -> list[RefundFact]:
    return [RefundFact(**row, requested=not refund_key_is_staffs(row.pop("request_key")))
            for row in _REFUNDS.dicts(customer=customer_pk)]


def _subscription(customer_pk: int) -> SubscriptionFact | None:
    """The customer's current plan subscription: the newest one not cancelled, else the newest."""
    rows = _SUBSCRIPTIONS.rows(customer=customer_pk)
    current = next((row for row in rows if row[2] != Subscription.Status.CANCELLED), None) or next(iter(rows), None)
    if current is None:
        return None
    plan, price, status, started_on, renews_on = current
    renewal = None if status == Subscription.Status.CANCELLED else renewal_on_or_after(renews_on, customer_today())
    return SubscriptionFact(plan=plan, price_monthly=price, status=status, started_on=started_on, renews_on=renewal)


def _plans() -> list[PlanFact]:
    return [PlanFact(name=name, price_monthly=price, description=description)
            for name, price, description in _PLANS.rows()]


def _account(customer_pk: int) -> AccountFact | None:
    rows = _ACCOUNT.dicts(customer=customer_pk)
    if not rows:
        return None
    # Named as AccountFact's fields but two: "plan" is taken by the profile's own field, and the date
    # of joining comes as a datetime.
    row = rows[0]
    # Only a locked account has an unlock waiting or declined: one more read, for locked accounts only.
    unlock = unlock_state_for(customer_pk=customer_pk) if row["status"] == CustomerProfile.Status.LOCKED else {}
    last_lock = last_lock_for(status=row["status"], last_lock_reason=row.pop("last_lock_reason"),
                              unlocked_at=row.pop("unlocked_at"), unlocked_on_request=row.pop("unlocked_on_request"))
    return AccountFact(plan=row.pop("plan_name"), member_since=row.pop("date_joined").date(), **row, **unlock,
                       **last_lock)


def knowledge_faq_facts() -> list[FaqFact]:
    return [
        FaqFact(id=f.id, question=f.question, answer=f.answer, alternatives=tuple(f.alternatives), tags=tuple(f.tags))
        for f in FaqEntry.objects.filter(is_published=True)
    ]


def knowledge_article_facts() -> list[ArticleFact]:
    return [
        ArticleFact(slug=a.slug, title=a.title, summary=a.summary, body=a.body, tags=tuple(a.tags),
                    url=a.get_absolute_url())
        for a in Article.objects.all()
    ]


def _conversation_open(conversation_id: str) -> bool:
    rows = _CONVERSATION_STATUS.rows(conversation=conversation_id)
    return bool(rows) and agents_may_reply(status=rows[0][0], handoff_reason=rows[0][1])


def _incidents() -> list[IncidentFact]:
    return [
        IncidentFact(**{**row, "regions": tuple(row["regions"]), "components": tuple(row["components"])})
        for row in _ACTIVE_INCIDENTS.dicts()
    ]


# --- Ports -----------------------------------------------------------------------------------
class _CustomerScoped:
    """Every call names the customer; it must be the one the port was built for."""

    def __init__(self, customer_pk: int | None, external_id: str | None):
        self._customer_pk = customer_pk
        self._external_id = external_id

    def _pk(self, customer_id: str) -> int:
        if self._customer_pk is None or customer_id != self._external_id:
            raise PermissionDenied("Agents may only use the signed-in customer's data.", code="other_customer")
        return self._customer_pk


@dataclass(frozen=True)
class BillingSnapshot:
    invoices: list[InvoiceFact]
    payments: list[PaymentFact]
    card: CardFact | None
    refunds: list[RefundFact]
    subscription: SubscriptionFact | None
    plans: list[PlanFact]


def _billing_snapshot(customer_pk: int) -> BillingSnapshot:
    return BillingSnapshot(
        invoices=_invoices(customer_pk), payments=_payments(customer_pk), card=_card(customer_pk),
        refunds=_refunds(customer_pk), subscription=_subscription(customer_pk), plans=_plans(),
    )


class BillingPortDB(_CustomerScoped):
    """The billing worker asks for all six at once: one trip to the database thread answers them.

    Separate trips each paid a thread hop and a connection check, and fought over the
    GIL (9 ms each for one-row queries in the #9 profile); one trip is a third of that.
    A port lives for one run, so the snapshot is never older than the run.
    """

    def __init__(self, customer_pk: int | None, external_id: str | None):
        super().__init__(customer_pk, external_id)
        self._snapshot: asyncio.Task[BillingSnapshot] | None = None

    async def _facts(self, customer_id: str) -> BillingSnapshot:
        return await self._snapshot_of(self._pk(customer_id))

    async def _snapshot_of(self, pk: int) -> BillingSnapshot:
        if self._snapshot is None:
            self._snapshot = asyncio.ensure_future(db_lookup_async(_billing_snapshot)(pk))
        return await asyncio.shield(self._snapshot)

    async def invoices(self, *, customer_id: str) -> list[InvoiceFact]:
        return (await self._facts(customer_id)).invoices

    async def payments(self, *, customer_id: str) -> list[PaymentFact]:
        return (await self._facts(customer_id)).payments

    async def card(self, *, customer_id: str) -> CardFact | None:
        return (await self._facts(customer_id)).card

    async def refunds(self, *, customer_id: str) -> list[RefundFact]:
        return (await self._facts(customer_id)).refunds

    async def subscription(self, *, customer_id: str) -> SubscriptionFact | None:
        return (await self._facts(customer_id)).subscription

    async def plans(self) -> list[PlanFact]:
        # The catalogue is public: no customer id to check. It comes with the customer's snapshot,
        # in the same trip; a visitor's port (the billing worker asks none) reads it alone.
        if self._customer_pk is None:
            return await db_lookup_async(_plans)()
        return (await self._snapshot_of(self._customer_pk)).plans


class AccountPortDB(_CustomerScoped):
    async def account(self, *, customer_id: str) -> AccountFact | None:
        return await db_lookup_async(_account)(self._pk(customer_id))


class KnowledgePortDB:
    async def faq_entries(self) -> list[FaqFact]:
        return await db_lookup_async(knowledge_faq_facts)()

    async def articles(self) -> list[ArticleFact]:
        return await db_lookup_async(knowledge_article_facts)()

    async def active_incidents(self) -> list[IncidentFact]:
        return await db_lookup_async(_incidents)()


class ActionPortDB(_CustomerScoped):
    def __init__(self, customer_pk: int | None, external_id: str | None, *, run_id: str, conversation_id: str):
        super().__init__(customer_pk, external_id)
        self._run_id = run_id
        self._conversation_id = conversation_id

    async def refund_request(
        self, *, customer_id: str, invoice_number: str, amount: Decimal, reason: str, request_key: str,
        needs_approval: bool,
    ) -> RefundFact:
        return await db_async(action_refund_request)(
            customer_pk=self._pk(customer_id), run_id=self._run_id, conversation_id=self._conversation_id,
            invoice_number=invoice_number, amount=amount, reason=reason, request_key=request_key,
            needs_approval=needs_approval,
        )

    async def account_unlock(self, *, customer_id: str, request_key: str) -> AccountFact:
        return await db_async(action_account_unlock)(
            customer_pk=self._pk(customer_id), run_id=self._run_id, conversation_id=self._conversation_id,
            request_key=request_key,
        )


class ConversationPortDB:
    def __init__(self, conversation_id: str):
        self._conversation_id = conversation_id

    async def agents_may_reply(self) -> bool:
        return await db_lookup_async(_conversation_open)(self._conversation_id)


@dataclass
class PortsDB:
    billing: BillingPortDB
    account: AccountPortDB
    knowledge: KnowledgePortDB
    actions: ActionPortDB
    conversation: ConversationPortDB


def ports_for_run(run: AgentRun) -> PortsDB:
    customer = run.conversation.customer
    pk, ext = (customer.pk, customer.external_id) if customer else (None, None)
    return PortsDB(
        billing=BillingPortDB(pk, ext),
        account=AccountPortDB(pk, ext),
        knowledge=KnowledgePortDB(),
        actions=ActionPortDB(pk, ext, run_id=str(run.id), conversation_id=str(run.conversation_id)),
        conversation=ConversationPortDB(str(run.conversation_id)),
    )


# --- Actions (writes behind the action port) -------------------------------------------------
@transaction.atomic
def action_refund_request(
    *, customer_pk: int, run_id: str, conversation_id: str, invoice_number: str, amount: Decimal, reason: str,
    request_key: str, needs_approval: bool,
) -> RefundFact:
    """Record a refund once per request key: completed within the agent's limit, else pending approval."""
    from supportsite.conversations.actions import action_refund_record

    return action_refund_record(
        customer_pk=customer_pk, run_id=run_id, conversation_id=conversation_id, invoice_number=invoice_number,
        amount=amount, reason=reason, request_key=request_key, needs_approval=needs_approval,
    )


@transaction.atomic
def action_account_unlock(*, customer_pk: int, run_id: str, conversation_id: str, request_key: str) -> AccountFact:
    from supportsite.conversations.actions import action_unlock_record

    return action_unlock_record(
        customer_pk=customer_pk, run_id=run_id, conversation_id=conversation_id, request_key=request_key
    )


# --- Context -----------------------------------------------------------------------------------
def _history_turn(role: str, text: str, sources: Any) -> HistoryTurn:
    stored = sources if isinstance(sources, list) else []
    return HistoryTurn(role=role, text=text,
                       cited=kinds_cited(source.get("kind") for source in stored if isinstance(source, dict)))


def context_for_run(run: AgentRun) -> SupportContext:
    conversation = run.conversation
    # Values, not Message rows: a row is built field by field for the three values read here (#9 profile).
    earlier = _HISTORY.rows(conversation=conversation.id, before=run.message.created_at)
    # Runs come with the customer's user and plan loaded (message_receive, run_claim); any
    # other caller's are fetched when customer_fact reads them.
    customer = conversation.customer
    return SupportContext(
        conversation_id=str(conversation.id), run_id=str(run.id), channel=conversation.channel,
        message=run.message.text, goal=run.message.text,
        history=[_history_turn(role, text, sources) for role, text, sources in reversed(earlier)],
        customer=customer_fact(customer) if customer else None,
        staff_note=conversation.staff_note, today=customer_today().isoformat(),
    )

