"""Idempotency-Key on POSTs: a retried request gets the first result and nothing is stored twice.

The first request with a key claims it (a row with status 0); a retry with the same key and the
same request gets the stored response; the same key on a different request is a 422; a retry
while the first is still running is a 409. Only successful results are kept: after an error the
key is free again, so a client can fix the request and retry with it (Stripe's rule).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from ninja import Status
from pydantic import BaseModel

from supportsite.api.models import IdempotencyRecord
from supportsite.conversations.models import Message
from supportsite.core.db import db_async
from supportsite.core.errors import Conflict, InvalidInput

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
CLIENT_ID_MAX_LENGTH = Message._meta.get_field("client_id").max_length


def client_id_for_idempotency_key(key: str) -> str:
    """The message's client_id when a POST names none: its Idempotency-Key, so a retry is stored once.

    A message's client_id holds 64 characters and a key up to 255: a longer key becomes a digest of the
    whole key, never its first 64 characters, which two different keys can share (a common prefix and
    an order number at the end) and would have the second message taken for a resend of the first.
    """
    if len(key) <= CLIENT_ID_MAX_LENGTH:
        return key
    prefix = "idempotency-sha256:"
    return prefix + hashlib.sha256(key.encode()).hexdigest()[:CLIENT_ID_MAX_LENGTH - len(prefix)]


def request_fingerprint(request: HttpRequest) -> str:
    try:
        body: Any = json.loads(request.body or b"null")
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = request.body
    return hashlib.sha256(request.method.encode() + b" " + request.path.encode() + b"\n" + canonical).hexdigest()


def idempotency_begin(*, api_key_id: int, key: str, request_hash: str) -> tuple[IdempotencyRecord, bool]:
    """Claim the key; return the record and whether it holds a finished first result to replay."""
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(api_key_id=api_key_id, key=key, request_hash=request_hash), False
    except IntegrityError:
        pass
    record = IdempotencyRecord.objects.filter(api_key_id=api_key_id, key=key).first()
    if record is None:  # the first request failed and freed the key in between
        return idempotency_begin(api_key_id=api_key_id, key=key, request_hash=request_hash)
    if record.request_hash != request_hash:
        raise InvalidInput(
            "This Idempotency-Key was used with a different request.", code="idempotency_key_reused"
        )
    if record.response_status == 0:
        raise Conflict("A request with this Idempotency-Key is still being handled.", code="idempotency_in_progress")
    return record, True


def idempotency_finish(*, record_id: int, status: int, body: Any) -> None:
    IdempotencyRecord.objects.filter(pk=record_id).update(response_status=status, response_body=body)


def idempotency_release(*, record_id: int) -> None:
    IdempotencyRecord.objects.filter(pk=record_id, response_status=0).delete()


def _jsonable(body: Any) -> Any:
    if isinstance(body, BaseModel):
        return body.model_dump(mode="json")
    return json.loads(json.dumps(body, default=str))


def idempotent(view: Callable[..., Awaitable[Status[Any]]]) -> Callable[..., Awaitable[Status[Any]]]:
    """Wrap an async ninja view that returns a Status so it honours Idempotency-Key."""

    @functools.wraps(view)
    async def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Status[Any]:
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return await view(request, *args, **kwargs)
        if len(key) > MAX_KEY_LENGTH:
            raise InvalidInput(f"Idempotency-Key can be at most {MAX_KEY_LENGTH} characters.", code="bad_idempotency_key")
        record, replay = await db_async(idempotency_begin)(
            api_key_id=request.auth.key_id, key=key, request_hash=request_fingerprint(request)
        )
        if replay:
            request.idempotent_replay = True  # type: ignore[attr-defined]
            return Status(record.response_status, record.response_body)
        try:
            result = await view(request, *args, **kwargs)
        except BaseException:
            await db_async(idempotency_release)(record_id=record.pk)
            raise
        if 200 <= result.status_code < 300:
            body = _jsonable(result.value)
            await db_async(idempotency_finish)(record_id=record.pk, status=result.status_code, body=body)
            return Status(result.status_code, body)
        await db_async(idempotency_release)(record_id=record.pk)
        return result

    return wrapper
