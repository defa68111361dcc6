"""Sending events to every socket of a conversation, on any server process, after commit."""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


def conversation_group(conversation_id: UUID | str) -> str:
    return f"conversation.{conversation_id}"


async def conversation_events_send(*, conversation_id: UUID | str, payloads: list[dict[str, Any]]) -> None:
    """Send frames to the conversation's group now, in order, with one group_send (a run's
    progress and streamed pieces: ephemeral events the database does not keep)."""
    if not payloads:
        return
    message = ({"type": "conversation.event", "payload": payloads[0]} if len(payloads) == 1
               else {"type": "conversation.events", "payloads": payloads})
    try:
        await _group_send(conversation_group(conversation_id), message)
    except Exception:  # a full or unreachable layer must not fail the run; the DB keeps the truth
        logger.warning("Could not send %d frame(s) to conversation %s", len(payloads), conversation_id, exc_info=True)


async def _group_send(group: str, message: dict[str, Any]) -> None:
    # The layer is looked up on the event loop that sends, never in the calling thread: a layer's
    # connections and locks belong to one loop (one per server process; tests run several).
    await get_channel_layer().group_send(group, message)


class _TripFrames:
    """The frames a database trip committed, for the event loop that awaits the trip to send.

    Closed once the awaiting side stops collecting (the trip returned, failed or was cancelled):
    a commit after that sends its frames itself, as any trip without a collector does.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_conversation: dict[str, list[dict[str, Any]]] = {}
        self._open = True

    def add(self, conversation_id: UUID | str, payload: dict[str, Any]) -> bool:
        with self._lock:
            if self._open:
                self._by_conversation.setdefault(str(conversation_id), []).append(payload)
            return self._open

    def close(self) -> dict[str, list[dict[str, Any]]]:
        """The frames collected, by conversation, each conversation's in commit order."""
        with self._lock:
            self._open = False
            return self._by_conversation


# Set by events_sent_after() around a trip; the trip's thread sees it (sync_to_async runs the
# trip in a copy of the awaiting task's context, and the collector is shared by reference).
_trip_frames: contextvars.ContextVar[_TripFrames | None] = contextvars.ContextVar("trip_frames", default=None)


def conversation_event_publish(*, conversation_id: UUID | str, payload: dict[str, Any]) -> None:
    """Send a frame once the current transaction commits (for events about stored changes)."""

    def send() -> None:
        collector = _trip_frames.get()
        if collector is not None and collector.add(conversation_id, payload):
            return  # the event loop awaiting this trip sends it (events_sent_after)
        try:
            async_to_sync(conversation_events_send)(conversation_id=conversation_id, payloads=[payload])
        except Exception:
            logger.warning("Could not publish %s to %s", payload.get("type"), conversation_id, exc_info=True)

    transaction.on_commit(send)


async def events_sent_after(trip: Callable[P, Awaitable[R]], *args: P.args, **kwargs: P.kwargs) -> R:
    """Await a database trip, then send the frames it committed from this event loop, in order.

    Without this, each frame is sent from the database thread, which waits for the event loop to
    run the send before it goes on: on the path of every message (the customer's words for staff,
    the reply), and under load the loop is busy (#9). The frames still follow their commit: they
    are sent once the trip has returned, before the caller goes on, and whatever the trip raised;
    a conversation's frames go as one group message, as a run's progress does.
    """
    collector = _TripFrames()
    token = _trip_frames.set(collector)
    try:
        return await trip(*args, **kwargs)
    finally:
        _trip_frames.reset(token)
        for conversation_id, payloads in collector.close().items():
            await conversation_events_send(conversation_id=conversation_id, payloads=payloads)
