"""The support agent as an A2A AgentExecutor: the same orchestrator, through the same services.

Each A2A message is stored in the context's conversation (channel a2a) like a chat message,
runs the orchestrator, and is traced and reviewed like any other. While the run works, the
reply's pieces (the conversation's assistant.delta frames) are passed on as chunks of the
"reply" artifact; the final reply replaces them and completes the task.

While a person has the conversation (or takes it during the run), the task waits for the
person's first reply after the message, up to SUPPORT["A2A_STAFF_REPLY_WAIT_S"], and completes
with it; with none in time it completes saying a person will answer in the conversation, and
the person's reply, when it comes, becomes the task's answer and is pushed to its receivers.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any

from a2a.helpers import get_message_text, new_task_from_user_message, new_text_part
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types.a2a_pb2 import Message, Role, Task, TaskState, TaskStatus
from django.conf import settings
from google.protobuf.json_format import MessageToDict

from supportsite.a2a.services import AWAITING_STAFF_REPLY, a2a_conversation_for_context
from supportsite.api.keys import Principal
from supportsite.api.replies import ConversationListener, run_reply_wait, staff_reply_wait
from supportsite.api.selectors import run_for_message
from supportsite.conversations.runner import message_submit
from supportsite.conversations.serializers import staff_message_frame
from supportsite.conversations.services import message_text_clean
from supportsite.core.db import db_async
from supportsite.core.errors import DomainError

logger = logging.getLogger(__name__)

PRINCIPAL_STATE_KEY = "northwind.principal"
HANDED_OVER = (
    "A person from the Northwind support team has this conversation now and will reply in it; "
    "the agents will not answer here until they hand it back."
)


def _customer_requested(context: RequestContext) -> str | None:
    """The customer named in the request's or the message's metadata, if any."""
    values = [context.metadata.get("customer")]
    if context.message is not None and context.message.HasField("metadata"):
        values.append(MessageToDict(context.message.metadata).get("customer"))
    named = [str(v) for v in values if v]
    return named[0][:64] if named else None


def _message_text_truncate(message: Message, *, max_chars: int) -> None:
    """Cut a refused message down to its first max_chars characters of text, in place.

    In place because a2a-sdk records the request's own Message object in the task's history; the
    cut keeps the history's shape (one user message) for callers that read it.
    """
    text = get_message_text(message).strip()[:max_chars]
    del message.parts[:]
    message.parts.append(new_text_part(text))


async def _task_open(context: RequestContext, event_queue: EventQueue) -> Task:
    """The task the request continues, or a new one made from its message (and announced)."""
    task = context.current_task
    if task is None:
        task = _task_for_message(context.message)
        await event_queue.enqueue_event(task)
    return task


def _task_for_message(message: Message) -> Task:
    """A new task for a user's message, as the SDK's helper makes it, also when its text is empty: the
    helper refuses that with a ValueError, which the client gets as a JSON-RPC internal error (-32603),
    while the message is only refused as empty (a rejected task with code empty_message, as for spaces)."""
    try:
        return new_task_from_user_message(message)
    except ValueError:
        if message.role != Role.ROLE_USER:
            raise
        return Task(status=TaskStatus(state=TaskState.TASK_STATE_SUBMITTED), id=message.task_id or str(uuid.uuid4()),
                    context_id=message.context_id or str(uuid.uuid4()), history=[message])


class SupportAgentExecutor(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        principal: Principal = context.call_context.state[PRINCIPAL_STATE_KEY]
        try:
            text = message_text_clean(context.get_user_input())
        except DomainError as exc:
            if exc.code == "message_too_long" and context.message is not None:
                # Before the task exists: its history (stored, and echoed in the answer) would
                # otherwise keep the whole text of a message that is refused.
                _message_text_truncate(context.message, max_chars=settings.SUPPORT["MAX_MESSAGE_CHARS"])
            task = await _task_open(context, event_queue)
            updater = TaskUpdater(event_queue, task.id, task.context_id)
            await updater.reject(updater.new_agent_message([new_text_part(exc.detail)], metadata={"code": exc.code}))
            return
        task = await _task_open(context, event_queue)
        updater = TaskUpdater(event_queue, task.id, task.context_id)

        def agent_message(text: str, **metadata: Any) -> Any:
            return updater.new_agent_message([new_text_part(text)], metadata=metadata or None)

        try:
            conversation = await db_async(a2a_conversation_for_context)(
                principal=principal, context_id=task.context_id, customer_external_id=_customer_requested(context)
            )
        except DomainError as exc:
            await updater.reject(agent_message(exc.detail, code=exc.code))
            return
        await updater.start_work()

        artifact_id = f"reply-{task.id}"
        streaming = {"open": False}

        async def on_delta(frame: dict[str, Any]) -> None:
            if frame.get("reset"):
                streaming["open"] = False  # the next piece starts the artifact afresh
                return
            if not frame.get("text"):
                return
            await updater.add_artifact(
                [new_text_part(frame["text"])], artifact_id=artifact_id, name="reply", append=streaming["open"],
                last_chunk=False,
            )
            streaming["open"] = True

        message_id = (context.message.message_id if context.message else "") or task.id
        timeout_s = float(settings.SUPPORT.get("A2A_REPLY_TIMEOUT_S", 120))
        async with ConversationListener(conversation.id) as listener:
            # Shielded: a caller that goes away must not leave a stored message without its run.
            message, run, _created = await asyncio.shield(
                message_submit(conversation_id=conversation.id, text=text, client_id=f"a2a:{message_id}"[:64])
            )
            if run is None:
                run = await db_async(run_for_message)(message_id=message.id)
            reply = None
            if run is not None:
                reply = await run_reply_wait(run_id=run.id, listener=listener, on_delta=on_delta, timeout_s=timeout_s)
            staff_reply = None
            # No run (a person had the conversation), or a person took it while the run worked.
            with_person = run is None or (reply is not None and not reply.delivered)
            if with_person:
                # A person has the conversation: their answer is this message's answer.
                staff_reply = await staff_reply_wait(
                    conversation_id=conversation.id, message_id=message.id, listener=listener,
                    timeout_s=float(settings.SUPPORT["A2A_STAFF_REPLY_WAIT_S"]),
                )
        if staff_reply is not None:
            await updater.complete(agent_message(
                staff_reply.text, conversation_id=str(conversation.id), message_id=str(staff_reply.id),
                role="staff", author=staff_message_frame(staff_reply)["author"],
            ))
            return
        if with_person:
            # Marked so the person's reply, when it comes, answers this task (a2a_staff_message_saved).
            await updater.complete(agent_message(
                HANDED_OVER, conversation_id=str(conversation.id), awaiting=AWAITING_STAFF_REPLY,
            ))
            return
        if reply is None:
            await updater.failed(agent_message(
                "The support agents did not answer in time; the reply will be in the conversation.",
                run_id=str(run.id), conversation_id=str(conversation.id),
            ))
            return
        metadata = {
            "run_id": str(run.id), "conversation_id": str(conversation.id), "route": reply.run.route,
            "intent": reply.run.intent, "confidence": reply.run.confidence,
        }
        # The stored reply replaces whatever streamed (a critic may have revised the draft).
        await updater.add_artifact(
            [new_text_part(reply.text)], artifact_id=artifact_id, name="reply", append=False, last_chunk=True,
            metadata=metadata,
        )
        await updater.complete(agent_message(reply.text, **metadata))

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        """The run is not stopped (its reply stays in the conversation for staff); the task is."""
        task = context.current_task
        if task is None:
            return
        await TaskUpdater(event_queue, task.id, task.context_id).cancel()
