"""The chat's message limit as a customer meets it over the websocket: refused with a clear error and
nothing stored, a resend of a stored message still acknowledged, a resend never counted twice."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from supportsite.conversations.models import Message
from supportsite.conversations.runner import runs_drain
from tests.support.ws import ask, chat_connect, frames_until

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_messages_a_minute(settings):
    settings.SUPPORT = {**settings.SUPPORT, "RATE_LIMIT_MESSAGES": 2, "RATE_LIMIT_IP_MESSAGES": 100,
                        "RATE_LIMIT_WINDOW_S": 60}
    cache.clear()
    yield
    cache.clear()


async def test_a_message_over_the_limit_is_refused_with_when_to_retry_and_is_not_stored(
        demo_tx, scripted, two_messages_a_minute):
    communicator, _ = await chat_connect("alice")
    await ask(communicator, "first", "rl-1")
    await ask(communicator, "second", "rl-2")

    await communicator.send_json_to({"type": "user.message", "text": "third", "client_id": "rl-3"})
    error = (await frames_until(communicator, "error"))[-1]
    assert error["code"] == "rate_limited" and error["client_id"] == "rl-3"
    assert error["retry_after"] >= 1 and "try again" in error["detail"]
    assert not await Message.objects.filter(client_id="rl-3").aexists()

    # At the limit, a resend of a stored message (its first ack was lost) is acknowledged again.
    await communicator.send_json_to({"type": "user.message", "text": "first", "client_id": "rl-1"})
    ack = (await frames_until(communicator, "message.ack"))[-1]
    first_stored = await Message.objects.aget(client_id="rl-1")
    assert ack == {"type": "message.ack", "client_id": "rl-1", "message_id": str(first_stored.id)}
    assert await Message.objects.filter(client_id="rl-1").acount() == 1
    await runs_drain()
    await communicator.disconnect()


async def test_a_resend_does_not_count_against_the_limit(demo_tx, scripted, two_messages_a_minute):
    communicator, _ = await chat_connect("alice")
    await ask(communicator, "first", "rs-1")
    await communicator.send_json_to({"type": "user.message", "text": "first", "client_id": "rs-1"})
    assert (await frames_until(communicator, "message.ack"))[-1]["client_id"] == "rs-1"
    # Two stored messages fit the limit of two, however often the first was sent.
    await ask(communicator, "second", "rs-2")
    assert await Message.objects.filter(role=Message.Role.USER, client_id__in=["rs-1", "rs-2"]).acount() == 2
    await runs_drain()
    await communicator.disconnect()
