"""Reads for the staff console: queues, transcripts, a run's trace laid out in time, and the dashboard.

Nothing here is scoped to an owner: every caller is a staff-only admin view (the admin site's
`admin_view` checks `is_staff` before any of these run).
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from agents.policy import DEFAULT_CONSTRAINTS
from agents.providers.offline import OfflineProvider
from supportsite.chat.markdown import markdown_html
from supportsite.chat.present import RENDERED_ROLES
from supportsite.conversations.models import (
    AgentAction,
    AgentRun,
    AgentStep,
    Conversation,
    ConversationEvent,
    Feedback,
    Message,
)
from supportsite.conversations.retention import PRUNED_MARK
from supportsite.conversations.selectors import conversation_openings
from supportsite.conversations.serializers import message_frame
from supportsite.conversations.titles import conversation_title
from supportsite.customers.models import CustomerProfile, Invoice, Payment, RefundRequest

ROUTES = ("faq", "resolver", "panel", "fallback", "handoff")
LATENCY_BANDS: dict[str, tuple[float | None, float | None]] = {
    "fast": (None, 1000.0),
    "ok": (1000.0, 3000.0),
    "slow": (3000.0, 10000.0),
    "very_slow": (10000.0, None),
}


# --- queues ---------------------------------------------------------------------------------

def console_counts() -> dict[str, int]:
    """The badges of the bar on top of every admin page: conversations waiting, actions pending.

    One statement (a UNION of two indexed counts), because the bar is drawn on every page of the
    console and must not cost a page more than one cheap query.
    """
    waiting = (Conversation.objects.filter(status=Conversation.Status.WAITING).order_by()
               .values("status").annotate(n=Count("pk")).values_list("status", "n"))
    pending = (AgentAction.objects.filter(status=AgentAction.Status.PENDING_APPROVAL).order_by()
               .values("status").annotate(n=Count("pk")).values_list("status", "n"))
    counts = dict(waiting.union(pending, all=True))  # a status with nothing in it has no row
    return {
        "waiting": counts.get(Conversation.Status.WAITING, 0),
        "pending_approvals": counts.get(AgentAction.Status.PENDING_APPROVAL, 0),
    }


@dataclass
class QueueItem:
    conversation: Conversation
    summary: str  # the agents' summary, its actions in words
    # What the conversation is about, by its first question, when the summary's "Asked:" line is another message: a
    # handoff on "can I talk to a person?" says nothing of the refund asked about before it.
    topic: str = ""


def handoff_queue() -> list[QueueItem]:
    """Conversations waiting for a person, the longest-waiting first."""
    conversations = list(
        Conversation.objects.filter(status=Conversation.Status.WAITING)
        .select_related("customer__user")
        .prefetch_related(Prefetch("actions", queryset=AgentAction.objects.order_by("created_at")))
        .order_by("handoff_at", "created_at")
    )
    openings = conversation_openings(conversations=conversations)
    items = []
    for c in conversations:
        summary = handoff_summary_for_staff(conversation=c, actions=list(c.actions.all()))
        items.append(QueueItem(conversation=c, summary=summary, topic=_topic_not_in(summary, openings.get(c.id, []))))
    return items


def _topic_not_in(summary: str, openings: list[str]) -> str:
    """The conversation's title, or "" when there is none or the summary already quotes it."""
    if not openings:
        return ""
    topic = conversation_title(openings)
    quoted = " ".join(summary.split())
    return "" if topic.removesuffix("…") in quoted else topic


# What an action's status means to the person deciding what to do next.
ACTION_STATUS_WORDS = {
    AgentAction.Status.PENDING_APPROVAL: "waiting for approval",
    AgentAction.Status.COMPLETED: "done",
    AgentAction.Status.REJECTED: "rejected",
    AgentAction.Status.FAILED: "failed",
}
_SUMMARY_ACTIONS_PREFIX = "Actions:"


