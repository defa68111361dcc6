"""Child processes of a benchmark run: Daphne servers and the LLM stub, always cleaned up.

Every process is started in its own process group and killed (TERM, then KILL) when the
run ends, however it ends. Temporary databases live in a temporary directory that goes too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory: the kernel's VmHWM where there is /proc, else RSS now."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return psutil.Process(pid).memory_info().rss / 2**20


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.3):
            return True
    except OSError:
        return False


@dataclass
class Child:
    name: str
    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path
    peak_rss_mb: float = 0.0

    def alive(self) -> bool:
        return self.proc.poll() is None

    def cpu_seconds(self) -> float:
        """User and system CPU time the process has used so far."""
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(self.proc.pid).cpu_times()
            return times.user + times.system
        return 0.0

    def sample_rss(self) -> float:
        """Peak resident memory so far (the kernel's high-water mark, VmHWM), in MB."""
        with contextlib.suppress(psutil.Error, ValueError):
            self.peak_rss_mb = max(self.peak_rss_mb, _peak_rss_mb(self.proc.pid))
        return self.peak_rss_mb


@dataclass
class Children:
    """All processes of one run; stop() is idempotent and runs on any exit."""

    children: list[Child] = field(default_factory=list)

    def start(self, name: str, args: list[str], *, env: dict[str, str], port: int, log_dir: Path) -> Child:
        log_path = log_dir / f"{name}.log"
        log = open(log_path, "wb")  # noqa: SIM115  (closed with the process)
        proc = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        child = Child(name=name, proc=proc, port=port, log_path=log_path)
        self.children.append(child)
        return child

    def stop(self, child: Child, *, sig: int = signal.SIGTERM, wait_s: float = 5.0) -> None:
        child.sample_rss()
        if child.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.proc.pid, sig)
            try:
                child.proc.wait(timeout=wait_s)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.proc.pid, signal.SIGKILL)
                child.proc.wait(timeout=5)

    def stop_all(self) -> None:
        for child in reversed(self.children):
            self.stop(child)
        self.children.clear()


def wait_http(port: int, path: str = "/", *, timeout_s: float = 60.0, child: Child | None = None) -> None:
    """Wait until http://127.0.0.1:port/path answers with a status below 500 (/readyz: 503 until ready)."""
    deadline = time.monotonic() + timeout_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        if child is not None and not child.alive():
            raise RuntimeError(f"{child.name} exited early; see {child.log_path}:\n{_tail(child.log_path)}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
            last = exc
        except OSError as exc:
            last = exc
        time.sleep(0.1)
    raise RuntimeError(f"127.0.0.1:{port}{path} did not answer within {timeout_s}s ({last})")


def _tail(path: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def manage(args: list[str], *, env: dict[str, str]) -> str:
    """Run a manage.py command in the project with env; raise with its output if it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout
