"""Fixtures for the offline provider: the shipped model loaded once, the demo knowledge as facts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.facts import IncidentFact
from agents.outcome import RunOutcome
from agents.providers.offline.faq import OfflineFaqRetriever
from agents.providers.offline.intents import IntentClassifier, get_classifier
from agents.providers.offline.kb import OfflineArticleRetriever
from supportsite.knowledge.evaluation import demo_article_facts, demo_faq_facts


@pytest.fixture(scope="session")
def classifier() -> IntentClassifier:
    return get_classifier()


@pytest.fixture(scope="session")
def faq_retriever() -> OfflineFaqRetriever:
    return OfflineFaqRetriever(demo_faq_facts())


@pytest.fixture(scope="session")
def kb_retriever() -> OfflineArticleRetriever:
    return OfflineArticleRetriever(demo_article_facts())


@pytest.fixture
def eu_west_incident() -> IncidentFact:
    return IncidentFact(reference="INC-1", title="Elevated API error rates in eu-west", status="investigating",
                        regions=("eu-west",), components=("api",), started_at=datetime(2026, 11, 24, 8, tzinfo=UTC))


@pytest.fixture
def converse(classifier, faq_retriever, kb_retriever):
    """Chat with the whole offline pipeline as a demo customer (or a visitor, customer=None): each message
    is answered in turn with the conversation so far as its history; returns every turn's outcome.

    One conversation (one call) keeps one set of ports across its turns, as the app's database does: a refund
    filed or an account unlocked in one turn is there in the next. Pass `ports=` to look at what was done
    (or to start from another state); separate calls never share state. Each turn is its own run, as in the
    app, so an action asked for again in a later turn reaches the ports under a new request key."""
    from agents.context import HistoryTurn, kinds_cited
    from agents.orchestrator import Orchestrator
    from agents.providers.offline import OfflineProvider, incident_match
    from tests.agents.fakes import EventLog, FakePorts, ctx_for

    provider = OfflineProvider(classifier)
    orchestrator = Orchestrator(provider=provider, fallback=provider, faq=faq_retriever, kb=kb_retriever,
                                incident_matcher=incident_match)

    async def chat(customer: str | None, *messages: str, ports: FakePorts | None = None,
                   channel: str = "web") -> list[RunOutcome]:
        conversation_ports = ports if ports is not None else FakePorts()
        history: list[HistoryTurn] = []
        outcomes = []
        for turn, message in enumerate(messages, start=1):
            ctx = ctx_for(message, customer, history=list(history), run_id=f"run-{turn}")
            ctx.channel = channel  # "api" and "a2a" conversations have no page to sign in on
            outcome = await orchestrator.run(ctx, ports=conversation_ports, sink=EventLog())
            # As the app's history has it: the reply with the kinds of source it cited.
            cited = kinds_cited(source.kind for source in outcome.sources)
            history += [HistoryTurn(role="user", text=message),
                        HistoryTurn(role="assistant", text=outcome.reply, cited=cited)]
            outcomes.append(outcome)
        return outcomes

    return chat
