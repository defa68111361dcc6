""""I want to report a bug" from a visitor was read as an account question and asked to sign in to see their invoices;
"how do I report a bug?" and "I found a bug" got guesses too. A report with nothing in it yet is asked what happened,
with a person offered to take it ('yes' hands over); with what went wrong in the message it is that problem."""

from __future__ import annotations

import pytest

from agents.about_service import wants_to_report_a_bug

ASKED = "Thank you for letting us know. Tell me what happened"


@pytest.mark.parametrize(("customer", "message"), [
    (None, "I want to report a bug"), ("cus_alice", "how do I report a bug?"), ("cus_alice", "I found a bug"),
])
async def test_a_bug_to_report_is_asked_what_happened_with_a_person_offered(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert outcome.reply.startswith(ASKED) and "pass you to a person" in outcome.reply, outcome.reply
    assert "signed in" not in outcome.reply, outcome.reply


async def test_a_yes_after_it_hands_the_conversation_to_a_person(converse):
    _, outcome = await converse(None, "I want to report a bug", "yes")
    assert outcome.route == "handoff", outcome.reply


async def test_a_bug_with_what_went_wrong_is_that_problem(converse):
    (outcome,) = await converse("cus_alice", "there's a bug, my deploy fails with exit code 137")
    assert ASKED not in outcome.reply and "Failed deploys" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "wants"), [
    ("I want to report a bug", True), ("where can I file a bug report?", True), ("there's a bug", True),
    ("there's a bug, my deploy fails", False), ("I found a security bug in your login page", False),
    ("how do I debug my app?", False),
])
def test_a_wish_to_report_a_bug_says_nothing_about_it_yet(message, wants):
    assert wants_to_report_a_bug(message) is wants
