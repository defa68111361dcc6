"""The REST API at its edges: what reaches it that no endpoint expects still gets a JSON error with
a stable code, stores nothing, and leaves no key in the log."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import threading

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings as django_settings
from django.db import IntegrityError, connections

from supportsite.conversations.models import Conversation, Message
from supportsite.core.errors import Conflict
from supportsite.knowledge import services as knowledge_services
from supportsite.knowledge.models import FaqEntry, faq_question_key

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ERROR_KEYS = {"code", "detail", "errors"}


def forged_cursor(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == ERROR_KEYS and body["code"] == code, body
    return body


async def open_conversation(api) -> str:
    response = await api.post("/conversations", {"customer": "cus_alice"})
    assert response.status_code == 201, response.content
    return response.json()["id"]


# --- Request bodies ---------------------------------------------------------------------------


async def test_a_body_over_the_upload_limit_gets_413_payload_too_large_and_stores_nothing(api_as):
    api = api_as()
    cid = await open_conversation(api)
    oversized = "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert_json_error(await api.post("/conversations", {"customer": oversized}), 413, "payload_too_large")
    assert_json_error(await api.post(f"/conversations/{cid}/messages", {"text": oversized}), 413, "payload_too_large")
    assert await Conversation.objects.acount() == 1
    assert not await Message.objects.filter(conversation_id=cid).aexists()


async def test_a_body_that_is_not_a_json_object_gets_422_and_opens_no_conversation(api_as):
    api = api_as()
    for raw in ("[]", '"str"', "null", "42"):
        error = assert_json_error(await api.post("/conversations", raw=raw), 422, "validation_error")
        assert error["errors"] == [{"field": "body", "message": "Input should be a JSON object"}], raw
    assert not await Conversation.objects.aexists()


async def test_an_empty_customer_is_a_422_on_the_customer_field_not_an_anonymous_conversation(api_as):
    api = api_as()
    error = assert_json_error(await api.post("/conversations", {"customer": ""}), 422, "validation_error")
    assert [e["field"] for e in error["errors"]] == ["customer"]
    assert not await Conversation.objects.aexists()
    # The documented anonymous case stays: no customer, or null.
    for body in ({}, {"customer": None}):
        response = await api.post("/conversations", body)
        assert response.status_code == 201 and response.json()["customer"] is None, body


async def test_a_body_that_is_not_json_gets_400_bad_json(api_as):
    api = api_as()
    for raw in ("{not json", '{"customer": "cus_alice"'):
        error = assert_json_error(await api.post("/conversations", raw=raw), 400, "bad_json")
        assert "not valid JSON" in error["detail"]
    assert not await Conversation.objects.aexists()


async def test_a_body_nested_past_the_parsers_depth_gets_400_bad_json(api_as):
    api = api_as()
    for raw in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
        error = assert_json_error(await api.post("/conversations", raw=raw), 400, "bad_json")
        assert "not valid JSON" in error["detail"]
    assert not await Conversation.objects.aexists()


async def test_a_field_the_body_does_not_have_gets_422_naming_it_and_stores_nothing(api_as):
    api = api_as()
    error = assert_json_error(
        await api.post("/faq", {"question": "Can I pause my plan?", "answer": "No.", "published": False}),
        422, "validation_error")
    assert [e["field"] for e in error["errors"]] == ["published"], error
    assert not await FaqEntry.objects.filter(question="Can I pause my plan?").aexists()
    cid = await open_conversation(api)
    error = assert_json_error(await api.post(f"/conversations/{cid}/messages", {"txt": "hello"}), 422,
                              "validation_error")
    assert {e["field"] for e in error["errors"]} == {"text", "txt"}, error
    assert not await Message.objects.filter(conversation_id=cid).aexists()


# --- Cursors ----------------------------------------------------------------------------------

FORGED_CURSORS = [
    forged_cursor(["2026-12-03T06:46:01+00:00", "abc"]),  # a key of no model's type
    forged_cursor(["2026-12-03T06:46:01+00:00", "9" * 30]),  # a number past any database column
    forged_cursor(["2026-12-03T06:46:01", "6b1c6d6e-0000-4000-8000-000000000000"]),  # no time zone
    forged_cursor(["9999-12-31T23:59:59-14:00", "6b1c6d6e-0000-4000-8000-000000000000"]),  # past year 9999 in UTC
    forged_cursor([1764744361, "1"]),
    forged_cursor({"created_at": "2026-12-03T06:46:01+00:00", "pk": "1"}),
    "bm90IGEgY3Vyc29y",  # base64 of "not a cursor"
    "%%%",
    "a" * 300,
]


async def test_a_forged_cursor_gets_422_bad_cursor_on_every_paginated_endpoint(api_as):
    api = api_as()
    cid = await open_conversation(api)
    for path in ("/conversations", f"/conversations/{cid}/messages", "/faq"):
        for cursor in FORGED_CURSORS:
            assert_json_error(await api.get(path, limit=1, cursor=cursor), 422, "bad_cursor")


async def test_a_cursor_from_another_list_gets_422_bad_cursor(api_as):
    api = api_as()
    cid = await open_conversation(api)
    await open_conversation(api)
    faq_cursor = (await api.get("/faq", limit=1)).json()["next_cursor"]  # an integer key
    conversation_cursor = (await api.get("/conversations", limit=1)).json()["next_cursor"]  # a UUID key
    assert faq_cursor and conversation_cursor
    assert_json_error(await api.get("/conversations", cursor=faq_cursor), 422, "bad_cursor")
    assert_json_error(await api.get(f"/conversations/{cid}/messages", cursor=faq_cursor), 422, "bad_cursor")
    assert_json_error(await api.get("/faq", cursor=conversation_cursor), 422, "bad_cursor")


# --- Keys never reach the log -----------------------------------------------------------------


async def test_a_key_sent_with_another_scheme_gets_401_and_is_never_logged(api_as, make_key, caplog, settings):
    settings.DEBUG = True  # ninja's bearer auth logged the header only with DEBUG on, as `make run` has it
    caplog.set_level(logging.DEBUG)
    real_key = make_key()
    client = api_as("").client
    for secret in (real_key, "nw_SECRETKEYVALUE123"):
        basic = base64.b64encode(f"{secret}:".encode()).decode()
        for header in (f"Token {secret}", secret, f"Basic {basic}", f"bearer{secret}"):
            response = await client.get("/api/v1/conversations", headers={"Authorization": header})
            assert_json_error(response, 401, "unauthenticated")
            assert response["WWW-Authenticate"].startswith("Bearer")
    logged = [record.getMessage() + (record.exc_text or "") for record in caplog.records]
    assert logged  # the requests were logged (Unauthorized: …), only without their keys
    for secret in (real_key, "nw_SECRETKEYVALUE123", "SECRETKEYVALUE123"):
        assert not [line for line in logged if secret in line], secret


# --- FAQ questions are unique ------------------------------------------------------------------


async def test_creating_an_faq_entry_with_an_existing_question_gets_409_duplicate_question(api_as):
    editor = api_as(scopes=["faq:write"])
    existing = await FaqEntry.objects.order_by("pk").afirst()
    count = await FaqEntry.objects.acount()
    for question in (existing.question, f"  {existing.question.upper()}  ", existing.question.replace(" ", "   ")):
        response = await editor.post("/faq", {"question": question, "answer": "A second answer."})
        error = assert_json_error(response, 409, "duplicate_question")
        assert str(existing.pk) in error["detail"]
    assert await FaqEntry.objects.acount() == count


async def test_a_question_differing_from_an_entrys_only_in_punctuation_or_apostrophe_style_gets_409(api_as):
    editor = api_as(scopes=["faq:write"])
    password = await FaqEntry.objects.aget(question="How do I reset my password?")
    free_plan = await FaqEntry.objects.aget(question="What's included in the Free plan?")
    count = await FaqEntry.objects.acount()
    for question, existing in (("How do I reset my password ?", password), ("How do I reset my password", password),
                               ("What’s included in the Free plan?", free_plan),
                               ("whats included in the free plan", free_plan)):
        response = await editor.post("/faq", {"question": question, "answer": "A second answer."})
        error = assert_json_error(response, 409, "duplicate_question")
        assert error["detail"] == f"FAQ entry {existing.pk} already asks this question.", question
    assert await FaqEntry.objects.acount() == count


async def test_a_phrasing_that_is_another_entrys_question_gets_409_naming_that_entry(api_as):
    editor = api_as(scopes=["faq:write"])
    upgrade = await FaqEntry.objects.aget(question="How do I upgrade my plan?")
    free_plan = await FaqEntry.objects.aget(question="What's included in the Free plan?")
    response = await editor.patch(f"/faq/{upgrade.pk}", {"alternatives": ["what’s included in the free plan"]})
    error = assert_json_error(response, 409, "phrasing_is_other_question")
    assert f"FAQ entry {free_plan.pk} (“What's included in the Free plan?”)" in error["detail"]
    assert (await FaqEntry.objects.aget(pk=upgrade.pk)).alternatives == upgrade.alternatives


async def test_an_faq_entry_naming_a_customers_records_is_refused_on_create_and_on_change(api_as):
    editor = api_as(scopes=["faq:write"])
    count = await FaqEntry.objects.acount()
    response = await editor.post("/faq", {"question": "What if I'm charged twice?",
                                          "answer": "We refunded NW-2002 to bob@example.com."})
    error = assert_json_error(response, 422, "faq_customer_details")
    assert "NW-2002" in error["detail"] and "bob@example.com" in error["detail"]
    assert await FaqEntry.objects.acount() == count
    entry = await FaqEntry.objects.order_by("pk").afirst()
    response = await editor.patch(f"/faq/{entry.pk}", {"alternatives": ["refund for cus_bob"]})
    assert_json_error(response, 422, "faq_customer_details")
    assert (await FaqEntry.objects.aget(pk=entry.pk)).alternatives == entry.alternatives


async def test_changing_an_faq_question_to_another_entrys_gets_409_and_its_own_may_change_case(api_as):
    editor = api_as(scopes=["faq:write"])
    first, second = [entry async for entry in FaqEntry.objects.order_by("pk")[:2]]
    response = await editor.patch(f"/faq/{second.pk}", {"question": first.question.lower()})
    assert_json_error(response, 409, "duplicate_question")
    assert (await FaqEntry.objects.aget(pk=second.pk)).question == second.question
    recased = await editor.patch(f"/faq/{second.pk}", {"question": second.question.upper()})
    assert recased.status_code == 200 and recased.json()["question"] == second.question.upper()


async def test_a_row_written_past_save_with_an_existing_question_is_refused_by_the_database(demo_tx):
    existing = await FaqEntry.objects.order_by("pk").afirst()
    question = f"  {existing.question.upper()}  ".replace(" ", "\t ")
    # bulk_create skips save() and so every check in Python: only the unique constraint stands in the way.
    twin = FaqEntry(question=question, answer="A second answer.", question_key=faq_question_key(question))
    with pytest.raises(IntegrityError):
        await FaqEntry.objects.abulk_create([twin])
    assert await FaqEntry.objects.filter(question_key=existing.question_key).acount() == 1


async def test_an_faq_entrys_key_is_its_words_with_case_folded_and_punctuation_and_spacing_dropped(demo_tx):
    created = await sync_to_async(knowledge_services.faq_create)(
        question="  Can I pay\tby  Bank transfer to the STRASSE office? ", answer="Yes, by SEPA transfer.")
    assert created.question == "Can I pay\tby  Bank transfer to the STRASSE office?"
    assert created.question_key == "can i pay by bank transfer to the strasse office"
    saved = await FaqEntry.objects.acreate(question="Wo ist die Straße?", answer="Hier.")  # past the service
    assert (await FaqEntry.objects.aget(pk=saved.pk)).question_key == "wo ist die strasse"
    curly = await FaqEntry.objects.acreate(question="Isn’t  the ＡＰＩ free?!", answer="It is.")
    assert (await FaqEntry.objects.aget(pk=curly.pk)).question_key == "isnt the api free"


async def test_changing_an_faq_question_moves_its_key_and_frees_the_old_question(api_as):
    editor = api_as(scopes=["faq:write"])
    first, second = [entry async for entry in FaqEntry.objects.order_by("pk")[:2]]
    response = await editor.patch(f"/faq/{first.pk}", {"question": "How do I  move my app to another REGION?"})
    assert response.status_code == 200, response.content
    assert (await FaqEntry.objects.aget(pk=first.pk)).question_key == "how do i move my app to another region"
    second.question = "Where are my receipts?"
    await second.asave(update_fields=["question"])  # as update_or_create saves
    assert (await FaqEntry.objects.aget(pk=second.pk)).question_key == "where are my receipts"
    reused = await editor.post("/faq", {"question": first.question, "answer": "Asked again once it was free."})
    assert reused.status_code == 201, reused.content


async def test_a_write_that_passed_the_check_before_another_took_the_question_gets_the_same_409(api_as, monkeypatch):
    editor = api_as(scopes=["faq:write"])
    first, second = [entry async for entry in FaqEntry.objects.order_by("pk")[:2]]
    # The check in Python sees no other entry, as when the other request commits just after it ran:
    # then only the database's unique constraint refuses the write.
    monkeypatch.setattr(knowledge_services, "faq_question_owner", lambda **kwargs: None)
    count = await FaqEntry.objects.acount()
    created = await editor.post("/faq", {"question": f" {first.question.upper()}", "answer": "A second answer."})
    error = assert_json_error(created, 409, "duplicate_question")
    assert error["detail"] == f"FAQ entry {first.pk} already asks this question."
    changed = await editor.patch(f"/faq/{second.pk}", {"question": first.question.lower()})
    error = assert_json_error(changed, 409, "duplicate_question")
    assert error["detail"] == f"FAQ entry {first.pk} already asks this question."
    assert await FaqEntry.objects.acount() == count
    assert (await FaqEntry.objects.aget(pk=second.pk)).question == second.question


@pytest.mark.postgres
async def test_two_creates_of_one_question_at_the_same_moment_store_one_entry_and_refuse_the_other(
        demo_tx, monkeypatch):
    both_checked = threading.Barrier(2)
    real_check = knowledge_services.faq_question_owner

    def check_side_by_side(**kwargs):
        owner = real_check(**kwargs)
        both_checked.wait(timeout=10)  # neither writes before both have found the question free
        return owner

    monkeypatch.setattr(knowledge_services, "faq_question_owner", check_side_by_side)
    outcomes: list[int | Conflict] = []

    def create(question: str) -> None:
        try:
            outcomes.append(knowledge_services.faq_create(question=question, answer="Yes, 20% off.").pk)
        except Conflict as exc:
            outcomes.append(exc)
        finally:
            connections.close_all()

    await asyncio.gather(*(asyncio.to_thread(create, question) for question in
                           ("Do you offer a student discount?", "do you offer a  STUDENT discount?")))
    [stored_id] = [outcome for outcome in outcomes if isinstance(outcome, int)]
    [refused] = [outcome for outcome in outcomes if isinstance(outcome, Conflict)]
    assert refused.code == "duplicate_question" and refused.detail == f"FAQ entry {stored_id} already asks this question."
    assert await FaqEntry.objects.filter(question_key="do you offer a student discount").acount() == 1


async def test_the_openapi_document_lists_409_for_creating_and_changing_faq_entries(api_as):
    schema = (await api_as("").client.get("/api/v1/openapi.json")).json()
    assert "409" in schema["paths"]["/api/v1/faq"]["post"]["responses"]
    assert "409" in schema["paths"]["/api/v1/faq/{faq_id}"]["patch"]["responses"]


# --- Docs work offline ------------------------------------------------------------------------


async def test_the_docs_page_loads_its_swagger_files_from_this_site_not_a_cdn(api_as):
    client = api_as("").client
    response = await client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"(https?:)?//", html), "the docs page names another host"
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(asset.endswith(".js") for asset in assets) and any(asset.endswith(".css") for asset in assets)
    for asset in assets:
        served = await client.get(asset)
        assert served.status_code == 200, asset


# --- Every response under /api/v1/ is JSON ----------------------------------------------------


async def test_a_path_no_endpoint_has_gets_404_endpoint_not_found_as_json(api_as):
    api = api_as()
    anonymous = api_as("").client
    for path in ("/api/v1/nope", "/api/v1/", "/api/v1/conversations/", "/api/v1/faq/1/extra"):
        for client in (api.client, anonymous):
            error = assert_json_error(await client.get(path), 404, "endpoint_not_found")
            assert path in error["detail"]
        assert_json_error(await api.post(path.removeprefix("/api/v1"), {}), 404, "endpoint_not_found")


async def test_the_api_base_without_its_slash_gets_404_endpoint_not_found_as_json_for_every_method(api_as):
    api = api_as()
    headers = {"Authorization": f"Bearer {api.key}"}
    for method in ("get", "post", "put", "patch", "delete"):
        response = await getattr(api.client, method)("/api/v1", headers=headers)
        error = assert_json_error(response, 404, "endpoint_not_found")
        assert "/api/v1/docs" in error["detail"], error
    assert not await Conversation.objects.aexists()


async def test_a_method_a_path_does_not_serve_gets_405_as_json_with_allow(api_as):
    api = api_as()
    cid = await open_conversation(api)
    headers = {"Authorization": f"Bearer {api.key}"}
    cases = [
        ("put", "/api/v1/conversations", {"GET", "POST"}),
        ("delete", f"/api/v1/conversations/{cid}", {"GET"}),
        ("patch", f"/api/v1/conversations/{cid}/messages", {"GET", "POST"}),
        ("get", "/api/v1/faq/1", {"PATCH", "DELETE"}),
    ]
    for method, path, allowed in cases:
        response = await getattr(api.client, method)(path, headers=headers)
        error = assert_json_error(response, 405, "method_not_allowed")
        assert {m.strip() for m in response["Allow"].split(",")} == allowed, path
        assert method.upper() in error["detail"]
