"""A socket's receive on the Redis channel layer stops when it is cancelled, and loses nothing.

When a socket closes, Channels cancels its consumer's receive. On Python 3.11 `asyncio.wait_for`
can drop a cancellation that arrives together with a result (CPython gh-86296), and redis-py
sends every command through it, so channels_redis's receive went on polling Redis for good.
Cancelling at each event-loop step of a receive in turn reaches the step where it is dropped.
"""

from __future__ import annotations

import asyncio
import sys
import uuid

import pytest
from channels_redis.core import RedisChannelLayer

from supportsite.core.layers import CancellableRedisChannelLayer
from tests.conftest import redis_url_available

pytestmark = [pytest.mark.redis, pytest.mark.asyncio]

POLL_S = 0.2  # each BZPOPMIN returns within this, message or not
STEPS = 40  # a receive's first command is sent within this many loop steps (about 10 to 26 here)


def _layer(layer_class: type[RedisChannelLayer]) -> RedisChannelLayer:
    layer = layer_class(hosts=[{"address": redis_url_available(), "socket_timeout": 30}],
                        prefix=f"test-cancel-{uuid.uuid4().hex[:8]}")
    layer.brpop_timeout = POLL_S
    return layer


async def _stop(receive: asyncio.Task) -> None:
    """Cancel until the task ends: a second cancel can be dropped as the first was."""
    for _ in range(50):
        receive.cancel()
        done, _ = await asyncio.wait([receive], timeout=POLL_S * 3)
        if done:
            return
    raise AssertionError("the receive outlived fifty cancellations")


async def _cancels_not_obeyed(layer_class: type[RedisChannelLayer], *, message_arrives: bool,
                              first_only: bool = False) -> dict[int, str]:
    """By loop step the cancel landed on: what the receive did instead of stopping."""
    disobeyed: dict[int, str] = {}
    for steps in range(STEPS):
        layer = _layer(layer_class)
        channel = await layer.new_channel()
        receive = asyncio.ensure_future(layer.receive(channel))
        for _ in range(steps):
            await asyncio.sleep(0)
        receive.cancel()
        # A message arriving as the receive is told to stop: its poll may already have taken it.
        message = {"type": "probe", "steps": steps}
        if message_arrives:
            await layer.send(channel, message)
        done, _ = await asyncio.wait([receive], timeout=POLL_S * 5)
        if not done:
            disobeyed[steps] = "kept polling"
            await _stop(receive)
        elif not receive.cancelled():
            disobeyed[steps] = "returned a message"
        elif message_arrives:  # stopped: the message waits for the next receive
            assert await asyncio.wait_for(layer.receive(channel), timeout=5) == message
        await layer.flush()
        await layer.close_pools()
        if disobeyed and first_only:
            break
    return disobeyed


@pytest.mark.parametrize("message_arrives", [False, True], ids=["idle", "message-arriving"])
async def test_a_cancelled_receive_stops_at_whatever_step_the_cancel_lands_and_its_message_is_kept(message_arrives):
    assert await _cancels_not_obeyed(CancellableRedisChannelLayer, message_arrives=message_arrives) == {}


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12's wait_for no longer drops a cancellation")
@pytest.mark.parametrize(("message_arrives", "instead"), [(False, "kept polling"), (True, "returned a message")],
                         ids=["idle", "message-arriving"])
async def test_the_stock_layer_disobeys_some_cancels_so_the_probe_above_can_fail(message_arrives, instead):
    assert instead in (await _cancels_not_obeyed(RedisChannelLayer, message_arrives=message_arrives, first_only=True)).values()
