"""Scripted stand-ins for the orchestrator, for tests about the edges (API, A2A, webhooks).

They speak the orchestrator's contract (`async run(ctx, *, ports, sink) -> RunOutcome`), stream
their reply as assistant.delta events and record a step, so everything downstream is real.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from agents.context import IntentResult, SupportContext
from agents.outcome import RunOutcome
from agents.tracing import StepRecord


@dataclass
class ScriptedOrchestrator:
    reply: str = "Your invoice NW-1003 failed because the card ending 4242 expired."
    route: str = "resolver"
    intent: str = "billing"
    confidence: float = 0.93
    pieces: list[str] = field(default_factory=list)
    delay_s: float = 0.0
    handoff_reason: str | None = None
    refund_invoice: str = ""  # ask for a refund through the action port (needs approval over $50)
    seen: list[SupportContext] = field(default_factory=list)
    release: asyncio.Event | None = None  # when set, the run waits for it before finishing

    async def run(self, ctx: SupportContext, *, ports: Any, sink: Any) -> RunOutcome:
        self.seen.append(ctx)
        started = datetime.now(UTC)
        for piece in self.pieces:
            await sink({"type": "assistant.delta", "run_id": ctx.run_id, "text": piece})
            # Hand each piece over before the next, so each is a frame of its own: the run's outbox
            # joins pieces that meet in it, and a pause is no promise on a busy machine.
            flush = getattr(sink, "flush", None)
            if flush is not None:
                await flush()
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if self.release is not None:
            await self.release.wait()
        if self.refund_invoice and ctx.customer is not None:
            await ports.actions.refund_request(
                customer_id=ctx.customer.external_id, invoice_number=self.refund_invoice, amount=Decimal("99.00"),
                reason="duplicate charge", request_key=f"refund:{ctx.run_id}", needs_approval=True,
            )
        step = StepRecord(agent="resolver", kind="agent", name="resolver", status="finished", started_at=started,
                          finished_at=datetime.now(UTC), duration_ms=1.0, input_tokens=12, output_tokens=7)
        return RunOutcome(
            reply=self.reply, route=self.route, intent=IntentResult(label=self.intent, confidence=self.confidence),
            handoff_reason=self.handoff_reason, handoff_summary="Scripted handoff." if self.handoff_reason else "",
            steps=[step], input_tokens=12, output_tokens=7,
        )


def orchestrator_install(monkeypatch: pytest.MonkeyPatch, orchestrator: Any) -> Any:
    """Make every run in this process (the test's and the live server's) use `orchestrator`."""

    async def orchestrator_get() -> Any:
        return orchestrator

    import supportsite.conversations.engine as engine
    import supportsite.conversations.runner as runner

    monkeypatch.setattr(engine, "orchestrator_get", orchestrator_get)
    monkeypatch.setattr(runner, "orchestrator_get", orchestrator_get)
    return orchestrator
