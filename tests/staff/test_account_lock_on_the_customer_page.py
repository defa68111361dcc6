"""A customer's account is locked and unlocked on their page in the staff console only through the
services, with the permission to change customers: the change form no longer saves the status by hand
(which kept no record of the lock it lifted), and the unlock keeps that record and says what it did."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from supportsite.conversations.actions import action_unlock_record
from supportsite.conversations.models import AgentAction, Message
from supportsite.customers.models import CustomerProfile, Payment
from tests.staff.factories import conversation_with_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(demo) -> Client:
    """Signed in as the demo's member of staff, with the demo password, as staff sign in to the console."""
    client = Client()
    assert client.login(username="staff", password=settings.DEMO_PASSWORD)
    return client


def _change_url(profile: CustomerProfile) -> str:
    return reverse("admin:customers_customerprofile_change", args=[profile.pk])


def _unlock_url(profile: CustomerProfile) -> str:
    return reverse("admin:customers_customerprofile_unlock", args=[profile.pk])


def _lock_url(profile: CustomerProfile) -> str:
    return reverse("admin:customers_customerprofile_lock", args=[profile.pk])


def _profile(profile: CustomerProfile) -> CustomerProfile:
    return CustomerProfile.objects.get(pk=profile.pk)


def _messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in response.context["messages"]]


