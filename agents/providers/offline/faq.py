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
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import islice
from pathlib import Path

import numpy as np

from agents.facts import FaqFact
from agents.outcome import FaqMatch
from agents.plan_names import PLAN_KEYS
from agents.providers.offline.text import search_normalise, stem
from agents.providers.offline.tfidf import AnalyzerSettings, TfidfIndex
from agents.providers.offline.training_data import DATA_DIR

CALIBRATION_PATH = DATA_DIR / "faq_calibration.json"
WORD_WEIGHT = 0.6  # share of word similarity among the phrasings; the rest is character n-grams
# Share of the whole entry (answer and tags included) in the final similarity: it catches questions
# worded like the answer rather than like any phrasing.
ENTRY_WEIGHT = 0.3
# An entry whose match says it is about something else (OfflineFaqRetriever.mismatched) ranks after the others
# found, and its score is capped below every threshold the writer reads (FAQ_HOW_TO_FOR_VISITOR, 0.15, the
# lowest): it may be read for facts, never quoted as the answer.
MISMATCH_SCORE_CAP = 0.05
# How alike two words must be to count as one misspelt ("acount" and "account" are 0.92; "role" and "rule" 0.75).
SAME_WORD_RATIO = 0.8

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


# Words any question may hold whatever it is about: an entry that shares only these with a message, which
# names something else besides, is not about it ("how long does dns take" and "How long does a refund take
# to arrive?" share "how long … take"; "how do I change my username" and "How do I change the card I pay
# with?" share "change"). Stemmed, as _content_words leaves them. "When" and "much" stay out: "when are your
# agents online", "how much do you charge" are worded like nothing in their entries but those.
QUESTION_WORDS = frozenset(["how", "what", "whats", "where", "why", "which", "who"])
ACTION_WORDS = frozenset(stem(word) for word in [
    "change", "update", "switch", "move", "edit", "replace", "add", "create", "invite", "share", "remove",
    "delete", "revoke", "erase", "close", "enable", "disable", "make", "set", "up", "use", "get"])
# What a question may act on whatever it is about ("create an account", "account deletion").
GENERIC_OBJECTS = frozenset(["account"])
GENERIC_MATCH_WORDS = QUESTION_WORDS | ACTION_WORDS | GENERIC_OBJECTS | frozenset(stem(word) for word in [
    "can", "could", "long", "take", "takes", "many", "custom", "run", "new", "one", "need", "want", "have", "has", "not",
    "they", "them", "their", "he", "she", "his", "her", "us"])
# Words that ask without naming what about: "can you tell me why?" holds nothing an entry could be about. The API
# rate limits' phrasings hold all three ("why do I get 429", "how many API requests can I make"), so the search
# found it at 0.80 with every word covered, and after "my deploy failed" the rate limits were quoted as the reason.
ASKING_WORDS = QUESTION_WORDS | frozenset(stem(word) for word in [
    "can", "could", "tell", "explain", "know", "say", "mean", "happen", "happened", "help"])
# Plans qualify what is asked ("how many apps on pro?") and many entries name them in passing ("Free and Pro
# accounts can invite up to 3 members"): naming one is no sign an entry is about what was asked.
PLAN_WORDS = PLAN_KEYS | {"plan"}

# What a message asks to do to its subject, in three kinds that exclude each other: an entry on adding
# (inviting a member, turning 2FA on) does not answer how to remove, nor one on deleting how to create.
# Phrases first: "switch on" adds, "switch" alone changes.
ACTION_KINDS: dict[str, re.Pattern[str]] = {
    "add": re.compile(r"\b(?:(?:turn|switch)(?:ing|ed|s)?\s+(?:\w+\s+)?on|set\s+up|sign\s+up|signup|add|adds|adding|added"
                      r"|invit(?:e|es|ed|ing)|creat(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|connect\w*"
                      r"|enabl(?:e|es|ed|ing)|activat(?:e|es|ed|ing)|regist\w*)\b"),
    "remove": re.compile(r"\b(?:(?:turn|switch)(?:ing|ed|s)?\s+(?:\w+\s+)?off|get\s+rid|remov\w*|delet\w*|revok\w*"
                         r"|kick\w*|uninvit\w*|eras(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|disabl\w*|deactivat\w*"
                         r"|disconnect\w*)\b"),
    "change": re.compile(r"\b(?:chang\w*|updat\w*|switch\w*|edit\w*|replac\w*|renam\w*|modif\w*|mov(?:e|es|ed|ing))\b"),
}

PASSIVE = re.compile(r"\b(?:was|were|is|are|got|been|be|being|has|have|had)\s+\w+ed\b")


def action_kinds(text: str) -> frozenset[str]:
    """The kinds of action ("add", "remove", "change") text asks for, each phrase counted once."""
    # "My authenticator app was deleted" says what happened, not what to do.
    words = PASSIVE.sub(" ", search_normalise(text))
    kinds = set()
    for kind, pattern in ACTION_KINDS.items():
        if pattern.search(words):
            kinds.add(kind)
            words = pattern.sub(" ", words)
    return frozenset(kinds)


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


# Abbreviations the help centre spells out ("sign a data processing agreement on request").
SPELLED_OUT = {"dpa": "data processing agreement", "dpas": "data processing agreement"}


