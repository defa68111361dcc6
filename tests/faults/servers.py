"""Real server processes for the fault tests: Daphne on a temporary SQLite file, the LLM stub, Redis.

Built on the benchmark's process helpers (bench/procs.py): every child runs in its own process
group and is killed when the test ends; the temporary directory goes with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets

from bench.procs import PYTHON, ROOT, Child, Children, free_port, manage, wait_http


def template_database(directory: Path) -> Path:
    """A migrated, seeded SQLite file to copy for each server run."""
    path = directory / "template.sqlite3"
    env = server_env(database=path)
    manage(["migrate", "--noinput"], env=env)
    manage(["seed_demo"], env=env)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def server_env(*, database: Path, **extra: str) -> dict[str, str]:
    import os

    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "REDIS_URL"))}
    env.update({
        "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "1", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1",
        "ALLOWED_HOSTS": "127.0.0.1", "SUPPORT_RATE_LIMIT_MESSAGES": "1000", "SUPPORT_RATE_LIMIT_IP_MESSAGES": "1000",
        "SUPPORT_RUN_LEASE_S": "2", "SUPPORT_RECOVERY_INTERVAL_S": "0.5",
    })
    env.update(extra)
    return env


@dataclass
class Site:
    """A database file, the processes serving it, and customers with open conversations."""

    tmp: Path
    database: Path
    children: Children = field(default_factory=Children)
    servers: list[Child] = field(default_factory=list)
    stub_port: int = 0
    extra_env: dict[str, str] = field(default_factory=dict)

    def env(self) -> dict[str, str]:
        extra = dict(self.extra_env)
        if self.stub_port:
            extra |= {"OPENAI_BASE_URL": f"http://127.0.0.1:{self.stub_port}/v1", "OPENAI_API_KEY": "faults",
                      "SUPPORT_LLM_MODEL": "stub-model"}
        return server_env(database=self.database, **extra)

    def start_stub(self, *, ttft_ms: float) -> None:
        self.stub_port = free_port()
        stub = self.children.start("stub", [PYTHON, "-m", "bench.stub", "--port", str(self.stub_port),
                                            "--ttft-ms", str(ttft_ms), "--tokens-per-s", "0"],
                                   env=self.env(), port=self.stub_port, log_dir=self.tmp)
        wait_http(self.stub_port, "/v1/models", child=stub)

    def start_servers(self, count: int = 1) -> list[Child]:
        started = []
        for _ in range(count):
            port = free_port()
            child = self.children.start(f"daphne-{port}", [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
                                                           "supportsite.asgi:application"],
                                        env=self.env(), port=port, log_dir=self.tmp)
            started.append(child)
        for child in started:
            wait_http(child.port, "/readyz", child=child)  # 503 until its database, layer and agents answer
        self.servers = started
        return started

    def kill_servers(self) -> None:
        for child in self.servers:
            self.children.stop(child, sig=signal.SIGKILL)
        self.servers = []

    def customers(self, count: int) -> list[dict[str, str]]:
        result = subprocess.run([PYTHON, "-m", "bench.prepare", str(count)], cwd=ROOT, env=self.env(),
                                capture_output=True, text=True, timeout=120, check=True)
        return json.loads(result.stdout)

    def query(self, sql: str, *params: Any) -> list[tuple]:
        with contextlib.closing(sqlite3.connect(self.database, timeout=30)) as db:
            return db.execute(sql, params).fetchall()

    def logs(self) -> str:
        return "\n".join(f"== {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in self.tmp.glob("*.log"))


@contextlib.contextmanager
def site(tmp: Path, template: Path) -> Iterator[Site]:
    database = tmp / "site.sqlite3"
    shutil.copyfile(template, database)
    result = Site(tmp=tmp, database=database)
    try:
        yield result
    finally:
        result.children.stop_all()


async def connect(port: int, customer: dict[str, str]) -> tuple[Any, dict[str, Any]]:
    """A customer's browser socket to one server: their session, their conversation."""
    socket = await websockets.connect(
        f"ws://127.0.0.1:{port}/ws/chat/?conversation={customer['conversation']}", origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={customer['cookie']}"}, open_timeout=30, ping_interval=None,
    )
    state = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
    assert state["type"] == "conversation.state", state
    return socket, state


async def send(socket: Any, text: str, client_id: str) -> dict[str, Any]:
    """Send a message; return its message.ack."""
    await socket.send(json.dumps({"type": "user.message", "text": text, "client_id": client_id}))
    async with asyncio.timeout(30):
        while True:
            frame = json.loads(await socket.recv())
            if frame["type"] in ("message.ack", "error"):
                assert frame["type"] == "message.ack", frame
                return frame


async def reply_on(socket: Any, *, within_s: float) -> dict[str, Any]:
    async with asyncio.timeout(within_s):
        while True:
            frame = json.loads(await socket.recv())
            if frame["type"] == "assistant.message":
                return frame


def assistant_texts(state: dict[str, Any]) -> list[str]:
    return [m["text"] for m in state["messages"] if m.get("role") == "assistant"]
