"""A message is searched again by rule after rule (the FAQ worker's reread, the writer's own look-ups): the index keeps
the scores of the last texts it scored (#9). The scores must be those a fresh search gives, a caller's changes to them
must not reach the next caller, and the memory must stay bounded in a long-running server."""

from __future__ import annotations

import threading

import numpy as np

from agents.follow_ups.leaning_back import leans_back
from agents.providers.offline import tfidf
from agents.providers.offline.faq import WORD_SETTINGS
from agents.providers.offline.tfidf import TfidfIndex

_DOCUMENTS = ["How do I reset my password?", "Where can I find my invoices?", "Which payment methods do you accept?"]


def _index() -> TfidfIndex:
    return TfidfIndex.build(_DOCUMENTS, WORD_SETTINGS)


def test_a_text_scored_again_gets_the_scores_a_fresh_index_gives():
    index = _index()
    first = index.similarities("reset my password")
    again = index.similarities("reset my password")
    fresh = _index().similarities("reset my password")
    assert np.array_equal(first, fresh) and np.array_equal(again, fresh)
    assert int(np.argmax(again)) == 0


def test_scores_changed_by_one_caller_do_not_reach_the_next():
    index = _index()
    scores = index.similarities("where are my invoices")
    expected = scores.copy()
    scores *= 0.0  # a caller scaling its scores in place
    assert np.array_equal(index.similarities("where are my invoices"), expected)


def test_the_texts_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(tfidf, "_RECENT_TEXTS", 4)
    index = _index()
    for n in range(10):
        index.similarities(f"invoice number {n}")
    assert len(index._recent) == 4
    assert list(index._recent) == [f"invoice number {n}" for n in range(6, 10)]


def test_searches_from_several_threads_at_once_all_get_their_own_scores():
    index = _index()
    texts = [f"password reset {n}" if n % 2 else f"pay by card {n}" for n in range(40)]
    expected = {text: _index().similarities(text) for text in texts}
    failures: list[str] = []

    def search(chunk: list[str]) -> None:
        for _ in range(20):
            for text in chunk:
                if not np.array_equal(index.similarities(text), expected[text]):
                    failures.append(text)

    threads = [threading.Thread(target=search, args=(texts[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_a_reading_of_a_message_kept_in_memory_still_reads_each_message_as_itself():
    # leans_back is kept per text (lru_cache): the same answers as before for a follow-up and a fresh question.
    assert leans_back("is it fixed yet?") and leans_back("is it fixed yet?")
    assert not leans_back("My deploy fails with a build timeout error, what should I check?")
    assert leans_back.cache_info().maxsize is not None  # bounded in a long-running server
