"""Running ORM work from async code without serialising every conversation behind one thread."""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

P = ParamSpec("P")
R = TypeVar("R")

# Channels' database_sync_to_async is thread-sensitive: one query at a time per process.
# Our services are self-contained (each opens and commits its own transaction), so they run
# on a bounded pool instead, sized by SUPPORT_DB_THREADS.
_executor = ThreadPoolExecutor(max_workers=settings.SUPPORT_DB_THREADS, thread_name_prefix="db")
# The agents' look-ups during a run get threads of their own: a burst of arriving messages queued
# on the pool above must not hold up runs already under way until their workers time out and
# customers are handed to a person for nothing (#9: 1,000 conversations sending at once).
_lookup_executor = ThreadPoolExecutor(max_workers=settings.SUPPORT_DB_LOOKUP_THREADS, thread_name_prefix="db-lookup")


def with_fresh_connection(func: Callable[P, R]) -> Callable[P, R]:
    """Run `func` between two close_old_connections(): a connection the database dropped (a restart) or that outlived
    CONN_MAX_AGE is not reused, on whichever thread runs it."""
    @functools.wraps(func)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        close_old_connections()
        try:
            return func(*args, **kwargs)
        finally:
            close_old_connections()

    return inner


def db_async(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap a sync service or selector as an awaitable that runs on the database pool."""
    return sync_to_async(with_fresh_connection(func), thread_sensitive=False, executor=_executor)  # type: ignore[return-value]


def db_lookup_async(func: Callable[P, R]) -> Callable[P, R]:
    """Like db_async, on the look-up pool: for the reads agents make while a run is under way."""
    return sync_to_async(with_fresh_connection(func), thread_sensitive=False, executor=_lookup_executor)  # type: ignore[return-value]
