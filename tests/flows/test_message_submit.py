"""Submitting a message: stored, claimed and its context read in one trip; answered even if that read fails."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from supportsite.conversations import runner, services
from supportsite.conversations.bridge import context_for_run
from supportsite.conversations.models import AgentRun, Message
from tests.support.orchestrators import ScriptedOrchestrator, orchestrator_install

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def _ask(demo_tx) -> None:
    conversation = await sync_to_async(services.conversation_start)(customer=demo_tx["alice"])
    await sync_to_async(services.message_receive)(conversation_id=conversation.id, text="earlier", client_id="e")
    _, run, created = await runner.message_submit(conversation_id=conversation.id, text="Why did it fail?",
                                                  client_id="now")
    assert created and run is not None
    await runner.runs_drain()


async def test_the_context_is_read_once_with_the_message_and_reaches_the_agents(demo_tx, monkeypatch):
    orchestrator = orchestrator_install(monkeypatch, ScriptedOrchestrator())
    reads: list[str] = []
    monkeypatch.setattr(runner, "context_for_run", lambda run: reads.append(str(run.id)) or context_for_run(run))
    await _ask(demo_tx)
    assert len(reads) == 1
    [ctx] = orchestrator.seen
    assert ctx.message == "Why did it fail?" and ctx.customer is not None and ctx.customer.name == "Alice Martin"
    assert [turn.text for turn in ctx.history] == ["earlier"]


async def test_a_context_read_that_fails_at_receipt_is_retried_by_the_run(demo_tx, monkeypatch):
    orchestrator = orchestrator_install(monkeypatch, ScriptedOrchestrator())
    calls: list[int] = []

    def flaky(run: AgentRun):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database went away for a moment")
        return context_for_run(run)

    monkeypatch.setattr(runner, "context_for_run", flaky)
    await _ask(demo_tx)
    assert len(calls) == 2 and len(orchestrator.seen) == 1
    assert await Message.objects.filter(role=Message.Role.ASSISTANT, delivered=True).acount() == 1


async def test_a_new_message_reopens_a_closed_conversation_and_a_resend_of_an_old_one_does_not(demo_tx):
    from supportsite.conversations.models import Conversation, ConversationEvent

    conversation = await sync_to_async(services.conversation_start)(customer=demo_tx["alice"])
    first, _, created = await sync_to_async(services.message_receive)(
        conversation_id=conversation.id, text="hello", client_id="c-1")
    assert created
    await Conversation.objects.filter(id=conversation.id).aupdate(status=Conversation.Status.CLOSED)

    again, run, created = await sync_to_async(services.message_receive)(
        conversation_id=conversation.id, text="hello", client_id="c-1")
    assert (again.id, run, created) == (first.id, None, False)
    await conversation.arefresh_from_db()
    assert conversation.status == Conversation.Status.CLOSED
    assert not await ConversationEvent.objects.filter(conversation=conversation, kind="reopened").aexists()

    _, run, created = await sync_to_async(services.message_receive)(
        conversation_id=conversation.id, text="one more thing", client_id="c-2")
    await conversation.arefresh_from_db()
    assert created and run is not None and conversation.status == Conversation.Status.OPEN
    assert await ConversationEvent.objects.filter(conversation=conversation, kind="reopened").acount() == 1
    assert await Message.objects.filter(conversation=conversation).acount() == 2
