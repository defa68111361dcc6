""""Ok I added a new one" after "my card expired" got the FAQ's steps to replace a card again (its words match them,
and the shortcut sent them); "I've added a new one" and "ok done" after the failed payment was explained got the
explanation again behind "My answer is the same". Each says the card it was asked to replace is replaced: the card on
file is checked, and the customer is told what it shows."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.billing import reports_card_replaced

CHECKED = "ending 4242 on your account, which expired"


@pytest.mark.parametrize(("question", "done"), [
    ("my card expired", "ok I added a new one"),
    ("why did my payment fail?", "I've added a new one"),
    ("why did my payment fail?", "ok done"),
])
async def test_a_card_said_to_be_replaced_is_checked_on_file(converse, question, done):
    _, outcome = await converse("cus_alice", question, done)
    assert outcome.route != "faq", outcome.reply
    assert CHECKED in outcome.reply, outcome.reply
    assert "My answer is the same" not in outcome.reply


def _after(reply: str, message: str) -> SupportContext:
    return SupportContext(conversation_id="c", run_id="r", message=message, goal=message, history=[
        HistoryTurn(role="user", text="…"), HistoryTurn(role="assistant", text=reply)])


@pytest.mark.parametrize(("reply", "message", "replaced"), [
    ("You can replace it under **Billing → Payment method**.", "ok I added a new one", True),
    ("You can replace it under **Billing → Payment method**.", "done", True),
    ("You can replace it under **Billing → Payment method**.", "I added a new one, but it still failed?", False),
    ("Go to **Settings → Team → Invite** and enter their email.", "done", False),
])
def test_only_a_replacement_said_right_after_being_asked_for_it_counts(reply, message, replaced):
    assert reports_card_replaced(_after(reply, message)) is replaced