def action_in_words(action: AgentAction) -> str:
    """"Refund of $99.00 on NW-2002 — waiting for approval", "Unlock account — done"."""
    payload = action.payload if isinstance(action.payload, dict) else {}
    if action.kind == AgentAction.Kind.REFUND:
        what = "Refund"
        if payload.get("amount"):
            what += f" of ${payload['amount']}"
        if payload.get("invoice_number"):
            what += f" on {payload['invoice_number']}"
    elif action.kind == AgentAction.Kind.ACCOUNT_UNLOCK:
        what = "Unlock account"
    else:
        what = action.get_kind_display()
    return f"{what} — {ACTION_STATUS_WORDS.get(action.status, action.get_status_display())}"


def handoff_summary_for_staff(*, conversation: Conversation, actions: list[AgentAction]) -> str:
    """The handoff summary with its "Actions:" line written from the action records.

    The agents write that line as codes at the moment of the handoff ("account_unlock  $0
    pending_approval"); the records say the same in words and as things stand now (a colleague
    may have approved the refund since).
    """
    lines = conversation.handoff_summary.splitlines()
    in_words = f"{_SUMMARY_ACTIONS_PREFIX} " + ("; ".join(action_in_words(a) for a in actions) or "none")
    has_actions_line = any(line.startswith(_SUMMARY_ACTIONS_PREFIX) for line in lines)
    lines = [in_words if line.startswith(_SUMMARY_ACTIONS_PREFIX) else line for line in lines]
    if actions and not has_actions_line:  # a handoff from the chat's button has no summary of actions
        lines.append(in_words)
    return "\n".join(lines)


def conversations_with_staff() -> QuerySet[Conversation]:
    return (
        Conversation.objects.filter(status=Conversation.Status.WITH_PERSON)
        .select_related("customer__user", "assigned_to")
        .order_by("last_message_at")
    )


@dataclass
class ApprovalItem:
    action: AgentAction
    customer_message: str
    invoices: list[Invoice]
    other_refunds: list[RefundRequest]
    # Every charge on the refund's invoice: a duplicate is told apart from the charge it repeats.
    charges: list[Payment] = field(default_factory=list)
    # The customer's message before the one the action was proposed on: the agents offer a refund or an unlock
    # for a question ("am I eligible for a refund?") and act on the yes ("sure"), which alone says nothing.
    customer_message_before: str = ""


def _customer_message_before(message: Message) -> str:
    earlier = (Message.objects.filter(conversation_id=message.conversation_id, role=Message.Role.USER,
                                      created_at__lt=message.created_at)
               .order_by("-created_at").values_list("text", flat=True).first())
    return earlier or ""


def approvals_queue() -> list[ApprovalItem]:
    """Pending sensitive actions with what a staff member needs to decide: the ask and the account."""
    actions = (
        AgentAction.objects.filter(status=AgentAction.Status.PENDING_APPROVAL)
        .select_related("run__message", "customer__user", "customer__plan", "refund__invoice", "refund__payment")
        .order_by("created_at")
    )
    items = []
    for action in actions:
        items.append(
            ApprovalItem(
                action=action,
                customer_message=action.run.message.text if action.run else "",
                customer_message_before=_customer_message_before(action.run.message) if action.run else "",
                invoices=list(action.customer.invoices.order_by("-issued_on")[:6]),
                other_refunds=list(
                    action.customer.refunds.exclude(pk=action.refund_id).select_related("invoice")[:5]
                ),
                charges=(list(Payment.objects.filter(invoice_id=action.refund.invoice_id)
                              .select_related("payment_method").order_by("charged_at"))
                         if action.refund is not None else []),
            )
        )
    return items


# --- what staff can do for the conversation's customer ----------------------------------------

@dataclass(frozen=True)
class ChargeForStaff:
    """An invoice's charge a refund from the console would take, and where its refund stands."""

    invoice_number: str
    payment_reference: str
    amount: Decimal
    charged_on: date
    is_duplicate: bool
    refund_reference: str = ""
    refund_status: str = ""  # a RefundRequest.Status, or "" while it has none
    # Past the window the agents refund within (a duplicate is refunded whenever): staff may still refund
    # it, as a goodwill gesture, but should know the policy would not.
    outside_window: bool = False

    @property
    def refunded(self) -> bool:
        return self.refund_status in (RefundRequest.Status.APPROVED, RefundRequest.Status.COMPLETED)

    @property
    def refund_pending(self) -> bool:
        return self.refund_status == RefundRequest.Status.PENDING_APPROVAL

    @property
    def can_refund(self) -> bool:
        # One the agents proposed and that waits is completed by a staff refund, so it can still be chosen.
        return not self.refund_status or self.refund_pending


