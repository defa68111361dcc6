"""Three things said plainly that went unheard: a VAT number given to the chat after being told where to enter it
(the same steps again after "My answer is the same"), "how do I give someone admin rights?" (the scope reply), and "I
checked spam already" after a reset email that never came ("I don't have enough information")."""

from __future__ import annotations

import pytest

from agents.own_data import asks_to_give_a_role, gives_an_invoice_detail

NOT_SAVED = "Thanks, but I can't add it to your account from this chat, so it hasn't been saved anywhere."


@pytest.mark.parametrize(("customer", "turns"), [
    ("cus_bob", ("can I get an invoice with my company name?", "my vat number is GB123456789")),
    ("cus_alice", ("our company name is Acme Ltd",)),
    (None, ("my vat number is DE123456789",)),
])
async def test_a_detail_for_the_invoices_is_said_to_be_unsaved_with_where_to_enter_it(converse, customer, turns):
    *_, outcome = await converse(customer, *turns)
    assert outcome.reply.startswith(NOT_SAVED), outcome.reply
    assert "Go to **Billing → Details**" in outcome.reply and "My answer is the same" not in outcome.reply
    # A figure no fact holds is never said back.
    assert "123456789" not in outcome.reply and "Acme" not in outcome.reply


@pytest.mark.parametrize("message", ["how do I give someone admin rights?", "can I grant my colleague admin access?"])
async def test_admin_rights_asked_for_get_the_teams_roles(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "Settings → Team → Invite" in outcome.reply and "pick a role" in outcome.reply, outcome.reply


@pytest.mark.parametrize("looked", ["I checked spam already", "its not in my spam folder either"])
async def test_spam_looked_in_after_a_missing_reset_email_offers_a_person(converse, looked):
    *_, outcome = await converse("cus_alice", "I forgot my password", "the reset email never arrived", looked)
    assert outcome.reply.startswith("I'm sorry it still hasn't arrived. The email address on your account is "
                                    "alice@example.com"), outcome.reply
    assert outcome.reply.endswith("would you like me to pass you to a person?")


@pytest.mark.parametrize(("message", "gives"), [
    ("my vat number is GB123456789", True),
    ("VAT: GB123456789", True),
    ("our company name is Acme Ltd", True),
    ("where do I add my vat number?", False),
    ("my company is growing fast", False),
])
def test_a_detail_given_is_told_from_a_question_about_it(message, gives):
    assert gives_an_invoice_detail(message) is gives


@pytest.mark.parametrize(("message", "asks"), [
    ("how do I give someone admin rights?", True),
    ("grant them full access", True),
    ("give my app more memory", False),
])
def test_rights_given_to_a_person_are_a_role(message, asks):
    assert asks_to_give_a_role(message) is asks
