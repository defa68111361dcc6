"""Writes about conversations: each a transaction that notifies clients after it commits."""

from __future__ import annotations

import json
import os
import socket
from datetime import timedelta
from typing import Any, NamedTuple
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, connections, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from agents.outcome import RunOutcome
from agents.tracing import StepRecord

# Webhooks (#8): each change records its webhook deliveries in its own transaction; sent after commit.
from supportsite.api import webhooks
from supportsite.conversations.events import conversation_event_publish
from supportsite.conversations.models import (
    AgentRun,
    AgentStep,
    Conversation,
    ConversationEvent,
    Feedback,
    Message,
)
from supportsite.conversations.selectors import conversation_awaits_approval
from supportsite.conversations.serializers import (
    assistant_message_frame,
    conversation_status_frame,
    message_frame,
)
from supportsite.core.compiled_query import CompiledQuery
from supportsite.core.errors import Conflict, InvalidInput, NotFound
from supportsite.core.json import RecordJSONEncoder
from supportsite.core.models import reverse_one_to_one_uncache
from supportsite.customers.models import CustomerProfile

PROCESS_ID = f"{socket.gethostname()}:{os.getpid()}"

# The two locks on every message's path, compiled once (supportsite.core.compiled_query): the ORM
# building and compiling them took more of their time than the database did (#9).
_CONVERSATION_FOR_MESSAGE = CompiledQuery(
    lambda conversation: Conversation.objects.select_for_update(of=("self",))
    .select_related("customer__user", "customer__plan").filter(id=conversation),
    conversation=Conversation._meta.get_field("id"),
)
_RUN_FOR_OUTCOME = CompiledQuery(
    lambda run: AgentRun.objects.select_for_update(of=("self", "conversation")).select_related("conversation")
    .filter(id=run),
    run=AgentRun._meta.get_field("id"),
)


def conversation_start(
    *, customer: CustomerProfile | None, session_key: str = "", channel: str = Conversation.Channel.WEB,
    integration: str = "", external_ref: str = "",
) -> Conversation:
    with transaction.atomic():
        conversation = Conversation.objects.create(
            customer=customer, session_key="" if customer else session_key, channel=channel,
            integration=integration, external_ref=external_ref,
        )
        webhooks.webhook_conversation_created(conversation)  # webhooks (#8)
    return conversation


