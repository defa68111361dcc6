"""Webhooks: events stored with the change they report, sent after commit, signed, retried.

`webhook_event_enqueue` is called by the conversation services inside their transaction, so a
delivery row exists exactly when the change does. Sending happens later, in each server
process's delivery loop (never in the request or the run that made the change): a slow or
dead receiver can never hold up a reply to a customer. Deliveries are claimed with a lease,
so several processes never send the same attempt twice at once, and failures are retried with
exponential backoff until WEBHOOK_MAX_ATTEMPTS, each attempt's outcome recorded on the row.

Each request carries:
    X-Northwind-Event: conversation.created
    X-Northwind-Delivery: <delivery uuid>          (the same on every retry of one delivery)
    X-Northwind-Timestamp: <unix seconds>
    X-Northwind-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the endpoint's secret>
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import sys
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from supportsite.api.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from supportsite.conversations.models import AgentAction, Conversation, Message
from supportsite.conversations.serializers import conversation_reason
from supportsite.core.db import db_async
from supportsite.core.outbound_urls import (
    CARRIES_CREDENTIALS,
    OutboundURLRefused,
    outbound_client,
    outbound_url_problem_sync,
)

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Northwind-Signature"
TIMESTAMP_HEADER = "X-Northwind-Timestamp"
EVENT_HEADER = "X-Northwind-Event"
DELIVERY_HEADER = "X-Northwind-Delivery"


def _setting(name: str, default: float) -> float:
    return float(settings.SUPPORT.get(name, default))


# --- The URL policy (supportsite.core.outbound_urls) ------------------------------------------


def _http_localhost_allowed() -> bool:
    return bool(settings.DEBUG or settings.SUPPORT.get("WEBHOOK_ALLOW_HTTP_LOCALHOST", False))


def _with_hint(problem: str | None) -> str | None:
    if problem == CARRIES_CREDENTIALS:
        return f"{problem}; the endpoint's secret signs each delivery instead"
    return problem


def webhook_url_problem_sync(url: str) -> str | None:
    """Why the server must not POST to this endpoint URL, or None when it may: for the admin form
    that registers an endpoint (resolves with a short timeout). Before each POST the client's
    transport applies the same policy (delivery_send)."""
    return _with_hint(outbound_url_problem_sync(url, allow_http_localhost=_http_localhost_allowed()))


# --- Payloads ---------------------------------------------------------------------------------


def webhook_conversation(conversation: Conversation) -> dict[str, Any]:
    customer = conversation.customer
    return {
        "id": str(conversation.id),
        "status": conversation.status,
        "channel": conversation.channel,
        "customer": customer.external_id if customer else None,
        "integration": conversation.integration,
        "external_ref": conversation.external_ref,
        # As the chat's frames carry it: news only while a person is needed, not once the agents have it back.
        "handoff_reason": conversation_reason(conversation),
        "created_at": conversation.created_at.isoformat() if conversation.created_at else None,
    }


def webhook_message(message: Message) -> dict[str, Any]:
    return {
        "id": str(message.id),
        "conversation_id": str(message.conversation_id),
        "role": message.role,
        "text": message.text,
        "run_id": str(message.run_id) if message.run_id else None,
        "created_at": message.created_at.isoformat(),
    }


def webhook_action(action: AgentAction) -> dict[str, Any]:
    return {
        "id": action.pk,
        "kind": action.kind,
        "status": action.status,
        "conversation_id": str(action.conversation_id),
        "run_id": str(action.run_id) if action.run_id else None,
        "customer": action.customer.external_id,
        "payload": action.payload,
        "decided_by": action.decided_by.get_username() if action.decided_by else None,
        "decided_at": action.decided_at.isoformat() if action.decided_at else None,
        "decision_note": action.decision_note,
    }


# --- Enqueue (inside the caller's transaction) ------------------------------------------------


# No active endpoint at all is the common case: remember it briefly, so a message costs no
# webhook query then. Saving or deleting an endpoint in this process forgets it at once;
# another process sees a new endpoint within NO_ENDPOINTS_TTL_S.
NO_ENDPOINTS_TTL_S = 2.0
_no_endpoints_until = float("-inf")


def webhook_endpoints_changed(**_: Any) -> None:
    global _no_endpoints_until
    _no_endpoints_until = float("-inf")


def _endpoints_for(event: str, integration: str) -> list[WebhookEndpoint]:
    global _no_endpoints_until
    if time.monotonic() < _no_endpoints_until:
        return []
    active = list(WebhookEndpoint.objects.filter(active=True).only("id", "events", "integration"))
    if not active:
        _no_endpoints_until = time.monotonic() + NO_ENDPOINTS_TTL_S
    return [e for e in active if event in e.events and e.integration in ("", integration)]


def webhook_event_enqueue(
    *, event: str, conversation: Conversation, data: Callable[[], dict[str, Any]] = dict,
) -> int:
    """Record one delivery per subscribed endpoint in the current transaction; send after commit.

    The payload is the conversation plus `data()`, built only when some endpoint subscribes.
    Endpoints registered for one integration get only that integration's conversations.
    Returns how many deliveries were recorded.
    """
    if event not in WebhookEvent.values:
        raise ValueError(f"Unknown webhook event {event!r}")
    return _deliveries_record(
        event=event, endpoints=_endpoints_for(event, conversation.integration), conversation=conversation, data=data,
    )


def _deliveries_record(
    *, event: str, endpoints: list[WebhookEndpoint], conversation: Conversation, data: Callable[[], dict[str, Any]],
) -> int:
    if not endpoints:
        return 0
    now = timezone.now()
    payload = {"conversation": webhook_conversation(conversation), **data()}
    envelope = json.loads(
        json.dumps(
            {"id": str(uuid.uuid4()), "type": event, "created_at": now.isoformat(), "data": payload},
            cls=DjangoJSONEncoder,
        )
    )
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=endpoint, event=event, payload=envelope, next_attempt_at=now) for endpoint in endpoints]
    )
    transaction.on_commit(webhook_wake)
    return len(endpoints)


# The one-line hooks the conversation services call at the end of each change (inside its transaction).


def webhook_conversation_created(conversation: Conversation) -> None:
    webhook_event_enqueue(event=WebhookEvent.CONVERSATION_CREATED, conversation=conversation)


def webhook_message_created(message: Message, conversation: Conversation) -> None:
    webhook_event_enqueue(
        event=WebhookEvent.MESSAGE_CREATED, conversation=conversation,
        data=lambda: {"message": webhook_message(message)},
    )


def webhook_conversation_handoff(conversation: Conversation, *, run_id: Any = None) -> None:
    webhook_event_enqueue(
        event=WebhookEvent.CONVERSATION_HANDOFF, conversation=conversation,
        data=lambda: {"reason": conversation.handoff_reason, "summary": conversation.handoff_summary,
                      "run_id": str(run_id) if run_id else None},
    )


def webhook_actions_pending(conversation: Conversation, *, run_id: Any) -> None:
    """One action.pending per action this run left waiting for a person's approval."""
    endpoints = _endpoints_for(WebhookEvent.ACTION_PENDING, conversation.integration)
    if not endpoints:
        return  # no look-up of the run's actions when nobody listens
    pending = AgentAction.objects.select_related("customer", "decided_by").filter(
        run_id=run_id, status=AgentAction.Status.PENDING_APPROVAL
    )
    for action in pending:
        _deliveries_record(
            event=WebhookEvent.ACTION_PENDING, endpoints=endpoints, conversation=conversation,
            data=lambda action=action: {"action": webhook_action(action)},
        )


