"""What the JSON-RPC endpoint refuses, and how: bodies over the size limit, messages over the
length limit, and requests with missing or invalid params. Over HTTP against the live Daphne server."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from a2a.helpers import get_message_text
from a2a.types.a2a_pb2 import TaskState
from django.conf import settings
from google.protobuf.json_format import MessageToDict

from supportsite.a2a.jsonrpc import a2a_max_request_bytes
from supportsite.a2a.models import A2ATask
from supportsite.conversations.models import Conversation, Message
from tests.a2a.test_a2a_agent import client_for, key_create, user_message
from tests.support.live import live_server_quiet_at_teardown  # noqa: F401 (autouse)

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True), pytest.mark.slow]


def send_request(text: str, *, method: str = "message/send") -> dict[str, Any]:
    """A 0.3 message/send, as the QA report sent it."""
    message = {"kind": "message", "role": "user", "messageId": str(uuid.uuid4()),
               "parts": [{"kind": "text", "text": text}]}
    return {"jsonrpc": "2.0", "id": 7, "method": method, "params": {"message": message}}


async def rpc_post(base_url: str, key: str, content: bytes | AsyncIterator[bytes]) -> httpx.Response:
    async with httpx.AsyncClient(timeout=60) as http:
        return await http.post(f"{base_url}/a2a/jsonrpc", content=content, headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/json",
        })


async def nothing_stored() -> bool:
    return not (
        await A2ATask.objects.aexists()
        or await Conversation.objects.filter(channel="a2a").aexists()
        or await Message.objects.filter(conversation__channel="a2a").aexists()
    )


async def test_a_body_over_the_size_limit_is_refused_with_413_before_it_is_parsed_and_nothing_is_stored(
    base_url, scripted
):
    key = key_create()
    max_bytes = a2a_max_request_bytes()
    assert 64 * 1024 <= max_bytes <= 1024 * 1024  # a few hundred KB by default
    oversized = json.dumps(send_request("x" * max_bytes)).encode()

    refused = await rpc_post(base_url, key, oversized)
    assert refused.status_code == 413
    error = refused.json()
    assert error["id"] is None and error["error"]["code"] == -32600
    assert error["error"]["data"] == {"max_bytes": max_bytes}
    assert len(refused.content) < 1024  # nothing of the body comes back

    # Refused before parsing: a body that is not even JSON gets the same answer, not a parse error.
    not_json = await rpc_post(base_url, key, b"{" * (max_bytes + 1))
    assert not_json.status_code == 413 and not_json.json()["error"]["code"] == -32600

    # Sent in pieces without a Content-Length, it is counted as it arrives.
    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(oversized), 64 * 1024):
            yield oversized[start:start + 64 * 1024]

    chunked = await rpc_post(base_url, key, pieces())
    assert chunked.status_code == 413 and chunked.json()["error"]["code"] == -32600
    assert await nothing_stored()

    # A message at the chat's length limit fits, even with every character escaped as a surrogate pair.
    longest = json.dumps(send_request("\N{GRINNING FACE}" * settings.SUPPORT["MAX_MESSAGE_CHARS"]), ensure_ascii=True)
    assert len(longest) > 12 * settings.SUPPORT["MAX_MESSAGE_CHARS"]
    answered = await rpc_post(base_url, key, longest.encode())
    assert answered.status_code == 200 and answered.json()["result"]["status"]["state"] == "completed"


async def test_a_message_over_the_length_limit_is_rejected_without_its_text_echoed_or_stored(base_url, scripted):
    limit = settings.SUPPORT["MAX_MESSAGE_CHARS"]
    text = "Why did my last payment fail? " + "x" * (20 * limit)  # far over the limit, under the size limit

    response = await rpc_post(base_url, key_create(), json.dumps(send_request(text)).encode())
    assert response.status_code == 200
    task = response.json()["result"]
    # The contract for a refused message stays: a rejected task saying why, with a stable code.
    assert task["status"]["state"] == "rejected"
    assert task["status"]["message"]["metadata"]["code"] == "message_too_long"
    assert task["history"][0]["parts"] == [{"kind": "text", "text": text[:limit]}]
    assert len(response.content) < 2 * limit + 2048  # the refused text is not echoed

    stored = await A2ATask.objects.aget(id=task["id"])
    assert stored.state == "TASK_STATE_REJECTED"
    assert stored.data["history"][0]["parts"] == [{"text": text[:limit]}]
    assert len(json.dumps(stored.data)) < 2 * limit + 2048
    assert not await Message.objects.filter(conversation__channel="a2a").aexists()


@pytest.mark.parametrize("text", ["", "   "])
async def test_an_empty_text_part_is_rejected_as_an_empty_message_not_answered_as_an_internal_error(
    base_url, scripted, text
):
    response = await rpc_post(base_url, key_create(), json.dumps(send_request(text)).encode())
    assert response.status_code == 200
    body = response.json()
    assert "error" not in body, body
    task = body["result"]
    assert task["status"]["state"] == "rejected"
    assert task["status"]["message"]["metadata"]["code"] == "empty_message"
    assert not await Message.objects.filter(conversation__channel="a2a").aexists()


async def test_a_streamed_message_over_the_length_limit_is_not_echoed_in_any_event(base_url, scripted):
    limit = settings.SUPPORT["MAX_MESSAGE_CHARS"]
    text = "Is there an outage in eu-west? " + "y" * (20 * limit)
    client = await client_for(base_url, key_create(), streaming=True)
    events = [event async for event in client.send_message(user_message(text))]
    await client.close()

    final = events[-1]
    state = final.task.status if final.HasField("task") else final.status_update.status
    assert state.state == TaskState.TASK_STATE_REJECTED
    assert "at most" in get_message_text(state.message)
    assert all(len(json.dumps(MessageToDict(event))) < 2 * limit + 2048 for event in events)
    stored = await A2ATask.objects.aget()
    assert stored.data["history"][0]["parts"] == [{"text": text[:limit]}]


@pytest.mark.parametrize(("method", "params"), [
    ("message/send", None),
    ("message/send", {}),
    ("message/send", {"message": {"kind": "message", "role": "user"}}),
    ("message/stream", None),
    ("tasks/get", None),
    ("tasks/get", {"historyLength": 3}),
])
async def test_missing_or_invalid_params_of_a_0_3_method_are_invalid_params_not_an_invalid_request(
    base_url, method, params
):
    body: dict[str, Any] = {"jsonrpc": "2.0", "id": "req-1", "method": method}
    if params is not None:
        body["params"] = params
    response = await rpc_post(base_url, key_create(), json.dumps(body).encode())
    assert response.status_code == 200
    reply = response.json()
    assert reply["id"] == "req-1"
    assert reply["error"]["code"] == -32602
    assert reply["error"]["data"]["errors"] and all(e["field"] for e in reply["error"]["data"]["errors"])
    assert "pydantic" not in response.text
    assert await nothing_stored()


async def test_a_0_3_request_without_an_id_is_an_invalid_request_named_by_field_without_pydantic_text(base_url):
    body = {"jsonrpc": "2.0", "method": "tasks/get", "params": {"id": "x"}}
    response = await rpc_post(base_url, key_create(), json.dumps(body).encode())
    error = response.json()["error"]
    assert error["code"] == -32600
    assert error["data"] == {"errors": [{"field": "id", "message": "Field required"}]}
    assert "pydantic" not in response.text


async def test_a_body_nested_past_the_parsers_depth_gets_a_json_rpc_error_not_a_plain_500(base_url, scripted):
    key = key_create()
    nested = b"[" * 50_000 + b"]" * 50_000  # 100 KB, inside the size limit
    response = await rpc_post(base_url, key, nested)
    assert response.headers["content-type"].startswith("application/json"), response.text[:200]
    assert "error" in response.json()
    assert await nothing_stored()
