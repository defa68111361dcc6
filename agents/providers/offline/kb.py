"""Knowledge-base retrieval for the technical worker, and the incident a question is about."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from agents.facts import ArticleFact, IncidentFact
from agents.outcome import ArticleMatch
from agents.providers.offline.faq import CHAR_SETTINGS, WORD_SETTINGS, _content_words
from agents.providers.offline.text import normalise
from agents.providers.offline.tfidf import TfidfIndex

_STEP = re.compile(r"^\s*\d+[.)]\s+(.*\S)\s*$", re.MULTILINE)
WORD_WEIGHT = 0.6


def article_steps(body: str) -> list[str]:
    """The numbered steps of an article body, without their numbers."""
    return _STEP.findall(body)


STATUS_CODE = re.compile(r"\b[1-5]\d{2}\b")
STATUS_CODE_BONUS = 0.25


class OfflineArticleRetriever:
    """Implements the ArticleRetriever protocol: articles ranked by word and character TF-IDF."""

    def __init__(self, articles: Sequence[ArticleFact]):
        self.articles = list(articles)
        self._codes = [set(STATUS_CODE.findall(" ".join([a.title, *a.tags]))) for a in self.articles]
        # The title, summary and tags say what an article is about; the body adds the vocabulary.
        texts = [" ".join([a.title, a.title, a.summary, " ".join(a.tags), " ".join(a.tags), a.body])
                 for a in self.articles]
        self._words = self._chars = None
        if texts:
            # The numpy TF-IDF (tfidf.py): articles come from the database at run time.
            self._words = TfidfIndex.build(texts, WORD_SETTINGS, preprocessor=_content_words)
            self._chars = TfidfIndex.build(texts, CHAR_SETTINGS, preprocessor=_content_words)

    def search(self, text: str, *, k: int = 3) -> list[ArticleMatch]:
        if self._words is None or self._chars is None:
            return []
        sims = WORD_WEIGHT * self._words.similarities(text) + (1 - WORD_WEIGHT) * self._chars.similarities(text)
        # An HTTP status the customer quotes ("429", "503") names the problem more exactly than any
        # other word: an article whose title or tags carry that code ranks first.
        codes = set(STATUS_CODE.findall(text))
        if codes:
            sims = sims + np.array([STATUS_CODE_BONUS if codes & a_codes else 0.0 for a_codes in self._codes])
        order = np.argsort(-sims)[:k]
        return [
            ArticleMatch(slug=a.slug, title=a.title, summary=a.summary, url=a.url, score=round(float(sims[i]), 4),
                         steps=article_steps(a.body))
            for i in order
            if sims[i] > 0 and (a := self.articles[int(i)])
        ]


def build_article_retriever(articles: Sequence[ArticleFact]) -> OfflineArticleRetriever:
    return OfflineArticleRetriever(articles)


REGION_ALIASES: dict[str, tuple[str, ...]] = {
    "eu-west": ("eu-west", "eu west", "euwest", "europe", "european", "ireland", "dublin", "eu"),
    "us-east": ("us-east", "us east", "useast", "virginia", "america", "us"),
    "ap-southeast": ("ap-southeast", "ap southeast", "singapore", "asia", "apac"),
}
# Words that only come up when something is broken on the platform side.
OUTAGE_WORDS = frozenset(["down", "outage", "5xx", "500", "502", "503", "504", "unavailable", "unreachable", "degraded", "incident"])
# Symptoms that point at an incident only together with the component it affects ("API errors").
SYMPTOM_WORDS = frozenset(["error", "errors", "timeout", "timeouts", "timing", "slow", "latency", "failing", "fails", "failed"])
# A rate limit is the customer's own traffic, not an outage.
NOT_AN_OUTAGE = frozenset(["429", "rate", "limit", "limits", "throttled", "throttling", "quota"])
_GENERIC_TITLE_WORDS = frozenset(["elevated", "increased", "rates", "rate", "in", "on", "of", "the", "and", "for", "some", "partial"])


def regions_mentioned(text: str) -> set[str]:
    padded = f" {normalise(text).replace('-', ' ')} "
    found = set()
    for region, aliases in REGION_ALIASES.items():
        if any(f" {alias.replace('-', ' ')} " in padded for alias in aliases):
            found.add(region)
    return found


def _component_words(incident: IncidentFact) -> set[str]:
    source = " ".join(incident.components) if incident.components else incident.title
    words = set(normalise(source).split()) - SYMPTOM_WORDS - OUTAGE_WORDS - _GENERIC_TITLE_WORDS
    return {w for w in words if w not in REGION_ALIASES and len(w) > 2}


def relevant_incident(text: str, incidents: Sequence[IncidentFact]) -> IncidentFact | None:
    """The active incident the question is about, or None.

    Same region: yes. Another region named: no, whatever the symptom. No region named: yes when
    the message describes an outage (down, 5xx, unavailable) or a symptom of the affected
    component ("API errors", "api timing out").
    """
    words = set(normalise(text).split())
    asked_regions = regions_mentioned(text)
    for incident in incidents:
        if incident.status == "resolved":
            continue
        if asked_regions:
            if asked_regions & set(incident.regions):
                return incident
            continue
        if words & NOT_AN_OUTAGE:
            continue
        if words & OUTAGE_WORDS:
            return incident
        if words & _component_words(incident) and words & SYMPTOM_WORDS:
            return incident
    return None
