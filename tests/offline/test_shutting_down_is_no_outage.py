""""How do I shut down without the confirmation prompt?" and "Ubuntu Shut down app" were told of the open incident in
eu-west ("if your app runs in eu-west, it may be the cause"), then the status page: "down" there is part of a verb.
A service that is down is still an outage."""

from __future__ import annotations

import pytest

from agents.providers.offline.kb import reports_a_fault

INCIDENT = "Elevated API error rates in eu-west"


@pytest.mark.parametrize("message", ["How do I shut down without the confirmation prompt?", "Ubuntu Shut down app",
                                     "how do I scale down my app?"])
async def test_down_as_part_of_a_verb_tells_no_incident_nor_the_status_page(converse, message):
    [outcome] = await converse("cus_alice", message)
    assert INCIDENT not in outcome.reply and "status.northwind.cloud" not in outcome.reply, outcome.reply


async def test_an_app_that_is_down_is_still_told_of_the_incident(converse):
    [outcome] = await converse("cus_alice", "my app is down!!")
    assert INCIDENT in outcome.reply, outcome.reply


@pytest.mark.parametrize(("message", "fault"), [
    ("is the site down?", True), ("my api is down", True), ("how do I shut down my app", False),
    ("shutdown 5:30pm every day", False), ("can I scale down at night?", False),
])
def test_down_reports_a_fault_only_when_something_is_down(message, fault):
    assert reports_a_fault(message) is fault
