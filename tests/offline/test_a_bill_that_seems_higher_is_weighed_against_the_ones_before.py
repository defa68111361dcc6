""""Why was I charged more this month?" from Bob, charged twice in November, got his last payment and the invoice list;
"why is my bill higher than usual?" from Alice the list alone, and after "my november invoice" "why is it higher than
usual?" the failed payment again. A bill said to be higher is weighed against the records: the charge taken twice when
there is one, with the refund it qualifies for; else the invoice against the ones before it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from agents.facts import InvoiceFact
from agents.providers.offline.reply_billing import ASKS_WHY_MORE
from tests.agents.fakes import INVOICES, FakePorts

NOT_HIGHER = ("Invoice NW-1003 is for $29.00, the same as the invoices before it (NW-1002 and NW-1001, $29.00 each), so "
              "as far as our records show it isn't higher than usual.")


@pytest.mark.parametrize("message", ["why was I charged more this month?", "why is my bill so high?"])
async def test_a_customer_charged_twice_is_told_of_the_duplicate_and_its_refund(converse, message):
    [outcome] = await converse("cus_bob", message)
    assert "NW-2002 was charged twice on 2026-11-15, and the second payment of $99.00 is a duplicate" in outcome.reply, \
        outcome.reply
    assert "qualifies for a full refund of $99.00" in outcome.reply
    assert "Your last payment was" not in outcome.reply


async def test_a_bill_the_same_as_before_is_said_to_be_the_same(converse):
    [outcome] = await converse("cus_alice", "why is my bill higher than usual?")
    assert outcome.reply.startswith(NOT_HIGHER), outcome.reply
    assert "If your bank shows a different amount from us" in outcome.reply


async def test_it_after_the_november_invoice_is_that_invoice(converse):
    _, outcome = await converse("cus_alice", "my november invoice", "why is it higher than usual?")
    assert outcome.reply.startswith(NOT_HIGHER), outcome.reply
    assert "didn't go through because the card ending 4242 expired" not in outcome.reply


@dataclass
class _Upgraded(FakePorts):
    """Alice's November invoice at the Business price, as after an upgrade."""

    async def invoices(self, *, customer_id: str) -> list[InvoiceFact]:
        invoices = await super().invoices(customer_id=customer_id)
        return [i.model_copy(update={"amount": Decimal("99.00")}) if i.number == "NW-1003" else i for i in invoices]


async def test_a_higher_invoice_is_told_against_the_one_before_and_that_the_records_hold_only_totals(converse):
    [outcome] = await converse("cus_alice", "why is my bill higher than usual?", ports=_Upgraded())
    assert outcome.reply.startswith("Invoice NW-1003 is for $99.00, where NW-1002 before it was $29.00."), outcome.reply
    assert "show only their totals" in outcome.reply and "pass you to a person" in outcome.reply
    assert INVOICES["cus_alice"][2].amount == Decimal("29.00")  # the shared demo data is untouched


async def test_a_customer_with_no_invoices_is_told_so(converse):
    [outcome] = await converse("cus_carol", "why is my bill so high?")
    assert "There are no invoices on your account yet" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("why was I charged more this month?", True), ("my bill went up", True), ("why is it higher than usual?", True),
    ("why is the invoice so high", True), ("can I get more apps?", False), ("is pro more expensive than free", False),
])
def test_a_bill_said_to_be_higher(message, asks):
    assert bool(ASKS_WHY_MORE.search(message)) is asks
