""""Cancel my subscription" → "downgrade me to free instead" → "when does it take effect": "it" is the downgrade,
the change asked for last (its "instead" points back, but it asks a move of its own), and when it happens is what
the help centre's entry on downgrading says; not the cancellation, nor how long a refund takes."""

from __future__ import annotations

import pytest

from agents.providers.offline.reply_cancellation import _ASKS_WHEN_IT_HAPPENS

DOWNGRADE_WHEN = "The downgrade takes effect at the end of your current billing period"


async def test_when_the_downgrade_asked_instead_of_cancelling_takes_effect(converse):
    *_, outcome = await converse("cus_alice", "cancel my subscription", "downgrade me to free instead",
                                 "when does it take effect")
    assert outcome.reply.startswith(DOWNGRADE_WHEN), outcome.reply
    assert "refund" not in outcome.reply and "Cancel subscription" not in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "change", "told"), [
    ("cus_alice", "cancel my subscription", "Your paid plan stays active until the end of the period"),
    ("cus_carol", "upgrade me to pro", "The upgrade applies at once"),
])
async def test_when_a_change_asked_for_happens_is_the_entry_on_that_change(converse, customer, change, told):
    _, outcome = await converse(customer, change, "when does it take effect?")
    assert outcome.reply.startswith(told), outcome.reply


@pytest.mark.parametrize(("message", "asks"), [
    ("when does it take effect", True),
    ("so when will the downgrade happen?", True),
    # Near misses: when something else happens.
    ("when does my next invoice come", False),
    ("when does it take effect on my invoices and what will it cost", False),
])
def test_only_when_the_change_itself_happens_is_asked(message, asks):
    assert bool(_ASKS_WHEN_IT_HAPPENS.match(message)) is asks
