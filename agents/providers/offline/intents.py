"""The intent classifier: TF-IDF word and character n-grams into a multinomial logistic regression.

Logistic regression gives probabilities that track accuracy closely enough to threshold on. The model
is fitted with scikit-learn by `python manage.py train_intents` (intent_training.py) and exported as
plain arrays (agents/data/intent_model.npz) plus their settings (agents/data/intent_model.json). The
runtime here needs numpy and the standard library only: importing scikit-learn and scipy would take
seconds of the server's start-up, and a pickle would tie the model to one scikit-learn version.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from agents.about_service import NAMES_OUR_REGION
from agents.clauses import split_clauses
from agents.context import INTENTS, Intent, IntentResult
from agents.own_data import reports_cannot_sign_in, reports_hosted_sign_in_trouble
from agents.providers.offline.grounding import INVOICE
from agents.providers.offline.reply_base import SEND_BY_EMAIL
from agents.providers.offline.text import normalise
from agents.providers.offline.tfidf import AnalyzerSettings, Preprocessor, TfidfVectorizer
from agents.providers.offline.training_data import DATA_DIR

MODEL_PATH = DATA_DIR / "intent_model.npz"
METADATA_PATH = DATA_DIR / "intent_model.json"
# Bumped when the layout of the exported files changes; a model in another format is rebuilt, not guessed at.
MODEL_FORMAT = "northwind-intent-tfidf-logreg/1"
# Preprocessors are recorded by name in the exported model: functions cannot be stored without a pickle.
PREPROCESSORS: dict[str, Preprocessor] = {"normalise": normalise}

# Below this probability the top in-scope label is not trusted on its own; if the message also
# shares almost nothing with our domain's vocabulary it is treated as out of scope.
OOS_FLOOR = 0.45
# A clause's label joins the secondary labels when the clause alone is this sure about it.
SECONDARY_CLAUSE_CONFIDENCE = 0.55
# A label joins the secondary labels when the whole message gives it this much probability.
SECONDARY_WHOLE_PROBABILITY = 0.2
DOMAIN_LABELS: tuple[Intent, ...] = ("billing", "refund", "account", "technical", "human")
# A message that names an invoice (NW-1003) is about billing or a refund; the label this rule
# chooses is never surer than this.
INVOICE_RULE_MAX_CONFIDENCE = 0.9
# "Email me a receipt", "can you email me my invoice?": a billing document, asked for by email. The model
# reads the email as an account question; what the customer wants is the invoice. Sure of the domain,
# not of the reading: below the orchestrator's 0.95, so an LLM still gives its own label.
BILLING_DOCUMENT = re.compile(r"\b(?:invoices?|receipts?|bills?|statements?)\b", re.IGNORECASE)
DOCUMENT_BY_EMAIL_CONFIDENCE = 0.8
# "My site has been broken for 2 days and nobody helps. Worst hosting ever": angry words the model
# has mostly seen off topic, about the service itself. A message naming the customer's site, app,
# hosting, deploys or bill is never out of scope; the likeliest domain takes it, as unsure as it was.
NAMES_THE_SERVICE = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:site|website|app|apps|application|deploys?|deployments?|server|domain|bill|invoice|"
    r"account|subscription|plan)\b|\byour\s+(?:hosting|service|support)\b|\bworst\s+hosting\b", re.IGNORECASE)
SERVICE_DOMAINS: tuple[Intent, ...] = ("billing", "refund", "account", "technical")
# "What's the status of the eu-west incident?": how a region is running, which the incident rules read (and the status
# page's entry answers when none is open), not where it is.
ASKS_HOW_IT_RUNS = re.compile(r"\b(?:incidents?|status|outages?|down|degraded|affected|up)\b", re.IGNORECASE)

# Only a message that reports trouble with it, and only when the model is not sure: "write me a poem
# about my website" names a site and is still off topic.
OUT_OF_SCOPE_OVERRIDDEN_BELOW = 0.85
REPORTS_TROUBLE = re.compile(
    r"\b(?:broken|down|not\s+working|doesn'?t\s+work|errors?|fail\w*|crash\w*|slow|wrong|ridiculous|worst|terrible|"
    r"unacceptable|useless|nobody\s+helps|no\s+one\s+helps)\b", re.IGNORECASE)


class IntentModelError(RuntimeError):
    """The shipped intent model is missing, damaged, or in a format this code does not read."""


@dataclass(frozen=True)
class FeatureBlock:
    """One TF-IDF vectorizer of the feature union, and where its columns start in the coefficients."""

    name: str
    vectorizer: TfidfVectorizer
    offset: int


class IntentModel:
    """The exported pipeline: feature blocks side by side, then a softmax over linear scores."""

    def __init__(self, *, labels: list[str], blocks: list[FeatureBlock], coef: np.ndarray, intercept: np.ndarray):
        self.labels = labels
        self.blocks = blocks
        self.coef = coef  # (labels, features)
        self.intercept = intercept

    @property
    def word_vocabulary(self) -> dict[str, int]:
        return self.blocks[0].vectorizer.vocabulary

    def decision(self, text: str) -> np.ndarray:
        scores = self.intercept.copy()
        for block in self.blocks:
            indices, values = block.vectorizer.transform(text)
            if indices.size:
                scores += self.coef[:, indices + block.offset] @ values
        return scores

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """One row of label probabilities per text, as LogisticRegression.predict_proba (softmax)."""
        if not texts:
            return np.zeros((0, len(self.labels)))
        scores = np.vstack([self.decision(text) for text in texts])
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(path: Path = MODEL_PATH, metadata_path: Path = METADATA_PATH) -> IntentModel:
    hint = "Run `python manage.py train_intents` to rebuild it from agents/data/intents/examples.csv."
    if not path.exists() or not metadata_path.exists():
        raise IntentModelError(f"The intent model {path} is missing. {hint}")
    try:
        metadata: dict[str, Any] = json.loads(metadata_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise IntentModelError(f"The intent model's settings {metadata_path} are not JSON ({exc}). {hint}") from exc
    if metadata.get("format") != MODEL_FORMAT:
        raise IntentModelError(
            f"The intent model is in format {metadata.get('format')!r}; this code reads {MODEL_FORMAT!r}. {hint}")
    if metadata.get("arrays_sha256") != file_digest(path):
        # The two files are written together; apart, the vocabulary would not match the coefficients.
        raise IntentModelError(f"The intent model {path} does not match {metadata_path.name}. {hint}")
    try:
        with np.load(path, allow_pickle=False) as arrays:
            blocks, offset = [], 0
            for block in metadata["blocks"]:
                name = block["name"]
                terms = arrays[f"{name}_terms"].tolist()
                settings = AnalyzerSettings.from_json(block["settings"])
                vectorizer = TfidfVectorizer(settings, {t: i for i, t in enumerate(terms)}, arrays[f"{name}_idf"],
                                             preprocessor=PREPROCESSORS[block["preprocessor"]])
                blocks.append(FeatureBlock(name, vectorizer, offset))
                offset += vectorizer.n_features
            coef = np.asarray(arrays["coef"], dtype=np.float64)
            intercept = np.asarray(arrays["intercept"], dtype=np.float64)
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise IntentModelError(f"The intent model {path} could not be read ({exc!r}). {hint}") from exc
    if coef.shape != (len(metadata["labels"]), offset):
        raise IntentModelError(f"The intent model {path} has {coef.shape} coefficients for {offset} features. {hint}")
    return IntentModel(labels=list(metadata["labels"]), blocks=blocks, coef=coef, intercept=intercept)


@dataclass(frozen=True)
class Prediction:
    label: Intent
    confidence: float
    probabilities: dict[str, float]


class IntentClassifier:
    """Predicts a label with a calibrated confidence, plus the other labels a message touches."""

    def __init__(self, model: IntentModel):
        self.model = model
        self.labels: list[str] = list(model.labels)
        self._vocabulary = model.word_vocabulary

    def predict_many(self, texts: list[str]) -> list[Prediction]:
        probabilities = self.model.predict_proba(texts)
        return [self._prediction(text, row) for text, row in zip(texts, probabilities, strict=True)]

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def _prediction(self, text: str, row: np.ndarray) -> Prediction:
        by_label = {label: float(p) for label, p in zip(self.labels, row, strict=True)}
        label = max(by_label, key=by_label.__getitem__)
        confidence = by_label[label]
        if label != "out_of_scope" and confidence < OOS_FLOOR and self._known_word_share(text) < 0.5:
            # An unsure guess on a message made mostly of words we never saw: decline rather than guess,
            # no surer than the guess was. (1 - the guess's probability made "wil i lose my apps?" out of
            # scope at 0.74 when account led at 0.26, sure enough to override the conversation it follows.)
            label, confidence = "out_of_scope", max(by_label["out_of_scope"], confidence)
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
        label, confidence = whole.label, whole.confidence
        if label in ("general", "out_of_scope") and secondary and any(p.label == secondary[0] for p in parts):
            # A greeting or aside wrapped around a real question: the question is the intent.
            label, secondary = secondary[0], [s for s in secondary[1:]]
        if label in ("general", "out_of_scope") and INVOICE.search(text.upper()):
            # "what about NW-1001?": the model has seen few invoice numbers, and the words around one
            # say little. A message that names an invoice is about billing or a refund; the model's
            # probabilities decide which, and how sure that choice is.
            billing, refund = whole.probabilities["billing"], whole.probabilities["refund"]
            label = "refund" if refund > billing else "billing"
            # Capped: a label this rule chose is never sure enough to spare an LLM its own look
            # (the orchestrator trusts a local label only from 0.95).
            confidence = min(max(billing, refund) / (billing + refund) if billing + refund > 0 else 0.5,
                             INVOICE_RULE_MAX_CONFIDENCE)
            secondary = [s for s in secondary if s != label]
        elif (label == "out_of_scope" and confidence < OUT_OF_SCOPE_OVERRIDDEN_BELOW and NAMES_THE_SERVICE.search(text)
              and REPORTS_TROUBLE.search(text)):
            label = max(SERVICE_DOMAINS, key=lambda d: whole.probabilities.get(d, 0.0))
            confidence = whole.probabilities.get(label, 0.0)
            secondary = [s for s in secondary if s != label]
        elif label in ("technical", "general", "out_of_scope") and reports_cannot_sign_in(text):
            # "Login not working", "I'm having trouble logging in": the customer's own sign-in to Northwind (not their
            # app's users': reports_cannot_sign_in leaves those out), which the account's facts and entries answer.
            # Read as technical, a visitor was told "I don't have a guide that fits this".
            label, confidence = "account", max(whole.probabilities.get("account", 0.0), 0.5)
            secondary = [s for s in secondary if s not in ("account", "technical")]
        elif label in ("account", "general", "out_of_scope") and reports_hosted_sign_in_trouble(text):
            # "My users can't log in to my app": their app's sign-in, not their Northwind account, whose state was told.
            label, confidence = "technical", max(whole.probabilities.get("technical", 0.0), 0.5)
            secondary = [s for s in secondary if s not in ("account", "technical")]
        elif label == "out_of_scope" and NAMES_OUR_REGION.search(text) and not ASKS_HOW_IT_RUNS.search(text):
            # "Where is ap-southeast?", "is us-east in the US?": read as geography (off topic), but a region named is
            # one of ours, where apps run; as unsure as the model was of hosting.
            label, confidence = "technical", max(whole.probabilities.get("technical", 0.0), 0.5)
            secondary = [s for s in secondary if s != label]
        elif label in ("account", "general", "out_of_scope") and SEND_BY_EMAIL.search(text) and BILLING_DOCUMENT.search(text):
            label, confidence = "billing", DOCUMENT_BY_EMAIL_CONFIDENCE
            secondary = [s for s in secondary if s not in ("billing", "account")]
        return IntentResult(label=label, confidence=round(min(max(confidence, 0.0), 1.0), 4),
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
