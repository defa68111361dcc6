"""Steps of a run, recorded in memory with OpenTelemetry GenAI names and flushed in one batch.

A step is an agent call, an LLM call or a tool call. Parents are tracked with a context
variable, so concurrent workers each nest their own LLM and tool calls correctly.
"""

from __future__ import annotations

import contextvars
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from agents.events import EventSink, discard_events

StepKind = Literal["agent", "llm", "tool"]
_current_step: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_step", default=None)

# Human labels for the progress line: what the customer sees while an agent works.
STEP_LABELS = {
    "intent": "Understanding your question…",
    "faq": "Searching the help centre…",
    "billing": "Checking your invoices…",
    "account": "Looking at your account…",
    "technical": "Checking the knowledge base and service status…",
    "resolver": "Writing a reply…",
    "critic": "Double-checking the answer…",
    "panel": "Asking our specialists…",
    "action": "Recording your request…",
    "handoff": "Passing you to a person…",
}


class StepRecord(BaseModel):
    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    parent_id: str | None = None
    agent: str
    kind: StepKind
    name: str
    status: Literal["started", "finished", "failed"] = "started"
    started_at: datetime
    finished_at: datetime | None = None
    duration_ms: float = 0.0
    input: dict[str, Any] = {}
    output: dict[str, Any] = {}
    model: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    error: str = ""
    # OpenTelemetry GenAI semantic-convention attributes (gen_ai.operation.name, ...).
    attributes: dict[str, Any] = {}


class Tracer:
    """Collects a run's steps and reports their start and end as agent.step events."""

    def __init__(self, *, run_id: str, sink: EventSink = discard_events, emit_kinds: tuple[str, ...] = ("agent",)):
        self.run_id = run_id
        self.sink = sink
        self.emit_kinds = emit_kinds
        self.steps: list[StepRecord] = []

    @asynccontextmanager
    async def step(
        self, *, agent: str, kind: StepKind, name: str = "", input: dict[str, Any] | None = None,
        model: str = "",
    ) -> AsyncIterator[StepRecord]:
        record = StepRecord(
            parent_id=_current_step.get(), agent=agent, kind=kind, name=name or agent,
            started_at=datetime.now(UTC), input=input or {}, model=model,
        )
        record.attributes = _genai_attributes(record)
        self.steps.append(record)
        token = _current_step.set(record.id)
        started = time.perf_counter()
        await self._emit(record)
        try:
            yield record
        except BaseException as exc:
            record.status = "failed"
            record.error = record.error or f"{type(exc).__name__}: {exc}"
            raise
        else:
            if record.status == "started":
                record.status = "failed" if record.error else "finished"
        finally:
            _current_step.reset(token)
            record.duration_ms = (time.perf_counter() - started) * 1000
            record.finished_at = datetime.now(UTC)
            record.attributes = _genai_attributes(record)
            await self._emit(record)

    async def _emit(self, record: StepRecord) -> None:
        if record.kind not in self.emit_kinds:
            return
        await self.sink(
            {
                "type": "agent.step",
                "run_id": self.run_id,
                "step_id": record.id,
                "agent": record.agent,
                "status": record.status,
                "label": STEP_LABELS.get(record.agent, record.name),
            }
        )

    @property
    def input_tokens(self) -> int:
        return sum(step.input_tokens for step in self.steps)

    @property
    def output_tokens(self) -> int:
        return sum(step.output_tokens for step in self.steps)


def _genai_attributes(record: StepRecord) -> dict[str, Any]:
    operation = {"agent": "invoke_agent", "llm": "chat", "tool": "execute_tool"}[record.kind]
    attributes: dict[str, Any] = {"gen_ai.operation.name": operation}
    if record.kind == "agent":
        attributes["gen_ai.agent.name"] = record.agent
    if record.kind == "tool":
        attributes["gen_ai.tool.name"] = record.name
    if record.model:
        attributes["gen_ai.request.model"] = record.model
    if record.input_tokens or record.output_tokens:
        attributes["gen_ai.usage.input_tokens"] = record.input_tokens
        attributes["gen_ai.usage.output_tokens"] = record.output_tokens
    if record.error:
        attributes["error.type"] = record.error.split(":", 1)[0]
    return attributes
