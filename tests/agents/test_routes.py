"""The orchestrator's route choices, decided with a scripted provider (no HTTP, no Django)."""

from __future__ import annotations

import pytest

from agents.orchestrator import OUT_OF_SCOPE_REPLY, OrchestratorConfig
from agents.outcome import ArticleMatch, Draft, Source
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import FakeFaq, Harness, ctx_for, intent, offline


def llm(**kwargs) -> ScriptedProvider:
    return ScriptedProvider(name="openai", model="gpt-test", **kwargs)


async def test_customer_asking_for_a_person_is_handed_over_at_once():
    harness = Harness(provider=llm(intents=[intent("human", 0.95)]), fallback=offline())
    outcome = await harness.run(ctx_for("I want to talk to a real person"))
    assert outcome.route == "handoff"
    assert outcome.handoff_reason == "customer_asked"
    assert harness.provider.calls_of("write_reply") == []
    assert harness.ports.customer_ids_seen() == set()  # no worker ran
    assert "Asked:" in outcome.handoff_summary and "real person" in outcome.handoff_summary


async def test_a_clear_request_for_a_person_is_handed_over_before_any_llm_call():
    harness = Harness(provider=llm(), fallback=offline(intents=[intent("human", 0.96)]))
    outcome = await harness.run(ctx_for("let me talk to a human"))
    assert outcome.route == "handoff" and outcome.handoff_reason == "customer_asked"
    assert harness.provider.calls == []


async def test_confident_faq_match_is_answered_without_any_llm_call():
    harness = Harness(provider=llm(), fallback=offline(intents=[intent("account", 0.9)]))
    outcome = await harness.run(ctx_for("how can I reset my password", customer=None))
    assert outcome.route == "faq"
    assert outcome.reply.startswith("Use 'Forgot password'")
    assert outcome.sources == [Source(kind="faq", title="How do I reset my password?", ref="1")]
    assert harness.provider.calls == []  # the remote LLM was never asked anything
    assert outcome.summary["faq"] == {"top_id": 1, "question": "How do I reset my password?", "score": 0.97,
                                      "threshold": 0.9, "used": True}
    assert [s.kind for s in outcome.steps if s.kind == "llm"] == ["llm"]  # the local classifier only


async def test_faq_match_below_threshold_goes_to_the_resolver():
    harness = Harness(provider=llm(intents=[intent("account", 0.9)], replies=["Try resetting it."]),
                      fallback=offline(intents=[intent("account", 0.9)]),
                      config=OrchestratorConfig(faq_threshold=0.99))
    outcome = await harness.run(ctx_for("how can I reset my password"))
    assert outcome.route == "resolver"
    assert outcome.summary["faq"]["used"] is False and outcome.summary["faq"]["score"] == 0.97
    assert outcome.reply == "Try resetting it."


async def test_faq_is_not_used_for_a_refund_even_when_it_matches_well():
    harness = Harness(provider=llm(intents=[intent("refund", 0.95)], replies=["Let me check your charges."]),
                      fallback=offline(intents=[intent("refund", 0.95)]))
    outcome = await harness.run(ctx_for("what is your refund policy, I want one"))
    assert outcome.route == "resolver"
    assert "billing" in outcome.summary["workers"]


async def test_out_of_scope_message_gets_a_polite_honest_reply_without_a_writer():
    harness = Harness(provider=llm(intents=[intent("out_of_scope", 0.9)]), fallback=offline())
    outcome = await harness.run(ctx_for("write me a poem about the sea"))
    assert outcome.reply == OUT_OF_SCOPE_REPLY
    assert harness.provider.calls_of("write_reply") == []
    assert outcome.handoff_reason is None


