"""Which tests may run once only: those that reach no database, channel layer or browser.

`.ci/run` runs the suite twice, on SQLite with the in-memory layer and on PostgreSQL with Redis.
The offline pipeline's and the agents' tests (most of the suite) are plain Python over fakes, so
a second pass on other services would run the same code again; the CI runs them in the first pass
only. That holds only while none of them asks for a service, which collection checks here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest

TESTS_DIR = Path(__file__).resolve().parent.parent
SERVICE_FREE_DIRS = ("offline", "agents")
SERVICE_MARKERS = ("django_db", "postgres", "redis", "browser")
# pytest-django's: a fixture that needs the database (the demo company, say) asks for one of these.
SERVICE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


class CollectedTest(Protocol):
    path: Path
    fixturenames: list[str]
    nodeid: str

    def get_closest_marker(self, name: str) -> pytest.Mark | None: ...


def in_service_free_dir(path: Path) -> bool:
    try:
        parts = path.resolve().relative_to(TESTS_DIR).parts
    except ValueError:
        return False
    return bool(parts) and parts[0] in SERVICE_FREE_DIRS


def services_asked(item: CollectedTest) -> list[str]:
    """The markers and fixtures by which a test asks for a database, a layer or a browser."""
    asked = [f"@pytest.mark.{name}" for name in SERVICE_MARKERS if item.get_closest_marker(name)]
    asked += sorted(SERVICE_FIXTURES.intersection(item.fixturenames))
    return asked


def service_free_violations(items: list[CollectedTest]) -> list[str]:
    return [
        f"{item.nodeid} asks for {', '.join(asked)}"
        for item in items
        if in_service_free_dir(item.path) and (asked := services_asked(item))
    ]
