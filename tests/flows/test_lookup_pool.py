"""The agents' look-ups have threads of their own: a saturated main database pool does not hold them up."""

from __future__ import annotations

import asyncio
import threading

import pytest
from django.conf import settings

from supportsite.core.db import db_async, db_lookup_async

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]  # the threads close old connections


async def test_a_lookup_is_answered_while_every_main_database_thread_is_busy():
    release = threading.Event()
    busy = [asyncio.ensure_future(db_async(release.wait)(30)) for _ in range(settings.SUPPORT_DB_THREADS + 5)]
    try:
        queued_behind = asyncio.ensure_future(db_async(lambda: "main")())
        looked_up = await asyncio.wait_for(db_lookup_async(lambda: "lookup")(), timeout=10)
        assert looked_up == "lookup"
        assert not queued_behind.done()  # the main pool really was full
    finally:
        release.set()
        await asyncio.gather(*busy)
    assert await queued_behind == "main"
