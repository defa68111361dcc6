"""`manage.py prune_records`: old runs' step payloads, finished webhook deliveries and stale idempotency results are let go
after their retention; anything newer, still running or still pending is left exactly as it was."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from supportsite.api.keys import api_key_create
from supportsite.api.models import IdempotencyRecord, WebhookDelivery, WebhookEndpoint
from supportsite.conversations.models import AgentRun, AgentStep
from supportsite.conversations.retention import PRUNED_MARK
from supportsite.conversations.staff_selectors import run_waterfall
from tests.staff.factories import billing_run

pytestmark = pytest.mark.django_db


def _aged_run(customer, *, days: float) -> AgentRun:
    run = billing_run(customer=customer)
    finished = timezone.now() - timedelta(days=days)
    AgentRun.objects.filter(pk=run.pk).update(started_at=finished - timedelta(seconds=2), finished_at=finished)
    run.refresh_from_db()
    return run


def _prune(*args: str) -> str:
    out = StringIO()
    call_command("prune_records", *args, stdout=out)
    return out.getvalue()


def _delivery(endpoint: WebhookEndpoint, *, days: float, status: str) -> WebhookDelivery:
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="message.created", payload={"text": "hi"},
                                              status=status, next_attempt_at=timezone.now())
    WebhookDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - timedelta(days=days))
    return delivery


def test_an_old_runs_steps_keep_their_timings_and_lose_their_payloads(demo):
    old, recent = _aged_run(demo["bob"], days=120), _aged_run(demo["alice"], days=10)
    running = billing_run(customer=demo["carol"])
    AgentRun.objects.filter(pk=running.pk).update(status=AgentRun.Status.RUNNING, finished_at=None)
    before = {s.pk: (s.name, s.started_at, s.duration_ms, s.status, s.model, s.input_tokens)
              for s in AgentStep.objects.filter(run=old)}
    kept = {s.pk: (s.input, s.output, s.attributes) for s in AgentStep.objects.exclude(run=old)}
    assert before and any(s.input or s.output for s in AgentStep.objects.filter(run=old))

    assert _prune() == (f"Pruned: {len(before)} step payloads, 0 webhook deliveries, 0 idempotency results\n")
    for step in AgentStep.objects.filter(run=old):
        assert (step.input, step.output, list(step.attributes)) == ({}, {}, [PRUNED_MARK])
        assert (step.name, step.started_at, step.duration_ms, step.status, step.model, step.input_tokens) == \
            before[step.pk]
    assert {s.pk: (s.input, s.output, s.attributes) for s in AgentStep.objects.exclude(run=old)} == kept
    assert AgentRun.objects.get(pk=old.pk).summary  # the run's own record stays whole
    assert len(run_waterfall(run=old).rows) == len(before)
    assert run_waterfall(run=old).payloads_pruned_at == timezone.now().date().isoformat()
    assert run_waterfall(run=recent).payloads_pruned_at == ""
    # Once pruned, a step is not counted or written again.
    assert _prune().startswith("Pruned: 0 step payloads")


def test_the_trace_page_says_the_payloads_were_let_go(admin_client, demo):
    old = _aged_run(demo["bob"], days=120)
    _prune()
    html = admin_client.get(reverse("admin:conversations_agentrun_trace", args=[old.pk])).content.decode()
    assert 'id="payloads-pruned"' in html and "their timings, models, tokens and errors remain" in html


def test_only_finished_webhook_deliveries_past_their_retention_are_deleted(demo):
    endpoint = WebhookEndpoint.objects.create(url="https://example.com/hook", events=["message.created"])
    old_done = [_delivery(endpoint, days=40, status=s) for s in (WebhookDelivery.Status.DELIVERED,
                                                                  WebhookDelivery.Status.FAILED)]
    old_pending = _delivery(endpoint, days=40, status=WebhookDelivery.Status.PENDING)
    recent_done = _delivery(endpoint, days=5, status=WebhookDelivery.Status.DELIVERED)
    assert "2 webhook deliveries" in _prune()
    remaining = set(WebhookDelivery.objects.values_list("pk", flat=True))
    assert remaining == {old_pending.pk, recent_done.pk} and not remaining & {d.pk for d in old_done}


def test_idempotency_results_go_after_the_retry_window(demo):
    key = api_key_create(name="crm", scopes=["messages:write"])[0]
    stale = IdempotencyRecord.objects.create(api_key=key, key="k-old", request_hash="x", response_status=201)
    IdempotencyRecord.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(hours=30))
    fresh = IdempotencyRecord.objects.create(api_key=key, key="k-new", request_hash="y", response_status=201)
    assert "1 idempotency results" in _prune()
    assert list(IdempotencyRecord.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_a_dry_run_counts_and_changes_nothing(demo):
    old = _aged_run(demo["bob"], days=120)
    payloads = list(AgentStep.objects.filter(run=old).values_list("input", "output", "attributes"))
    out = _prune("--dry-run")
    assert out.startswith(f"Would prune: {len(payloads)} step payloads")
    assert list(AgentStep.objects.filter(run=old).values_list("input", "output", "attributes")) == payloads


def test_the_retention_can_be_set_per_run_of_the_command(demo):
    _aged_run(demo["bob"], days=10)
    assert _prune("--step-payloads-days", "30").startswith("Pruned: 0 step payloads")
    assert not _prune("--step-payloads-days", "5").startswith("Pruned: 0 step payloads")


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--step-payloads-days", "0", "Expected more than 0"), ("--idempotency-hours", "-1", "Expected more than 0"),
    ("--webhook-deliveries-days", "soon", "Expected a number of days or hours, not 'soon'"),
])
def test_a_retention_that_would_prune_what_is_in_use_or_is_no_number_is_refused(demo, option, value, says):
    _aged_run(demo["bob"], days=120)
    with pytest.raises(CommandError, match=says):
        _prune(option, value)
    assert not AgentStep.objects.filter(attributes__has_key=PRUNED_MARK).exists()
