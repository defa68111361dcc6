"""Conversations, their messages, the agent runs behind each reply, their steps, and staff work."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from supportsite.core.json import RecordJSONEncoder
from supportsite.core.models import TimeStampedModel


class Conversation(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        WAITING = "waiting", "Waiting for a person"
        WITH_PERSON = "with_person", "With a person"
        CLOSED = "closed", "Closed"

    class Channel(models.TextChoices):
        WEB = "web", "Web chat"
        API = "api", "REST API"
        A2A = "a2a", "A2A agent"

    class HandoffReason(models.TextChoices):
        CUSTOMER_ASKED = "customer_asked", "Customer asked for a person"
        LOW_CONFIDENCE = "low_confidence", "Low confidence"
        POLICY_NEEDS_APPROVAL = "policy_needs_approval", "Policy needs approval"
        TOOL_FAILURE = "tool_failure", "Tool failure"
        LLM_UNAVAILABLE = "llm_unavailable", "LLM unavailable"
        CRITIC_REJECTED = "critic_rejected", "Critic rejected the reply"
        WRITER_FAILED = "writer_failed", "Reply writer failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    customer = models.ForeignKey(
        "customers.CustomerProfile", null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )
    # An anonymous visitor's conversation belongs to their browser session only.
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.WEB)
    # The integration that opened it (API or A2A), and the A2A context id it continues.
    integration = models.CharField(max_length=100, blank=True)
    external_ref = models.CharField(max_length=200, blank=True, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_conversations"
    )
    handoff_reason = models.CharField(max_length=32, choices=HandoffReason.choices, blank=True)
    handoff_summary = models.TextField(blank=True)
    handoff_at = models.DateTimeField(null=True, blank=True, db_index=True)
    staff_note = models.TextField(blank=True, help_text="A note staff left for the agents on hand-back.")
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-last_message_at", "-created_at"]

    def __str__(self) -> str:
        return f"Conversation {str(self.id)[:8]}"

    @property
    def agents_may_reply(self) -> bool:
        return agents_may_reply(status=self.status, handoff_reason=self.handoff_reason)


def agents_may_reply(*, status: str, handoff_reason: str) -> bool:
    """Open, or waiting only for a staff member to approve an action the agents proposed: a customer
    whose refund waits for approval is still answered meanwhile ("what's my plan?"). Once a person
    is needed for anything else, or has the conversation, the agents stay quiet."""
    return status == Conversation.Status.OPEN or (
        status == Conversation.Status.WAITING and handoff_reason == Conversation.HandoffReason.POLICY_NEEDS_APPROVAL)


class Message(models.Model):
    class Role(models.TextChoices):
        USER = "user", "Customer"
        ASSISTANT = "assistant", "Assistant"
        STAFF = "staff", "Staff"
        SYSTEM = "system", "System"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    role = models.CharField(max_length=10, choices=Role.choices)
    text = models.TextField()
    # The client's own id for a user message, so a resend is stored once.
    # NULL, not "", for messages without one: the unique constraint must not group them.
    client_id = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    # For an assistant message: the run that wrote it; for a user message: set on the run instead.
    run = models.ForeignKey("AgentRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    sources = models.JSONField(default=list, blank=True)
    # False for a reply finished after a person took over: kept for staff, never sent.
    delivered = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "client_id"], name="one_message_per_client_id"),
        ]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self) -> str:
        return f"{self.role}: {self.text[:60]}"


class AgentRun(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="runs")
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="agent_run")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    provider = models.CharField(max_length=20, blank=True)
    model = models.CharField(max_length=100, blank=True)
    intent = models.CharField(max_length=20, blank=True, db_index=True)
    confidence = models.FloatField(null=True, blank=True)
    route = models.CharField(max_length=12, blank=True, db_index=True)
    critic_verdict = models.CharField(max_length=12, blank=True, db_index=True)
    fallbacks = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True, help_text="Why this path: the decision card.")
    draft_text = models.TextField(blank=True, help_text="The resolver's first draft when the critic asked for a revision.")
    handoff_reason = models.CharField(max_length=32, blank=True)
    input_tokens = models.PositiveIntegerField(default=0)
    output_tokens = models.PositiveIntegerField(default=0)
    latency_ms = models.FloatField(null=True, blank=True, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Which server process holds the run, so a restart recovers only runs nobody holds.
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Run {str(self.id)[:8]} {self.route or self.status}"


class AgentStep(models.Model):
    class Kind(models.TextChoices):
        AGENT = "agent", "Agent"
        LLM = "llm", "LLM call"
        TOOL = "tool", "Tool call"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(AgentRun, on_delete=models.CASCADE, related_name="steps")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    agent = models.CharField(max_length=40)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    name = models.CharField(max_length=100)
    status = models.CharField(max_length=10)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.FloatField(default=0)
    # Encoded once as the row is written, whatever a tool returned (supportsite/core/json.py).
    input = models.JSONField(default=dict, blank=True, encoder=RecordJSONEncoder)
    output = models.JSONField(default=dict, blank=True, encoder=RecordJSONEncoder)
    model = models.CharField(max_length=100, blank=True)
    input_tokens = models.PositiveIntegerField(default=0)
    output_tokens = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    attributes = models.JSONField(default=dict, blank=True, encoder=RecordJSONEncoder)

    class Meta:
        ordering = ["started_at"]

    def __str__(self) -> str:
        return f"{self.agent}/{self.name}"


class AgentAction(TimeStampedModel):
    """A sensitive action an agent proposed: carried out within policy, else pending approval."""

    class Kind(models.TextChoices):
        REFUND = "refund", "Refund"
        ACCOUNT_UNLOCK = "account_unlock", "Account unlock"

    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending_approval", "Pending approval"
        COMPLETED = "completed", "Completed"
        REJECTED = "rejected", "Rejected"
        FAILED = "failed", "Failed"

    run = models.ForeignKey(AgentRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="actions")
    customer = models.ForeignKey("customers.CustomerProfile", on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, db_index=True)
    request_key = models.CharField(max_length=120, unique=True)
    payload = models.JSONField(default=dict, blank=True)
    refund = models.ForeignKey(
        "customers.RefundRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.customer.external_id}: {self.status}"


class Feedback(TimeStampedModel):
    class Rating(models.TextChoices):
        UP = "up", "Thumbs up"
        DOWN = "down", "Thumbs down"
        FLAG = "flag", "Flagged by staff"

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="feedback")
    run = models.ForeignKey(AgentRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback")
    rating = models.CharField(max_length=8, choices=Rating.choices, db_index=True)
    comment = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    by_staff = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{self.rating} on {self.message_id}"


class ConversationEvent(models.Model):
    """Status changes and staff actions on a conversation: who, what and when."""

    class Kind(models.TextChoices):
        HANDOFF = "handoff", "Handed to a person"
        TAKEN = "taken", "Taken by staff"
        HANDED_BACK = "handed_back", "Handed back to the agents"
        CLOSED = "closed", "Closed"
        REOPENED = "reopened", "Reopened"
        ACTION_DECIDED = "action_decided", "Action decided"
        FAQ_EDITED = "faq_edited", "FAQ edited"
        FLAGGED = "flagged", "Reply flagged"
        STAFF_REPLIED = "staff_replied", "Staff replied"
        REGRESSION_SAVED = "regression_saved", "Saved as a regression case"
        REFUND_ISSUED = "refund_issued", "Refund issued by staff"
        ACCOUNT_UNLOCKED = "account_unlocked", "Account unlocked by staff"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.created_at:%Y-%m-%d %H:%M}"


class RegressionCase(TimeStampedModel):
    """An exchange staff saved so `manage.py eval` checks it from then on."""

    message = models.TextField()
    customer_external_id = models.CharField(max_length=64, blank=True)
    expected_route = models.CharField(max_length=12, blank=True)
    must_contain = models.JSONField(default=list, blank=True)
    must_not_contain = models.JSONField(default=list, blank=True)
    source_run = models.ForeignKey(AgentRun, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:80]
