"""Writes to customers' own records: the unlock that staff approve or carry out (through the conversations'
actions, which also settle the customer's request), and the lock staff set from the customer's page."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from supportsite.core.errors import Conflict, InvalidInput
from supportsite.customers.models import CustomerProfile

LOCK_REASON_MAX_CHARS = CustomerProfile._meta.get_field("locked_reason").max_length


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


def customer_display_name(profile: CustomerProfile) -> str:
    return profile.user.get_full_name() or profile.user.username


@transaction.atomic
def customer_account_lock(*, customer_pk: int, reason: str) -> CustomerProfile:
    """Lock an active account (say, a customer reports someone else signed in to it) until it is unlocked.

    The reason is required: it is what support and the agents tell the customer while it is locked,
    and what the unlock keeps afterwards. Only an active account is locked: a locked one already is,
    and a suspended one is suspended for reasons of its own that an unlock would then wrongly lift.
    The failed sign-ins are left as they are (they are the customer's own, not this lock's), and so is
    the record of the lock last lifted: it is shown only while the account is open.
    """
    reason = reason.strip()
    if not reason:
        raise InvalidInput("Say why the account is locked: the customer is told it, and it is kept after the "
                           "unlock.", code="lock_reason_required")
    if len(reason) > LOCK_REASON_MAX_CHARS:
        raise InvalidInput(f"Keep the reason to {LOCK_REASON_MAX_CHARS} characters.", code="lock_reason_too_long")
    profile = CustomerProfile.objects.select_for_update().select_related("user").get(pk=customer_pk)
    if profile.account_status != CustomerProfile.Status.ACTIVE:
        raise Conflict(f"{customer_display_name(profile)}'s account is {profile.get_account_status_display().lower()}, "
                       "not active: there is nothing to lock.", code="account_not_active")
    profile.account_status = CustomerProfile.Status.LOCKED
    profile.locked_reason = reason
    profile.save(update_fields=["account_status", "locked_reason", "updated_at"])
    return profile
