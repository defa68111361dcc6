"""A double charge reported or asked about: "You're right" only when the customer said so of the charge the facts
show taken twice; a month they named that wasn't is said to have been charged once, and the duplicate offered."""

from __future__ import annotations

import pytest

from agents import refund_requests

DUPLICATE = "invoice NW-2002 was charged twice on 2026-11-15"


async def test_charged_twice_in_a_month_charged_once_is_not_agreed_with(converse):
    [outcome] = await converse("cus_bob", "I was charged twice in October")
    reply = outcome.reply
    assert "You're right" not in reply, reply
    assert "I can't find a duplicate charge in October: invoice NW-2001 was charged once." in reply, reply
    assert DUPLICATE in reply and "qualifies for a full refund of $99.00" in reply, reply
    # The charge named wasn't refused for its window, and the duplicate is offered, not filed.
    assert "outside our 14-day refund window" not in reply, reply
    assert not [a for a in outcome.actions if a.kind == "refund"], outcome.actions


async def test_charged_twice_in_the_month_of_the_duplicate_is_agreed_with_and_filed_once(converse):
    [outcome] = await converse("cus_bob", "I was charged twice in November")
    assert f"You're right, I can see it: {DUPLICATE}" in outcome.reply, outcome.reply
    assert [a.invoice_number for a in outcome.actions if a.kind == "refund"] == ["NW-2002"], outcome.actions


@pytest.mark.parametrize("question", ["was I charged twice?", "did you charge me two times?"])
async def test_asking_whether_charged_twice_gets_a_yes_not_agreement_and_files_nothing(converse, question):
    [outcome] = await converse("cus_bob", question)
    assert outcome.reply.startswith(f"Yes: {DUPLICATE}"), outcome.reply
    assert "You're right" not in outcome.reply, outcome.reply
    assert not [a for a in outcome.actions if a.kind == "refund"], outcome.actions


def test_a_double_charge_asked_about_is_told_from_one_reported():
    assert refund_requests.asks_if_charged_twice("hi, was I charged twice in october?")
    assert not refund_requests.asks_if_charged_twice("I was charged twice")
