"""The FAQ search runs on every message, before any LLM call (#9). Whether an entry is "about something else"
compares the message's words with the entry's, typos included; asked of every entry on every search it became
most of an FAQ answer's CPU. The search asks it only of the entries it ranks and of those it looks past."""

from __future__ import annotations

import pytest

from agents.providers.offline.faq import OfflineFaqRetriever
from supportsite.knowledge.evaluation import demo_faq_facts


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> tuple[OfflineFaqRetriever, list[int]]:
    retriever = OfflineFaqRetriever(demo_faq_facts())
    checked: list[int] = []
    does_otherwise = retriever._does_otherwise

    def counting(asked: frozenset[str], index: int) -> bool:
        checked.append(index)
        return does_otherwise(asked, index)

    monkeypatch.setattr(retriever, "_does_otherwise", counting)
    return retriever, checked


@pytest.mark.parametrize("message", ["How do I reset my password?", "What are your support hours?",
                                     "Which payment methods do you accept?"])
def test_a_search_checks_only_the_entries_it_returns(counted, message):
    retriever, checked = counted
    matches = retriever.search(message, k=3)
    assert len(retriever.entries) > 10
    assert len(matches) == 3
    assert sorted(set(checked)) == sorted(checked), "an entry was checked twice"
    assert len(checked) == 3


def test_a_search_past_an_entry_about_something_else_checks_the_entries_it_looks_at(counted):
    retriever, checked = counted
    # The plan-change entry is the best worded, and about upgrading: the search looks past it.
    matches = retriever.search("switch me to yearly billing", k=3)
    assert len(checked) < len(retriever.entries)
    assert len(set(checked)) == len(checked)
    assert {m.question for m in matches} <= {retriever.entries[i].question for i in checked}
