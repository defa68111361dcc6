"""Alice (Pro) asked "why was i charged $29 when i'm on the free plan?" and got an invoice, then "You're on the Pro
plan at $29.00 a month.": the mistaken plan is corrected first and plainly (Pro, not Free, and $29.00 is Pro's
monthly price), then the charge."""

from __future__ import annotations

import pytest

from agents.own_data import plan_said_to_be_on

CORRECTION = "You're on the Pro plan, not Free: $29.00 is the Pro plan's monthly price."


async def test_a_pro_customer_who_says_they_are_on_free_is_told_pro_and_its_price_first(converse):
    (outcome,) = await converse("cus_alice", "why was i charged $29 when i'm on the free plan?")
    assert outcome.reply.startswith(CORRECTION), outcome.reply
    assert "Invoice NW-1002 is for $29.00" in outcome.reply, outcome.reply
    assert "You're on the Pro plan at $29.00 a month." not in outcome.reply, outcome.reply  # not said twice


async def test_a_customer_who_names_their_own_plan_is_not_corrected(converse):
    # Near miss: alice is on Pro, so nothing needs correcting.
    (outcome,) = await converse("cus_alice", "why was i charged $29 when i'm on the pro plan?")
    assert ", not " not in outcome.reply and "Invoice NW-1002 is for $29.00" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "plan"), [
    ("why was i charged $29 when i'm on the free plan?", "Free"),
    ("we only have the business tier", "Business"),
    ("as a free user, why am I billed?", "Free"),
    ("i'm on the pricing page, how much is business?", None),
    ("I want the free plan", None),
])
def test_the_plan_a_customer_says_they_are_on_is_read_only_from_a_claim(message, plan):
    assert plan_said_to_be_on(message) == plan
