"""The REST API as an integrator uses it: keys, scopes, conversations, replies, runs, FAQ, feedback."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async

from supportsite.api.keys import api_key_create, api_key_revoke
from supportsite.api.models import IdempotencyRecord
from supportsite.conversations.models import AgentRun, Conversation, Feedback, Message
from supportsite.conversations.runner import runs_drain
from supportsite.conversations.services import conversation_start
from supportsite.knowledge.models import FaqEntry

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def open_conversation(api, customer: str | None = "cus_alice") -> str:
    response = await api.post("/conversations", {"customer": customer} if customer else {})
    assert response.status_code == 201, response.content
    return response.json()["id"]


# --- Authentication and scopes ----------------------------------------------------------------


async def test_a_request_without_a_valid_key_gets_401_json(api_as):
    client = api_as("").client
    for header in (None, "Basic dXNlcjpwYXNz", "Bearer ", "Bearer nw_not-a-real-key", "Bearer " + "x" * 500):
        response = await client.get("/api/v1/conversations", headers={"Authorization": header} if header else {})
        assert response.status_code == 401, header
        assert response.json()["code"] == "unauthenticated"
        assert response["WWW-Authenticate"].startswith("Bearer")


async def test_a_revoked_key_gets_401(api_as, demo_tx):
    key, raw = await sync_to_async(api_key_create)(name="crm", scopes=["conversations:read"])
    api = api_as(raw)
    assert (await api.get("/conversations")).status_code == 200
    await sync_to_async(api_key_revoke)(api_key_id=key.pk)
    response = await api.get("/conversations")
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"


SCOPED_CALLS = [
    ("get", "/conversations", None, "conversations:read"),
    ("get", "/conversations/{cid}", None, "conversations:read"),
    ("get", "/conversations/{cid}/messages", None, "conversations:read"),
    ("post", "/conversations", {}, "messages:write"),
    ("post", "/conversations/{cid}/messages", {"text": "hello"}, "messages:write"),
    ("post", "/conversations/{cid}/feedback", {"message_id": "{mid}", "rating": "up"}, "messages:write"),
    ("get", "/runs/{rid}", None, "runs:read"),
    ("post", "/faq", {"question": "Q?", "answer": "A."}, "faq:write"),
    ("patch", "/faq/1", {"answer": "A."}, "faq:write"),
    ("delete", "/faq/1", None, "faq:write"),
]


async def test_a_key_without_the_scope_gets_403_naming_the_missing_scope_on_every_endpoint(api_as, scripted):
    owner = api_as(name="crm")
    cid = await open_conversation(owner)
    sent = (await owner.post(f"/conversations/{cid}/messages", {"text": "why did my payment fail?"})).json()
    ids = {"cid": cid, "rid": sent["reply"]["run_id"], "mid": sent["reply"]["message_id"]}
    all_scopes = ["conversations:read", "messages:write", "runs:read", "faq:write", "customers:any"]
    for method, path, body, scope in SCOPED_CALLS:
        api = api_as(name="crm", scopes=[s for s in all_scopes if s != scope])
        url = path.format(**ids)
        args = [url] if body is None else [url, {k: v.format(**ids) if isinstance(v, str) else v for k, v in body.items()}]
        response = await getattr(api, method)(*args)
        assert response.status_code == 403, (method, path, response.content)
        assert response.json()["code"] == "missing_scope" and scope in response.json()["detail"]
    assert await Message.objects.filter(conversation_id=cid).acount() == 2  # nothing was stored by the refused calls


# --- Conversations ----------------------------------------------------------------------------


async def test_opening_a_conversation_for_alice_answers_201_with_its_id_customer_and_status(api_as):
    api = api_as()
    response = await api.post("/conversations", {"customer": "cus_alice"})
    assert response.status_code == 201
    body = response.json()
    assert body["customer"] == "cus_alice" and body["status"] == "open" and body["created_at"]
    conversation = await Conversation.objects.select_related("customer").aget(id=body["id"])
    assert conversation.channel == "api" and conversation.integration == "crm"
    assert conversation.customer.external_id == "cus_alice"


async def test_omitting_the_customer_opens_an_anonymous_conversation(api_as):
    api = api_as(scopes=["messages:write"])
    response = await api.post("/conversations", {})
    assert response.status_code == 201 and response.json()["customer"] is None


async def test_naming_a_customer_needs_a_key_bound_to_them_or_the_customers_any_scope(api_as):
    plain = api_as(scopes=["messages:write"])
    refused = await plain.post("/conversations", {"customer": "cus_alice"})
    assert refused.status_code == 403 and refused.json()["code"] == "customer_not_allowed"
    # The same answer for a customer that does not exist: keys cannot probe for customer ids.
    assert (await plain.post("/conversations", {"customer": "cus_nobody"})).json()["code"] == "customer_not_allowed"

    bound = api_as(scopes=["messages:write"], customer="cus_alice")
    assert (await bound.post("/conversations", {"customer": "cus_alice"})).status_code == 201
    assert (await bound.post("/conversations", {})).json()["customer"] == "cus_alice"
    assert (await bound.post("/conversations", {"customer": "cus_bob"})).status_code == 403

    trusted = api_as()
    missing = await trusted.post("/conversations", {"customer": "cus_nobody"})
    assert missing.status_code == 404 and missing.json()["code"] == "customer_not_found"


async def test_an_integration_sees_only_the_conversations_it_opened(api_as, scripted, demo_tx):
    crm = api_as(name="crm")
    cid = await open_conversation(crm)
    sent = (await crm.post(f"/conversations/{cid}/messages", {"text": "hi"})).json()
    web = await sync_to_async(conversation_start)(customer=demo_tx["alice"], session_key="")

    other = api_as(name="mobile")
    assert (await other.get("/conversations")).json()["items"] == []
    for path in (f"/conversations/{cid}", f"/conversations/{cid}/messages", f"/runs/{sent['reply']['run_id']}",
                 f"/conversations/{web.id}"):
        response = await other.get(path)
        assert response.status_code == 404 and response.json()["code"].endswith("not_found"), path
    assert (await other.post(f"/conversations/{cid}/messages", {"text": "hi"})).status_code == 404
    # A key bound to bob, even of the same integration, does not see alice's conversation.
    bobs = api_as(name="crm", customer="cus_bob")
    assert (await bobs.get(f"/conversations/{cid}")).status_code == 404
    listed = (await crm.get("/conversations")).json()["items"]
    assert [c["id"] for c in listed] == [cid]  # the web conversation is not the integration's


# --- Messages and replies ---------------------------------------------------------------------


async def test_a_message_is_answered_with_the_reply_and_its_run_id(api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    response = await api.post(f"/conversations/{cid}/messages", {"text": "why did my last payment fail?"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["message"]["role"] == "user" and body["message"]["text"] == "why did my last payment fail?"
    assert body["reply"]["text"] == scripted.reply
    assert body["reply"]["route"] == "resolver" and body["reply"]["intent"] == "billing"
    assert body["reply"]["confidence"] == pytest.approx(0.93)
    run = await AgentRun.objects.aget(id=body["reply"]["run_id"])
    assert run.status == "succeeded" and str(run.message_id) == body["message"]["id"]
    # The agents saw the customer from the conversation, on the api channel.
    assert scripted.seen[-1].customer.external_id == "cus_alice" and scripted.seen[-1].channel == "api"


async def test_a_reply_slower_than_the_wait_answers_202_and_is_readable_later(api_as, scripted, settings):
    settings.SUPPORT = {**settings.SUPPORT, "API_REPLY_WAIT_S": 0.2}
    scripted.release = asyncio.Event()
    api = api_as()
    cid = await open_conversation(api)
    response = await api.post(f"/conversations/{cid}/messages", {"text": "why did my last payment fail?"})
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["run_id"] and body["run_status"] in ("pending", "running")
    scripted.release.set()
    await runs_drain()
    run = (await api.get(f"/runs/{body['run_id']}")).json()
    assert run["status"] == "succeeded" and run["route"] == "resolver"
    messages = (await api.get(f"/conversations/{cid}/messages")).json()["items"]
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[1]["text"] == scripted.reply and messages[1]["run_id"] == body["run_id"]


async def test_a_run_is_read_with_its_steps(api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    run_id = (await api.post(f"/conversations/{cid}/messages", {"text": "hello"})).json()["reply"]["run_id"]
    run = (await api.get(f"/runs/{run_id}")).json()
    assert run["id"] == run_id and run["conversation_id"] == cid and run["intent"] == "billing"
    assert [s["agent"] for s in run["steps"]] == ["resolver"]
    step = run["steps"][0]
    assert step["kind"] == "agent" and step["started_at"] and step["finished_at"]
    assert step["input_tokens"] == 12 and step["output_tokens"] == 7 and step["parent_id"] is None


async def test_invalid_messages_get_422_naming_the_field_and_store_nothing(api_as):
    api = api_as()
    cid = await open_conversation(api)
    cases = [({}, "text"), ({"text": ""}, "text"), ({"text": "x" * 5000}, "text"), ({"text": 5}, "text"),
             ({"text": "hi", "client_id": "y" * 65}, "client_id"), ({"text": "a\x00b"}, "text")]
    for body, field in cases:
        response = await api.post(f"/conversations/{cid}/messages", body)
        assert response.status_code == 422, body
        error = response.json()
        assert error["code"] == "validation_error" and field in [e["field"] for e in error["errors"]], error
    assert not await Message.objects.filter(conversation_id=cid).aexists()


async def test_a_body_that_is_not_json_gets_a_json_error_not_a_500(api_as):
    api = api_as()
    response = await api.post("/conversations", raw="{not json")
    assert 400 <= response.status_code < 500 and "code" in response.json()


async def test_unknown_ids_get_404_json(api_as):
    api = api_as()
    for path in ("/conversations/6b1c6d6e-0000-4000-8000-000000000000", "/runs/6b1c6d6e-0000-4000-8000-000000000000",
                 "/conversations/not-a-uuid"):
        response = await api.get(path)
        assert response.status_code in (404, 422) and response.json()["code"], path
    assert (await api.delete("/faq/999999")).json()["code"] == "faq_not_found"


# --- Pagination -------------------------------------------------------------------------------


async def test_conversations_are_listed_newest_first_in_cursor_pages(api_as):
    api = api_as()
    created = [await open_conversation(api) for _ in range(5)]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await api.get("/conversations", **params)).json()
        seen += [c["id"] for c in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and seen == list(reversed(created))


async def test_messages_are_listed_oldest_first_in_cursor_pages(api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    for n in range(3):
        await api.post(f"/conversations/{cid}/messages", {"text": f"question {n}"})
    first = (await api.get(f"/conversations/{cid}/messages", limit=4)).json()
    second = (await api.get(f"/conversations/{cid}/messages", limit=4, cursor=first["next_cursor"])).json()
    texts = [m["text"] for m in first["items"] + second["items"]]
    assert texts == ["question 0", scripted.reply, "question 1", scripted.reply, "question 2", scripted.reply]
    assert second["next_cursor"] is None


async def test_a_cursor_that_was_not_given_out_is_refused(api_as):
    response = await api_as().get("/conversations", cursor="bm90IGEgY3Vyc29y")
    assert response.status_code == 422 and response.json()["code"] == "bad_cursor"
    assert (await api_as().get("/conversations", limit=0)).json()["errors"][0]["field"] == "limit"


# --- Idempotency ------------------------------------------------------------------------------


async def test_a_retried_post_with_the_same_idempotency_key_returns_the_first_result_and_stores_once(api_as, scripted):
    api = api_as()
    first = await api.post("/conversations", {"customer": "cus_alice"}, headers={"Idempotency-Key": "open-1"})
    again = await api.post("/conversations", {"customer": "cus_alice"}, headers={"Idempotency-Key": "open-1"})
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert await Conversation.objects.acount() == 1
    cid = first.json()["id"]

    sent = await api.post(f"/conversations/{cid}/messages", {"text": "hello"}, headers={"Idempotency-Key": "m-1"})
    resent = await api.post(f"/conversations/{cid}/messages", {"text": "hello"}, headers={"Idempotency-Key": "m-1"})
    assert sent.status_code == resent.status_code == 200 and sent.json() == resent.json()
    assert await Message.objects.filter(conversation_id=cid, role="user").acount() == 1
    assert await AgentRun.objects.filter(conversation_id=cid).acount() == 1


async def test_two_long_idempotency_keys_sharing_their_first_64_characters_store_two_messages(api_as, scripted):
    api = api_as()
    cid = (await api.post("/conversations", {"customer": "cus_alice"})).json()["id"]
    prefix = "order-" * 11  # 66 characters: longer than a message's client_id holds
    first = await api.post(f"/conversations/{cid}/messages", {"text": "Refund invoice NW-1001 please"},
                           headers={"Idempotency-Key": f"{prefix}1001"})
    second = await api.post(f"/conversations/{cid}/messages", {"text": "What plan am I on?"},
                            headers={"Idempotency-Key": f"{prefix}1002"})
    assert first.status_code == second.status_code == 200, second.content
    assert second.json()["message"]["text"] == "What plan am I on?"
    stored = [m async for m in Message.objects.filter(conversation_id=cid, role="user").order_by("created_at")]
    assert [m.text for m in stored] == ["Refund invoice NW-1001 please", "What plan am I on?"]
    assert len({m.client_id for m in stored}) == 2 and all(len(m.client_id) <= 64 for m in stored)

    # The same long key again is a retry: the first result, nothing stored twice.
    again = await api.post(f"/conversations/{cid}/messages", {"text": "What plan am I on?"},
                           headers={"Idempotency-Key": f"{prefix}1002"})
    assert again.status_code == 200 and again.json() == second.json()
    assert await Message.objects.filter(conversation_id=cid, role="user").acount() == 2


async def test_the_same_idempotency_key_with_a_different_body_is_422(api_as):
    api = api_as()
    await api.post("/conversations", {"customer": "cus_alice"}, headers={"Idempotency-Key": "k"})
    response = await api.post("/conversations", {"customer": "cus_bob"}, headers={"Idempotency-Key": "k"})
    assert response.status_code == 422 and response.json()["code"] == "idempotency_key_reused"
    assert await Conversation.objects.acount() == 1


async def test_a_failed_request_frees_its_idempotency_key_for_a_corrected_retry(api_as):
    api = api_as(scopes=["messages:write"])
    refused = await api.post("/conversations", {"customer": "cus_alice"}, headers={"Idempotency-Key": "k"})
    assert refused.status_code == 403
    assert not await IdempotencyRecord.objects.aexists()
    response = await api.post("/conversations", {}, headers={"Idempotency-Key": "k"})
    assert response.status_code == 201


async def test_idempotency_keys_are_per_api_key(api_as):
    one, two = api_as(name="a"), api_as(name="b")
    first = await one.post("/conversations", {}, headers={"Idempotency-Key": "same"})
    second = await two.post("/conversations", {}, headers={"Idempotency-Key": "same"})
    assert first.json()["id"] != second.json()["id"]


# --- Rate limits ------------------------------------------------------------------------------


async def test_a_key_over_its_rate_limit_gets_429_with_retry_after(api_as, make_key):
    api = api_as(rate_limit=3)
    for _ in range(3):
        assert (await api.get("/conversations")).status_code == 200
    limited = await api.get("/conversations")
    assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
    assert int(limited["Retry-After"]) >= 1
    # Another key is not affected.
    assert (await api_as(rate_limit=3).get("/conversations")).status_code == 200


# --- FAQ and feedback -------------------------------------------------------------------------


async def test_faq_entries_are_listed_created_changed_and_deleted_with_faq_write(api_as):
    editor = api_as(scopes=["faq:write"])
    created = await editor.post("/faq", {"question": "Do you support IPv6?", "answer": "Yes, on every plan.",
                                         "alternatives": ["ipv6 support?"], "tags": ["network"]})
    assert created.status_code == 201
    faq_id = created.json()["id"]
    changed = await editor.patch(f"/faq/{faq_id}", {"answer": "Yes, on every plan, at no cost.", "is_published": False})
    assert changed.status_code == 200 and changed.json()["answer"].endswith("no cost.")
    reader = api_as(scopes=[])
    listed_ids = []
    cursor = None
    while True:
        page = (await reader.get("/faq", limit=100, **({"cursor": cursor} if cursor else {}))).json()
        listed_ids += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert faq_id not in listed_ids  # unpublished entries are for editors
    assert len(listed_ids) == await FaqEntry.objects.filter(is_published=True).acount()
    assert (await editor.delete(f"/faq/{faq_id}")).status_code == 204
    assert not await FaqEntry.objects.filter(id=faq_id).aexists()
    empty = await editor.patch(f"/faq/{listed_ids[0]}", {"question": "   "})
    assert empty.status_code == 422 and empty.json()["code"] == "question_required"


async def test_feedback_rates_a_reply_once_and_refuses_other_messages(api_as, scripted):
    api = api_as()
    cid = await open_conversation(api)
    sent = (await api.post(f"/conversations/{cid}/messages", {"text": "hello"})).json()
    rated = await api.post(f"/conversations/{cid}/feedback", {"message_id": sent["reply"]["message_id"], "rating": "down",
                                                               "comment": "Not what I asked."})
    assert rated.status_code == 201 and rated.json()["run_id"] == sent["reply"]["run_id"]
    await api.post(f"/conversations/{cid}/feedback", {"message_id": sent["reply"]["message_id"], "rating": "up"})
    assert [f.rating async for f in Feedback.objects.all()] == ["up"]
    on_user_message = await api.post(f"/conversations/{cid}/feedback",
                                     {"message_id": sent["message"]["id"], "rating": "up"})
    assert on_user_message.status_code == 404
    bad = await api.post(f"/conversations/{cid}/feedback", {"message_id": sent["reply"]["message_id"], "rating": "meh"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "rating"


# --- Documents, keys, admin -------------------------------------------------------------------


async def test_the_openapi_document_and_docs_are_served(api_as):
    client = api_as("").client
    schema = (await client.get("/api/v1/openapi.json")).json()
    assert {"/api/v1/conversations", "/api/v1/conversations/{conversation_id}/messages", "/api/v1/runs/{run_id}",
            "/api/v1/faq", "/api/v1/faq/{faq_id}", "/api/v1/conversations/{conversation_id}/feedback"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]["ApiKeyAuth"]["scheme"] == "bearer"
    assert (await client.get("/api/v1/docs")).status_code == 200
