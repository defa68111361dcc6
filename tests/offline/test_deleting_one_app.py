"""Asking how to delete one app is never answered with the steps that delete the whole account.

The help centre's only entry on deleting is "How do I delete my account?" ("Go to Settings → Account → Delete
account … deleting removes your apps and data for good"); "how do i delete an app" finds it at 0.98 and the
classifier reads "delete" as an account question beside the technical one, so the account's part of the reply
quoted it: a customer following it would lose every app. No guide covers deleting one app, so the honest answer is
that there is none, with a person offered. Each conversation goes through the whole offline pipeline as a demo
customer.
"""

from __future__ import annotations

import pytest

from tests.agents.fakes import Harness, ctx_for, intent, offline

# Written out here rather than taken from the code under test, so a changed wording cannot make the checks vacuous.
DELETE_ACCOUNT_STEPS = "Delete account"
REMOVES_EVERYTHING = "deleting removes your apps and data for good"
NO_GUIDE = "I don't have a guide on that in our help centre, and I'd rather not guess."
OFFERS_A_PERSON = "Would you like me to pass you to a person from our support team?"
DELETE_ACCOUNT_QUESTION = "How do I delete my account?"


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_bob", "how do i delete an app"),
    ("cus_alice", "how do i remove one of my apps"),
    ("cus_bob", "how can i delete my app called shop"),
    ("cus_alice", "remove an app from my account"),
    ("cus_carol", "I want to get rid of one of my apps"),
])
async def test_asking_how_to_delete_one_app_gets_no_account_deletion_steps_but_an_honest_no_guide_and_a_person(
        converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert DELETE_ACCOUNT_STEPS not in outcome.reply and REMOVES_EVERYTHING not in outcome.reply, outcome.reply
    assert NO_GUIDE in outcome.reply and OFFERS_A_PERSON in outcome.reply, outcome.reply
    assert outcome.intent.label == "technical" and "account" not in outcome.intent.secondary
    assert not [s for s in outcome.sources if s.kind == "faq" and s.title == DELETE_ACCOUNT_QUESTION]
    assert outcome.handoff_reason is None  # a person offered, not called


async def test_the_account_deletion_entry_is_not_among_the_facts_for_a_question_about_deleting_an_app(converse):
    (outcome,) = await converse("cus_bob", "how do i delete an app")
    assert outcome.summary["faq"]["dropped"]["ids"], outcome.summary["faq"]
    assert outcome.summary["faq"]["question"] != DELETE_ACCOUNT_QUESTION


async def test_yes_after_the_offer_of_a_person_for_deleting_an_app_hands_the_conversation_to_one(converse):
    _, yes = await converse("cus_bob", "how do i delete an app", "yes please")
    assert yes.handoff_reason == "customer_asked", yes.reply


@pytest.mark.parametrize("message", ["how do I delete my account", "delete my northwind account"])
async def test_asking_how_to_delete_the_account_still_gets_the_delete_account_entry(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "Settings → Account → Delete account" in outcome.reply, outcome.reply
    assert "deletes_an_app" not in outcome.summary and "dropped" not in outcome.summary["faq"]


@pytest.mark.parametrize("message", [
    "does deleting my account remove my apps?",
    "my authenticator app was deleted",
])
async def test_what_deleting_the_account_does_and_a_deleted_authenticator_are_not_read_as_deleting_an_app(
        converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert "deletes_an_app" not in outcome.summary
    assert "dropped" not in outcome.summary["faq"]


async def test_an_llm_labelling_deleting_an_app_as_account_neither_takes_the_faq_shortcut_nor_sees_the_entry(
        faq_retriever):
    # A sure account label and the entry at 0.98 would have the FAQ shortcut send the account-deletion steps; the
    # LLM writing the reply is not shown them either.
    scripted = [intent("account", 0.97)]
    harness = Harness(provider=offline(intents=scripted, replies=["There's no guide on deleting one app."]),
                      fallback=offline(intents=scripted), faq=faq_retriever)
    outcome = await harness.run(ctx_for("how do i delete an app", "cus_bob"))
    assert outcome.route != "faq" and DELETE_ACCOUNT_STEPS not in outcome.reply, (outcome.route, outcome.reply)
    [written] = harness.provider.calls_of("write_reply")
    questions = [match["question"] for match in written.facts["faq"]["matches"]]
    assert DELETE_ACCOUNT_QUESTION not in questions, questions
    assert outcome.intent.label == "technical"
