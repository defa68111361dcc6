"""Chat tests run against a scripted orchestrator unless they ask for the real one."""

from __future__ import annotations

import pytest

from tests.chat.scripted import ScriptedOrchestrator


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedOrchestrator:
    orchestrator = ScriptedOrchestrator()

    async def orchestrator_get() -> ScriptedOrchestrator:
        return orchestrator

    # The runner imported the name, so it is replaced where it is used.
    monkeypatch.setattr("supportsite.conversations.runner.orchestrator_get", orchestrator_get)
    return orchestrator

