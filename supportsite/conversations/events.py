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
    """Every socket of the conversation: the customer's, staff watching it, API and A2A listeners."""
    return f"conversation.{conversation_id}"


def conversation_staff_group(conversation_id: UUID | str) -> str:
    """Staff watching the conversation, for frames only they use (the customer's words as they arrive):
    the customer's own sockets are not sent what they would drop (#9: a layer delivery per message)."""
    return f"conversation.{conversation_id}.staff"


async def conversation_events_send(*, conversation_id: UUID | str, payloads: list[dict[str, Any]]) -> None:
    """Send frames to the conversation's group now, in order, with one group_send (a run's
    progress and streamed pieces: ephemeral events the database does not keep)."""
    await _group_events_send(conversation_group(conversation_id), payloads)


async def _group_events_send(group: str, payloads: list[dict[str, Any]]) -> None:
    if not payloads:
        return
    message = ({"type": "conversation.event", "payload": payloads[0]} if len(payloads) == 1
               else {"type": "conversation.events", "payloads": payloads})
    try:
        await _group_send(group, message)
    except Exception:  # a full or unreachable layer must not fail the run; the DB keeps the truth
        logger.warning("Could not send %d frame(s) to %s", len(payloads), group, exc_info=True)


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
        self._by_group: dict[str, list[dict[str, Any]]] = {}
        self._open = True

    def add(self, group: str, payload: dict[str, Any]) -> bool:
        with self._lock:
            if self._open:
                self._by_group.setdefault(group, []).append(payload)
            return self._open

    def close(self) -> dict[str, list[dict[str, Any]]]:
        """The frames collected, by group, each group's in commit order."""
        with self._lock:
            self._open = False
            return self._by_group


# Set by events_sent_after() around a trip; the trip's thread sees it (sync_to_async runs the
# trip in a copy of the awaiting task's context, and the collector is shared by reference).
_trip_frames: contextvars.ContextVar[_TripFrames | None] = contextvars.ContextVar("trip_frames", default=None)


def conversation_event_publish(*, conversation_id: UUID | str, payload: dict[str, Any], staff_only: bool = False,
                               ) -> None:
    """Send a frame once the current transaction commits (for events about stored changes), to every
    socket of the conversation, or with `staff_only` to staff watching it."""
    group = conversation_staff_group(conversation_id) if staff_only else conversation_group(conversation_id)

    def send() -> None:
        collector = _trip_frames.get()
        if collector is not None and collector.add(group, payload):
            return  # the event loop awaiting this trip sends it (events_sent_after)
        try:
            async_to_sync(_group_events_send)(group, [payload])
        except Exception:
            logger.warning("Could not publish %s to %s", payload.get("type"), group, exc_info=True)

    transaction.on_commit(send)


async def events_sent_after(trip: Callable[P, Awaitable[R]], *args: P.args, **kwargs: P.kwargs) -> R:
    """Await a database trip, then send the frames it committed from this event loop, in order.

    Without this, each frame is sent from the database thread, which waits for the event loop to
    run the send before it goes on: on the path of every message (the customer's words for staff,
    the reply), and under load the loop is busy (#9). The frames still follow their commit: they
    are sent once the trip has returned, before the caller goes on, and whatever the trip raised;
    a group's frames go as one group message, as a run's progress does.
    """
    collector = _TripFrames()
    token = _trip_frames.set(collector)
    try:
        return await trip(*args, **kwargs)
    finally:
        _trip_frames.reset(token)
        for group, payloads in collector.close().items():
            await _group_events_send(group, payloads)
