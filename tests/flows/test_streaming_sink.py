"""A run's event outbox: the run never waits on the channel layer, frames keep their order, and
what piles up during one send goes out in the next, as one group message."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from supportsite.api.replies import ConversationListener
from supportsite.conversations import streaming
from supportsite.conversations.events import conversation_events_send
from supportsite.conversations.streaming import RunEventOutbox

pytestmark = pytest.mark.asyncio


class GatedLayerSends:
    """Stands in for conversation_events_send: records each batch, and holds it while closed."""

    def __init__(self) -> None:
        self.batches: list[list[dict[str, Any]]] = []
        self.open = asyncio.Event()
        self.sending = asyncio.Event()

    async def __call__(self, *, conversation_id: str, payloads: list[dict[str, Any]]) -> None:
        self.batches.append([dict(p) for p in payloads])
        self.sending.set()
        await self.open.wait()


@pytest.fixture
def sends(monkeypatch) -> GatedLayerSends:
    gated = GatedLayerSends()
    monkeypatch.setattr(streaming, "conversation_events_send", gated)
    return gated


def step(n: int) -> dict[str, Any]:
    return {"type": "agent.step", "run_id": "r", "step_id": str(n), "status": "started"}


def delta(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "assistant.delta", "run_id": "r", "text": text, **extra}


async def test_reporting_an_event_returns_while_the_layer_is_still_sending_the_one_before(sends):
    outbox = RunEventOutbox(conversation_id="c", window_s=60)
    await outbox(step(1))
    await sends.sending.wait()  # the first send has started and is held
    # Had the outbox awaited the layer, these would wait for the held send: a deadlock here.
    await asyncio.wait_for(outbox(step(2)), timeout=5)
    await asyncio.wait_for(outbox(step(3)), timeout=5)
    assert sends.batches == [[step(1)]]
    sends.open.set()
    await outbox.flush()
    assert sends.batches == [[step(1)], [step(2), step(3)]]


async def test_a_drafts_first_piece_goes_out_at_once_and_the_rest_is_joined_until_other_news(sends):
    sends.open.set()
    outbox = RunEventOutbox(conversation_id="c", window_s=60)  # a window no test would wait out
    await outbox(delta("Hello"))
    await sends.sending.wait()
    assert sends.batches == [[delta("Hello")]]
    for piece in (" there", ", Alice", "."):
        await outbox(delta(piece))
    await outbox(step(9))  # progress waits with them
    await outbox.flush()  # before the reply is stored: nothing is left waiting
    assert sends.batches == [[delta("Hello")], [delta(" there, Alice."), step(9)]]


async def test_progress_reported_within_its_window_goes_out_as_one_group_message(sends):
    sends.open.set()
    outbox = RunEventOutbox(conversation_id="c", window_s=60, progress_window_s=0.05)
    for n in (1, 2, 3):
        await outbox(step(n))
    await asyncio.wait_for(sends.sending.wait(), timeout=5)  # no flush: the progress window alone sends
    assert sends.batches == [[step(1), step(2), step(3)]]


async def test_a_drafts_first_piece_takes_the_waiting_progress_along_at_once(sends):
    sends.open.set()
    outbox = RunEventOutbox(conversation_id="c", window_s=60, progress_window_s=60)  # windows no test would wait out
    await outbox(step(1))
    await asyncio.sleep(0.01)
    assert sends.batches == []  # progress waits for its window
    await outbox(delta("Hello"))
    await asyncio.wait_for(sends.sending.wait(), timeout=5)
    assert sends.batches == [[step(1), delta("Hello")]]


async def test_after_a_reset_the_new_drafts_first_piece_goes_out_at_once_again(sends):
    sends.open.set()
    outbox = RunEventOutbox(conversation_id="c", window_s=60)
    await outbox(delta("Draft one"))
    await outbox.flush()
    await outbox(delta("", reset=True))
    await outbox.flush()
    await outbox(delta("Draft two"))
    await asyncio.wait_for(outbox.flush(), timeout=5)  # nothing waits for the 60 s window
    assert [b[0]["text"] for b in sends.batches] == ["Draft one", "", "Draft two"]
    assert sends.batches[1][0]["reset"] is True


async def test_pieces_that_follow_the_first_are_sent_when_the_window_closes(sends):
    sends.open.set()
    outbox = RunEventOutbox(conversation_id="c", window_s=0.01)
    await outbox(delta("a"))
    await sends.sending.wait()
    await outbox(delta("b"))
    await outbox(delta("c"))
    for _ in range(500):  # no flush: the window alone sends them
        if len(sends.batches) == 2:
            break
        await asyncio.sleep(0.01)
    assert sends.batches == [[delta("a")], [delta("bc")]]


async def test_cancelling_a_run_while_its_outbox_flushes_cancels_the_run(sends):
    outbox = RunEventOutbox(conversation_id="c", window_s=60)
    await outbox(step(1))
    await sends.sending.wait()
    flushing = asyncio.ensure_future(outbox.flush())
    await asyncio.sleep(0)  # flush waits for the held send
    flushing.cancel()
    with pytest.raises(asyncio.CancelledError):
        await flushing
    assert flushing.cancelled()
    sends.open.set()


async def test_a_batch_reaches_a_listener_of_the_conversation_as_separate_frames_in_order():
    conversation_id = str(uuid.uuid4())
    frames = [step(1), delta("Hi"), step(2)]
    async with ConversationListener(conversation_id) as listener:
        await conversation_events_send(conversation_id=conversation_id, payloads=frames)
        received = [await listener.receive(timeout_s=5) for _ in frames]
    assert received == frames


async def test_a_listener_whose_wait_timed_out_still_gets_the_frame_sent_before_its_next_wait():
    # The pub/sub layer drops the subscription of a receive that is cancelled; a listener that
    # cancelled at each timeout lost what was sent before it listened again.
    conversation_id = str(uuid.uuid4())
    async with ConversationListener(conversation_id) as listener:
        assert await listener.receive(timeout_s=0.05) is None
        await conversation_events_send(conversation_id=conversation_id, payloads=[step(1)])
        await asyncio.sleep(0.2)  # the frame arrives while nobody waits
        assert await listener.receive(timeout_s=5) == step(1)
