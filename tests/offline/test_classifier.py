from __future__ import annotations

import json

import pytest

from agents.providers.offline import intents


@pytest.mark.parametrize(("message", "label"), [
    ("why did my last payment fail?", "billing"),
    ("i was charged twice this month can i get my money back", "refund"),
    ("my acount is locked cant login", "account"),
    ("the api returns 500 in eu-west", "technical"),
    ("my build keeps timing out", "technical"),
    ("can I talk to a person", "human"),
    ("agent please", "human"),
    ("what's the weather like in paris today", "out_of_scope"),
    ("give me a lasagna recipe", "out_of_scope"),
    ("tell me a joke", "out_of_scope"),
    ("when did i last pay", "billing"),
    ("when will I get the money?", "refund"),
    ("I never got the reset email", "account"),
    ("what card do you have on file for me", "billing"),
    ("is 2fa on for my account", "account"),
])
def test_typical_messages_get_their_label(classifier, message, label):
    assert classifier.classify(message).label == label


def test_confidence_is_a_probability_and_high_on_a_clear_message(classifier):
    result = classifier.classify("how do I reset my password")
    assert 0.0 <= result.confidence <= 1.0
    assert result.confidence > 0.8


def test_a_two_part_question_reports_the_second_domain_as_secondary(classifier):
    result = classifier.classify("my deploy failed and I was charged twice")
    assert {result.label, *result.secondary} >= {"technical", "refund"}


def test_a_single_domain_question_has_no_secondary_label(classifier):
    assert classifier.classify("why did my last payment fail").secondary == []


@pytest.mark.parametrize("message", ["what about NW-1001?", "is NW-1002 paid", "and nw-1003", "NW-1001?"])
def test_a_message_that_names_an_invoice_is_about_billing_even_when_its_words_say_little(classifier, message):
    # The model alone reads these as out of scope: it has seen few invoice numbers.
    assert classifier.predict(message).label == "out_of_scope"
    result = classifier.classify(message)
    assert result.label == "billing" and 0.55 <= result.confidence <= intents.INVOICE_RULE_MAX_CONFIDENCE


def test_an_invoice_number_does_not_override_a_label_the_model_is_sure_of(classifier):
    assert classifier.classify("my deploy for NW-1001 failed with a build timeout").label == "technical"
    assert classifier.classify("refund NW-2002 please").label == "refund"


def test_a_missing_model_asks_for_train_intents(tmp_path):
    with pytest.raises(intents.IntentModelError, match="train_intents"):
        intents.load(tmp_path / "model.npz", tmp_path / "model.json")


def test_a_corrupt_model_file_asks_for_train_intents(tmp_path):
    model = tmp_path / "model.npz"
    model.write_bytes(b"not a model")
    metadata = tmp_path / "model.json"
    metadata.write_text(json.dumps({"format": intents.MODEL_FORMAT, "arrays_sha256": intents.file_digest(model),
                                    "labels": ["a"], "blocks": []}))
    with pytest.raises(intents.IntentModelError, match="train_intents"):
        intents.load(model, metadata)


def test_the_shipped_model_is_plain_arrays_with_its_settings_and_no_pickle():
    metadata = json.loads(intents.METADATA_PATH.read_text())
    assert metadata["format"] == intents.MODEL_FORMAT
    assert [b["name"] for b in metadata["blocks"]] == ["words", "chars"]
    assert intents.MODEL_PATH.suffix == ".npz"
    assert intents.MODEL_PATH.stat().st_size < 5_000_000
    assert not list(intents.MODEL_PATH.parent.glob("*.joblib"))


def test_every_training_example_says_where_it_came_from():
    from agents.providers.offline.training_data import read_examples

    examples = read_examples()
    assert examples and all(e.source and e.split in ("train", "test") for e in examples)
    assert {e.label for e in examples} == set(intents.INTENTS)
