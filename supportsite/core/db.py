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


def _with_fresh_connection(func: Callable[P, R]) -> Callable[P, R]:
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
    return sync_to_async(_with_fresh_connection(func), thread_sensitive=False, executor=_executor)  # type: ignore[return-value]
