"""A scripted orchestrator for chat tests: deterministic deltas, steps and sources, and a gate."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from django.core.cache import cache

from agents.context import IntentResult, SupportContext
from agents.outcome import RunOutcome, Source


class ScriptedOrchestrator:
    """Streams `pieces` as assistant.delta events and replies with their concatenation.

    With `hold` set, the run waits for `release` before finishing, so a test can close the page
    mid-run and come back after the reply was stored.
    """

    def __init__(self) -> None:
        self.pieces: list[str] = ["Here is ", "**what I found**", ": all good."]
        self.sources: list[Source] = []
        self.route = "resolver"
        self.hold = False
        self.release = asyncio.Event()
        self.started = asyncio.Event()
        self.messages: list[str] = []

    async def run(self, ctx: SupportContext, *, ports: Any, sink: Any) -> RunOutcome:
        self.messages.append(ctx.message)
        step = {"type": "agent.step", "run_id": ctx.run_id, "step_id": f"{ctx.run_id}-resolver", "agent": "resolver"}
        await sink(step | {"status": "started", "label": "Writing a reply…"})
        self.started.set()
        if self.hold:
            await self.release.wait()
        for piece in self.pieces:
            await sink({"type": "assistant.delta", "run_id": ctx.run_id, "text": piece})
        await sink(step | {"status": "finished", "label": "Writing a reply…"})
        return RunOutcome(
            reply="".join(self.pieces), route=self.route, intent=IntentResult(label="general", confidence=0.95),
            sources=self.sources,
        )


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedOrchestrator:
    orchestrator = ScriptedOrchestrator()

    async def orchestrator_get() -> ScriptedOrchestrator:
        return orchestrator

    # The runner imported the name, so it is replaced where it is used.
    monkeypatch.setattr("supportsite.conversations.runner.orchestrator_get", orchestrator_get)
    return orchestrator


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with empty rate-limit counters (they live in the process's cache)."""
    cache.clear()
    yield
    cache.clear()
