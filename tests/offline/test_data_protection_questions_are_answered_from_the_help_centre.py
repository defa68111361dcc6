"""Data-protection questions (GDPR) are answered from the help centre's entries on deleting the account, exporting
the data and where data is stored, instead of "I don't have enough information": an erasure request is told how
to delete the account and its data, that nothing was deleted by the chat, and that a person can take it on; it
starts no action and hands nothing over unasked. Questions that only share the word "data" are left alone."""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

NOT_SURE = "I don't have enough information"
DELETE_STEPS = ("Go to **Settings → Account → Delete account**. Cancel any paid plan first; deleting removes your apps "
                "and data for good after a 7-day grace period, during which you can change your mind.")
EXPORT_STEPS = "Go to **Settings → Data → Export**."
WHERE_STORED = ("Your apps and their data stay in the region you choose (us-east, eu-west or ap-southeast). Account "
                "and billing data are stored in eu-west. We are GDPR compliant and sign a data processing agreement "
                "on request.")
REGIONS = "You can run apps in three regions: us-east (Virginia), eu-west (Ireland) and ap-southeast (Singapore)."
NOTHING_DELETED = "I can't delete your data from this chat, so nothing has been deleted."
OFFER_PERSON = "pass you to a person"
ERASURE_REQUESTS = ["please delete all my personal data (GDPR)", "I want my personal data erased",
                    "I'd like to exercise my right to erasure under GDPR", "can you delete my data for me?",
                    "right to be forgotten"]


