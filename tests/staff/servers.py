"""Daphne server processes for the multi-process and browser tests: a shared SQLite file, real sockets."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "supportsite.settings",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}", "LOG_LEVEL": "WARNING", **extra}
    for name in ("TEST_DATABASE_NAME", "REQUIRE_SERVICES", "PYTEST_CURRENT_TEST"):
        env.pop(name, None)
    if not extra.get("REDIS_URL"):
        env.pop("REDIS_URL", None)
    return env


def database_prepare(env: dict[str, str]) -> None:
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True, timeout=300)
    subprocess.run([*MANAGE, "seed_demo"], env=env, cwd=ROOT, check=True, timeout=300, capture_output=True)


def script_run(env: dict[str, str], code: str) -> dict:
    """Run Python against the servers' database (Django set up) and return the JSON it prints last."""
    prelude = "import django, json; django.setup()\n"
    done = subprocess.run([sys.executable, "-c", prelude + code], env=env, cwd=ROOT, check=True, timeout=120,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne on {port} exited: {process.stdout.read() if process.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"daphne on {port} did not start")


@contextmanager
def daphne_servers(env: dict[str, str], count: int) -> Iterator[list[str]]:
    """Start `count` Daphne processes on free ports; yield their host:port; stop them afterwards."""
    ports = [free_port() for _ in range(count)]
    processes = [
        subprocess.Popen([sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
                          "supportsite.asgi:application"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True)
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for_port(port, process)
        yield [f"127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
