"""The run's timeline: steps nested by parent, bars placed on one time axis so concurrent work overlaps."""

from __future__ import annotations

import pytest

from supportsite.conversations.staff_selectors import run_waterfall, steps_overlap
from tests.staff.factories import billing_run, step

pytestmark = pytest.mark.django_db


def _rows(run):
    return {(row.step.agent, row.step.kind, row.step.name): row for row in run_waterfall(run=run).rows}


def test_concurrent_billing_and_account_workers_get_overlapping_bars(demo):
    rows = _rows(billing_run(customer=demo["alice"]))
    billing, account = rows[("billing", "agent", "billing")], rows[("account", "agent", "account")]
    resolver = rows[("resolver", "agent", "resolver")]
    assert steps_overlap(billing, account)
    # Both start within a few percent of each other, and the resolver starts after both ended.
    assert abs(billing.offset_pct - account.offset_pct) < 1
    assert resolver.offset_pct >= billing.offset_pct + billing.width_pct
    assert resolver.offset_pct >= account.offset_pct + account.width_pct
    assert not steps_overlap(resolver, rows[("intent", "agent", "intent")])


def test_bars_are_scaled_to_time_on_the_whole_runs_span(demo):
    waterfall = run_waterfall(run=billing_run(customer=demo["alice"]))
    rows = {(r.step.agent, r.step.kind): r for r in waterfall.rows}
    assert waterfall.span_ms == pytest.approx(1700, abs=1)
    billing = rows[("billing", "agent")]  # 130–700 ms of 1700 ms
    assert billing.offset_pct == pytest.approx(130 / 1700 * 100, abs=0.01)
    assert billing.width_pct == pytest.approx(570 / 1700 * 100, abs=0.01)
    assert rows[("orchestrator", "agent")].offset_pct == 0
    assert rows[("orchestrator", "agent")].width_pct == pytest.approx(100)


def test_steps_are_nested_depth_first_under_their_parents(demo):
    waterfall = run_waterfall(run=billing_run(customer=demo["alice"]))
    order = [(r.step.agent, r.step.kind, r.depth) for r in waterfall.rows]
    assert order[0] == ("orchestrator", "agent", 0)
    billing_at = order.index(("billing", "agent", 1))
    assert order[billing_at + 1] == ("billing", "tool", 2)  # its tool call sits right under it
    account_at = order.index(("account", "agent", 1))
    assert order[account_at + 1] == ("account", "tool", 2)
    for row in waterfall.rows:
        if row.step.parent_id is not None:
            parent = next(r for r in waterfall.rows if r.step.id == row.step.parent_id)
            assert row.depth == parent.depth + 1
            assert waterfall.rows.index(parent) < waterfall.rows.index(row)


def test_a_step_whose_parent_is_missing_is_shown_at_the_top_and_a_zero_length_step_stays_visible(demo):
    run = billing_run(customer=demo["alice"])
    instant = step(run, agent="guard", kind="tool", start_ms=1699, end_ms=1699)
    rows = {r.step.id: r for r in run_waterfall(run=run).rows}
    assert rows[instant.id].depth == 0
    assert rows[instant.id].width_pct > 0


def test_the_run_page_places_each_bar_at_its_computed_offset(staff_client, demo):
    from django.urls import reverse

    run = billing_run(customer=demo["alice"])
    html = staff_client.get(reverse("admin:conversations_agentrun_trace", args=[run.id])).content.decode()
    for row in run_waterfall(run=run).rows:
        assert f'style="left:{row.offset_pct}%;width:{row.width_pct}%"' in html