def _cited(outcome) -> set[str]:
    return {source.title for source in outcome.sources if source.kind == "faq"}


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", "cus_carol", None])
@pytest.mark.parametrize("message", ERASURE_REQUESTS)
async def test_an_erasure_request_is_told_how_to_delete_the_account_and_data_with_a_person_offered(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert NOT_SURE not in outcome.reply, outcome.reply
    assert NOTHING_DELETED in outcome.reply and DELETE_STEPS in outcome.reply, outcome.reply
    assert EXPORT_STEPS in outcome.reply and OFFER_PERSON in outcome.reply, outcome.reply
    assert "is active, on the" not in outcome.reply, outcome.reply  # the account's state answers nothing here
    assert "How do I delete my account?" in _cited(outcome)


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob", "cus_carol", None])
@pytest.mark.parametrize("message", ERASURE_REQUESTS)
async def test_an_erasure_request_starts_no_action_and_hands_nothing_over(converse, customer, message):
    ports = FakePorts()
    (outcome,) = await converse(customer, message, ports=ports)
    assert outcome.route != "handoff" and outcome.handoff_reason is None, outcome
    assert outcome.actions == [] and ports.unlocked == [] and ports.refund_requests == []
    assert NOTHING_DELETED in outcome.reply, outcome.reply


async def test_an_erasure_request_under_gdpr_is_told_what_the_help_centre_says_about_gdpr(converse):
    (outcome,) = await converse("cus_bob", "please delete all my personal data (GDPR)")
    assert "We are GDPR compliant and sign a data processing agreement on request." in outcome.reply, outcome.reply
    # The sentence on GDPR, not the whole entry on where data is stored, which was not asked.
    assert "Your apps and their data stay in the region you choose" not in outcome.reply, outcome.reply


async def test_a_yes_to_the_person_offered_after_an_erasure_request_hands_over(converse):
    asked, yes = await converse("cus_bob", "please delete all my personal data (GDPR)", "yes please")
    assert asked.handoff_reason is None and NOTHING_DELETED in asked.reply and OFFER_PERSON in asked.reply, asked.reply
    assert yes.route == "handoff" and yes.handoff_reason == "customer_asked", yes


async def test_a_locked_customer_asking_for_erasure_is_told_to_get_back_in_first_and_nothing_is_unlocked(converse):
    ports = FakePorts()
    (outcome,) = await converse("cus_carol", "please delete all my personal data (GDPR)", ports=ports)
    assert "Your account (carol) is locked at the moment" in outcome.reply and DELETE_STEPS in outcome.reply, \
        outcome.reply
    assert outcome.actions == [] and ports.unlocked == []


@pytest.mark.parametrize("customer", ["cus_bob", None])
async def test_an_eu_region_for_gdpr_is_answered_with_where_data_is_stored_and_the_regions(converse, customer):
    (outcome,) = await converse(customer, "do you have an EU region for GDPR?")
    assert NOT_SURE not in outcome.reply, outcome.reply
    assert WHERE_STORED in outcome.reply and REGIONS in outcome.reply, outcome.reply
    assert {"Where is my data stored?", "Which regions can I deploy to?"} <= _cited(outcome)
    assert outcome.handoff_reason is None and outcome.actions == []


@pytest.mark.parametrize("customer", ["cus_alice", None])
async def test_data_kept_in_europe_is_answered_with_the_entry_on_where_data_is_stored(converse, customer):
    (outcome,) = await converse(customer, "is my data kept in europe?")
    assert outcome.reply == WHERE_STORED, outcome.reply


async def test_a_copy_of_the_data_asked_for_under_gdpr_is_answered_with_the_export_steps(converse):
    (outcome,) = await converse("cus_bob", "GDPR request: send me a copy of my data")
    assert EXPORT_STEPS in outcome.reply and NOT_SURE not in outcome.reply, outcome.reply
    assert "Delete account" not in outcome.reply and NOTHING_DELETED not in outcome.reply, outcome.reply


async def test_what_data_is_held_is_said_to_be_unlisted_with_the_export_to_get_a_copy(converse):
    (outcome,) = await converse(None, "what data do you hold about me?")
    assert "I don't have a list of the personal data we hold" in outcome.reply, outcome.reply
    assert EXPORT_STEPS in outcome.reply, outcome.reply


async def test_a_data_protection_question_the_help_centre_does_not_answer_gets_what_it_says_and_no_more(converse):
    (outcome,) = await converse(None, "do you have a data protection officer?")
    assert WHERE_STORED in outcome.reply, outcome.reply
    assert "That's all our help centre says about it" in outcome.reply and OFFER_PERSON in outcome.reply, \
        outcome.reply
    assert "officer" not in outcome.reply.lower(), outcome.reply  # nothing said of one, either way
    assert outcome.handoff_reason is None


# --- neighbours that must not change (they pass without the change too: they guard against it reaching further) ---


# "Can I sign a DPA?" is said yes to, on request, with a person to take it (the seventh walk's test file).
@pytest.mark.parametrize("message", ["where is my data stored", "are you GDPR compliant?", "is my data stored in the EU?"])
@pytest.mark.parametrize("customer", ["cus_alice", None])
async def test_where_data_is_stored_gdpr_and_a_dpa_are_still_answered_with_the_entry_alone(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply == WHERE_STORED, outcome.reply


async def test_exporting_the_data_is_still_answered_with_the_export_entry_alone(converse):
    (outcome,) = await converse("cus_bob", "export my data")
    assert outcome.reply.startswith(EXPORT_STEPS) and "Delete account" not in outcome.reply, outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", None])
@pytest.mark.parametrize("message", ["delete my account", "how do I delete my account?"])
async def test_deleting_the_account_still_gets_its_steps_alone(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply == DELETE_STEPS, outcome.reply


@pytest.mark.parametrize("customer", ["cus_alice", "cus_bob"])
async def test_removing_a_card_is_not_answered_with_deleting_the_account(converse, customer):
    (outcome,) = await converse(customer, "remove my card")
    assert "Delete account" not in outcome.reply and NOTHING_DELETED not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_carol", "is my data encrypted"), ("cus_carol", "do you use my data to train ai"),
    ("cus_alice", "how much data can I store"), ("cus_alice", "is there a data transfer limit?"),
    ("cus_alice", "my app lost data after deploy"), (None, "can other customers see my data"),
])
async def test_a_question_that_only_shares_the_word_data_is_not_answered_with_the_gdpr_entry(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert "GDPR" not in outcome.reply and "Delete account" not in outcome.reply, outcome.reply
    assert NOTHING_DELETED not in outcome.reply, outcome.reply


@pytest.mark.parametrize("message", ["will i lose my data if i delete my account", "will you delete my data if I cancel?"])
async def test_what_becomes_of_the_data_is_no_erasure_request(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert NOTHING_DELETED not in outcome.reply, outcome.reply
