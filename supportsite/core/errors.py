"""Domain errors with stable codes; edges turn them into error frames, JSON or admin messages."""

from __future__ import annotations


class DomainError(Exception):
    code = "domain_error"
    status = 400

    def __init__(self, detail: str, *, code: str | None = None):
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code


class NotFound(DomainError):
    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    code = "forbidden"
    status = 403


class InvalidInput(DomainError):
    code = "invalid"
    status = 422


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429

    def __init__(self, detail: str, *, retry_after_s: int):
        super().__init__(detail)
        self.retry_after_s = retry_after_s


class Conflict(DomainError):
    code = "conflict"
    status = 409


class Unavailable(DomainError):
    code = "unavailable"
    status = 503
