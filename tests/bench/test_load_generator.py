"""The benchmark's load generator against a live Daphne server: every customer connects before
anyone sends, the measuring hook runs in between, and each message is timed to its reply."""

from __future__ import annotations

import time

import pytest
from asgiref.sync import sync_to_async

from bench.load import load_run
from supportsite.conversations.models import Message
from supportsite.conversations.services import conversation_start
from tests.support.live import live_server_url
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install
from tests.support.ws import session_cookie_for

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_every_customer_connects_before_the_first_message_and_every_message_is_timed_to_its_reply(
    demo_tx, monkeypatch
):
    orchestrator_install(monkeypatch, ScriptedOrchestrator(pieces=["Your invoice NW-1003 failed ", "because the card expired."]))
    port = int(live_server_url().rsplit(":", 1)[1])
    cookie = await sync_to_async(session_cookie_for)("alice")
    clients = [{"cookie": cookie, "conversation": str((await sync_to_async(conversation_start)(
        customer=demo_tx["alice"])).id)} for _ in range(3)]
    begun: list[float] = []

    result = await load_run(
        ports=[port], clients=clients, messages_per_client=2, faq_questions=["How do I reset my password?"],
        llm_questions=["Why did my last payment fail?"], faq_every=2,
        on_all_connected=lambda: begun.append(time.monotonic()),
    )

    assert result.errors == 0 and len(begun) == 1
    assert len(result.samples) == 6 and begun[0] <= result.started_at <= min(s.sent_at for s in result.samples)
    assert sorted(s.kind for s in result.samples) == ["faq"] * 3 + ["llm"] * 3
    for sample in result.samples:
        assert sample.run_id and sample.first_delta_at is not None
        assert sample.sent_at < sample.first_delta_at <= sample.reply_at
    stored = [m async for m in Message.objects.filter(role=Message.Role.USER).values_list("conversation_id", flat=True)]
    assert sorted(map(str, stored)) == sorted([c["conversation"] for c in clients] * 2)
