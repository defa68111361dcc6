"""Billing agent: the signed-in customer's invoices, payments, card, refunds and plan subscription,
plus what the refund policy allows for each charge (so the resolver and critic never work it out themselves),
and the plans on sale with their prices ("how much is the next tier?")."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from agents.context import SupportContext
from agents.envelope import AgentRequest, AgentResponse
from agents.facts import InvoiceFact, PaymentFact, PlanFact, RefundFact, SubscriptionFact
from agents.policy import refund_decision
from agents.workers.base import RunDeps, metadata, tool


def policy_date(ctx: SupportContext) -> date:
    return date.fromisoformat(ctx.today) if ctx.today else date.today()


def live_refunds_by_invoice(refunds: list[RefundFact]) -> dict[str, RefundFact]:
    """The refund that stands for each invoice: the last one not rejected. The port keeps one live
    refund per invoice, so it speaks for every charge on it, whichever charge it paid back."""
    live: dict[str, RefundFact] = {}
    for refund in refunds:
        if refund.status != "rejected":
            live[refund.invoice_number] = refund
    return live


def refund_options(
    ctx: SupportContext, invoices: list[InvoiceFact], payments: list[PaymentFact], refunds: list[RefundFact],
) -> list[dict[str, Any]]:
    """One option per charge that went through, refunded since or not (or per invoice when no payments are known).

    A refunded charge keeps its option: without it, once a duplicate is paid back the invoice's only
    option is the original charge (past the window, say), and "was I charged twice?" would be
    answered with a refusal instead of the refund that was made.
    """
    by_number = {invoice.number: invoice for invoice in invoices}
    live = live_refunds_by_invoice(refunds)
    charges: list[tuple[InvoiceFact, PaymentFact | None]] = [
        (by_number[payment.invoice_number], payment) for payment in payments
        if payment.status in ("succeeded", "refunded") and payment.invoice_number in by_number
    ]
    if not payments:
        charges = [(invoice, None) for invoice in invoices]
    options = []
    for invoice, payment in charges:
        decision = refund_decision(invoice=invoice, payment=payment, today=policy_date(ctx), constraints=ctx.constraints)
        refund = live.get(invoice.number)
        options.append({
            "invoice_number": invoice.number,
            "payment_reference": payment.reference if payment else "",
            "amount": str(decision.amount),
            "allowed": decision.allowed,
            "needs_approval": decision.needs_approval,
            "reason": decision.reason,
            # Extra keys beyond the agreed shape: a refund already asked for (or made) is not asked again,
            # and the one that stands for the invoice is named with its state.
            "already_requested": refund is not None or (payment is not None and payment.status == "refunded"),
            "refund_reference": refund.reference if refund else "",
            "refund_status": refund.status if refund else "",
        })
    return options


def billing_totals(
    invoices: list[InvoiceFact], payments: list[PaymentFact], refunds: list[RefundFact],
) -> dict[str, Any]:
    """Sums a reply may state ("how much have I paid so far", "how much do I owe"): worked out here, so
    they are facts the critic can check a reply against, not figures a writer made up."""
    # A charge refunded since still went through: it counts as paid, and its refund as paid back.
    paid = [p for p in payments if p.status in ("succeeded", "refunded")]
    return {
        "paid": str(sum((p.amount for p in paid), Decimal(0))),
        "payments_succeeded": len(paid),
        "first_payment_on": min(p.created_at for p in paid).date().isoformat() if paid else None,
        "paid_back": str(sum((r.amount for r in refunds if r.status == "completed"), Decimal(0))),
        "outstanding": str(sum((i.amount for i in invoices if i.unpaid), Decimal(0))),
        "paid_by_period": _paid_by_period(paid),
    }


def _paid_by_period(paid: list[PaymentFact]) -> dict[str, dict[str, Any]]:
    """What was paid in each year ("2026") and month ("2026-11") with a payment, and over how many payments: the
    figures "how much have I paid this year?" is answered with."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    counts: Counter[str] = Counter()
    for payment in paid:
        day = payment.created_at.date()
        for key in (f"{day.year:04d}", f"{day.year:04d}-{day.month:02d}"):
            sums[key] += payment.amount
            counts[key] += 1
    return {key: {"paid": str(sums[key]), "payments": counts[key]} for key in sorted(sums)}


