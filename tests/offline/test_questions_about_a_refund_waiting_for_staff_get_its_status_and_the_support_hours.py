"""Questions about a refund sent to staff for approval ("how long will approval take?", "when will staff look at it?",
"did it work?"), asked some turns after it was filed: where it stands from the facts, what the help centre says
of staff approval and hours, never the arrival time alone nor the out-of-scope reply. With none filed, that none is
waiting, and the support hours."""

from __future__ import annotations

import pytest

from tests.agents.fakes import FakePorts

FILED = ("was i charged twice?", "yes please")
PENDING = "waiting for a member of our staff"
NO_TIME = "doesn't give a time for staff approval"
STAFF_HOURS = "Monday to Friday, 08:00 to 20:00 UTC"
ARRIVAL = "5 to 10 business days"
SCOPE_REPLY = "I can only help with your Northwind account"


async def test_how_long_approval_takes_after_filing_gets_the_pending_refund_the_staff_hours_then_the_arrival(converse):
    *_, filed, asked = await converse("cus_bob", *FILED, "how long will approval take?")
    assert "RF-0001" in filed.reply, filed.reply
    reply = asked.reply
    assert "reference RF-0001" in reply and "$99.00" in reply and PENDING in reply, reply
    assert NO_TIME in reply and STAFF_HOURS in reply, reply
    assert reply.index(PENDING) < reply.index(STAFF_HOURS) < reply.index(ARRIVAL), reply
    assert asked.intent.label == "refund" and not asked.actions, (asked.intent, asked.actions)


async def test_when_staff_will_look_at_it_after_asking_how_long_says_it_is_still_waiting_and_when_staff_are_in(
        converse):
    *_, asked_again = await converse("cus_bob", *FILED, "how long will approval take?", "when will staff look at it?")
    reply = asked_again.reply
    assert SCOPE_REPLY not in reply and "My answer is the same" not in reply, reply
    assert "reference RF-0001" in reply and "still waiting for a member of our staff" in reply, reply
    assert NO_TIME in reply and STAFF_HOURS in reply, reply
    assert asked_again.intent.label == "refund" and not asked_again.actions, (asked_again.intent, asked_again.actions)


@pytest.mark.parametrize("question", ["did it work?", "has it gone through?", "is it approved yet?", "is it done?"])
async def test_whether_it_went_through_asked_after_questions_about_the_wait_gets_the_refunds_status(converse, question):
    *_, status = await converse("cus_bob", *FILED, "how long will approval take?", "when will staff look at it?",
                                question)
    reply = status.reply
    assert SCOPE_REPLY not in reply, reply
    assert "RF-0001" in reply and "$99.00" in reply and PENDING in reply, reply
    assert status.intent.label == "refund" and not status.actions, (status.intent, status.actions)


async def test_how_long_approval_takes_with_no_refund_filed_says_none_is_waiting_and_when_staff_are_in(converse):
    (asked,) = await converse("cus_bob", "how long will approval take?")
    reply = asked.reply
    assert "no refund on your account waiting for approval" in reply and "RF-" not in reply, reply
    assert STAFF_HOURS in reply and "$50.00" in reply, reply
    # The duplicate that would qualify is offered, not asked for.
    assert "invoice NW-2002 ($99.00) would qualify" in reply and not asked.actions, (reply, asked.actions)


async def test_a_visitor_asking_when_staff_will_look_at_it_is_asked_to_sign_in_and_told_when_staff_are_in(converse):
    (asked,) = await converse(None, "when will staff look at it?")
    reply = asked.reply
    assert SCOPE_REPLY not in reply, reply
    assert "sign in" in reply and STAFF_HOURS in reply and NO_TIME in reply, reply
    assert "RF-" not in reply and "NW-" not in reply, reply


async def test_a_customer_without_a_refund_is_not_told_of_another_customers_refund_waiting_for_approval(converse):
    ports = FakePorts()
    await converse("cus_bob", *FILED, ports=ports)
    assert ports.refund_requests, "bob's refund was not filed"
    asked, asked_again = await converse("cus_alice", "how long will approval take?", "when will staff look at it?",
                                        ports=ports)
    for outcome in (asked, asked_again):
        reply = outcome.reply
        assert "no refund on your account waiting for approval" in reply and STAFF_HOURS in reply, reply
        assert "RF-0001" not in reply and "NW-2002" not in reply and "$99.00" not in reply, reply
