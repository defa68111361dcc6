""""Can I change my plan to yearly?" got the plan and the invoice list, and "can I go annual?" the scope reply: paying
yearly, asked as a change, is what the help centre's entry on ways to pay says (Business customers, by bank transfer)."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_billing import ASKS_ABOUT_PAYING_YEARLY
from agents.providers.offline.text import search_normalise

YEARLY = "Business customers can also pay yearly by bank transfer against an invoice."


@pytest.mark.parametrize("message", ["can I change my plan to yearly?", "can I go annual?",
                                     "can I switch to yearly billing?"])
async def test_paying_yearly_asked_as_a_change_gets_what_the_help_centre_says(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert YEARLY in outcome.reply and "Here are your most recent invoices" not in outcome.reply, outcome.reply
    assert "outside what I can help with" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "yearly"), [
    ("can I change my plan to yearly?", True), ("go annual", True), ("switch to an annual plan", True),
    ("change my plan to business", False), ("my yearly review", False),
])
def test_a_change_to_yearly_is_paying_yearly(message, yearly):
    assert bool(ASKS_ABOUT_PAYING_YEARLY.search(message)) is yearly


def test_a_change_to_yearly_is_searched_as_paying_yearly():
    assert search_normalise("can I change my plan to yearly?") == "can i pay yearly"
