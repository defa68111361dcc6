""""I want to file a complaint", "where can I leave a review?" got "I don't have enough information to answer that"; "I
have got to cancel the subscription to the newsletter" and "how do I unsubscribe from your emails?" got the steps to
cancel the paid plan. Feedback and complaints are asked for, with a person offered (and, on the web, where a reply's
rating goes); our mailings are not the help centre's, so a person is offered for them."""

from __future__ import annotations

import pytest

from agents.feedback import feedback_asked, feedback_reply
from agents.mailings import MAILINGS_REPLY, asks_about_our_mailings

CANCEL_STEPS = "choose **Cancel subscription**"


@pytest.mark.parametrize("message", ["I want to file a complaint", "i want to complain about the service",
                                     "filing consumer reclamation against your business"])
async def test_a_complaint_with_nothing_in_it_yet_is_asked_about_with_a_person_offered(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply == feedback_reply("complaint", web=True), outcome.reply
    assert outcome.summary["feedback"]["why"] == "asks to complain, with nothing of what about yet"


@pytest.mark.parametrize("message", ["I want to leave feedback", "how can I give feedback about your service?",
                                     "where can i leave a review", "send service review",
                                     "I want to write a review about your products, how to do it?"])
async def test_feedback_asked_about_is_asked_for_and_on_the_web_the_replys_rating_named(converse, message):
    [outcome] = await converse(None, message)
    assert outcome.reply.startswith("Thank you, we'd like to hear it."), outcome.reply
    assert "“Helpful?”" in outcome.reply and "pass you to a person" in outcome.reply


def test_over_the_api_no_button_is_named():
    assert "Helpful?" not in feedback_reply("feedback", web=False)


async def test_yes_after_the_offer_hands_over(converse):
    _, outcome = await converse("cus_alice", "I want to file a complaint", "yes please")
    assert outcome.route == "handoff", outcome.reply


@pytest.mark.parametrize("message", ["I have got to cancel the subscription to the newsletter",
                                     "how do I unsubscribe from your emails?", "stop sending me marketing emails",
                                     "I want to receive the newsletter"])
async def test_our_mailings_get_a_person_not_the_plans_cancellation(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply == MAILINGS_REPLY, outcome.reply
    assert CANCEL_STEPS not in outcome.reply


async def test_cancelling_the_subscription_is_still_the_plans(converse):
    [outcome] = await converse("cus_alice", "how do I cancel my subscription?")
    assert CANCEL_STEPS in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "kind"), [
    ("I want to file a complaint", "complaint"), ("where could i leave a comment for a service", "feedback"),
    ("i want to complain, my app is down", None), ("leave a comment on my app", None),
    ("I want to give my team access", None),
])
def test_feedback_asked_with_nothing_else(message, kind):
    assert feedback_asked(message) == kind


@pytest.mark.parametrize(("message", "ours"), [
    ("opt out of marketing emails", True), ("unsubscribe me from the newsletter", True),
    ("how do I unsubscribe?", False), ("stop sending me invoices by email", False),
    ("stop sending me password reset emails", False), ("Stopping spam emails in Gmail by pattern", False),
])
def test_our_mailings_not_the_accounts_emails(message, ours):
    assert asks_about_our_mailings(message) is ours


@pytest.mark.parametrize(("message", "kind"), [
    ("can uhelp me making a reclamation against ur business", "complaint"), ("I have to file a customer claim", "complaint"),
    ("is there a section to submit an opinion for ur products", "feedback"),
    ("is there a section to send feedback about ur products", "feedback"),
])
async def test_claims_opinions_and_sections_for_feedback_in_other_words(converse, message, kind):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply == feedback_reply(kind, web=True), outcome.reply


# Asked in any order and with typos: Bitext's customer-support phrasings that still got "I don't have enough information".
@pytest.mark.parametrize(("message", "kind"), [
    ("I need assistance to leave feedback about your company", "feedback"),
    ("i need assistance to send my feedbakc aboutur company", "feedback"),
    ("do you have an e-mail to send a review about a service?", "feedback"),
    ("I have got to leave feedback about your company, I need help", "feedback"),
    ("I'm calling to write a comment about ur services", "feedback"),
    ("I need to leave some feedback, can I get some help?", "feedback"),
    ("is it possible to lodge an complaint against ur business", "complaint"),
    ("how can i make a customer complaint against ur organization", "complaint"),
    ("I don't know what to do to file a recpamation", "complaint"),
    ("is it possible to lodge a claim?", "complaint"),
    # How the customer feels about it says nothing of what it is about either.
    ("I'm discontent with the service, what should I do to lodge a complaint?", "complaint"),
    ("ask an agent how to make a complaint for a service", "complaint"),
    ("im happy with the service, help me lodge an opinion", "feedback"),
])
async def test_feedback_and_complaints_asked_in_other_orders_and_with_typos(converse, message, kind):
    assert feedback_asked(message) == kind
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply == feedback_reply(kind, web=True), outcome.reply


@pytest.mark.parametrize("message", [
    "I want to make a complaint about my bill",  # says what about: the agents answer it
    "can you review my invoice?", "how do I claim service credits?", "how do I add comments to my app?",
    "the experience with you was too bad, make a claim", "where do I send feedback on the new deploy logs?",
    "I'm unhappy with my invoice, I want to complain",
])
def test_a_message_that_says_what_it_is_about_is_left_to_the_agents(message):
    assert feedback_asked(message) is None


def test_no_training_example_of_another_label_reads_as_asking_to_give_feedback():
    from agents.providers.offline.training_data import read_examples

    assert [e.text for e in read_examples() if e.label != "general" and feedback_asked(e.text)] == []
