"""After a person refunded a charge (from the console, or by approving the agents' request), the agents
tell the customer it was refunded, with its reference, whatever the charge's window or duplicate says."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

from supportsite.conversations.actions import action_decide, action_refund_by_staff
from supportsite.conversations.models import AgentAction
from supportsite.customers.models import RefundRequest
from tests.bridge.conftest import say, start_conversation

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

REFUSALS = ("couldn't find a charge", "outside our", "can't refund it")


async def _staff_refunds(profile, invoice_number: str, note: str) -> RefundRequest:
    staff = await get_user_model().objects.aget(username="staff")
    conversation = await start_conversation(profile)
    action = await sync_to_async(action_refund_by_staff)(
        conversation_id=conversation.id, staff_user=staff, invoice_number=invoice_number, note=note)
    return await RefundRequest.objects.select_related("invoice").aget(pk=action.refund_id)


@pytest.mark.parametrize("question", ["i was charged twice, can i get my money back?", "was i charged twice?"])
async def test_bobs_refunded_duplicate_charge_is_told_as_refunded_with_its_reference(demo_tx, question):
    bob = demo_tx["bob"]
    refund = await _staff_refunds(bob, "NW-2002", "duplicate charge")
    reply = await say(await start_conversation(bob), question, "d-1")
    assert refund.reference in reply.text and "$99.00" in reply.text and "refunded" in reply.text
    assert not any(refusal in reply.text for refusal in REFUSALS)
    assert await RefundRequest.objects.filter(customer=bob).acount() == 1


@pytest.mark.parametrize(("customer", "invoice_number", "question"), [
    ("alice", "NW-1002", "was NW-1002 refunded?"),
    ("alice", "NW-1002", "can i get a refund for NW-1002"),
    ("alice", "NW-1002", "what about my october invoice, was that refunded too?"),
    ("bob", "NW-2001", "was NW-2001 refunded?"),
])
async def test_a_charge_outside_the_window_that_staff_refunded_is_told_as_refunded(
        demo_tx, customer, invoice_number, question):
    profile = demo_tx[customer]
    refund = await _staff_refunds(profile, invoice_number, "goodwill gesture")
    reply = await say(await start_conversation(profile), question, "w-1")
    assert refund.reference in reply.text and invoice_number in reply.text
    assert not any(refusal in reply.text for refusal in REFUSALS)


async def test_the_total_refunded_counts_a_refund_staff_issued(demo_tx):
    alice = demo_tx["alice"]
    refund = await _staff_refunds(alice, "NW-1002", "goodwill gesture")
    reply = await say(await start_conversation(alice), "how much have you refunded me in total?", "t-1")
    assert "$29.00" in reply.text and refund.reference in reply.text
    assert not any(refusal in reply.text for refusal in REFUSALS)


async def test_a_refund_alice_never_asked_for_is_explained_with_a_person_offered(demo_tx):
    alice = demo_tx["alice"]
    refund = await _staff_refunds(alice, "NW-1002", "goodwill gesture")
    reply = await say(await start_conversation(alice), "i didnt ask for a refund, what is this for?", "u-1")
    assert refund.reference in reply.text and "NW-1002" in reply.text and "$29.00" in reply.text
    assert "person" in reply.text and "window" not in reply.text


async def test_after_staff_approve_bobs_requested_refund_a_new_chat_reports_it_paid_back(demo_tx):
    bob = demo_tx["bob"]
    asked = await say(await start_conversation(bob), "I was charged twice this month, can I get a refund?", "r-1")
    action = await AgentAction.objects.select_related("refund").aget(customer=bob, kind="refund")
    staff = await get_user_model().objects.aget(username="staff")
    await sync_to_async(action_decide)(action_id=action.pk, approve=True, staff_user=staff)
    assert action.refund.reference in asked.text

    for n, question in enumerate(("was i charged twice?", "i was charged twice, can i get my money back?")):
        reply = await say(await start_conversation(bob), question, f"r-{n + 2}")
        assert action.refund.reference in reply.text and "$99.00 has been paid back" in reply.text
        assert not any(refusal in reply.text for refusal in REFUSALS)
    assert await RefundRequest.objects.filter(customer=bob).acount() == 1
