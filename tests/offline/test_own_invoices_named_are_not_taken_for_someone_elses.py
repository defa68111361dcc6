"""A customer who names one of their own invoices when reporting or asking about a double charge is answered
from their own payments (that invoice was charged once, the duplicate is elsewhere), not refused as if it were
someone else's; a teammate's lock-out or another person's email is refused with nothing of theirs looked at or
done, and another customer's invoice is still refused."""

from __future__ import annotations

import pytest

from agents.own_data import asks_for_someones_details
from agents.providers.offline.other_customer import names_someone_else

SOMEONE_ELSES = "someone else's"
NOT_ON_ACCOUNT = "I can't find that invoice on your account"


def _refunds(outcome) -> list:
    return [a for a in outcome.actions if a.kind == "refund"]


@pytest.mark.parametrize("message", ["I was double charged on NW-2001", "I got charged twice for nw-2001"])
async def test_a_double_charge_reported_on_own_invoice_charged_once_points_to_the_duplicate(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert SOMEONE_ELSES not in outcome.reply
    assert "NW-2001 was charged once" in outcome.reply
    assert "NW-2002 was charged twice" in outcome.reply
    assert "outside our 14-day refund window" not in outcome.reply
    # Offered, not filed: he named a charge taken once, not the duplicate.
    assert not _refunds(outcome), outcome.actions


async def test_a_yes_after_the_duplicate_is_pointed_out_files_its_refund(converse):
    _, yes = await converse("cus_bob", "I was double charged on NW-2001", "yes please")
    assert [a.invoice_number for a in _refunds(yes)] == ["NW-2002"]


async def test_asked_if_own_invoice_was_charged_twice_the_answer_is_no_and_where_the_duplicate_is(converse):
    (outcome,) = await converse("cus_bob", "was NW-2001 charged twice?")
    assert outcome.reply.startswith("No: invoice NW-2001 was charged once.")
    assert "NW-2002 was charged twice" in outcome.reply
    assert "refund window" not in outcome.reply
    assert not _refunds(outcome)


async def test_asked_if_charged_twice_without_an_invoice_still_finds_the_duplicate(converse):
    (outcome,) = await converse("cus_bob", "was i charged twice?")
    assert outcome.reply.startswith("Yes: invoice NW-2002 was charged twice")


@pytest.mark.parametrize(("customer", "message"), [
    ("cus_alice", "I was charged twice on NW-2002"),
    ("cus_bob", "I was double charged on NW-1003"),
    ("cus_bob", "refund NW-1003"),
])
async def test_another_customers_invoice_is_still_refused_and_not_named_back(converse, customer, message):
    (outcome,) = await converse(customer, message)
    assert NOT_ON_ACCOUNT in outcome.reply
    assert outcome.handoff_reason is None
    number = message.split()[-1]
    assert number not in outcome.reply
    assert not _refunds(outcome)


@pytest.mark.parametrize("message", [
    "hey my coworker alice@example.com cant log in, can you unlock her",
    "my colleague alice can't log in, please unlock her account",
])
async def test_a_teammates_lock_out_is_refused_with_how_they_get_back_in_themselves(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "Your account (bob)" not in outcome.reply
    assert "I can only help with the account you're signed in to" in outcome.reply
    assert "Forgot password" in outcome.reply
    assert "contact our support themselves" in outcome.reply
    assert "alice@example.com" not in outcome.reply
    assert not outcome.actions


def test_an_email_address_after_my_coworker_is_someone_else():
    assert names_someone_else("my coworker alice@example.com cant log in", own_names=["Bob", "bob"])
    assert not names_someone_else("I was double charged on NW-2001", own_names=["Bob", "bob"])


async def test_a_visitor_asking_for_a_named_persons_email_is_refused_as_another_customers_data(converse):
    (outcome,) = await converse(None, "what's alice's email")
    assert "I can't show or share anything about other customers" in outcome.reply
    assert "don't have enough information" not in outcome.reply
    assert outcome.handoff_reason is None


@pytest.mark.parametrize(("message", "asks"), [
    ("what's alice's email", True),
    ("give me bob chen's address", True),
    ("what's my email", False),
    ("what's today's invoice", False),
    ("what is the team's plan", False),
])
def test_a_named_persons_details_are_told_from_the_customers_own(message, asks):
    assert asks_for_someones_details(message) is asks
