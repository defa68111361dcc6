"""The offline provider: a trained intent classifier, TF-IDF retrieval and a grounded reply writer.

It needs no network and no API key; every install falls back to it when the LLM fails.
"""

from agents.providers.offline.critic import review
from agents.providers.offline.faq import OfflineFaqRetriever, build_faq_retriever
from agents.providers.offline.intents import IntentModelError, get_classifier
from agents.providers.offline.kb import OfflineArticleRetriever, build_article_retriever, relevant_incident
from agents.providers.offline.provider import OfflineProvider

# The names the conversations engine builds its indexes with (<entity>_<action>, as in services).
faq_index_build = build_faq_retriever
article_index_build = build_article_retriever
incident_match = relevant_incident

__all__ = [
    "IntentModelError",
    "OfflineArticleRetriever",
    "OfflineFaqRetriever",
    "OfflineProvider",
    "article_index_build",
    "build_article_retriever",
    "build_faq_retriever",
    "faq_index_build",
    "get_classifier",
    "incident_match",
    "relevant_incident",
    "review",
]
