"""Follow-ups on a refund: a charge taken back out of the request, whether a refund offered was asked for, and
how long a staff member's approval takes."""

from __future__ import annotations

import pytest

REFUSAL = "outside our 14-day refund window"
PENDING = "(reference RF-0001, $99.00)"


async def test_a_correction_drops_the_invoice_and_says_where_the_filed_refund_stands(converse):
    outcomes = await converse("cus_bob", "refund NW-2002", "also refund NW-2001 while you're at it",
                              "no wait, I meant just the duplicate, forget NW-2001", "is it approved yet?")
    filed, _, correction, status = outcomes
    assert [a.invoice_number for a in filed.actions if a.kind == "refund"] == ["NW-2002"], filed.actions
    assert "only the duplicate" in correction.reply and "won't ask for a refund of invoice NW-2001" in (
        correction.reply), correction.reply
    for outcome in (correction, status):
        assert REFUSAL not in outcome.reply, outcome.reply
        assert PENDING in outcome.reply and "waiting for a member of our staff" in outcome.reply, outcome.reply
        assert not outcome.actions, outcome.actions


@pytest.mark.parametrize("follow_up", ["did you refund it?", "why not?", "have you asked for it?"])
async def test_asking_whether_an_offered_refund_was_filed_gets_not_yet_and_the_offer(converse, follow_up):
    first, second = await converse("cus_bob", "was I charged twice?", follow_up)
    assert not first.actions
    reply = second.reply
    assert reply.startswith("No, not yet: I only ask for a refund when you tell me to."), reply
    assert "tell me if you'd like me to ask for it" in reply, reply
    # Not the whole first answer again.
    assert "was charged twice on" not in reply, reply
    assert not second.actions, second.actions


async def test_how_long_approval_takes_says_staff_review_it_then_the_arrival_time(converse):
    _, outcome = await converse("cus_bob", "refund NW-2002", "how long will my refund approval take?")
    reply = outcome.reply
    assert "reference RF-0001" in reply and "waiting for a member of our staff to review it" in reply, reply
    assert reply.index("review it") < reply.index("5 to 10 business days"), reply
    assert not outcome.actions, outcome.actions
