"""Sensitive actions agents propose: recorded once, carried out within policy, else held for staff."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from agents.facts import AccountFact, RefundFact
from agents.policy import DEFAULT_CONSTRAINTS
from supportsite.conversations.events import conversation_event_publish
from supportsite.conversations.models import AgentAction, Conversation, ConversationEvent, Message
from supportsite.conversations.selectors import conversation_awaits_approval
from supportsite.conversations.services import conversation_agents_resume
from supportsite.core.errors import Conflict, NotFound, PermissionDenied
from supportsite.customers.models import CustomerProfile, Invoice, Payment, RefundRequest


def _refund_fact(refund: RefundRequest) -> RefundFact:
    return RefundFact(
        reference=refund.reference, invoice_number=refund.invoice.number, amount=refund.amount,
        status=refund.status, reason=refund.reason,
    )


def _payment_to_refund(invoice: Invoice) -> Payment | None:
    """The duplicate charge if there is one, else the invoice's latest successful charge."""
    payments = invoice.payments.select_for_update().filter(status=Payment.Status.SUCCEEDED)
    return payments.filter(duplicate_of__isnull=False).first() or payments.order_by("-charged_at").first()


def action_refund_record(
    *, customer_pk: int, run_id: str | None, conversation_id: str, invoice_number: str, amount: Decimal, reason: str,
    request_key: str, needs_approval: bool,
) -> RefundFact:
    existing = AgentAction.objects.select_related("refund__invoice").filter(request_key=request_key).first()
    if existing is not None and existing.refund is not None:
        return _refund_fact(existing.refund)
    invoice = Invoice.objects.filter(number=invoice_number).first()
    if invoice is None or invoice.customer_id != customer_pk:
        # The same answer for "not yours" and "not there": no probing other customers' invoices.
        raise NotFound(f"No invoice {invoice_number} on this account.", code="invoice_not_found")
    payment = _payment_to_refund(invoice)
    if payment is None:
        raise Conflict(f"Invoice {invoice_number} has no charge to refund.", code="nothing_to_refund")
    live = payment.refunds.exclude(status=RefundRequest.Status.REJECTED).first()
    if live is not None:
        return _refund_fact(live)
    # The limit is enforced here too: an agent's say-so never carries a large refund out.
    needs_approval = needs_approval or payment.amount > DEFAULT_CONSTRAINTS.agent_refund_limit
    status = RefundRequest.Status.PENDING_APPROVAL if needs_approval else RefundRequest.Status.COMPLETED
    refund = RefundRequest.objects.create(
        customer_id=customer_pk, invoice=invoice, payment=payment, reference=f"RF-{uuid.uuid4().hex[:8].upper()}",
        amount=payment.amount, reason=reason[:200], status=status, request_key=request_key,
    )
    if status == RefundRequest.Status.COMPLETED:
        Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.REFUNDED)
    AgentAction.objects.create(
        run_id=run_id, conversation_id=conversation_id, customer_id=customer_pk, kind=AgentAction.Kind.REFUND,
        status=AgentAction.Status.PENDING_APPROVAL if needs_approval else AgentAction.Status.COMPLETED,
        request_key=request_key, refund=refund,
        payload={"invoice_number": invoice_number, "amount": str(payment.amount), "reason": reason,
                 "payment_reference": payment.reference},
    )
    return _refund_fact(refund)


def action_unlock_record(*, customer_pk: int, run_id: str | None, conversation_id: str, request_key: str) -> AccountFact:
    from supportsite.conversations.bridge import account_fact

    profile = CustomerProfile.objects.select_for_update().select_related("user", "plan").get(pk=customer_pk)
    fact = account_fact(profile)
    if fact.unlock_declined:
        # The agents' guard does not propose it; should one still ask, staff are not asked again.
        raise Conflict("A member of staff declined to unlock this account.", code="unlock_declined")
    if not fact.unlock_pending and not AgentAction.objects.filter(request_key=request_key).exists():
        # One request waiting per customer: asking again while it waits adds nothing to decide.
        # Unlocking after failed sign-ins needs a person to confirm identity: held for staff.
        AgentAction.objects.create(
            run_id=run_id, conversation_id=conversation_id, customer_id=customer_pk,
            kind=AgentAction.Kind.ACCOUNT_UNLOCK, status=AgentAction.Status.PENDING_APPROVAL,
            request_key=request_key, payload={"failed_signins": profile.failed_signins},
        )
    return fact


