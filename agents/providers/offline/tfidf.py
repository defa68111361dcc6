"""TF-IDF with numpy and the standard library only, equal to scikit-learn's TfidfVectorizer.

Importing scikit-learn (and scipy) costs seconds, more than the server may take to start, so the
runtime never imports it: the intent model is fitted with scikit-learn at training time and exported
to plain arrays (see intent_export.py), and the FAQ and knowledge-base indexes, which are built from
the database at run time, are fitted here. The analyzers reproduce scikit-learn's exactly (word
n-grams over `token_pattern`, `char_wb` n-grams padded at word edges) and so do the weights
(smoothed idf, optional sublinear tf, l2 norm); tests/offline/test_numpy_runtime.py proves it
against scikit-learn.

Vectors are sparse: a pair of arrays (feature indices, values). A fitted index keeps its documents
column by column (an inverted index), so a query touches only the documents that share its terms.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

# scikit-learn's defaults, kept so an exported model reads the same way.
DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_WHITE_SPACES = re.compile(r"\s\s+")

Preprocessor = Callable[[str], str]
SparseVector = tuple[np.ndarray, np.ndarray]  # (int64 feature indices, float64 values), indices unique


@dataclass(frozen=True)
class AnalyzerSettings:
    """How text becomes terms: the subset of TfidfVectorizer's parameters our models use."""

    analyzer: Literal["word", "char_wb"] = "word"
    ngram_range: tuple[int, int] = (1, 1)
    token_pattern: str = DEFAULT_TOKEN_PATTERN
    # As in scikit-learn, lowercasing applies only when no preprocessor is given.
    lowercase: bool = True
    sublinear_tf: bool = False
    norm: Literal["l2"] | None = "l2"

    def to_json(self) -> dict[str, Any]:
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range), "token_pattern": self.token_pattern,
                "lowercase": self.lowercase, "sublinear_tf": self.sublinear_tf, "norm": self.norm}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> AnalyzerSettings:
        low, high = raw["ngram_range"]
        return cls(analyzer=raw["analyzer"], ngram_range=(int(low), int(high)), token_pattern=raw["token_pattern"],
                   lowercase=bool(raw["lowercase"]), sublinear_tf=bool(raw["sublinear_tf"]), norm=raw["norm"])


def word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn's _word_ngrams without stop words: unigrams first, then each longer n in order."""
    min_n, max_n = ngram_range
    if max_n == 1:
        return tokens
    grams = list(tokens) if min_n == 1 else []
    first = max(min_n, 2)
    for n in range(first, min(max_n + 1, len(tokens) + 1)):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn's _char_wb_ngrams: n-grams inside each word padded with one space either side."""
    text = _WHITE_SPACES.sub(" ", text)
    min_n, max_n = ngram_range
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        length = len(padded)
        for n in range(min_n, max_n + 1):
            offset = 0
            grams.append(padded[offset:offset + n])
            while offset + n < length:
                offset += 1
                grams.append(padded[offset:offset + n])
            if offset == 0:  # a word shorter than n is counted once, as scikit-learn does
                break
    return grams


@dataclass
class Analyzer:
    settings: AnalyzerSettings
    preprocessor: Preprocessor | None = None
    _token: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._token = re.compile(self.settings.token_pattern)

    def __call__(self, text: str) -> list[str]:
        if self.preprocessor is not None:
            text = self.preprocessor(text)
        elif self.settings.lowercase:
            text = text.lower()
        if self.settings.analyzer == "char_wb":
            return char_wb_ngrams(text, self.settings.ngram_range)
        return word_ngrams(self._token.findall(text), self.settings.ngram_range)


_RECENT_TEXTS = 256


