from __future__ import annotations

import numpy as np
import pytest

from agents.providers.offline.kb import article_steps, relevant_incident
from agents.providers.offline.tfidf import InvertedIndex
from supportsite.knowledge.evaluation import demo_faq_facts, evaluate_faq


def test_a_paraphrase_finds_its_faq_entry(faq_retriever):
    best = faq_retriever.search("forgot pw need a new one")[0]
    assert best.question == "How do I reset my password?"


def test_an_unrelated_message_never_gets_a_confident_faq_answer(faq_retriever):
    for text in ("whats the weather in paris", "why did my last payment fail", "my deploy failed with exit code 1"):
        assert faq_retriever.search(text)[0].score < 0.9, text


def test_faq_scores_are_ordered_and_within_zero_and_one(faq_retriever):
    matches = faq_retriever.search("how much does the pro plan cost", k=3)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_rebuilt_faq_index_answers_with_a_staff_edit():
    # Staff edit entries in the admin and every process rebuilds its index from the new facts
    # (supportsite.conversations.engine); the rebuilt index must find the edited wording.
    from agents.providers.offline.faq import OfflineFaqRetriever

    entries = demo_faq_facts()
    question = "How do I add team members?"
    before = OfflineFaqRetriever(entries).search("give my accountant read-only access")[0]
    edited = [e.model_copy(update={"alternatives": (*e.alternatives, "give my accountant read-only access")})
              if e.question == question else e for e in entries]
    after = OfflineFaqRetriever(edited).search("give my accountant read-only access")[0]
    assert after.question == question
    assert after.score > before.score


def test_a_lower_ranked_faq_entry_never_scores_above_the_one_ranked_over_it(faq_retriever):
    # "can you email it to me?" matches the email-change entry best, but shares "email" with the
    # reset entry's answer: its cover alone once put the second entry's score far above the first's.
    for text in ("can you email it to me?", "can I change my email address?", "how much does the pro plan cost"):
        scores = [m.score for m in faq_retriever.search(text, k=3)]
        assert scores == sorted(scores, reverse=True), (text, scores)


def test_shortcut_answers_above_the_threshold_are_right_on_held_out_paraphrases():
    figures = evaluate_faq()
    assert figures["faq_shortcut_precision"] >= 0.98
    assert figures["faq_shortcut_coverage"] >= 0.6


def test_an_empty_faq_gives_no_matches():
    from agents.providers.offline.faq import OfflineFaqRetriever

    assert OfflineFaqRetriever([]).search("anything") == []


def test_articles_are_ranked_with_titles_and_steps(kb_retriever):
    matches = kb_retriever.search("getting 429 too many requests from the api")
    assert matches[0].slug == "api-rate-limits-429"
    assert matches[0].title == "API rate limits and HTTP 429"
    assert matches[0].steps and "Retry-After" in matches[0].steps[0]


def test_numbered_steps_are_read_from_an_article_body():
    assert article_steps("Intro\n\n1. First do this.\n2. Then that.\n") == ["First do this.", "Then that."]


def test_the_incident_is_picked_for_its_region_or_symptom(eu_west_incident):
    assert relevant_incident("api calls fail in eu-west", [eu_west_incident]) is eu_west_incident
    assert relevant_incident("the api is timing out", [eu_west_incident]) is eu_west_incident
    assert relevant_incident("is the site down?", [eu_west_incident]) is eu_west_incident


def test_the_incident_is_not_blamed_for_another_region_or_a_rate_limit(eu_west_incident):
    assert relevant_incident("is us-east having problems? my app returns 502", [eu_west_incident]) is None
    assert relevant_incident("getting 429 too many requests from the api", [eu_west_incident]) is None
    assert relevant_incident("my build fails with an error", [eu_west_incident]) is None


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("i get 429 errors from ur api all the time", "api-rate-limits-429"),
        ("my app returns 503 since this morning", "api-errors-5xx"),
    ],
)
def test_a_quoted_http_status_picks_the_article_about_that_status(kb_retriever, question, slug):
    assert kb_retriever.search(question, k=3)[0].slug == slug


def test_the_inverted_index_scores_every_document_as_the_dense_dot_product_does():
    rng = np.random.default_rng(7)
    n_features = 400
    rows = []
    for _ in range(60):
        size = int(rng.integers(0, 40))  # some documents share no term with anything
        rows.append((np.sort(rng.choice(n_features, size, replace=False)), rng.random(size)))
    dense = np.zeros((len(rows), n_features))
    for document, (indices, values) in enumerate(rows):
        dense[document, indices] = values
    index = InvertedIndex(rows, n_features)
    for _ in range(20):
        indices = np.sort(rng.choice(n_features, int(rng.integers(1, 80)), replace=False))
        weights = rng.random(len(indices))
        query = np.zeros(n_features)
        query[indices] = weights
        assert np.allclose(index.dot((indices, weights)), dense @ query, rtol=0, atol=1e-12)
    assert index.dot((np.zeros(0, dtype=np.int64), np.zeros(0))).tolist() == [0.0] * len(rows)
    assert InvertedIndex([], n_features).dot((np.array([3]), np.array([1.0]))).size == 0


def test_words_that_only_steer_the_conversation_do_not_dilute_an_faq_match(faq_retriever):
    # "actually … instead" once left the downgrade entry at 0.07, below what the writer offers at all.
    from agents.providers.offline.reply_base import FAQ_PLAUSIBLE

    for text in ("actually, can I downgrade instead?", "okay, and can I also downgrade?"):
        best = faq_retriever.search(text)[0]
        assert best.question == "How do I downgrade my plan?", text
        assert best.score >= FAQ_PLAUSIBLE, (text, best.score)


@pytest.mark.parametrize("text", ["does ssl cost extra?", "is there an additional fee for https?",
                                  "will a tls certificate cost me extra?"])
def test_asking_whether_something_costs_extra_finds_the_entry_saying_whether_it_is_included(faq_retriever, text):
    # "Cost" alone finds the plans' prices; the entry says "is https included", "is tls free".
    from agents.providers.offline.reply_base import FAQ_CONFIDENT

    best = faq_retriever.search(text)[0]
    assert best.question == "Do you provide SSL certificates?" and best.score >= FAQ_CONFIDENT, (text, best)
    # A price comparison is still a question about prices.
    assert faq_retriever.search("does the business plan cost more?")[0].question.startswith("What plans do you offer")


@pytest.mark.parametrize("text", ["is annual billing cheaper?", "do you offer an annual plan?",
                                  "can I be billed annually?"])
def test_annual_billing_finds_the_entry_about_paying_yearly(faq_retriever, text):
    found = [match.question for match in faq_retriever.search(text, k=3)]
    assert "Which payment methods do you accept?" in found, (text, found)


def test_the_search_wording_leaves_the_intent_models_normalisation_as_it_was_fitted():
    from agents.providers.offline.text import normalise, search_normalise

    assert normalise("does https cost extra for annual billing?") == "does tls cost extra for annual billing"
    assert search_normalise("does https cost extra for annual billing?") == "does tls included for pay yearly"
