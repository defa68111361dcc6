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


def test_the_state_frame_says_why_it_waits_as_the_status_frame_does(demo):
    from supportsite.chat.session import _conversation_state

    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=1, reason="policy_needs_approval")
    state = _conversation_state(user=demo["carol"].user, session_key="", requested_id=str(conversation.id))
    assert (state["status"], state["reason"]) == ("waiting", "policy_needs_approval")


def test_asking_for_a_person_while_only_an_approval_waits_makes_it_a_request_for_a_person(demo):
    from supportsite.conversations.models import ConversationEvent
    from supportsite.conversations.services import conversation_handoff_request

    conversation = handoff_conversation(customer=demo["carol"], minutes_ago=1, reason="policy_needs_approval")
    assert conversation.agents_may_reply
    conversation_handoff_request(conversation_id=conversation.id)
    conversation.refresh_from_db()
    assert (conversation.status, conversation.handoff_reason) == ("waiting", "customer_asked")
    assert not conversation.agents_may_reply
    assert ConversationEvent.objects.filter(conversation=conversation, data__reason="customer_asked").exists()
    # Asked again, nothing changes.
    conversation_handoff_request(conversation_id=conversation.id)
    assert ConversationEvent.objects.filter(conversation=conversation, data__reason="customer_asked").count() == 1
