"""The suites `.ci/run` runs only once (on SQLite) are refused a database, layer or browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.service_free import TESTS_DIR, service_free_violations


@dataclass
class Collected:
    path: Path
    fixturenames: list[str] = field(default_factory=list)
    markers: tuple[str, ...] = ()

    @property
    def nodeid(self) -> str:
        return f"{self.path.relative_to(TESTS_DIR.parent)}::test_it"

    def get_closest_marker(self, name: str) -> pytest.Mark | None:
        return pytest.Mark(name, (), {}) if name in self.markers else None


def test_an_offline_test_with_the_database_marker_is_refused() -> None:
    item = Collected(TESTS_DIR / "offline" / "test_x.py", markers=("django_db",))

    assert service_free_violations([item]) == ["tests/offline/test_x.py::test_it asks for @pytest.mark.django_db"]


def test_an_agents_test_that_needs_the_demo_company_through_db_is_refused() -> None:
    item = Collected(TESTS_DIR / "agents" / "test_x.py", fixturenames=["demo", "db", "settings"])

    assert service_free_violations([item]) == ["tests/agents/test_x.py::test_it asks for db"]


def test_redis_and_browser_markers_are_refused_there_too() -> None:
    item = Collected(TESTS_DIR / "offline" / "test_x.py", markers=("redis", "browser"), fixturenames=["live_server"])

    assert service_free_violations([item]) == [
        "tests/offline/test_x.py::test_it asks for @pytest.mark.redis, @pytest.mark.browser, live_server"
    ]


def test_service_tests_elsewhere_and_plain_tests_in_those_suites_pass() -> None:
    items = [
        Collected(TESTS_DIR / "chat" / "test_x.py", markers=("django_db", "redis"), fixturenames=["transactional_db"]),
        Collected(TESTS_DIR / "offline" / "test_y.py", fixturenames=["converse", "settings", "django_db_setup"]),
        Collected(TESTS_DIR / "eval" / "test_z.py", markers=("django_db",)),
    ]

    assert service_free_violations(items) == []