def message_text_clean(text: str) -> str:
    """Validate a customer's text: not empty, not over the configured limit."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("The message is empty.", code="empty_message")
    limit = settings.SUPPORT["MAX_MESSAGE_CHARS"]
    if len(cleaned) > limit:
        raise InvalidInput(f"Messages can be at most {limit} characters.", code="message_too_long")
    return cleaned


def message_receive(
    *, conversation_id: UUID | str, text: str, client_id: str, claim: bool = False,
) -> tuple[Message, AgentRun | None, bool]:
    """Store a customer's message once per client_id, with a pending run when agents may answer.

    Returns the message, the run to execute (None when a person has the conversation or the
    message was a resend), and whether the message is new. With `claim`, the run is created
    already claimed by this process (the caller runs it at once), with its conversation,
    customer and message attached: no second round trip to claim and load it.
    """
    cleaned = message_text_clean(text)
    try:
        return _message_store(conversation_id=conversation_id, text=cleaned, client_id=client_id, claim=claim)
    except IntegrityError:
        # The unique (conversation, client_id) constraint found a resend, or a concurrent resend
        # that won the race: nothing of this one was written (not even a reopened conversation).
        return Message.objects.get(conversation_id=conversation_id, client_id=client_id), None, False


@transaction.atomic
def _message_store(
    *, conversation_id: UUID | str, text: str, client_id: str, claim: bool,
) -> tuple[Message, AgentRun | None, bool]:
    # The insert meets the unique constraint in the transaction itself, not in a savepoint around
    # it: two statements fewer for every message, and a resend is rare (#9).
    conversation = _CONVERSATION_FOR_MESSAGE.instance(conversation=conversation_id)
    if conversation is None:
        raise NotFound("No such conversation.")
    if conversation.customer is not None:
        reverse_one_to_one_uncache(conversation.customer.user, "customer")
    if conversation.status == Conversation.Status.CLOSED:
        conversation.status = Conversation.Status.OPEN
        ConversationEvent.objects.create(conversation=conversation, kind=ConversationEvent.Kind.REOPENED)
        conversation_event_publish(conversation_id=conversation.id, payload=conversation_status_frame(conversation))
    message = Message.objects.create(conversation=conversation, role=Message.Role.USER, text=text, client_id=client_id)
    conversation.last_message_at = message.created_at
    conversation.save(update_fields=["status", "last_message_at", "updated_at"])
    run = None
    if conversation.agents_may_reply:
        claimed = {"status": AgentRun.Status.RUNNING, "claimed_by": PROCESS_ID, "claimed_at": message.created_at,
                   "started_at": message.created_at, "attempts": 1} if claim else {}
        run = AgentRun.objects.create(conversation=conversation, message=message, **claimed)
        reverse_one_to_one_uncache(message, "agent_run")  # the run knows its message; not both ways
    webhooks.webhook_message_created(message, conversation)  # webhooks (#8)
    # Staff watching the conversation see the customer's words at once; chat pages ignore the frame.
    conversation_event_publish(conversation_id=conversation.id, payload={"type": "customer.message", **message_frame(message)},
                               staff_only=True)
    return message, run, True


def conversation_agents_resume(
    *, conversation: Conversation, actor: AbstractBaseUser, note: str, staff_note: str | None = None,
) -> AgentRun | None:
    """Give a locked conversation back to the agents: open, no one assigned, the hand-back recorded
    with who did it, and the customer's latest unanswered message given a run (returned). A
    `staff_note` is what the agents see as context from now on. The caller tells the sockets."""
    conversation.status = Conversation.Status.OPEN
    conversation.assigned_to = None
    fields = ["status", "assigned_to", "updated_at"]
    if staff_note is not None:
        conversation.staff_note = staff_note
        fields.append("staff_note")
    conversation.save(update_fields=fields)
    ConversationEvent.objects.create(
        conversation=conversation, kind=ConversationEvent.Kind.HANDED_BACK, actor=actor, note=note,
    )
    return run_for_unanswered_message(conversation=conversation)


def run_for_unanswered_message(*, conversation: Conversation) -> AgentRun | None:
    """When the agents get a locked conversation back: a run for the customer's latest message if it
    has none (it came while a person had the conversation), so that question is not left unanswered.

    None when the latest message has a run already, or a person wrote after it (their word stands). The run
    starts once the caller's transaction commits: on this process's event loop when it serves one,
    else a server's recovery loop claims it.
    """
    latest = conversation.messages.filter(role=Message.Role.USER).order_by("-created_at").first()
    if (latest is None or AgentRun.objects.filter(message=latest).exists()
            or conversation.messages.filter(role=Message.Role.STAFF, created_at__gt=latest.created_at).exists()):
        return None
    run = AgentRun.objects.create(conversation=conversation, message=latest)
    from supportsite.conversations.runner import run_start_from_sync  # the runner imports this module

    transaction.on_commit(lambda: run_start_from_sync(run_id=run.id))
    return run


def _lease(lease_s: float | None) -> timedelta:
    return timedelta(seconds=lease_s if lease_s is not None else settings.SUPPORT["RUN_LEASE_S"])


def run_claim(*, run_id: UUID | str, lease_s: float | None = None) -> AgentRun | None:
    """Take a pending run (or one whose holder stopped heartbeating) for this process, exactly once.

    One UPDATE whose conditions are all on the row itself: on PostgreSQL a second claimer
    blocks on the row lock and then re-checks those conditions against the committed row
    (a subquery would be re-checked against its old snapshot and let both win); on SQLite
    the write lock serialises the two. Whoever updates one row owns the run.
    """
    now = timezone.now()
    updated = (
        AgentRun.objects.filter(id=run_id, status__in=[AgentRun.Status.PENDING, AgentRun.Status.RUNNING])
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - _lease(lease_s)))
        .update(
            status=AgentRun.Status.RUNNING, claimed_by=PROCESS_ID, claimed_at=now, started_at=now,
            attempts=F("attempts") + 1,
        )
    )
    if not updated:
        return None
    run = AgentRun.objects.select_related(
        "conversation__customer__user", "conversation__customer__plan", "message"
    ).get(id=run_id)
    reverse_one_to_one_uncache(run.message, "agent_run")
    if run.conversation.customer is not None:
        reverse_one_to_one_uncache(run.conversation.customer.user, "customer")
    return run


def run_heartbeat(*, run_id: UUID | str) -> None:
    AgentRun.objects.filter(id=run_id, claimed_by=PROCESS_ID, status=AgentRun.Status.RUNNING).update(
        claimed_at=timezone.now()
    )


def run_ids_to_recover(*, lease_s: float | None = None, limit: int = 200) -> list[UUID]:
    """Runs left unfinished by a process that stopped: never claimed, or whose lease ran out.

    Only candidates: run_claim decides, so two recoverers listing the same run is harmless.
    """
    now = timezone.now()
    expired_before = now - _lease(lease_s)
    candidates = AgentRun.objects.filter(status__in=[AgentRun.Status.PENDING, AgentRun.Status.RUNNING]).filter(
        Q(status=AgentRun.Status.PENDING, claimed_at__isnull=True) | Q(claimed_at__lt=expired_before)
    )
    return list(candidates.order_by("created_at").values_list("id", flat=True)[:limit])


def _step_values(run_id: UUID | str, step: StepRecord) -> dict[str, Any]:
    """A step's row, by AgentStep field name (its JSON fields encode with RecordJSONEncoder)."""
    return {
        "id": step.id, "run": run_id, "parent": step.parent_id, "agent": step.agent, "kind": step.kind,
        "name": step.name[:100], "status": step.status, "started_at": step.started_at,
        "finished_at": step.finished_at, "duration_ms": step.duration_ms, "input": step.input,
        "output": step.output, "model": step.model, "input_tokens": step.input_tokens,
        "output_tokens": step.output_tokens, "error": step.error, "attributes": step.attributes,
    }


