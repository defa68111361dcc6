"""Concurrency, timeouts, the handoff state at send time, the budget, and the fallback chain."""

from __future__ import annotations

import asyncio

from agents.orchestrator import HANDOFF_REPLIES, OrchestratorConfig
from agents.outcome import CriticVerdict
from agents.providers.scripted import ScriptedProvider
from agents.resilience import ProviderError
from agents.workers.base import StreamGate
from tests.agents.fakes import EventLog, FakePorts, Harness, ctx_for, intent, offline

THREE_DOMAINS = intent("billing", 0.9, secondary=("account", "technical"))


def llm(**kwargs) -> ScriptedProvider:
    return ScriptedProvider(name="openai", model="gpt-test", **kwargs)


async def test_context_workers_run_concurrently():
    # Every port call takes 200 ms, so each worker's step spans a real wait.
    ports = FakePorts(delay_s={"billing": 0.2, "account": 0.2, "knowledge": 0.2})
    harness = Harness(provider=llm(intents=[THREE_DOMAINS]), fallback=offline(), ports=ports)
    outcome = await harness.run(ctx_for("billing, account and API questions"))
    context = next(s for s in outcome.steps if s.agent == "context")
    workers = {s.agent: s for s in outcome.steps if s.parent_id == context.id}
    assert set(workers) == {"billing", "account", "technical"}
    assert min(w.duration_ms for w in workers.values()) >= 150  # each really waited on its port
    # All three were under way at once: in sequence, each would start after the one before finished.
    assert max(w.started_at for w in workers.values()) < min(w.finished_at for w in workers.values())


async def test_the_billing_worker_starts_first_and_the_results_keep_the_workers_order():
    # Billing has the most to look up, so the stage launches it first (in its own task, without
    # waiting a turn of the event loop); what the workers found is still listed in the intent's order.
    harness = Harness(provider=llm(intents=[intent("technical", 0.9, secondary=("billing",))]),
                      fallback=offline(), ports=FakePorts())
    outcome = await harness.run(ctx_for("my deploy fails and I was charged twice"))
    context = next(s for s in outcome.steps if s.agent == "context")
    started = [s.agent for s in outcome.steps if s.parent_id == context.id]
    assert started == ["billing", "technical"]
    assert list(outcome.summary["workers"]) == ["technical", "billing"]
    assert context.output == {"technical": "success", "billing": "success"}


async def test_a_late_worker_is_recorded_and_the_others_are_used():
    # The timeout bounds every worker, so it leaves the punctual ones room on a busy machine; the
    # late one could never make it.
    ports = FakePorts(delay_s={"account": 60.0})
    harness = Harness(provider=llm(intents=[intent("technical", 0.9, secondary=("account",))]),
                      fallback=offline(), ports=ports, config=OrchestratorConfig(worker_timeout_s=1.0))
    outcome = await harness.run(ctx_for("API errors and I can't sign in"))
    assert outcome.summary["workers"]["account"]["status"] == "error"
    assert "timeout" in outcome.summary["workers"]["account"]["error"]
    assert outcome.summary["workers"]["technical"]["status"] == "success"
    assert any(f.startswith("worker account: timeout") for f in outcome.fallbacks)
    synthesis = harness.provider.calls_of("write_reply")[-1]
    assert "technical" in synthesis.facts and "account" not in synthesis.facts
    assert outcome.route == "panel"


async def test_the_worker_the_intent_depends_on_failing_hands_off_as_tool_failure():
    ports = FakePorts(fail={"billing"})
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline(), ports=ports)
    outcome = await harness.run(ctx_for("show my invoices"))
    assert outcome.route == "handoff" and outcome.handoff_reason == "tool_failure"
    assert outcome.reply == HANDOFF_REPLIES["tool_failure"]
    assert harness.provider.calls_of("write_reply") == []


async def test_a_reply_finished_after_a_takeover_is_kept_for_staff_but_not_delivered():
    # Agents may reply when the resolver starts; a person takes over before the reply is sent.
    ports = FakePorts(may_reply=[True, False])
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=["Invoice NW-1003 failed."]),
                      fallback=offline(), ports=ports)
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.delivered is False
    assert outcome.reply == "Invoice NW-1003 failed."  # stored for staff
    assert outcome.summary["agents_may_reply"] == {"before_reply": True, "before_send": False}
    assert [c for c, _ in ports.calls if c == "agents_may_reply"] == ["agents_may_reply"] * 2


