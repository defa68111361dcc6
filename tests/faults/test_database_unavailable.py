"""The database gone for a moment while a message arrives: a clear error, a resend works, nothing half-written."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from supportsite.conversations.models import AgentRun, Message
from supportsite.conversations.runner import runs_drain
from tests.support.ws import chat_connect, frames_until

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


class Outage:
    """Stands in for a database operation while the server is unreachable."""

    def __init__(self) -> None:
        self.failures = 0

    def fail(self, *args, **kwargs):
        self.failures += 1
        raise OperationalError("server closed the connection unexpectedly")


async def _send_and_expect_unavailable(communicator, client_id: str) -> None:
    await communicator.send_json_to({"type": "user.message", "text": "How do I reset my password?",
                                     "client_id": client_id})
    error = await communicator.receive_json_from(timeout=10)
    assert error["type"] == "error" and error["code"] == "unavailable" and error["client_id"] == client_id
    assert "send it again" in error["detail"]


async def _resend_gets_one_message_and_one_reply(communicator, conversation_id: str, client_id: str) -> None:
    await communicator.send_json_to({"type": "user.message", "text": "How do I reset my password?",
                                     "client_id": client_id})
    frames = await frames_until(communicator, "assistant.message")
    assert frames[0]["type"] == "message.ack" and frames[0]["client_id"] == client_id
    await runs_drain()
    assert await Message.objects.filter(conversation_id=conversation_id, role="user").acount() == 1
    assert await Message.objects.filter(conversation_id=conversation_id, role="assistant").acount() == 1
    assert await AgentRun.objects.filter(conversation_id=conversation_id).acount() == 1


async def test_a_message_arriving_while_the_database_is_unreachable_gets_a_clear_error_and_can_be_resent(
    demo_tx, monkeypatch
):
    communicator, state = await chat_connect()
    outage = Outage()
    # Every query fails, as it does while the database server restarts.
    monkeypatch.setattr(CursorWrapper, "execute", outage.fail)
    await _send_and_expect_unavailable(communicator, "down-1")
    assert outage.failures >= 1
    monkeypatch.undo()  # the database is back
    assert not await Message.objects.filter(conversation_id=state["conversation_id"]).aexists()
    await _resend_gets_one_message_and_one_reply(communicator, state["conversation_id"], "down-1")
    await communicator.disconnect()


async def test_a_database_failure_halfway_through_storing_a_message_leaves_nothing_behind(demo_tx, monkeypatch):
    communicator, state = await chat_connect()
    outage = Outage()
    # The message row is written, then creating its run fails: the transaction must take both back.
    original_create = AgentRun.objects.create

    def create_run(*args, **kwargs):
        outage.fail()
        return original_create(*args, **kwargs)

    monkeypatch.setattr(AgentRun.objects, "create", create_run)
    await _send_and_expect_unavailable(communicator, "half-1")
    assert outage.failures == 1
    assert not await Message.objects.filter(conversation_id=state["conversation_id"]).aexists()
    assert not await AgentRun.objects.filter(conversation_id=state["conversation_id"]).aexists()
    monkeypatch.undo()

    await _resend_gets_one_message_and_one_reply(communicator, state["conversation_id"], "half-1")
    # The socket still works for the next message too.
    await communicator.send_json_to({"type": "user.message", "text": "What are your support hours?",
                                     "client_id": "half-2"})
    assert (await frames_until(communicator, "assistant.message"))[-1]["type"] == "assistant.message"
    await communicator.disconnect()
