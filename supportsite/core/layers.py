"""The in-memory channel layer a single server process uses, without a sweep on every event."""

from __future__ import annotations

import time
from typing import Any

from channels.layers import InMemoryChannelLayer


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