@dataclass(frozen=True)
class CustomerActions:
    customer: CustomerProfile
    charges: list[ChargeForStaff]
    locked: bool
    unlock_pending: bool

    @property
    def refundable(self) -> list[ChargeForStaff]:
        return [c for c in self.charges if c.can_refund]


def _charge_for_staff(invoice: Invoice) -> ChargeForStaff | None:
    """By the rule action_refund_by_staff applies: the invoice's live refund if it has one, else the
    charge a refund would take (the duplicate, else the latest successful charge)."""
    payments = sorted(invoice.payments.all(), key=lambda p: p.charged_at, reverse=True)
    live = next((r for r in sorted(invoice.refunds.all(), key=lambda r: r.created_at, reverse=True)
                 if r.status != RefundRequest.Status.REJECTED), None)
    if live is not None:
        payment = next((p for p in payments if p.pk == live.payment_id), None)
    else:
        succeeded = [p for p in payments if p.status == Payment.Status.SUCCEEDED]
        payment = next((p for p in succeeded if p.duplicate_of_id), None) or next(iter(succeeded), None)
        if payment is None:
            return None  # nothing was charged, or every charge failed: nothing to refund
    charged_on = timezone.localdate(payment.charged_at) if payment else invoice.issued_on
    is_duplicate = bool(payment and payment.duplicate_of_id)
    return ChargeForStaff(
        invoice_number=invoice.number, payment_reference=payment.reference if payment else "",
        amount=live.amount if live is not None else payment.amount,
        charged_on=charged_on, is_duplicate=is_duplicate,
        outside_window=not is_duplicate and (
            (timezone.localdate() - charged_on).days > DEFAULT_CONSTRAINTS.refund_window_days),
        refund_reference=live.reference if live is not None else "",
        refund_status=live.status if live is not None else "",
    )


def customer_actions_for_conversation(*, conversation: Conversation, invoices: int = 12) -> CustomerActions | None:
    """What the console's "Customer actions" panel offers for the conversation's customer: the charges
    of their latest invoices and whether each can be refunded, and whether the account is locked.
    None for a conversation without a customer (an anonymous visitor)."""
    customer = conversation.customer
    if customer is None:
        return None
    latest = (
        Invoice.objects.filter(customer=customer).order_by("-issued_on", "-number")
        .prefetch_related("payments", "refunds")[:invoices]
    )
    return CustomerActions(
        customer=customer,
        charges=[charge for invoice in latest if (charge := _charge_for_staff(invoice)) is not None],
        locked=customer.account_status == CustomerProfile.Status.LOCKED,
        unlock_pending=AgentAction.objects.filter(
            customer=customer, kind=AgentAction.Kind.ACCOUNT_UNLOCK, status=AgentAction.Status.PENDING_APPROVAL,
        ).exists(),
    )


# --- a conversation -------------------------------------------------------------------------

@dataclass
class TranscriptEntry:
    at: datetime
    kind: str  # "message" or "event"
    message: Message | None = None
    event: ConversationEvent | None = None


def conversation_transcript(*, conversation: Conversation) -> list[TranscriptEntry]:
    """Messages (undelivered replies included, for staff) and status changes, in time order."""
    messages = conversation.messages.select_related("run", "author").order_by("created_at")
    events = conversation.events.select_related("actor").exclude(kind=ConversationEvent.Kind.STAFF_REPLIED)
    entries = [TranscriptEntry(at=m.created_at, kind="message", message=m) for m in messages]
    entries += [TranscriptEntry(at=e.created_at, kind="event", event=e) for e in events]
    return sorted(entries, key=lambda e: (e.at, e.kind != "message"))


def live_message_frame(message: Message) -> dict[str, Any]:
    """A message as the live view draws it: the chat's frame, whether it was sent, and for the agents'
    and staff's Markdown the same sanitised HTML the customer's chat shows."""
    frame = message_frame(message) | {"delivered": message.delivered}
    if message.role in RENDERED_ROLES:
        frame["html"] = markdown_html(message.text)
    return frame


