"""The guard refuses an unlock whoever proposes it (an LLM included) unless the locked account's owner asked for it:
the lock and its reason answer a question; advice asked, the unlock put off, or access to something else asks for
nothing; a request in the customer's own words or a yes to the offer starts the unlock. The offline writer proposes
it from the same reading (agents/unlock_requests.py), so the two never disagree."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn
from agents.follow_ups.offers import OFFER_UNLOCK
from agents.outcome import Draft, ProposedAction
from agents.own_data import EMAIL_TOLD
from agents.providers.offline import OfflineProvider
from agents.providers.scripted import ScriptedProvider
from agents.unlock_requests import unlock_wanted
from tests.agents.fakes import Harness, ctx_for, intent, offline

ONLY_ASKED = "only asked about the lock"


def _unlock_writer() -> ScriptedProvider:
    # The same proposal on the first draft and on the revision the critic asks for.
    draft = Draft(text="Your account is locked after too many failed sign-ins; I'll unlock it.",
                  actions=[ProposedAction(kind="account_unlock")])
    return ScriptedProvider(name="openai", model="gpt-test", intents=[intent("account", 0.93)], replies=[draft, draft])


@pytest.mark.parametrize("message", [
    "why is my account locked", "is my account locked?", "is my account still locked?",
    "what happens if my account gets locked", "if my account is locked can support unlock it",
])
async def test_an_unlock_for_a_question_about_the_lock_is_refused_whoever_proposes_it(message):
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert harness.ports.unlocked == [] and harness.ports.unlocks_waiting == [] and outcome.actions == []
    assert any(ONLY_ASKED in r for r in outcome.summary["critic_rounds"][0]["reasons"])


@pytest.mark.parametrize("message", ["please unlock my account", "unlock me", "I'm locked out, can you unlock it"])
async def test_an_unlock_carol_asks_for_passes_the_guard(message):
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert [a.kind for a in outcome.actions] == ["account_unlock"]
    assert len(harness.ports.unlocked) == 1


NOT_ASKED = "owner didn't ask for it"
KEPT_LOCKED = "wants kept locked"
# Messages that each started Carol's unlock unasked (stop 47's probes): advice asked, the lock denied or its state asked,
# the unlock turned down or put off, access to something other than the account.
NOTHING_ASKED = [
    "should I unlock it?", "will you unlock it if I ask?", "who can unlock my account?",
    "I want to know if you can unlock it", "not locked out, just forgot password", "I don't think I'm locked out",
    "locked out? no, I just can't find the settings", "unlock status", "why would I unlock it", "unlock? no thanks",
    "maybe unlock it later", "we lost access to our old domain", "I don't have access to the billing page",
    "I can't access the api", "access denied when I deploy", "I'm locked out of my email",
    "the app locked me out of the settings page", "is my data encrypted?",
]
ASKED = ["please unlock my account", "unlock it please", "I'm locked out", "I can't access my account",
         "access denied when I try to log in", "I can't log in", "I'm locked out of my account"]
_OFFERED = HistoryTurn(role="assistant", text=f"Your account (carol) is locked. If you'd like that, {OFFER_UNLOCK}.")
_EMAIL = HistoryTurn(role="assistant", text=f"{EMAIL_TOLD} carol@example.com.")
# (what the assistant said last, the customer's answer, whether that asks for the unlock)
IN_CONVERSATION = [
    (_OFFERED, "yes please", True), (_OFFERED, "ok do it", True), (_OFFERED, "maybe later", False),
    (_OFFERED, "no thanks", False), (_OFFERED, "is it still locked?", False),
    (_EMAIL, "I don't have access to it anymore", False),
]


# The help centre's entry on passwords answers "not locked out, just forgot password" before any writer is asked.
@pytest.mark.parametrize("message", [m for m in NOTHING_ASKED if m != "not locked out, just forgot password"])
async def test_an_unlock_for_a_message_that_asks_for_none_is_refused_whoever_proposes_it(message):
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert harness.ports.unlocked == [] and harness.ports.unlocks_waiting == [] and outcome.actions == []
    reasons = outcome.summary["critic_rounds"][0]["reasons"]
    assert any(NOT_ASKED in r or ONLY_ASKED in r or KEPT_LOCKED in r for r in reasons), reasons


@pytest.mark.parametrize("message", ASKED)
async def test_an_unlock_asked_for_in_the_customers_own_words_passes_the_guard(message):
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert [a.kind for a in outcome.actions] == ["account_unlock"]


@pytest.mark.parametrize(("said", "answer", "asked"), IN_CONVERSATION)
async def test_an_unlock_in_answer_to_the_turn_before_passes_the_guard_only_on_a_yes(said, answer, asked):
    history = [HistoryTurn(role="user", text="why is my account locked?"), said]
    harness = Harness(provider=_unlock_writer(), fallback=offline())
    outcome = await harness.run(ctx_for(answer, customer="cus_carol", history=history))
    assert [a.kind for a in outcome.actions] == (["account_unlock"] if asked else []), outcome.actions


@pytest.mark.parametrize(("message", "asked"), [*((m, False) for m in NOTHING_ASKED), *((m, True) for m in ASKED)])
async def test_the_offline_writer_proposes_the_unlock_exactly_when_the_guards_reading_says_it_was_asked(message, asked):
    # The writer's proposal and the guard's reading are one function: the guard never has to undo the writer.
    assert unlock_wanted(ctx_for(message, customer="cus_carol")) is asked
    local = OfflineProvider()
    harness = Harness(provider=local, fallback=local)  # type: ignore[arg-type]
    outcome = await harness.run(ctx_for(message, customer="cus_carol"))
    assert [a.kind for a in outcome.actions] == (["account_unlock"] if asked else []), outcome.reply
    assert not any(NOT_ASKED in r for round_ in outcome.summary.get("critic_rounds", []) for r in round_["reasons"])
