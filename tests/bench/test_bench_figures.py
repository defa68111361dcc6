"""The benchmark's arithmetic: the stub's own time is subtracted once per overlap, percentiles, the table."""

from __future__ import annotations

import argparse
import json

from bench.load import LoadResult, Sample, percentile, summary
from bench.run import (
    Scenario,
    StubCosts,
    machine,
    package_versions,
    scenario_figures,
    speed_probe_s,
    stub_seconds_for_run,
    stub_seconds_to_first_token,
    table,
)

COSTS = StubCosts(ttft_s=0.2, tokens_per_s=0.0, measured={})  # every call costs exactly its 0.2 s TTFT


def llm(operation: str, start_ms: float, duration_ms: float, provider: str = "openai") -> dict:
    return {"operation": operation, "start_ms": start_ms, "duration_ms": duration_ms, "provider": provider}


def test_calls_one_after_another_add_up_and_overlapping_calls_count_once():
    sequential = [llm("classify", 0, 210), llm("write_reply", 220, 210), llm("review", 440, 210)]
    assert round(stub_seconds_for_run(sequential, COSTS), 9) == 0.6
    panel = [llm("classify", 0, 210), llm("write_reply", 220, 230), llm("write_reply", 225, 220)]
    assert round(stub_seconds_for_run(panel, COSTS), 9) == 0.4  # the two specialists overlapped
    offline = [llm("classify", 0, 3, provider="offline"), llm("write_reply", 5, 210)]
    assert round(stub_seconds_for_run(offline, COSTS), 9) == 0.2  # local work is the app's, not the stub's


def test_the_stubs_time_to_first_token_is_the_calls_before_the_last_reply_plus_its_ttft():
    calls = [llm("classify", 0, 210), llm("write_reply", 220, 210), llm("write_reply", 450, 400),
             llm("review", 860, 210)]
    assert round(stub_seconds_to_first_token(calls, COSTS), 9) == 0.6


def test_percentiles_by_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 51.0 and percentile(values, 95) == 95.0 and percentile([], 50) is None
    assert summary([5.0], 50, 95) == {"p50": 5.0, "p95": 5.0}


def test_figures_subtract_each_messages_own_stub_time_and_the_table_prints_them():
    load = LoadResult(started_at=0.0, finished_at=2.0, samples=[
        Sample(kind="llm", sent_at=0.0, first_delta_at=0.45, reply_at=0.70, run_id="r1", route="resolver"),
        Sample(kind="faq", sent_at=1.0, reply_at=1.02, run_id="r2", route="faq"),
    ])
    runs = {"r1": {"llm": [llm("classify", 0, 210), llm("write_reply", 215, 420)], "context_ms": 110.0,
                   "max_worker_ms": 100.0, "workers": 2, "fallbacks": []}}
    result = scenario_figures(Scenario("c1", clients=1, messages=2), load, runs, 150.0, COSTS)
    figures = result["figures"]
    assert figures["overhead_ms"]["p50"] == 300.0  # 700 ms end to end − 2 × 200 ms of stub
    assert figures["e2e_over_stub"] == {"p50": 1.75, "p95": 1.75}  # 700 ms against the stub's 400
    # The first piece at 450 ms; the stub's own time up to it: the intent call and the reply's first token
    assert figures["llm_ttft_ms"] == 400.0 and figures["ttft_overhead_ms"] == {"p50": 50.0, "p95": 50.0}
    assert figures["faq_ms"]["p50"] == 20.0
    assert figures["context_ratio"] == 1.1
    assert figures["messages_per_s"] == 1.0 and figures["errors"] == 0
    assert result["extra"]["llm_calls_per_llm_message"] == 2.0
    printed = table([result])
    assert printed.splitlines()[0].split()[:2] == ["scenario", "conc"] and "c1" in printed


def test_calls_to_the_stub_per_message_leave_out_the_offline_providers():
    load = LoadResult(started_at=0.0, finished_at=2.0, samples=[
        Sample(kind="llm", sent_at=0.0, first_delta_at=0.45, reply_at=0.70, run_id="asked", route="resolver"),
        Sample(kind="llm", sent_at=1.0, first_delta_at=1.25, reply_at=1.50, run_id="sure", route="resolver"),
    ])
    runs = {
        "asked": {"llm": [llm("classify", 0, 210), llm("write_reply", 215, 420), llm("review", 640, 210)],
                  "context_ms": None, "max_worker_ms": None, "workers": 1, "fallbacks": []},
        "sure": {"llm": [llm("classify", 0, 1, provider="offline"), llm("write_reply", 5, 420),
                         llm("review", 430, 210)],
                 "context_ms": None, "max_worker_ms": None, "workers": 1, "fallbacks": []},
    }
    result = scenario_figures(Scenario("c1", clients=1, messages=2), load, runs, 150.0, COSTS)
    assert result["extra"]["llm_calls_per_llm_message"] == 2.5


def test_the_machine_block_records_the_speed_probe_taken_around_the_scenarios():
    args = argparse.Namespace(postgres=False, redis=False)
    block = machine(args, speed_probe={"before": 0.301, "after": 0.822})
    assert block["speed_probe_s"] == {"before": 0.301, "after": 0.822}
    assert json.loads(json.dumps(block))["speed_probe_s"]["after"] == 0.822
    assert machine(args)["speed_probe_s"] == {}


def test_the_machine_block_records_the_installed_versions_of_the_packages_on_a_replys_path():
    import importlib.metadata

    block = machine(argparse.Namespace(postgres=False, redis=False))
    assert block["packages"]["django"] == importlib.metadata.version("django")
    assert block["packages"]["openai"] == importlib.metadata.version("openai")
    assert "no-such-package" not in package_versions(("django", "no-such-package"))


def test_the_speed_probe_is_seconds_to_the_millisecond():
    seconds = speed_probe_s(additions=10_000)
    assert isinstance(seconds, float) and seconds >= 0 and round(seconds, 3) == seconds