def _agents_resume_after_approvals(*, conversation_id: uuid.UUID | str, staff_user: AbstractBaseUser) -> Conversation | None:
    """A conversation that waits for a person only for approvals goes back to the agents when the
    last one is decided, and its latest unanswered question gets a run. One a person has taken, or
    that waits for another reason, stays with staff. Returns the conversation when it went back."""
    conversation = Conversation.objects.select_for_update().get(id=conversation_id)
    if (conversation.status != Conversation.Status.WAITING
            or conversation.handoff_reason != Conversation.HandoffReason.POLICY_NEEDS_APPROVAL
            or conversation_awaits_approval(conversation_id=conversation_id)):
        return None
    conversation_agents_resume(conversation=conversation, actor=staff_user,
                               note="Every approval the conversation waited for is decided.")
    return conversation


def _conversations_told_of(action: AgentAction) -> list[uuid.UUID]:
    """The customer's other conversations in which a reply since the request named this refund (its
    reference): the customer was told there that it waits, so the decision is told there too."""
    if action.refund is None:
        return []
    return list(
        Message.objects.filter(conversation__customer_id=action.customer_id, role=Message.Role.ASSISTANT,
                               created_at__gte=action.created_at, text__contains=action.refund.reference)
        .exclude(conversation_id=action.conversation_id)
        .order_by().values_list("conversation_id", flat=True).distinct()
    )


@transaction.atomic
def action_decide(*, action_id: int, approve: bool, staff_user: AbstractBaseUser, note: str = "") -> AgentAction:
    """A staff member approves or rejects a pending action; carried out once, whoever clicks first."""
    # Lock only the action row: PostgreSQL refuses FOR UPDATE on the nullable side of the refund join.
    action = (
        AgentAction.objects.select_for_update(of=("self",)).select_related("refund", "customer")
        .filter(pk=action_id).first()
    )
    if action is None:
        raise NotFound("No such action.")
    if not getattr(staff_user, "is_staff", False):
        raise PermissionDenied("Only staff can decide actions.")
    if action.status != AgentAction.Status.PENDING_APPROVAL:
        raise Conflict(f"This action was already {action.get_status_display().lower()}.", code="already_decided")
    now = timezone.now()
    action.status = AgentAction.Status.COMPLETED if approve else AgentAction.Status.REJECTED
    action.decided_by, action.decided_at, action.decision_note = staff_user, now, note
    action.save()
    if action.kind == AgentAction.Kind.REFUND and action.refund is not None:
        refund = RefundRequest.objects.select_for_update().get(pk=action.refund.pk)
        refund.status = RefundRequest.Status.COMPLETED if approve else RefundRequest.Status.REJECTED
        refund.decided_by, refund.decided_at, refund.decision_note = staff_user, now, note
        refund.save()
        if approve and refund.payment_id:
            Payment.objects.filter(pk=refund.payment_id).update(status=Payment.Status.REFUNDED)
        text = (
            f"Good news: a member of our team approved your refund of ${refund.amount} for invoice "
            f"{refund.invoice.number} (reference {refund.reference}). It reaches your card in 5–10 business days."
            if approve else
            f"A member of our team reviewed your refund request for invoice {refund.invoice.number} and "
            f"could not approve it{': ' + note if note else '.'}"
        )
    else:
        if approve:
            CustomerProfile.objects.filter(pk=action.customer_id).update(
                account_status=CustomerProfile.Status.ACTIVE, failed_signins=0, locked_reason=""
            )
        text = (
            "Your account is unlocked. You can sign in again now; consider resetting your password."
            if approve else f"We could not unlock your account yet{': ' + note if note else '.'}"
        )
    # Before the decision's own message: that is not a person's answer to what the customer asked meanwhile.
    resumed = _agents_resume_after_approvals(conversation_id=action.conversation_id, staff_user=staff_user)
    message = Message.objects.create(
        conversation_id=action.conversation_id, role=Message.Role.STAFF, text=text, author=staff_user
    )
    ConversationEvent.objects.create(
        conversation_id=action.conversation_id, kind=ConversationEvent.Kind.ACTION_DECIDED, actor=staff_user,
        note=note, data={"action_id": action.pk, "approved": approve},
    )
    from supportsite.conversations.serializers import conversation_status_frame, staff_message_frame

    conversation_event_publish(conversation_id=action.conversation_id, payload=staff_message_frame(message))
    for elsewhere in _conversations_told_of(action):
        # Asked over A2A, then told in the web chat that it waits: the decision reaches both.
        told = Message.objects.create(conversation_id=elsewhere, role=Message.Role.STAFF, text=text, author=staff_user)
        conversation_event_publish(conversation_id=elsewhere, payload=staff_message_frame(told))
    if resumed is not None:
        conversation_event_publish(conversation_id=resumed.id, payload=conversation_status_frame(resumed))
    from supportsite.api.webhooks import webhook_action_decided  # webhooks (#8)

    webhook_action_decided(action, message=message)
    return action
