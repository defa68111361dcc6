"""The numpy runtime gives scikit-learn's numbers, and the server's import path never loads scikit-learn.

These tests may import scikit-learn: it stays a dependency for training and evaluation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer as SklearnTfidf

from agents.providers.offline import intent_training, intents
from agents.providers.offline.faq import CHAR_SETTINGS, ENTRY_SETTINGS, WORD_SETTINGS, _content_words
from agents.providers.offline.text import normalise
from agents.providers.offline.tfidf import AnalyzerSettings, TfidfVectorizer, char_wb_ngrams, word_ngrams
from agents.providers.offline.training_data import read_examples
from supportsite.knowledge.evaluation import demo_article_facts, demo_faq_facts

PROJECT = Path(__file__).resolve().parents[2]
QUERIES = [
    "forgot pw need a new one", "why did my last payment fail?", "i was charged twice!! refund pls",
    "the api returns 500 in eu-west", "Café crème — naïve résumé", "   lots   of    spaces  ", "a", "",
    "how do i add a custom domain with https", "my deploy failed and I was charged twice", "2fa lost phone",
]


@pytest.fixture(scope="module")
def held_out() -> list[str]:
    return [e.text for e in read_examples() if e.split == "test"]


@pytest.fixture(scope="module")
def sklearn_pipeline():
    """The intent pipeline fitted by scikit-learn from the recorded training split, as train_intents does."""
    return intent_training.train([e for e in read_examples() if e.split == "train"])


def _sklearn_vectorizer(settings: AnalyzerSettings, preprocessor) -> SklearnTfidf:
    return SklearnTfidf(preprocessor=preprocessor, analyzer=settings.analyzer, ngram_range=settings.ngram_range,
                        sublinear_tf=settings.sublinear_tf, norm=settings.norm)


def test_the_numpy_runtime_gives_sklearns_probabilities_on_the_held_out_set(sklearn_pipeline, held_out, tmp_path):
    model_path, metadata_path = tmp_path / "model.npz", tmp_path / "model.json"
    intent_training.export(sklearn_pipeline, examples=[], path=model_path, metadata_path=metadata_path)
    runtime = intents.load(model_path, metadata_path)
    texts = [*held_out, *QUERIES]
    expected = sklearn_pipeline.predict_proba(texts)
    got = runtime.predict_proba(texts)
    assert runtime.labels == list(sklearn_pipeline.classes_)
    assert np.abs(expected - got).max() < 1e-6


def test_the_shipped_model_is_what_train_intents_makes_from_the_recorded_data(sklearn_pipeline, held_out):
    shipped = intents.load()
    expected = sklearn_pipeline.predict_proba(held_out)
    got = shipped.predict_proba(held_out)
    # Looser than the runtime check above: another BLAS may round the solver's last digits differently.
    assert np.abs(expected - got).max() < 1e-3
    assert (expected.argmax(axis=1) == got.argmax(axis=1)).all()


@pytest.mark.parametrize("analyzer_settings", [WORD_SETTINGS, CHAR_SETTINGS, ENTRY_SETTINGS,
                                      AnalyzerSettings(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
                                      AnalyzerSettings(analyzer="word", ngram_range=(2, 3), sublinear_tf=False)],
                         ids=["faq-words", "faq-chars", "faq-entries", "intent-chars", "bigrams-trigrams-raw-tf"])
def test_a_tfidf_fitted_with_numpy_equals_sklearns_on_the_faq_and_articles(analyzer_settings):
    settings = analyzer_settings
    documents = [p for f in demo_faq_facts() for p in (f.question, *f.alternatives)]
    documents += [f"{a.title} {a.summary} {a.body}" for a in demo_article_facts()]
    reference = _sklearn_vectorizer(settings, _content_words)
    expected_rows = reference.fit_transform(documents).toarray()
    ours, rows = TfidfVectorizer.fit(documents, settings, preprocessor=_content_words)
    assert ours.vocabulary == reference.vocabulary_
    assert np.abs(ours.idf - reference.idf_).max() < 1e-12
    for expected, (indices, values) in zip(expected_rows, rows, strict=True):
        dense = np.zeros(ours.n_features)
        dense[indices] = values
        assert np.abs(dense - expected).max() < 1e-12
    for query in QUERIES:
        dense = np.zeros(ours.n_features)
        indices, values = ours.transform(query)
        dense[indices] = values
        assert np.abs(dense - reference.transform([query]).toarray().ravel()).max() < 1e-12, query


def test_the_analyzers_split_text_exactly_as_sklearns(sklearn_pipeline):
    words, chars = (v for _, v in sklearn_pipeline.named_steps["features"].transformer_list)
    for text in QUERIES:
        assert word_ngrams(words.build_tokenizer()(normalise(text)), (1, 2)) == words.build_analyzer()(text)
        assert char_wb_ngrams(normalise(text), (2, 5)) == chars.build_analyzer()(text)
    plain = SklearnTfidf(analyzer="word", ngram_range=(1, 3)).build_analyzer()
    ours = TfidfVectorizer(AnalyzerSettings(ngram_range=(1, 3)), {}, np.zeros(0)).analyze
    for text in QUERIES:
        assert ours(text) == plain(text), text  # no preprocessor: lowercasing applies, as in scikit-learn


def test_the_faq_retriever_ranks_with_the_same_similarities_as_sklearn_would():
    from agents.providers.offline.faq import ENTRY_WEIGHT, WORD_WEIGHT, OfflineFaqRetriever

    entries = demo_faq_facts()
    texts = [p for e in entries for p in (e.question, *e.alternatives)]
    owners = np.array([i for i, e in enumerate(entries) for _ in (e.question, *e.alternatives)])
    entry_texts = [" ".join([e.question, *e.alternatives, e.answer, *e.tags]) for e in entries]
    words, chars, whole = (_sklearn_vectorizer(s, _content_words) for s in (WORD_SETTINGS, CHAR_SETTINGS, ENTRY_SETTINGS))
    word_matrix, char_matrix, entry_matrix = (words.fit_transform(texts), chars.fit_transform(texts),
                                              whole.fit_transform(entry_texts))
    retriever = OfflineFaqRetriever(entries)
    for query in QUERIES:
        blended = (WORD_WEIGHT * (word_matrix @ words.transform([query]).T).toarray().ravel()
                   + (1 - WORD_WEIGHT) * (char_matrix @ chars.transform([query]).T).toarray().ravel())
        best = np.zeros(len(entries))
        np.maximum.at(best, owners, blended)
        expected = (1 - ENTRY_WEIGHT) * best + ENTRY_WEIGHT * (entry_matrix @ whole.transform([query]).T).toarray().ravel()
        assert np.abs(retriever.similarities(query) - expected).max() < 1e-9, query


def test_the_servers_offline_path_never_imports_scikit_learn_scipy_or_joblib():
    script = (
        "import sys\n"
        "from agents.providers.offline import get_classifier, build_faq_retriever, build_article_retriever\n"
        "from supportsite.knowledge.demo_content import FAQS\n"
        "get_classifier().classify('i was charged twice')\n"
        "from agents.facts import FaqFact\n"
        "build_faq_retriever([FaqFact(id=1, question='How do I reset my password?', answer='Use the link.')])"
        ".search('forgot pw')\n"
        "build_article_retriever([]).search('dns')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy', 'joblib'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_model_in_an_older_format_asks_for_train_intents(tmp_path):
    model, metadata = tmp_path / "model.npz", tmp_path / "model.json"
    np.savez(model, coef=np.zeros((1, 1)))
    metadata.write_text('{"sklearn_version": "1.5.0"}')
    with pytest.raises(intents.IntentModelError, match="train_intents"):
        intents.load(model, metadata)


def test_arrays_that_do_not_match_their_settings_ask_for_train_intents(sklearn_pipeline, tmp_path):
    model, metadata = tmp_path / "model.npz", tmp_path / "model.json"
    intent_training.export(sklearn_pipeline, examples=[], path=model, metadata_path=metadata)
    np.savez(model, coef=np.zeros((1, 1)))  # replaced after the settings were written
    with pytest.raises(intents.IntentModelError, match="train_intents"):
        intents.load(model, metadata)
