"""Work taken off the path to the reply: context gathered while the LLM classifies, the may-reply ask
made while the reply is written, and plain words streamed as they come."""

from __future__ import annotations

import asyncio
import itertools
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agents.orchestrator import HANDOFF_REPLIES, OrchestratorConfig
from agents.providers.scripted import ScriptedProvider
from agents.workers.base import StreamGate
from tests.agents.fakes import EventLog, FakePorts, Harness, ctx_for, intent, offline


def llm(**kwargs) -> ScriptedProvider:
    return ScriptedProvider(name="openai", model="gpt-test", **kwargs)


def _step(outcome, agent: str, kind: str = "agent"):
    return [s for s in outcome.steps if s.agent == agent and s.kind == kind]


async def test_the_context_the_local_label_needs_is_gathered_while_the_llm_classifies():
    # The LLM takes 300 ms to classify and the billing look-ups 300 ms, so each step spans a real wait.
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], delay_s=0.3),
                      fallback=offline(intents=[intent("billing", 0.9)]), ports=FakePorts(delay_s={"billing": 0.3}))
    outcome = await harness.run(ctx_for("why did my payment fail?"))

    [llm_intent] = [s for s in _step(outcome, "intent", "llm") if s.model == "gpt-test"]
    [context] = _step(outcome, "context")
    assert context.input == {"workers": ["billing"], "ahead_of_intent": True}
    # Gathered during the classification: after it, the context would start once it finished;
    # before it, the context would finish before it started.
    assert context.started_at < llm_intent.finished_at and context.finished_at > llm_intent.started_at
    assert outcome.summary["speculation"] == {"guess": "billing", "workers": ["billing"], "used": ["billing"],
                                              "discarded": []}
    assert outcome.summary["workers"]["billing"]["ahead_of_intent"] is True
    assert [i["number"] for i in harness.provider.calls_of("write_reply")[0].facts["billing"]["invoices"]] == [
        "NW-1001", "NW-1002", "NW-1003"]


async def test_when_the_llm_overrules_the_local_label_the_missing_workers_run_and_the_guess_is_discarded():
    harness = Harness(provider=llm(intents=[intent("technical", 0.9)]),
                      fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("my deploys fail since you charged my card"))

    contexts = _step(outcome, "context")
    assert [c.input for c in contexts] == [{"workers": ["billing"], "ahead_of_intent": True},
                                           {"workers": ["technical"], "ahead_of_intent": False}]
    assert outcome.summary["speculation"] == {"guess": "billing", "workers": ["billing"], "used": [],
                                              "discarded": ["billing"]}
    assert list(outcome.summary["workers"]) == ["technical"]
    facts = harness.provider.calls_of("write_reply")[0].facts
    assert "technical" in facts and "billing" not in facts  # what the final label needs, nothing more
    assert outcome.route == "resolver"


class _ContextStepLog(EventLog):
    """The run's events, with a flag raised when a context step finishes."""

    def __init__(self) -> None:
        super().__init__()
        self.context_finished = asyncio.Event()

    async def __call__(self, event) -> None:
        await super().__call__(event)
        if event["type"] == "agent.step" and event["agent"] == "context" and event["status"] == "finished":
            self.context_finished.set()


class _ClassifiesAfterTheGuessedContext(ScriptedProvider):
    """An LLM that answers its classification only once the context gathered ahead of it finished:
    the order a slow model gives, without depending on how fast this machine runs the look-ups."""

    def __init__(self, events: _ContextStepLog, **kwargs) -> None:
        super().__init__(name="openai", model="gpt-test", **kwargs)
        self.events = events

    async def classify(self, ctx):
        await asyncio.wait_for(self.events.context_finished.wait(), timeout=10)
        return await super().classify(ctx)


