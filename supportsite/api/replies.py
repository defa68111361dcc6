"""Waiting for a run's reply from async code: the REST API and the A2A executor share this.

The caller subscribes to the conversation's channel-layer group *before* submitting the
message, so no frame can be missed; the database stays the truth (a frame can be dropped by a
full layer, or the run can finish in another process), so it is checked at the start, when the
reply frame arrives, and every second while waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any
from uuid import UUID

from channels.layers import get_channel_layer
from django.db import OperationalError

from supportsite.conversations.events import conversation_group
from supportsite.conversations.models import AgentRun, Message
from supportsite.core.db import db_async

DB_CHECK_EVERY_S = 1.0


class ConversationListener:
    """Receives the frames sent to one conversation's group (the same ones its sockets get)."""

    def __init__(self, conversation_id: UUID | str) -> None:
        self.group = conversation_group(conversation_id)
        self.layer = get_channel_layer()
        self.channel = ""
        self._received: deque[dict[str, Any]] = deque()  # the rest of a batch of frames
        # One receive outlives the waits that time out. Cancelling it at each timeout would cost
        # the pub/sub layer its subscription (it unsubscribes a cancelled receive's channel), and
        # frames sent before the next receive subscribed again would be lost.
        self._receiving: asyncio.Future[Any] | None = None

    async def __aenter__(self) -> ConversationListener:
        self.channel = await self.layer.new_channel()
        await self.layer.group_add(self.group, self.channel)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._receiving is not None:
            self._receiving.cancel()
            with contextlib.suppress(BaseException):
                await self._receiving
        with contextlib.suppress(Exception):
            await self.layer.group_discard(self.group, self.channel)

    async def receive(self, timeout_s: float) -> dict[str, Any] | None:
        """The next frame's payload, or None when none came in time."""
        if self._received:
            return self._received.popleft()
        if self._receiving is None:
            self._receiving = asyncio.ensure_future(self.layer.receive(self.channel))
        done, _ = await asyncio.wait({self._receiving}, timeout=timeout_s)
        if not done:
            return None
        receiving, self._receiving = self._receiving, None
        event = receiving.result()
        if not isinstance(event, dict):
            return None
        if event.get("type") == "conversation.events":
            self._received.extend(event.get("payloads") or [])
            return self._received.popleft() if self._received else None
        return event.get("payload")


def reply_for_run(run_id: UUID | str) -> tuple[Message | None, str]:
    """The run's stored reply (if any) and the run's status."""
    reply = Message.objects.select_related("run").filter(run_id=run_id, role=Message.Role.ASSISTANT).first()
    status = AgentRun.objects.filter(id=run_id).values_list("status", flat=True).first() or ""
    return reply, status


async def _stored_wait(
    *, lookup: Callable[[], Any], listener: ConversationListener, timeout_s: float,
    on_frame: Callable[[dict[str, Any]], Awaitable[bool]],
) -> Any:
    """What `lookup` finds in the database, looked for every second and whenever `on_frame` says a
    frame is news; None at the deadline. `lookup` returns (found, give_up)."""
    deadline = time.monotonic() + timeout_s
    next_db_check = 0.0
    while True:
        now = time.monotonic()
        if now >= next_db_check:
            try:
                found, give_up = await db_async(lookup)()
            except OperationalError:  # a locked table (SQLite): the next check will see it
                found, give_up = None, False
            if found is not None or give_up:
                return found
            next_db_check = now + DB_CHECK_EVERY_S
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        frame = await listener.receive(min(remaining, max(0.01, next_db_check - time.monotonic())))
        if frame and await on_frame(frame):
            next_db_check = 0.0


async def run_reply_wait(
    *, run_id: UUID | str, listener: ConversationListener, timeout_s: float,
    on_delta: Callable[[dict[str, Any]], Awaitable[None]] | None = None,
) -> Message | None:
    """The run's reply once stored, or None if it is not there within timeout_s (or the run failed).

    `on_delta` gets each assistant.delta frame of this run as it comes: a piece of the reply in
    `text`, or `reset: true` when a new draft replaces what streamed so far.
    """
    run_key = str(run_id)

    def lookup() -> tuple[Message | None, bool]:
        reply, status = reply_for_run(run_id)
        return reply, status == AgentRun.Status.FAILED

    async def on_frame(frame: dict[str, Any]) -> bool:
        if frame.get("run_id") != run_key:
            return False
        if frame.get("type") == "assistant.delta" and on_delta is not None:
            await on_delta(frame)
        return frame.get("type") == "assistant.message"

    return await _stored_wait(lookup=lookup, listener=listener, timeout_s=timeout_s, on_frame=on_frame)


def staff_reply_after(*, conversation_id: UUID | str, message_id: UUID | str) -> Message | None:
    """The first staff message in the conversation after the given message, if any."""
    after = Message.objects.filter(id=message_id).values_list("created_at", flat=True).first()
    if after is None:
        return None
    return (Message.objects.select_related("author")
            .filter(conversation_id=conversation_id, role=Message.Role.STAFF, created_at__gt=after)
            .order_by("created_at").first())


async def staff_reply_wait(
    *, conversation_id: UUID | str, message_id: UUID | str, listener: ConversationListener, timeout_s: float,
) -> Message | None:
    """A person's first reply after the message, once stored, or None if none comes in time.

    For callers that cannot keep a socket open (an A2A task) while a person has the
    conversation. As for runs, the database decides; a staff.message frame only says when to look.
    """

    def lookup() -> tuple[Message | None, bool]:
        return staff_reply_after(conversation_id=conversation_id, message_id=message_id), False

    async def on_frame(frame: dict[str, Any]) -> bool:
        return frame.get("type") == "staff.message"

    return await _stored_wait(lookup=lookup, listener=listener, timeout_s=timeout_s, on_frame=on_frame)
