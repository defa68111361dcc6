"""The a2a-sdk TaskStore over the Django ORM: tasks survive restarts and are shared by processes."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from a2a.server.context import ServerCallContext
from a2a.server.owner_resolver import OwnerResolver, resolve_user_scope
from a2a.server.tasks.task_store import TaskStore
from a2a.types.a2a_pb2 import ListTasksRequest, ListTasksResponse, Task, TaskState
from a2a.utils.errors import InvalidParamsError
from django.db import OperationalError
from google.protobuf.json_format import MessageToDict, ParseDict

from supportsite.a2a.models import A2ATask
from supportsite.core.db import db_async

DEFAULT_PAGE_SIZE = 50
P = ParamSpec("P")
R = TypeVar("R")


def _retry_when_locked(func: Callable[P, R]) -> Callable[P, R]:
    """SQLite answers "database table is locked" at once to a writer racing the run's writes (a
    shared-cache database ignores the busy timeout); the SDK saves the task on every event, so
    wait and try again rather than fail the task. Other databases never take this path."""

    @functools.wraps(func)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(8):
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if "locked" not in str(exc) or attempt == 7:
                    raise
                time.sleep(0.02 * 2**attempt)
        raise AssertionError("unreachable")

    return inner


@_retry_when_locked
def _task_save(task_id: str, owner: str, context_id: str, state: str, data: dict) -> None:
    A2ATask.objects.update_or_create(
        id=task_id, owner=owner, defaults={"context_id": context_id, "state": state, "data": data}
    )


@_retry_when_locked
def _task_get(task_id: str, owner: str) -> dict | None:
    return A2ATask.objects.filter(id=task_id, owner=owner).values_list("data", flat=True).first()


@_retry_when_locked
def _task_list(owner: str, context_id: str, state: str, offset: int, limit: int) -> tuple[list[dict], int]:
    qs = A2ATask.objects.filter(owner=owner)
    if context_id:
        qs = qs.filter(context_id=context_id)
    if state:
        qs = qs.filter(state=state)
    total = qs.count()
    return list(qs.order_by("-updated_at", "-id").values_list("data", flat=True)[offset : offset + limit]), total


@_retry_when_locked
def _task_delete(task_id: str, owner: str) -> None:
    A2ATask.objects.filter(id=task_id, owner=owner).delete()


class DjangoTaskStore(TaskStore):
    """Tasks keyed by owner (the calling integration), so one integration never sees another's."""

    def __init__(self, owner_resolver: OwnerResolver = resolve_user_scope) -> None:
        self.owner_resolver = owner_resolver

    async def save(self, task: Task, context: ServerCallContext) -> None:
        data = MessageToDict(task, preserving_proto_field_name=False)
        state = TaskState.Name(task.status.state) if task.HasField("status") else ""
        await db_async(_task_save)(task.id, self.owner_resolver(context), task.context_id, state, data)

    async def get(self, task_id: str, context: ServerCallContext) -> Task | None:
        data = await db_async(_task_get)(task_id, self.owner_resolver(context))
        return ParseDict(data, Task(), ignore_unknown_fields=True) if data is not None else None

    async def list(self, params: ListTasksRequest, context: ServerCallContext) -> ListTasksResponse:
        try:
            offset = int(params.page_token or 0)
        except ValueError:
            raise InvalidParamsError(message=f"Invalid page token: {params.page_token}") from None
        page_size = params.page_size or DEFAULT_PAGE_SIZE
        state = TaskState.Name(params.status) if params.status else ""
        rows, total = await db_async(_task_list)(
            self.owner_resolver(context), params.context_id, state, offset, page_size
        )
        tasks = [ParseDict(row, Task(), ignore_unknown_fields=True) for row in rows]
        next_token = str(offset + page_size) if offset + page_size < total else ""
        return ListTasksResponse(tasks=tasks, next_page_token=next_token, total_size=total, page_size=page_size)

    async def delete(self, task_id: str, context: ServerCallContext) -> None:
        await db_async(_task_delete)(task_id, self.owner_resolver(context))
