"""The "Customer actions" panel of a conversation's page: refund a charge, unlock an account, each a
POST to the staff console that ends in an admin message, never a server error."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from supportsite.conversations.models import Conversation, Message
from supportsite.customers.models import CustomerProfile, Payment, RefundRequest
from tests.staff.factories import conversation_with_message

pytestmark = pytest.mark.django_db


def _conversation(customer: CustomerProfile | None) -> Conversation:
    return conversation_with_message(customer=customer, text="Hello?", session_key="" if customer else "anon")[0]


def _refund_url(conversation: Conversation) -> str:
    return reverse("admin:conversations_conversation_refund", args=[conversation.pk])


def _change_url(conversation: Conversation) -> str:
    return reverse("admin:conversations_conversation_change", args=[conversation.pk])


def _messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in response.context["messages"]]


def test_a_staff_refund_from_the_conversation_page_is_carried_out_and_reported_back(staff_client, demo):
    conversation = _conversation(demo["bob"])

    response = staff_client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Charged twice."})

    assert response.status_code == 302 and response["Location"] == _change_url(conversation)
    refund = RefundRequest.objects.get()
    assert (refund.status, refund.payment.reference) == ("completed", "ch_bob_2002_dup")
    page = staff_client.get(response["Location"])
    assert _messages(page) == [("success", f"Refunded $99.00 on invoice NW-2002 (reference {refund.reference}); "
                                           "the customer was told in the chat.")]
    html = page.content.decode()
    assert "refunded $99.00 for invoice NW-2002" in html  # in the transcript
    assert "Refund issued by staff" in html


def test_an_invoice_that_is_not_the_customers_is_an_error_message_and_refunds_nothing(staff_client, demo):
    conversation = _conversation(demo["alice"])

    page = staff_client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Charged twice."},
                             follow=True)

    assert page.status_code == 200
    assert _messages(page) == [("error", "No invoice NW-2002 on this customer's account.")]
    assert not RefundRequest.objects.exists() and Payment.objects.get(reference="ch_bob_2002_dup").status == "succeeded"


def test_a_refund_without_a_note_is_an_error_message(staff_client, demo):
    page = staff_client.post(_refund_url(_conversation(demo["bob"])), {"invoice_number": "NW-2002", "note": " "},
                             follow=True)
    assert _messages(page)[0][0] == "error" and "note" in _messages(page)[0][1]
    assert not RefundRequest.objects.exists()


def test_a_second_click_is_told_the_refund_already_made(staff_client, demo):
    conversation = _conversation(demo["bob"])
    staff_client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Charged twice."})
    page = staff_client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Charged twice."},
                             follow=True)
    reference = RefundRequest.objects.get().reference
    # The first click's success message is still to be shown (it was never followed); then the refusal.
    assert _messages(page)[-1] == ("error", f"Invoice NW-2002 already has a refund: {reference} ($99.00, completed).")
    assert Payment.objects.get(reference="ch_bob_2002").status == "succeeded"


def test_customers_are_sent_to_the_staff_sign_in_and_refund_nothing(demo):
    conversation = _conversation(demo["bob"])
    bob = Client()
    bob.force_login(demo["bob"].user)
    for url, data in ((_refund_url(conversation), {"invoice_number": "NW-2002", "note": "please"}),
                      (reverse("admin:conversations_conversation_unlock", args=[_conversation(demo["carol"]).pk]),
                       {})):
        response = bob.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not RefundRequest.objects.exists()
    assert CustomerProfile.objects.get(pk=demo["carol"].pk).account_status == "locked"


def test_staff_without_the_change_permission_are_refused(demo):
    viewer = get_user_model().objects.create_user("viewer", password="x", is_staff=True)
    client = Client()
    client.force_login(viewer)
    response = client.post(_refund_url(_conversation(demo["bob"])), {"invoice_number": "NW-2002", "note": "x"})
    assert response.status_code == 403 and not RefundRequest.objects.exists()


def test_refund_and_unlock_are_posts_only(staff_client, demo):
    conversation = _conversation(demo["carol"])
    assert staff_client.get(_refund_url(conversation)).status_code == 405
    assert staff_client.get(reverse("admin:conversations_conversation_unlock", args=[conversation.pk])).status_code == 405


def test_unlock_from_the_live_view_goes_back_to_it_with_a_success_message(staff_client, demo):
    conversation = _conversation(demo["carol"])
    live = reverse("admin:conversations_conversation_live", args=[conversation.pk])
    assert 'id="unlock-form"' in staff_client.get(live).content.decode()

    response = staff_client.post(reverse("admin:conversations_conversation_unlock", args=[conversation.pk]),
                                 {"note": "Identity confirmed by phone.", "next": live})

    assert response["Location"] == live
    assert _messages(staff_client.get(live)) == [("success", "Account unlocked; the customer was told in the chat.")]
    assert CustomerProfile.objects.get(pk=demo["carol"].pk).account_status == "active"
    assert Message.objects.filter(conversation=conversation, role="staff").count() == 1


def test_the_panel_offers_the_refundable_charges_and_the_unlock_only_where_they_apply(staff_client, demo):
    bob = staff_client.get(_change_url(_conversation(demo["bob"])))
    shown = bob.context["customer_actions"]
    assert [c.invoice_number for c in shown.refundable] == ["NW-2002", "NW-2001"]
    html = bob.content.decode()
    assert 'id="customer-actions"' in html and 'id="refund-form"' in html and 'id="unlock-form"' not in html
    assert '<option value="NW-2002">NW-2002 — $99.00 duplicate</option>' in html
    # Charged on Oct 15, 2026, long past the 14 days the agents refund within; a duplicate never is.
    assert [c.outside_window for c in shown.refundable] == [False, True]
    assert '<option value="NW-2001">NW-2001 — $99.00 (past the refund window)</option>' in html
    assert 'name="csrfmiddlewaretoken"' in html

    carol = staff_client.get(_change_url(_conversation(demo["carol"]))).content.decode()
    assert 'id="unlock-form"' in carol and 'id="refund-form"' not in carol  # locked, and no charges
    assert "Locked after five failed sign-ins." in carol

    anonymous = staff_client.get(_change_url(_conversation(None)))
    assert anonymous.status_code == 200 and 'id="customer-actions"' not in anonymous.content.decode()


def test_the_refund_form_posts_with_the_csrf_token_the_page_gives(demo, staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    conversation = _conversation(demo["bob"])
    refused = client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Charged twice."})
    assert refused.status_code == 403 and not RefundRequest.objects.exists()
    page = client.get(_change_url(conversation))
    token = page.context["csrf_token"]
    done = client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Charged twice.",
                                                   "csrfmiddlewaretoken": str(token)})
    assert done.status_code == 302 and RefundRequest.objects.get().status == "completed"


def test_a_refund_the_agents_proposed_is_offered_as_approving_it_and_the_refund_completes_it(staff_client, demo):
    from tests.staff.factories import bob_duplicate_refund_pending

    pending = bob_duplicate_refund_pending(demo["bob"])
    conversation = pending.conversation
    html = staff_client.get(_change_url(conversation)).content.decode()
    assert '<option value="NW-2002">NW-2002 — $99.00 duplicate (pending)</option>' in html
    assert f"({pending.refund.reference}) is approved, not made twice" in html

    staff_client.post(_refund_url(conversation), {"invoice_number": "NW-2002", "note": "Duplicate confirmed."})

    pending.refresh_from_db()
    assert pending.status == "completed" and RefundRequest.objects.get().pk == pending.refund_id