class _StepRows(NamedTuple):
    """A run's steps as the parameters of one INSERT statement, prepared by their model fields."""

    sql: str
    rows: list[list[Any]]
    using: str


def _step_rows(*, run_id: UUID | str, steps: list[StepRecord]) -> _StepRows:
    """A run's steps as rows for one parameterised INSERT, parents before children.

    bulk_create builds the statement's SQL object by object and field by field: for a run's
    20-odd steps that was 6.5% of the server's CPU in the #9 profile, against 0.7% for running
    the INSERT. The values are the ones bulk_create would send (each field's get_db_prep_save),
    so every database backend receives what it expects. Steps whose parent is missing (a
    cancelled parent) are stored at the top level.
    """
    known_ids = {step.id for step in steps}
    steps = [s if s.parent_id in known_ids or s.parent_id is None else s.model_copy(update={"parent_id": None})
             for s in steps]
    using = router.db_for_write(AgentStep)
    connection = connections[using]
    fields = AgentStep._meta.concrete_fields
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(AgentStep._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    rows = []
    for step in _parents_first(steps):
        values = _step_values(run_id, step)
        rows.append([field.get_db_prep_save(values[field.name], connection) for field in fields])
    return _StepRows(sql=sql, rows=rows, using=using)


def _steps_insert(step_rows: _StepRows) -> None:
    if not step_rows.rows:
        return
    with connections[step_rows.using].cursor() as cursor:
        cursor.executemany(step_rows.sql, step_rows.rows)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=RecordJSONEncoder))


def run_complete(*, run_id: UUID | str, outcome: RunOutcome) -> Message | None:
    """Store the run's steps and reply in one transaction; send the reply only if agents still may.

    The conversation row is locked and its status read again here, so a reply that finishes
    after a person took over is kept for staff but never sent to the customer.

    What needs no database (the step rows, the JSON the run and reply keep) is prepared before
    the transaction opens: on SQLite a transaction holds the database's one write lock from its
    start (BEGIN IMMEDIATE), and every message arriving meanwhile waits to be stored (#9).
    """
    return _run_complete_stored(
        run_id=run_id, outcome=outcome, step_rows=_step_rows(run_id=run_id, steps=outcome.steps),
        summary=_jsonable(outcome.summary), sources=_jsonable([s.model_dump() for s in outcome.sources]),
    )


