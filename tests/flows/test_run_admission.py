"""At most MAX_CONCURRENT_RUNS runs execute at once per process; the rest wait, alive, and all finish."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import sync_to_async

from supportsite.conversations import runner, services
from supportsite.conversations.models import AgentRun, Message
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


class CountingOrchestrator(ScriptedOrchestrator):
    """Records how many runs are inside the orchestrator at once."""

    def __init__(self) -> None:
        super().__init__(delay_s=0.15)
        self.inside = 0
        self.most_inside = 0

    async def run(self, ctx: Any, *, ports: Any, sink: Any) -> Any:
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        try:
            return await super().run(ctx, ports=ports, sink=sink)
        finally:
            self.inside -= 1


async def test_runs_beyond_the_limit_wait_their_turn_and_every_one_is_answered(demo_tx, settings, monkeypatch):
    settings.SUPPORT = {**settings.SUPPORT, "MAX_CONCURRENT_RUNS": 2}
    orchestrator = orchestrator_install(monkeypatch, CountingOrchestrator())
    conversations = [await sync_to_async(services.conversation_start)(customer=demo_tx[name])
                     for name in ("alice", "bob", "carol") for _ in range(2)]
    submitted = await asyncio.gather(*(
        runner.message_submit(conversation_id=c.id, text="Why did my payment fail?", client_id=f"c-{n}")
        for n, c in enumerate(conversations)
    ))
    assert all(run is not None for _, run, _ in submitted)
    await runner.runs_drain()
    assert orchestrator.most_inside == 2
    assert await AgentRun.objects.filter(status=AgentRun.Status.SUCCEEDED).acount() == 6
    assert await Message.objects.filter(role=Message.Role.ASSISTANT, delivered=True).acount() == 6


async def test_a_run_waiting_for_a_slot_keeps_its_lease(demo_tx, settings, monkeypatch):
    settings.SUPPORT = {**settings.SUPPORT, "MAX_CONCURRENT_RUNS": 1, "RUN_LEASE_S": 0.3}
    release = asyncio.Event()
    orchestrator_install(monkeypatch, ScriptedOrchestrator(release=release))
    first, second = [await sync_to_async(services.conversation_start)(customer=demo_tx["alice"]) for _ in range(2)]
    await runner.message_submit(conversation_id=first.id, text="one", client_id="a")
    _, waiting, _ = await runner.message_submit(conversation_id=second.id, text="two", client_id="b")
    await asyncio.sleep(0.6)  # two leases: only heartbeats keep the waiting run from recovery
    assert waiting.id not in await sync_to_async(services.run_ids_to_recover)(lease_s=0.3)
    release.set()
    await runner.runs_drain()
    assert await AgentRun.objects.filter(status=AgentRun.Status.SUCCEEDED).acount() == 2
