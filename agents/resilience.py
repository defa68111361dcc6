"""Retries, the circuit breaker, the per-run budget and the errors they speak.

One retry policy lives here and nowhere else: the openai client is built with
max_retries=0 so its own retries never multiply with these. The breaker stops a dead
LLM from being hammered: after a few failed calls in a row every call fails at once
(and the orchestrator falls back to the offline provider) until a trial call succeeds.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import Literal, TypeVar

from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

T = TypeVar("T")

ErrorKind = Literal[
    "timeout", "rate_limited", "server_error", "connection", "client_error", "bad_output", "stream_cut",
    "circuit_open", "budget_exhausted",
]
# Failures worth another attempt: the next one may well succeed.
RETRYABLE_KINDS: frozenset[str] = frozenset({"timeout", "rate_limited", "server_error", "connection"})


class ProviderError(Exception):
    """A provider call failed in a way the orchestrator handles (falls back, records it)."""

    def __init__(self, kind: ErrorKind, detail: str = "", *, retry_after: float | None = None):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind: ErrorKind = kind
        self.detail = detail
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE_KINDS


class CircuitOpenError(ProviderError):
    def __init__(self, name: str):
        super().__init__("circuit_open", f"{name} is failing; not calling it for now")


class BudgetExhausted(ProviderError):
    def __init__(self, what: str):
        super().__init__("budget_exhausted", f"run budget spent before {what}")


class RetryPolicy(BaseModel):
    """How often and how patiently a provider call is retried."""

    attempts: int = 3  # in all, the first call included
    base_wait_s: float = 0.25
    max_wait_s: float = 2.0
    # A Retry-After longer than this is not waited for: a customer is watching, so we
    # fall back to the offline provider instead of sleeping for a minute.
    max_retry_after_s: float = 5.0


def _should_retry(policy: RetryPolicy, exc: BaseException) -> bool:
    if not isinstance(exc, ProviderError) or not exc.retryable:
        return False
    return exc.retry_after is None or exc.retry_after <= policy.max_retry_after_s


def _wait_s(policy: RetryPolicy, exc: BaseException | None, attempt_number: int) -> float:
    """How long to wait after failed attempt number `attempt_number` (1 for the first call)."""
    if isinstance(exc, ProviderError) and exc.retry_after is not None:
        return exc.retry_after  # the server said when; honour it exactly
    backoff = policy.base_wait_s * (2 ** (attempt_number - 1))
    # Full jitter keeps many processes from retrying in lockstep.
    return min(policy.max_wait_s, random.uniform(0, backoff) + policy.base_wait_s / 2)


async def retry_call(
    fn: Callable[[], Awaitable[T]],
    *,
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    on_retry: Callable[[ProviderError, int], None] | None = None,
) -> T:
    """Call fn under the retry policy; the last error is re-raised as itself.

    The first attempt is made directly; only a call that failed in a way worth retrying builds
    tenacity's retry state for the attempts left. That state (the retrying object, its closures
    and statistics) is a knot of reference cycles that only the garbage collector frees: every
    LLM call made one, and the collector's pauses under load land on every conversation (#9).
    """
    try:
        return await fn()
    except ProviderError as exc:
        if policy.attempts < 2 or not _should_retry(policy, exc):
            raise
        if on_retry is not None:
            on_retry(exc, 1)
        first_wait_s = _wait_s(policy, exc, 1)
    await sleep(first_wait_s)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        return _wait_s(policy, exc, state.attempt_number + 1)  # the first attempt was made above

    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        if on_retry is not None and isinstance(exc, ProviderError):
            on_retry(exc, state.attempt_number + 1)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.attempts - 1),
        wait=wait,
        retry=retry_if_exception(lambda exc: _should_retry(policy, exc)),
        before_sleep=before_sleep,
        sleep=sleep,
        reraise=True,
    )
    return await retrying(fn)


CircuitState = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    """Closed → (failure_threshold failed calls in a row) → open → (reset_after_s) → half-open.

    In half-open exactly one trial call goes through; its success closes the circuit, its
    failure opens it again for another reset_after_s. Counted per call, after retries, so
    one flaky request does not trip it but a dead server does within a few messages.
    """

    def __init__(
        self, *, name: str = "llm", failure_threshold: int = 3, reset_after_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_after_s = reset_after_s
        self._clock = clock
        self._state: CircuitState = "closed"
        self._failures = 0
        self._opened_at = 0.0
        self._trial_in_flight = False

    @property
    def state(self) -> CircuitState:
        if self._state == "open" and self._clock() - self._opened_at >= self.reset_after_s:
            return "half_open"
        return self._state

    def before_call(self) -> None:
        """Raise CircuitOpenError unless a call may go through now."""
        state = self.state
        if state == "closed":
            return
        if state == "half_open" and not self._trial_in_flight:
            self._state = "half_open"
            self._trial_in_flight = True
            return
        raise CircuitOpenError(self.name)

    def record_success(self) -> None:
        self._state = "closed"
        self._failures = 0
        self._trial_in_flight = False

    def record_failure(self) -> None:
        self._trial_in_flight = False
        self._failures += 1
        if self._state == "half_open" or self._failures >= self.failure_threshold:
            self._state = "open"
            self._opened_at = self._clock()

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        self.before_call()
        try:
            result = await fn()
        except ProviderError as exc:
            # Every failed call counts, bad output included: a model that answers nonsense
            # every time is as useless as one that does not answer.
            self.record_failure()
            raise exc
        except BaseException:
            # Cancellation (the orchestrator's own timeout) says nothing about the server
            # but must free a half-open trial slot.
            self._trial_in_flight = False
            raise
        self.record_success()
        return result


class RunBudget:
    """Caps the LLM and tool calls of one run, so a loop or a chatty panel cannot run away."""

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0
        self.spent_on: list[str] = []
        self.refused: list[str] = []

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    def spend(self, what: str) -> None:
        """Count one call, or raise BudgetExhausted when the run has none left."""
        if self.used >= self.limit:
            self.refused.append(what)
            raise BudgetExhausted(what)
        self.used += 1
        self.spent_on.append(what)

    def absorb(self, other: RunBudget) -> None:
        """Count what a budget of the run's own work, kept apart until it was used, spent."""
        self.used += other.used
        self.spent_on += other.spent_on
        self.refused += other.refused
