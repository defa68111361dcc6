"""Webhooks against a real receiving HTTP server: signed, sent after commit, retried, never blocking."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.db import transaction

from supportsite.api.models import WebhookDelivery, WebhookEndpoint
from supportsite.api.webhooks import (
    webhook_backoff_s,
    webhook_deliver_due,
    webhook_delivery_ensure_started,
    webhook_delivery_stop,
    webhook_signature_verify,
)
from supportsite.conversations.actions import action_decide
from supportsite.conversations.models import AgentAction
from supportsite.conversations.runner import runs_drain
from supportsite.conversations.services import conversation_start

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


class Receiver:
    """An HTTP server that records webhook requests; it can fail the first N, or hold each one."""

    def __init__(self, *, fail_first: int = 0, hold: threading.Event | None = None):
        self.requests: list[dict[str, Any]] = []
        self.fail_first = fail_first
        self.hold = hold
        self.answered = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                if receiver.hold is not None:
                    receiver.hold.wait(10)
                status = 500 if len(receiver.requests) <= receiver.fail_first else 204
                self.send_response(status)
                self.end_headers()
                receiver.answered += 1

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self) -> list[str]:
        return [json.loads(r["body"])["type"] for r in self.requests]

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def receiver(local_webhook_receivers_allowed):
    servers: list[Receiver] = []

    def start(**options: Any) -> Receiver:
        servers.append(Receiver(**options))
        return servers[-1]

    yield start
    for server in servers:
        if server.hold is not None:
            server.hold.set()
        server.close()


@pytest.fixture
def fast_retries(settings):
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_BACKOFF_BASE_S": 0.05, "WEBHOOK_TIMEOUT_S": 5}


async def endpoint_create(url: str, events: list[str], integration: str = "") -> WebhookEndpoint:
    return await WebhookEndpoint.objects.acreate(url=url, events=events, integration=integration)


ALL_EVENTS = ["conversation.created", "message.created", "conversation.handoff", "action.pending", "action.decided"]


async def test_a_conversation_and_its_messages_are_delivered_signed_with_the_endpoints_secret(api_as, scripted, receiver):
    hook = receiver()
    endpoint = await endpoint_create(hook.url, ALL_EVENTS)
    api = api_as()
    cid = (await api.post("/conversations", {"customer": "cus_alice"})).json()["id"]
    await api.post(f"/conversations/{cid}/messages", {"text": "why did my last payment fail?"})
    await runs_drain()
    assert await webhook_deliver_due() == 3
    assert hook.events() == ["conversation.created", "message.created", "message.created"]
    for request in hook.requests:
        headers = request["headers"]
        assert webhook_signature_verify(secret=endpoint.secret, timestamp=headers["X-Northwind-Timestamp"],
                                        body=request["body"], signature=headers["X-Northwind-Signature"])
        assert not webhook_signature_verify(secret="whsec_wrong", timestamp=headers["X-Northwind-Timestamp"],
                                            body=request["body"], signature=headers["X-Northwind-Signature"])
        assert headers["X-Northwind-Event"] == json.loads(request["body"])["type"]
    created, user_message, reply = (json.loads(r["body"])["data"] for r in hook.requests)
    assert created["conversation"] == {**created["conversation"], "id": cid, "customer": "cus_alice", "channel": "api",
                                       "integration": "crm"}
    assert user_message["message"]["role"] == "user" and reply["message"]["text"] == scripted.reply
    assert await WebhookDelivery.objects.filter(status="delivered").acount() == 3


async def test_nothing_is_recorded_for_a_change_that_rolls_back(demo_tx, receiver):
    await endpoint_create(receiver().url, ALL_EVENTS)

    def start_then_fail() -> None:
        with transaction.atomic():
            conversation_start(customer=demo_tx["alice"])
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        await sync_to_async(start_then_fail)()
    assert not await WebhookDelivery.objects.aexists()


async def test_a_failing_receiver_is_retried_with_backoff_until_it_answers(demo_tx, receiver, fast_retries):
    hook = receiver(fail_first=2)
    await endpoint_create(hook.url, ["conversation.created"])
    await sync_to_async(conversation_start)(customer=demo_tx["bob"])
    webhook_delivery_ensure_started(poll_s=0.05)
    try:
        for _ in range(400):  # the loop retries on its own; give it up to 20 s
            if await WebhookDelivery.objects.filter(status="delivered").aexists():
                break
            await asyncio.sleep(0.05)
    finally:
        await webhook_delivery_stop()
    delivery = await WebhookDelivery.objects.aget()
    assert delivery.attempts == 3 and delivery.response_code == 204 and delivery.last_error == ""
    assert len(hook.requests) == 3
    # Every retry is the same delivery, so receivers can de-duplicate on it.
    assert len({r["headers"]["X-Northwind-Delivery"] for r in hook.requests}) == 1
    assert webhook_backoff_s(1) == pytest.approx(0.05) and webhook_backoff_s(3) == pytest.approx(0.2)


async def test_a_delivery_is_given_up_after_the_last_attempt_with_its_error_recorded(demo_tx, receiver, settings):
    settings.SUPPORT = {**settings.SUPPORT, "WEBHOOK_MAX_ATTEMPTS": 2, "WEBHOOK_BACKOFF_BASE_S": 0}
    hook = receiver(fail_first=99)
    await endpoint_create(hook.url, ["conversation.created"])
    await sync_to_async(conversation_start)(customer=demo_tx["bob"])
    await webhook_deliver_due()
    delivery = await WebhookDelivery.objects.aget()
    assert delivery.status == "failed" and delivery.attempts == 2 and delivery.response_code == 500
    assert "HTTP 500" in delivery.last_error


async def test_a_receiver_that_hangs_does_not_hold_up_the_reply(api_as, scripted, receiver):
    hold = threading.Event()
    hook = receiver(hold=hold)
    await endpoint_create(hook.url, ALL_EVENTS)
    webhook_delivery_ensure_started(poll_s=0.05)
    try:
        api = api_as()
        cid = (await api.post("/conversations", {"customer": "cus_alice"})).json()["id"]
        response = await api.post(f"/conversations/{cid}/messages", {"text": "hello"})
        assert response.status_code == 200 and response.json()["reply"]["text"] == scripted.reply
        assert hook.answered == 0  # the receiver had not answered a single delivery yet
    finally:
        hold.set()
        await webhook_delivery_stop()


async def test_an_endpoint_for_one_integration_gets_only_its_conversations(api_as, demo_tx, receiver):
    hook = receiver()
    await endpoint_create(hook.url, ["conversation.created"], integration="crm")
    await sync_to_async(conversation_start)(customer=demo_tx["alice"])  # the web chat
    await api_as(name="mobile").post("/conversations", {})
    await api_as(name="crm").post("/conversations", {})
    await webhook_deliver_due()
    assert [json.loads(r["body"])["data"]["conversation"]["integration"] for r in hook.requests] == ["crm"]


async def test_handoffs_and_actions_waiting_for_approval_and_their_decisions_are_delivered(
    api_as, scripted, receiver, demo_tx
):
    hook = receiver()
    await endpoint_create(hook.url, ["conversation.handoff", "action.pending", "action.decided"])
    scripted.route, scripted.handoff_reason, scripted.refund_invoice = "handoff", "policy_needs_approval", "NW-2002"
    api = api_as()
    cid = (await api.post("/conversations", {"customer": "cus_bob"})).json()["id"]
    await api.post(f"/conversations/{cid}/messages", {"text": "I was charged twice"})
    await runs_drain()
    action = await AgentAction.objects.aget(conversation_id=cid)
    assert action.status == "pending_approval"
    staff = await sync_to_async(lambda: demo_tx["alice"].user.__class__.objects.get(username="staff"))()
    await sync_to_async(action_decide)(action_id=action.pk, approve=True, staff_user=staff, note="Duplicate.")
    await webhook_deliver_due()
    bodies = [json.loads(r["body"]) for r in hook.requests]
    assert [b["type"] for b in bodies] == ["action.pending", "conversation.handoff", "action.decided"]
    assert bodies[0]["data"]["action"]["kind"] == "refund" and bodies[0]["data"]["action"]["customer"] == "cus_bob"
    assert bodies[1]["data"]["reason"] == "policy_needs_approval"
    assert bodies[2]["data"]["approved"] is True and bodies[2]["data"]["action"]["decided_by"] == "staff"
    # The decision was the last thing the conversation waited for: it is back with the agents, and no
    # longer carries the reason a person was needed.
    assert bodies[1]["data"]["conversation"]["handoff_reason"] == "policy_needs_approval"
    assert bodies[2]["data"]["conversation"]["status"] == "open"
    assert bodies[2]["data"]["conversation"]["handoff_reason"] == ""
