"""What a load balancer asks of a server process: is it alive, and can it serve customers now.

Liveness asks nothing of the database or the channel layer: a process whose database is down is
not broken, and restarting every process because PostgreSQL restarts would only add to the outage.
Readiness asks each dependency a customer's message needs, at once and each within a time limit:
the database answers a query, a message sent through the channel layer comes back (Redis, when
several processes share one site), and the agents' models and knowledge indexes are loaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Literal

from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from pydantic import BaseModel

from supportsite.conversations.engine import orchestrator_ready
from supportsite.core.db import with_fresh_connection

logger = logging.getLogger(__name__)
PROBE_MESSAGE = {"type": "health.probe"}


class NotReadyYet(Exception):
    """A dependency that is expected to come up by itself (the agents loading at start), not a failure."""


class CheckResult(BaseModel):
    ok: bool
    ms: float
    # The kind of failure only ("timeout", "OperationalError"): the probe answers anyone who can reach the
    # port, so connection strings and hostnames stay in the server's log.
    error: str = ""


class Readiness(BaseModel):
    status: Literal["ok", "unavailable"]
    checks: dict[str, CheckResult]


@with_fresh_connection  # a connection the database dropped while it restarted is not reused
def _database_answers() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


async def database_check() -> None:
    # A thread of the default pool, not the pools customers' messages queue on: readiness asks whether the
    # database answers, and a busy pool is load, which taking the process out of rotation would only move.
    await asyncio.to_thread(_database_answers)


async def channel_layer_check() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer is configured")
    channel = await layer.new_channel("health.")
    try:
        await layer.send(channel, PROBE_MESSAGE)
        received = await layer.receive(channel)
        if received != PROBE_MESSAGE:
            raise RuntimeError("the channel layer returned another message")
    finally:
        await _channel_forget(layer, channel)


async def _channel_forget(layer: object, channel: str) -> None:
    # channels_redis's pub/sub layer unsubscribes a channel only when a receive on it is cancelled (as when a
    # consumer disconnects); without this every probe would leave a subscription behind.
    waiting = asyncio.ensure_future(layer.receive(channel))  # type: ignore[attr-defined]
    await asyncio.sleep(0)
    waiting.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await waiting


async def agents_check() -> None:
    if not orchestrator_ready():
        raise NotReadyYet("starting")


CHECKS: dict[str, Callable[[], Awaitable[None]]] = {
    "database": database_check, "channel_layer": channel_layer_check, "agents": agents_check,
}


async def _timed(name: str, check: Callable[[], Awaitable[None]], timeout_s: float) -> CheckResult:
    started = time.perf_counter()
    try:
        async with asyncio.timeout(timeout_s):
            await check()
    except NotReadyYet as exc:
        error = str(exc)
    except TimeoutError:
        error = "timeout"
        logger.warning("Readiness: the %s check did not answer within %s s", name, timeout_s)
    except Exception as exc:
        error = type(exc).__name__
        logger.warning("Readiness: the %s check failed: %s: %s", name, error, exc)
    else:
        error = ""
    return CheckResult(ok=not error, ms=round((time.perf_counter() - started) * 1000, 2), error=error)


async def _readiness_now() -> Readiness:
    timeout_s = settings.SUPPORT["HEALTH_CHECK_TIMEOUT_S"]
    results = await asyncio.gather(*(_timed(name, check, timeout_s) for name, check in CHECKS.items()))
    checks = dict(zip(CHECKS, results, strict=True))
    return Readiness(status="ok" if all(r.ok for r in results) else "unavailable", checks=checks)


# Probes that arrive while a check is under way share its answer: the endpoint answers anyone who reaches the port, and
# a burst of probes must not become a burst of queries and channel-layer round trips. One per event loop (tests run
# several loops).
_in_flight: dict[asyncio.AbstractEventLoop, asyncio.Future[Readiness]] = {}


async def readiness() -> Readiness:
    """Every check at once; ready only when all of them pass. Concurrent callers share one run of the checks."""
    loop = asyncio.get_running_loop()
    running = _in_flight.get(loop)
    if running is None:
        running = _in_flight[loop] = asyncio.ensure_future(_readiness_now())
        running.add_done_callback(lambda _: _in_flight.pop(loop, None))
    # Shielded: a probe whose client hangs up must not cancel the check the other probes are waiting on.
    return await asyncio.shield(running)
