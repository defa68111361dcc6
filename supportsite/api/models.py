"""API keys, idempotency records and webhooks: what integrations hold and what we owe them."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models

from supportsite.core.models import TimeStampedModel


class Scope(models.TextChoices):
    CONVERSATIONS_READ = "conversations:read", "Read conversations and their messages"
    MESSAGES_WRITE = "messages:write", "Open conversations, send messages, leave feedback"
    RUNS_READ = "runs:read", "Read agent runs and their steps"
    FAQ_WRITE = "faq:write", "Create, change and delete FAQ entries"
    A2A_INVOKE = "a2a:invoke", "Call the A2A agent endpoint"
    # Without this scope a key reaches only the customer it is bound to (or none): naming any
    # customer is for trusted back ends that authenticate their own users.
    CUSTOMERS_ANY = "customers:any", "Act for any customer named in a request"


SCOPE_VALUES: frozenset[str] = frozenset(Scope.values)


class ApiKey(models.Model):
    """An integration's key. Only its SHA-256 is stored; the key itself is shown once."""

    name = models.CharField(
        max_length=100, db_index=True,
        help_text="The integration this key belongs to. Keys with the same name share its conversations.",
    )
    prefix = models.CharField(max_length=16, unique=True, help_text="The key's first characters, to recognise it.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(default=list, blank=True)
    customer = models.ForeignKey(
        "customers.CustomerProfile", null=True, blank=True, on_delete=models.CASCADE, related_name="api_keys",
        help_text="Bind the key to one customer: it can then reach that customer's data only.",
    )
    rate_limit_per_minute = models.PositiveIntegerField(
        null=True, blank=True, help_text="Requests a minute; empty uses the site default."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class IdempotencyRecord(models.Model):
    """The first result of a POST made with an Idempotency-Key, returned again to a retry."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="idempotency_records")
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    # 0 while the first request is still being handled.
    response_status = models.PositiveSmallIntegerField(default=0)
    response_body = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["api_key", "key"], name="one_record_per_idempotency_key")]

    def __str__(self) -> str:
        return f"{self.key} → {self.response_status or 'in progress'}"


class WebhookEvent(models.TextChoices):
    CONVERSATION_CREATED = "conversation.created", "Conversation created"
    MESSAGE_CREATED = "message.created", "Message created"
    CONVERSATION_HANDOFF = "conversation.handoff", "Conversation handed to a person"
    ACTION_PENDING = "action.pending", "Action waiting for approval"
    ACTION_DECIDED = "action.decided", "Action decided"


def webhook_secret_new() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpoint(TimeStampedModel):
    url = models.URLField(max_length=500)
    description = models.CharField(max_length=200, blank=True)
    secret = models.CharField(
        max_length=100, default=webhook_secret_new,
        help_text="Signs every delivery (HMAC-SHA256); give it to the receiver.",
    )
    events = models.JSONField(default=list, help_text="Event names this endpoint receives.")
    integration = models.CharField(
        max_length=100, blank=True,
        help_text="Only conversations opened by this integration (an API key name); empty for all.",
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed (gave up)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices, db_index=True)
    payload = models.JSONField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    response_code = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id}: {self.status}"
