"""Load balancers' probes: /healthz says the process is alive whatever its dependencies; /readyz says whether a
customer's message could be served now, and names the dependency that is missing when it could not."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from supportsite.conversations.engine import orchestrator_get, orchestrator_reset
from supportsite.core import health
from tests.conftest import redis_url_available
from tests.support.live import live_server_quiet_at_teardown, live_server_url  # noqa: F401 (autouse)

pytestmark = [pytest.mark.django_db(transaction=True)]


def probe(path: str, *, method: str = "GET", host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(live_server_url() + path, method=method,
                                     headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def ready_within(seconds: float) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        status, _, body = probe("/readyz")
        answer = json.loads(body)
        if status == 200 or time.monotonic() > deadline:
            return {"status_code": status, **answer}
        time.sleep(0.2)


class DatabaseDown:
    def __init__(self) -> None:
        self.queries = 0

    def execute(self, *args: Any, **kwargs: Any) -> None:
        self.queries += 1
        raise OperationalError("could not connect to server: Connection refused")


def test_liveness_answers_before_django_so_an_internal_host_name_is_no_400():
    # A probe by the process's own address carries that address as its Host header, which ALLOWED_HOSTS refuses.
    assert probe("/", host="10.0.0.7")[0] == 400
    status, headers, body = probe("/healthz", host="10.0.0.7")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    assert headers["Content-Type"] == "application/json" and headers["Cache-Control"] == "no-store"


def test_head_gets_the_status_without_a_body_and_other_methods_get_405_naming_the_allowed_ones():
    status, headers, body = probe("/healthz", method="HEAD")
    assert (status, body) == (200, b"") and int(headers["Content-Length"]) > 0
    status, headers, body = probe("/readyz", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    assert json.loads(body)["code"] == "method_not_allowed"


def test_readiness_reports_every_dependency_ready_when_a_message_could_be_served():
    answer = ready_within(60)
    assert answer["status_code"] == 200 and answer["status"] == "ok", answer
    assert set(answer["checks"]) == {"database", "channel_layer", "agents"}
    assert all(check["ok"] and check["error"] == "" and check["ms"] >= 0 for check in answer["checks"].values())


def test_while_the_database_is_unreachable_readiness_is_503_naming_it_and_liveness_stays_200(monkeypatch):
    assert ready_within(60)["status_code"] == 200
    outage = DatabaseDown()
    monkeypatch.setattr(CursorWrapper, "execute", outage.execute)
    status, _, body = probe("/readyz")
    answer = json.loads(body)
    assert status == 503 and answer["status"] == "unavailable"
    assert answer["checks"]["database"] == {"ok": False, "ms": answer["checks"]["database"]["ms"],
                                            "error": "OperationalError"}
    # Only the kind of failure: what the driver said (hosts, users) stays in the server's log.
    assert "refused" not in body.decode()
    assert answer["checks"]["channel_layer"]["ok"] and answer["checks"]["agents"]["ok"]
    assert outage.queries >= 1
    assert probe("/healthz")[0] == 200
    monkeypatch.undo()  # the database is back
    assert ready_within(10)["status_code"] == 200


@pytest.mark.asyncio
async def test_readiness_says_starting_until_the_agents_are_built_and_has_the_build_begun():
    orchestrator_reset()
    first = await health.readiness()
    assert first.status == "unavailable"
    assert first.checks["agents"].model_dump(exclude={"ms"}) == {"ok": False, "error": "starting"}
    assert first.checks["database"].ok and first.checks["channel_layer"].ok
    # Nothing else builds them here (no recovery loop in the suite, no message): the probe started the build.
    for _ in range(600):
        answer = await health.readiness()
        if answer.checks["agents"].ok:
            break
        await asyncio.sleep(0.1)
    assert answer.status == "ok", answer
    await orchestrator_get()


@pytest.mark.asyncio
async def test_a_channel_layer_that_does_not_answer_in_time_is_reported_as_a_timeout(monkeypatch, settings):
    settings.SUPPORT = {**settings.SUPPORT, "HEALTH_CHECK_TIMEOUT_S": 0.2}

    class Silent:
        async def new_channel(self, prefix: str = "specific.") -> str:
            return f"{prefix}silent"

        async def send(self, channel: str, message: dict[str, Any]) -> None:
            return None  # accepted, never delivered: a layer cut off from its Redis

        async def receive(self, channel: str) -> dict[str, Any]:
            await asyncio.Event().wait()
            raise AssertionError("unreachable")

    monkeypatch.setattr(health, "get_channel_layer", Silent)
    await orchestrator_get()
    answer = await health.readiness()
    assert answer.status == "unavailable"
    assert answer.checks["channel_layer"].model_dump(exclude={"ms"}) == {"ok": False, "error": "timeout"}
    assert answer.checks["database"].ok and answer.checks["agents"].ok


@pytest.mark.asyncio
async def test_probes_through_the_in_memory_layer_leave_no_channel_behind(monkeypatch):
    from supportsite.core.layers import SweepingInMemoryChannelLayer

    layer = SweepingInMemoryChannelLayer()
    monkeypatch.setattr(health, "get_channel_layer", lambda: layer)
    for _ in range(3):
        await health.channel_layer_check()
    assert layer.channels == {}


@pytest.mark.redis
@pytest.mark.asyncio
async def test_probes_through_redis_make_a_round_trip_and_leave_no_subscription_behind(monkeypatch):
    import redis.asyncio as redis
    from channels_redis.pubsub import RedisPubSubChannelLayer

    url = redis_url_available()
    layer = RedisPubSubChannelLayer(hosts=[url], prefix=f"health-test-{time.monotonic_ns()}")
    monkeypatch.setattr(health, "get_channel_layer", lambda: layer)
    client = redis.Redis.from_url(url)
    try:
        for _ in range(3):
            await health.channel_layer_check()
        for _ in range(100):  # the UNSUBSCRIBE goes out as the cancelled receive ends
            left = await client.pubsub_channels(f"{layer.prefix}*")
            if not left:
                break
            await asyncio.sleep(0.1)
        assert left == [] and layer._get_layer().channels == {}
    finally:
        await client.aclose()
        with contextlib.suppress(Exception):
            await layer.flush()


@pytest.mark.redis
@pytest.mark.asyncio
async def test_a_redis_that_refuses_connections_makes_the_process_unready(monkeypatch):
    from channels_redis.pubsub import RedisPubSubChannelLayer

    from bench.procs import free_port

    layer = RedisPubSubChannelLayer(hosts=[f"redis://127.0.0.1:{free_port()}/0"])
    monkeypatch.setattr(health, "get_channel_layer", lambda: layer)
    await orchestrator_get()
    answer = await health.readiness()
    assert answer.status == "unavailable"
    assert answer.checks["channel_layer"].model_dump(exclude={"ms"}) == {"ok": False, "error": "ConnectionError"}
    with contextlib.suppress(Exception):
        await layer.flush()


@pytest.mark.asyncio
async def test_probes_arriving_together_share_one_run_of_the_checks(monkeypatch):
    runs = 0
    release = asyncio.Event()

    async def slow_check() -> None:
        nonlocal runs
        runs += 1
        await release.wait()

    monkeypatch.setattr(health, "CHECKS", {"database": slow_check})
    probes = [asyncio.ensure_future(health.readiness()) for _ in range(20)]
    await asyncio.sleep(0.05)
    release.set()
    answers = await asyncio.gather(*probes)
    assert runs == 1 and all(a.status == "ok" for a in answers)
    # A probe that gives up (its client hung up) leaves the shared check to the others.
    release.clear()
    first, second = asyncio.ensure_future(health.readiness()), asyncio.ensure_future(health.readiness())
    await asyncio.sleep(0.05)
    first.cancel()
    release.set()
    assert (await second).status == "ok" and runs == 2
    # The next probe after an answer runs the checks again: nothing is remembered past the one in flight.
    assert (await health.readiness()).status == "ok" and runs == 3
