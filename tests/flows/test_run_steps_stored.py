"""A finished run's steps are stored as the tracer recorded them, with the provider and model it used, on
SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection

from agents.context import IntentResult
from agents.outcome import RunOutcome
from agents.tracing import StepRecord
from supportsite.conversations import services
from supportsite.conversations.models import AgentStep

pytestmark = pytest.mark.django_db


class _Port:
    """A value no JSON encoder knows: a trace stores its str()."""

    def __str__(self) -> str:
        return "billing port for cus_alice"


def test_every_step_is_stored_with_its_parent_times_values_and_tokens(demo):
    conversation = services.conversation_start(customer=demo["alice"])
    _, run, _ = services.message_receive(conversation_id=conversation.id, text="Why did it fail?", client_id="c")
    started = datetime(2026, 11, 25, 9, 30, 0, 123456, tzinfo=UTC)
    parent = StepRecord(agent="billing", kind="agent", name="gather billing facts", status="finished",
                        started_at=started, finished_at=started + timedelta(milliseconds=4), duration_ms=4.0,
                        input={"customer": "cus_alice"}, output={"invoices": 3})
    child = StepRecord(parent_id=parent.id, agent="billing", kind="llm", name="chat " + "m" * 150, status="failed",
                       started_at=started + timedelta(milliseconds=1), input={"amount": Decimal("29.00"), "when": started, "port": _Port()},
                       output={"nested": {"list": [1, "two", None]}}, model="stub-model", input_tokens=120,
                       output_tokens=7, error="TimeoutError: slow", attributes={"gen_ai.operation.name": "chat"})
    outcome = RunOutcome(reply="Here is what I found.", route="resolver",
                         intent=IntentResult(label="billing", confidence=0.9), steps=[child, parent],
                         provider="openai", model="gpt-4o-mini")

    services.run_complete(run_id=run.id, outcome=outcome)

    run.refresh_from_db()
    assert (run.provider, run.model) == ("openai", "gpt-4o-mini")  # the staff console prices tokens by it
    stored = {str(step.id): step for step in AgentStep.objects.filter(run=run)}
    assert set(stored) == {parent.id, child.id}
    top, below = stored[parent.id], stored[child.id]
    assert top.parent_id is None and str(below.parent_id) == parent.id
    assert (top.agent, top.kind, top.name, top.status) == ("billing", "agent", "gather billing facts", "finished")
    assert (top.started_at, top.finished_at, top.duration_ms) == (started, started + timedelta(milliseconds=4), 4.0)
    assert top.input == {"customer": "cus_alice"} and top.output == {"invoices": 3} and top.attributes == {}
    assert below.name == ("chat " + "m" * 150)[:100] and below.finished_at is None
    assert below.input == {"amount": "29.00", "when": "2026-11-25T09:30:00.123Z", "port": "billing port for cus_alice"}
    assert below.output == {"nested": {"list": [1, "two", None]}}
    assert (below.model, below.input_tokens, below.output_tokens) == ("stub-model", 120, 7)
    assert below.error == "TimeoutError: slow" and below.attributes == {"gen_ai.operation.name": "chat"}
    assert list(run.steps.values_list("name", flat=True)) == ["gather billing facts", below.name]  # by start


def test_the_steps_and_the_runs_json_are_prepared_before_the_transaction_that_stores_them_opens(demo, monkeypatch):
    """On SQLite a transaction holds the database's one write lock from its start (BEGIN IMMEDIATE): every
    message arriving meanwhile waits to be stored, so the lock is held for the statements only (#9)."""
    conversation = services.conversation_start(customer=demo["alice"])
    _, run, _ = services.message_receive(conversation_id=conversation.id, text="Why did it fail?", client_id="c")
    started = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
    steps = [StepRecord(agent="billing", kind="agent", name=f"step {n}", status="finished", started_at=started,
                        input={"n": n}) for n in range(3)]
    outcome = RunOutcome(reply="Here is what I found.", route="resolver", summary={"route": "resolver"},
                         intent=IntentResult(label="billing", confidence=0.9), steps=steps)
    depth: dict[str, list[int]] = {"prepared": [], "stored": []}
    prepare_step, prepare_json = services._step_values, services._jsonable

    def step_values(*args, **kwargs):
        depth["prepared"].append(len(connection.atomic_blocks))
        return prepare_step(*args, **kwargs)

    def jsonable(value):
        depth["prepared"].append(len(connection.atomic_blocks))
        return prepare_json(value)

    def statement(execute, sql, params, many, context):
        if sql.startswith("INSERT") and "agentstep" in sql:
            depth["stored"].append(len(connection.atomic_blocks))
        return execute(sql, params, many, context)

    monkeypatch.setattr(services, "_step_values", step_values)
    monkeypatch.setattr(services, "_jsonable", jsonable)
    with connection.execute_wrapper(statement):
        services.run_complete(run_id=run.id, outcome=outcome)

    assert len(depth["prepared"]) == 5 and len(depth["stored"]) == 1  # three steps, the summary, the sources
    assert max(depth["prepared"]) < depth["stored"][0]
    assert AgentStep.objects.filter(run=run).count() == 3
