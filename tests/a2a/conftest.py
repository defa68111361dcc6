"""Fixtures the A2A tests share: the live server with the demo company, and a scripted orchestrator."""

from __future__ import annotations

import pytest

from tests.support.live import live_server_url
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install


@pytest.fixture
def base_url(demo_tx) -> str:
    return live_server_url()


@pytest.fixture
def scripted(monkeypatch) -> ScriptedOrchestrator:
    orchestrator = ScriptedOrchestrator(pieces=["Your invoice ", "NW-1003 failed ", "because the card ", "expired."])
    orchestrator.reply = "Your invoice NW-1003 failed because the card ending 4242 expired."
    return orchestrator_install(monkeypatch, orchestrator)
