"""Shared fixtures: the demo company, service detection, and strictness in CI.

Tests that need PostgreSQL, Redis or Debian's chromium are skipped with a visible reason when
those are missing; with REQUIRE_SERVICES=1 (as .ci/run sets) such a skip is a failure instead.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from pathlib import Path

import pytest

SERVICE_MARKERS = ("postgres", "redis", "browser")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def redis_url_available() -> str | None:
    url = os.environ.get("REDIS_URL")
    if url:
        return url
    return "redis://127.0.0.1:6379/0" if _port_open("127.0.0.1", 6379) else None


def screenshot_dir() -> Path:
    """Where browser tests save screenshots: test-artifacts/ normally, docs/screenshots/ when
    SCREENSHOT_DIR says so (to refresh the README's pictures)."""
    from django.conf import settings

    folder = Path(os.environ.get("SCREENSHOT_DIR") or Path(settings.BASE_DIR) / "test-artifacts" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(autouse=True, scope="session")
def _test_database_released_before_it_is_dropped(django_db_setup, django_db_blocker):
    """Release every connection at the end, so the test database can be dropped.

    Two kinds were left, and each made dropping the PostgreSQL test database fail ("being
    accessed by other users"), leaving it for the next run to replace: the connection of
    asgiref's one sync thread, where Django's async ORM calls run, which stays open after the
    test that used it; and the idle connections of the pool (DATABASES OPTIONS "pool").
    """
    yield
    from asgiref.sync import sync_to_async
    from django.db import connections

    with django_db_blocker.unblock():
        # From a loop of its own, not async_to_sync: under async_to_sync, thread-sensitive code
        # would run here in the main thread instead of on asgiref's sync thread.
        asyncio.run(sync_to_async(connections.close_all)())
        for connection in connections.all():
            connection.close()
            if getattr(connection, "pool", None) is not None:
                connection.close_pool()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    reasons = {
        "postgres": None if on_postgres else "needs PostgreSQL: run with DATABASE_URL=postgres://... (.ci/run does)",
        "redis": None if redis_url_available() else "needs Redis on 127.0.0.1:6379 or REDIS_URL (.ci/run starts it)",
        "browser": None if chromium_path() else "needs Debian's chromium (apt-get install chromium; .ci/run does)",
    }
    for item in items:
        for marker, reason in reasons.items():
            if reason and item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))

    from tests.support.service_free import SERVICE_FREE_DIRS, service_free_violations

    if violations := service_free_violations(items):
        raise pytest.UsageError(
            f"tests under tests/{{{','.join(SERVICE_FREE_DIRS)}}} run once in .ci/run, on SQLite, so they may not "
            "use a database, a channel layer or a browser; move these elsewhere:\n  " + "\n  ".join(violations)
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    outcome = yield
    report = outcome.get_result()
    if (
        os.environ.get("REQUIRE_SERVICES") == "1"
        and report.skipped
        and any(item.get_closest_marker(m) for m in SERVICE_MARKERS)
    ):
        report.outcome = "failed"
        report.longrepr = f"REQUIRE_SERVICES=1 but this test would skip: {report.longrepr}"


@pytest.fixture(autouse=True)
def _fresh_cache(settings) -> None:
    """Each test gets its own cache key space, so rate-limit counters never leak between tests
    (or between parallel workers sharing one Redis)."""
    import uuid

    settings.CACHES = {
        name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex[:12]}"} for name, config in settings.CACHES.items()
    }


@pytest.fixture
def demo(db):
    """The Northwind Cloud demo company, as seed_demo loads it."""
    from supportsite.customers.demo import demo_seed

    demo_seed()
    from supportsite.customers.models import CustomerProfile

    return {p.user.username: p for p in CustomerProfile.objects.select_related("user")}


@pytest.fixture
def demo_tx(transactional_db):
    """The demo company in a database that other threads and connections can see."""
    from supportsite.customers.demo import demo_seed

    demo_seed()
    from supportsite.customers.models import CustomerProfile

    return {p.user.username: p for p in CustomerProfile.objects.select_related("user")}
