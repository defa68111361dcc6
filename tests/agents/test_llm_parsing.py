"""The openai provider's pure helpers: JSON digging, action lines, the stream filter, the guard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agents.providers.openai_provider import (
    ActionLineFilter,
    _IntentWire,
    http,
    parse_action_line,
    parse_json_object,
    retry_after_seconds,
)
from agents.resilience import ProviderError
from agents.workers.guard import Grounding
from tests.agents.fakes import ctx_for


@pytest.mark.parametrize("text", [
    '{"label": "billing", "confidence": 0.9, "secondary": []}',
    'Here you go:\n```json\n{"label": "billing", "confidence": 0.9, "secondary": []}\n```',
    'Sure! {"label": "billing", "confidence": 0.9, "secondary": []} Hope that helps.',
])
def test_structured_output_is_found_in_fences_and_chatter(text):
    assert parse_json_object(text, _IntentWire).label == "billing"


def test_text_without_the_json_asked_for_is_bad_output():
    with pytest.raises(ProviderError) as raised:
        parse_json_object("The label is {billing, probably", _IntentWire)
    assert raised.value.kind == "bad_output"


def test_action_lines_are_held_back_from_the_stream_and_parsed():
    stream = ["Your dup", "licate charge is ", "confirmed.\nA", "CTION: {\"kind\": \"refund\", ",
              "\"invoice_number\": \"NW-2002\", \"amount\": \"99.00\"}\n", "Thanks!"]
    action_filter = ActionLineFilter()
    shown = "".join(action_filter.feed(piece) for piece in stream) + action_filter.finish()
    assert shown == "Your duplicate charge is confirmed.\nThanks!"
    action = parse_action_line(action_filter.action_lines[0])
    assert action.kind == "refund" and action.invoice_number == "NW-2002" and action.amount == Decimal("99.00")


def test_text_that_merely_starts_like_an_action_is_released():
    action_filter = ActionLineFilter()
    assert action_filter.feed("A") == ""
    assert action_filter.feed("ctually, yes.") == "Actually, yes."


def test_the_plain_action_line_form_is_understood_too():
    action = parse_action_line("ACTION: refund NW-1002 $29.00 within_window")
    assert (action.invoice_number, action.amount) == ("NW-1002", Decimal("29.00"))
    assert parse_action_line("ACTION: account_unlock").kind == "account_unlock"
    assert parse_action_line("ACTION: fly to the moon") is None


def test_retry_after_is_read_in_seconds_milliseconds_or_as_a_date():
    assert retry_after_seconds(http.Headers({"retry-after": "2"})) == 2.0
    assert retry_after_seconds(http.Headers({"retry-after-ms": "250"})) == 0.25
    assert retry_after_seconds(http.Headers({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0.0
    assert retry_after_seconds(http.Headers({})) is None


def test_the_grounding_guard_allows_the_customers_own_facts_and_nothing_else():
    ctx = ctx_for("anything")
    ctx.facts["billing"] = {"invoices": [{"number": "NW-1003", "amount": "29.00"}]}
    grounding = Grounding.from_context(ctx)
    assert grounding.text_violations("NW-1003 for $29.00 failed; we wrote to alice@example.com.") == []
    assert grounding.text_violations("Up to $50 needs no approval.") == []
    reasons = grounding.text_violations("NW-2002 for $99.00, see bob@example.com")
    assert len(reasons) == 3


def test_the_grounding_is_searched_once_for_the_same_facts_and_again_when_they_change():
    ctx = ctx_for("anything")
    ctx.facts["billing"] = {"invoices": [{"number": "NW-1003", "amount": "29.00"}]}
    first = Grounding.from_context(ctx)
    assert Grounding.from_context(ctx_for("another message", facts=dict(ctx.facts))) is first  # the critic's ask

    ctx.facts["billing"]["invoices"].append({"number": "NW-1004", "amount": "31.00"})
    changed = Grounding.from_context(ctx)
    assert changed is not first
    assert changed.text_violations("NW-1004 for $31.00") == []
    assert first.text_violations("NW-1004 for $31.00") != []  # what was built before is left as it was
