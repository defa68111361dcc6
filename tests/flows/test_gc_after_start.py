"""A warm server process keeps its start-up objects out of the garbage collector's full passes.

A full collection walked every object the process loaded at start-up (80–240 ms with the whole
process stopped, #9); once the agents are ready those objects are frozen, so it walks only what
was made since.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from supportsite.conversations import runner
from supportsite.core.memory import gc_tune_after_start


@pytest.fixture
def collector_restored() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def _support(settings, **changes) -> None:
    settings.SUPPORT = {**settings.SUPPORT, **changes}


def test_start_up_objects_leave_the_oldest_generation_and_young_ones_wait_longer(settings, collector_restored):
    _support(settings, GC_YOUNG_THRESHOLD=12_345)
    kept_for_life = [{"row": number} for number in range(5_000)]
    gc.collect()
    assert len(gc.get_objects(generation=2)) > len(kept_for_life)  # what a full pass walks today

    gc_tune_after_start()

    assert gc.get_freeze_count() > len(kept_for_life)
    assert len(gc.get_objects(generation=2)) < len(kept_for_life) / 10  # a full pass no longer walks them
    assert gc.get_threshold()[0] == 12_345
    assert kept_for_life[-1] == {"row": 4_999}  # frozen, not freed


def test_a_zero_threshold_leaves_the_collector_as_cpython_sets_it(settings, collector_restored):
    _support(settings, GC_YOUNG_THRESHOLD=0)
    before = gc.get_threshold()

    gc_tune_after_start()

    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


@pytest.mark.parametrize("agents_ready", [True, False], ids=["agents ready", "agents failed to load"])
def test_the_server_tunes_the_collector_once_its_start_up_is_done(monkeypatch, agents_ready):
    order: list[str] = []
    recovered = asyncio.Event()

    async def orchestrator_get():
        if not agents_ready:
            raise RuntimeError("the intent model is missing")
        order.append("agents loaded")

    async def runs_recover():
        order.append("recovery pass")
        recovered.set()
        return 0

    monkeypatch.setattr(runner, "orchestrator_get", orchestrator_get)
    monkeypatch.setattr(runner, "runs_recover", runs_recover)
    monkeypatch.setattr(runner, "gc_tune_after_start", lambda: order.append("collector tuned"))

    async def run_briefly() -> None:
        loop = asyncio.create_task(runner.recovery_loop(interval_s=60))
        await recovered.wait()
        loop.cancel()

    asyncio.run(asyncio.wait_for(run_briefly(), timeout=10))

    expected = ["agents loaded"] if agents_ready else []
    assert order == [*expected, "collector tuned", "recovery pass"]
