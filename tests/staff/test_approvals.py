"""Approvals: bob's duplicate-charge refund is carried out once, whoever clicks and however often."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import close_old_connections, transaction
from django.urls import reverse

from supportsite.conversations.actions import action_decide, action_refund_record
from supportsite.conversations.models import AgentAction, ConversationEvent, Message
from supportsite.core.errors import Conflict, PermissionDenied
from supportsite.customers.models import Payment, RefundRequest
from tests.staff.factories import billing_run, bob_duplicate_refund_pending


def _refund_state(action: AgentAction) -> tuple[str, str, str]:
    action.refresh_from_db()
    refund = RefundRequest.objects.get(pk=action.refund_id)
    payment = Payment.objects.get(pk=refund.payment_id)
    return action.status, refund.status, payment.status


@pytest.mark.django_db
def test_bobs_duplicate_charge_waits_for_approval_because_it_is_above_the_agent_limit(demo):
    action = bob_duplicate_refund_pending(demo["bob"])
    assert _refund_state(action) == ("pending_approval", "pending_approval", "succeeded")
    assert RefundRequest.objects.get(pk=action.refund_id).payment.reference == "ch_bob_2002_dup"


@pytest.mark.django_db
def test_a_second_decision_on_the_same_refund_is_refused_and_changes_nothing(demo, staff_user, second_staff):
    action = bob_duplicate_refund_pending(demo["bob"])
    action_decide(action_id=action.pk, approve=True, staff_user=staff_user, note="Duplicate confirmed")
    with pytest.raises(Conflict) as exc:
        action_decide(action_id=action.pk, approve=False, staff_user=second_staff, note="no")
    assert exc.value.code == "already_decided"
    assert _refund_state(action) == ("completed", "completed", "refunded")
    action.refresh_from_db()
    assert action.decided_by == staff_user and action.decision_note == "Duplicate confirmed"
    assert Message.objects.filter(conversation_id=action.conversation_id, role="staff").count() == 1
    assert ConversationEvent.objects.filter(conversation_id=action.conversation_id, kind="action_decided").count() == 1


@pytest.mark.django_db
def test_customers_cannot_decide_actions(demo):
    action = bob_duplicate_refund_pending(demo["bob"])
    with pytest.raises(PermissionDenied):
        action_decide(action_id=action.pk, approve=True, staff_user=demo["bob"].user)
    assert _refund_state(action)[0] == "pending_approval"


@pytest.mark.postgres
def test_two_staff_approving_at_the_same_moment_refund_the_duplicate_charge_once(demo_tx):
    from django.contrib.auth import get_user_model

    users = [get_user_model().objects.get(username="staff"),
             get_user_model().objects.create_user("dana", password="x", is_staff=True)]
    action = bob_duplicate_refund_pending(demo_tx["bob"])
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(user) -> None:
        close_old_connections()
        try:
            barrier.wait(timeout=10)
            action_decide(action_id=action.pk, approve=True, staff_user=user, note=f"by {user.username}")
            outcomes.append("done")
        except Conflict:
            outcomes.append("conflict")
        finally:
            close_old_connections()

    threads = [threading.Thread(target=decide, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "done"]
    assert _refund_state(action) == ("completed", "completed", "refunded")
    assert RefundRequest.objects.filter(payment__reference="ch_bob_2002_dup").exclude(status="rejected").count() == 1
    assert Message.objects.filter(conversation_id=action.conversation_id, role="staff").count() == 1


@pytest.mark.django_db
def test_approvals_page_approves_once_and_tells_the_second_click_it_was_already_done(staff_client, demo):
    action = bob_duplicate_refund_pending(demo["bob"])
    url = reverse("admin:conversations_agentaction_decide", args=[action.pk])
    first = staff_client.post(url, {"decision": "approve", "note": "Duplicate"}, follow=True)
    assert "Approved and carried out" in first.content.decode()
    second = staff_client.post(url, {"decision": "approve", "note": "again"}, follow=True)
    assert "already completed" in second.content.decode()
    assert _refund_state(action) == ("completed", "completed", "refunded")
    assert "No actions are waiting for approval." in second.content.decode()
    assert staff_client.get(url).status_code == 405  # decisions are POSTs only


@pytest.mark.django_db
def test_rejecting_tells_the_customer_with_the_note(staff_client, demo):
    action = bob_duplicate_refund_pending(demo["bob"])
    staff_client.post(reverse("admin:conversations_agentaction_decide", args=[action.pk]),
                      {"decision": "reject", "note": "Already refunded by the bank"})
    assert _refund_state(action) == ("rejected", "rejected", "succeeded")
    staff_message = Message.objects.get(conversation_id=action.conversation_id, role="staff")
    assert "Already refunded by the bank" in staff_message.text


@pytest.mark.django_db
def test_an_approval_proposed_on_a_yes_shows_the_question_the_offer_answered(staff_client, demo):
    question = billing_run(customer=demo["bob"], text="am i eligible for a refund", intent="refund")
    yes = billing_run(customer=demo["bob"], text="sure", intent="refund", conversation=question.conversation)
    with transaction.atomic():
        action_refund_record(
            customer_pk=demo["bob"].pk, run_id=str(yes.id), conversation_id=str(yes.conversation_id),
            invoice_number="NW-2002", amount=Decimal("99.00"), reason="Duplicate charge on NW-2002",
            request_key=f"{yes.id}:NW-2002", needs_approval=False,
        )
    page = staff_client.get(reverse("admin:conversations_agentaction_approvals")).content.decode()
    assert "“am i eligible for a refund”, then</span> “sure”" in page
