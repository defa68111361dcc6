"""Staff refund a charge or unlock an account themselves, from a conversation: once, within the rules,
with the customer told in the chat and the agents' own pending proposal completed, never doubled."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.db import close_old_connections

from agents.policy import DEFAULT_CONSTRAINTS
from supportsite.api.models import WebhookDelivery, WebhookEndpoint
from supportsite.conversations.actions import (
    action_decide,
    action_refund_by_staff,
    action_unlock_by_staff,
    action_unlock_record,
)
from supportsite.conversations.models import AgentAction, AgentRun, Conversation, ConversationEvent, Message
from supportsite.conversations.services import conversation_start
from supportsite.conversations.staff_selectors import approvals_queue, customer_actions_for_conversation
from supportsite.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from supportsite.customers.models import CustomerProfile, Payment, RefundRequest
from tests.staff.factories import bob_duplicate_refund_pending, conversation_with_message
from tests.staff.wsutil import communicator, session_cookie

NOTE = "Charged twice on the same day; confirmed with the bank."


def _conversation(customer: CustomerProfile | None, text: str = "Can you help me?") -> Conversation:
    return conversation_with_message(customer=customer, text=text, session_key="" if customer else "anon")[0]


def _payment(reference: str) -> Payment:
    return Payment.objects.get(reference=reference)


def _staff_messages(conversation_id) -> list[str]:
    return list(Message.objects.filter(conversation_id=conversation_id, role=Message.Role.STAFF)
                .order_by("created_at").values_list("text", flat=True))


# --- refunds --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_staff_refund_of_bobs_invoice_refunds_the_duplicate_charge_and_tells_him_in_the_chat(demo, staff_user):
    conversation = _conversation(demo["bob"])

    action = action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user,
                                    invoice_number="NW-2002", note=NOTE)

    refund = RefundRequest.objects.get(pk=action.refund_id)
    assert (refund.status, refund.payment.reference, refund.amount) == ("completed", "ch_bob_2002_dup", Decimal("99.00"))
    assert (refund.decided_by, refund.decision_note, refund.reason) == (staff_user, NOTE, NOTE)
    assert _payment("ch_bob_2002_dup").status == "refunded" and _payment("ch_bob_2002").status == "succeeded"
    action.refresh_from_db()
    assert (action.kind, action.status, action.decided_by, action.run_id) == ("refund", "completed", staff_user, None)
    assert action.decided_at is not None and action.request_key.startswith("staff:refund:")
    assert action.conversation_id == conversation.id and action.payload["payment_reference"] == "ch_bob_2002_dup"
    [told] = _staff_messages(conversation.id)
    assert told == (f"Good news: a member of our team refunded $99.00 for invoice NW-2002 "
                    f"(reference {refund.reference}). It reaches your card in 5–10 business days.")
    event = ConversationEvent.objects.get(conversation=conversation, kind=ConversationEvent.Kind.REFUND_ISSUED)
    assert (event.actor, event.note, event.data["refund"]) == (staff_user, NOTE, refund.reference)
    # In the history of decided actions, as an approval would be.
    assert AgentAction.objects.filter(status="completed", decided_by=staff_user).get() == action


@pytest.mark.django_db
def test_the_agents_refund_limit_does_not_hold_back_a_staff_refund(demo, staff_user):
    assert _payment("ch_bob_2001").amount > DEFAULT_CONSTRAINTS.agent_refund_limit
    action = action_refund_by_staff(conversation_id=_conversation(demo["bob"]).id, staff_user=staff_user,
                                    invoice_number="NW-2001", note="Goodwill: the outage on the 24th.")
    assert (action.status, action.refund.status, _payment("ch_bob_2001").status) == ("completed", "completed",
                                                                                    "refunded")


@pytest.mark.django_db
@pytest.mark.parametrize("note", ["", "   \n"])
def test_a_staff_refund_without_a_note_is_refused_and_changes_nothing(demo, staff_user, note):
    with pytest.raises(InvalidInput) as exc:
        action_refund_by_staff(conversation_id=_conversation(demo["bob"]).id, staff_user=staff_user,
                               invoice_number="NW-2002", note=note)
    assert exc.value.code == "note_required"
    assert not RefundRequest.objects.exists() and _payment("ch_bob_2002_dup").status == "succeeded"


@pytest.mark.django_db
@pytest.mark.parametrize("invoice_number", ["NW-2002", "NW-9999", ""])
def test_another_customers_invoice_and_one_that_does_not_exist_get_the_same_not_found(demo, staff_user,
                                                                                      invoice_number):
    with pytest.raises(NotFound) as exc:
        action_refund_by_staff(conversation_id=_conversation(demo["alice"]).id, staff_user=staff_user,
                               invoice_number=invoice_number, note=NOTE)
    assert exc.value.code == "invoice_not_found" and "on this customer's account" in exc.value.detail
    assert not RefundRequest.objects.exists() and not AgentAction.objects.exists()


@pytest.mark.django_db
def test_an_invoice_whose_only_charge_failed_has_nothing_to_refund(demo, staff_user):
    with pytest.raises(Conflict) as exc:
        action_refund_by_staff(conversation_id=_conversation(demo["alice"]).id, staff_user=staff_user,
                               invoice_number="NW-1003", note=NOTE)
    assert exc.value.code == "nothing_to_refund"


@pytest.mark.django_db
def test_refunding_the_same_invoice_twice_refunds_one_charge_and_names_the_refund_already_made(demo, staff_user):
    conversation = _conversation(demo["bob"])
    first = action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user,
                                   invoice_number="NW-2002", note=NOTE)
    with pytest.raises(Conflict) as exc:
        action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user,
                               invoice_number="NW-2002", note="clicked again")
    assert exc.value.code == "already_refunded" and first.refund.reference in exc.value.detail
    # The charge it repeats is not refunded in its place: the invoice was paid once, as it should be.
    assert _payment("ch_bob_2002").status == "succeeded"
    assert RefundRequest.objects.count() == 1 and AgentAction.objects.count() == 1
    assert len(_staff_messages(conversation.id)) == 1


@pytest.mark.django_db
def test_refunds_and_unlocks_need_a_conversation_with_a_customer(demo, staff_user):
    anonymous = _conversation(None)
    with pytest.raises(Conflict) as refund:
        action_refund_by_staff(conversation_id=anonymous.id, staff_user=staff_user, invoice_number="NW-2002",
                               note=NOTE)
    with pytest.raises(Conflict) as unlock:
        action_unlock_by_staff(conversation_id=anonymous.id, staff_user=staff_user)
    assert refund.value.code == unlock.value.code == "no_customer"
    with pytest.raises(NotFound):
        action_unlock_by_staff(conversation_id="00000000-0000-0000-0000-000000000000", staff_user=staff_user)


@pytest.mark.django_db
def test_customers_and_staff_who_left_can_neither_refund_nor_unlock(demo):
    bob_conversation, carol_conversation = _conversation(demo["bob"]), _conversation(demo["carol"])
    gone = get_user_model().objects.create_user("former", password="x", is_staff=True, is_active=False)
    for user in (demo["bob"].user, gone):
        with pytest.raises(PermissionDenied):
            action_refund_by_staff(conversation_id=bob_conversation.id, staff_user=user, invoice_number="NW-2002",
                                   note=NOTE)
        with pytest.raises(PermissionDenied):
            action_unlock_by_staff(conversation_id=carol_conversation.id, staff_user=user)
    assert not RefundRequest.objects.exists() and not AgentAction.objects.exists()
    assert CustomerProfile.objects.get(pk=demo["carol"].pk).account_status == "locked"


@pytest.mark.django_db
def test_a_refund_the_agents_proposed_and_that_waits_is_completed_by_the_staff_refund_not_doubled(demo, staff_user):
    pending = bob_duplicate_refund_pending(demo["bob"])

    action = action_refund_by_staff(conversation_id=pending.conversation_id, staff_user=staff_user,
                                    invoice_number="NW-2002", note=NOTE)

    assert action.pk == pending.pk
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by, pending.decision_note) == ("completed", staff_user, NOTE)
    assert RefundRequest.objects.get().status == "completed" and AgentAction.objects.count() == 1
    assert _payment("ch_bob_2002_dup").status == "refunded" and _payment("ch_bob_2002").status == "succeeded"
    assert approvals_queue() == []
    assert len(_staff_messages(pending.conversation_id)) == 1
    assert ConversationEvent.objects.get(conversation_id=pending.conversation_id,
                                         kind="refund_issued").data["completed_pending"] is True


@pytest.mark.django_db
def test_completing_the_last_approval_a_conversation_waited_for_gives_it_back_to_the_agents(demo, staff_user):
    pending = bob_duplicate_refund_pending(demo["bob"])
    conversation = pending.conversation
    conversation.status = Conversation.Status.WAITING
    conversation.handoff_reason = Conversation.HandoffReason.POLICY_NEEDS_APPROVAL
    conversation.save(update_fields=["status", "handoff_reason"])
    asked = Message.objects.create(conversation=conversation, role=Message.Role.USER, text="what plan am I on?",
                                   client_id="meanwhile")

    action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user, invoice_number="NW-2002",
                           note=NOTE)

    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.OPEN
    assert AgentRun.objects.get(conversation=conversation, status="pending").message_id == asked.id
    assert ConversationEvent.objects.filter(conversation=conversation, kind="handed_back", actor=staff_user).exists()
    told = Message.objects.get(conversation=conversation, role=Message.Role.STAFF)
    assert told.created_at > asked.created_at


@pytest.mark.django_db
def test_a_conversation_a_person_has_stays_with_them_after_a_staff_refund(demo, staff_user):
    pending = bob_duplicate_refund_pending(demo["bob"])
    conversation = pending.conversation
    conversation.status, conversation.assigned_to = Conversation.Status.WITH_PERSON, staff_user
    conversation.save(update_fields=["status", "assigned_to"])

    action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user, invoice_number="NW-2002",
                           note=NOTE)

    conversation.refresh_from_db()
    assert (conversation.status, conversation.assigned_to) == (Conversation.Status.WITH_PERSON, staff_user)
    assert not AgentRun.objects.filter(conversation=conversation, status="pending").exists()


@pytest.mark.django_db
def test_a_pending_refund_asked_in_another_conversation_is_decided_there_too(demo, staff_user):
    pending = bob_duplicate_refund_pending(demo["bob"])
    here = conversation_start(customer=demo["bob"])

    action_refund_by_staff(conversation_id=here.id, staff_user=staff_user, invoice_number="NW-2002", note=NOTE)

    assert len(_staff_messages(here.id)) == 1 and _staff_messages(pending.conversation_id) == _staff_messages(here.id)
    assert ConversationEvent.objects.filter(conversation=here, kind="refund_issued").exists()
    assert ConversationEvent.objects.filter(conversation_id=pending.conversation_id, kind="action_decided").exists()


@pytest.mark.django_db
def test_a_staff_refund_is_reported_to_webhooks_as_a_decided_action_with_the_message_the_customer_got(
        demo, staff_user):
    WebhookEndpoint.objects.create(url="http://127.0.0.1:9/hooks", events=["message.created", "action.decided"])
    conversation = _conversation(demo["bob"])

    action = action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user,
                                    invoice_number="NW-2002", note=NOTE)

    deliveries = {d.event: d.payload["data"] for d in WebhookDelivery.objects.all()}
    assert set(deliveries) == {"message.created", "action.decided"}
    decided = deliveries["action.decided"]
    assert decided["approved"] is True and decided["action"]["id"] == action.pk
    assert (decided["action"]["decided_by"], decided["action"]["run_id"]) == ("staff", None)
    assert action.refund.reference in deliveries["message.created"]["message"]["text"]


@pytest.mark.postgres
def test_two_staff_refunding_the_same_invoice_at_the_same_moment_refund_it_once(demo_tx):
    users = [get_user_model().objects.get(username="staff"),
             get_user_model().objects.create_user("dana", password="x", is_staff=True)]
    conversation = _conversation(demo_tx["bob"])
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def refund(user) -> None:
        close_old_connections()
        try:
            barrier.wait(timeout=10)
            action_refund_by_staff(conversation_id=conversation.id, staff_user=user, invoice_number="NW-2002",
                                   note=f"by {user.username}")
            outcomes.append("done")
        except Conflict as exc:
            outcomes.append(exc.code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=refund, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["already_refunded", "done"]
    assert RefundRequest.objects.count() == 1 and _payment("ch_bob_2002").status == "succeeded"
    assert len(_staff_messages(conversation.id)) == 1


@pytest.mark.postgres
def test_a_staff_refund_and_an_approval_of_the_same_pending_refund_at_once_carry_it_out_once(demo_tx):
    staff_user = get_user_model().objects.get(username="staff")
    pending = bob_duplicate_refund_pending(demo_tx["bob"])
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run(label, func) -> None:
        close_old_connections()
        try:
            barrier.wait(timeout=10)
            func()
            outcomes.append(label)
        except Conflict as exc:
            outcomes.append(exc.code)
        finally:
            close_old_connections()

    threads = [
        threading.Thread(target=run, args=("refunded", lambda: action_refund_by_staff(
            conversation_id=pending.conversation_id, staff_user=staff_user, invoice_number="NW-2002", note=NOTE))),
        threading.Thread(target=run, args=("approved", lambda: action_decide(
            action_id=pending.pk, approve=True, staff_user=staff_user))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    # Whichever came first carried it out; the other was told, and nothing deadlocked.
    assert sorted(outcomes) in (["already_decided", "refunded"], ["already_refunded", "approved"])
    assert RefundRequest.objects.get().status == "completed" and AgentAction.objects.count() == 1
    assert _payment("ch_bob_2002_dup").status == "refunded" and _payment("ch_bob_2002").status == "succeeded"
    assert len(_staff_messages(pending.conversation_id)) == 1


@pytest.mark.django_db(transaction=True)
async def test_the_customers_open_chat_gets_the_refund_message_once_it_is_committed(demo_tx):
    conversation = await sync_to_async(_conversation)(demo_tx["bob"])
    customer = communicator(f"/ws/chat/?conversation={conversation.id}", await sync_to_async(session_cookie)("bob"))
    assert (await customer.connect())[0]
    assert (await customer.receive_json_from())["type"] == "conversation.state"
    staff_user = await get_user_model().objects.aget(username="staff")

    # In a thread, as the staff console's view runs it.
    action = await sync_to_async(action_refund_by_staff)(
        conversation_id=conversation.id, staff_user=staff_user, invoice_number="NW-2002", note=NOTE)

    frame = await customer.receive_json_from(timeout=10)
    reference = (await RefundRequest.objects.aget(pk=action.refund_id)).reference
    assert frame["type"] == "staff.message" and frame["author"] == "Sam"
    assert "$99.00" in frame["text"] and "NW-2002" in frame["text"] and reference in frame["text"]
    assert await customer.receive_nothing(timeout=0.3)
    await customer.disconnect()


# --- unlocks ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_staff_unlock_opens_carols_account_and_tells_her_in_the_chat(demo, staff_user):
    conversation = _conversation(demo["carol"], "I'm locked out")

    action = action_unlock_by_staff(conversation_id=conversation.id, staff_user=staff_user,
                                    note="Identity confirmed by phone.")

    carol = CustomerProfile.objects.get(pk=demo["carol"].pk)
    assert (carol.account_status, carol.failed_signins, carol.locked_reason) == ("active", 0, "")
    action.refresh_from_db()
    assert (action.kind, action.status, action.decided_by, action.run_id) == ("account_unlock", "completed",
                                                                              staff_user, None)
    assert action.request_key.startswith("staff:unlock:") and action.payload["failed_signins"] == 5
    assert _staff_messages(conversation.id) == [
        "Your account is unlocked. You can sign in again now; consider resetting your password."]
    assert ConversationEvent.objects.get(conversation=conversation, kind="account_unlocked").note == (
        "Identity confirmed by phone.")


@pytest.mark.django_db
def test_a_staff_unlock_completes_the_unlock_the_agents_asked_for_and_empties_the_approvals_queue(demo, staff_user):
    conversation = _conversation(demo["carol"], "I'm locked out")
    action_unlock_record(customer_pk=demo["carol"].pk, run_id=None, conversation_id=str(conversation.id),
                         request_key="run-1:unlock")
    assert len(approvals_queue()) == 1

    action = action_unlock_by_staff(conversation_id=conversation.id, staff_user=staff_user)

    assert action.request_key == "run-1:unlock" and action.status == "completed"
    assert AgentAction.objects.filter(kind="account_unlock").count() == 1
    assert approvals_queue() == []
    assert len(_staff_messages(conversation.id)) == 1


@pytest.mark.django_db
def test_unlocking_an_account_that_is_not_locked_is_a_conflict_and_a_second_click_changes_nothing(demo, staff_user):
    with pytest.raises(Conflict) as exc:
        action_unlock_by_staff(conversation_id=_conversation(demo["alice"]).id, staff_user=staff_user)
    assert exc.value.code == "account_not_locked" and "active, not locked" in exc.value.detail

    conversation = _conversation(demo["carol"])
    action_unlock_by_staff(conversation_id=conversation.id, staff_user=staff_user)
    with pytest.raises(Conflict) as again:
        action_unlock_by_staff(conversation_id=conversation.id, staff_user=staff_user)
    assert again.value.code == "account_not_locked"
    assert AgentAction.objects.count() == 1 and len(_staff_messages(conversation.id)) == 1


@pytest.mark.django_db
def test_completing_the_last_pending_unlock_gives_the_waiting_conversation_back_to_the_agents(demo, staff_user):
    conversation = _conversation(demo["carol"], "I'm locked out")
    action_unlock_record(customer_pk=demo["carol"].pk, run_id=None, conversation_id=str(conversation.id),
                         request_key="run-1:unlock")
    conversation.status = Conversation.Status.WAITING
    conversation.handoff_reason = Conversation.HandoffReason.POLICY_NEEDS_APPROVAL
    conversation.save(update_fields=["status", "handoff_reason"])

    action_unlock_by_staff(conversation_id=conversation.id, staff_user=staff_user)

    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.OPEN


# --- what the console shows -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_panel_lists_each_invoices_charge_to_refund_and_where_its_refund_stands(demo, staff_user):
    bob = _conversation(demo["bob"])
    shown = customer_actions_for_conversation(conversation=bob)
    assert [(c.invoice_number, c.payment_reference, c.is_duplicate, c.can_refund) for c in shown.charges] == [
        ("NW-2002", "ch_bob_2002_dup", True, True), ("NW-2001", "ch_bob_2001", False, True)]
    assert shown.charges[0].amount == Decimal("99.00") and str(shown.charges[0].charged_on) == "2026-11-15"
    assert not shown.locked

    pending = bob_duplicate_refund_pending(demo["bob"])
    waiting = customer_actions_for_conversation(conversation=bob).charges[0]
    assert (waiting.refund_pending, waiting.can_refund, waiting.refund_reference) == (
        True, True, pending.refund.reference)
    action_decide(action_id=pending.pk, approve=True, staff_user=staff_user)
    after = customer_actions_for_conversation(conversation=bob)
    assert (after.charges[0].refunded, after.charges[0].can_refund) == (True, False)
    assert [c.invoice_number for c in after.refundable] == ["NW-2001"]


@pytest.mark.django_db
def test_the_panel_leaves_out_failed_charges_says_whether_the_account_is_locked_and_is_absent_for_visitors(demo):
    alice = customer_actions_for_conversation(conversation=_conversation(demo["alice"]))
    assert [c.invoice_number for c in alice.charges] == ["NW-1002", "NW-1001"]  # NW-1003's charge failed
    carol = customer_actions_for_conversation(conversation=_conversation(demo["carol"]))
    assert carol.locked and carol.charges == [] and not carol.unlock_pending
    assert customer_actions_for_conversation(conversation=_conversation(None)) is None


def test_a_staff_refund_nobody_asked_for_tells_the_customer_it_was_refunded_not_approved(demo, staff_user):
    conversation = _conversation(demo["alice"])

    action = action_refund_by_staff(conversation_id=conversation.id, staff_user=staff_user,
                                    invoice_number="NW-1002", note="Goodwill gesture after the outage.")

    refund = RefundRequest.objects.get(pk=action.refund_id)
    [told] = _staff_messages(conversation.id)
    assert told == (f"Good news: a member of our team refunded $29.00 for invoice NW-1002 "
                    f"(reference {refund.reference}). It reaches your card in 5–10 business days.")


def test_a_staff_refund_that_completes_the_agents_pending_request_is_told_as_its_approval(demo, staff_user):
    pending = bob_duplicate_refund_pending(demo["bob"])

    action_refund_by_staff(conversation_id=pending.conversation_id, staff_user=staff_user,
                           invoice_number="NW-2002", note=NOTE)

    [told] = _staff_messages(pending.conversation_id)
    assert told.startswith("Good news: a member of our team approved your refund of $99.00 for invoice NW-2002")
