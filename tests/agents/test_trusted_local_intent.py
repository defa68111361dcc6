"""With an LLM configured, a local label the classifier is sure of, naming one domain, settles the
intent without an LLM call; anything less sure, broader or out of scope is still the LLM's to decide."""

from __future__ import annotations

import pytest

from agents.orchestrator import OrchestratorConfig
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import Harness, ctx_for, intent, offline


def llm(**kwargs) -> ScriptedProvider:
    kwargs.setdefault("replies", ["Your last payment failed because the card ending 4242 expired."])
    return ScriptedProvider(name="openai", model="gpt-test", **kwargs)


async def test_a_sure_single_domain_label_is_taken_without_asking_the_llm_to_classify():
    harness = Harness(provider=llm(intents=[intent("technical", 0.9)]), fallback=offline(intents=[intent("billing", 0.97)]))
    outcome = await harness.run(ctx_for("why did my last payment fail?"))

    assert harness.provider.calls_of("classify") == []
    assert outcome.intent.label == "billing" and outcome.route == "resolver"
    assert outcome.summary["intent"]["provider"] == "offline"
    assert outcome.summary["intent"]["llm_skipped"].startswith("the local label is at least 0.95 sure")
    # The rest of the run is the LLM's as before: it writes the reply from the billing facts, and reviews it.
    [write] = harness.provider.calls_of("write_reply")
    assert "billing" in write.facts and harness.provider.calls_of("review")
    assert "speculation" not in outcome.summary and outcome.fallbacks == []
    assert outcome.reply.startswith("Your last payment failed")


@pytest.mark.parametrize(("local", "why"), [
    (intent("billing", 0.94), "below the threshold"),
    (intent("billing", 0.97, secondary=("technical",)), "two domains"),
    (intent("out_of_scope", 0.99), "out of scope: the fixed reply would turn the customer away"),
])
async def test_a_local_label_that_is_not_sure_enough_or_names_more_than_one_domain_is_left_to_the_llm(local, why):
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline(intents=[local]))
    outcome = await harness.run(ctx_for("why did my last payment fail?"))

    assert len(harness.provider.calls_of("classify")) == 1, why
    assert outcome.summary["intent"]["provider"] == "openai" and "llm_skipped" not in outcome.summary["intent"]


async def test_with_the_trust_switched_off_the_llm_classifies_every_message():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline(intents=[intent("billing", 0.99)]),
                      config=OrchestratorConfig(trust_local_intent_at=None))
    outcome = await harness.run(ctx_for("why did my last payment fail?"))
    assert len(harness.provider.calls_of("classify")) == 1
    assert "llm_skipped" not in outcome.summary["intent"]


async def test_without_an_llm_the_offline_label_is_not_reported_as_a_skipped_llm_call():
    provider = offline(intents=[intent("billing", 0.99)])
    harness = Harness(provider=provider, fallback=provider)
    outcome = await harness.run(ctx_for("why did my last payment fail?"))
    assert outcome.intent.label == "billing" and "llm_skipped" not in outcome.summary["intent"]


def test_the_threshold_must_be_a_probability():
    with pytest.raises(ValueError, match="trust_local_intent_at"):
        OrchestratorConfig(trust_local_intent_at=1.5)
