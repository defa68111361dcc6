"""The in-memory channel layer sweeps expired messages, but not on every event."""

from __future__ import annotations

import asyncio

import pytest
from channels.layers import InMemoryChannelLayer

from supportsite.core.layers import SweepingInMemoryChannelLayer

pytestmark = pytest.mark.asyncio


async def test_expired_messages_are_still_swept_and_their_channel_leaves_its_groups() -> None:
    layer = SweepingInMemoryChannelLayer(expiry=0.01, sweep_interval_s=0.0)
    await layer.group_add("conversation", "specific.gone")
    await layer.send("specific.gone", {"type": "x"})
    await asyncio.sleep(0.05)
    await layer.group_send("conversation", {"type": "y"})
    assert "specific.gone" not in layer.channels
    assert "specific.gone" not in layer.groups.get("conversation", {})


async def test_a_burst_of_events_sweeps_once_per_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    sweeps: list[int] = []
    stock = InMemoryChannelLayer._clean_expired
    monkeypatch.setattr(InMemoryChannelLayer, "_clean_expired", lambda self: sweeps.append(1) or stock(self))
    layer = SweepingInMemoryChannelLayer(sweep_interval_s=3600)
    await layer.group_add("conversation", "specific.a")
    for number in range(50):
        await layer.group_send("conversation", {"type": "delta", "n": number})
    received = [await layer.receive("specific.a") for _ in range(50)]
    assert [m["n"] for m in received] == list(range(50))  # nothing lost by sweeping less often
    assert len(sweeps) == 1
