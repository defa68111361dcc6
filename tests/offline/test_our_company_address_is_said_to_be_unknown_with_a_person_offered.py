""""What is your company address" got the help centre's entry on adding the customer's own company details to
invoices: the help centre gives no address for Northwind Cloud, so that is said, with a person offered, and no address
is made up."""

from __future__ import annotations

import pytest

from agents.about_service import asks_for_postal_address

NO_ADDRESS = "Our help centre doesn't give Northwind Cloud's company address, so I'd rather not guess one."
DETAILS_ENTRY = "Go to **Billing → Details**"


@pytest.mark.parametrize("message", ["what is your company address", "what's northwind's address?"])
async def test_our_address_asked_for_is_said_to_be_unknown_and_a_person_offered(converse, message):
    (outcome,) = await converse(None, message)
    assert outcome.reply.startswith(NO_ADDRESS), outcome.reply
    assert "pass you to a person" in outcome.reply and DETAILS_ENTRY not in outcome.reply, outcome.reply


async def test_yes_to_the_offer_passes_the_conversation_to_a_person(converse):
    _, yes = await converse(None, "what is your company address", "yes")
    assert yes.handoff_reason is not None, yes.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("what is your company address", True),
    ("where is your office?", True),
    ("hi, i need an invoice with our company address on it", False),
    ("how do I change my billing address", False),
    ("what is your email address", False),
])
def test_only_our_own_address_reads_as_asked_for(message, asks):
    assert asks_for_postal_address(message) is asks