def webhook_action_decided(action: AgentAction, *, message: Message | None = None) -> None:
    """action.decided, and message.created for the note the customer gets about it."""
    conversation = Conversation.objects.select_related("customer").get(id=action.conversation_id)
    if message is not None:
        webhook_message_created(message, conversation)
    webhook_event_enqueue(
        event=WebhookEvent.ACTION_DECIDED, conversation=conversation,
        data=lambda: {"action": webhook_action(action), "approved": action.status == AgentAction.Status.COMPLETED},
    )


# --- Signing ----------------------------------------------------------------------------------


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"v1={digest}"


def webhook_signature_verify(
    *, secret: str, timestamp: str, body: bytes, signature: str, tolerance_s: float = 300, now: float | None = None
) -> bool:
    """What a receiver does: constant-time compare, and refuse old timestamps (replays)."""
    try:
        age = abs((now if now is not None else time.time()) - int(timestamp))
    except ValueError:
        return False
    if age > tolerance_s:
        return False
    expected = webhook_signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, signature)


# --- Claiming and recording (sync, on the database pool) --------------------------------------


def deliveries_claim_due(*, limit: int = 20) -> list[WebhookDelivery]:
    """Take due deliveries for this process; a delivery whose sender died is taken again after the lease."""
    now = timezone.now()
    lease = timedelta(seconds=_setting("WEBHOOK_TIMEOUT_S", 10) * 3)
    due = Q(status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=WebhookDelivery.Status.SENDING, claimed_at__lt=now - lease
    )
    candidates = list(WebhookDelivery.objects.filter(due).order_by("next_attempt_at").values_list("id", flat=True)[:limit])
    claimed = []
    for delivery_id in candidates:
        # One conditional UPDATE per row: whoever updates it owns this attempt.
        if WebhookDelivery.objects.filter(due, id=delivery_id).update(
            status=WebhookDelivery.Status.SENDING, claimed_at=now
        ):
            claimed.append(delivery_id)
    return list(WebhookDelivery.objects.select_related("endpoint").filter(id__in=claimed))


