"""With an OTLP endpoint configured, each run's steps reach a collector as nested GenAI spans."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from supportsite.conversations import otel
from supportsite.conversations.models import AgentStep
from supportsite.conversations.runner import runs_drain
from tests.support.ws import ask, chat_connect

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def collector(monkeypatch) -> Iterator[list[ExportTraceServiceRequest]]:
    """A real OTLP/HTTP collector on 127.0.0.1 that keeps every export request it receives."""
    received: list[ExportTraceServiceRequest] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = ExportTraceServiceRequest()
            request.ParseFromString(body)
            received.append(request)
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", f"http://127.0.0.1:{server.server_port}")
    otel.otel_reset()
    yield received
    otel.otel_reset()
    server.shutdown()


async def test_a_runs_steps_are_exported_as_nested_genai_spans(demo_tx, collector):
    communicator, _ = await chat_connect("alice")
    reply, _ = await ask(communicator, "why did my last payment fail?", "otel-1")
    await communicator.disconnect()
    await runs_drain()
    otel.otel_flush()

    spans = [span for request in collector for rs in request.resource_spans for ss in rs.scope_spans
             for span in ss.spans]
    stored = [step async for step in AgentStep.objects.filter(run_id=reply["run_id"])]
    assert len(spans) == len(stored) > 0
    by_step = {}
    for span in spans:
        attributes = {a.key: a.value.string_value or a.value.int_value for a in span.attributes}
        assert attributes["northwind.run_id"] == reply["run_id"]
        by_step[attributes["northwind.step_id"]] = (span, attributes)
    billing = next(step for step in stored if step.agent == "billing" and step.kind == "agent")
    span, attributes = by_step[str(billing.id)]
    assert span.name == "invoke_agent billing"
    assert attributes["gen_ai.operation.name"] == "invoke_agent"
    assert span.end_time_unix_nano >= span.start_time_unix_nano
    if billing.parent_id:
        parent_span, _ = by_step[str(billing.parent_id)]
        assert span.parent_span_id == parent_span.span_id
        assert span.trace_id == parent_span.trace_id


async def test_without_an_endpoint_nothing_is_exported(demo_tx, monkeypatch):
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", raising=False)
    otel.otel_reset()
    communicator, _ = await chat_connect()
    await ask(communicator, "how can I reset my password", "otel-2")
    await communicator.disconnect()
    assert otel._tracer_get() is None