async def test_a_host_that_checks_again_as_it_stores_the_reply_is_not_asked_a_second_time():
    # The host stores the reply under a lock and checks there (the Django bridge does), so only
    # the ask before writing remains; what it said still decides.
    config = OrchestratorConfig(host_checks_before_send=True)
    ports = FakePorts(may_reply=[True, False])
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=["Invoice NW-1003 failed."]),
                      fallback=offline(), ports=ports, config=config)
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.delivered is True
    assert [c for c, _ in ports.calls if c == "agents_may_reply"] == ["agents_may_reply"]
    assert outcome.summary["agents_may_reply"] == {"before_reply": True}

    taken = FakePorts(may_reply=[False])
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=["Invoice NW-1003 failed."]),
                      fallback=offline(), ports=taken, config=config)
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.delivered is False and harness.events.of("assistant.delta") == []


async def test_nothing_is_streamed_once_a_person_has_the_conversation():
    ports = FakePorts(may_reply=[False])
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=["A long reply " * 10]),
                      fallback=offline(), ports=ports)
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.delivered is False
    assert harness.events.of("assistant.delta") == []


async def test_the_resolvers_sentences_are_streamed_as_assistant_delta_events():
    reply = ("Invoice NW-1003 failed because the card ending 4242 expired. You can add a new card under Billing. "
             "Once it's saved, we retry the payment. Anything else I can help with?")
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=[reply]), fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?", run_id="run-stream"))
    deltas = harness.events.of("assistant.delta")
    # A sentence at a time: the guard judges each whole sentence before the customer sees it.
    assert len(deltas) >= 4
    assert all(d["run_id"] == "run-stream" for d in deltas)
    assert "".join(d["text"] for d in deltas) == outcome.reply


async def test_agent_steps_are_reported_as_they_start_and_finish():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline())
    await harness.run(ctx_for("why did my payment fail?"))
    steps = harness.events.of("agent.step")
    agents = [(e["agent"], e["status"]) for e in steps]
    for agent in ("intent", "faq", "billing", "resolver", "critic"):
        assert (agent, "started") in agents and (agent, "finished") in agents
    assert next(e for e in steps if e["agent"] == "billing")["label"] == "Checking your invoices…"


async def test_the_budget_caps_llm_and_tool_calls_and_the_run_still_answers():
    provider = llm(intents=[intent("billing", 0.9)], replies=["From the LLM."],
                   verdicts=[CriticVerdict(verdict="revise", reasons=["again"])])
    harness = Harness(provider=provider, fallback=offline(replies=["From the offline writer."]),
                      config=OrchestratorConfig(budget_calls=8))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    budget = outcome.summary["budget"]
    assert budget["used"] == 8 and budget["refused"]
    # 1 intent + 6 billing tools + 1 resolver; the critic had to fall back to the offline reviewer.
    assert len(provider.calls) == 2
    assert any("budget_exhausted" in f for f in outcome.fallbacks)
    assert outcome.reply


async def test_when_the_llm_is_down_the_offline_provider_answers_and_the_llm_is_not_asked_again_that_run():
    down = ProviderError("server_error", "HTTP 500")
    provider = llm(intents=[down], replies=[down], verdicts=[down])
    fallback = offline(intents=[intent("billing", 0.9)], replies=["Invoice NW-1003 failed (offline)."])
    harness = Harness(provider=provider, fallback=fallback)
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.route == "fallback"
    assert outcome.reply == "Invoice NW-1003 failed (offline)."
    assert outcome.fallbacks[:1] == ["intent: openai failed (ProviderError: server_error: HTTP 500) → offline classifier"]
    assert outcome.fallbacks[1:] == ["resolver: openai skipped (server_error earlier in this run) → offline",
                                     "critic: openai skipped (server_error earlier in this run) → offline"]
    assert len(provider.calls) == 1  # a dead server is not waited on three times per message


