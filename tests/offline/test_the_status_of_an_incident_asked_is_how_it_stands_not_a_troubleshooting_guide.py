""""What's the status of the eu-west incident?" asks how the incident stands: its title, status and since when, and
where updates go; not "very likely what you're seeing" with a troubleshooting guide's steps, which answer a fault
the customer reports. Asked beside a refund request, the same."""

from __future__ import annotations

import pytest

GUIDE = "Troubleshooting API errors"


@pytest.mark.parametrize("message", [
    "whats the status of the eu-west incident",
    "is the incident resolved?",
    "any update on the incident?",
])
async def test_the_incidents_status_asked_is_told_without_a_guide(converse, message):
    (outcome,) = await converse("cus_bob", message)
    assert "“Elevated API error rates in eu-west” is open (status: investigating)" in outcome.reply, outcome.reply
    assert GUIDE not in outcome.reply and "very likely what you're seeing" not in outcome.reply


async def test_asked_beside_a_refund_the_incidents_status_comes_without_a_guide(converse):
    (outcome,) = await converse("cus_bob", "refund the duplicate charge and also whats the status of the eu-west incident")
    assert "is open (status: investigating)" in outcome.reply and GUIDE not in outcome.reply
    assert "NW-2002" in outcome.reply


async def test_a_fault_reported_with_the_incident_named_still_gets_the_guide(converse):
    # Neighbour guard: failing calls are a fault the guide's steps help with, whatever else is asked.
    (outcome,) = await converse("cus_bob", "my api calls fail in eu-west, whats the status of the incident")
    assert "Elevated API error rates in eu-west" in outcome.reply and GUIDE in outcome.reply
