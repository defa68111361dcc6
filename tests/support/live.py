"""A real Daphne server for tests: supportsite.asgi.application on 127.0.0.1, an ephemeral port.

It runs in a thread of the test process (Twisted's reactor can run once per process, so it is
started once and shared), which means it sees the test database and any monkeypatched
orchestrator, and real HTTP clients (httpx, a2a-sdk, schemathesis) talk to it over a socket.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

_url: str | None = None
_server: Any = None
_lock = threading.Lock()


def live_server_url() -> str:
    global _url, _server
    with _lock:
        if _url is not None:
            return _url
        from daphne.server import Server  # installs Twisted's asyncio reactor first
        from twisted.internet import reactor

        from supportsite.asgi import application

        server = Server(application=application, endpoints=["tcp:port=0:interface=127.0.0.1"], signal_handlers=False)
        thread = threading.Thread(target=server.run, name="daphne-live", daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.listening_addresses:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("Daphne did not start listening")
            time.sleep(0.02)
        host, port = server.listening_addresses[0]
        _server = server
        atexit.register(lambda: reactor.callFromThread(reactor.stop))
        _url = f"http://{host}:{port}"
        return _url


def live_server_loop() -> asyncio.AbstractEventLoop:
    """The event loop the live server's requests, sockets and runs are on (Daphne's asyncio reactor)."""
    from twisted.internet import reactor

    return reactor._asyncioEventloop


def live_server_release(scripted: Any) -> None:
    """Let the runs a ScriptedOrchestrator holds on the live server (its `release` event) go on."""
    live_server_loop().call_soon_threadsafe(scripted.release.set)


def live_server_quiesce(timeout_s: float = 10.0) -> None:
    """Wait until the live server has no request or socket still at work and no run under way.

    A test's transactional teardown empties the tables with TRUNCATE; a socket the browser just
    closed may still be storing or reading a conversation on the server's threads, and the two
    can deadlock on PostgreSQL. Waiting here first leaves the TRUNCATE alone with the database.
    """
    if _server is None:
        return
    from supportsite.conversations.runner import runs_drain

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            busy = [d for d in list(_server.connections.values())
                    if d.get("application_instance") is not None and not d["application_instance"].done()]
        except RuntimeError:  # the reactor thread changed the dict while it was copied
            continue
        if not busy:
            break
        time.sleep(0.02)
    remaining = max(0.1, deadline - time.monotonic())
    asyncio.run_coroutine_threadsafe(runs_drain(wait_s=remaining), live_server_loop()).result(timeout=remaining + 1)


@pytest.fixture(autouse=True)
def live_server_quiet_at_teardown(transactional_db: None) -> Iterator[None]:
    """For modules that import it: set up after the test database and before the test's own
    fixtures (pages, clients), so at teardown it runs once those are closed and before the tables
    are emptied."""
    yield
    live_server_quiesce()