def messages_after(*, conversation: Conversation, after: datetime | None) -> list[Message]:
    qs = conversation.messages.select_related("run", "author").order_by("created_at")
    if after is not None:
        qs = qs.filter(created_at__gt=after)
    return list(qs[:200])


# --- a run ----------------------------------------------------------------------------------

def price_for_model(model: str) -> dict[str, float] | None:
    prices: dict[str, dict[str, float]] = settings.SUPPORT["MODEL_PRICES_PER_MTOK"]
    if model in prices:
        return prices[model]
    # Dated snapshots (gpt-4o-mini-2024-07-18) are priced as their family: longest prefix wins.
    matches = [name for name in prices if model.startswith(name)]
    return prices[max(matches, key=len)] if matches else None


def cost_estimate(*, model: str, input_tokens: int, output_tokens: int) -> float | None:
    """US dollars for these tokens at the configured per-million-token price; None if unpriced."""
    if not input_tokens and not output_tokens:
        return 0.0
    price = price_for_model(model or "offline")
    if price is None:
        return None
    return (input_tokens * price["input"] + output_tokens * price["output"]) / 1_000_000


def run_cost(*, run: AgentRun, steps: Iterable[AgentStep] | None = None) -> float | None:
    """The run's estimated cost: per LLM step when steps carry their own model, else the run's model."""
    priced_steps = [s for s in (steps or []) if s.input_tokens or s.output_tokens]
    if priced_steps:
        total = 0.0
        for step in priced_steps:
            cost = cost_estimate(model=step.model or run.model, input_tokens=step.input_tokens,
                                 output_tokens=step.output_tokens)
            if cost is None:
                return None
            total += cost
        return total
    return cost_estimate(model=run.model or run.provider, input_tokens=run.input_tokens,
                         output_tokens=run.output_tokens)


def run_llm_calls(*, steps: Iterable[AgentStep]) -> tuple[int, int]:
    """The run's calls to a model, and to the offline provider (its classifier, writer or critic)."""
    calls = [s for s in steps if s.kind == AgentStep.Kind.LLM]
    offline = sum(1 for s in calls if s.model == OfflineProvider.model)
    return len(calls) - offline, offline


@dataclass
class WaterfallRow:
    step: AgentStep
    depth: int
    start_ms: float
    duration_ms: float
    offset_pct: float
    width_pct: float
    input_json: str
    output_json: str
    attributes_json: str
    children_count: int = 0

    @property
    def end_ms(self) -> float:
        return self.start_ms + self.duration_ms

    @property
    def name_scope(self) -> str:
        """A tool's namespace ("billing." of "billing.invoices"): the same for all its siblings, so a
        narrow screen drops it and keeps what tells them apart."""
        scope, dot, _ = self.step.name.rpartition(".")
        return f"{scope}{dot}" if self.step.kind == AgentStep.Kind.TOOL and scope else ""

    @property
    def name_leaf(self) -> str:
        return self.step.name[len(self.name_scope):]


@dataclass
class Waterfall:
    rows: list[WaterfallRow]
    span_ms: float
    ticks: list[tuple[float, str]] = field(default_factory=list)  # (percent of the span, "2.5 ms")

    # When `manage.py prune_records` let go of the steps' inputs and outputs (ISO date), if it has.
    payloads_pruned_at: str = ""

    @property
    def tick_step_pct(self) -> float:
        """The distance between ticks as a percentage of the span: the rows' grid lines fall on the ticks."""
        return self.ticks[1][0] if len(self.ticks) > 1 else 100.0


def _pretty(value: Any) -> str:
    if value in ({}, [], None, ""):
        return ""
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True, default=str)


def _step_duration_ms(step: AgentStep) -> float:
    if step.finished_at is not None:
        return max((step.finished_at - step.started_at).total_seconds() * 1000, step.duration_ms, 0.0)
    return max(step.duration_ms, 0.0)


