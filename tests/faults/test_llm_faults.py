"""The LLM failing most of the time (timeouts, 429, 500, cut streams, invalid JSON): every message is answered.

A real OpenAI-compatible server (tests/support/llm_stub.py) answers the app's openai client
over HTTP; a responder makes most of its answers faults, in rotation.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from agents.providers import factory
from supportsite.conversations.engine import orchestrator_reset
from supportsite.conversations.models import AgentRun, AgentStep
from supportsite.conversations.runner import runs_drain
from tests.support.llm_stub import LLMStub, Reply, default_reply
from tests.support.ws import ask, chat_connect

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

QUESTIONS = [
    "My deploy fails with a build timeout error, what should I check?",
    "What plans do you offer and how much do they cost?",
    "Why do my API calls return 429 errors?",
    "I want to know about my invoice",
    "Is there an outage in eu-west right now?",
    "How do I add a custom domain and fix the DNS error?",
    "hello, can you help me with my account?",
    "My TLS certificate is not renewing on my custom domain",
]


def faulty_responder() -> Any:
    """Five of every six requests fail, each time in another way; the sixth is a good answer."""
    faults = itertools.cycle(["500", "429", "hang", "invalid", "cut", "ok"])

    def respond(agent: str, body: dict[str, Any]) -> Reply:
        fault = next(faults)
        if fault == "500":
            return Reply.server_error(503 if agent == "critic" else 500)
        if fault == "429":
            return Reply.rate_limited(retry_after=0.05)
        if fault == "hang":
            return Reply.hang(3.0)  # past the app's 1 s LLM timeout
        if fault == "invalid":
            return Reply.garbage_body() if agent == "reply" else Reply.invalid_json()
        if fault == "cut":
            good = default_reply(agent, body)
            return Reply.cut(good.content or "", after_chunks=2) if body.get("stream") else Reply.garbage_body()
        return default_reply(agent, body)

    return respond


@pytest.fixture
async def faulty_llm(settings):
    async with LLMStub(responder=faulty_responder()) as stub:
        settings.OPENAI_BASE_URL = stub.base_url
        settings.OPENAI_API_KEY = "faults"
        settings.SUPPORT = {**settings.SUPPORT, "LLM_TIMEOUT_S": 1.0}
        factory.reset_for_tests()
        orchestrator_reset()
        yield stub
        await runs_drain()
        await factory.clients_close()
    orchestrator_reset()


async def test_every_message_gets_a_reply_or_a_handoff_while_the_llm_mostly_fails(demo_tx, faulty_llm):
    async def one(number: int, text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        communicator, _ = await chat_connect()
        try:
            return await ask(communicator, text, f"fault-{number}")
        finally:
            await communicator.disconnect()

    results = await asyncio.gather(*(one(n, text) for n, text in enumerate(QUESTIONS)))
    await runs_drain()

    for reply, frames in results:
        assert reply["text"].strip()
        assert reply["route"] in {"faq", "resolver", "panel", "fallback", "handoff"}
        assert not [f for f in frames if f["type"] == "error"], frames
    assert len(faulty_llm.requests) >= len(QUESTIONS)  # the LLM really was asked, and really failed

    runs = [run async for run in AgentRun.objects.all()]
    assert len(runs) == len(QUESTIONS) and {run.status for run in runs} == {"succeeded"}
    failed_llm_runs = {
        step.run_id async for step in AgentStep.objects.filter(kind="llm").exclude(error="")
    }
    assert failed_llm_runs, "the stub's faults never reached a run"
    for run in runs:
        if run.id in failed_llm_runs:
            assert run.fallbacks or run.summary.get("fallbacks"), (run.route, run.summary)
