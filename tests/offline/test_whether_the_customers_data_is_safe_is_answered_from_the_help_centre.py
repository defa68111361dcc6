""""Is my data safe with you?" and "how do you protect my data?" got "I don't have enough information": the help
centre's entry on where data is stored says we are GDPR compliant and sign a data processing agreement, which is
told, with what it doesn't say left to a person rather than guessed."""

from __future__ import annotations

import pytest

from agents.data_protection import data_protection_asked

COMPLIANT = "We are GDPR compliant and sign a data processing agreement on request."
NOT_SURE = "I don't have enough information"


@pytest.mark.parametrize(("customer", "message"), [
    (None, "is my data safe with you?"), ("cus_bob", "how do you protect my data?"), ("cus_alice", "is my data secure?"),
    (None, "how secure is my data?"),  # got "I don't have enough information"
])
async def test_whether_the_data_is_safe_gets_the_help_centres_entry_and_a_person_offered(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert COMPLIANT in outcome.reply and NOT_SURE not in outcome.reply, outcome.reply
    assert "pass you to a person" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "privacy"), [
    ("is my data safe with you?", True), ("how do you protect my data?", True), ("what about data security?", True),
    ("how secure is my data?", True), ("how safe is our information?", True),
    ("is my app safe to deploy on friday?", False), ("how much data can I store?", False),
    ("how secure is my password?", False),
])
def test_only_the_safety_of_the_customers_data_is_read_as_a_privacy_question(message, privacy):
    assert ("privacy" in data_protection_asked(message)) is privacy
