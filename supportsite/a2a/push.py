"""A2A push notifications: integrations name a URL per task, and are told when the task changes.

a2a-sdk's request handler serves the four config methods (create, get, list, delete) and calls
the sender on every event of a task; this module gives it

- DjangoPushConfigStore: the configs in the database (A2APushConfig), keyed by the integration
  like the tasks (supportsite.a2a.store), so every server process sees them and an integration
  never reads, lists or deletes another's;
- push_url_check: the URL policy (supportsite.core.outbound_urls, shared with webhooks), applied
  in full when a config is set, so the integrator is told why a URL is refused (https only; http
  to localhost only when DEBUG or SUPPORT["A2A_PUSH_ALLOW_HTTP_LOCALHOST"] is on; no credentials
  in the URL; no host resolving to a private, loopback or link-local address);
- before each POST, the policy again, resolving the host once: push_url_deliverable refuses what
  the URL itself says is unsafe, and logs why, without a lookup; then the client's transport
  (supportsite.core.outbound_urls.outbound_client) resolves the host, refuses it if an address is
  not public, and connects to an address it checked, never to one a second DNS answer gives;
- TaskPushSender: on each change of a task's state, the task as stored is POSTed (a2a-sdk's
  BasePushNotificationSender: the body is a StreamResponse {"task": …}, the config's token in
  X-A2A-Notification-Token) off the task's own path, in order, with a short timeout. A receiver
  that fails or hangs is logged; the task and the chat never wait for it.

A staff reply that answers a handed-over task later (supportsite.a2a.services) is pushed by
push_tasks_notify.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from a2a.server.context import ServerCallContext
from a2a.server.owner_resolver import OwnerResolver, resolve_user_scope
from a2a.server.tasks import BasePushNotificationSender
from a2a.server.tasks.push_notification_config_store import (
    PushNotificationConfigStore,
    normalize_push_notification_config,
)
from a2a.server.tasks.push_notification_sender import PushNotificationEvent, PushNotificationSender
from a2a.types.a2a_pb2 import Task, TaskArtifactUpdateEvent, TaskPushNotificationConfig
from a2a.utils.errors import InvalidParamsError
from django.conf import settings
from google.protobuf.json_format import MessageToDict, ParseDict

from supportsite.a2a.models import A2APushConfig, A2ATask
from supportsite.core.db import db_async
from supportsite.core.outbound_urls import (
    CARRIES_CREDENTIALS,
    outbound_client,
    outbound_url_problem,
    outbound_url_problem_as_written,
)

logger = logging.getLogger(__name__)

# Each config is one POST per change of the task: a cap keeps one call from fanning out widely.
MAX_CONFIGS_PER_TASK = 10


def _push_timeout_s() -> float:
    return float(settings.SUPPORT.get("A2A_PUSH_TIMEOUT_S", 5))


def _http_localhost_allowed() -> bool:
    return bool(settings.DEBUG or settings.SUPPORT.get("A2A_PUSH_ALLOW_HTTP_LOCALHOST", False))


# --- The URL policy -----------------------------------------------------------------------------


def _with_hint(problem: str | None) -> str | None:
    if problem == CARRIES_CREDENTIALS:
        return f"{problem}; send a token in the config instead"
    return problem


async def push_url_problem(url: str) -> str | None:
    """Why the server must not POST to this URL, or None when it may (supportsite.core.outbound_urls)."""
    return _with_hint(await outbound_url_problem(url, allow_http_localhost=_http_localhost_allowed()))


async def push_url_check(url: str) -> None:
    """Refuse an unsafe URL with a JSON-RPC invalid-params error (-32602) that says why."""
    problem = await push_url_problem(url)
    if problem is not None:
        raise InvalidParamsError(message=f"Push notification URL refused: the URL {problem}.",
                                 data={"url": url[:200], "reason": problem})


async def push_url_deliverable(url: str) -> bool:
    """The policy again just before each POST, as far as the URL's text goes (settings may have
    changed since the config was set): a2a-sdk's yes/no gate, saying why in the log.

    No DNS lookup here: the client's transport (push_client_build) resolves the host as it sends,
    refuses it if it now resolves to an address that is not public (a2a-sdk logs that refusal,
    which says why), and connects to the address it checked. Resolving here as well would look
    the host up twice per POST, and the answer here would not be the one connected to."""
    problem = _with_hint(outbound_url_problem_as_written(url, allow_http_localhost=_http_localhost_allowed()))
    if problem is not None:
        logger.warning("Push notification not sent: the URL %s", problem)
    return problem is None


# --- The store ----------------------------------------------------------------------------------


def _config_save(task_id: str, owner: str, config_id: str, data: dict) -> None:
    A2APushConfig.objects.update_or_create(
        task_id=task_id, owner=owner, config_id=config_id, defaults={"data": data},
    )


def _config_count_others(task_id: str, owner: str, config_id: str) -> int:
    return A2APushConfig.objects.filter(task_id=task_id, owner=owner).exclude(config_id=config_id).count()


def _configs_of_owner(task_id: str, owner: str) -> list[dict]:
    return list(A2APushConfig.objects.filter(task_id=task_id, owner=owner).values_list("data", flat=True))


def _configs_for_dispatch(task_id: str) -> list[dict]:
    # Only the task's own integration's configs, even if a row of another's ever got there.
    owner = A2ATask.objects.filter(id=task_id).values_list("owner", flat=True).first()
    return [] if owner is None else _configs_of_owner(task_id, owner)


def _configs_delete(task_id: str, owner: str, config_id: str | None) -> None:
    configs = A2APushConfig.objects.filter(task_id=task_id, owner=owner)
    if config_id is not None:
        configs = configs.filter(config_id=config_id)
    configs.delete()


def _config_parse(data: dict) -> TaskPushNotificationConfig:
    return ParseDict(data, TaskPushNotificationConfig(), ignore_unknown_fields=True)


class DjangoPushConfigStore(PushNotificationConfigStore):
    """Push configs keyed by owner (the calling integration), shared by every server process."""

    def __init__(self, owner_resolver: OwnerResolver = resolve_user_scope) -> None:
        self.owner_resolver = owner_resolver

    async def set_info(
        self, task_id: str, notification_config: TaskPushNotificationConfig, context: ServerCallContext,
    ) -> TaskPushNotificationConfig:
        # Checked here rather than only by the handler: both ways of setting one (the create
        # method and a message's configuration) come through this door.
        await push_url_check(notification_config.url)
        config = normalize_push_notification_config(task_id, notification_config)
        owner = self.owner_resolver(context)
        if await db_async(_config_count_others)(task_id, owner, config.id) >= MAX_CONFIGS_PER_TASK:
            raise InvalidParamsError(message=f"A task can have at most {MAX_CONFIGS_PER_TASK} push notification configs.")
        await db_async(_config_save)(task_id, owner, config.id, MessageToDict(config))
        return config

    async def get_info(self, task_id: str, context: ServerCallContext) -> list[TaskPushNotificationConfig]:
        rows = await db_async(_configs_of_owner)(task_id, self.owner_resolver(context))
        return [_config_parse(row) for row in rows]

    async def get_info_for_dispatch(self, task_id: str) -> list[TaskPushNotificationConfig]:
        return [_config_parse(row) for row in await db_async(_configs_for_dispatch)(task_id)]

    async def delete_info(self, task_id: str, context: ServerCallContext, config_id: str | None = None) -> None:
        await db_async(_configs_delete)(task_id, self.owner_resolver(context), config_id)


# --- Sending ------------------------------------------------------------------------------------


def _task_if_watched(task_id: str) -> dict | None:
    """The task as stored, when its integration asked to be told about it; else None (one small
    query for the common case of a task nobody watches)."""
    if not A2APushConfig.objects.filter(task_id=task_id).exists():
        return None
    row = A2ATask.objects.filter(id=task_id).values_list("owner", "data").first()
    if row is None or not A2APushConfig.objects.filter(task_id=task_id, owner=row[0]).exists():
        return None
    return row[1]


def push_client_build() -> httpx.AsyncClient:
    # No redirects, and each POST connects to an address the URL policy checked.
    return outbound_client(timeout_s=_push_timeout_s(), allow_http_localhost=_http_localhost_allowed)


def push_sender_build(client: httpx.AsyncClient, config_store: PushNotificationConfigStore) -> BasePushNotificationSender:
    return BasePushNotificationSender(client, config_store, push_url_validator=push_url_deliverable)


class TaskPushSender(PushNotificationSender):
    """Tells the task's receivers about each change of its state (not each streamed piece of a reply).

    The task is read as stored when the change happens and POSTed in the background: the SDK
    awaits this call before it goes on with the task, so a slow receiver must not be awaited
    here. A task's notifications leave one after another, so a receiver sees its states in order.
    """

    def __init__(self, config_store: PushNotificationConfigStore) -> None:
        self.config_store = config_store
        self._sender: BasePushNotificationSender | None = None
        self._last_delivery: dict[str, asyncio.Task[None]] = {}

    def _base_sender(self) -> BasePushNotificationSender:
        # Built on first use, on the server's loop, where the request handler lives.
        if self._sender is None:
            self._sender = push_sender_build(push_client_build(), self.config_store)
        return self._sender

    async def send_notification(self, task_id: str, event: PushNotificationEvent) -> None:
        if isinstance(event, TaskArtifactUpdateEvent):
            return
        data = await db_async(_task_if_watched)(task_id)
        if data is None:
            return
        task = ParseDict(data, Task(), ignore_unknown_fields=True)
        previous = self._last_delivery.get(task_id)
        delivery = asyncio.ensure_future(self._deliver_after(previous, task_id, task))
        self._last_delivery[task_id] = delivery
        delivery.add_done_callback(lambda done: self._forget(task_id, done))

    async def _deliver_after(self, previous: asyncio.Task[None] | None, task_id: str, task: Task) -> None:
        if previous is not None:
            await asyncio.wait([previous])  # its outcome is its own: logged where it happened
        await self._base_sender().send_notification(task_id, task)  # best-effort: logs, never raises

    def _forget(self, task_id: str, done: asyncio.Task[None]) -> None:
        if self._last_delivery.get(task_id) is done:
            del self._last_delivery[task_id]
        if not done.cancelled() and done.exception() is not None:
            logger.warning("A push notification for task %s failed", task_id, exc_info=done.exception())


async def push_tasks_notify(task_ids: list[str]) -> None:
    """Tell the receivers of these tasks their state as stored now (a change made outside a2a-sdk)."""
    async with push_client_build() as client:
        sender = push_sender_build(client, DjangoPushConfigStore())
        for task_id in task_ids:
            data = await db_async(_task_if_watched)(task_id)
            if data is not None:
                await sender.send_notification(task_id, ParseDict(data, Task(), ignore_unknown_fields=True))
