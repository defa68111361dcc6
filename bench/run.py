"""`make bench`: the app under load, against a naive baseline, with an LLM stub of known latency.

Starts everything on 127.0.0.1 (Daphne servers, the LLM stub, a temporary database), runs
each scenario's websocket customers, reads the stored runs back, prints a table and writes
bench/results/latest.json. Every child process and temporary database is removed at the end.

    python -m bench.run                      # SQLite + in-memory layer; multi-process with Redis if it runs
    python -m bench.run --postgres --redis --processes 2
    python -m bench.run --only c100 --profile   # py-spy flame graph of the server under that scenario
    BENCH_PROFILE_RATE=1000 python -m bench.run --only c100 --profile   # more samples (default 100 a second)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import json
import os
import platform
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psutil

from bench.load import LoadResult, load_run, summary
from bench.procs import PYTHON, ROOT, Children, free_port, manage, port_open, wait_http
from bench.stub import OPERATION_AGENT, call_seconds

RESULTS = ROOT / "bench" / "results"

LLM_QUESTIONS = [
    "Why did my last payment fail?",
    "My deploy fails with a build timeout error, what should I check?",
    # Two domains at once: the context stage runs the billing and technical workers together.
    "My latest invoice looks wrong and my API calls return error 429 since the last deploy",
    "Can you explain the charge on my card this month?",
    "I cannot log in to my account and my last payment failed",
]
FAQ_QUESTIONS = [
    "How do I reset my password?",
    "What are your support hours?",
    "How do I export my data?",
    "Where can I find my invoices?",
    "Which payment methods do you accept?",
    "How do I delete my account?",
]


@dataclass(frozen=True)
class Scenario:
    name: str
    clients: int
    messages: int
    processes: int = 1
    ttft_ms: float = 200.0
    tokens_per_s: float = 200.0
    pipeline: str = "concurrent"
    redis: bool = False
    postgres: bool = False
    think_s: float = 0.0  # a customer's pause between reading a reply and sending the next message


def scenarios_default(args: argparse.Namespace) -> list[Scenario]:
    base = {"processes": args.processes, "redis": args.redis, "postgres": args.postgres}
    one_s = {"ttft_ms": 800.0, "tokens_per_s": 200.0}  # ~1 s for a streamed reply (38 tokens)
    found = [
        Scenario("c1", clients=1, messages=12, **base),
        Scenario("c1-naive", clients=1, messages=12, pipeline="naive", **base),
        Scenario("c100", clients=100, messages=3, **base),
        Scenario("c100-naive", clients=100, messages=3, pipeline="naive", **base),
        # The same 100 customers at a human pace: each reads the reply and types for 8 s. The
        # rows above send the next message the instant a reply lands, which measures capacity.
        Scenario("c100-paced", clients=100, messages=3, think_s=8.0, **base),
        Scenario("c1000-1s", clients=1000, messages=1, **base, **one_s),
        # The same 1,000 open conversations at a human pace: each customer sends once, at their own
        # moment within one minute (about 17 messages a second), instead of all in one instant.
        Scenario("c1000-1s-paced", clients=1000, messages=1, think_s=60.0, **base, **one_s),
    ]
    if args.processes < 2:
        # Several processes share conversations through Redis; PostgreSQL when it runs here (the
        # production set-up: SQLite's one writer is a poor fit for several processes).
        found.append(Scenario("multiprocess", clients=200, messages=2, processes=2, redis=True,
                              postgres=args.postgres or postgres_base_url() is not None))
    return found


# --- environment ------------------------------------------------------------------------------

def redis_url() -> str | None:
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    return "redis://127.0.0.1:6379/0" if port_open(6379) else None


def postgres_base_url() -> str | None:
    url = os.environ.get("BENCH_POSTGRES_URL") or (
        os.environ.get("DATABASE_URL") if (os.environ.get("DATABASE_URL") or "").startswith("postgres") else None)
    if url:
        return url
    return "postgres://postgres@127.0.0.1:5432/postgres" if port_open(5432) else None


class Databases:
    """A seeded template database, and a fresh copy of it for each scenario."""

    def __init__(self, tmp: Path, base_env: dict[str, str]):
        self.tmp = tmp
        self.base_env = base_env
        self.sqlite_template: Path | None = None
        self.pg_base: str | None = None
        self.pg_created: list[str] = []
        self.prefix = f"nwbench_{os.getpid()}"

    def _seed(self, url: str) -> None:
        env = {**self.base_env, "DATABASE_URL": url}
        manage(["migrate", "--noinput"], env=env)
        manage(["seed_demo"], env=env)

    def fresh(self, scenario: Scenario) -> str:
        if scenario.postgres:
            return self._fresh_postgres(scenario)
        if self.sqlite_template is None:
            self.sqlite_template = self.tmp / "template.sqlite3"
            self._seed(f"sqlite:///{self.sqlite_template}")
            with contextlib.closing(sqlite3.connect(self.sqlite_template)) as db:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        path = self.tmp / f"{scenario.name}.sqlite3"
        shutil.copyfile(self.sqlite_template, path)
        return f"sqlite:///{path}"

    def _pg(self, sql: str) -> None:
        import psycopg

        assert self.pg_base is not None
        with psycopg.connect(self.pg_base, autocommit=True) as conn:
            conn.execute(sql)

    def _fresh_postgres(self, scenario: Scenario) -> str:
        base = postgres_base_url()
        if base is None:
            raise SystemExit("--postgres: no PostgreSQL on 127.0.0.1:5432 (set BENCH_POSTGRES_URL)")
        root = base.rsplit("/", 1)[0]
        if self.pg_base is None:
            self.pg_base = base
            self._pg(f'CREATE DATABASE "{self.prefix}_template"')
            self.pg_created.append(f"{self.prefix}_template")
            self._seed(f"{root}/{self.prefix}_template")
        name = f"{self.prefix}_{scenario.name.replace('-', '_')}"
        self._pg(f'CREATE DATABASE "{name}" TEMPLATE "{self.prefix}_template"')
        self.pg_created.append(name)
        return f"{root}/{name}"

    def drop_all(self) -> None:
        for name in reversed(self.pg_created):
            with contextlib.suppress(Exception):
                self._pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.pg_created.clear()


# --- one scenario -----------------------------------------------------------------------------

def _python_json(module: str, args: list[str], *, env: dict[str, str], stdin: str = "") -> Any:
    result = subprocess.run([PYTHON, "-m", module, *args], cwd=ROOT, env=env, input=stdin, capture_output=True,
                            text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


STREAMED = {"write_reply"}


class StubCosts:
    """The stub's own time per kind of call: as it measured itself during the scenario, else as configured."""

    def __init__(self, *, ttft_s: float, tokens_per_s: float, measured: dict[str, dict[str, float]]):
        self.ttft_s, self.tokens_per_s, self.measured = ttft_s, tokens_per_s, measured

    def seconds(self, operation: str) -> float:
        agent = OPERATION_AGENT.get(operation, "reply")
        kind = f"{agent}-stream" if operation in STREAMED else agent
        if kind in self.measured:
            return self.measured[kind]["mean_s"]
        return call_seconds(agent, ttft_s=self.ttft_s, tokens_per_s=self.tokens_per_s)

    def first_token(self) -> float:
        """The streamed reply's time to its first token, as the stub measured it (else as configured)."""
        measured = self.measured.get("reply-stream-ttft")
        return measured["mean_s"] if measured else self.ttft_s