async def test_a_wrong_guess_does_not_use_up_the_runs_budget():
    # Six calls for the run: the guessed billing and account look-ups (seven tool calls) would leave
    # too few for the intent, the technical look-up, the reply and the review, were they counted.
    events = _ContextStepLog()
    harness = Harness(provider=_ClassifiesAfterTheGuessedContext(events, intents=[intent("technical", 0.9)],
                                                                 replies=["Check the build logs."]),
                      fallback=offline(intents=[intent("billing", 0.9, secondary=("account",))]),
                      config=OrchestratorConfig(budget_calls=6), events=events)
    outcome = await harness.run(ctx_for("my deploy fails, and was I charged for it?"))
    assert outcome.summary["speculation"]["discarded"] == ["billing", "account"]
    [guessed] = [s for s in outcome.steps if s.agent == "context" and s.input["ahead_of_intent"]]
    assert guessed.status == "finished"  # the guessed look-ups ran in full (and were not needed)
    assert outcome.summary["budget"]["refused"] == [] and outcome.fallbacks == []
    assert outcome.route == "resolver" and outcome.reply == "Check the build logs."
    # What the run used is counted: the intent and reply calls, the review, the technical look-up.
    assert outcome.summary["budget"]["used"] == 4


async def test_the_guessed_work_the_run_uses_is_counted_in_its_budget():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], delay_s=0.05),
                      fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.summary["speculation"]["used"] == ["billing"]
    assert outcome.summary["budget"]["used"] == 3 + 6  # intent, reply, review; the six billing look-ups


async def test_a_guess_that_covers_part_of_a_multi_domain_label_is_used_for_that_part():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9, secondary=("technical",))]),
                      fallback=offline(intents=[intent("billing", 0.9)]))
    outcome = await harness.run(ctx_for("my invoice is wrong and the API returns 429"))
    assert outcome.summary["speculation"]["used"] == ["billing"]
    assert outcome.summary["workers"]["billing"]["ahead_of_intent"] is True
    assert "ahead_of_intent" not in outcome.summary["workers"]["technical"]
    assert {"billing", "technical"} <= set(harness.provider.calls_of("write_reply")[-1].facts)


async def test_an_llm_asking_for_a_person_ends_the_run_without_waiting_for_the_guessed_context():
    # The look-up would take 5 s; the handoff does not wait for it, and nothing is left running.
    ports = FakePorts(delay_s={"billing": 5.0})
    harness = Harness(provider=llm(intents=[intent("human", 0.95)]),
                      fallback=offline(intents=[intent("billing", 0.6)]), ports=ports)
    outcome = await asyncio.wait_for(harness.run(ctx_for("my invoice... no, just get me a person")), timeout=3)
    assert outcome.route == "handoff" and outcome.reply == HANDOFF_REPLIES["customer_asked"]
    assert outcome.summary["speculation"]["used"] == []
    [context] = _step(outcome, "context")
    assert context.status == "failed" and context.error.startswith("cancelled: the intent the run settled on")
    assert "workers" not in outcome.summary or outcome.summary["workers"] == {}


async def test_the_naive_baseline_gathers_context_only_after_the_intent():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)]), fallback=offline(intents=[intent("billing", 0.9)]),
                      config=OrchestratorConfig(pipeline="naive"))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    [llm_intent] = [s for s in _step(outcome, "intent", "llm") if s.model == "gpt-test"]
    [context] = _step(outcome, "context")
    assert context.input["ahead_of_intent"] is False and context.started_at >= llm_intent.finished_at
    assert "speculation" not in outcome.summary


class _SlowAnswerPorts(FakePorts):
    """Answers agents_may_reply only once the writer has started: proves the two overlap."""

    def __init__(self, writer_started: asyncio.Event, **kwargs):
        super().__init__(**kwargs)
        self.writer_started = writer_started

    async def agents_may_reply(self) -> bool:
        await asyncio.wait_for(self.writer_started.wait(), timeout=5)
        return await super().agents_may_reply()


def _writer_that_signals(started: asyncio.Event, text: str):
    def write(ctx, persona, notes):
        started.set()
        return text
    return write


