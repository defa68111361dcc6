"""A real OpenAI-compatible server on 127.0.0.1 for every test here, and a provider over it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from agents.providers.factory import client_build
from agents.providers.openai_provider import OpenAIProvider
from agents.resilience import CircuitBreaker, RetryPolicy
from tests.support.llm_stub import LLMStub


@pytest.fixture
async def stub() -> AsyncIterator[LLMStub]:
    async with LLMStub() as server:
        yield server


def provider_for(stub: LLMStub, *, timeout_s: float = 5.0, attempts: int = 3, breaker: CircuitBreaker | None = None,
                 ) -> OpenAIProvider:
    client = client_build(api_key="test-key", base_url=stub.base_url, timeout_s=timeout_s)  # as the app builds it
    stub.clients.append(client)
    return OpenAIProvider(
        client=client, model="stub-model", breaker=breaker or CircuitBreaker(failure_threshold=50),
        retry=RetryPolicy(attempts=attempts, base_wait_s=0.01, max_wait_s=0.05, max_retry_after_s=1.0),
    )