class TfidfVectorizer:
    """A fitted vocabulary and idf that turn a text into an l2-normalised sparse TF-IDF vector."""

    def __init__(self, settings: AnalyzerSettings, vocabulary: dict[str, int], idf: np.ndarray,
                 *, preprocessor: Preprocessor | None = None):
        self.settings = settings
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float64)
        self.analyze = Analyzer(settings, preprocessor)

    @property
    def n_features(self) -> int:
        return len(self.idf)

    @classmethod
    def fit(cls, texts: Sequence[str], settings: AnalyzerSettings, *,
            preprocessor: Preprocessor | None = None) -> tuple[TfidfVectorizer, list[SparseVector]]:
        """Fit on texts (min_df=1, smoothed idf, as scikit-learn's defaults) and return their vectors too."""
        analyze = Analyzer(settings, preprocessor)
        counts = [Counter(analyze(text)) for text in texts]
        document_frequency: Counter[str] = Counter()
        for terms in counts:
            document_frequency.update(terms.keys())
        # scikit-learn numbers the vocabulary in sorted order; cosine similarities do not depend on it,
        # but keeping it makes vectors comparable index by index in the equivalence test.
        vocabulary = {term: index for index, term in enumerate(sorted(document_frequency))}
        df = np.array([document_frequency[t] for t in sorted(document_frequency)], dtype=np.float64)
        idf = np.log((len(texts) + 1) / (df + 1)) + 1.0
        vectorizer = cls(settings, vocabulary, idf, preprocessor=preprocessor)
        return vectorizer, [vectorizer._weigh(terms) for terms in counts]

    def transform(self, text: str) -> SparseVector:
        return self._weigh(Counter(self.analyze(text)))

    def _weigh(self, terms: Counter[str]) -> SparseVector:
        known = [(self.vocabulary[t], c) for t, c in terms.items() if t in self.vocabulary]
        if not known:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        known.sort()
        indices = np.fromiter((i for i, _ in known), dtype=np.int64, count=len(known))
        tf = np.fromiter((c for _, c in known), dtype=np.float64, count=len(known))
        if self.settings.sublinear_tf:
            tf = np.log(tf) + 1.0
        values = tf * self.idf[indices]
        if self.settings.norm == "l2":
            length = math.sqrt(float(values @ values))
            if length > 0.0:
                values = values / length
        return indices, values


class InvertedIndex:
    """Document vectors stored by term, so similarity to a query costs only its shared terms."""

    def __init__(self, rows: Sequence[SparseVector], n_features: int):
        self.n_documents = len(rows)
        if rows:
            features = np.concatenate([indices for indices, _ in rows])
            values = np.concatenate([vals for _, vals in rows])
            documents = np.repeat(np.arange(len(rows), dtype=np.int64), [len(indices) for indices, _ in rows])
        else:
            features = documents = np.zeros(0, dtype=np.int64)
            values = np.zeros(0, dtype=np.float64)
        order = np.argsort(features, kind="stable")  # column by column, documents in order within each
        self._documents = documents[order]
        self._values = values[order]
        self._starts = np.concatenate([[0], np.cumsum(np.bincount(features, minlength=n_features))]).astype(np.int64)

    def dot(self, query: SparseVector) -> np.ndarray:
        """Each document's dot product with the query (its cosine similarity, both being l2-normalised).

        All the query terms' postings are gathered at once and summed with one bincount: a
        Python loop with np.add.at per term cost ~1 ms a query with character n-grams, the
        largest single item of an FAQ answer's CPU (#9). Each document's products are added
        in the same term order as before, so the sums are bit-for-bit the same.
        """
        indices, weights = query
        starts = self._starts[indices]
        lengths = self._starts[indices + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(self.n_documents, dtype=np.float64)
        # Positions start..end-1 of every query term, concatenated term by term.
        run_starts = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions = run_starts + np.arange(total, dtype=np.int64)
        products = self._values[positions] * np.repeat(weights, lengths)
        return np.bincount(self._documents[positions], weights=products, minlength=self.n_documents)


@dataclass
class TfidfIndex:
    """A vectorizer fitted on documents plus their inverted index: the retrievers' building block."""

    vectorizer: TfidfVectorizer
    index: InvertedIndex
    # The last texts scored, with their scores: a message is searched again by rule after rule (the FAQ worker's
    # reread, the writer's own look-ups), and each search of the same words gives the same scores (#9).
    _recent: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict, init=False, repr=False)
    # A search may also come from a thread (an admin page's preview) while the event loop searches.
    _recent_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @classmethod
    def build(cls, texts: Sequence[str], settings: AnalyzerSettings, *,
              preprocessor: Preprocessor | None = None) -> TfidfIndex:
        vectorizer, rows = TfidfVectorizer.fit(texts, settings, preprocessor=preprocessor)
        return cls(vectorizer, InvertedIndex(rows, vectorizer.n_features))

    def similarities(self, text: str) -> np.ndarray:
        with self._recent_lock:
            if (known := self._recent.get(text)) is not None:
                self._recent.move_to_end(text)
                return known.copy()  # a caller may scale its scores in place
        scores = self.index.dot(self.vectorizer.transform(text))
        with self._recent_lock:
            self._recent[text] = scores
            if len(self._recent) > _RECENT_TEXTS:
                self._recent.popitem(last=False)
        return scores.copy()
