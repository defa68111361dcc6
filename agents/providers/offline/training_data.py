"""The intent training set: which public examples we ship, mapped to our labels, and where each came from.

`build_examples` draws a small, fixed sample from the public datasets in ../shared/datasets and adds
the hand-written Northwind examples; it writes agents/data/intents/examples.csv with the columns
text,label,source,split. The shipped model is trained from that CSV alone, so it can be reproduced
without the public datasets (`python manage.py train_intents`).

Hand-written rows come in two files. Those in northwind_handwritten.tsv are split with the public rows
by a seeded shuffle; those in northwind_handwritten_split.tsv carry their own split, so that adding
phrasings leaves every other row where it was and the figures before and after the addition are
measured on the same held-out rows (plus the new held-out ones).
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
INTENTS_DIR = DATA_DIR / "intents"
EXAMPLES_CSV = INTENTS_DIR / "examples.csv"
HANDWRITTEN_TSV = INTENTS_DIR / "northwind_handwritten.tsv"
HANDWRITTEN_SPLIT_TSV = INTENTS_DIR / "northwind_handwritten_split.tsv"

SEED = 13
TEST_SHARE = 0.2

# Bitext customer-support intents (e-commerce) that mean the same thing for an app-hosting service.
# Orders, delivery and shipping have no counterpart here and are left out rather than forced.
BITEXT_MAP = {
    "check_invoice": "billing", "get_invoice": "billing", "check_payment_methods": "billing",
    "payment_issue": "billing", "check_cancellation_fee": "billing",
    "check_refund_policy": "refund", "get_refund": "refund", "track_refund": "refund",
    "create_account": "account", "delete_account": "account", "edit_account": "account",
    "recover_password": "account", "registration_problems": "account", "switch_account": "account",
    "contact_human_agent": "human", "contact_customer_service": "human",
    "complaint": "general", "review": "general",
}
BITEXT_PER_INTENT = 40

# BANKING77 intents whose wording carries over to subscription billing (card payments, refunds, log-in).
BANKING77_MAP = {
    "card_payment_fee_charged": "billing", "declined_card_payment": "billing",
    "card_payment_not_recognised": "billing", "card_about_to_expire": "billing",
    "transaction_charged_twice": "refund", "request_refund": "refund", "refund_not_showing_up": "refund",
    "passcode_forgotten": "account", "terminate_account": "account", "edit_personal_details": "account",
}
BANKING77_PER_INTENT = 30

# CLINC150 domains with nothing to do with app hosting: everyday requests a support bot must decline.
# Banking, credit cards and meta are left out: too close to billing wording or to chat control.
CLINC_OOS_DOMAINS = ("kitchen_and_dining", "travel", "auto_and_commute", "home", "utility", "work", "small_talk")
CLINC_GENERAL_INTENTS = {"greeting": "general", "thank_you": "general", "goodbye": "general",
                         "what_can_i_ask_you": "general"}
CLINC_PER_INTENT = 8
CLINC_GENERAL_PER_INTENT = 15


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    source: str  # dataset/file#original_label
    split: str = "train"


def _sample(rows: list[tuple[str, str]], k: int, rng: random.Random) -> list[tuple[str, str]]:
    rows = sorted(set(rows))
    rng.shuffle(rows)
    return rows[:k]


def _bitext(datasets: Path, rng: random.Random) -> Iterable[Example]:
    path = datasets / "bitext_customer_support/intent_detection_8k/train.csv"
    by_intent: dict[str, list[tuple[str, str]]] = defaultdict(list)
    labels_of_text: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            labels_of_text[row["utterance"].strip().lower()].add(row["intent"])
            if row["intent"] in BITEXT_MAP:
                by_intent[row["intent"]].append((row["utterance"].strip(), row["intent"]))
    for intent in sorted(by_intent):
        # Drop texts Bitext files under several intents ("can you help me?"): they teach nothing.
        clean = [r for r in by_intent[intent] if len(labels_of_text[r[0].lower()]) == 1 and len(r[0].split()) > 2]
        for text, original in _sample(clean, BITEXT_PER_INTENT, rng):
            yield Example(text, BITEXT_MAP[original], f"bitext/intent_detection_8k/train.csv#{original}")


def _banking77(datasets: Path, rng: random.Random) -> Iterable[Example]:
    by_intent: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (datasets / "banking77/train.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["category"] in BANKING77_MAP:
                by_intent[row["category"]].append((row["text"].strip(), row["category"]))
    for intent in sorted(by_intent):
        for text, original in _sample(by_intent[intent], BANKING77_PER_INTENT, rng):
            yield Example(text, BANKING77_MAP[original], f"banking77/train.csv#{original}")


def _clinc(datasets: Path, rng: random.Random) -> Iterable[Example]:
    full = json.loads((datasets / "clinc150/data_full.json").read_text(encoding="utf-8"))
    domains = json.loads((datasets / "clinc150/domains.json").read_text(encoding="utf-8"))
    wanted = {intent for domain in CLINC_OOS_DOMAINS for intent in domains[domain]}
    by_intent: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for text, intent in full["train"]:
        if intent in wanted:
            by_intent[intent].append((text.strip(), intent))
    for intent in sorted(by_intent):
        if intent in CLINC_GENERAL_INTENTS:
            chosen = _sample(by_intent[intent], CLINC_GENERAL_PER_INTENT, rng)
            label = CLINC_GENERAL_INTENTS[intent]
        else:
            chosen = _sample(by_intent[intent], CLINC_PER_INTENT, rng)
            label = "out_of_scope"
        for text, original in chosen:
            yield Example(text, label, f"clinc150/data_full.json:train#{original}")
    for key in ("oos_train", "oos_val"):
        for text, _ in full[key]:
            yield Example(text.strip(), "out_of_scope", f"clinc150/data_full.json:{key}#oos")


def _handwritten() -> Iterable[Example]:
    with HANDWRITTEN_TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield Example(row["text"].strip(), row["label"], "northwind/handwritten")


def _handwritten_with_split() -> Iterable[Example]:
    with HANDWRITTEN_SPLIT_TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["split"] not in ("train", "test"):
                raise ValueError(f"{HANDWRITTEN_SPLIT_TSV.name}: {row['text']!r} has split {row['split']!r}, not train or test")
            yield Example(row["text"].strip(), row["label"], "northwind/handwritten_split", row["split"])


def _assign_splits(examples: list[Example], rng: random.Random) -> list[Example]:
    """A stratified held-out split by label and source, fixed by the seed."""
    groups: dict[tuple[str, str], list[Example]] = defaultdict(list)
    for example in examples:
        groups[(example.label, example.source.split("#")[0])].append(example)
    result: list[Example] = []
    for key in sorted(groups):
        group = groups[key]
        rng.shuffle(group)
        n_test = round(len(group) * TEST_SHARE)
        result += [Example(e.text, e.label, e.source, "test" if i < n_test else "train") for i, e in enumerate(group)]
    return result


def build_examples(datasets: Path) -> list[Example]:
    rng = random.Random(SEED)
    examples = [*_bitext(datasets, rng), *_banking77(datasets, rng), *_clinc(datasets, rng), *_handwritten()]
    seen: set[str] = set()
    drawn = _unique(examples, seen)
    # The rows with their own split come after the shuffle, which therefore draws what it drew before them.
    return [*_assign_splits(drawn, rng), *_unique(_handwritten_with_split(), seen)]


def _unique(examples: Iterable[Example], seen: set[str]) -> list[Example]:
    """The examples whose text (ignoring case) is not in seen, each once; seen gains their texts."""
    unique = []
    for example in examples:
        key = example.text.lower()
        if key not in seen:
            seen.add(key)
            unique.append(example)
    return unique


def write_examples(examples: list[Example], path: Path = EXAMPLES_CSV) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "source", "split"])
        for e in examples:
            writer.writerow([e.text, e.label, e.source, e.split])


def read_examples(path: Path = EXAMPLES_CSV) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Example(r["text"], r["label"], r["source"], r["split"]) for r in csv.DictReader(handle)]
