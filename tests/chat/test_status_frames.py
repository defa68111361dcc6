"""conversation.status frames: the handoff reason is news only while a person has the conversation
or it waits for one; back with the agents or closed, the frame carries none (the row keeps it)."""

from __future__ import annotations

import pytest

from supportsite.conversations.models import Conversation
from supportsite.conversations.serializers import conversation_status_frame
from tests.staff.factories import handoff_conversation

pytestmark = pytest.mark.django_db


def test_a_waiting_conversations_frame_says_why_it_waits(demo):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=1, reason="customer_asked")
    assert conversation_status_frame(conversation) == {
        "type": "conversation.status", "status": "waiting", "reason": "customer_asked"}


@pytest.mark.parametrize("status", [Conversation.Status.OPEN, Conversation.Status.CLOSED])
def test_a_conversation_back_with_the_agents_or_closed_carries_no_stale_reason(demo, status):
    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=1, reason="customer_asked")
    conversation.status = status
    conversation.save(update_fields=["status"])
    frame = conversation_status_frame(conversation)
    assert (frame["status"], frame["reason"]) == (status, "")
    conversation.refresh_from_db()
    assert conversation.handoff_reason == "customer_asked"  # the dashboard still counts it
