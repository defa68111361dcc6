"""A charge taken more than once, in everyday words or typed in a hurry ("you charged me 2x", "two $99 charges",
"charged three times", "chrged twise"), is read as "charged twice": Bob's duplicate on NW-2002 is pointed out and
its refund offered or asked for, as for "I was charged twice". "Charged for two apps" is no double charge."""

from __future__ import annotations

import pytest

from agents.own_data import with_double_charge_spelled

DUPLICATE_SEEN = "NW-2002 was charged twice"  # "Yes: invoice …", or "Invoice …" to "why are there two?"
QUALIFIES = "qualifies for a full refund of $99.00"

EVERYDAY_WORDS = [
    "hi, you charged me 2x this month wtf",
    "why are there two $99 charges on my card",
    "i was charged three times",
    "i was chrged twise",
    "you billed me x2",
]


@pytest.mark.parametrize("message", EVERYDAY_WORDS)
async def test_bobs_duplicate_charge_is_found_however_it_is_worded(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert DUPLICATE_SEEN in outcome.reply and QUALIFIES in outcome.reply, outcome.reply
    assert outcome.intent.label == "refund", outcome.intent


@pytest.mark.parametrize("message", ["i was charged three times", "hi, you charged me 2x this month wtf"])
async def test_alice_who_has_no_duplicate_is_told_so(converse, message):
    (outcome,) = await converse("cus_alice", message)
    assert "can't find a duplicate charge" in outcome.reply and outcome.actions == [], outcome.reply


async def test_charged_for_two_apps_is_no_double_charge(converse):
    (outcome,) = await converse("cus_bob", "I got charged for two apps")
    assert DUPLICATE_SEEN not in outcome.reply and outcome.actions == [], outcome.reply


@pytest.mark.parametrize(("text", "read_as"), [
    ("hi, you charged me 2x this month wtf", "hi, you charged me twice this month wtf"),
    ("why are there two $99 charges on my card", "why are there duplicate $99 charges on my card"),
    ("i was charged three times", "i was charged twice"),
    ("i was chrged twise", "i was charged twice"),
    ("I got charged for two apps", "I got charged for two apps"),
    ("my app is 2x faster on pro", "my app is 2x faster on pro"),
    ("I made two payments for two apps", "I made two payments for two apps"),
])
def test_a_charge_taken_more_than_once_is_spelled_as_charged_twice(text, read_as):
    assert with_double_charge_spelled(text) == read_as
