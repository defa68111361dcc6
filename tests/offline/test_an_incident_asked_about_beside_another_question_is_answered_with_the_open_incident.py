""""Refund the duplicate charge and also what's the status of the eu-west incident": read alone, the second question
is off topic to the classifier, and the help centre's entry on the status page answered it. With the open incident
gathered, that incident (its title and status) is the answer, as it is when the question is asked alone.

The orchestrator gathers the incidents with the technical worker, which a refund label alone does not call: a
message that names an incident gets it too, whatever its label."""

from __future__ import annotations

from decimal import Decimal

from agents.context import IntentResult, SupportContext
from agents.facts import CustomerProfile
from agents.outcome import FaqMatch
from agents.providers.offline.writer import compose

BOB = CustomerProfile(external_id="cus_bob", name="Bob Chen", email="bob@example.com", plan="Business",
                      plan_price=Decimal("99.00"))
EU_WEST = {"reference": "INC-2026-11-24", "title": "Elevated API error rates in eu-west", "status": "investigating",
           "regions": ["eu-west"], "components": ["api"], "started_at": "2026-11-24T08:00:00Z"}
STATUS_PAGE_ENTRY = FaqMatch(faq_id=23, question="Where can I see the status of Northwind services?", score=0.2,
                             answer="Our status page at status.northwind.cloud shows every region and component, "
                                    "current incidents and their updates. You can subscribe there to updates by email.")


def _context(message: str, *, incidents: list[dict]) -> SupportContext:
    # As the technical worker gathers them: the incident its matcher picks for the message, and every open one.
    return SupportContext(conversation_id="c", run_id="r", message=message, customer=BOB,
                          intent=IntentResult(label="refund", confidence=0.98),
                          facts={"technical": {"articles": [], "incident": incidents[0] if incidents else None,
                                                "active_incidents": incidents},
                                 "faq": {"matches": [STATUS_PAGE_ENTRY.model_dump(mode="json")]}})


def test_the_incidents_status_asked_after_a_refund_is_answered_with_the_open_incident():
    draft = compose(_context("refund the duplicate charge and also whats the status of the eu-west incident",
                             incidents=[EU_WEST]))
    assert "Elevated API error rates in eu-west" in draft.text
    assert "investigating" in draft.text
    assert "I think you're asking about" not in draft.text


def test_without_an_open_incident_the_status_page_entry_still_answers():
    draft = compose(_context("refund the duplicate charge and also whats the status of the eu-west incident",
                             incidents=[]))
    assert "Elevated API error rates" not in draft.text
    assert "status.northwind.cloud" in draft.text


async def test_bob_asking_for_his_refund_and_the_incidents_status_in_one_message_gets_both(converse):
    (outcome,) = await converse("cus_bob", "refund the duplicate charge and also whats the status of the eu-west incident")
    assert "technical" in outcome.summary["workers"]
    assert "Elevated API error rates in eu-west" in outcome.reply and "investigating" in outcome.reply
    assert "NW-2002" in outcome.reply  # the refund is still answered


async def test_a_refund_question_naming_no_incident_gathers_no_technical_facts(converse):
    # Neighbour guard: the technical worker is added for a named incident only.
    (outcome,) = await converse("cus_bob", "refund the duplicate charge please")
    assert "technical" not in outcome.summary["workers"]
