"""FAQ retrieval: word and character TF-IDF over each entry's question and alternative phrasings.

The index is built from the database at run time, so its TF-IDF is the numpy one (tfidf.py): the
server never imports scikit-learn.

The raw similarity is turned into a probability that the top entry is the right one by a small
logistic model fitted on held-out paraphrases (agents/data/faq_eval.jsonl, split "calibration") and
stored in agents/data/faq_calibration.json. The index rebuilds in a few milliseconds, so staff edits
can rebuild it on the spot.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from agents.facts import FaqFact
from agents.outcome import FaqMatch
from agents.providers.offline.text import search_normalise, stem
from agents.providers.offline.tfidf import AnalyzerSettings, TfidfIndex
from agents.providers.offline.training_data import DATA_DIR

CALIBRATION_PATH = DATA_DIR / "faq_calibration.json"
WORD_WEIGHT = 0.6  # share of word similarity among the phrasings; the rest is character n-grams
# Share of the whole entry (answer and tags included) in the final similarity: it catches questions
# worded like the answer rather than like any phrasing.
ENTRY_WEIGHT = 0.3

# Words that carry no meaning for matching; question words (how, when, why) stay: they tell
# "how do refunds work" from "when will I get my refund".
# The same analyzers as scikit-learn's TfidfVectorizer(ngram_range=(1, 2)) and (analyzer="char_wb",
# ngram_range=(3, 5)), with sublinear tf and l2 norm.
WORD_SETTINGS = AnalyzerSettings(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
CHAR_SETTINGS = AnalyzerSettings(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
ENTRY_SETTINGS = AnalyzerSettings(analyzer="word", ngram_range=(1, 1), sublinear_tf=True)

STOP_WORDS = frozenset(
    ["a", "an", "the", "i", "me", "my", "we", "our", "you", "your", "is", "are", "am", "be", "do", "does", "did", "would", "should", "will", "to", "of", "for", "in", "on", "at", "it", "this", "that", "there", "please", "so", "and", "or", "if", "with", "just",
     "actually", "instead", "also", "anyway", "okay", "ok"]
)


@dataclass(frozen=True)
class Calibration:
    """p(top entry is right) = sigmoid(bias + w_top * similarity + w_margin * (top - second) + w_cover * cover).

    cover is the share of the message's content words that the entry's text contains: a message
    about "my account status" shares "status" with the status-page entry, but not "account".
    """

    bias: float = -9.0
    w_top: float = 10.0
    w_margin: float = 5.0
    w_cover: float = 3.0

    def probability(self, top: float, margin: float, cover: float) -> float:
        z = self.bias + self.w_top * top + self.w_margin * margin + self.w_cover * cover
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path = CALIBRATION_PATH) -> Calibration:
        if not path.exists():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(bias=raw["bias"], w_top=raw["w_top"], w_margin=raw["w_margin"], w_cover=raw["w_cover"])


def _content_words(text: str) -> str:
    return " ".join(stem(w) for w in search_normalise(text).split() if w not in STOP_WORDS)


class OfflineFaqRetriever:
    """Implements the FaqRetriever protocol over a list of FAQ entries."""

    def __init__(self, entries: Sequence[FaqFact], *, calibration: Calibration | None = None):
        self.entries = list(entries)
        self.calibration = calibration or Calibration.load()
        texts: list[str] = []
        owners: list[int] = []
        for index, entry in enumerate(self.entries):
            for phrasing in (entry.question, *entry.alternatives):
                texts.append(phrasing)
                owners.append(index)
        self._owners = np.array(owners, dtype=int)
        self._words = self._chars = self._entry_words = None
        if texts:
            self._words = TfidfIndex.build(texts, WORD_SETTINGS, preprocessor=_content_words)
            self._chars = TfidfIndex.build(texts, CHAR_SETTINGS, preprocessor=_content_words)
            entry_texts = [" ".join([e.question, *e.alternatives, e.answer, *e.tags]) for e in self.entries]
            self._entry_words = TfidfIndex.build(entry_texts, ENTRY_SETTINGS, preprocessor=_content_words)
            self._entry_vocab = [set(_content_words(t).split()) for t in entry_texts]

    def similarities(self, text: str) -> np.ndarray:
        """Best similarity of text to each entry's phrasings, in entry order."""
        if self._words is None or self._chars is None or self._entry_words is None:
            return np.zeros(0)
        blended = WORD_WEIGHT * self._words.similarities(text) + (1 - WORD_WEIGHT) * self._chars.similarities(text)
        best = np.zeros(len(self.entries))
        np.maximum.at(best, self._owners, blended)
        entry_sim = self._entry_words.similarities(text)
        return (1 - ENTRY_WEIGHT) * best + ENTRY_WEIGHT * entry_sim

    def search(self, text: str, *, k: int = 3) -> list[FaqMatch]:
        sims = self.similarities(text)
        if sims.size == 0:
            return []
        order = np.argsort(-sims)[:k]
        top = float(sims[order[0]])
        second = float(sims[order[1]]) if len(order) > 1 else 0.0
        words = _content_words(text).split()
        matches = []
        top_score = 1.0
        for rank, index in enumerate(order):
            entry = self.entries[int(index)]
            sim = float(sims[index])
            # The top entry's score is the calibrated chance it is right; the others get the same
            # function of their own similarity with a negative margin. Their cover can still be the
            # higher ("can you email it to me?" shares "email" with the reset entry's answer), so
            # each is capped at the score above it: the ranking and the scores never disagree.
            margin = top - second if rank == 0 else sim - top
            score = min(top_score, round(self.calibration.probability(sim, margin, self._cover(words, int(index))), 4))
            top_score = score
            matches.append(FaqMatch(faq_id=entry.id, question=entry.question, answer=entry.answer, score=score))
        return matches

    def _cover(self, words: list[str], index: int) -> float:
        if not words:
            return 0.0
        # A one-word message is weak evidence however well it matches: count it as half covered.
        return sum(1 for w in words if w in self._entry_vocab[index]) / max(len(words), 2)

    def features(self, text: str) -> tuple[int, tuple[float, float, float]]:
        """The top entry's index and (similarity, margin to the second, cover): what calibration fits on."""
        sims = self.similarities(text)
        order = np.argsort(-sims)
        top = int(order[0])
        second = float(sims[order[1]]) if len(order) > 1 else 0.0
        return top, (float(sims[top]), float(sims[top]) - second, self._cover(_content_words(text).split(), top))


