"""Every agent, LLM and tool call is a step with GenAI attributes, parents and tokens."""

from __future__ import annotations

from agents.outcome import Usage
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import Harness, ctx_for, intent, offline


async def test_every_call_is_a_step_nested_under_its_agent_with_genai_attributes():
    provider = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("billing", 0.9)],
                                usage=Usage(model="gpt-test", input_tokens=100, output_tokens=20))
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    by_id = {s.id: s for s in outcome.steps}
    resolver_llm = next(s for s in outcome.steps if s.kind == "llm" and s.agent == "resolver")
    assert by_id[resolver_llm.parent_id].kind == "agent" and by_id[resolver_llm.parent_id].agent == "resolver"
    assert resolver_llm.attributes["gen_ai.operation.name"] == "chat"
    assert resolver_llm.attributes["gen_ai.request.model"] == "gpt-test"
    assert resolver_llm.attributes["gen_ai.usage.input_tokens"] == 100
    tool_steps = [s for s in outcome.steps if s.kind == "tool" and s.name.startswith("billing.")]
    assert len(tool_steps) == 6  # invoices, payments, card, refunds, subscription, plans
    assert all(by_id[s.parent_id].agent == "billing" for s in tool_steps)
    assert all(s.attributes["gen_ai.tool.name"] == s.name for s in tool_steps)
    assert all(s.status == "finished" and s.finished_at is not None for s in outcome.steps)
    # intent (remote), resolver and critic each cost 100 in / 20 out; the local classifier reports 10/5.
    assert outcome.input_tokens == 310 and outcome.output_tokens == 65
    # What the staff console shows on the run and prices its tokens by.
    assert (outcome.provider, outcome.model) == ("openai", "gpt-test")


async def test_the_why_this_path_summary_explains_the_route():
    harness = Harness(provider=ScriptedProvider(name="openai", intents=[intent("billing", 0.87)]), fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    summary = outcome.summary
    assert summary["intent"] == {"label": "billing", "confidence": 0.87, "secondary": [], "provider": "openai"}
    assert summary["faq"]["threshold"] == 0.9 and summary["faq"]["used"] is False
    assert summary["route"] == "resolver"
    assert summary["workers"]["billing"]["status"] == "success"
    assert summary["critic"] == {"verdict": "approve", "reasons": []}
    assert summary["fallbacks"] == [] and summary["actions_proposed"] == []


async def test_a_failed_step_records_its_error():
    from agents.resilience import ProviderError

    provider = ScriptedProvider(name="openai", intents=[ProviderError("rate_limited", "429")])
    harness = Harness(provider=provider, fallback=offline(intents=[intent("general", 0.9)]))
    outcome = await harness.run(ctx_for("hello there"))
    failed = next(s for s in outcome.steps if s.kind == "llm" and s.status == "failed")
    assert failed.error.startswith("ProviderError: rate_limited")
    assert failed.attributes["error.type"] == "ProviderError"
