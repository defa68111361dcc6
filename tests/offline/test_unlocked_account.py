"""Asked why it was locked once it is open again, the writer says so, and why it had been locked:
"your account isn't locked" is true, and no answer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.context import IntentResult, SupportContext
from agents.facts import AccountFact
from agents.outcome import FaqMatch
from agents.providers.offline import OfflineProvider
from agents.providers.offline.grounding import Grounding
from tests.offline.test_writer_and_critic import ALICE, _write

UNLOCKED_AT = datetime(2026, 11, 26, 14, 30, tzinfo=UTC)
CAROLS_LOCK = "Locked after five failed sign-ins."
LOCK_FAQ = FaqMatch(faq_id=4, question="Why is my account locked and how do I unlock it?", score=0.9,
                    answer="After five failed sign-ins we lock the account for your safety. Ask us to unlock it.")


@pytest.fixture(scope="module")
def provider(classifier) -> OfflineProvider:
    return OfflineProvider(classifier)


def carol_context(message: str, **account: object) -> SupportContext:
    """Carol, signed in, with her account as the bridge gives it (active unless told otherwise)."""
    fact = AccountFact(**{"username": "carol", "email": "carol@example.com", "plan": "Free", "status": "active",
                          **account})
    return SupportContext(conversation_id="c", run_id="r", message=message, today="2026-11-27",
                          customer=ALICE.model_copy(update={"name": "Carol Diaz", "external_id": "cus_carol"}),
                          intent=IntentResult(label="account", confidence=0.95),
                          facts={"account": {"account": fact.model_dump(mode="json")},
                                 "faq": {"matches": [LOCK_FAQ.model_dump(mode="json")]}})


def unlocked_context(message: str, *, on_request: bool = False, reason: str = CAROLS_LOCK) -> SupportContext:
    return carol_context(message, last_lock_reason=reason, unlocked_at=UNLOCKED_AT, unlocked_on_request=on_request)


@pytest.mark.parametrize("message", ["why was my account locked?", "why was it locked?", "why did you lock me out"])
async def test_an_unlocked_account_asked_why_it_was_locked_is_told_it_is_active_again_and_the_earlier_reason(
        provider, message):
    ctx = unlocked_context(message)
    draft, _ = await _write(provider, ctx)
    assert "isn't locked" not in draft.text, draft.text
    assert "active again" in draft.text and "our team unlocked it on 2026-11-26" in draft.text, draft.text
    assert "locked after five failed sign-ins" in draft.text
    # Staff unlocked it unasked; and the way to unlock (the FAQ, the unlock itself) is no help now.
    assert "after your request" not in draft.text
    assert "Ask us to unlock it" not in draft.text and draft.actions == []
    assert Grounding.of(ctx).unsupported(draft.text) == []
    assert (await provider.review(ctx, draft)).verdict == "approve"


async def test_an_unlock_the_customer_asked_for_is_said_to_have_followed_their_request(provider):
    draft, _ = await _write(provider, unlocked_context("why was my account locked?", on_request=True))
    assert "unlocked it on 2026-11-26, after your request" in draft.text, draft.text


async def test_a_past_lock_is_told_only_for_an_account_unlocked_since_and_a_lock_again_gives_its_own_reason(
        provider):
    never_locked, _ = await _write(provider, carol_context("why was my account locked?"))
    assert "isn't locked — it's active" in never_locked.text and "had been locked" not in never_locked.text
    # Locked again after the unlock: the lock it has now is the answer, whatever was lifted before.
    locked_again, _ = await _write(provider, carol_context(
        "why was my account locked?", status="locked", locked_reason="Locked after a password spray.",
        failed_signins=9, last_lock_reason=CAROLS_LOCK, unlocked_at=UNLOCKED_AT))
    assert "is locked — it was locked after a password spray" in locked_again.text, locked_again.text
    assert "five failed sign-ins" not in locked_again.text and "active again" not in locked_again.text
    unlocked, _ = await _write(provider, unlocked_context("why was my account locked?"))
    assert "had been locked after five failed sign-ins" in unlocked.text and "isn't locked" not in unlocked.text


async def test_a_lock_for_another_cause_is_given_as_it_was_without_blaming_a_guessed_password(provider):
    draft, _ = await _write(provider, unlocked_context("why was my account locked?",
                                                       reason="Sign-ups from a blocked card network"))
    assert "It had been locked: sign-ups from a blocked card network." in draft.text, draft.text
    assert "guessing" not in draft.text