@transaction.atomic
def _run_complete_stored(*, run_id: UUID | str, outcome: RunOutcome, step_rows: _StepRows, summary: Any,
                         sources: Any) -> Message | None:
    run = _RUN_FOR_OUTCOME.instance(run=run_id)
    if run is None:
        raise AgentRun.DoesNotExist(f"No run {run_id}.")
    if run.status == AgentRun.Status.SUCCEEDED:
        raise Conflict("This run already finished.", code="run_finished")
    conversation = run.conversation
    now = timezone.now()
    if run.attempts > 1:
        AgentStep.objects.filter(run=run).delete()  # a recovered run replaces the steps of its dead attempt
    _steps_insert(step_rows)

    run.status = AgentRun.Status.SUCCEEDED
    run.intent = outcome.intent.label
    run.confidence = outcome.intent.confidence
    run.route = outcome.route
    run.critic_verdict = outcome.critic.verdict if outcome.critic else ""
    run.fallbacks = outcome.fallbacks
    run.summary = summary
    run.draft_text = outcome.draft_before_revision
    run.handoff_reason = outcome.handoff_reason or ""
    run.input_tokens = outcome.input_tokens
    run.output_tokens = outcome.output_tokens
    run.provider = outcome.provider[:AgentRun._meta.get_field("provider").max_length]
    run.model = outcome.model[:AgentRun._meta.get_field("model").max_length]
    run.finished_at = now
    run.latency_ms = (now - run.started_at).total_seconds() * 1000 if run.started_at else None
    # Only what changed: an UPDATE of every column is measurable CPU at a reply per run (#9).
    run.save(update_fields=[
        "status", "intent", "confidence", "route", "critic_verdict", "fallbacks", "summary", "draft_text",
        "handoff_reason", "input_tokens", "output_tokens", "provider", "model", "finished_at", "latency_ms",
    ])

    may_send = conversation.agents_may_reply and outcome.delivered
    reply = Message.objects.create(
        conversation=conversation, role=Message.Role.ASSISTANT, text=outcome.reply, run=run,
        sources=sources, delivered=may_send,
    )
    conversation.last_message_at = reply.created_at
    # A reply may still go out while a person is needed (a refund waiting for approval): any
    # handoff reason puts the conversation in the staff queue, not only the handoff route.
    needs_person = may_send and (outcome.route == "handoff" or bool(outcome.handoff_reason))
    if (needs_person and outcome.handoff_reason == Conversation.HandoffReason.POLICY_NEEDS_APPROVAL
            and not conversation_awaits_approval(conversation_id=conversation.id)):
        needs_person = False  # a staff member decided it while the run was finishing: nothing to wait for
    if needs_person:
        conversation.status = Conversation.Status.WAITING
        conversation.handoff_reason = outcome.handoff_reason or Conversation.HandoffReason.LOW_CONFIDENCE
        conversation.handoff_summary = outcome.handoff_summary
        conversation.handoff_at = now
        ConversationEvent.objects.create(
            conversation=conversation, kind=ConversationEvent.Kind.HANDOFF, note=outcome.handoff_summary,
            data={"reason": conversation.handoff_reason, "run_id": str(run.id)},
        )
    conversation.save(update_fields=["last_message_at", "updated_at", *(
        ["status", "handoff_reason", "handoff_summary", "handoff_at"] if needs_person else [])])
    if may_send:
        conversation_event_publish(conversation_id=conversation.id, payload=assistant_message_frame(reply))
        if needs_person:
            conversation_event_publish(conversation_id=conversation.id, payload=conversation_status_frame(conversation))
    # webhooks (#8): actions left for a person's approval, the reply, and a handoff.
    webhooks.webhook_actions_pending(conversation, run_id=run.id)
    if may_send:
        webhooks.webhook_message_created(reply, conversation)
        if needs_person:
            webhooks.webhook_conversation_handoff(conversation, run_id=run.id)
    return reply


def _parents_first(steps: list[StepRecord]) -> list[StepRecord]:
    """Order steps so every parent is inserted before its children (foreign keys are checked)."""
    placed: set[str] = set()
    ordered: list[StepRecord] = []
    pending = list(steps)
    while pending:
        rest = []
        for step in pending:
            if step.parent_id is None or step.parent_id in placed:
                ordered.append(step)
                placed.add(step.id)
            else:
                rest.append(step)
        if len(rest) == len(pending):  # a cycle cannot happen, but never loop forever
            ordered.extend(rest)
            break
        pending = rest
    return ordered