def _http_json(port: int, path: str, *, method: str = "GET") -> Any:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def stub_seconds_for_run(llm_steps: list[dict[str, Any]], costs: StubCosts) -> float:
    """The stub's own time on the run's critical path: calls that overlapped count once (the longest)."""
    total, group_end, group_cost = 0.0, None, 0.0
    for step in sorted(llm_steps, key=lambda s: s["start_ms"]):
        if step["provider"] == "offline":
            continue  # local computation, not the stub's time
        cost = costs.seconds(step["operation"])
        start, end = step["start_ms"], step["start_ms"] + step["duration_ms"]
        if group_end is not None and start < group_end:
            group_cost, group_end = max(group_cost, cost), max(group_end, end)
        else:
            total += group_cost
            group_cost, group_end = cost, end
    return total + group_cost


def stub_seconds_to_first_token(llm_steps: list[dict[str, Any]], costs: StubCosts) -> float:
    """The stub's own time before the streamed reply's first token: every call before the last
    write_reply (a panel's specialists draft unstreamed first), then that call's time to first token."""
    ordered = sorted(llm_steps, key=lambda s: s["start_ms"])
    writes = [i for i, s in enumerate(ordered) if s["operation"] == "write_reply" and s["provider"] != "offline"]
    before = ordered[:writes[-1]] if writes else ordered
    return stub_seconds_for_run(before, costs) + costs.first_token()


