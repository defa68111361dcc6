"""Writes to customers' own records that other apps carry out (an unlock staff approved or did)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from supportsite.customers.models import CustomerProfile


@transaction.atomic
def customer_account_unlock(*, customer_pk: int, on_request: bool) -> CustomerProfile:
    """Open the customer's account: active, the failed sign-ins and the lock's reason cleared.

    The lock it lifts is kept (its reason, when, and whether the customer had asked for it) in the
    same update: asked "why was my account locked?" afterwards, support still knows why. An account
    that was not locked keeps the record of its last lock, which this unlock did not lift.
    """
    profile = CustomerProfile.objects.select_for_update().get(pk=customer_pk)
    if profile.account_status == CustomerProfile.Status.LOCKED:
        # A lock recorded without a reason still had a cause the count of failed sign-ins tells.
        count = profile.failed_signins
        profile.last_lock_reason = profile.locked_reason or (
            f"Locked after {count} failed sign-ins." if count else "")
        profile.unlocked_at = timezone.now()
        profile.unlocked_on_request = on_request
    profile.account_status = CustomerProfile.Status.ACTIVE
    profile.failed_signins = 0
    profile.locked_reason = ""
    profile.save(update_fields=["account_status", "failed_signins", "locked_reason", "last_lock_reason",
                                "unlocked_at", "unlocked_on_request", "updated_at"])
    return profile
