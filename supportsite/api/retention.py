"""Letting go of integration records past their use: finished webhook deliveries and idempotency results.

A delivery that was delivered or given up on is kept for staff to read for a while, then deleted; one still pending is
never touched. An idempotency result answers retries of the same POST for a day (as payment APIs keep theirs): a retry
after that is a new request.
"""

from __future__ import annotations

from datetime import datetime

from supportsite.api.models import IdempotencyRecord, WebhookDelivery

FINISHED = (WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED)


def webhook_deliveries_to_prune(*, created_before: datetime):
    return WebhookDelivery.objects.filter(created_at__lt=created_before, status__in=FINISHED)


def webhook_deliveries_prune(*, created_before: datetime) -> int:
    """Delete the finished deliveries created before the cutoff; return how many."""
    deleted, _ = webhook_deliveries_to_prune(created_before=created_before).delete()
    return deleted


def idempotency_records_to_prune(*, created_before: datetime):
    return IdempotencyRecord.objects.filter(created_at__lt=created_before)


def idempotency_records_prune(*, created_before: datetime) -> int:
    """Delete the idempotency results stored before the cutoff; return how many."""
    deleted, _ = idempotency_records_to_prune(created_before=created_before).delete()
    return deleted
