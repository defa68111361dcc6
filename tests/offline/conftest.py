"""Fixtures for the offline provider: the shipped model loaded once, the demo knowledge as facts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.facts import IncidentFact
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
