"""Carrying out the actions the critic let through, through the action port only.

Within the agent's limit a refund completes; above it the request is stored pending a
staff member's approval. An unlock completes or waits for a staff member, as the port decides.
The customer is told what happened once, here (describe_actions), not by the reply writers. The request key is derived from the run and the charge, so a
retried run (or a repeated proposal) reaches the port with the same key and the port's
idempotency makes it happen once. Only ever for the signed-in customer.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from agents.context import SupportContext
from agents.outcome import ActionRecord, ProposedAction
from agents.workers.base import RunDeps, tool
from agents.workers.guard import refund_options

# How describe_actions says an action waits for a member of staff. It is appended to the reply whoever wrote it, so a
# follow-up can tell from the last reply that something asked for is still waiting (awaiting_staff).
STILL_LOCKED = "It's still locked for now"
NOT_REFUNDED_YET = "It hasn't been refunded yet"
# How it says an action was done at once, which done_here reads back.
UNLOCKED_NOW = "I've unlocked your account"
REFUNDED_NOW = "I've refunded $"


def awaiting_staff(reply: str) -> Literal["unlock", "refund"] | None:
    """Which action a reply said was left for a member of staff: an unlock, a refund over the agent's limit."""
    return "unlock" if STILL_LOCKED in reply else "refund" if NOT_REFUNDED_YET in reply else None


def done_here(reply: str) -> Literal["unlock", "refund"] | None:
    """Which action a reply said was done at once: an unlock, a refund within the agent's limit."""
    return "unlock" if UNLOCKED_NOW in reply else "refund" if REFUNDED_NOW in reply else None


def request_key(ctx: SupportContext, action: ProposedAction) -> str:
    option = next((o for o in refund_options(ctx) if o.get("invoice_number") == action.invoice_number
                   and o.get("allowed")), None)
    charge = (option or {}).get("payment_reference") or action.invoice_number
    material = f"{ctx.run_id}:{action.kind}:{charge}"
    return hashlib.sha256(material.encode()).hexdigest()[:32]


async def execute_actions(ctx: SupportContext, actions: list[ProposedAction], deps: RunDeps) -> list[ActionRecord]:
    if ctx.customer is None:
        return []
    customer_id = ctx.customer.external_id  # the session's customer; nothing from the message
    records: list[ActionRecord] = []
    done: set[str] = set()
    for action in actions:
        key = request_key(ctx, action)
        if key in done:
            continue
        done.add(key)
        try:
            if action.kind == "refund":
                needs_approval = action.amount > ctx.constraints.agent_refund_limit
                refund = await tool(
                    deps, "actions.refund_request",
                    lambda a=action, k=key, n=needs_approval: deps.ports.actions.refund_request(
                        customer_id=customer_id, invoice_number=a.invoice_number, amount=a.amount,
                        reason=a.reason, request_key=k, needs_approval=n,
                    ),
                    customer_id=customer_id, invoice_number=action.invoice_number, amount=str(action.amount),
                    request_key=key, needs_approval=needs_approval,
                )
                status = {"pending_approval": "pending_approval", "rejected": "rejected"}.get(
                    refund.status, "completed")
                records.append(ActionRecord(
                    kind="refund", status=status, reference=refund.reference, invoice_number=refund.invoice_number,
                    amount=refund.amount, detail=action.reason,
                ))
            else:
                account = await tool(
                    deps, "actions.account_unlock",
                    lambda k=key: deps.ports.actions.account_unlock(customer_id=customer_id, request_key=k),
                    customer_id=customer_id, request_key=key,
                )
                # A port that answers without unlocking has kept the request for a staff member to confirm
                # (the app holds unlocks after failed sign-ins); a failure raises and lands below.
                records.append(ActionRecord(
                    kind="account_unlock", status="completed" if account.status == "active" else "pending_approval",
                    detail=f"account is {account.status}",
                ))
        except Exception as exc:  # recorded as a failed action; the run hands off (tool_failure)
            records.append(ActionRecord(
                kind=action.kind, status="failed", invoice_number=action.invoice_number, amount=action.amount,
                detail=f"{type(exc).__name__}: {exc}",
            ))
    return records


def describe_actions(records: list[ActionRecord], *, limit: str) -> str:
    """What was done, in plain words, appended to the reply so the customer is told honestly."""
    lines = []
    for record in records:
        if record.kind == "refund" and record.status == "completed":
            lines.append(f"{REFUNDED_NOW}{record.amount} for invoice {record.invoice_number} "
                         f"(reference {record.reference}). It can take 5–10 business days to reach your card.")
        elif record.kind == "refund" and record.status == "pending_approval":
            lines.append(f"A refund of ${record.amount} for invoice {record.invoice_number} is above the "
                         f"${limit} I can approve myself, so I've sent it to a member of our staff for approval "
                         f"(reference {record.reference}). {NOT_REFUNDED_YET}; you'll hear from us once it's "
                         "reviewed.")
        elif record.kind == "refund":
            lines.append(f"I couldn't record the refund for invoice {record.invoice_number}; a member of our team "
                         "will follow up.")
        elif record.status == "completed":
            lines.append(f"{UNLOCKED_NOW}; you can sign in again now.")
        elif record.status == "pending_approval":
            lines.append("Unlocking an account after failed sign-ins needs a member of our staff to confirm it's "
                         f"you, so I've asked them to do it. {STILL_LOCKED}; you'll hear from us here once it's done.")
        else:
            lines.append("I couldn't unlock your account; a member of our team will follow up.")
    return "\n".join(lines)