async def test_the_reply_is_written_while_agents_may_reply_is_asked_and_streams_only_after_a_yes():
    started = asyncio.Event()
    reply = "Thanks for asking. Invoice NW-1003 failed because the card ending 4242 expired."
    ports = _SlowAnswerPorts(started, may_reply=[True])
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=[_writer_that_signals(started, reply)]),
                      fallback=offline(), ports=ports, config=OrchestratorConfig(host_checks_before_send=True))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.delivered is True and outcome.summary["agents_may_reply"] == {"before_reply": True}
    assert harness.events.streamed_text() == reply
    [ask] = _step(outcome, "conversation", "tool")
    [writer] = [s for s in _step(outcome, "resolver", "llm") if s.model == "gpt-test"]
    assert writer.started_at < ask.finished_at


async def test_a_no_while_the_reply_is_written_streams_nothing_and_keeps_the_reply_for_staff():
    started = asyncio.Event()
    ports = _SlowAnswerPorts(started, may_reply=[False])
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)],
                                   replies=[_writer_that_signals(started, "Thanks for asking. All good.")]),
                      fallback=offline(), ports=ports, config=OrchestratorConfig(host_checks_before_send=True))
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.delivered is False and outcome.reply == "Thanks for asking. All good."
    assert harness.events.of("assistant.delta") == []


ALICES_FACTS = {"billing": {"invoices": [{"number": "NW-1003", "amount": "29.00", "status": "failed"}],
                            "card": {"last4": "4242", "expired": True}}}


async def _stream(pieces: tuple[str, ...], message: str = "why did my payment fail?") -> list[str]:
    events = EventLog()
    gate = StreamGate(sink=events, run_id="r")
    gate.begin_draft(ctx_for(message, facts=ALICES_FACTS))
    released: list[str] = []
    for piece in pieces:
        await gate.delta(piece)
        released.append("".join(e["text"] for e in events.of("assistant.delta")))
    await gate.finish_draft()
    return [*released, "".join(e["text"] for e in events.of("assistant.delta"))]


async def test_plain_words_stream_as_they_come_not_a_sentence_later():
    released = await _stream(("Thanks ", "for getting ", "in touch, ", "Alice."))
    assert released[0] == "Thanks "  # the first word, with the model's first token
    assert released[2] == "Thanks for getting in touch, "
    assert released[-1] == "Thanks for getting in touch, Alice."


async def test_a_word_that_could_carry_a_figure_or_a_name_holds_the_rest_of_its_sentence_for_the_guard():
    # Alice's gathered facts hold no NW-9999 and no $12.00: the sentence that names them never shows.
    released = await _stream(("Your invoice ", "NW-9999 for ", "$12.00 ", "is paid. ", "Anything else?"))
    assert released[0] == "Your invoice "
    assert released[-1] == "Your invoice "  # the gate closed on the rest of the draft
    released = await _stream(("Sure, ", "Bob ", "Chen's card ", "is fine."))
    assert released[1] == "Sure, "  # "Bob" might be a name: held with its sentence


SAFE = ("Thanks for getting in touch. Invoice NW-1003 for $29.00 failed because the card ending 4242 expired.\n"
        "You can add a new card under Billing: we retry the payment once it's saved. Anything else?")
UNSAFE = "Sure, I can help. Your invoice NW-9999 for $12.00 was refunded. Anything else?"


def _pieces(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *sorted({c % (len(text) + 1) for c in cuts}), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=40))
async def test_however_a_reply_is_cut_into_pieces_what_streams_is_the_reply_and_never_an_ungrounded_figure(cuts):
    pieces = _pieces(SAFE, cuts)
    released = await _stream(tuple(pieces))
    assert released[-1] == SAFE  # alice's facts hold NW-1003, $29.00 and 4242
    assert all(SAFE.startswith(text) for text in released)
    for number in range(len(pieces)):
        received = "".join(pieces[:number + 1])
        ended = max((m.end() for m in re.finditer(r"[.!?:](?=\s)\s*|\n", received)), default=0)
        assert len(released[number]) >= ended  # a sentence goes out as soon as it has ended
    released = await _stream(tuple(_pieces(UNSAFE, cuts)))
    assert "NW-9999" not in released[-1] and "$12.00" not in released[-1]
    assert UNSAFE.startswith(released[-1])
