"""Exporting a run's steps as OpenTelemetry spans, when an OTLP endpoint is configured.

Steps are recorded in memory while the run works (agents.tracing) and stored in one batch;
here the same records become spans with their real start and end times and GenAI attributes,
queued to a batch processor so the export never holds up a reply.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from agents.tracing import StepRecord

logger = logging.getLogger(__name__)
_tracer: Any = None
_provider: Any = None
_configured = False


def otlp_endpoint() -> str:
    return os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "")


def _tracer_get() -> Any:
    """The OTLP tracer, or None when no endpoint is configured (most installs)."""
    global _tracer, _provider, _configured
    if _configured:
        return _tracer
    _configured = True
    if not otlp_endpoint():
        return None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    _provider = TracerProvider(
        resource=Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", "northwind-support")})
    )
    _provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    _tracer = _provider.get_tracer("northwind.support.agents")
    logger.info("Exporting agent steps as OTLP spans to %s", otlp_endpoint())
    return _tracer


def _ns(value: Any) -> int:
    return int(value.timestamp() * 1_000_000_000)


def _span_name(step: StepRecord) -> str:
    # GenAI conventions name spans "{operation} {target}": "invoke_agent billing", "chat gpt-4o-mini".
    operation = step.attributes.get("gen_ai.operation.name", step.kind)
    target = {"agent": step.agent, "llm": step.model or step.name}.get(step.kind, step.name)
    return f"{operation} {target}"


def run_steps_export(*, run_id: str, conversation_id: str, steps: list[StepRecord]) -> int:
    """Export the steps as one trace (parents before children); returns how many spans were queued."""
    tracer = _tracer_get()
    if tracer is None or not steps:
        return 0
    from opentelemetry import trace
    from opentelemetry.trace import Status, StatusCode

    spans: dict[str, Any] = {}
    ordered = sorted(steps, key=lambda s: s.started_at)
    by_id = {s.id: s for s in ordered}

    def depth(step: StepRecord) -> int:
        d, parent = 0, step.parent_id
        while parent in by_id:
            d, parent = d + 1, by_id[parent].parent_id
        return d

    for step in sorted(ordered, key=depth):
        parent = spans.get(step.parent_id or "")
        context = trace.set_span_in_context(parent) if parent is not None else None
        attributes = {k: v for k, v in step.attributes.items() if isinstance(v, str | int | float | bool)}
        attributes.update({"northwind.run_id": run_id, "gen_ai.conversation.id": conversation_id,
                           "northwind.step_id": step.id})
        span = tracer.start_span(_span_name(step), context=context, start_time=_ns(step.started_at),
                                 attributes=attributes)
        if step.error:
            span.set_status(Status(StatusCode.ERROR, step.error[:200]))
        spans[step.id] = span
    for step in ordered:
        spans[step.id].end(end_time=_ns(step.finished_at or step.started_at))
    return len(spans)


def otel_flush() -> None:
    """Send queued spans now (tests, shutdown)."""
    if _provider is not None:
        _provider.force_flush()


def otel_reset() -> None:
    """Forget the exporter so the next run reads the endpoint again (tests)."""
    global _tracer, _provider, _configured
    if _provider is not None:
        _provider.shutdown()
    _tracer, _provider, _configured = None, None, False
