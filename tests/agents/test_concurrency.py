"""gather_first_here: asyncio.gather whose first call starts in the calling task, not a loop turn later."""

from __future__ import annotations

import asyncio

import pytest

from agents.concurrency import gather_first_here


async def test_the_first_call_runs_in_the_calling_task_and_the_others_in_their_own():
    caller = asyncio.current_task()
    seen: list[asyncio.Task | None] = []

    async def where() -> str:
        seen.append(asyncio.current_task())
        return "done"

    assert await gather_first_here([where(), where(), where()]) == ["done"] * 3
    assert seen[0] is caller
    assert caller not in seen[1:] and len(set(seen[1:])) == 2


async def test_the_calls_run_together_and_the_results_keep_their_order():
    # The first waits for the last to let it go: run one after another, this would never finish.
    released = asyncio.Event()

    async def first() -> str:
        await released.wait()
        return "first"

    async def middle() -> str:
        await asyncio.sleep(0)
        return "middle"

    async def last() -> str:
        released.set()
        return "last"

    results = await asyncio.wait_for(gather_first_here([first(), middle(), last()]), timeout=5)
    assert results == ["first", "middle", "last"]


async def test_others_still_running_when_the_first_ends_are_waited_for():
    others_may_end = asyncio.Event()

    async def first() -> int:
        others_may_end.set()
        return 1

    async def slower() -> int:
        await others_may_end.wait()
        await asyncio.sleep(0.01)
        return 2

    assert await asyncio.wait_for(gather_first_here([first(), slower()]), timeout=5) == [1, 2]


async def test_the_first_call_failing_cancels_the_others_and_raises():
    started = asyncio.Event()
    other: list[asyncio.Task | None] = []

    async def failing() -> None:
        await started.wait()
        raise RuntimeError("broken")

    async def hanging() -> None:
        other.append(asyncio.current_task())
        started.set()
        await asyncio.sleep(60)

    with pytest.raises(RuntimeError, match="broken"):
        await asyncio.wait_for(gather_first_here([failing(), hanging()]), timeout=5)
    await asyncio.sleep(0)
    assert other[0] is not None and other[0].cancelled()


async def test_cancelling_the_caller_cancels_every_call():
    tasks: list[asyncio.Task | None] = []
    all_started = asyncio.Event()

    async def hanging() -> None:
        tasks.append(asyncio.current_task())
        if len(tasks) == 3:
            all_started.set()
        await asyncio.sleep(60)

    caller = asyncio.ensure_future(gather_first_here([hanging(), hanging(), hanging()]))
    await asyncio.wait_for(all_started.wait(), timeout=5)
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    await asyncio.sleep(0)
    assert tasks[0] is caller
    assert all(task is not None and task.cancelled() for task in tasks[1:])
