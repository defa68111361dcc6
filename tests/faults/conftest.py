"""Fixtures for fault tests that run real server processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.servers import template_database


@pytest.fixture(scope="session")
def site_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, seeded SQLite file for the whole session; each test serves a copy."""
    return template_database(tmp_path_factory.mktemp("site-template"))
