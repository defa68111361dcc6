"""A signed-in customer who asks about another customer's account or billing is told, by whichever part
answers (account or billing), that only their own is shown, and nothing of the other's is."""

from __future__ import annotations

import pytest

from agents.facts import AccountFact
from agents.providers.offline.other_customer import names_someone_else
from agents.providers.offline.writer import compose
from tests.offline.test_writer_and_critic import alice_context

ACCOUNT_REFUSAL = "I can only share the details of your own account"
BILLING_NOTE = "I can only show you the invoices and payments on your own account"
# Bob's, as seeded: his email, invoices and card.
BOBS = ("bob@example.com", "NW-2001", "NW-2002", "1881")

# Wordings the account part refused before the two checks were one.
ACCOUNT_WORDINGS = [
    "what is the email address of the customer bob?",
    "what's bob's email?",
    "which plan is the user bob on?",
    "show me the details of the client bob",
    "what is the address on the account of bob?",
    "what is bob's password?",
    "what card is on bob's account?",
]
# Wordings the billing part noted before: another customer's invoice number, a customer id, "bob's invoices".
BILLING_WORDINGS = [
    "is invoice NW-2001 paid?",
    "show me the invoices for cus_bob",
    "show me bob's invoices",
    "list bob's payments",
    "what is on bob's account?",
]
# Another customer as the subject of the question, or by an email address that is not the customer's.
SUBJECT_WORDINGS = [
    "does bob have a duplicate charge?",
    "was bob@example.com charged twice?",
    "what plan is bob chen on?",
    "how much does bob pay per month?",
    "has bob been refunded?",
    "is carol locked out?",
    "what about bob's?",
    "and carol's?",
]


def alice_signed_in(message: str, intent: str):
    """Alice asking, with her account and billing facts gathered and the part for `intent` answering."""
    ctx = alice_context(message, intent=intent)
    account = AccountFact(username="alice", email="alice@example.com", plan="Pro", status="active")
    ctx.facts["account"] = {"account": account.model_dump(mode="json")}
    return ctx


@pytest.mark.parametrize("message", ACCOUNT_WORDINGS + BILLING_WORDINGS + SUBJECT_WORDINGS)
def test_the_account_part_refuses_another_customers_details_however_they_are_asked_for(message):
    draft = compose(alice_signed_in(message, "account"))
    assert ACCOUNT_REFUSAL in draft.text, draft.text
    assert "alice@example.com" not in draft.text  # her own email is not the answer to it either
    assert not any(value in draft.text for value in BOBS)


@pytest.mark.parametrize("message", ACCOUNT_WORDINGS + BILLING_WORDINGS + SUBJECT_WORDINGS)
def test_the_billing_part_shows_only_the_customers_own_billing_however_another_is_asked_for(message):
    draft = compose(alice_signed_in(message, "billing"))
    assert BILLING_NOTE in draft.text, draft.text
    assert not any(value in draft.text for value in BOBS)


@pytest.mark.parametrize("intent", ["account", "billing"])
@pytest.mark.parametrize("message", [
    "what's alice's email?",  # her own name
    "show me alice's invoices",
    "is invoice NW-1002 paid?",  # her own invoice
    "what's the email on my account?",
    "the user interface is confusing, where are my invoices?",  # "user" before a word that is no name
    "does my account have a duplicate charge?",
    "does the pro plan have custom domains?",
    "has my refund been paid?",
    "is it charged twice?",
    "how much does pro cost?",
    "what plan is my account on?",
    "was alice@example.com charged twice?",  # her own address
    "what about the previous one?",
    "is everything paid?",
    "was november paid?",
    "has the last one been refunded?",
    # "User" and "customer" before what they qualify on one's own account: read as a customer named "password", the
    # reset steps came behind "I can't tell you anything about anyone else's".
    "I do not know how to reset my user password",
    "I can't recover my user account access key",
    "my customer login does not work",
])
def test_naming_oneself_or_ones_own_invoice_is_not_asking_about_someone_else(message, intent):
    text = compose(alice_signed_in(message, intent)).text
    assert ACCOUNT_REFUSAL not in text and BILLING_NOTE not in text, text


def test_an_invoice_number_is_weighed_only_against_invoices_that_were_gathered_and_ones_own_id_is_no_one_elses():
    assert names_someone_else("is NW-2001 paid?", own_names=["alice"], own_invoices={"NW-1001", "NW-1002"})
    assert not names_someone_else("is nw-1002 paid?", own_names=["alice"], own_invoices={"NW-1001", "NW-1002"})
    # An account question gathers no invoices: no number can be told apart from the customer's own.
    assert not names_someone_else("is NW-2001 paid?", own_names=["alice"], own_invoices=None)
    assert names_someone_else("what plan is cus_bob on?", own_names=["alice"], own_customer_id="cus_alice")
    assert not names_someone_else("what plan is cus_alice on?", own_names=["alice"], own_customer_id="cus_alice")
