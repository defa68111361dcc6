"""The channel layers a server process uses: in-memory without a sweep on every event, and
channels_redis with a receive that ends when it is cancelled."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from channels.layers import InMemoryChannelLayer
from channels_redis.core import RedisChannelLayer


class SweepingInMemoryChannelLayer(InMemoryChannelLayer):
    """Channels' in-memory layer, sweeping expired messages at most once per `sweep_interval_s`.

    The stock layer walks every channel and every group membership on each group_send and
    receive: with a hundred open chats and a streamed reply that was a tenth of the server's
    CPU (#9 profile). Expiry is measured in tens of seconds, so a sweep a second is as good.
    """

    def __init__(self, *args: Any, sweep_interval_s: float = 1.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sweep_interval_s = sweep_interval_s
        self._swept_at = float("-inf")  # the first event sweeps

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._swept_at < self.sweep_interval_s:
            return
        self._swept_at = now
        super()._clean_expired()


class CancellableRedisChannelLayer(RedisChannelLayer):
    """channels_redis's layer, whose receive ends once its task is cancelled.

    On Python 3.11, `asyncio.wait_for` returns the result and drops the cancellation when the
    two arrive together (CPython gh-86296, fixed in 3.12), and redis-py sends every command
    through it. A cancel lost there left channels_redis's receive polling BZPOPMIN forever, as
    though nobody had asked it to stop: a closed socket's consumer never finished, and a test's
    event loop hung at teardown (#9). Each poll returns within `brpop_timeout`, so looking at
    the task after it bounds the delay. Stopping there loses nothing: a message the poll took
    stays in channels_redis's backup queue, and the next receive puts it back.
    """

    async def _brpop_with_clean(self, index: int, channel: str, timeout: float) -> Any:  # noqa: ASYNC109 (the parent's signature)
        popped = await super()._brpop_with_clean(index, channel, timeout)
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise asyncio.CancelledError
        return popped
