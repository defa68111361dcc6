"""Sensitive actions agents propose: recorded once, carried out within policy, else held for staff.
Staff decide those, and can also refund a charge or unlock an account themselves from a conversation."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from agents.facts import AccountFact, RefundFact
from agents.policy import DEFAULT_CONSTRAINTS
from supportsite.conversations.events import conversation_event_publish
from supportsite.conversations.models import AgentAction, Conversation, ConversationEvent, Message
from supportsite.conversations.selectors import conversation_awaits_approval
from supportsite.conversations.services import conversation_agents_resume
from supportsite.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from supportsite.customers.models import CustomerProfile, Invoice, Payment, RefundRequest, refund_key_is_staffs
from supportsite.customers.services import customer_account_unlock, customer_display_name


def _refund_fact(refund: RefundRequest) -> RefundFact:
    return RefundFact(
        reference=refund.reference, invoice_number=refund.invoice.number, amount=refund.amount,
        status=refund.status, reason=refund.reason, requested=not refund_key_is_staffs(refund.request_key),
    )


def _payment_to_refund(invoice: Invoice) -> Payment | None:
    """The duplicate charge if there is one, else the invoice's latest successful charge."""
    payments = invoice.payments.select_for_update().filter(status=Payment.Status.SUCCEEDED)
    return payments.filter(duplicate_of__isnull=False).first() or payments.order_by("-charged_at").first()


def _live_refund(invoice: Invoice) -> RefundRequest | None:
    """The refund that stands for an invoice: its latest one not rejected. One per invoice, as the agents'
    guard offers them: once the duplicate is refunded, the original charge is the latest succeeded one,
    and a second request must not refund it too."""
    return invoice.refunds.exclude(status=RefundRequest.Status.REJECTED).order_by("-created_at").first()


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
    live = _live_refund(invoice)
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


UNLOCKED_TEXT = "Your account is unlocked. You can sign in again now; consider resetting your password."