def run_waterfall(*, run: AgentRun) -> Waterfall:
    """The run's steps nested by parent (depth-first, siblings by start), each bar placed on one time axis.

    Offsets and widths are percentages of the whole run's span, so steps that ran at the same
    time (the concurrent context workers) get overlapping bars.
    """
    steps = list(run.steps.all().order_by("started_at"))
    if not steps:
        return Waterfall(rows=[], span_ms=0.0)
    origin = min(s.started_at for s in steps)
    if run.started_at and run.started_at < origin:
        origin = run.started_at
    durations = {s.id: _step_duration_ms(s) for s in steps}
    starts = {s.id: (s.started_at - origin).total_seconds() * 1000 for s in steps}
    span = max(starts[s.id] + durations[s.id] for s in steps) or 1.0

    known = {s.id for s in steps}
    children: dict[Any, list[AgentStep]] = {}
    for step in steps:
        parent = step.parent_id if step.parent_id in known else None
        children.setdefault(parent, []).append(step)

    rows: list[WaterfallRow] = []

    def visit(parent_id: Any, depth: int) -> None:
        for step in sorted(children.get(parent_id, []), key=lambda s: (s.started_at, s.agent, s.name)):
            start, duration = starts[step.id], durations[step.id]
            rows.append(
                WaterfallRow(
                    step=step, depth=depth, start_ms=start, duration_ms=duration,
                    offset_pct=round(start / span * 100, 3),
                    # A zero-length step still gets a visible sliver.
                    width_pct=round(max(duration / span * 100, 0.4), 3),
                    input_json=_pretty(step.input), output_json=_pretty(step.output),
                    attributes_json=_pretty(step.attributes),
                    children_count=len(children.get(step.id, [])),
                )
            )
            visit(step.id, depth + 1)

    visit(None, 0)
    pruned = next((str(s.attributes[PRUNED_MARK])[:10] for s in steps
                   if isinstance(s.attributes, dict) and PRUNED_MARK in s.attributes), "")
    return Waterfall(rows=rows, span_ms=span, ticks=time_axis_ticks(span), payloads_pruned_at=pruned)


def time_axis_ticks(span_ms: float, *, most: int = 6) -> list[tuple[float, str]]:
    """Ticks at round times (a step of 1, 2 or 5 times a power of ten) across a span, at most `most` of them, each
    with its place as a percentage of the span and its label. Quarters of the span, labelled rounded, put "1 ms",
    "3 ms", "4 ms" at even spacing on a 6 ms run."""
    if span_ms <= 0:
        return [(0.0, "0 ms")]
    magnitude = 10 ** math.floor(math.log10(span_ms / (most - 1)))
    step = next(m * magnitude for m in (1, 2, 5, 10) if span_ms / (m * magnitude) < most)
    decimals = max(0, -math.floor(math.log10(step)))
    count = int(span_ms / step + 1e-9) + 1

    def label(ms: float) -> str:
        return f"{ms / 1000:g} s" if step >= 1000 else f"{ms:.{decimals}f} ms"

    return [(round(i * step / span_ms * 100, 3), label(i * step)) for i in range(count)]


def steps_overlap(a: WaterfallRow, b: WaterfallRow) -> bool:
    """Whether two bars share some stretch of time on the waterfall."""
    return a.offset_pct < b.offset_pct + b.width_pct and b.offset_pct < a.offset_pct + a.width_pct


@dataclass
class WhyCard:
    intent: str
    confidence: float | None
    intent_by: str  # who gave the label, and why the LLM was not asked when it was not
    route: str
    faq: dict[str, Any] | None
    faq_threshold: float
    workers: list[tuple[str, str]]
    critic_verdict: str
    critic_reasons: list[str]
    fallbacks: list[str]
    actions: list[dict[str, Any]]
    handoff_reason: str
    other: list[tuple[str, str]]


# The keys agents.orchestrator writes into RunOutcome.summary; anything else is shown as is.
_CARD_KEYS = {"intent", "route", "faq", "workers", "critic", "fallbacks", "actions", "actions_proposed",
              "handoff_reason"}


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_as_text(v) for v in value)
    return json.dumps(value, default=str)


def _worker_line(outcome: dict[str, Any]) -> str:
    parts = [str(outcome.get("status", "?"))]
    if "duration_ms" in outcome:
        parts.append(f"{outcome['duration_ms']} ms")
    if outcome.get("ahead_of_intent"):
        parts.append("gathered while the intent was classified")
    for key in ("skipped", "error"):
        if outcome.get(key):
            parts.append(f"{key}: {outcome[key]}")
    return " · ".join(parts)


