"""The out-of-scope gate: the fixed scope reply yields to evidence that the message is ours after all.

An unsure out-of-scope label yields to an FAQ entry the retrieval is confident of, and any
out-of-scope label yields to an open incident the message speaks of; a sure label, or a message
with no such evidence, keeps the scope reply. Decided with a scripted provider, then over the
offline pipeline for the messages customers sent.
"""

from __future__ import annotations

import pytest

from agents.orchestrator import OUT_OF_SCOPE_REPLY, Orchestrator
from agents.outcome import FaqMatch, RunOutcome
from agents.providers.offline import OfflineProvider, incident_match
from agents.providers.offline.faq import OfflineFaqRetriever
from agents.providers.offline.intents import get_classifier
from agents.providers.offline.kb import OfflineArticleRetriever
from agents.providers.scripted import ScriptedProvider
from supportsite.knowledge.evaluation import demo_article_facts, demo_faq_facts
from tests.agents.fakes import EventLog, FakeFaq, FakePorts, Harness, ctx_for, intent, offline

RESET_LINK = FaqMatch(faq_id=1, question="How do I reset my password?",
                      answer="Use 'Forgot password'; the reset link works for one hour.", score=0.77)


def llm(**kwargs) -> ScriptedProvider:
    return ScriptedProvider(name="openai", model="gpt-test", **kwargs)


def _harness(label_confidence: float, *, faq: FakeFaq | None = None, ports: FakePorts | None = None,
             secondary: tuple[str, ...] = ()) -> Harness:
    label = intent("out_of_scope", label_confidence, secondary=secondary)
    return Harness(provider=llm(intents=[label], replies=["Written from the facts."]),
                   fallback=offline(intents=[label]), faq=faq or FakeFaq(), ports=ports or FakePorts(),
                   matcher=incident_match)


async def test_an_faq_entry_the_retrieval_is_confident_of_outweighs_an_unsure_out_of_scope_label():
    harness = _harness(0.88, faq=FakeFaq({"reset link": RESET_LINK}))
    outcome = await harness.run(ctx_for("how long does the reset link work"))
    assert outcome.reply != OUT_OF_SCOPE_REPLY and outcome.route == "resolver"
    assert outcome.intent.label == "general"
    assert outcome.summary["out_of_scope_yielded"]["why"].startswith("FAQ #1 at 0.77")
    [written] = harness.provider.calls_of("write_reply")
    assert written.facts["faq"]["matches"][0]["faq_id"] == 1  # the writer has the entry to answer from


async def test_a_sure_out_of_scope_label_keeps_the_scope_reply_whatever_the_faq_says():
    harness = _harness(0.93, faq=FakeFaq({"reset link": RESET_LINK}))
    outcome = await harness.run(ctx_for("how long does the reset link on your wifi router work"))
    assert outcome.reply == OUT_OF_SCOPE_REPLY and "out_of_scope_yielded" not in outcome.summary


async def test_a_weak_faq_match_does_not_overrule_an_out_of_scope_label():
    harness = _harness(0.7)  # FakeFaq answers anything it does not know with a 0.2 match
    outcome = await harness.run(ctx_for("write me a poem about the sea", customer=None))
    assert outcome.reply == OUT_OF_SCOPE_REPLY and harness.provider.calls_of("write_reply") == []
    assert ("active_incidents", "") not in harness.ports.calls  # no look-up without a word of an incident


@pytest.mark.parametrize(("message", "customer"), [
    ("the incident in eu-west, when will it be fixed?", "cus_alice"),
    ("is us-east affected by the incident?", "cus_bob"),
])
async def test_a_message_about_an_open_incident_is_answered_from_it_not_turned_away(message, customer):
    harness = _harness(0.8)
    outcome = await harness.run(ctx_for(message, customer=customer))
    assert outcome.reply != OUT_OF_SCOPE_REPLY and outcome.intent.label == "technical"
    assert "INC-2026-11-24" in outcome.summary["out_of_scope_yielded"]["why"]
    assert outcome.summary["workers"]["technical"]["status"] == "success"


async def test_an_incident_word_with_no_open_incident_keeps_the_scope_reply():
    ports = FakePorts()
    ports.active_incidents = _no_incidents  # type: ignore[method-assign]
    outcome = await _harness(0.8, ports=ports).run(ctx_for("the incident at my office party, any advice?"))
    assert outcome.reply == OUT_OF_SCOPE_REPLY


async def test_when_the_incidents_cannot_be_looked_up_the_scope_reply_stands_and_says_why():
    outcome = await _harness(0.8, ports=FakePorts(fail={"active_incidents"})).run(
        ctx_for("the incident in eu-west, when will it be fixed?"))
    assert outcome.reply == OUT_OF_SCOPE_REPLY
    assert any("incidents for the scope check" in f for f in outcome.fallbacks)


async def _no_incidents() -> list:
    return []


# ---------------------------------------------------------------------- over the offline pipeline

@pytest.fixture(scope="module")
def offline_orchestrator() -> Orchestrator:
    provider = OfflineProvider(get_classifier())
    return Orchestrator(provider=provider, fallback=provider, faq=OfflineFaqRetriever(demo_faq_facts()),
                        kb=OfflineArticleRetriever(demo_article_facts()), incident_matcher=incident_match)


async def _ask(orchestrator: Orchestrator, message: str, customer: str | None) -> RunOutcome:
    return await orchestrator.run(ctx_for(message, customer), ports=FakePorts(), sink=EventLog())


@pytest.mark.parametrize(("customer", "message", "says"), [
    ("cus_alice", "the incident in eu-west, when will it be fixed?", "Elevated API error rates in eu-west"),
    ("cus_bob", "is us-east affected by the incident?", "no active incident in us-east"),
    ("cus_alice", "how long does the reset link work", "one hour"),
])
async def test_questions_customers_asked_are_answered_not_turned_away(offline_orchestrator, customer, message, says):
    outcome = await _ask(offline_orchestrator, message, customer)
    assert outcome.reply != OUT_OF_SCOPE_REPLY
    assert says in outcome.reply


@pytest.mark.parametrize("message", [
    "what's the weather", "write me a poem", "what does a production assistant do",
    "how long does it take to get your yellow belt in karate", "is there an internet outage in my area",
])
async def test_questions_about_something_else_are_still_declined(offline_orchestrator, message):
    outcome = await _ask(offline_orchestrator, message, None)
    assert outcome.reply == OUT_OF_SCOPE_REPLY or outcome.reply.startswith("Sorry, that's outside what I can help")