def _content_words(text: str) -> str:
    words = " ".join(SPELLED_OUT.get(w, w) for w in search_normalise(text).split()).split()
    return " ".join(stem(w) for w in words if w not in STOP_WORDS)


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
        phrasings = [[e.question, *e.alternatives] for e in self.entries]
        self._phrasing_vocab = [set(_content_words(" ".join(p)).split()) for p in phrasings]
        self._entry_actions = [frozenset().union(*(action_kinds(t) for t in p)) for p in phrasings]
        self._plans_asked_about = [set(_content_words(e.question).split()) & PLAN_KEYS for e in self.entries]

    def mismatch_check(self, text: str) -> Callable[[int], bool]:
        """Whether an entry's match with text rests on wording that says it is about something else, asked per
        entry and remembered: a search reads it for its top few entries only, and each check compares words."""
        words = set(_content_words(text).split())
        asked = action_kinds(text)
        plans = words & PLAN_KEYS
        known: dict[int, bool] = {}

        def about_something_else(index: int) -> bool:
            if index not in known:
                known[index] = (self._does_otherwise(asked, index) or self._about_otherwise(words, asked, index)
                                or self._about_another_plan(plans, index))
            return known[index]

        return about_something_else

    def _about_another_plan(self, plans: set[str], index: int) -> bool:
        """text names plans, and the entry is about another one and never mentions them ("whats included in
        pro" and "What's included in the Free plan?"). "Do pro apps sleep?" is the sleep entry's: its
        answer says Pro apps never sleep."""
        return bool(plans and self._plans_asked_about[index] and not plans & self._entry_vocab[index])

    def _does_otherwise(self, asked: frozenset[str], index: int) -> bool:
        """The entry tells how to do another thing than text asks to: adding where it asks to remove
        ("how do I remove a teammate" and inviting one), deleting where it asks to create."""
        offered = self._entry_actions[index]
        return bool(asked and offered and not asked & offered)

    def _about_otherwise(self, words: set[str], asked: frozenset[str], index: int) -> bool:
        """text shares only generic words with the entry's phrasings, names nothing the entry mentions, and
        says something the entry does not ("how long does dns take" and the refund's timing). Sharing a
        question word alone ("what roles are there" and "what plans are there"), the entry's answer cannot
        make up for it; sharing the action and its object ("remove my account and data", "Delete account")
        is about the entry whatever else text adds."""
        shared = words & self._phrasing_vocab[index]
        if not shared or not shared <= GENERIC_MATCH_WORDS:
            return False
        if asked & self._entry_actions[index] and shared & GENERIC_OBJECTS and not self._names_another_entrys(
                words, index):
            return False
        vocab = self._phrasing_vocab[index] if shared <= QUESTION_WORDS else self._entry_vocab[index]
        if any(_mentions(vocab, word) for word in words - GENERIC_MATCH_WORDS - PLAN_WORDS):
            return False  # "delte my account … what hapens to my apps?": the entry says what becomes of apps
        return any(not _mentions(vocab, word) for word in words)

    def _names_another_entrys(self, words: set[str], index: int) -> bool:
        """text names a thing the entry never mentions and another entry is asked about: "remove my card from
        my account" shares the action and "account" with deleting the account, and its card is the
        payment card's entry's."""
        unmentioned = {word for word in words - GENERIC_MATCH_WORDS - PLAN_WORDS
                       if not _mentions(self._entry_vocab[index], word)}
        return any(unmentioned & vocab for other, vocab in enumerate(self._phrasing_vocab) if other != index)

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
        about_something_else = self.mismatch_check(text)
        ranked = [int(index) for index in np.argsort(-sims)]
        if about_something_else(ranked[0]) and k > 1:
            # The best worded is about something else ("switch me to yearly billing" and how to upgrade): the
            # search looks past every such entry ("Business customers can also pay yearly …"), keeping that
            # one last for the writer to read ("how long until I see the money?" shares only "how long" with
            # the refund's timing, which a refund's reply still reads).
            best = [*islice((i for i in ranked if not about_something_else(i)), k - 1), ranked[0]]
        else:
            best = ranked[:k]
        # Those about something else come last, scored below every threshold: never quoted as the answer.
        order = [i for i in best if not about_something_else(i)] + [i for i in best if about_something_else(i)]
        top = float(sims[order[0]])
        second = float(sims[order[1]]) if len(order) > 1 else 0.0
        words = _content_words(text).split()
        names_nothing = not set(words) - ASKING_WORDS
        matches = []
        top_score = 1.0
        for rank, index in enumerate(order):
            entry = self.entries[index]
            sim = float(sims[index])
            # The top entry's score is the calibrated chance it is right; the others get the same
            # function of their own similarity with a negative margin. Their cover can still be the
            # higher ("can you email it to me?" shares "email" with the reset entry's answer), so
            # each is capped at the score above it: the ranking and the scores never disagree.
            margin = top - second if rank == 0 else sim - top
            score = min(top_score, round(self.calibration.probability(sim, margin, self._cover(words, index)), 4))
            if about_something_else(index) or names_nothing:
                score = min(score, MISMATCH_SCORE_CAP)
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


def _mentions(vocab: set[str], word: str) -> bool:
    """Whether vocab holds word: as it is, run on ("teammate" is "team"'s), or misspelt ("acount",
    "subscribtion": the character n-grams found the entry through the typo)."""
    return word in vocab or any(_same_word(word, known) for known in vocab)


@lru_cache(maxsize=65536)  # customers' words recur, and a ratio of two words costs a SequenceMatcher
def _same_word(word: str, known: str) -> bool:
    if len(known) >= 4 and (word.startswith(known) or known.startswith(word)):
        return True
    return (len(word) >= 4 and abs(len(word) - len(known)) <= 2 and word[0] == known[0]
            and SequenceMatcher(None, word, known).ratio() >= SAME_WORD_RATIO)


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