def _intent_by(intent: dict[str, Any]) -> str:
    provider = str(intent.get("provider") or "")
    if not provider:
        return ""
    if intent.get("llm_skipped"):
        return f"{provider} classifier; the LLM was not asked: {intent['llm_skipped']}"
    return provider


def run_why_card(*, run: AgentRun) -> WhyCard:
    """The "why this path" card, read from the summary the orchestrator stores on the run.

    A run that crashed before the orchestrator summarised it has only its own columns, so
    those are the fallback for every field.
    """
    summary: dict[str, Any] = run.summary if isinstance(run.summary, dict) else {}
    intent = summary.get("intent") or {}
    faq = summary.get("faq") or None
    critic = summary.get("critic") or {}
    proposed = summary.get("actions_proposed") or []
    return WhyCard(
        intent=str(intent.get("label") or run.intent or "—"),
        confidence=intent.get("confidence", run.confidence),
        intent_by=_intent_by(intent),
        route=str(summary.get("route") or run.route or "—"),
        faq=faq,
        faq_threshold=float((faq or {}).get("threshold", settings.SUPPORT["FAQ_SHORTCUT_THRESHOLD"])),
        workers=[(name, _worker_line(outcome)) for name, outcome in (summary.get("workers") or {}).items()],
        critic_verdict=str(critic.get("verdict") or run.critic_verdict or ""),
        critic_reasons=[str(reason) for reason in critic.get("reasons", [])],
        fallbacks=[str(f) for f in (summary.get("fallbacks") or run.fallbacks or [])],
        actions=[
            {**action, "detail": outcome}
            for action, outcome in zip(proposed, summary.get("actions") or [""] * len(proposed), strict=False)
        ],
        handoff_reason=str(summary.get("handoff_reason") or run.handoff_reason or ""),
        other=[(k, _as_text(v)) for k, v in summary.items() if k not in _CARD_KEYS],
    )


def run_reply(*, run: AgentRun) -> Message | None:
    return run.replies.order_by("-created_at").first()


# --- lists and exports ----------------------------------------------------------------------

def runs_filter_latency_band(queryset: QuerySet[AgentRun], band: str) -> QuerySet[AgentRun]:
    low, high = LATENCY_BANDS[band]
    if low is not None:
        queryset = queryset.filter(latency_ms__gte=low)
    if high is not None:
        queryset = queryset.filter(latency_ms__lt=high)
    return queryset


RUN_CSV_COLUMNS = (
    "run_id", "created_at", "conversation_id", "customer", "status", "intent", "confidence", "route",
    "critic_verdict", "fallbacks", "handoff_reason", "latency_ms", "input_tokens", "output_tokens",
    "model", "estimated_cost_usd", "message", "reply",
)


def runs_csv_rows(queryset: QuerySet[AgentRun]) -> Iterable[list[Any]]:
    runs = queryset.select_related("conversation__customer", "message").prefetch_related("replies")
    for run in runs.iterator(chunk_size=500):
        reply = max(run.replies.all(), key=lambda m: m.created_at, default=None)
        cost = cost_estimate(model=run.model or run.provider, input_tokens=run.input_tokens,
                             output_tokens=run.output_tokens)
        customer = run.conversation.customer
        yield [
            str(run.id), run.created_at.isoformat(), str(run.conversation_id),
            customer.external_id if customer else "", run.status, run.intent,
            "" if run.confidence is None else f"{run.confidence:.3f}", run.route, run.critic_verdict,
            "|".join(str(f) for f in run.fallbacks or []), run.handoff_reason,
            "" if run.latency_ms is None else f"{run.latency_ms:.1f}", run.input_tokens, run.output_tokens,
            run.model, "" if cost is None else f"{cost:.6f}", run.message.text, reply.text if reply else "",
        ]


# --- dashboard ------------------------------------------------------------------------------

@dataclass
class DashboardStats:
    days: list[date]
    conversations_per_day: list[int]
    runs_per_day: list[int]
    route_counts: list[tuple[str, int]]
    handoff_reasons: list[tuple[str, int]]
    latency_median_ms: float | None
    latency_p95_ms: float | None
    latency_per_day: list[tuple[float | None, float | None]]
    thumbs_up: int
    thumbs_down: int
    staff_flags: int
    estimated_cost_usd: float
    unpriced_runs: int
    runs_total: int
    waiting_now: int
    pending_approvals: int

    @property
    def thumbs_up_rate(self) -> float | None:
        rated = self.thumbs_up + self.thumbs_down
        return self.thumbs_up / rated if rated else None


