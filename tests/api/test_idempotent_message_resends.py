"""A message sent again over REST under the id it was stored with (its client_id, or the Idempotency-Key
standing in for one) is a resend only when it says the same thing: with other text it is a 422
(draft-ietf-httpapi-idempotency-key-header), nothing is stored, and the first message is not passed off as
this one's."""

from __future__ import annotations

import pytest

from supportsite.api.models import IdempotencyRecord
from supportsite.conversations.models import AgentRun, Message

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def open_conversation(api) -> str:
    response = await api.post("/conversations", {"customer": "cus_alice"})
    assert response.status_code == 201, response.content
    return response.json()["id"]


async def stored_texts(conversation_id: str) -> list[str]:
    messages = Message.objects.filter(conversation_id=conversation_id, role=Message.Role.USER).order_by("created_at")
    return [message.text async for message in messages]


def assert_refused_as_reused(response, source: str, code: str) -> None:
    assert response.status_code == 422, response.content
    body = response.json()
    assert set(body) == {"code", "detail", "errors"} and body["code"] == code, body
    assert source in body["detail"] and "different text" in body["detail"], body


async def test_a_client_id_sent_again_with_different_text_is_a_422_and_stores_nothing(api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    first = await api.post(f"/conversations/{cid}/messages", {"text": "why did my payment fail?", "client_id": "c-1"})
    assert first.status_code == 200, first.content

    reused = await api.post(f"/conversations/{cid}/messages", {"text": "what plan am I on?", "client_id": "c-1"})
    assert_refused_as_reused(reused, "client_id", "client_id_reused")
    assert await stored_texts(cid) == ["why did my payment fail?"]
    assert await AgentRun.objects.filter(conversation_id=cid).acount() == 1


async def test_an_idempotency_key_sent_again_by_a_rotated_key_with_different_text_is_a_422(api_as, make_key, scripted):
    # Keys of one integration share its conversations, but each keeps its own Idempotency-Keys: the rotated
    # key finds no record of "m-1", and the message the old key stored under it is what answers the clash.
    old_key, rotated_key = api_as(make_key(name="crm")), api_as(make_key(name="crm"))
    cid = await open_conversation(old_key)
    first = await old_key.post(f"/conversations/{cid}/messages", {"text": "hello"}, headers={"Idempotency-Key": "m-1"})
    assert first.status_code == 200, first.content

    reused = await rotated_key.post(f"/conversations/{cid}/messages", {"text": "cancel my plan"},
                                    headers={"Idempotency-Key": "m-1"})
    assert_refused_as_reused(reused, "Idempotency-Key", "idempotency_key_reused")
    assert await stored_texts(cid) == ["hello"]
    assert await AgentRun.objects.filter(conversation_id=cid).acount() == 1
    # The refused request leaves no record behind: its key is as free as before it was sent.
    assert await IdempotencyRecord.objects.filter(key="m-1").acount() == 1  # the old key's, for the first message

    # The old key's own retry is still a replay of the first result.
    again = await old_key.post(f"/conversations/{cid}/messages", {"text": "hello"}, headers={"Idempotency-Key": "m-1"})
    assert again.status_code == 200 and again.json() == first.json()


async def test_an_idempotency_key_used_as_a_client_id_before_with_different_text_is_a_422(api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    first = await api.post(f"/conversations/{cid}/messages", {"text": "hello", "client_id": "order-1001"})
    assert first.status_code == 200, first.content

    reused = await api.post(f"/conversations/{cid}/messages", {"text": "goodbye"},
                            headers={"Idempotency-Key": "order-1001"})
    assert_refused_as_reused(reused, "Idempotency-Key", "idempotency_key_reused")
    assert await stored_texts(cid) == ["hello"]


async def test_a_client_id_sent_again_with_the_same_text_still_returns_the_stored_message_and_its_reply(
        api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    first = await api.post(f"/conversations/{cid}/messages", {"text": "hello", "client_id": "c-1"})
    # Spacing around the text is not part of what is stored, so it does not make another message.
    for text in ("hello", "  hello\n"):
        again = await api.post(f"/conversations/{cid}/messages", {"text": text, "client_id": "c-1"})
        assert again.status_code == first.status_code == 200 and again.json() == first.json(), again.content
    assert await stored_texts(cid) == ["hello"]
    assert await AgentRun.objects.filter(conversation_id=cid).acount() == 1
