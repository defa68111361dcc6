"""Streaming a run's events to its conversation without one channel-layer message per token.

A model streams a reply a token at a time; sending each token as its own frame costs a
channel-layer group_send (the in-memory layer scans every channel on each send; Redis is a
round trip) and a websocket frame per token per socket. The first piece goes out at once (the
time to first token is what a customer notices); pieces that follow within a short window are
joined into one assistant.delta. Any other event first flushes what is pending, so the order
of frames never changes, and flush() is awaited before the reply itself is stored and sent.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

from supportsite.conversations.events import conversation_event_send

DELTA_WINDOW_S = 0.04


class CoalescingSink:
    def __init__(self, *, conversation_id: UUID | str, window_s: float = DELTA_WINDOW_S) -> None:
        self.conversation_id = conversation_id
        self.window_s = window_s
        self._pending: dict[str, Any] | None = None
        self._timer: asyncio.Task[None] | None = None
        self._sent_first = False
        self._lock = asyncio.Lock()

    async def __call__(self, event: dict[str, Any]) -> None:
        if event.get("type") != "assistant.delta" or event.get("reset"):
            await self.flush()
            if event.get("reset"):
                self._sent_first = False
            await self._send(event)
            return
        if not self._sent_first:
            self._sent_first = True
            await self._send(event)
            return
        if self._pending is None:
            self._pending = dict(event)
            self._timer = asyncio.get_running_loop().create_task(self._flush_later())
        else:
            self._pending["text"] += event.get("text", "")

    async def _flush_later(self) -> None:
        await asyncio.sleep(self.window_s)
        self._timer = None
        await self.flush()

    async def flush(self) -> None:
        if self._timer is not None and self._timer is not asyncio.current_task():
            self._timer.cancel()
            # Wait for the timer to finish without suppressing CancelledError here: that would also
            # swallow a cancellation of the run itself, and a task that ignores cancel never ends.
            await asyncio.wait([self._timer])
            self._timer = None
        pending, self._pending = self._pending, None
        if pending is not None:
            await self._send(pending)
        async with self._lock:  # and wait for a send the timer started
            pass

    async def _send(self, event: dict[str, Any]) -> None:
        async with self._lock:  # one send at a time, so frames keep their order
            await conversation_event_send(conversation_id=self.conversation_id, payload=event)