def _form_data(page) -> dict[str, Any]:
    """What the change page's form posts as it stands: every field of the form and of its inlines."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue  # an unticked box is not posted at all
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def _viewer(*codenames: str) -> Client:
    """A member of staff with only the given permissions on customer profiles."""
    user = get_user_model().objects.create_user("viewer", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def test_a_crafted_post_of_the_change_form_saves_the_other_fields_but_not_the_account_status(staff, demo):
    carol = demo["carol"]
    page = staff.get(_change_url(carol))
    data = _form_data(page) | {"account_status": "active", "locked_reason": "", "failed_signins": "0",
                               "last_lock_reason": "", "two_factor_enabled": "on"}

    response = staff.post(_change_url(carol), data)

    assert response.status_code == 302, response.content.decode()[:2000]  # saved, not refused as invalid
    saved = _profile(carol)
    assert saved.two_factor_enabled  # the form's own fields are saved...
    assert (saved.account_status, saved.locked_reason, saved.failed_signins) == (
        "locked", "Locked after five failed sign-ins.", 5)  # ...the lock is not
    assert (saved.last_lock_reason, saved.unlocked_at) == ("", None)


def test_the_change_form_shows_the_lock_without_an_input_for_it(staff, demo):
    html = staff.get(_change_url(demo["carol"])).content.decode()
    for field in ("account_status", "locked_reason", "failed_signins", "last_lock_reason", "unlocked_at"):
        assert f'name="{field}"' not in html
    assert 'id="unlock-form"' in html and 'id="lock-form"' not in html
    assert "Locked after five failed sign-ins." in html

    alice = staff.get(_change_url(demo["alice"])).content.decode()
    assert 'id="lock-form"' in alice and 'id="unlock-form"' not in alice


def test_unlocking_carol_on_her_page_keeps_the_lock_it_lifted_and_says_so(staff, demo):
    carol = demo["carol"]

    response = staff.post(_unlock_url(carol), {"note": "Identity confirmed by phone."})

    assert response.status_code == 302 and response["Location"] == _change_url(carol)
    page = staff.get(response["Location"])
    assert _messages(page) == [("success", "Carol Diaz's account is unlocked.")]
    saved = _profile(carol)
    assert (saved.account_status, saved.locked_reason, saved.failed_signins) == ("active", "", 0)
    assert saved.last_lock_reason == "Locked after five failed sign-ins."
    assert saved.unlocked_at is not None and saved.unlocked_on_request is False
    html = page.content.decode()
    assert 'id="last-unlock"' in html and "by staff, unasked" in html and 'id="lock-form"' in html
    # Who did it and why is in the profile's history.
    entry = LogEntry.objects.get(object_id=str(carol.pk), content_type__model="customerprofile")
    assert entry.user.username == "staff"
    assert entry.get_change_message() == "Unlocked the account: Identity confirmed by phone."


def test_unlocking_carol_approves_the_unlock_she_asked_for_in_the_chat_and_tells_her_there(staff, demo):
    carol = demo["carol"]
    conversation, _ = conversation_with_message(customer=carol, text="I'm locked out, please unlock me")
    action_unlock_record(customer_pk=carol.pk, run_id=None, conversation_id=str(conversation.id),
                         request_key="run-1:unlock")
    assert "The customer asked for this in the chat" in staff.get(_change_url(carol)).content.decode()

    page = staff.post(_unlock_url(carol), {"note": "Identity confirmed by phone."}, follow=True)

    assert _messages(page) == [("success", "Carol Diaz's account is unlocked; the unlock they asked for in the "
                                           "chat is approved, and they were told there.")]
    action = AgentAction.objects.get()
    assert (action.status, action.decided_by.username, action.decision_note) == (
        "completed", "staff", "Identity confirmed by phone.")
    assert Message.objects.filter(conversation=conversation, role="staff").count() == 1
    saved = _profile(carol)
    assert (saved.account_status, saved.unlocked_on_request) == ("active", True)
    assert saved.last_lock_reason == "Locked after five failed sign-ins."


def test_locking_alice_needs_a_reason_and_the_unlock_later_keeps_it(staff, demo):
    alice = demo["alice"]

    refused = staff.post(_lock_url(alice), {"reason": "  "}, follow=True)
    assert _messages(refused) == [("error", "Say why the account is locked: the customer is told it, and it is "
                                            "kept after the unlock.")]
    assert _profile(alice).account_status == "active"

    page = staff.post(_lock_url(alice), {"reason": "Reported someone else signed in."}, follow=True)
    assert _messages(page) == [("success", "Alice Martin's account is locked: Reported someone else signed in.")]
    assert (_profile(alice).account_status, _profile(alice).locked_reason) == (
        "locked", "Reported someone else signed in.")
    assert 'id="unlock-form"' in page.content.decode()

    staff.post(_unlock_url(alice), {})
    assert _profile(alice).last_lock_reason == "Reported someone else signed in."


def test_locking_a_locked_account_or_unlocking_an_open_one_is_an_error_message_that_changes_nothing(staff, demo):
    again = staff.post(_lock_url(demo["carol"]), {"reason": "Again."}, follow=True)
    assert _messages(again) == [("error", "Carol Diaz's account is locked, not active: there is nothing to lock.")]
    assert _profile(demo["carol"]).locked_reason == "Locked after five failed sign-ins."

    open_ = staff.post(_unlock_url(demo["alice"]), {}, follow=True)
    assert _messages(open_) == [("error", "Alice Martin's account is active, not locked: there is nothing to "
                                          "unlock.")]
    assert _profile(demo["alice"]).unlocked_at is None
    assert not LogEntry.objects.exists()


def test_staff_who_may_only_view_customers_see_the_lock_but_can_neither_lock_nor_unlock(demo):
    viewer = _viewer("view_customerprofile")
    page = viewer.get(_change_url(demo["carol"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "You can see this account but not lock or unlock it." in html and 'id="unlock-form"' not in html

    assert viewer.post(_unlock_url(demo["carol"]), {}).status_code == 403
    assert viewer.post(_lock_url(demo["alice"]), {"reason": "Because."}).status_code == 403
    assert _profile(demo["carol"]).account_status == "locked" and _profile(demo["alice"]).account_status == "active"


def test_staff_with_the_change_permission_unlock(demo):
    editor = _viewer("view_customerprofile", "change_customerprofile")
    response = editor.post(_unlock_url(demo["carol"]), {})
    assert response.status_code == 302 and _profile(demo["carol"]).account_status == "active"


def test_customers_are_sent_to_the_staff_sign_in_and_unlock_nothing(demo):
    carol = Client()
    carol.force_login(demo["carol"].user)
    response = carol.post(_unlock_url(demo["carol"]), {})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert _profile(demo["carol"]).account_status == "locked"


def test_lock_and_unlock_are_posts_only(staff, demo):
    assert staff.get(_unlock_url(demo["carol"])).status_code == 405
    assert staff.get(_lock_url(demo["alice"])).status_code == 405
    assert _profile(demo["carol"]).account_status == "locked"


def test_a_charge_cannot_be_marked_refunded_or_duplicate_by_hand(staff, demo):
    payment = Payment.objects.get(reference="ch_bob_2001")
    url = reverse("admin:customers_payment_change", args=[payment.pk])

    response = staff.post(url, {"invoice": payment.invoice_id, "reference": payment.reference, "amount": "99.00",
                                "status": "refunded", "charged_at_0": "2026-10-15", "charged_at_1": "09:00:00",
                                "duplicate_of": Payment.objects.get(reference="ch_bob_2002").pk})

    payment.refresh_from_db()
    assert (payment.status, payment.duplicate_of_id) == ("succeeded", None)
    assert response.status_code == 403
    page = staff.get(url)
    assert page.status_code == 200 and 'name="status"' not in page.content.decode()
