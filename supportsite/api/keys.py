"""API keys: created and revoked by staff, checked on every request, stored only as a hash.

The key decides what an integration can reach:
- its scopes decide which operations it may call (403 without the scope);
- it sees only the conversations its integration (the key's name) opened;
- a key bound to a customer acts for that customer only; naming any other customer needs the
  `customers:any` scope, which is for back ends that authenticate their own users.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from supportsite.api.models import SCOPE_VALUES, ApiKey, Scope
from supportsite.chat.ratelimit import Limit, limits_hit
from supportsite.core.errors import InvalidInput, NotFound, PermissionDenied, RateLimited
from supportsite.customers.models import CustomerProfile

KEY_PREFIX = "nw_"
# last_used_at is a hint for staff, not an audit log: write it at most this often per key.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Principal:
    """Who is calling: an integration's key, resolved once per request."""

    key_id: int
    integration: str
    scopes: frozenset[str]
    customer_id: int | None
    customer_external_id: str | None
    rate_limit_per_minute: int

    def has(self, scope: str) -> bool:
        return scope in self.scopes

    def require(self, scope: str) -> None:
        if scope not in self.scopes:
            raise PermissionDenied(f"This key lacks the {scope} scope.", code="missing_scope")


def key_hash(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


def scopes_clean(scopes: Iterable[str]) -> list[str]:
    cleaned = sorted({scope.strip() for scope in scopes if scope.strip()})
    unknown = [scope for scope in cleaned if scope not in SCOPE_VALUES]
    if unknown:
        raise InvalidInput(
            f"Unknown scopes: {', '.join(unknown)}. Known: {', '.join(sorted(SCOPE_VALUES))}.", code="unknown_scope"
        )
    return cleaned


@transaction.atomic
def api_key_create(
    *, name: str, scopes: Iterable[str], customer_external_id: str = "", created_by: AbstractBaseUser | None = None,
    rate_limit_per_minute: int | None = None,
) -> tuple[ApiKey, str]:
    """Create a key; return it and the raw key, which is never stored and cannot be shown again."""
    name = name.strip()
    if not name:
        raise InvalidInput("A key needs an integration name.", code="name_required")
    customer = None
    if customer_external_id:
        customer = CustomerProfile.objects.filter(external_id=customer_external_id).first()
        if customer is None:
            raise NotFound(f"No customer {customer_external_id}.", code="customer_not_found")
    raw_key = KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey.objects.create(
        name=name, prefix=raw_key[:11], key_hash=key_hash(raw_key), scopes=scopes_clean(scopes), customer=customer,
        created_by=created_by, rate_limit_per_minute=rate_limit_per_minute,
    )
    return api_key, raw_key


def api_key_revoke(*, api_key_id: int) -> ApiKey:
    api_key = ApiKey.objects.filter(pk=api_key_id).first()
    if api_key is None:
        raise NotFound("No such API key.")
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


def principal_for_key(raw_key: str) -> Principal | None:
    """The caller behind a raw key, or None for an unknown or revoked key."""
    if not raw_key.startswith(KEY_PREFIX) or len(raw_key) > 200:
        return None
    api_key = (
        ApiKey.objects.select_related("customer").filter(key_hash=key_hash(raw_key), revoked_at__isnull=True).first()
    )
    if api_key is None:
        return None
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
    default_limit = int(settings.SUPPORT.get("API_RATE_LIMIT_PER_MINUTE", 120))
    return Principal(
        key_id=api_key.pk, integration=api_key.name, scopes=frozenset(api_key.scopes),
        customer_id=api_key.customer_id,
        customer_external_id=api_key.customer.external_id if api_key.customer else None,
        rate_limit_per_minute=api_key.rate_limit_per_minute or default_limit,
    )


def principal_rate_limit(principal: Principal) -> None:
    """Count one request against the key's per-minute limit, or raise RateLimited (429)."""
    try:
        limits_hit([Limit("api-key", str(principal.key_id), principal.rate_limit_per_minute, 60)])
    except RateLimited as exc:
        raise RateLimited(
            f"This key may make {principal.rate_limit_per_minute} requests a minute; "
            f"retry in {exc.retry_after_s} seconds.",
            retry_after_s=exc.retry_after_s,
        ) from exc


def customer_for_principal(principal: Principal, external_id: str | None) -> CustomerProfile | None:
    """The customer a request may act for: the data-access rule shared by the REST API and A2A.

    - no customer named: the key's bound customer, or nobody (an anonymous conversation);
    - the key's own bound customer: allowed;
    - any other customer: only with the customers:any scope; otherwise 403, whether or not
      the customer exists, so a key cannot probe for customer ids.
    """
    if not external_id:
        if principal.customer_id is None:
            return None
        return CustomerProfile.objects.get(pk=principal.customer_id)
    if external_id != principal.customer_external_id and not principal.has(Scope.CUSTOMERS_ANY):
        raise PermissionDenied(
            "This key cannot act for that customer (it needs the customers:any scope, or to be bound to them).",
            code="customer_not_allowed",
        )
    customer = CustomerProfile.objects.filter(external_id=external_id).first()
    if customer is None:
        raise NotFound(f"No customer {external_id}.", code="customer_not_found")
    return customer
