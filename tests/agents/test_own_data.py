"""A signed-in customer's question about their own account or billing is answered from their facts, not the FAQ."""

from __future__ import annotations

import pytest

from agents.outcome import FaqMatch
from agents.own_data import asks_about_own_data
from agents.providers.scripted import ScriptedProvider
from tests.agents.fakes import FakeFaq, Harness, ctx_for, intent, offline

TWO_FACTOR = FaqMatch(faq_id=9, question="How do I turn on two-factor authentication?",
                      answer="Open Settings → Security and choose Turn on two-factor.", score=0.95)
PASSWORD = FaqMatch(faq_id=1, question="How do I reset my password?",
                    answer="Use 'Forgot password' on the sign-in page; we email you a reset link.", score=0.97)
CONFIDENT_FAQ = {"2fa": TWO_FACTOR, "two factor": TWO_FACTOR, "password": PASSWORD}


def harness_for(label: str) -> Harness:
    local = offline(intents=[intent(label, 0.97)], replies=["Two-factor authentication is off for your account."])
    return Harness(provider=local, fallback=local, faq=FakeFaq(CONFIDENT_FAQ))


@pytest.mark.parametrize("message", [
    "is 2fa on for my account", "when did i last pay", "what card do you have on file for me",
    "what plan am i on", "is my account locked?", "how much am i paying per month", "can you show me my invoices",
    "my account is locked, please unlock it", "please unlock my account", "my card was declined",
])
def test_questions_about_the_customers_own_state_are_recognised(message):
    assert asks_about_own_data(message)


@pytest.mark.parametrize("message", [
    "how do I reset my password", "how do i turn on 2fa", "how do I change my card", "where can I find my invoices",
    "what plans do you offer", "what payment methods do you accept", "I forgot my password", "can I pay by invoice",
])
def test_how_to_questions_and_general_questions_are_not_taken_for_own_data(message):
    assert not asks_about_own_data(message)


async def test_a_signed_in_customer_asking_whether_their_2fa_is_on_gets_their_account_facts_not_the_faq():
    harness = harness_for("account")
    outcome = await harness.run(ctx_for("is 2fa on for my account", customer="cus_alice"))
    assert outcome.route == "resolver"
    assert ("account", "cus_alice") in harness.ports.calls
    assert outcome.summary["faq"]["skipped"] == "asks about the signed-in customer's own data"
    assert "Settings → Security" not in outcome.reply


async def test_an_anonymous_visitor_asking_the_same_still_gets_the_faq_answer():
    outcome = await harness_for("account").run(ctx_for("is 2fa on for my account", customer=None))
    assert outcome.route == "faq" and outcome.reply == TWO_FACTOR.answer


async def test_a_signed_in_customers_how_to_question_still_takes_the_faq_shortcut():
    outcome = await harness_for("account").run(ctx_for("how do I reset my password", customer="cus_alice"))
    assert outcome.route == "faq" and outcome.reply == PASSWORD.answer


async def test_the_local_faq_shortcut_before_an_llm_call_also_leaves_own_data_questions_to_the_workers():
    local = offline(intents=[intent("account", 0.97)])
    remote = ScriptedProvider(name="openai", model="gpt-test", intents=[intent("account", 0.95)],
                              replies=["Two-factor authentication is off for your account."])
    harness = Harness(provider=remote, fallback=local, faq=FakeFaq(CONFIDENT_FAQ))
    outcome = await harness.run(ctx_for("is 2fa on for my account", customer="cus_alice"))
    assert outcome.route == "resolver"
    assert ("account", "cus_alice") in harness.ports.calls
