"""customer_account_lock and action_unlock_from_customer_page: what staff do to an account's lock from the
customer's page, within the rules the conversation's unlock keeps (one unlock of a locked account, the
customer's own request completed rather than left waiting, the lock lifted kept on record)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from supportsite.conversations.actions import action_decide, action_unlock_from_customer_page, action_unlock_record
from supportsite.conversations.models import AgentAction, Conversation, ConversationEvent, Message
from supportsite.core.errors import Conflict, InvalidInput, PermissionDenied
from supportsite.customers.models import CustomerProfile
from supportsite.customers.services import LOCK_REASON_MAX_CHARS, customer_account_lock
from tests.staff.factories import conversation_with_message

pytestmark = pytest.mark.django_db


def _profile(profile: CustomerProfile) -> CustomerProfile:
    return CustomerProfile.objects.get(pk=profile.pk)


def test_a_lock_keeps_its_reason_and_leaves_the_failed_sign_ins_and_the_last_lock_as_they_were(demo):
    alice = demo["alice"]
    CustomerProfile.objects.filter(pk=alice.pk).update(failed_signins=2, last_lock_reason="Old lock.")

    locked = customer_account_lock(customer_pk=alice.pk, reason="  Reported someone else signed in.  ")

    assert (locked.account_status, locked.locked_reason) == ("locked", "Reported someone else signed in.")
    saved = _profile(alice)
    assert (saved.account_status, saved.failed_signins, saved.last_lock_reason) == ("locked", 2, "Old lock.")


@pytest.mark.parametrize("reason, code", [("", "lock_reason_required"), ("   ", "lock_reason_required"),
                                          ("x" * (LOCK_REASON_MAX_CHARS + 1), "lock_reason_too_long")])
def test_a_lock_without_a_reason_or_with_one_too_long_to_keep_is_refused(demo, reason, code):
    with pytest.raises(InvalidInput) as exc:
        customer_account_lock(customer_pk=demo["alice"].pk, reason=reason)
    assert exc.value.code == code and _profile(demo["alice"]).account_status == "active"


@pytest.mark.parametrize("status", ["locked", "suspended"])
def test_only_an_active_account_is_locked(demo, status):
    bob = demo["bob"]
    CustomerProfile.objects.filter(pk=bob.pk).update(account_status=status, locked_reason="")
    with pytest.raises(Conflict) as exc:
        customer_account_lock(customer_pk=bob.pk, reason="Because.")
    assert exc.value.code == "account_not_active"
    assert (_profile(bob).account_status, _profile(bob).locked_reason) == (status, "")


def test_a_staff_unlock_nobody_asked_for_keeps_the_lock_it_lifted_and_tells_no_chat(demo, staff_user):
    carol = demo["carol"]
    conversation, _ = conversation_with_message(customer=carol, text="Hello")

    profile, completed_request = action_unlock_from_customer_page(customer_pk=carol.pk, staff_user=staff_user)

    assert completed_request is False
    assert (profile.account_status, profile.failed_signins, profile.locked_reason) == ("active", 0, "")
    saved = _profile(carol)
    assert (saved.last_lock_reason, saved.unlocked_on_request) == ("Locked after five failed sign-ins.", False)
    assert saved.unlocked_at is not None
    assert not Message.objects.filter(conversation=conversation, role="staff").exists()
    assert not AgentAction.objects.exists()


def test_a_staff_unlock_completes_the_request_waiting_for_approval_so_a_later_rejection_cannot_contradict_it(
        demo, staff_user):
    carol = demo["carol"]
    conversation, _ = conversation_with_message(customer=carol, text="I'm locked out")
    action_unlock_record(customer_pk=carol.pk, run_id=None, conversation_id=str(conversation.id),
                         request_key="run-1:unlock")
    Conversation.objects.filter(pk=conversation.pk).update(
        status=Conversation.Status.WAITING, handoff_reason=Conversation.HandoffReason.POLICY_NEEDS_APPROVAL)

    profile, completed_request = action_unlock_from_customer_page(customer_pk=carol.pk, staff_user=staff_user,
                                                                  note="Identity confirmed by phone.")

    assert completed_request is True and profile.account_status == "active"
    assert _profile(carol).unlocked_on_request is True
    action = AgentAction.objects.get()
    assert (action.status, action.decided_by, action.decision_note) == (
        "completed", staff_user, "Identity confirmed by phone.")
    assert list(Message.objects.filter(conversation=conversation, role="staff").values_list("text", flat=True)) == [
        "Your account is unlocked. You can sign in again now; consider resetting your password."]
    assert ConversationEvent.objects.filter(conversation=conversation, kind="account_unlocked").exists()
    assert Conversation.objects.get(pk=conversation.pk).status == Conversation.Status.OPEN
    with pytest.raises(Conflict):  # nothing left to reject
        action_decide(action_id=action.pk, approve=False, staff_user=staff_user)


@pytest.mark.parametrize("status", ["active", "suspended"])
def test_only_a_locked_account_is_unlocked_and_a_suspended_one_stays_suspended(demo, staff_user, status):
    bob = demo["bob"]
    CustomerProfile.objects.filter(pk=bob.pk).update(account_status=status)
    with pytest.raises(Conflict) as exc:
        action_unlock_from_customer_page(customer_pk=bob.pk, staff_user=staff_user)
    assert exc.value.code == "account_not_locked" and _profile(bob).account_status == status


def test_customers_and_staff_who_left_cannot_unlock(demo):
    former = get_user_model().objects.create_user("former", password="x", is_staff=True, is_active=False)
    for user in (demo["carol"].user, former):
        with pytest.raises(PermissionDenied):
            action_unlock_from_customer_page(customer_pk=demo["carol"].pk, staff_user=user)
    assert _profile(demo["carol"]).account_status == "locked"
