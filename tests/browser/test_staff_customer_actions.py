"""A staff member refunds a charge from a conversation's page in a real browser; the customer's open
chat shows the message at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from supportsite.customers.models import Payment, RefundRequest
from tests.browser.conftest import sign_in, staff_sign_in
from tests.conftest import screenshot_dir
from tests.staff.factories import conversation_with_message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = screenshot_dir()




@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1280, 900), ("phone", 390, 844)])
def test_staff_refund_bobs_duplicate_charge_from_the_conversation_page_and_bob_sees_the_message(
        demo_tx, page_for, name, width, height):
    conversation, _ = conversation_with_message(customer=demo_tx["bob"], text="I was charged twice for NW-2002")
    bob = page_for(1280, 800)
    sign_in(bob, "bob")
    expect(bob.locator(".msg-user .msg-body")).to_have_text(["I was charged twice for NW-2002"])

    staff = page_for(width, height)
    staff_sign_in(staff)
    staff.goto(f"/admin/conversations/conversation/{conversation.pk}/change/")
    panel = staff.locator("#customer-actions")
    expect(panel.locator("#customer-charges tr[data-invoice='NW-2002']")).to_contain_text("duplicate")
    assert staff.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    panel.get_by_label("Refund a charge").select_option("NW-2002")
    panel.get_by_label("Note").fill("Charged twice on the same day.")
    panel.get_by_role("button", name="Refund charge").click()

    reference = RefundRequest.objects.get().reference
    expect(staff.locator(".messagelist .success")).to_have_text(
        f"Refunded $99.00 on invoice NW-2002 (reference {reference}); the customer was told in the chat.")
    expect(staff.locator("#conversation-transcript > li.staff").last).to_contain_text(
        f"refunded $99.00 for invoice NW-2002 (reference {reference})")
    expect(panel.locator("#customer-charges tr[data-invoice='NW-2002']")).to_contain_text(f"refunded {reference}")
    expect(panel.locator("#refund-invoice option")).to_have_text(["NW-2001 — $99.00 (past the refund window)"])
    assert Payment.objects.get(reference="ch_bob_2002_dup").status == "refunded"
    staff.screenshot(path=str(SCREENSHOTS / f"customer-actions-{name}.png"), full_page=True)

    expect(bob.locator(".msg-staff").last).to_contain_text(f"refunded $99.00 for invoice NW-2002 "
                                                           f"(reference {reference})")


def test_a_reply_being_written_in_the_live_view_survives_unlocking_the_account_and_goes_once_sent(demo_tx, page_for):
    conversation, _ = conversation_with_message(customer=demo_tx["carol"], text="I'm locked out")
    staff = page_for(1280, 900)
    staff_sign_in(staff)
    staff.goto(f"/admin/conversations/conversation/{conversation.pk}/live/")
    staff.locator("#reply-text").fill("Hi Carol, I've unlocked")
    staff.get_by_role("button", name="Unlock account").click()  # the page reloads with the outcome
    expect(staff.locator(".messagelist .success")).to_be_visible()
    expect(staff.locator("#reply-text")).to_have_value("Hi Carol, I've unlocked")
    staff.locator("#reply-text").press("Control+Enter")
    expect(staff.locator("#reply-status")).to_contain_text("Sent")
    staff.reload()
    expect(staff.locator("#reply-text")).to_have_value("")