def _refund_approved_text(refund: RefundRequest, *, requested: bool = True) -> str:
    """What the customer is told when a person carries a refund out: a request approved, or (not
    `requested`) a refund staff issued from the console that nobody asked for, which "approved" would misstate."""
    if not requested:
        return (
            f"Good news: a member of our team refunded ${refund.amount} for invoice {refund.invoice.number} "
            f"(reference {refund.reference}). It reaches your card in 5–10 business days."
        )
    return (
        f"Good news: a member of our team approved your refund of ${refund.amount} for invoice "
        f"{refund.invoice.number} (reference {refund.reference}). It reaches your card in 5–10 business days."
    )


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
            _refund_approved_text(refund)
            if approve else
            f"A member of our team reviewed your refund request for invoice {refund.invoice.number} and "
            f"could not approve it{': ' + note if note else '.'}"
        )
    else:
        if approve:
            # The agents proposed it because the customer asked: "after your request", if asked why later.
            customer_account_unlock(customer_pk=action.customer_id, on_request=True)
        text = (
            UNLOCKED_TEXT
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


# --- What staff carry out themselves, from the conversation's page ------------------------------


def _staff_only(staff_user: AbstractBaseUser) -> None:
    if not (getattr(staff_user, "is_active", False) and getattr(staff_user, "is_staff", False)):
        raise PermissionDenied("Only staff can refund a charge or unlock an account.")


def _conversation_with_customer(conversation_id: uuid.UUID | str) -> Conversation:
    conversation = Conversation.objects.select_related("customer__user").filter(id=conversation_id).first()
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    if conversation.customer_id is None:
        raise Conflict("This conversation has no customer account (an anonymous visitor): there is nothing to "
                       "refund or unlock.", code="no_customer")
    return conversation


def _staff_request_key(kind: str) -> str:
    # Unique to this staff action: the agents' keys are "<run id>:<invoice>", never "staff:".
    return f"{RefundRequest.STAFF_KEY_PREFIX}{kind}:{uuid.uuid4().hex}"


def _staff_message(*, conversation_id: uuid.UUID, text: str, staff_user: AbstractBaseUser) -> Message:
    from supportsite.conversations.serializers import staff_message_frame

    message = Message.objects.create(conversation_id=conversation_id, role=Message.Role.STAFF, text=text,
                                     author=staff_user)
    Conversation.objects.filter(id=conversation_id).update(last_message_at=message.created_at)
    conversation_event_publish(conversation_id=conversation_id, payload=staff_message_frame(message))
    return message


def _staff_action_announce(
    *, conversation: Conversation, actions: list[AgentAction], completed_pending: bool, text: str,
    staff_user: AbstractBaseUser, event_kind: str, note: str, data: dict[str, Any],
) -> Message:
    """Tell the customer in this conversation, record the event, publish after commit, fire the webhooks.

    When the staff action completed actions the agents proposed (`completed_pending`), it is their
    decision too: a conversation that waited only for them goes back to the agents, and the
    conversations where they were asked or named hear of it, as action_decide does.
    """
    from supportsite.api.webhooks import webhook_action_decided, webhook_message_created  # webhooks (#8)
    from supportsite.conversations.serializers import conversation_status_frame

    resumed: list[Conversation] = []
    if completed_pending:
        for waiting_id in dict.fromkeys(a.conversation_id for a in actions):
            # Before the message: that is not a person's answer to what the customer asked meanwhile.
            back = _agents_resume_after_approvals(conversation_id=waiting_id, staff_user=staff_user)
            if back is not None:
                resumed.append(back)
    told = {conversation.id: _staff_message(conversation_id=conversation.id, text=text, staff_user=staff_user)}
    ConversationEvent.objects.create(conversation=conversation, kind=event_kind, actor=staff_user, note=note,
                                     data=data)
    if completed_pending:
        for action in actions:
            if action.conversation_id != conversation.id:
                ConversationEvent.objects.create(
                    conversation_id=action.conversation_id, kind=ConversationEvent.Kind.ACTION_DECIDED,
                    actor=staff_user, note=note, data={"action_id": action.pk, "approved": True},
                )
            for elsewhere in [action.conversation_id, *_conversations_told_of(action)]:
                if elsewhere not in told:
                    told[elsewhere] = _staff_message(conversation_id=elsewhere, text=text, staff_user=staff_user)
    for back in resumed:
        conversation_event_publish(conversation_id=back.id, payload=conversation_status_frame(back))
    # One message.created per message, one action.decided per action.
    announced: set[uuid.UUID] = set()
    for action in actions:
        first = action.conversation_id not in announced
        webhook_action_decided(action, message=told.get(action.conversation_id) if first else None)
        announced.add(action.conversation_id)
    if conversation.id not in announced:
        webhook_message_created(told[conversation.id], conversation)
    return told[conversation.id]


@transaction.atomic
def action_refund_by_staff(
    *, conversation_id: uuid.UUID | str, staff_user: AbstractBaseUser, invoice_number: str, note: str,
) -> AgentAction:
    """A staff member refunds a charge on one of the conversation customer's invoices, at once.

    The charge is the one the agents would refund (the duplicate, else the latest successful
    charge). The agents' limit does not apply: a person decides, and says why in the note. An
    invoice is refunded from here once: a refund the agents proposed for it that waits for
    approval is completed by this one; any other live refund on it is a Conflict naming it.
    Returns the completed action, whose refund is the one carried out.
    """
    _staff_only(staff_user)
    note = note.strip()
    if not note:
        raise InvalidInput("Add a note saying why you refund this charge: it is kept with the refund.",
                           code="note_required")
    conversation = _conversation_with_customer(conversation_id)
    invoice_number = invoice_number.strip()
    # Locked first, so two clicks (or two colleagues) on one invoice are carried out one after the other.
    invoice = Invoice.objects.select_for_update().filter(number=invoice_number).first()
    if invoice is None or invoice.customer_id != conversation.customer_id:
        # The same answer for "not yours" and "not there", as on the agents' path.
        raise NotFound(f"No invoice {invoice_number or '(none chosen)'} on this customer's account.",
                       code="invoice_not_found")
    # The action before its charge, in the order action_decide locks them (else the two could deadlock).
    pending = (
        AgentAction.objects.select_for_update(of=("self",))
        .filter(kind=AgentAction.Kind.REFUND, status=AgentAction.Status.PENDING_APPROVAL, refund__invoice=invoice)
        .order_by("created_at").first()
    )
    now = timezone.now()
    if pending is not None:
        refund = RefundRequest.objects.select_for_update().select_related("invoice").get(pk=pending.refund_id)
        refund.status, refund.decided_by, refund.decided_at, refund.decision_note = (
            RefundRequest.Status.COMPLETED, staff_user, now, note)
        refund.save()
        action = pending
    else:
        live = _live_refund(invoice)
        if live is not None:
            raise Conflict(
                f"Invoice {invoice.number} already has a refund: {live.reference} (${live.amount}, "
                f"{live.get_status_display().lower()}).", code="already_refunded",
            )
        payment = _payment_to_refund(invoice)
        if payment is None:
            raise Conflict(f"Invoice {invoice.number} has no successful charge to refund.", code="nothing_to_refund")
        request_key = _staff_request_key("refund")
        refund = RefundRequest.objects.create(
            customer_id=conversation.customer_id, invoice=invoice, payment=payment,
            reference=f"RF-{uuid.uuid4().hex[:8].upper()}", amount=payment.amount, reason=note[:200],
            status=RefundRequest.Status.COMPLETED, request_key=request_key, decided_by=staff_user, decided_at=now,
            decision_note=note,
        )
        action = AgentAction(
            run=None, conversation=conversation, customer_id=conversation.customer_id, kind=AgentAction.Kind.REFUND,
            request_key=request_key, refund=refund,
            payload={"invoice_number": invoice.number, "amount": str(payment.amount), "reason": note,
                     "payment_reference": payment.reference, "by_staff": True},
        )
    if refund.payment_id:
        Payment.objects.filter(pk=refund.payment_id).update(status=Payment.Status.REFUNDED)
    action.status, action.decided_by, action.decided_at, action.decision_note = (
        AgentAction.Status.COMPLETED, staff_user, now, note)
    action.save()
    _staff_action_announce(
        conversation=conversation, actions=[action], completed_pending=pending is not None,
        text=_refund_approved_text(refund, requested=pending is not None), staff_user=staff_user,
        event_kind=ConversationEvent.Kind.REFUND_ISSUED,
        note=note, data={"action_id": action.pk, "refund": refund.reference, "invoice_number": invoice.number,
                         "amount": str(refund.amount), "completed_pending": pending is not None},
    )
    return action


@transaction.atomic
def action_unlock_by_staff(*, conversation_id: uuid.UUID | str, staff_user: AbstractBaseUser, note: str = "",
                           ) -> AgentAction:
    """A staff member unlocks the conversation customer's locked account, at once.

    An unlock the agents proposed and that waits for approval is completed by it (the approvals
    queue empties); with none, the unlock is recorded as a completed action of its own. An
    account that is not locked is a Conflict. Returns the completed action.
    """
    _staff_only(staff_user)
    note = note.strip()
    conversation = _conversation_with_customer(conversation_id)
    customer_pk = conversation.customer_id
    # The actions before the profile, in the order action_decide locks them.
    pending = _pending_unlocks_locked(customer_pk)
    profile = _locked_profile_for_update(customer_pk)
    failed_signins = profile.failed_signins
    # With the agents' request waiting, this unlock answers the customer's own request too.
    customer_account_unlock(customer_pk=customer_pk, on_request=bool(pending))
    now = timezone.now()
    actions = pending or [AgentAction(
        run=None, conversation=conversation, customer_id=customer_pk, kind=AgentAction.Kind.ACCOUNT_UNLOCK,
        request_key=_staff_request_key("unlock"), payload={"failed_signins": failed_signins, "by_staff": True},
    )]
    for action in actions:
        action.status, action.decided_by, action.decided_at, action.decision_note = (
            AgentAction.Status.COMPLETED, staff_user, now, note)
        action.save()
    _staff_action_announce(
        conversation=conversation, actions=actions, completed_pending=bool(pending), text=UNLOCKED_TEXT,
        staff_user=staff_user, event_kind=ConversationEvent.Kind.ACCOUNT_UNLOCKED, note=note,
        data={"action_ids": [a.pk for a in actions], "failed_signins": failed_signins,
              "completed_pending": bool(pending)},
    )
    # The one asked here if there is one: what the console reports back.
    return next((a for a in actions if a.conversation_id == conversation.id), actions[0])


@transaction.atomic
def action_unlock_from_customer_page(
    *, customer_pk: int, staff_user: AbstractBaseUser, note: str = "",
) -> tuple[CustomerProfile, bool]:
    """A member of staff unlocks a locked account from the customer's page; returns the profile and
    whether it completed an unlock the customer had asked the agents for.

    Such a request, waiting for approval, is completed as from the conversation's page
    (action_unlock_by_staff in the conversation where it was asked: the customer is told there,
    the approvals queue empties, a conversation that waited only for it goes back to the agents,
    webhooks hear of it); left waiting, a later rejection would tell the customer the account
    could not be unlocked after it was. With none, the account is opened here, not on request.
    An account that is not locked (active, or suspended, which is not this unlock's to lift) is a Conflict.
    """
    _staff_only(staff_user)
    # The requests before the profile, in the order action_decide and action_unlock_by_staff lock them.
    if waiting := _pending_unlocks_locked(customer_pk):
        action_unlock_by_staff(conversation_id=waiting[0].conversation_id, staff_user=staff_user, note=note)
        return CustomerProfile.objects.select_related("user").get(pk=customer_pk), True
    _locked_profile_for_update(customer_pk)
    return customer_account_unlock(customer_pk=customer_pk, on_request=False), False


def _pending_unlocks_locked(customer_pk: int) -> list[AgentAction]:
    """The customer's unlock requests waiting for approval, oldest first, row-locked for this transaction."""
    return list(
        AgentAction.objects.select_for_update()
        .filter(customer_id=customer_pk, kind=AgentAction.Kind.ACCOUNT_UNLOCK,
                status=AgentAction.Status.PENDING_APPROVAL)
        .order_by("created_at")
    )


def _locked_profile_for_update(customer_pk: int) -> CustomerProfile:
    """The customer's profile, row-locked, when the account is locked; a Conflict for any other state (active,
    or suspended, which is not an unlock's to lift)."""
    profile = CustomerProfile.objects.select_for_update().select_related("user").get(pk=customer_pk)
    if profile.account_status != CustomerProfile.Status.LOCKED:
        raise Conflict(f"{customer_display_name(profile)}'s account is "
                       f"{profile.get_account_status_display().lower()}, not locked: there is nothing to unlock.",
                       code="account_not_locked")
    return profile
