"""The guard refuses an unlock whoever proposes it (an LLM included) when the locked account's owner only asked
about the lock: the lock and its reason answer a question; a request or a yes to the offer starts the unlock."""

from __future__ import annotations

import pytest

from agents.outcome import Draft, ProposedAction
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import Harness, ctx_for, intent, offline

ONLY_ASKED = "only asked about the lock"


def _unlock_writer() -> ScriptedProvider:
    # The same proposal on the first draft and on the revision the critic asks for.
    draft = Draft(text="Your account is locked after too many failed sign-ins; I'll unlock it.",
                  actions=[ProposedAction(kind="account_unlock")])
    return ScriptedProvider(name="openai", model="gpt-test", intents=[intent("account", 0.93)], replies=[draft, draft])


@pytest.mark.parametrize("message", [
    "why is my account locked", "is my account locked?", "is my account still locked?",
    "what happens if my account gets locked", "if my account is locked can support unlock it",
])
async def test_an_unlock_for_a_question_about_the_lock_is_refused_whoever_proposes_it(message):
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert harness.ports.unlocked == [] and harness.ports.unlocks_waiting == [] and outcome.actions == []
    assert any(ONLY_ASKED in r for r in outcome.summary["critic_rounds"][0]["reasons"])


@pytest.mark.parametrize("message", ["please unlock my account", "unlock me", "I'm locked out, can you unlock it"])
async def test_an_unlock_carol_asks_for_passes_the_guard(message):
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert [a.kind for a in outcome.actions] == ["account_unlock"]
    assert len(harness.ports.unlocked) == 1
