"""Cursor pagination: stable under inserts, opaque to clients, cheap on an index."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, Q, QuerySet

from supportsite.core.errors import InvalidInput

M = TypeVar("M", bound=Model)
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# The cursors given out are about 110 characters; a longer one was not given out, and refusing it
# first keeps a forged one from costing more than a length check.
MAX_CURSOR_CHARS = 200


def _bad_cursor() -> InvalidInput:
    return InvalidInput("The cursor is not one this API gave out.", code="bad_cursor")


def cursor_encode(created_at: datetime, pk: Any) -> str:
    raw = json.dumps([created_at.isoformat(), str(pk)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor_decode(cursor: str) -> tuple[datetime, str]:
    """The (created_at, pk) a cursor points after; InvalidInput `bad_cursor` for any other string."""
    try:
        if len(cursor) > MAX_CURSOR_CHARS:
            raise ValueError("too long")
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, pk = json.loads(raw)
        if not isinstance(created_at, str) or not isinstance(pk, str):
            raise ValueError("not a pair of strings")
        moment = datetime.fromisoformat(created_at)
        if moment.tzinfo is None:  # every cursor given out carries its offset; a naive time is ambiguous
            raise ValueError("no time zone")
        # Shifting an extreme time (year 9999 at -14:00) to UTC overflows: refuse it here, not in the database.
        return moment.astimezone(UTC), pk
    except (ValueError, TypeError, OverflowError, binascii.Error):  # UnicodeDecodeError is a ValueError
        raise _bad_cursor() from None


def _cursor_position(queryset: QuerySet[M], cursor: str) -> tuple[datetime, Any]:
    """The cursor's position with its key converted to the model's primary key type.

    Unchecked, a key of the wrong type reaches the database and fails there: int() in the query
    for an integer key (a 500), "is not a valid UUID" for a UUID key (a validation error that
    names no field), or a number out of the column's range.
    """
    created_at, raw_pk = cursor_decode(cursor)
    pk_field = queryset.model._meta.pk
    try:
        pk = pk_field.to_python(raw_pk)
        pk_field.run_validators(pk)
    except DjangoValidationError:
        raise _bad_cursor() from None
    return created_at, pk


def page_after(queryset: QuerySet[M], *, cursor: str | None, limit: int, newest_first: bool) -> tuple[list[M], str | None]:
    """One page ordered by (created_at, pk), starting after the cursor; and the next page's cursor."""
    order = ("-created_at", "-pk") if newest_first else ("created_at", "pk")
    queryset = queryset.order_by(*order)
    if cursor:
        created_at, pk = _cursor_position(queryset, cursor)
        if newest_first:
            after = Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lt=pk)
        else:
            after = Q(created_at__gt=created_at) | Q(created_at=created_at, pk__gt=pk)
        queryset = queryset.filter(after)
    rows = list(queryset[: limit + 1])
    items = rows[:limit]
    next_cursor = cursor_encode(items[-1].created_at, items[-1].pk) if len(rows) > limit else None
    return items, next_cursor
