"""Frames a database trip commits are sent by the event loop that awaits the trip, once it returns.

The database thread no longer waits for the loop to send each frame (#9): on the path of every
message and every reply. The frames still follow their commit, keep its order, and are sent
whatever the trip did afterwards, even when nobody awaits it any more.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

from supportsite.conversations import events, runner, services
from supportsite.conversations.events import (
    conversation_event_publish,
    conversation_group,
    conversation_staff_group,
    events_sent_after,
)
from supportsite.core.db import db_async
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


class SendRecorder:
    """Stands in for the layer send: what was sent, among the trip's own marks."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.sent = asyncio.Event()

    async def __call__(self, group: str, message: dict[str, Any]) -> None:
        payloads = message["payloads"] if message["type"] == "conversation.events" else [message["payload"]]
        self.log.extend(f"sent {payload['type']}" for payload in payloads)
        self.sent.set()


@pytest.fixture
def recorder(monkeypatch) -> SendRecorder:
    recording = SendRecorder()
    monkeypatch.setattr(events, "_group_send", recording)
    return recording


def _publish_two(log: list[str], *, fail_after_commit: bool = False) -> str:
    with transaction.atomic():
        conversation_event_publish(conversation_id="c-1", payload={"type": "first"})
        conversation_event_publish(conversation_id="c-1", payload={"type": "second"})
    log.append("committed")
    if fail_after_commit:
        raise RuntimeError("the read after the commit failed")
    return "done"


async def test_a_trips_frames_are_sent_from_the_event_loop_after_it_returns_in_commit_order(recorder):
    result = await events_sent_after(db_async(_publish_two), recorder.log)

    assert result == "done"
    # Sent once the trip returned: from the database thread they would come before "committed".
    assert recorder.log == ["committed", "sent first", "sent second"]


async def test_the_frames_of_a_trip_that_fails_after_its_commit_are_still_sent(recorder):
    with pytest.raises(RuntimeError, match="after the commit"):
        await events_sent_after(db_async(_publish_two), recorder.log, fail_after_commit=True)

    assert recorder.log == ["committed", "sent first", "sent second"]


async def test_a_trip_that_commits_after_its_caller_was_cancelled_sends_its_frames_itself(recorder):
    started, go_on = threading.Event(), threading.Event()

    def slow_trip() -> None:
        started.set()
        go_on.wait(10)
        with transaction.atomic():
            conversation_event_publish(conversation_id="c-1", payload={"type": "late"})

    caller = asyncio.ensure_future(events_sent_after(db_async(slow_trip)))
    assert await asyncio.to_thread(started.wait, 10)  # the trip is under way on the database thread
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    go_on.set()

    await asyncio.wait_for(recorder.sent.wait(), timeout=10)
    assert recorder.log == ["sent late"]  # nobody collects it any more: the commit sent it itself


async def test_staff_see_the_customers_message_on_the_staff_group_before_the_run_starts_and_customers_do_not(
        demo_tx, monkeypatch):
    orchestrator = orchestrator_install(monkeypatch, ScriptedOrchestrator())
    conversation = await sync_to_async(services.conversation_start)(customer=demo_tx["alice"])
    layer = get_channel_layer()
    staff, everyone = await layer.new_channel(), await layer.new_channel()
    await layer.group_add(conversation_staff_group(conversation.id), staff)
    await layer.group_add(conversation_group(conversation.id), everyone)
    try:
        client_id = uuid.uuid4().hex
        message, run, created = await runner.message_submit(
            conversation_id=conversation.id, text="Why did my payment fail?", client_id=client_id)
        assert created and run is not None
        assert orchestrator.seen == []  # the frame went out before the run was scheduled

        first = await asyncio.wait_for(layer.receive(staff), timeout=10)
        assert first["payload"]["type"] == "customer.message"
        assert first["payload"]["message_id"] == str(message.id)
        assert first["payload"]["text"] == "Why did my payment fail?"
        await runner.runs_drain()
        # Every socket of the conversation gets the run's frames, but not the customer's own words back.
        received = []
        while True:
            try:
                event = await asyncio.wait_for(layer.receive(everyone), timeout=0.5)
            except TimeoutError:
                break
            received += [event["payload"]] if "payload" in event else event["payloads"]
        kinds = [payload["type"] for payload in received]
        assert "assistant.message" in kinds and "customer.message" not in kinds, kinds
    finally:
        await layer.group_discard(conversation_staff_group(conversation.id), staff)
        await layer.group_discard(conversation_group(conversation.id), everyone)
