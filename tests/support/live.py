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
from typing import Any

_url: str | None = None
_lock = threading.Lock()


def live_server_url() -> str:
    global _url
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
