"""Cursor pagination: stable under inserts, opaque to clients, cheap on an index."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from supportsite.core.errors import InvalidInput

M = TypeVar("M", bound=Model)
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def cursor_encode(created_at: datetime, pk: Any) -> str:
    raw = json.dumps([created_at.isoformat(), str(pk)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, pk = json.loads(raw)
        return datetime.fromisoformat(created_at), str(pk)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("The cursor is not one this API gave out.", code="bad_cursor") from None


def page_after(queryset: QuerySet[M], *, cursor: str | None, limit: int, newest_first: bool) -> tuple[list[M], str | None]:
    """One page ordered by (created_at, pk), starting after the cursor; and the next page's cursor."""
    order = ("-created_at", "-pk") if newest_first else ("created_at", "pk")
    queryset = queryset.order_by(*order)
    if cursor:
        created_at, pk = cursor_decode(cursor)
        if newest_first:
            after = Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lt=pk)
        else:
            after = Q(created_at__gt=created_at) | Q(created_at=created_at, pk__gt=pk)
        queryset = queryset.filter(after)
    rows = list(queryset[: limit + 1])
    items = rows[:limit]
    next_cursor = cursor_encode(items[-1].created_at, items[-1].pk) if len(rows) > limit else None
    return items, next_cursor