def percentile(values: list[float], pct: float) -> float | None:
    """Nearest-rank percentile (pct in 0..100) of the values; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil without floats drifting
    return ordered[int(rank) - 1]


def dashboard_stats(*, days: int = 14, now: datetime | None = None) -> DashboardStats:
    now = now or timezone.now()
    today = timezone.localdate(now)
    first_day = today - timedelta(days=days - 1)
    since = now - timedelta(days=days)
    day_list = [first_day + timedelta(days=i) for i in range(days)]

    def per_day(qs: QuerySet[Any]) -> list[int]:
        counts = dict(
            qs.filter(created_at__date__gte=first_day).annotate(day=TruncDate("created_at"))
            .values("day").annotate(n=Count("pk")).values_list("day", "n")
        )
        return [counts.get(day, 0) for day in day_list]

    runs = AgentRun.objects.filter(created_at__gte=since)
    route_counter = Counter(dict(runs.exclude(route="").values("route").annotate(n=Count("pk")).values_list("route", "n")))
    route_counts = [(route, route_counter.get(route, 0)) for route in ROUTES]
    route_counts += [(r, n) for r, n in route_counter.items() if r not in ROUTES]

    reasons = Counter(
        dict(
            ConversationEvent.objects.filter(kind=ConversationEvent.Kind.HANDOFF, created_at__gte=since)
            .values("data__reason").annotate(n=Count("pk")).values_list("data__reason", "n")
        )
    )
    if not reasons:  # conversations handed off before events were recorded
        reasons = Counter(
            dict(
                runs.filter(route="handoff").exclude(handoff_reason="").values("handoff_reason")
                .annotate(n=Count("pk")).values_list("handoff_reason", "n")
            )
        )
    labels = dict(Conversation.HandoffReason.choices)
    handoff_reasons = [(labels.get(str(r), str(r or "unknown")), n) for r, n in reasons.most_common()]

    latency_rows = list(runs.filter(latency_ms__isnull=False).values_list("created_at", "latency_ms"))
    latencies = [ms for _, ms in latency_rows]
    by_day: dict[date, list[float]] = {}
    for created, ms in latency_rows:
        by_day.setdefault(timezone.localdate(created), []).append(ms)
    latency_per_day = [
        (statistics.median(by_day[d]) if d in by_day else None, percentile(by_day.get(d, []), 95)) for d in day_list
    ]

    feedback = Feedback.objects.filter(created_at__gte=since).aggregate(
        up=Count("pk", filter=Q(rating=Feedback.Rating.UP)),
        down=Count("pk", filter=Q(rating=Feedback.Rating.DOWN)),
        flags=Count("pk", filter=Q(rating=Feedback.Rating.FLAG)),
    )

    cost, unpriced = 0.0, 0
    for model, provider, tin, tout in runs.values_list("model", "provider", "input_tokens", "output_tokens"):
        estimate = cost_estimate(model=model or provider, input_tokens=tin, output_tokens=tout)
        if estimate is None:
            unpriced += 1
        else:
            cost += estimate

    return DashboardStats(
        days=day_list,
        conversations_per_day=per_day(Conversation.objects.all()),
        runs_per_day=per_day(AgentRun.objects.all()),
        route_counts=route_counts,
        handoff_reasons=handoff_reasons,
        latency_median_ms=statistics.median(latencies) if latencies else None,
        latency_p95_ms=percentile(latencies, 95),
        latency_per_day=latency_per_day,
        thumbs_up=feedback["up"], thumbs_down=feedback["down"], staff_flags=feedback["flags"],
        estimated_cost_usd=cost, unpriced_runs=unpriced, runs_total=runs.count(),
        waiting_now=Conversation.objects.filter(status=Conversation.Status.WAITING).count(),
        pending_approvals=AgentAction.objects.filter(status=AgentAction.Status.PENDING_APPROVAL).count(),
    )
