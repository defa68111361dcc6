"""Events the orchestrator reports while it works, shaped like the websocket frames."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

# Each event is a JSON-ready dict with a "type": "agent.step" or "assistant.delta".
Event = dict[str, Any]
EventSink = Callable[[Event], Awaitable[None]]


async def discard_events(event: Event) -> None:
    """A sink for callers that do not stream (the evaluation, batch jobs)."""
    return None
