""""I want help to update some of the details on my user account", "I need to modify my user profile" got "I don't have
enough information": the one detail the help centre says how to change is the email address, which is said, with a
person offered for any other."""

from __future__ import annotations

import pytest

from agents.own_data import asks_to_edit_profile_details

EMAIL_STEPS = "Go to **Settings → Profile**, enter the new address and confirm it from the link we send there."


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "I want help to update some of the details on my user account"),
    ("cus_alice", "I need to modify my damn user profile, how can I do it?"),
    ("cus_bob", "help to change soe of the details on my profile"), (None, "how do I update my personal info?"),
])
async def test_account_details_in_general_get_the_email_change_and_a_person(converse, customer, message):
    [outcome] = await converse(customer, message)
    assert outcome.reply.startswith("The detail our help centre says how to change is your account's email address: "
                                    + EMAIL_STEPS), outcome.reply
    assert "pass you to a person" in outcome.reply and "I don't have enough information" not in outcome.reply


async def test_changing_the_email_itself_is_still_its_entry(converse):
    [outcome] = await converse("cus_alice", "how do I change my email address?")
    assert outcome.reply.startswith(EMAIL_STEPS), outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("update some of the details on my user account", True), ("changing info on freeaccount", True),
    ("change my email", False), ("update my payment details", False), ("change the details on my invoice", False),
    ("change my plan", False),
])
def test_account_details_named_in_general(message, asks):
    assert asks_to_edit_profile_details(message) is asks
