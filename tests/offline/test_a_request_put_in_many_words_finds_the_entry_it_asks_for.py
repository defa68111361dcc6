""""I don't know what I have to do to close my account", "I have to edit my account, how could I do it?", "closing
freemium account": how a request is put sank the entry that answers it (the deletion at 0.12 against 0.99 for "close my
account"), and "close" and "edit my account" are no words of any entry. They got "I don't have enough information"."""

from __future__ import annotations

import pytest

from agents.clauses import without_request_lead_in
from agents.own_data import asks_to_close_the_account, asks_to_edit_profile_details

DELETE_STEPS = "Go to **Settings → Account → Delete account**."
EMAIL_FRAMED = "The detail our help centre says how to change is your account's email address"


@pytest.mark.parametrize(("message", "ask"), [
    ("I don't know what I have to do to close my account", "close my account"),
    ("I do not know how I can edit my account", "edit my account"),
    ("I need assistance to leave feedback", "leave feedback"),
    ("can you help me reset my password?", "reset my password?"),
    ("i want help to restore my pwd", "restore my pwd"),
    ("help me", "help me"),  # nothing left to search for but the request itself
    ("how do I close my account?", "how do I close my account?"),
])
def test_the_ask_without_how_it_is_put(message, ask):
    assert without_request_lead_in(message) == ask


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "I don't know what I have to do to close my account"),
    ("cus_alice", "I don't know what I have to do to close my pro account"),
    ("cus_alice", "closing freemium account"), (None, "I want to terminate my account"),
    ("cus_bob", "were to remove my profile"), ("cus_bob", "I don't want my user account, what should I do to delete it?"),
])
async def test_closing_the_account_gets_the_deletion_steps_as_the_answer(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith(DELETE_STEPS), outcome.reply


@pytest.mark.parametrize("message", ["I have to edit my account, how could I do it?", "i need help to update my account"])
async def test_editing_the_account_gets_the_one_detail_the_help_centre_covers_and_a_question(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert outcome.reply.startswith(EMAIL_FRAMED) and "tell me which" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "closes"), [
    ("need assistance closing my pro account", True), ("deleting my account", True),
    ("remove a user account", False), ("delete the account of a team member", False),
    ("cancel my subscription", False), ("I closed my laptop", False),
    ("i never use the pro account i need help deleting it", True), ("info about my pro account deletion", True),
    ("the account of my teammate, deleting it", False), ("remove my profile picture", False),
    ("I don't want my account, I need help removing it", True), ("I need help canceling my online account", True),
    ("cancel my account", False),  # may be the plan: the cancellation's own answer
    ("i dont want my fucking profile, how could i close it?", True), ("my profile picture, delete it", False),
    ("i have got to close my bloody free account", True), ("problems with free account removals", True),
    ("user account removal for my teammate", False),
])
def test_closing_ones_own_account(message, closes):
    assert asks_to_close_the_account(message) is closes


@pytest.mark.parametrize(("message", "edits"), [
    ("I have to edit my account", True), ("modify freemium account", True), ("update my account email", False),
    ("update my account plan", False), ("edit my account to business", False),
    ("how could I edit my damn user?", True), ("need to correct the damn data on my user", True),
    ("change the invoice data", False), ("edit my user role", False),
    ("I need to edit my user, will you help me?", True), ("update my username", False),
])
def test_editing_the_account_as_a_whole(message, edits):
    assert asks_to_edit_profile_details(message) is edits
