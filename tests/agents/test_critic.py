"""The critic's three verdicts, and the guard that no model can talk round."""

from __future__ import annotations

from agents.outcome import CriticVerdict, Draft
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import Harness, ctx_for, intent, offline


def llm(**kwargs) -> ScriptedProvider:
    kwargs.setdefault("intents", [intent("billing", 0.9)])
    return ScriptedProvider(name="openai", model="gpt-test", **kwargs)


async def test_approved_draft_is_sent_as_written():
    harness = Harness(provider=llm(replies=["Invoice NW-1003 failed: card 4242 expired."],
                                   verdicts=[CriticVerdict(verdict="approve")]), fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.reply == "Invoice NW-1003 failed: card 4242 expired."
    assert outcome.critic.verdict == "approve"
    assert outcome.draft_before_revision == ""


async def test_critic_asks_for_one_revision_and_the_revised_draft_is_sent():
    provider = llm(
        replies=["Your payment failed.", "Invoice NW-1003 ($29.00) failed because the card ending 4242 expired."],
        verdicts=[CriticVerdict(verdict="revise", reasons=["name the invoice and the cause"]),
                  CriticVerdict(verdict="approve")],
    )
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.route == "resolver"
    assert outcome.reply.startswith("Invoice NW-1003 ($29.00) failed")
    assert outcome.draft_before_revision == "Your payment failed."
    assert provider.calls_of("write_reply")[1].revision_notes == ["name the invoice and the cause"]
    assert [r["verdict"] for r in outcome.summary["critic_rounds"]] == ["revise", "approve"]
    # The customer was told to drop the first draft before the revision streamed.
    resets = [e for e in harness.events.of("assistant.delta") if e.get("reset")]
    assert len(resets) == 1
    assert harness.events.streamed_text() == outcome.reply


async def test_critic_handoff_passes_the_conversation_to_a_person_with_its_concerns():
    harness = Harness(provider=llm(replies=["Sure, whatever you say."],
                                   verdicts=[CriticVerdict(verdict="handoff", reasons=["customer is threatening"])]),
                      fallback=offline())
    outcome = await harness.run(ctx_for("refund me or else"))
    assert outcome.route == "handoff"
    assert outcome.handoff_reason == "critic_rejected"
    assert "Sure, whatever" not in outcome.reply
    assert "Critic concerns: customer is threatening" in outcome.handoff_summary


async def test_a_second_objection_after_the_one_revision_hands_off():
    harness = Harness(provider=llm(replies=["Draft one.", "Draft two."],
                                   verdicts=[CriticVerdict(verdict="revise", reasons=["vague"])]),
                      fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.route == "handoff" and outcome.handoff_reason == "critic_rejected"
    assert len(harness.provider.calls_of("write_reply")) == 2  # one revision, never a third draft
    assert outcome.draft_before_revision == "Draft one."


async def test_guard_overrules_an_approving_model_when_the_draft_invents_an_invoice():
    provider = llm(replies=["Invoice NW-9999 was refunded.", "I can see NW-1003 failed."],
                   verdicts=[CriticVerdict(verdict="approve")])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("what happened to my invoice?"))
    assert outcome.reply == "I can see NW-1003 failed."
    assert any("NW-9999" in reason for reason in provider.calls_of("write_reply")[1].revision_notes)


async def test_guard_rejects_an_amount_the_facts_do_not_hold():
    provider = llm(replies=["You were charged $450.00 last month.", "You were charged $29.00."])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("how much was I charged?"))
    assert outcome.reply == "You were charged $29.00."
    assert outcome.draft_before_revision == "You were charged $450.00 last month."


async def test_when_the_llm_critic_is_down_the_offline_reviewer_steps_in_and_it_is_recorded():
    from agents.resilience import ProviderError

    provider = llm(replies=["Invoice NW-1003 failed."], verdicts=[ProviderError("server_error", "HTTP 500")])
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("why did my payment fail?"))
    assert outcome.reply == "Invoice NW-1003 failed."
    assert "critic: openai failed (server_error) → offline" in outcome.fallbacks
    assert outcome.summary["critic_rounds"][0]["reviewer"] == "offline"


async def test_synthesis_that_conflicts_with_policy_is_revised_in_the_panel():
    provider = llm(
        intents=[intent("refund", 0.8, secondary=("technical",))],
        personas={"billing": Draft(text="NW-2001 can be refunded."), "technical": Draft(text="No incident.")},
    )
    syntheses = iter([Draft(text="I've refunded NW-2001 for you."),
                      Draft(text="NW-2001 is outside the 14-day window, so it can't be refunded.")])
    provider.personas["critic"] = lambda ctx, persona, notes: next(syntheses)
    harness = Harness(provider=provider, fallback=offline())
    outcome = await harness.run(ctx_for("refund NW-2001 and is the API down?", customer="cus_bob"))
    # the LLM critic approved both, but the guard caught the claim of a refund done.
    assert outcome.route == "panel"
    assert outcome.reply.startswith("NW-2001 is outside the 14-day window")