@pytest.mark.parametrize(("confidence", "secondary"), [(0.41, ("account",)), (0.86, ())])
async def test_a_sure_faq_match_outweighs_an_unsure_out_of_scope_label(confidence, secondary):
    # 0.86: "I lost my phone" after asking how to turn two-factor on.
    harness = Harness(provider=llm(), fallback=offline(intents=[intent("out_of_scope", confidence,
                                                                       secondary=secondary)]))
    outcome = await harness.run(ctx_for("how can I reset my password", customer=None))
    assert outcome.route == "faq" and outcome.reply.startswith("Use 'Forgot password'")
    assert f"{confidence:.2f}" in outcome.summary["faq"]["over_out_of_scope"]
    assert harness.provider.calls == []


async def test_a_two_part_question_is_not_answered_by_one_faq_entry_however_sure():
    harness = Harness(provider=llm(intents=[intent("account", 0.9, secondary=("billing",))], replies=["Both parts."]),
                      fallback=offline(intents=[intent("account", 0.9, secondary=("billing",))]))
    outcome = await harness.run(ctx_for("how can I reset my password, and why was I billed twice?"))
    assert outcome.route != "faq" and outcome.summary["faq"]["used"] is False


async def test_a_sure_out_of_scope_label_is_not_overruled_by_the_faq():
    harness = Harness(provider=llm(intents=[intent("out_of_scope", 0.9)]),
                      fallback=offline(intents=[intent("out_of_scope", 0.93)]))
    outcome = await harness.run(ctx_for("what's the password for the wifi in your office", customer=None))
    assert outcome.reply == OUT_OF_SCOPE_REPLY and outcome.route == "resolver"
    assert "over_out_of_scope" not in outcome.summary["faq"]


async def test_billing_question_gathers_only_billing_facts_for_the_signed_in_customer():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)],
                                   replies=["Invoice NW-1003 for $29.00 failed because card 4242 expired."]),
                      fallback=offline())
    outcome = await harness.run(ctx_for("why did my last payment fail?"))
    assert outcome.route == "resolver"
    assert list(outcome.summary["workers"]) == ["billing"]
    assert outcome.summary["workers"]["billing"]["status"] == "success"
    facts = harness.provider.calls_of("write_reply")[0].facts
    assert [i["number"] for i in facts["billing"]["invoices"]] == ["NW-1001", "NW-1002", "NW-1003"]
    assert facts["billing"]["card"]["expired"] is True
    assert harness.ports.customer_ids_seen() == {"cus_alice"}
    assert outcome.critic is not None and outcome.critic.verdict == "approve"
    assert "NW-1003" in outcome.reply


async def test_anonymous_visitor_gets_no_customer_data_for_a_billing_question():
    harness = Harness(provider=llm(intents=[intent("billing", 0.9)], replies=["Please sign in to see invoices."]),
                      fallback=offline())
    await harness.run(ctx_for("show me my invoices", customer=None))
    # Only the plans on sale, which are the same for everyone; nothing of any account.
    assert list(harness.provider.calls_of("write_reply")[0].facts["billing"]) == ["plans"]
    assert harness.ports.customer_ids_seen() == set()


async def test_technical_question_brings_articles_and_the_active_incident():
    harness = Harness(provider=llm(intents=[intent("technical", 0.9)], replies=["We're seeing API errors."]),
                      fallback=offline())
    outcome = await harness.run(ctx_for("my API calls in eu-west return 500 errors"))
    facts = harness.provider.calls_of("write_reply")[0].facts["technical"]
    assert facts["incident"]["title"] == "Elevated API error rates in eu-west"
    assert facts["articles"][0]["slug"] == "api-rate-limits"
    assert {s.kind for s in outcome.sources} == {"article", "incident"}


async def test_a_technical_question_carries_every_open_incident_even_when_none_fits_the_message():
    harness = Harness(provider=llm(intents=[intent("technical", 0.9)], replies=["No outage in us-east."]),
                      fallback=offline())
    await harness.run(ctx_for("is there an outage in us-east?"))
    facts = harness.provider.calls_of("write_reply")[0].facts["technical"]
    assert facts["incident"] is None
    assert facts["active_incidents"] == [{"reference": "INC-2026-11-24", "title": "Elevated API error rates in eu-west",
                                          "status": "investigating", "regions": ["eu-west"],
                                          "started_at": "2026-11-24T08:00:00Z"}]


