"""Malformed websocket frames, thousands of them: each gets one clear error, nothing crashes or is stored."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pydantic import ValidationError

from supportsite.chat.frames import client_frame_adapter
from supportsite.conversations.models import Message
from tests.support.ws import chat_connect

pytestmark = pytest.mark.django_db(transaction=True)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
frame_types = st.sampled_from(["user.message", "feedback", "handoff.request", "USER.MESSAGE", "", "ping"])
near_misses = st.fixed_dictionaries(
    {"type": frame_types},
    optional={
        "text": st.one_of(st.none(), st.integers(), st.text(max_size=50), st.lists(st.text(max_size=5))),
        "client_id": st.one_of(st.none(), st.integers(), st.text(max_size=80), st.just(""), st.just("a b/c")),
        "message_id": st.one_of(st.text(max_size=40), st.integers()),
        "rating": st.one_of(st.text(max_size=10), st.integers()),
    },
).map(json.dumps)
raw_text = st.text(max_size=200)
json_documents = json_values.map(json.dumps)
frames = st.one_of(raw_text, json_documents, near_misses)


def _is_valid_frame(raw: str) -> bool:
    try:
        client_frame_adapter.validate_python(json.loads(raw))
    except (ValueError, ValidationError):
        return False
    return True


@hypothesis_settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])
@given(batch=st.lists(frames.filter(lambda raw: raw != "" and not _is_valid_frame(raw)), min_size=30, max_size=60))
def test_every_malformed_frame_is_answered_with_one_error_and_the_socket_stays_open(demo_tx, batch):
    async def scenario() -> None:
        communicator, state = await chat_connect()
        for raw in batch:
            await communicator.send_to(text_data=raw)
            answer = await communicator.receive_json_from(timeout=5)
            assert answer["type"] == "error", (raw, answer)
            assert answer["code"] and answer["detail"], (raw, answer)
        # Still usable afterwards: binary junk gets the same treatment, and nothing was stored.
        await communicator.send_to(bytes_data=b"\xff\xfe\x00junk")
        assert (await communicator.receive_json_from(timeout=5))["type"] == "error"
        assert await communicator.receive_nothing(timeout=0.05)
        assert not await Message.objects.filter(conversation_id=state["conversation_id"]).aexists()
        await communicator.disconnect()

    async_to_sync(scenario)()
