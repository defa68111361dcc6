"""At most MAX_CONCURRENT_RUNS runs execute at once per process; the rest wait, alive, and all finish."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from asgiref.sync import sync_to_async

from supportsite.conversations import runner, services
from supportsite.conversations.models import AgentRun, Message
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


class CountingOrchestrator(ScriptedOrchestrator):
    """Records how many runs are inside the orchestrator at once.

    A run inside waits until `limit` runs are inside and all `runs` have come to the slots, so the
    runs overlap however slowly a busy machine starts them: with the limit kept, the rest are
    queued at the slots by then; with a wider or no limit, more than `limit` are inside.
    """

    def __init__(self, *, runs: int, limit: int) -> None:
        super().__init__()
        self.runs, self.limit = runs, limit
        self.arrived = self.inside = self.most_inside = 0
        self.everyone_arrived_and_slots_full = asyncio.Event()

    def arrive(self) -> None:
        self.arrived += 1
        self._check()

    def _check(self) -> None:
        if self.arrived == self.runs and self.inside >= self.limit:
            self.everyone_arrived_and_slots_full.set()

    async def run(self, ctx: Any, *, ports: Any, sink: Any) -> Any:
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        try:
            self._check()
            # A budget, not a pace: a limit narrower than `limit` never fills the slots, and the
            # runs then end as crash handoffs with most_inside short of the limit.
            await asyncio.wait_for(self.everyone_arrived_and_slots_full.wait(), timeout=10)
            return await super().run(ctx, ports=ports, sink=sink)
        finally:
            self.inside -= 1


class SlotArrivals:
    """The runner's run slots, telling `arrive` whenever a run comes to them (before it may wait)."""

    def __init__(self, slots: asyncio.Semaphore, arrive: Callable[[], None]) -> None:
        self.slots, self.arrive = slots, arrive

    async def __aenter__(self) -> None:
        self.arrive()
        await self.slots.__aenter__()

    async def __aexit__(self, *exc: object) -> None:
        await self.slots.__aexit__(*exc)


async def test_runs_beyond_the_limit_wait_their_turn_and_every_one_is_answered(demo_tx, settings, monkeypatch):
    settings.SUPPORT = {**settings.SUPPORT, "MAX_CONCURRENT_RUNS": 2}
    orchestrator = orchestrator_install(monkeypatch, CountingOrchestrator(runs=6, limit=2))
    run_slots = runner.run_slots
    monkeypatch.setattr(runner, "run_slots", lambda: SlotArrivals(run_slots(), orchestrator.arrive))
    conversations = [await sync_to_async(services.conversation_start)(customer=demo_tx[name])
                     for name in ("alice", "bob", "carol") for _ in range(2)]
    submitted = await asyncio.gather(*(
        runner.message_submit(conversation_id=c.id, text="Why did my payment fail?", client_id=f"c-{n}")
        for n, c in enumerate(conversations)
    ))
    assert all(run is not None for _, run, _ in submitted)
    await runner.runs_drain()
    assert orchestrator.everyone_arrived_and_slots_full.is_set()
    assert orchestrator.most_inside == 2
    assert await AgentRun.objects.filter(status=AgentRun.Status.SUCCEEDED).acount() == 6
    assert await Message.objects.filter(role=Message.Role.ASSISTANT, delivered=True).acount() == 6


async def test_a_run_waiting_for_a_slot_keeps_its_lease(demo_tx, settings, monkeypatch):
    lease_s = 0.6
    settings.SUPPORT = {**settings.SUPPORT, "MAX_CONCURRENT_RUNS": 1, "RUN_LEASE_S": lease_s}
    release = asyncio.Event()
    orchestrator = orchestrator_install(monkeypatch, ScriptedOrchestrator(release=release))
    # Right after each heartbeat, on its database thread: how far past its claim the run's lease
    # reaches, and what recovery would pick up then. Looked at there and then, not whenever this
    # test's turn comes on a busy machine, where a late look would see a lease run out.
    probes: list[tuple[str, timedelta, list[UUID]]] = []
    probed = asyncio.Event()
    loop = asyncio.get_running_loop()
    run_heartbeat = services.run_heartbeat

    def probe_record(probe: tuple[str, timedelta, list[UUID]]) -> None:
        probes.append(probe)
        probed.set()

    def run_heartbeat_probed(*, run_id: UUID | str) -> None:
        run_heartbeat(run_id=run_id)
        run = AgentRun.objects.get(id=run_id)
        probe = (str(run_id), run.claimed_at - run.started_at, services.run_ids_to_recover(lease_s=lease_s))
        loop.call_soon_threadsafe(probe_record, probe)

    monkeypatch.setattr(services, "run_heartbeat", run_heartbeat_probed)
    first, second = [await sync_to_async(services.conversation_start)(customer=demo_tx["alice"]) for _ in range(2)]
    await runner.message_submit(conversation_id=first.id, text="one", client_id="a")
    _, waiting, _ = await runner.message_submit(conversation_id=second.id, text="two", client_id="b")

    def waiting_probes() -> list[tuple[str, timedelta, list[UUID]]]:
        return [probe for probe in probes if probe[0] == str(waiting.id)]

    # Until its heartbeats have kept the lease past the end of the one it was claimed with.
    async with asyncio.timeout(10):
        while not any(kept >= timedelta(seconds=lease_s) for _, kept, _ in waiting_probes()):
            probed.clear()
            await probed.wait()
    assert len(orchestrator.seen) == 1  # the first run still holds the only slot: the second waited throughout
    assert not any(waiting.id in recoverable for _, _, recoverable in waiting_probes())
    release.set()
    await runner.runs_drain()
    assert await AgentRun.objects.filter(status=AgentRun.Status.SUCCEEDED).acount() == 2