# --- The web chat: feedback, "talk to a person", new conversations --------------------------
def feedback_submit(
    *, conversation_id: UUID | str, message_id: UUID | str, rating: str, comment: str = "", author: Any = None,
) -> Feedback:
    """A customer's thumbs up or down on one reply of their conversation; a later one replaces it."""
    if rating not in (Feedback.Rating.UP, Feedback.Rating.DOWN):
        raise InvalidInput("Feedback is thumbs up or thumbs down.", code="bad_rating")
    try:
        message = Message.objects.select_related("run").get(
            id=message_id, conversation_id=conversation_id, role=Message.Role.ASSISTANT, delivered=True
        )
    except (Message.DoesNotExist, ValueError, TypeError, DjangoValidationError):
        raise NotFound("No such reply in this conversation.", code="message_not_found") from None
    user = author if getattr(author, "is_authenticated", False) else None
    with transaction.atomic():
        feedback, _ = Feedback.objects.select_for_update().update_or_create(
            message=message, by_staff=False, author=user,
            defaults={"run": message.run, "rating": rating, "comment": comment.strip()[:2000]},
        )
    return feedback


@transaction.atomic
def conversation_handoff_request(*, conversation_id: UUID | str) -> Conversation:
    """The customer asked for a person: wait for staff, record why, tell every open page.

    Asking again while a person is already on the way (or there) changes nothing.
    """
    conversation = Conversation.objects.select_for_update().filter(id=conversation_id).first()
    if conversation is None:
        raise NotFound("No such conversation.", code="conversation_not_found")
    waits_for_approval_only = (conversation.status == Conversation.Status.WAITING
                                and conversation.handoff_reason == Conversation.HandoffReason.POLICY_NEEDS_APPROVAL)
    if conversation.status in (Conversation.Status.WAITING, Conversation.Status.WITH_PERSON) and not waits_for_approval_only:
        return conversation
    # Waiting only for an approval, the agents still answer: asking for a person now is a new reason.
    last_question = (
        conversation.messages.filter(role=Message.Role.USER).order_by("-created_at").values_list("text", flat=True)
        .first()
    )
    conversation.status = Conversation.Status.WAITING
    conversation.handoff_reason = Conversation.HandoffReason.CUSTOMER_ASKED
    conversation.handoff_at = timezone.now()
    conversation.handoff_summary = (
        f"The customer asked for a person. Their last message: {last_question[:500]}"
        if last_question else "The customer asked for a person before writing anything."
    )
    conversation.save(update_fields=["status", "handoff_reason", "handoff_at", "handoff_summary", "updated_at"])
    ConversationEvent.objects.create(
        conversation=conversation, kind=ConversationEvent.Kind.HANDOFF, note=conversation.handoff_summary,
        data={"reason": Conversation.HandoffReason.CUSTOMER_ASKED, "source": "chat_button"},
    )
    conversation_event_publish(conversation_id=conversation.id, payload=conversation_status_frame(conversation))
    webhooks.webhook_conversation_handoff(conversation)  # webhooks (#8)
    return conversation


def conversations_adopt_on_sign_in(*, session_key: str, customer: CustomerProfile) -> int:
    """A visitor who signs in keeps what they wrote before: the browser session's web
    conversations become the customer's. Returns how many moved.

    The session key is the visitor's own (it came with their sign-in request), so nothing
    another visitor wrote can move. Agents then answer with the customer's account in view.
    """
    if not session_key:
        return 0
    return Conversation.objects.filter(
        customer__isnull=True, session_key=session_key, channel=Conversation.Channel.WEB,
    ).update(customer=customer, session_key="", updated_at=timezone.now())


def conversation_start_for_owner(*, customer: CustomerProfile | None, session_key: str) -> Conversation:
    """A fresh web conversation, unless the owner's newest one has no messages yet: reuse that."""
    owned = (
        Conversation.objects.filter(customer=customer) if customer is not None
        else Conversation.objects.filter(customer__isnull=True, session_key=session_key)
    )
    if customer is None and not session_key:
        raise InvalidInput("A conversation needs a signed-in customer or a browser session.", code="no_owner")
    empty = (
        owned.filter(channel=Conversation.Channel.WEB, messages__isnull=True)
        .exclude(status=Conversation.Status.CLOSED).order_by("-created_at").first()
    )
    return empty or conversation_start(customer=customer, session_key=session_key)
