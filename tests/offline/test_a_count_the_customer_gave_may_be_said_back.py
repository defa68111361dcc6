"""The critic holds every figure in a reply to the gathered facts. A count the customer gave ("we're a team of 7") may be
said back: it was struck from "For a team of 7, …" whenever no fact happened to hold a 7 (an entry's id did, in the
demo data, so the evaluation passed or failed by the database's ids). What it backs is a count only."""

from __future__ import annotations

from agents.providers.offline.grounding import Grounding
from tests.agents.fakes import ctx_for


def test_a_count_from_the_customers_message_is_grounded():
    ctx = ctx_for("is it worth it for a team of 17?", None)
    assert Grounding.of(ctx).unsupported("For a team of 17, our help centre says: …") == []


def test_a_count_the_customer_did_not_give_is_still_ungrounded():
    ctx = ctx_for("is it worth it for a team of 17?", None)
    assert Grounding.of(ctx).unsupported("For a team of 23, our help centre says: …") == [("number", "23")]


def test_an_amount_from_the_customers_message_is_still_ungrounded():
    # "I was charged $417" confirms nothing by being typed: an amount must be in the facts.
    ctx = ctx_for("I was charged $417", None)
    assert Grounding.of(ctx).unsupported("Your charge of $417 was refunded.") == [("amount", "$417.00")]


def test_a_card_or_invoice_from_the_customers_message_is_still_ungrounded():
    ctx = ctx_for("my card ending 9931 paid NW-7777", None)
    assert Grounding.of(ctx).unsupported("The card ending 9931 paid NW-7777.") == [("invoice", "NW-7777"),
                                                                                   ("card", "9931")]
