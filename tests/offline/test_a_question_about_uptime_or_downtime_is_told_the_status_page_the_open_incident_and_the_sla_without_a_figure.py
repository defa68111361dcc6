""""What's your uptime?", "whats the uptime been this month?" and "was there downtime this week?" are read as technical
and got "I don't have a guide on that". No fact gives an uptime figure, so none is guessed: the reply says plainly
there is none to hand, names the incident open now (the eu-west one, with its status), quotes the help centre's
status-page entry and, asked of uptime, its uptime SLA entry (Business 99.95%, Free and Pro none). A customer's own
app's downtime, a claim for credits and a question on the SLA keep their own answers."""

from __future__ import annotations

import pytest

NO_FIGURE = "I don't have an uptime figure for this month, or any other period, to give you here"
NO_PAST_DOWNTIME = "I can only see the incidents open right now, not past downtime"
OPEN_INCIDENT = "“Elevated API error rates in eu-west” (status: investigating)"
STATUS_PAGE = "Our status page at status.northwind.cloud shows every region and component"
SLA = "The Business plan comes with a 99.95% monthly uptime SLA"


@pytest.mark.parametrize("message", ["whats the uptime been this month?", "what's your uptime?"])
async def test_uptime_asked_gets_no_figure_the_open_incident_the_status_page_and_the_sla(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith(NO_FIGURE), outcome.reply
    for told in (OPEN_INCIDENT, STATUS_PAGE, SLA, "You're on the Business plan."):
        assert told in outcome.reply, outcome.reply
    assert "I don't have a guide on that" not in outcome.reply


async def test_downtime_asked_gets_the_open_incident_and_the_status_page_without_the_sla(converse):
    (outcome,) = await converse("cus_bob", "was there downtime this week?")
    assert outcome.reply.startswith(NO_PAST_DOWNTIME), outcome.reply
    assert OPEN_INCIDENT in outcome.reply and STATUS_PAGE in outcome.reply
    assert SLA not in outcome.reply and "I don't have a guide on that" not in outcome.reply


async def test_a_visitor_asking_about_uptime_is_told_no_plan_of_theirs(converse):
    (outcome,) = await converse(None, "what's your uptime?")
    assert outcome.reply.startswith(NO_FIGURE) and SLA in outcome.reply and "You're on" not in outcome.reply, (
        outcome.reply)


@pytest.mark.parametrize(("message", "expected"), [
    # Neighbour guards: their own app's downtime; credits claimed for an outage; the SLA itself asked about.
    ("my app has downtime every night", "I don't have a guide on that in our help centre"),
    ("we had downtime yesterday, do we get credits?", "About service credits:"),
    ("do you offer an uptime SLA?", SLA),
])
async def test_own_downtime_credits_or_the_sla_asked_are_not_told_the_uptime_answer(converse, message, expected):
    (outcome,) = await converse("cus_alice", message)
    assert expected in outcome.reply, outcome.reply
    assert NO_FIGURE not in outcome.reply and NO_PAST_DOWNTIME not in outcome.reply


@pytest.mark.parametrize(("message", "period"), [("what was our uptime last month?", "last month"),
                                               ("I need an SLA report for last month", "last month"),
                                               ("can I get uptime stats?", "this month")])
async def test_uptime_for_a_period_gets_no_figure_not_the_invoices(converse, message, period):
    # "Last month" read as billing (0.49): the invoice list; "an SLA report" got "Yes: you're on the Business plan".
    (outcome,) = await converse("cus_bob", message)
    assert outcome.reply.startswith(NO_FIGURE.replace("this month", period)), outcome.reply
    assert OPEN_INCIDENT in outcome.reply and SLA in outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply
