"""Fit the intent classifier with scikit-learn and export it for the numpy runtime (intents.py).

Training only: `python manage.py train_intents` and the evaluation import this module, the server
never does. The export holds everything inference needs (each vectorizer's vocabulary, idf and
analyzer settings; the logistic regression's coefficients and intercepts) as plain arrays in an
.npz and settings in a .json, readable by any numpy and any scikit-learn version.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from agents.providers.offline.intents import (
    METADATA_PATH,
    MODEL_FORMAT,
    MODEL_PATH,
    PREPROCESSORS,
    file_digest,
)
from agents.providers.offline.text import normalise
from agents.providers.offline.tfidf import AnalyzerSettings
from agents.providers.offline.training_data import Example


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


def _preprocessor_name(vectorizer: TfidfVectorizer) -> str:
    for name, function in PREPROCESSORS.items():
        if vectorizer.preprocessor is function:
            return name
    raise ValueError(f"{vectorizer.preprocessor!r} is not in intents.PREPROCESSORS, so the runtime could not apply it")


def _settings(vectorizer: TfidfVectorizer) -> AnalyzerSettings:
    """The vectorizer's parameters, refusing any the numpy runtime does not reproduce."""
    unsupported = {
        "analyzer": vectorizer.analyzer not in ("word", "char_wb"), "tokenizer": vectorizer.tokenizer is not None,
        "stop_words": vectorizer.stop_words is not None, "strip_accents": bool(vectorizer.strip_accents),
        "use_idf": not vectorizer.use_idf, "smooth_idf": not vectorizer.smooth_idf,
        "binary": vectorizer.binary, "norm": vectorizer.norm not in ("l2", None),
    }
    if any(unsupported.values()):
        raise ValueError(f"the numpy runtime does not reproduce {[k for k, v in unsupported.items() if v]}")
    low, high = vectorizer.ngram_range
    return AnalyzerSettings(analyzer=vectorizer.analyzer, ngram_range=(low, high),
                            token_pattern=vectorizer.token_pattern, lowercase=vectorizer.lowercase,
                            sublinear_tf=vectorizer.sublinear_tf, norm=vectorizer.norm)


def export(pipeline: Pipeline, *, examples: list[Example], path: Path = MODEL_PATH,
           metadata_path: Path = METADATA_PATH) -> dict[str, Any]:
    """Write the fitted pipeline as arrays (path) and settings (metadata_path); return the settings."""
    model: LogisticRegression = pipeline.named_steps["model"]
    if len(model.classes_) <= 2:
        raise ValueError("the runtime applies a softmax, which is LogisticRegression's rule for 3+ classes only")
    arrays: dict[str, np.ndarray] = {"coef": model.coef_.astype(np.float64),
                                     "intercept": model.intercept_.astype(np.float64)}
    blocks = []
    for name, vectorizer in pipeline.named_steps["features"].transformer_list:
        by_index = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
        if [i for _, i in by_index] != list(range(len(by_index))):
            raise ValueError(f"the {name} vocabulary is not numbered 0..n-1")
        arrays[f"{name}_terms"] = np.array([term for term, _ in by_index], dtype=str)
        arrays[f"{name}_idf"] = vectorizer.idf_.astype(np.float64)
        blocks.append({"name": name, "preprocessor": _preprocessor_name(vectorizer),
                       "settings": _settings(vectorizer).to_json(), "features": len(by_index)})
    np.savez_compressed(path, **arrays)
    metadata = {
        "format": MODEL_FORMAT,
        "arrays": path.name,
        "arrays_sha256": file_digest(path),
        "labels": [str(label) for label in model.classes_],
        "blocks": blocks,
        "classifier": {"kind": "multinomial logistic regression", "probabilities": "softmax(coef @ x + intercept)",
                       "C": model.C, "class_weight": model.class_weight},
        "trained_with": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "train_examples": len(examples),
        "training_data": "agents/data/intents/examples.csv (split=train)",
    }
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    return metadata
