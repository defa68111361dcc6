"""The one retry policy and the circuit breaker."""

from __future__ import annotations

import gc

import pytest

from agents.resilience import (
    BudgetExhausted,
    CircuitBreaker,
    CircuitOpenError,
    ProviderError,
    RetryPolicy,
    RunBudget,
    retry_call,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Sleeps:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def failing_then(results: list):
    calls = {"n": 0}

    async def call():
        result = results[min(calls["n"], len(results) - 1)]
        calls["n"] += 1
        if isinstance(result, BaseException):
            raise result
        return result

    return call, calls


async def test_circuit_breaker_opens_after_repeated_failures_half_opens_and_closes_again():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=3, reset_after_s=30, clock=clock)
    fail, _ = failing_then([ProviderError("server_error")])
    for _ in range(3):
        with pytest.raises(ProviderError):
            await breaker.call(fail)
    assert breaker.state == "open"

    succeed, calls = failing_then(["ok"])
    with pytest.raises(CircuitOpenError):
        await breaker.call(succeed)  # open: the server is not even asked
    assert calls["n"] == 0

    clock.now += 30
    assert breaker.state == "half_open"
    assert await breaker.call(succeed) == "ok"  # the one trial call succeeds
    assert breaker.state == "closed"


async def test_a_failed_trial_call_in_half_open_opens_the_circuit_again():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=1, reset_after_s=10, clock=clock)
    fail, calls = failing_then([ProviderError("timeout")])
    with pytest.raises(ProviderError):
        await breaker.call(fail)
    clock.now += 10
    with pytest.raises(ProviderError):
        await breaker.call(fail)  # the trial
    assert calls["n"] == 2 and breaker.state == "open"
    clock.now += 5
    with pytest.raises(CircuitOpenError):
        await breaker.call(fail)
    assert calls["n"] == 2


async def test_only_one_trial_call_goes_through_while_half_open():
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=1, reset_after_s=10, clock=clock)
    fail, _ = failing_then([ProviderError("timeout")])
    with pytest.raises(ProviderError):
        await breaker.call(fail)
    clock.now += 10
    breaker.before_call()  # a trial is in flight
    with pytest.raises(CircuitOpenError):
        breaker.before_call()
    breaker.record_success()
    assert breaker.state == "closed"


async def test_success_resets_the_failure_count():
    breaker = CircuitBreaker(failure_threshold=2, clock=Clock())
    fail, _ = failing_then([ProviderError("server_error")])
    ok, _ = failing_then(["ok"])
    with pytest.raises(ProviderError):
        await breaker.call(fail)
    await breaker.call(ok)
    with pytest.raises(ProviderError):
        await breaker.call(fail)
    assert breaker.state == "closed"


async def test_retry_waits_exactly_as_long_as_retry_after_says():
    sleeps = Sleeps()
    call, calls = failing_then([ProviderError("rate_limited", retry_after=1.5), "ok"])
    assert await retry_call(call, policy=RetryPolicy(attempts=3), sleep=sleeps) == "ok"
    assert calls["n"] == 2 and sleeps.waits == [1.5]


async def test_a_retry_after_longer_than_the_cap_is_not_waited_for():
    sleeps = Sleeps()
    call, calls = failing_then([ProviderError("rate_limited", retry_after=60)])
    with pytest.raises(ProviderError) as raised:
        await retry_call(call, policy=RetryPolicy(attempts=3, max_retry_after_s=5), sleep=sleeps)
    assert raised.value.kind == "rate_limited" and calls["n"] == 1 and sleeps.waits == []


async def test_server_errors_are_retried_with_bounded_backoff_then_raised():
    sleeps = Sleeps()
    call, calls = failing_then([ProviderError("server_error")])
    policy = RetryPolicy(attempts=3, base_wait_s=0.2, max_wait_s=0.5)
    with pytest.raises(ProviderError):
        await retry_call(call, policy=policy, sleep=sleeps)
    assert calls["n"] == 3 and len(sleeps.waits) == 2
    assert all(0 < wait <= 0.5 for wait in sleeps.waits)


async def test_each_retry_is_reported_with_its_attempt_number_and_waits_within_its_backoff():
    sleeps, retried = Sleeps(), []
    call, calls = failing_then([ProviderError("server_error"), ProviderError("timeout"), "ok"])
    policy = RetryPolicy(attempts=3, base_wait_s=0.2, max_wait_s=10)
    assert await retry_call(call, policy=policy, sleep=sleeps, on_retry=lambda e, n: retried.append((e.kind, n))) == "ok"
    assert calls["n"] == 3 and retried == [("server_error", 1), ("timeout", 2)]
    # Full jitter over a doubling backoff: up to 0.2 s after the first attempt, 0.4 s after the second.
    first, second = sleeps.waits
    assert 0.1 <= first <= 0.3 and 0.1 <= second <= 0.5


async def test_a_call_that_succeeds_at_once_leaves_nothing_for_the_cycle_collector():
    # The collector's pauses stop every conversation of a process at once (#9): the common case,
    # an LLM call that works, must leave its objects to reference counting.
    call, _ = failing_then(["ok"])
    policy, sleeps = RetryPolicy(), Sleeps()
    await retry_call(call, policy=policy, sleep=sleeps)
    # Earlier tests' objects can run finalizers that leave garbage of their own: collect until clean.
    for _ in range(5):
        if gc.collect() == 0:
            break
    gc.disable()
    try:
        for _ in range(20):
            assert await retry_call(call, policy=policy, sleep=sleeps) == "ok"
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert unreachable == 0


async def test_bad_output_and_client_errors_are_not_retried():
    for kind in ("bad_output", "client_error", "stream_cut"):
        call, calls = failing_then([ProviderError(kind)])
        with pytest.raises(ProviderError):
            await retry_call(call, policy=RetryPolicy(), sleep=Sleeps())
        assert calls["n"] == 1


def test_the_run_budget_refuses_calls_beyond_its_limit():
    budget = RunBudget(2)
    budget.spend("llm:intent")
    budget.spend("tool:billing.invoices")
    with pytest.raises(BudgetExhausted):
        budget.spend("llm:resolver")
    assert budget.used == 2 and budget.refused == ["llm:resolver"] and budget.remaining == 0
