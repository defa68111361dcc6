"""One conversation per A2A context: created on the first message, continued after; and a person's
late reply to a task handed to them."""

from __future__ import annotations

import asyncio
import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from django.db import transaction

from supportsite.a2a.models import A2ATask
from supportsite.api.keys import Principal, customer_for_principal
from supportsite.conversations.models import Conversation, Message
from supportsite.conversations.serializers import staff_message_frame
from supportsite.conversations.services import conversation_start
from supportsite.core.errors import Conflict

logger = logging.getLogger(__name__)


@transaction.atomic
def a2a_conversation_for_context(
    *, principal: Principal, context_id: str, customer_external_id: str | None
) -> Conversation:
    """The calling integration's conversation for this context id, on channel a2a.

    The customer follows the same rule as the REST API (keys.customer_for_principal). A context
    stays with the customer it started with: naming another one later is a conflict, and
    continuing it is checked against the key again, so a revoked scope takes effect at once.
    """
    existing = (
        Conversation.objects.select_related("customer")
        .filter(channel=Conversation.Channel.A2A, integration=principal.integration, external_ref=context_id)
        .first()
    )
    if existing is None:
        customer = customer_for_principal(principal, customer_external_id)
        return conversation_start(
            customer=customer, channel=Conversation.Channel.A2A, integration=principal.integration,
            external_ref=context_id,
        )
    current = existing.customer.external_id if existing.customer else None
    if customer_external_id and customer_external_id != current:
        raise Conflict("This context is a conversation about another customer; start a new context.",
                       code="context_customer_mismatch")
    if current is not None:
        customer_for_principal(principal, current)
    elif principal.customer_id is not None:
        raise Conflict("This context is an anonymous conversation; start a new context.",
                       code="context_customer_mismatch")
    return existing


# --- A person's late reply to a task handed to them ------------------------------------------------

# The status message metadata "awaiting" of a task completed while a person has the conversation:
# that person's first reply becomes the task's answer, whenever it comes.
AWAITING_STAFF_REPLY = "staff_reply"
_push_jobs = ThreadPoolExecutor(max_workers=2, thread_name_prefix="a2a-push")


def _answered_task_data(data: dict[str, Any], *, reply: Message) -> dict[str, Any]:
    """The task's JSON with the reply as its status message; the hand-over note moves to the history,
    as a2a-sdk moves a status message there when the status changes."""
    answered = {**data, "history": [*data.get("history", []), data["status"]["message"]]}
    answered["status"] = {
        "state": "TASK_STATE_COMPLETED",
        "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "message": {
            "messageId": str(uuid.uuid4()), "role": "ROLE_AGENT", "contextId": data.get("contextId", ""),
            "taskId": data["id"], "parts": [{"text": reply.text}],
            "metadata": {"conversation_id": str(reply.conversation_id), "message_id": str(reply.id),
                         "role": "staff", "author": staff_message_frame(reply)["author"]},
        },
    }
    return answered


def _awaits_staff_reply(data: dict[str, Any]) -> bool:
    metadata = (data.get("status") or {}).get("message", {}).get("metadata") or {}
    return metadata.get("awaiting") == AWAITING_STAFF_REPLY


def a2a_tasks_answer_with_staff_reply(*, message: Message) -> list[str]:
    """Answer the tasks of the message's A2A conversation that wait on a person with their reply.

    Such a task completed saying a person would answer (the executor waits only so long); the
    reply becomes its status message, so tasks/get shows it, and its push configs are told.
    Returns the ids of the tasks answered.
    """
    conversation = (Conversation.objects.filter(id=message.conversation_id, channel=Conversation.Channel.A2A)
                    .values("integration", "external_ref").first())
    if conversation is None:
        return []
    tasks = A2ATask.objects.select_for_update().filter(
        owner=conversation["integration"], context_id=conversation["external_ref"], state="TASK_STATE_COMPLETED",
    )
    answered = []
    for task in tasks:
        if _awaits_staff_reply(task.data):
            task.data = _answered_task_data(task.data, reply=message)
            task.save(update_fields=["data", "updated_at"])
            answered.append(task.id)
    return answered


def _push_tasks_notify_now(task_ids: list[str]) -> None:
    from supportsite.a2a.push import push_tasks_notify  # a2a-sdk: loaded only when there is news

    try:
        asyncio.run(push_tasks_notify(task_ids))
    except Exception:
        logger.exception("Push notifications for the tasks %s could not be sent", task_ids)


def a2a_staff_message_saved(*, instance: Message, created: bool, raw: bool = False, **_: Any) -> None:
    """post_save of a Message: a person's message may answer handed-over A2A tasks.

    Never breaks the reply it follows: the tasks are updated in a savepoint, and their receivers
    are told after commit on a thread of this module's own, never on the caller's.
    """
    if not created or raw or instance.role != Message.Role.STAFF:
        return
    try:
        with transaction.atomic():
            task_ids = a2a_tasks_answer_with_staff_reply(message=instance)
    except Exception:
        logger.exception("The A2A tasks of conversation %s could not be answered with a staff reply",
                         instance.conversation_id)
        return
    if task_ids:
        transaction.on_commit(lambda: _push_jobs.submit(_push_tasks_notify_now, task_ids))
