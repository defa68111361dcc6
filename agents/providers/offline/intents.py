"""The intent classifier: TF-IDF word and character n-grams into a multinomial logistic regression.

Logistic regression gives probabilities that track accuracy closely enough to threshold on, and
the whole pipeline is a few MB and a few ms a message. The model is trained by
`python manage.py train_intents` from agents/data/intents/examples.csv and loaded once per process.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from agents.context import INTENTS, Intent, IntentResult
from agents.providers.offline.text import normalise
from agents.providers.offline.training_data import DATA_DIR, Example

MODEL_PATH = DATA_DIR / "intent_model.joblib"
METADATA_PATH = DATA_DIR / "intent_model.json"

# Below this probability the top in-scope label is not trusted on its own; if the message also
# shares almost nothing with our domain's vocabulary it is treated as out of scope.
OOS_FLOOR = 0.45
# A clause's label joins the secondary labels when the clause alone is this sure about it.
SECONDARY_CLAUSE_CONFIDENCE = 0.55
# A label joins the secondary labels when the whole message gives it this much probability.
SECONDARY_WHOLE_PROBABILITY = 0.2
DOMAIN_LABELS: tuple[Intent, ...] = ("billing", "refund", "account", "technical", "human")


class IntentModelError(RuntimeError):
    """The shipped intent model is missing or was made by another scikit-learn version."""


def build_pipeline(*, c: float = 8.0) -> Pipeline:
    features = FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
        ("chars", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5),
                                  sublinear_tf=True, min_df=2, max_features=40000)),
    ])
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    return Pipeline([("features", features), ("model", model)])


def train(examples: list[Example], *, c: float = 8.0) -> Pipeline:
    pipeline = build_pipeline(c=c)
    pipeline.fit([e.text for e in examples], [e.label for e in examples])
    return pipeline


def save(pipeline: Pipeline, *, examples: list[Example], path: Path = MODEL_PATH,
         metadata_path: Path = METADATA_PATH) -> dict[str, Any]:
    metadata = {
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "labels": list(pipeline.classes_),
        "train_examples": len(examples),
        "training_data": "agents/data/intents/examples.csv (split=train)",
    }
    joblib.dump({"pipeline": pipeline, "metadata": metadata}, path, compress=3)
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    return metadata


def load(path: Path = MODEL_PATH, metadata_path: Path = METADATA_PATH) -> Pipeline:
    hint = "Run `python manage.py train_intents` to rebuild it from agents/data/intents/examples.csv."
    if not path.exists() or not metadata_path.exists():
        raise IntentModelError(f"The intent model {path} is missing. {hint}")
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    if metadata.get("sklearn_version") != sklearn.__version__:
        raise IntentModelError(
            f"The intent model was trained with scikit-learn {metadata.get('sklearn_version')} but "
            f"{sklearn.__version__} is installed; pickles do not carry across versions. {hint}"
        )
    try:
        bundle = joblib.load(path)
    except Exception as exc:  # a corrupt or foreign pickle: say what to do about it
        raise IntentModelError(f"The intent model {path} could not be loaded ({exc}). {hint}") from exc
    return bundle["pipeline"]


@dataclass(frozen=True)
class Prediction:
    label: Intent
    confidence: float
    probabilities: dict[str, float]


_CLAUSE_SPLIT = re.compile(r"[.?!;\n]+|,\s*(?:and|but|also)\b|\b(?:and|but|also|plus)\s+(?:i|my|we|our|the|it|can|how|why|what)\b",
                           re.IGNORECASE)


def split_clauses(text: str) -> list[str]:
    """Pieces of a message that may each ask something different ("my deploy failed and I was charged twice")."""
    pieces = [p.strip() for p in _CLAUSE_SPLIT.split(text) if p and len(p.strip().split()) >= 2]
    return pieces if len(pieces) > 1 else []


class IntentClassifier:
    """Predicts a label with a calibrated confidence, plus the other labels a message touches."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self.labels: list[str] = list(pipeline.classes_)
        words: TfidfVectorizer = pipeline.named_steps["features"].transformer_list[0][1]
        self._vocabulary = words.vocabulary_

    def predict_many(self, texts: list[str]) -> list[Prediction]:
        probabilities = self.pipeline.predict_proba(texts)
        return [self._prediction(text, row) for text, row in zip(texts, probabilities, strict=True)]

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def _prediction(self, text: str, row: np.ndarray) -> Prediction:
        by_label = {label: float(p) for label, p in zip(self.labels, row, strict=True)}
        label = max(by_label, key=by_label.__getitem__)
        confidence = by_label[label]
        if label != "out_of_scope" and confidence < OOS_FLOOR and self._known_word_share(text) < 0.5:
            # An unsure guess on a message made mostly of words we never saw: decline rather than guess.
            label, confidence = "out_of_scope", max(by_label["out_of_scope"], 1 - confidence)
        return Prediction(label=label, confidence=confidence, probabilities=by_label)  # type: ignore[arg-type]

    def _known_word_share(self, text: str) -> float:
        words = normalise(text).split()
        if not words:
            return 0.0
        return sum(1 for w in words if w in self._vocabulary) / len(words)

    def classify(self, text: str) -> IntentResult:
        clauses = split_clauses(text)
        predictions = self.predict_many([text, *clauses])
        whole, parts = predictions[0], predictions[1:]
        secondary: list[Intent] = []
        candidates = sorted(
            [(p.confidence, p.label) for p in parts if p.confidence >= SECONDARY_CLAUSE_CONFIDENCE]
            + [(prob, label) for label, prob in whole.probabilities.items() if prob >= SECONDARY_WHOLE_PROBABILITY],
            reverse=True,
        )
        for _, label in candidates:
            if label != whole.label and label in DOMAIN_LABELS and label not in secondary:
                secondary.append(label)  # type: ignore[arg-type]
        label = whole.label
        if label in ("general", "out_of_scope") and secondary and any(p.label == secondary[0] for p in parts):
            # A greeting or aside wrapped around a real question: the question is the intent.
            label, secondary = secondary[0], [s for s in secondary[1:]]
        return IntentResult(label=label, confidence=round(min(max(whole.confidence, 0.0), 1.0), 4),
                            secondary=secondary)


_lock = threading.Lock()
_classifier: IntentClassifier | None = None


def get_classifier() -> IntentClassifier:
    """The process-wide classifier, loaded on first use (never trained at start-up)."""
    global _classifier
    if _classifier is None:
        with _lock:
            if _classifier is None:
                _classifier = IntentClassifier(load())
    return _classifier


assert set(INTENTS) >= set(DOMAIN_LABELS)
