"""A scripted orchestrator for chat and browser tests: deterministic deltas, steps, sources, a gate."""

from __future__ import annotations

import asyncio
from typing import Any

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
        self.echo = False  # reply "You wrote: <the message>" instead of the pieces
        # Flush the sink after each piece, so each reaches the page as a frame of its own (the run's
        # outbox joins pieces that meet in it, however far apart they were sent on a busy machine).
        self.piece_frames = False

    async def run(self, ctx: SupportContext, *, ports: Any, sink: Any) -> RunOutcome:
        self.messages.append(ctx.message)
        step = {"type": "agent.step", "run_id": ctx.run_id, "step_id": f"{ctx.run_id}-resolver", "agent": "resolver"}
        await sink(step | {"status": "started", "label": "Writing a reply…"})
        self.started.set()
        if self.hold:
            await self.release.wait()
        pieces = ["You wrote: ", ctx.message] if self.echo else self.pieces
        for piece in pieces:
            await sink({"type": "assistant.delta", "run_id": ctx.run_id, "text": piece})
            if self.piece_frames and hasattr(sink, "flush"):
                await sink.flush()
        await sink(step | {"status": "finished", "label": "Writing a reply…"})
        return RunOutcome(
            reply="".join(pieces), route=self.route, intent=IntentResult(label="general", confidence=0.95),
            sources=self.sources,
        )