def scenario_figures(scenario: Scenario, load: LoadResult, runs: dict[str, dict[str, Any]], peak_rss_mb: float,
                     costs: StubCosts) -> dict[str, Any]:
    done = [s for s in load.samples if s.reply_at is not None]
    faq = [s.e2e_ms for s in done if s.route == "faq"]
    llm = [s for s in done if s.route != "faq"]
    overhead, over_stub, llm_ttft, ttft_overhead = [], [], [], []
    for sample in llm:
        run = runs.get(sample.run_id)
        if run is None:
            continue
        stub_ms = 1000 * stub_seconds_for_run(run["llm"], costs)
        overhead.append(sample.e2e_ms - stub_ms)
        if stub_ms:
            over_stub.append(sample.e2e_ms / stub_ms)
        if sample.ttft_ms is not None:
            first = 1000 * stub_seconds_to_first_token(run["llm"], costs)
            llm_ttft.append(first)
            ttft_overhead.append(sample.ttft_ms - first)
    llm_calls = [sum(1 for step in runs[s.run_id]["llm"] if step["provider"] != "offline")
                 for s in llm if s.run_id in runs]
    by_route: dict[str, list[float]] = {}
    for sample in llm:
        if sample.run_id in runs:
            calls = sum(1 for step in runs[sample.run_id]["llm"] if step["provider"] != "offline")
            stub_ms = 1000 * stub_seconds_for_run(runs[sample.run_id]["llm"], costs)
            by_route.setdefault(f"{sample.route}/{calls}", []).append(sample.e2e_ms - stub_ms)
    ratios = [r["context_ms"] / r["max_worker_ms"] for r in runs.values()
              if r["workers"] >= 2 and r["context_ms"] and r["max_worker_ms"]]
    elapsed = max(load.finished_at - load.started_at, 1e-9)
    routes: dict[str, int] = {}
    for sample in done:
        routes[sample.route] = routes.get(sample.route, 0) + 1
    figures = {
        "name": scenario.name,
        "concurrency": scenario.clients,
        "processes": scenario.processes,
        "think_s": scenario.think_s,
        "messages_per_s": round(len(done) / elapsed, 1),
        "e2e_ms": summary([s.e2e_ms for s in llm], 50, 95, 99),
        "ttft_ms": summary([s.ttft_ms for s in llm if s.ttft_ms is not None], 50, 95),
        "llm_ttft_ms": summary(llm_ttft, 50)["p50"],
        # Each message's time to its first streamed piece minus the stub's own time up to it: the
        # TTFT target's figure (a difference of two medians is not the median difference).
        "ttft_overhead_ms": summary(ttft_overhead, 50, 95),
        "overhead_ms": summary(overhead, 50, 95),
        # End to end as a multiple of the stub's own time for the same message (1.25 = 25% more).
        "e2e_over_stub": summary(over_stub, 50, 95, digits=3),
        "faq_ms": summary(faq, 50, 95),
        "context_ratio": round(sum(ratios) / len(ratios), 3) if ratios else None,
        "errors": load.errors,
        "peak_rss_mb": round(peak_rss_mb, 1),
    }
    # Not part of the published JSON: what the table and the README need to read the figures.
    extra = {
        "stub_ms_per_llm_message": summary(
            [1000 * stub_seconds_for_run(runs[s.run_id]["llm"], costs) for s in llm if s.run_id in runs], 50),
        # Calls to the stub per message that needed the LLM: a local label the classifier is sure of
        # saves the intent call (SUPPORT_TRUST_LOCAL_INTENT_AT).
        "llm_calls_per_llm_message": round(statistics.fmean(llm_calls), 2) if llm_calls else None,
        "stub_measured": costs.measured,
        "routes": routes,
        "overhead_by_route_calls": {k: summary(v, 50, 95) | {"n": len(v)} for k, v in sorted(by_route.items())},
        "messages": len(done),
        "error_samples": sorted({s.error for s in load.samples if s.error})[:5],
        "run_fallbacks": sum(1 for r in runs.values() if r["fallbacks"]),
        "pipeline": scenario.pipeline,
    }
    return {"figures": figures, "extra": extra}


