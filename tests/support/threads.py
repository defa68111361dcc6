"""Running synchronous ORM work from async tests on a thread of its own."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from django.db import connections

T = TypeVar("T")


def orm_in_thread(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call func on a fresh thread and close that thread's connections when it is done.

    A thread that ends with its connection open never gives it back to PostgreSQL's pool, so
    a test suite that does this a few dozen times runs the pool dry.
    """

    def call() -> T:
        try:
            return func(*args, **kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()