def delivery_record(*, delivery_id: uuid.UUID, ok: bool, response_code: int | None, error: str) -> WebhookDelivery:
    """Store one attempt's outcome: delivered, retried later with backoff, or given up."""
    delivery = WebhookDelivery.objects.get(id=delivery_id)
    now = timezone.now()
    delivery.attempts += 1
    delivery.response_code = response_code
    delivery.claimed_at = None
    if ok:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = now
        delivery.last_error = ""
    else:
        delivery.last_error = error[:2000]
        if delivery.attempts >= int(_setting("WEBHOOK_MAX_ATTEMPTS", 8)):
            delivery.status = WebhookDelivery.Status.FAILED
        else:
            delivery.status = WebhookDelivery.Status.PENDING
            delivery.next_attempt_at = now + timedelta(seconds=webhook_backoff_s(delivery.attempts))
    delivery.save()
    return delivery


def webhook_backoff_s(attempts: int) -> float:
    """Seconds before the next try after `attempts` failures: base, 2×base, 4×base, … capped."""
    base = _setting("WEBHOOK_BACKOFF_BASE_S", 5)
    return min(base * (2 ** max(0, attempts - 1)), _setting("WEBHOOK_BACKOFF_MAX_S", 3600))


def _seconds_to_next_due() -> float | None:
    earliest = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).aggregate(t=Min("next_attempt_at"))["t"]
    if earliest is None:
        return None
    return max(0.0, (earliest - timezone.now()).total_seconds())


# --- Sending ----------------------------------------------------------------------------------


async def delivery_send(client: httpx.AsyncClient, delivery: WebhookDelivery) -> WebhookDelivery:
    """POST one delivery with a client from `outbound_client` (LazyClient's): its transport checks
    the URL again before every POST (a host may come to resolve elsewhere than when staff registered
    it, and an endpoint may have been stored without the admin form) and connects to the address
    it checked."""
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "NorthwindSupport-Webhooks/1",
        EVENT_HEADER: delivery.event,
        DELIVERY_HEADER: str(delivery.id),
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: webhook_signature(secret=delivery.endpoint.secret, timestamp=timestamp, body=body),
    }
    ok, code, error = False, None, ""
    try:
        response = await client.post(delivery.endpoint.url, content=body, headers=headers)
        code = response.status_code
        ok = 200 <= code < 300
        if not ok:
            error = f"HTTP {code}: {response.text[:500]}"
    except OutboundURLRefused as refused:
        problem = _with_hint(refused.problem)
        logger.warning("Webhook delivery %s not sent: the URL %s", delivery.id, problem)
        error = f"Not sent: the URL {problem}."
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    return await db_async(delivery_record)(delivery_id=delivery.id, ok=ok, response_code=code, error=error)


