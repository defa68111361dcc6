"""The orchestrator through the real Django bridge: ports over the ORM, the services and the runner."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from asgiref.sync import sync_to_async

from agents.providers.factory import clients_close, reset_for_tests
from supportsite.conversations import runner
from supportsite.conversations.engine import orchestrator_reset
from supportsite.conversations.models import Conversation, Message
from supportsite.conversations.services import conversation_start
from supportsite.customers.models import CustomerProfile
from tests.support.llm_stub import LLMStub


@pytest.fixture(autouse=True)
def fresh_engine() -> Iterator[None]:
    """Each test builds the process's orchestrator from its own settings and demo data."""
    orchestrator_reset()
    reset_for_tests()
    yield
    orchestrator_reset()
    reset_for_tests()


@pytest.fixture
async def llm_stub(settings) -> AsyncIterator[LLMStub]:
    """A real OpenAI-compatible server on 127.0.0.1, and the app's settings pointing at it."""
    async with LLMStub() as stub:
        settings.OPENAI_BASE_URL = stub.base_url
        settings.OPENAI_API_KEY = "test-key"
        orchestrator_reset()
        reset_for_tests()
        yield stub
        orchestrator_reset()
        await clients_close()  # the provider's client belongs to this test's event loop


async def start_conversation(profile: CustomerProfile) -> Conversation:
    return await sync_to_async(conversation_start)(customer=profile)


async def say(conversation: Conversation, text: str, client_id: str) -> Message:
    """Submit a customer's message as the chat consumer does, wait for its run, return the stored reply."""
    _, run, _ = await runner.message_submit(conversation_id=conversation.id, text=text, client_id=client_id)
    assert run is not None, "agents may not answer this conversation"
    await runner.runs_drain()
    return await Message.objects.aget(run_id=run.id, role=Message.Role.ASSISTANT)
