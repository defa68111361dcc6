"""The sink that joins streamed pieces never swallows the cancellation of the run using it."""

from __future__ import annotations

import asyncio

import pytest

from supportsite.conversations.streaming import CoalescingSink


async def test_cancelling_a_run_while_its_sink_flushes_cancels_the_run():
    sink = CoalescingSink(conversation_id="00000000-0000-0000-0000-000000000000", window_s=60)
    await sink({"type": "assistant.delta", "run_id": "r", "text": "first piece goes out at once"})
    await sink({"type": "assistant.delta", "run_id": "r", "text": "second waits for the window"})
    flushing = asyncio.ensure_future(sink.flush())
    await asyncio.sleep(0)  # flush has cancelled the window timer and waits for it
    flushing.cancel()
    with pytest.raises(asyncio.CancelledError):
        await flushing
    assert flushing.cancelled()