def build_faq_retriever(entries: Sequence[FaqFact]) -> OfflineFaqRetriever:
    return OfflineFaqRetriever(entries)


def calibration_samples(entries: Sequence[FaqFact], *, paraphrases: Sequence[tuple[str, int | None]] = (),
                        unrelated: Sequence[str] = ()) -> tuple[list[tuple[float, float, float]], list[int]]:
    """Calibration features and whether the top entry was right, for fitting the calibration.

    Three kinds of evidence: each alternative phrasing asked of an index built without it
    (leave-one-out), hand-written paraphrases (entry index or None when no entry answers them),
    and unrelated messages that no entry answers.
    """
    features: list[tuple[float, float, float]] = []
    correct: list[int] = []
    for index, entry in enumerate(entries):
        for held_out in entry.alternatives:
            reduced = [*entries[:index], entry.model_copy(update={"alternatives": tuple(
                a for a in entry.alternatives if a != held_out)}), *entries[index + 1:]]
            top, values = OfflineFaqRetriever(reduced, calibration=Calibration()).features(held_out)
            features.append(values)
            correct.append(int(top == index))
    retriever = OfflineFaqRetriever(entries, calibration=Calibration())
    for text, expected in [*paraphrases, *((t, None) for t in unrelated)]:
        top, values = retriever.features(text)
        features.append(values)
        correct.append(int(expected is not None and top == expected))
    return features, correct


def fit_calibration(features: list[tuple[float, float, float]], correct: list[int]) -> Calibration:
    from sklearn.linear_model import LogisticRegression  # training time only: never on the server's path

    # Weak regularisation: two features and hundreds of samples; a flat curve would never reach 0.9.
    model = LogisticRegression(C=100.0).fit(np.array(features), np.array(correct))
    return Calibration(bias=float(model.intercept_[0]), w_top=float(model.coef_[0][0]),
                       w_margin=float(model.coef_[0][1]), w_cover=float(model.coef_[0][2]))


FAQ_EVAL_PATH = DATA_DIR / "faq_eval.jsonl"


def faq_eval_rows(path: Path = FAQ_EVAL_PATH) -> list[dict]:
    """Hand-written paraphrases: {"text", "faq": the entry's question or null, "split": calibration|test}."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def calibrate(entries: Sequence[FaqFact], *, unrelated: Sequence[str], path: Path = CALIBRATION_PATH) -> Calibration:
    """Fit the calibration on the "calibration" paraphrases, leave-one-out phrasings and unrelated
    messages, and store it. The "test" paraphrases stay unseen for the evaluation."""
    index_of = {entry.question: i for i, entry in enumerate(entries)}
    paraphrases = [(row["text"], index_of.get(row["faq"]) if row["faq"] else None)
                   for row in faq_eval_rows() if row["split"] == "calibration"]
    features, correct = calibration_samples(entries, paraphrases=paraphrases, unrelated=unrelated)
    calibration = fit_calibration(features, correct)
    path.write_text(json.dumps({
        "bias": calibration.bias, "w_top": calibration.w_top, "w_margin": calibration.w_margin,
        "w_cover": calibration.w_cover, "samples": len(correct), "positives": int(sum(correct)),
        "fitted_on": "faq_eval.jsonl split=calibration, leave-one-out alternatives, out_of_scope training examples",
    }, indent=2) + "\n", encoding="utf-8")
    return calibration
