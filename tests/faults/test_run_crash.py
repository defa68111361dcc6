"""An orchestrator that crashes still answers: the last net in the runner.

The customer gets the honest "a person will help" reply, after every frame the run reported
before it crashed; the run is stored with its crash recorded, and the conversation waits for a
person. Nothing is raised to the consumer.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest

from supportsite.conversations import runner, streaming
from supportsite.conversations.models import AgentRun, Conversation
from supportsite.conversations.runner import UNAVAILABLE_REPLY, runs_drain
from tests.support.orchestrators import orchestrator_install
from tests.support.ws import ask, chat_connect

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


class CrashingOrchestrator:
    async def run(self, ctx: Any, *, ports: Any, sink: Any) -> Any:
        await sink({"type": "agent.step", "run_id": ctx.run_id, "step_id": "s1", "agent": "resolver",
                    "status": "started", "label": "Writing a reply…"})
        await sink({"type": "assistant.delta", "run_id": ctx.run_id, "text": "Your invoice "})
        await asyncio.sleep(0.05)  # the first piece is on its way; the next one waits to be joined
        await sink({"type": "assistant.delta", "run_id": ctx.run_id, "text": "NW-1003 "})
        raise RuntimeError("a bug in the agents")


async def test_a_crashed_run_answers_with_a_handoff_after_every_frame_it_reported(demo_tx, monkeypatch):
    orchestrator_install(monkeypatch, CrashingOrchestrator())
    # Pieces after the first wait a minute to be joined: only the runner's flush sends them in time.
    monkeypatch.setattr(runner, "RunEventOutbox", functools.partial(streaming.RunEventOutbox, window_s=60))
    communicator, state = await chat_connect("alice")
    reply, frames = await ask(communicator, "Why did my last payment fail?", "crash-1")

    assert (reply["text"], reply["route"]) == (UNAVAILABLE_REPLY, "handoff")
    streamed = "".join(f["text"] for f in frames if f["type"] == "assistant.delta")
    assert streamed == "Your invoice NW-1003 "
    assert [f["type"] for f in frames if f["type"] == "agent.step"] == ["agent.step"]
    status = await communicator.receive_json_from(timeout=5)
    assert (status["type"], status["status"]) == ("conversation.status", "waiting")

    await runs_drain()
    run = await AgentRun.objects.aget(id=reply["run_id"])
    assert run.status == AgentRun.Status.SUCCEEDED and run.fallbacks == ["crash_handoff"]
    assert "RuntimeError: a bug in the agents" in run.summary["error"]
    conversation = await Conversation.objects.aget(id=state["conversation_id"])
    assert conversation.status == Conversation.Status.WAITING and conversation.handoff_reason == "tool_failure"
    await communicator.disconnect()
