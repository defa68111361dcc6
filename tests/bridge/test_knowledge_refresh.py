"""The agents are prepared before the first message, and staff edits to the knowledge base reach them within
seconds, without a run waiting for the check."""

from __future__ import annotations

import pytest

from supportsite.conversations import engine
from supportsite.knowledge.models import FaqEntry

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

QUESTION = "Can I host a llama-themed status page?"


async def test_a_new_faq_entry_is_picked_up_by_a_check_that_runs_beside_the_run(demo_tx, monkeypatch):
    first = await engine.orchestrator_get()
    assert first.faq.search(QUESTION, k=1)[0].question != QUESTION

    await FaqEntry.objects.acreate(question=QUESTION, answer="Yes: any theme you like.",
                                   alternatives=["llama status page"])
    monkeypatch.setattr(engine, "VERSION_CHECK_S", 0.0)  # the check is due
    during = await engine.orchestrator_get()
    assert during is first  # the caller's run goes ahead on the indexes it has

    refresh = engine._engine._refresh_task
    assert refresh is not None
    await refresh
    after = await engine.orchestrator_get()
    assert after is not first
    assert after.faq.search(QUESTION, k=1)[0].question == QUESTION


async def test_a_check_that_finds_no_edit_keeps_the_same_orchestrator(demo_tx, monkeypatch):
    first = await engine.orchestrator_get()
    monkeypatch.setattr(engine, "VERSION_CHECK_S", 0.0)
    assert await engine.orchestrator_get() is first
    await engine._engine._refresh_task
    assert await engine.orchestrator_get() is first


async def test_the_intent_model_is_loaded_when_the_agents_are_prepared_not_by_the_first_message(demo_tx):
    engine.orchestrator_reset()
    orchestrator = await engine.orchestrator_get()
    assert orchestrator.fallback._classifier is not None
