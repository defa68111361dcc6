"""Message rate limits per user (or browser session) and per IP address.

A sliding-window counter kept in Django's cache: the current window's count plus the previous
window's, weighted by how much of it still overlaps the last RATE_LIMIT_WINDOW_S seconds. It
needs two cache keys per scope and no lock, and with a shared cache (Redis) it holds across
server processes. A message that turns out to be a resend of one already stored is given back
(`release`), so reconnecting clients are never limited for messages they already sent.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from supportsite.core.errors import RateLimited

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Limit:
    scope: str  # "user" or "ip"
    key: str
    max_messages: int
    window_s: int


def message_limits(*, user_key: str, ip: str) -> list[Limit]:
    """The limits a message from this sender counts against."""
    support = settings.SUPPORT
    window = int(support["RATE_LIMIT_WINDOW_S"])
    per_user = int(support["RATE_LIMIT_MESSAGES"])
    # Many people can share one address (an office, a mobile carrier), so the IP limit is wider.
    per_ip = int(support.get("RATE_LIMIT_IP_MESSAGES", per_user * 3))
    limits = []
    if user_key:
        limits.append(Limit("user", user_key, per_user, window))
    if ip:
        limits.append(Limit("ip", ip, per_ip, window))
    return limits


@dataclass(frozen=True)
class MessageLimits:
    """The limits one message counts against, as the message service takes them (MessageQuota)."""

    limits: list[Limit]

    def hit(self) -> None:
        limits_hit(self.limits)

    def release(self) -> None:
        limits_release(self.limits)


def _keys(limit: Limit, window_index: int) -> tuple[str, str]:
    base = f"chat-rl:{limit.scope}:{limit.key}"
    return f"{base}:{window_index}", f"{base}:{window_index - 1}"


def _count(limit: Limit, now: float) -> tuple[float, float]:
    """The weighted count in the sliding window, and how long until one more message fits."""
    index = int(now // limit.window_s)
    current_key, previous_key = _keys(limit, index)
    values = cache.get_many([current_key, previous_key])
    current = values.get(current_key, 0)
    previous = values.get(previous_key, 0)
    elapsed = (now % limit.window_s) / limit.window_s
    weighted = previous * (1 - elapsed) + current
    room = limit.max_messages - 1  # one more fits while the weighted count is at most this
    if weighted <= room:
        return weighted, 0.0
    if current <= room:
        # The previous window's weight falls as time passes: find when it leaves room for one.
        needed_elapsed = 1 - (room - current) / previous
        return weighted, max(0.0, (needed_elapsed - elapsed) * limit.window_s)
    # Only the next window has room, once this window's count (then "previous") weighs less.
    return weighted, ((1 - elapsed) + max(0.0, 1 - room / current)) * limit.window_s


def limits_hit(limits: list[Limit], *, clock: Callable[[], float] = time.time) -> None:
    """Count one message against every limit, or raise RateLimited without counting it.

    If the cache (Redis, with several processes) is unreachable the message is let through:
    a limiter outage must not stop customers reaching support. The outage is logged.
    """
    try:
        _limits_hit(limits, clock=clock)
    except RateLimited:
        raise
    except Exception:
        logger.warning("Rate-limit cache unavailable; letting the message through", exc_info=True)


def _limits_hit(limits: list[Limit], *, clock: Callable[[], float]) -> None:
    now = clock()
    waits = [_count(limit, now)[1] for limit in limits]
    worst = max(waits, default=0.0)
    if worst > 0:
        raise RateLimited(
            "You're sending messages faster than we can answer them. "
            f"Please wait {math.ceil(worst)} seconds and try again.",
            retry_after_s=max(1, math.ceil(worst)),
        )
    for limit in limits:
        current_key, _ = _keys(limit, int(now // limit.window_s))
        # Two windows of life: the next window still reads this one as its "previous".
        cache.add(current_key, 0, timeout=limit.window_s * 2)
        try:
            cache.incr(current_key)
        except ValueError:  # expired between add and incr
            cache.set(current_key, 1, timeout=limit.window_s * 2)


def limits_release(limits: list[Limit], *, clock: Callable[[], float] = time.time) -> None:
    """Give back one message (it was a resend, or it could not be stored)."""
    try:
        _limits_release(limits, clock=clock)
    except Exception:
        logger.warning("Rate-limit cache unavailable; could not give a message back", exc_info=True)


def _limits_release(limits: list[Limit], *, clock: Callable[[], float]) -> None:
    now = clock()
    for limit in limits:
        current_key, _ = _keys(limit, int(now // limit.window_s))
        try:
            if cache.get(current_key, 0) > 0:
                cache.decr(current_key)
        except ValueError:
            continue