async def test_multi_domain_message_is_answered_by_the_expert_panel():
    provider = llm(
        intents=[intent("billing", 0.85, secondary=("technical",))],
        personas={"billing": Draft(text="Your invoice NW-1003 failed."),
                  "technical": Draft(text="There is an incident in eu-west."),
                  "critic": Draft(text="Invoice NW-1003 failed, and there is an incident in eu-west.")},
    )
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("my payment failed and the API in eu-west errors"))
    assert outcome.route == "panel"
    assert outcome.summary["panel"] == {"reason": "multi_domain", "specialists": ["billing", "technical"],
                                        "failed": []}
    personas = [call.persona for call in provider.calls_of("write_reply")]
    assert sorted(personas[:2]) == ["billing", "technical"] and personas[2] == "critic"
    synthesis_facts = provider.calls_of("write_reply")[2].facts
    assert [d["persona"] for d in synthesis_facts["panel"]["drafts"]] == ["billing", "technical"]
    assert set(outcome.summary["workers"]) == {"billing", "technical"}
    assert outcome.reply == "Invoice NW-1003 failed, and there is an incident in eu-west."


async def test_panel_specialists_draft_concurrently():
    provider = llm(intents=[intent("billing", 0.85, secondary=("account", "technical"))], delay_s=0.2)
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("billing and account and api trouble"))
    specialist_steps = [s for s in outcome.steps if s.agent == "panel" and s.name.endswith("specialist")]
    panel_step = next(s for s in outcome.steps if s.name == "specialists draft independently")
    assert len(specialist_steps) == 3
    assert all(s.parent_id == panel_step.id for s in specialist_steps)
    # All three drafted at once: one after another, each would start after the one before finished.
    assert max(s.started_at for s in specialist_steps) < min(s.finished_at for s in specialist_steps)


async def test_low_confidence_message_goes_to_the_panel_with_a_generalist():
    harness = Harness(provider=llm(intents=[intent("account", 0.3)]), fallback=offline())
    outcome = await harness.run(ctx_for("something is off with it"))
    assert outcome.route == "panel"
    assert outcome.summary["panel"]["reason"] == "low_confidence"
    assert outcome.summary["panel"]["specialists"] == ["account", "general"]


async def test_faq_retrieval_failure_is_recorded_and_the_run_continues():
    harness = Harness(provider=llm(intents=[intent("general", 0.9)], replies=["We host apps."]),
                      fallback=offline(), faq=FakeFaq(fail=True))
    outcome = await harness.run(ctx_for("what do you do?"))
    assert outcome.reply == "We host apps."
    assert any(f.startswith("faq: retrieval failed") for f in outcome.fallbacks)


class _TwoArticles:
    """A knowledge search that finds one article about the question and one about something else."""

    def search(self, text: str, *, k: int = 3) -> list[ArticleMatch]:
        return [ArticleMatch(slug="scaling", title="Scaling and cold starts", summary="Instances.", score=0.6),
                ArticleMatch(slug="domains", title="Custom domains and DNS", summary="CNAME records.", score=0.05)]


async def test_a_model_reply_cites_only_the_articles_relevant_to_the_question():
    harness = Harness(provider=llm(intents=[intent("technical", 0.9)], replies=["Add an instance."]),
                      fallback=offline(intents=[intent("technical", 0.9)]), kb=_TwoArticles())
    outcome = await harness.run(ctx_for("my app is slow"))
    assert outcome.route == "resolver"
    assert [s.ref for s in outcome.sources] == ["scaling"]


async def test_a_reply_whose_writer_quoted_nothing_cites_nothing():
    # "I don't have enough information": the writer says it used no source, so none is listed under it.
    harness = Harness(provider=llm(intents=[intent("technical", 0.9)],
                                   replies=[Draft(text="I'd rather not guess.", sources=[])]),
                      fallback=offline(intents=[intent("technical", 0.9)]), kb=_TwoArticles())
    outcome = await harness.run(ctx_for("my app is slow"))
    assert outcome.route == "resolver" and outcome.sources == []