async def _plans_for_visitor(deps: RunDeps) -> AgentResponse:
    """A visitor has no invoices to read; the plans on sale are the same for everyone, and a visitor's
    "what does Pro include?" is answered from them. Should they not be read, the visitor is no worse
    off than without them: the help centre's entries still answer."""
    try:
        plans = await tool(deps, "billing.plans", deps.ports.billing.plans)
    except Exception as exc:
        return AgentResponse(status="partial", result={"skipped": "not signed in"},
                             error=f"plans: {type(exc).__name__}: {exc}", metadata=metadata("billing"))
    return AgentResponse(
        status="success", result={"plans": [p.model_dump(mode="json") for p in sorted(plans, key=lambda p: p.price_monthly)]},
        metadata=metadata("billing"),
    )


def _plan_changes(subscription: SubscriptionFact | None, plans: list[PlanFact]) -> list[dict[str, str]]:
    """For each plan other than the customer's: how much more or less it costs a month than theirs."""
    if subscription is None:
        return []
    changes = []
    for plan in sorted(plans, key=lambda p: p.price_monthly):
        difference = plan.price_monthly - subscription.price_monthly
        if plan.name == subscription.plan or not difference:
            continue
        changes.append({"plan": plan.name, "a_month": "more" if difference > 0 else "less",
                        "amount": str(abs(difference))})
    return changes


async def billing_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    if ctx.customer is None:
        return await _plans_for_visitor(deps)
    # Identity comes from the signed-in session only, never from the message text.
    customer_id = ctx.customer.external_id
    billing = deps.ports.billing
    results = await asyncio.gather(
        tool(deps, "billing.invoices", lambda: billing.invoices(customer_id=customer_id), customer_id=customer_id),
        tool(deps, "billing.payments", lambda: billing.payments(customer_id=customer_id), customer_id=customer_id),
        tool(deps, "billing.card", lambda: billing.card(customer_id=customer_id), customer_id=customer_id),
        tool(deps, "billing.refunds", lambda: billing.refunds(customer_id=customer_id), customer_id=customer_id),
        tool(deps, "billing.subscription", lambda: billing.subscription(customer_id=customer_id),
             customer_id=customer_id),
        tool(deps, "billing.plans", billing.plans),
        return_exceptions=True,
    )
    errors = [f"{name}: {type(r).__name__}: {r}" for name, r in zip(
        ("invoices", "payments", "card", "refunds", "subscription", "plans"), results, strict=True)
        if isinstance(r, BaseException)]
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result  # cancellation: let the timeout above us see it
    invoices, payments, card, refunds, subscription, plans = (
        None if isinstance(r, BaseException) else r for r in results)
    facts: dict[str, Any] = {
        "invoices": [i.model_dump(mode="json") for i in invoices or []],
        "payments": [p.model_dump(mode="json") for p in payments or []],
        "card": card.model_dump(mode="json") if card is not None else None,
        "refunds": [r.model_dump(mode="json") for r in refunds or []],
        "subscription": subscription.model_dump(mode="json") if subscription is not None else None,
        "refund_options": refund_options(ctx, invoices or [], payments or [], refunds or []) if invoices else [],
        "totals": billing_totals(invoices or [], payments or [], refunds or []),
        # Name, monthly price and a line of what each includes: all a reply about another plan needs,
        # and short enough to send with every billing question to an LLM.
        "plans": [p.model_dump(mode="json") for p in sorted(plans or [], key=lambda p: p.price_monthly)],
        # What a move to each other plan would change a month: a saving or a cost worked out here, so no reply (an
        # LLM's or the offline writer's) states a difference the facts don't hold.
        "plan_changes": _plan_changes(subscription, plans or []),
    }
    if errors and len(errors) == len(results):
        return AgentResponse(status="error", result={}, error="; ".join(errors), metadata=metadata("billing"))
    return AgentResponse(
        status="partial" if errors else "success", result=facts, error="; ".join(errors),
        metadata=metadata("billing"),
    )