async def test_a_model_that_answers_badly_once_is_still_used_for_the_rest_of_the_run():
    provider = llm(intents=[ProviderError("bad_output", "not JSON")], replies=["From the LLM."])
    harness = Harness(provider=provider, fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.reply == "From the LLM." and outcome.route == "resolver"


async def test_when_no_writer_is_left_the_customer_is_handed_off_honestly():
    down = ProviderError("connection", "refused")
    provider = llm(intents=[intent("billing", 0.9)], replies=[down])
    harness = Harness(provider=provider, fallback=offline(replies=[RuntimeError("offline model missing")]))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.route == "handoff" and outcome.handoff_reason == "llm_unavailable"
    assert outcome.reply == HANDOFF_REPLIES["llm_unavailable"]
    assert "Facts: invoice NW-1001" in outcome.handoff_summary


async def test_the_local_writer_breaking_is_a_writer_failure_not_a_failed_look_up():
    # Offline only (the writer is its own fallback): nothing was looked up in vain, so the customer is not told so.
    local = offline(intents=[intent("billing", 0.9)], replies=[IndexError("list index out of range")])
    harness = Harness(provider=local, fallback=local)
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.route == "handoff" and outcome.handoff_reason == "writer_failed"
    assert outcome.reply == HANDOFF_REPLIES["writer_failed"]
    assert any("no writer could draft" in f and "IndexError" in f for f in outcome.fallbacks)


async def test_a_reply_stream_cut_by_the_llm_is_replaced_by_the_fallbacks_reply():
    class CutProvider(ScriptedProvider):
        async def write_reply(self, ctx, *, on_delta, revision_notes=None, persona="resolver"):
            await on_delta("A whole sentence. Then half a ")
            await on_delta("sentence from the LLM ")
            raise ProviderError("stream_cut", "peer closed connection")

    harness = Harness(provider=CutProvider(name="openai", intents=[intent("billing", 0.9)]),
                      fallback=offline(replies=["The offline reply."]))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.reply == "The offline reply."
    assert any(e.get("reset") for e in harness.events.of("assistant.delta"))
    assert harness.events.streamed_text() == "The offline reply."
    assert "resolver: openai failed (stream_cut) → offline" in outcome.fallbacks


async def test_run_never_raises_even_when_the_event_sink_and_the_ports_explode():
    async def broken_sink(event):
        raise ConnectionError("channel layer down")

    class ExplodingFaq:
        def search(self, text, *, k=3):
            raise MemoryError("index corrupt")  # nothing any worker is written to expect

    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline(), faq=ExplodingFaq(),
                      ports=FakePorts(fail={"billing", "agents_may_reply"}))
    outcome = await harness.orchestrator.run(ctx_for("invoices?"), ports=harness.ports, sink=broken_sink)
    assert outcome.route == "handoff"
    assert outcome.reply


async def test_a_slow_llm_call_is_cut_by_the_llm_timeout_and_falls_back():
    # The timeout also bounds the offline fallback's calls, so it leaves them room on a busy machine;
    # the slow LLM could never make it.
    slow = llm(intents=[intent("billing", 0.9)], delay_s=60.0)
    harness = Harness(provider=slow, fallback=offline(intents=[intent("billing", 0.9)], replies=["Offline."]),
                      config=OrchestratorConfig(llm_timeout_s=1.0))
    outcome = await asyncio.wait_for(harness.run(ctx_for("why did my payment fail?")), timeout=30)
    assert outcome.reply == "Offline."
    assert "timeout" in outcome.fallbacks[0].lower()


async def test_batch_callers_can_discard_events_and_still_get_every_step():
    from agents.events import discard_events

    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline())
    outcome = await harness.orchestrator.run(ctx_for("invoices?"), ports=harness.ports, sink=discard_events)
    assert {"intent", "faq", "context", "billing", "resolver", "critic"} <= {s.agent for s in outcome.steps}
    assert harness.events.events == []


async def test_a_name_streams_only_with_the_rest_of_its_sentence_so_the_guard_can_stop_it():
    gate_events = EventLog()
    gate = StreamGate(sink=gate_events, run_id="r")
    gate.begin_draft(ctx_for("show me bob's invoices"))
    for piece in ("Admin mode ", "enabled. Bob ", "Chen (bob@example.com) ", "has NW-2001. ", "More text."):
        await gate.delta(piece)
    await gate.finish_draft()
    assert "".join(e["text"] for e in gate_events.of("assistant.delta")) == "Admin mode enabled. "
