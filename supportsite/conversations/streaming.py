"""A run's events on their way to its conversation: in order, batched, and never in the run's way.

The orchestrator reports progress (agent.step) and streams the reply (assistant.delta) as it
works. Sending each event there and then made the run wait for a channel-layer round trip
twenty-five times a reply, and cost a group_send per event (on Redis, a network round trip and
a receive on every socket's side). Events go into an outbox instead, and one task per run
drains it: each group_send carries everything that piled up meanwhile, in order.

A model streams a reply a token at a time. The first piece of a draft goes out at once (the
time to first token is what a customer notices); the pieces that follow are joined for a short
window, so a reply is a handful of frames, not one per token. flush() is awaited before the
reply itself is stored and sent, so it never overtakes its own pieces.

Progress waits for a window of its own, 10 ms, or until a draft's first piece takes it along. A
run reports a dozen steps' starts and ends within a few milliseconds of each other; sent one by
one, each send ran on the event loop between the steps it reported on, ahead of the run's own
work (#9: the context stage's workers started up to a millisecond late), and each was a group
message of its own. Ten milliseconds is far below what a customer could see of a progress line.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any
from uuid import UUID

from supportsite.conversations.events import conversation_events_send

DELTA_WINDOW_S = 0.04
PROGRESS_WINDOW_S = 0.01


def _is_delta(event: dict[str, Any]) -> bool:
    return event.get("type") == "assistant.delta" and not event.get("reset")


class RunEventOutbox:
    """The EventSink a run's orchestrator reports to; see the module docstring."""

    def __init__(self, *, conversation_id: UUID | str, window_s: float = DELTA_WINDOW_S,
                 progress_window_s: float = PROGRESS_WINDOW_S) -> None:
        self.conversation_id = conversation_id
        self.window_s = window_s
        self.progress_window_s = progress_window_s
        self._outbox: list[dict[str, Any]] = []
        self._drainer: asyncio.Task[None] | None = None
        self._more = asyncio.Event()  # something was added that should not wait for a window
        self._streaming = False  # the current draft's first piece has gone out

    async def __call__(self, event: dict[str, Any]) -> None:
        event = dict(event)
        last = self._outbox[-1] if self._outbox else None
        if _is_delta(event) and last is not None and _is_delta(last) and last.get("run_id") == event.get("run_id"):
            last["text"] = last.get("text", "") + event.get("text", "")
            return
        self._outbox.append(event)
        if event.get("type") == "assistant.delta" and (event.get("reset") or not self._streaming):
            self._more.set()  # a reset or a draft's first piece: out at once, with whatever waits
        if event.get("type") == "assistant.delta":
            self._streaming = not event.get("reset")
        self._ensure_draining()

    async def flush(self) -> None:
        """Return once every event reported so far has been handed to the channel layer."""
        while self._outbox or (self._drainer is not None and not self._drainer.done()):
            self._more.set()  # nothing more is coming to wait for
            # If the run is cancelled here, the drain still hands over what it holds.
            await asyncio.wait([self._ensure_draining()])

    def _ensure_draining(self) -> asyncio.Task[None]:
        if self._drainer is None or self._drainer.done():
            self._drainer = asyncio.get_running_loop().create_task(self._drain())
        return self._drainer

    async def _drain(self) -> None:
        while self._outbox:
            if not self._more.is_set():
                window = self.window_s if any(_is_delta(e) for e in self._outbox) else self.progress_window_s
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(window):
                        await self._more.wait()
            self._more.clear()
            batch, self._outbox = self._outbox, []
            await conversation_events_send(conversation_id=self.conversation_id, payloads=batch)