class LazyClient:
    """One HTTP client, built on first use: a client loads the TLS trust store (~30 ms of CPU),
    so a process with nothing to deliver never builds one, and a busy one builds it once."""

    def __init__(self) -> None:
        self._client: httpx.AsyncClient | None = None

    def get(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = outbound_client(timeout_s=_setting("WEBHOOK_TIMEOUT_S", 10),
                                           allow_http_localhost=_http_localhost_allowed)
        return self._client

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()


async def webhook_deliver_due(clients: LazyClient | None = None) -> int:
    """Send every delivery that is due now, concurrently; return how many were attempted."""
    attempted = 0
    own = clients is None
    clients = clients or LazyClient()
    try:
        while True:
            batch = await db_async(deliveries_claim_due)()
            if not batch:
                return attempted
            client = clients.get()
            # Endpoints in parallel; each endpoint's deliveries one at a time, oldest first, so a
            # receiver sees events in the order they happened (unless one needs a retry).
            by_endpoint: dict[int, list[WebhookDelivery]] = {}
            for delivery in sorted(batch, key=lambda d: d.created_at):
                by_endpoint.setdefault(delivery.endpoint_id, []).append(delivery)

            async def send_in_order(client: httpx.AsyncClient, deliveries: list[WebhookDelivery]) -> None:
                for delivery in deliveries:
                    await delivery_send(client, delivery)

            results = await asyncio.gather(
                *(send_in_order(client, ds) for ds in by_endpoint.values()), return_exceptions=True
            )
            for result in results:
                if isinstance(result, BaseException):
                    logger.warning("A webhook delivery could not be recorded", exc_info=result)
            attempted += len(batch)
    finally:
        if own:
            await clients.aclose()


# --- The loop, one per server process ---------------------------------------------------------

_loop: asyncio.AbstractEventLoop | None = None
_wake: asyncio.Event | None = None
_task: asyncio.Task[None] | None = None


def webhook_wake() -> None:
    """Ask this process's delivery loop to look now (called after commit, from any thread)."""
    loop, wake = _loop, _wake
    if loop is not None and wake is not None and not loop.is_closed():
        loop.call_soon_threadsafe(wake.set)


async def webhook_delivery_loop(*, poll_s: float | None = None) -> None:
    """Send due deliveries; sleep until the next is due, a commit wakes it, or poll_s passes."""
    poll = poll_s if poll_s is not None else _setting("WEBHOOK_POLL_S", 5)
    assert _wake is not None
    clients = LazyClient()  # one HTTP client for the loop's life
    try:
        while True:
            _wake.clear()
            try:
                await webhook_deliver_due(clients)
                next_due = await db_async(_seconds_to_next_due)()
            except Exception:
                logger.warning("Webhook delivery pass failed; retrying", exc_info=True)
                next_due = None
            wait = poll if next_due is None else min(poll, max(next_due, 0.05))
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for can drop a cancellation
            # that lands as the wait ends, and the loop would outlive its server.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await _wake.wait()
    finally:
        await clients.aclose()


def webhook_delivery_ensure_started(*, poll_s: float | None = None) -> asyncio.Task[None]:
    """Start the delivery loop on the running event loop, unless it already runs there."""
    global _loop, _wake, _task
    loop = asyncio.get_running_loop()
    if _task is not None and not _task.done() and _task.get_loop() is loop:
        return _task
    _loop, _wake = loop, asyncio.Event()
    _task = loop.create_task(webhook_delivery_loop(poll_s=poll_s), name="webhook-delivery")
    return _task


async def webhook_delivery_stop() -> None:
    global _loop, _wake, _task
    task, _task, _loop, _wake = _task, None, None, None
    if task is not None and not task.done():
        task.cancel()
        # Wait without suppressing CancelledError: that would also swallow a cancellation of the caller.
        await asyncio.wait([task])


def webhook_delivery_schedule_at_boot() -> None:
    """Under Daphne the application is imported before the server's loop runs: queue the start there."""
    loop = getattr(sys.modules.get("daphne.server"), "twisted_loop", None)
    if loop is not None and settings.SUPPORT.get("WEBHOOKS_ON_START", "pytest" not in sys.modules):
        loop.call_soon_threadsafe(webhook_delivery_ensure_started)


class WebhooksOnStart:
    """ASGI wrapper: makes sure the delivery loop runs once the server handles its first scope."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.enabled = bool(settings.SUPPORT.get("WEBHOOKS_ON_START", "pytest" not in sys.modules))

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if self.enabled and (_task is None or _task.done()):
            webhook_delivery_ensure_started()
        return await self.app(scope, receive, send)
