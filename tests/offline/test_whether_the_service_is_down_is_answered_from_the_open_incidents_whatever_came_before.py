""""Is anything down at the moment?", "are you having an outage?", "any known issues right now?": whether the service
is running now. Alone they read as off topic or small talk (technical at 0.33 beside billing), and after another
question as that question's topic: "is there any outage right now?" after Bob's duplicate-charge refund got the refund
policy and the SLA's credits (its "right" echoed the refund reply's "You're right"), "is anything down?" after a
password question got Alice's invoice list, "are you having an outage?" after it "I don't have enough information".
Each is answered with the incident open now; with none open, with no incident named."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from agents.facts import IncidentFact
from agents.service_status import asks_if_the_service_is_down
from tests.agents.fakes import FakePorts

OPEN_INCIDENT = "“Elevated API error rates in eu-west”"
REFUND = "I was charged twice for my last invoice, can I get a refund?"
PASSWORD = "how do I change my password?"


@pytest.mark.parametrize("message", [
    "is anything down at the moment?", "are you having an outage?", "any known issues right now?",
    "is northwind down?", "are you guys down?", "is your api down right now?", "thanks, and is there any outage right now?",
])
@pytest.mark.parametrize("before", [REFUND, PASSWORD, None])
async def test_asked_whether_the_service_is_down_the_open_incident_is_told(converse, message, before):
    *_, outcome = await converse("cus_bob", *([before] if before else []), message)
    assert outcome.intent.label == "technical", outcome.intent
    assert OPEN_INCIDENT in outcome.reply and "investigating" in outcome.reply, outcome.reply
    assert "Here are your most recent invoices" not in outcome.reply
    assert "Our refund policy" not in outcome.reply and "enough information" not in outcome.reply
    assert any(source.kind == "incident" for source in outcome.sources)


@dataclass
class NoIncidentPorts(FakePorts):
    async def active_incidents(self) -> list[IncidentFact]:
        await self._enter("knowledge", "active_incidents")
        return []


async def test_with_no_incident_open_none_is_named(converse):
    (outcome,) = await converse("cus_alice", "is anything down at the moment?", ports=NoIncidentPorts())
    assert outcome.intent.label == "technical"
    assert outcome.reply.startswith("There's no active incident on our side right now."), outcome.reply
    assert "Elevated API error rates" not in outcome.reply
    assert not any(source.kind == "incident" for source in outcome.sources)


@pytest.mark.parametrize("message", [
    # Neighbour guards: money for an outage (the refund rules weigh it), things that are "up" for something, a
    # system of someone else's named as such, a question with no service in it.
    "is there any outage compensation?", "can I get a refund for the downtime?", "are you up for a chat?",
    "are you taking up orders during the lockdown?", "is the power down in my street?", "what's up?",
])
def test_money_for_an_outage_and_other_ups_and_downs_are_not_asked_whether_the_service_is_down(message):
    assert not asks_if_the_service_is_down(message)