def run_scenario(scenario: Scenario, *, dbs: Databases, children: Children, tmp: Path, base_env: dict[str, str],
                 profile: bool) -> dict[str, Any]:
    stub_port = free_port()
    stub = children.start("stub", [PYTHON, "-m", "bench.stub", "--port", str(stub_port),
                                   "--ttft-ms", str(scenario.ttft_ms), "--tokens-per-s", str(scenario.tokens_per_s)],
                          env=base_env, port=stub_port, log_dir=tmp)
    env = {
        **base_env,
        "DATABASE_URL": dbs.fresh(scenario),
        "OPENAI_BASE_URL": f"http://127.0.0.1:{stub_port}/v1",
        "OPENAI_API_KEY": "bench",
        "SUPPORT_LLM_MODEL": "stub-model",
        "SUPPORT_PIPELINE": scenario.pipeline,
    }
    if scenario.redis:
        url = redis_url()
        if url is None:
            raise SystemExit(f"{scenario.name}: needs Redis (127.0.0.1:6379 or REDIS_URL)")
        env["REDIS_URL"] = url
        env["CHANNEL_LAYER_PREFIX"] = f"nwbench{os.getpid()}{scenario.name}"
    else:
        env.pop("REDIS_URL", None)
    prepared = _python_json("bench.prepare", [str(scenario.clients + scenario.processes)], env=env)
    clients, warmers = prepared[:scenario.clients], prepared[scenario.clients:]
    servers = []
    for number in range(scenario.processes):
        port = free_port()
        servers.append(children.start(
            f"daphne-{scenario.name}-{number}", [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
                                                 "supportsite.asgi:application"],
            env=env, port=port, log_dir=tmp))
    wait_http(stub_port, "/v1/models", child=stub)
    for server in servers:
        wait_http(server.port, "/readyz", child=server)  # 503 until its database, layer and agents answer
    # Warm every server up (orchestrator built, classifier loaded, connections open): not measured.
    asyncio.run(load_run(ports=[s.port for s in servers], clients=warmers, messages_per_client=4,
                         faq_questions=FAQ_QUESTIONS, llm_questions=LLM_QUESTIONS, faq_every=2))
    _http_json(stub_port, "/bench/reset", method="POST")
    profiler: subprocess.Popen[str] | None = None
    cpu_before: list[float] = []

    def messages_begin() -> None:
        # CPU and the profile from the first message on: opening 1,000 sockets (sign-in, the
        # conversation's state) is not replying, and at one message per customer it would be
        # counted against every reply.
        nonlocal profiler
        if profile:
            collapsed = RESULTS / f"profile-{scenario.name}.txt"  # flamegraph.pl or speedscope read it
            profiler = subprocess.Popen(
                [shutil.which("py-spy") or str(Path(PYTHON).parent / "py-spy"), "record", "--pid",
                 str(servers[0].proc.pid), "--output", str(collapsed), "--format", "raw",
                 "--rate", os.environ.get("BENCH_PROFILE_RATE", "100"), "--nonblocking", "--threads", "--gil"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        cpu_before.append(sum(server.cpu_seconds() for server in servers))

    load = asyncio.run(load_run(
        ports=[s.port for s in servers], clients=clients, messages_per_client=scenario.messages,
        faq_questions=FAQ_QUESTIONS, llm_questions=LLM_QUESTIONS, think_s=scenario.think_s,
        on_all_connected=messages_begin,
    ))
    if profiler is not None:
        profiler.send_signal(2)
        with contextlib.suppress(subprocess.TimeoutExpired):
            profiler.wait(timeout=30)
    server_cpu_s = sum(server.cpu_seconds() for server in servers) - cpu_before[0]
    measured = _http_json(stub_port, "/bench/stats")
    time.sleep(0.3)  # last run rows committed
    peak = sum(server.sample_rss() for server in servers)
    for server in servers:
        children.stop(server)
    children.stop(stub)
    run_ids = sorted({s.run_id for s in load.samples if s.run_id})
    runs = _python_json("bench.dbstats", [], env=env, stdin="\n".join(run_ids)) if run_ids else {}
    costs = StubCosts(ttft_s=scenario.ttft_ms / 1000, tokens_per_s=scenario.tokens_per_s, measured=measured)
    result = scenario_figures(scenario, load, runs, peak, costs)
    replies = max(1, result["extra"]["messages"])
    # CPU the server processes spent per reply: the figure that sets how many messages a core serves.
    result["figures"]["server_cpu_ms_per_message"] = round(1000 * server_cpu_s / replies, 1)
    return result


# --- report -----------------------------------------------------------------------------------

SPEED_PROBE_ADDITIONS = 5_000_000


def speed_probe_s(additions: int = SPEED_PROBE_ADDITIONS) -> float:
    """Seconds one core takes for `additions` additions in a Python loop.

    Shared VMs run at different speeds from hour to hour (threefold on the one the README's figures
    come from); taken before and after the scenarios, this says which phase a run was taken in, so
    figures from different runs are compared like with like.
    """
    started = time.perf_counter()
    total = 0
    for number in range(additions):
        total += number
    return round(time.perf_counter() - started, 3)


# The packages a reply's CPU goes through: two runs on one VM at one speed differed by a third in CPU per reply, and only
# the installed versions (resolved afresh by each install) could say whether the code or the stack had changed.
MEASURED_PACKAGES = ("django", "channels", "daphne", "twisted", "autobahn", "openai", "httpx", "httpx2", "aiohttp",
                     "pydantic", "numpy", "channels-redis", "psycopg")


def package_versions(names: tuple[str, ...] = MEASURED_PACKAGES) -> dict[str, str]:
    """The installed version of each package the server's path runs through; absent ones are left out."""
    versions: dict[str, str] = {}
    for name in names:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions[name] = importlib.metadata.version(name)
    return versions


def machine(args: argparse.Namespace, *, speed_probe: dict[str, float] | None = None) -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    return {
        "cpu": cpu or platform.processor(),
        "cores": psutil.cpu_count(logical=True),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "database": "postgresql" if args.postgres else "sqlite",
        "channel_layer": "redis" if args.redis else "in-memory (redis for the multi-process scenario)",
        "date": time.strftime("%Y-%m-%d"),
        # Five million additions in a Python loop, in seconds, before and after the scenarios.
        "speed_probe_s": speed_probe or {},
        "packages": package_versions(),
    }


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if isinstance(value, float) and abs(value) >= 10 else str(value)


def table(results: list[dict[str, Any]]) -> str:
    head = ["scenario", "conc", "proc", "msg/s", "e2e p50", "e2e p95", "e2e p99", "ttft p50", "ttft p95",
            "stub ttft", "ttft-stub p50", "ttft-stub p95", "ovh p50", "ovh p95", "÷stub p95", "faq p50", "faq p95", "ctx ratio", "errors", "rss MB", "cpu/reply"]
    rows = [head]
    for result in results:
        f = result["figures"]
        rows.append([
            f["name"], f["concurrency"], f["processes"], f["messages_per_s"], f["e2e_ms"]["p50"], f["e2e_ms"]["p95"],
            f["e2e_ms"]["p99"], f["ttft_ms"]["p50"], f["ttft_ms"]["p95"], f["llm_ttft_ms"],
            f.get("ttft_overhead_ms", {}).get("p50"), f.get("ttft_overhead_ms", {}).get("p95"), f["overhead_ms"]["p50"],
            f["overhead_ms"]["p95"], f["e2e_over_stub"]["p95"], f["faq_ms"]["p50"], f["faq_ms"]["p95"], f["context_ratio"], f["errors"],
            f["peak_rss_mb"], f.get("server_cpu_ms_per_message"),
        ])
    cells = [[_fmt(c) if not isinstance(c, str) else c for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in cells]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite for every scenario")
    parser.add_argument("--redis", action="store_true", help="the Redis channel layer for every scenario")
    parser.add_argument("--processes", type=int, default=1, help="Daphne processes per scenario (2+ needs --redis)")
    parser.add_argument("--only", default="", help="comma-separated scenario names")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply client counts (a quick run: 0.1)")
    parser.add_argument("--messages", type=int, default=0, help="messages per conversation, instead of each scenario's")
    parser.add_argument("--profile", action="store_true", help="py-spy flame graph of the first server per scenario")
    parser.add_argument("--keep", action="store_true", help="keep the temporary logs and SQLite files")
    parser.add_argument("--output", default=str(RESULTS / "latest.json"))
    args = parser.parse_args(argv)
    if args.processes > 1 and not args.redis:
        parser.error("--processes 2+ needs --redis: processes share conversations through the channel layer")

    scenarios = scenarios_default(args)
    if args.only:
        wanted = set(args.only.split(","))
        scenarios = [s for s in scenarios if s.name in wanted]
    if args.scale != 1.0:
        scenarios = [replace(s, clients=max(1, round(s.clients * args.scale))) for s in scenarios]
    if args.messages:
        scenarios = [replace(s, messages=args.messages) for s in scenarios]
    if not redis_url():
        skipped = [s.name for s in scenarios if s.redis]
        if skipped and not args.redis:
            print(f"No Redis on 127.0.0.1:6379: skipping {', '.join(skipped)}", file=sys.stderr)
            scenarios = [s for s in scenarios if not s.redis]

    RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="nwbench-"))
    base_env = {
        **os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(48), "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
        "SUPPORT_RATE_LIMIT_MESSAGES": "1000000", "SUPPORT_RATE_LIMIT_IP_MESSAGES": "1000000",
    }
    children, dbs = Children(), Databases(tmp, base_env)
    results: list[dict[str, Any]] = []
    probe = {"before": speed_probe_s()}
    print(f"Speed probe: five million additions in {probe['before']} s", flush=True)
    started = time.monotonic()
    try:
        for scenario in scenarios:
            print(f"· {scenario.name}: {scenario.clients} conversations × {scenario.messages} messages, "
                  f"{scenario.processes} process(es), stub ttft {scenario.ttft_ms:.0f} ms, "
                  f"pipeline {scenario.pipeline}" + (f", {scenario.think_s:.0f} s between messages"
                                                      if scenario.think_s else ""), flush=True)
            t0 = time.monotonic()
            result = run_scenario(scenario, dbs=dbs, children=children, tmp=tmp, base_env=base_env,
                                  profile=args.profile)
            results.append(result)
            extra = result["extra"]
            print(f"  done in {time.monotonic() - t0:.0f} s: {extra['messages']} replies, routes {extra['routes']}, "
                  f"ttft overhead p50 / p95 {result['figures']['ttft_overhead_ms']['p50']} / "
                  f"{result['figures']['ttft_overhead_ms']['p95']} ms, stub per message "
                  f"{extra['stub_ms_per_llm_message']['p50']} ms, stub calls per message "
                  f"{extra['llm_calls_per_llm_message']}, server CPU per reply "
                  f"{result['figures']['server_cpu_ms_per_message']} ms"
                  + (f", errors {extra['error_samples']}" if extra["error_samples"] else ""), flush=True)
            for key, spread in extra["overhead_by_route_calls"].items():
                print(f"    overhead, route/stub calls {key}: p50 / p95 {spread['p50']} / {spread['p95']} ms "
                      f"({spread['n']} messages)", flush=True)
    finally:
        children.stop_all()
        dbs.drop_all()
        if args.keep:
            print(f"Kept the logs and databases in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    probe["after"] = speed_probe_s()
    report = {"machine": machine(args, speed_probe=probe), "scenarios": [r["figures"] for r in results]}
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(table(results))
    print(f"\nSpeed probe: {probe['before']} s before, {probe['after']} s after (five million additions)")
    print(f"Wrote {args.output} in {time.monotonic() - started:.0f} s "
          "(overhead = end-to-end − the stub's own time; ttft/faq/e2e in ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
