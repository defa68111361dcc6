"""Running a stage's calls together on the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def gather_first_here(calls: list[Coroutine[Any, Any, T]]) -> list[T]:
    """asyncio.gather, but the first call runs in the calling task.

    gather wraps every call in a task, and a task starts only on the event loop's next turn, behind
    whatever else is ready: in the server, a run's progress frames and other conversations' work
    (#9: 0.1 to 1 ms before a context stage's first worker started). The first call starts now
    instead; the others start as soon as it first waits. Results come in the order of `calls`.
    """
    rest = [asyncio.ensure_future(call) for call in calls[1:]]
    try:
        first = await calls[0]
    except BaseException:
        for task in rest:
            task.cancel()
        raise
    if all(task.done() for task in rest):  # gather would still wait a turn of the loop for them
        return [first, *(task.result() for task in rest)]
    return [first, *await asyncio.gather(*rest)]
