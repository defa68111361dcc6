"""Follow-ups that point back with a pronoun at the people of the question before ("can they see billing?"
after "how do I add a teammate?") or ask which of the things just spoken of was meant ("which payment?" after
"I was charged twice"): read with that question's topic; the same words with nothing before stand alone."""

from __future__ import annotations

import pytest

from agents.context import HistoryTurn, SupportContext
from agents.follow_ups.leaning_back import asks_which_of_them, leans_back
from agents.follow_ups.people import asks_about_people_before
from agents.follow_ups.topic import with_topic
from agents.providers.offline import OfflineProvider


def ctx(message: str, *history: str) -> SupportContext:
    turns = [HistoryTurn(role="user" if i % 2 == 0 else "assistant", text=t) for i, t in enumerate(history)]
    return SupportContext(conversation_id="c", run_id="r", message=message, history=turns)


@pytest.fixture(scope="module")
def provider(classifier) -> OfflineProvider:
    return OfflineProvider(classifier)


# --- Defect 1: "they" are the people the question before named --------------------------------------------

async def test_can_they_see_billing_after_adding_a_teammate_is_the_honest_roles_answer(converse):
    outs = await converse("cus_alice", "how do i add a teammate", "can they see billing?")
    outcome = outs[-1]
    assert outcome.intent.label == "account", outcome.intent
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply
    assert "NW-100" not in outcome.reply, outcome.reply
    assert "whether a member can see your billing" in outcome.reply, outcome.reply


@pytest.mark.parametrize(("customer", "first", "follow"), [
    ("cus_alice", "can I invite my developer?", "can he see billing?"),
    ("cus_carol", "how do I invite a colleague?", "can they see our invoices?"),
    (None, "how do i add a teammate", "can they see billing?"),
])
async def test_a_pronoun_question_about_people_named_before_keeps_the_account_topic(converse, customer, first,
                                                                                     follow):
    outcome = (await converse(customer, first, follow))[-1]
    assert outcome.intent.label == "account", outcome.intent
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply


def test_the_previous_label_wins_over_a_sure_own_label_only_after_people_were_named(provider):
    alone = provider.classify_text(ctx("can they see billing?"))
    assert alone.label == "billing" and alone.confidence >= 0.6  # sure of its own: what makes the override needed
    after = provider.classify_text(ctx("can they see billing?", "how do i add a teammate", "You can invite..."))
    assert after.label == "account", after
    after_a_deploy = provider.classify_text(ctx("can they see billing?", "my deploy failed", "Sorry about that."))
    assert after_a_deploy.label == "billing", after_a_deploy


@pytest.mark.parametrize("message", ["they charged me twice", "they took my money"])
async def test_they_meaning_us_with_no_question_before_is_no_follow_up(converse, message):
    outcome = (await converse("cus_bob", message))[-1]
    assert outcome.intent.label == "refund", outcome.intent


def test_a_declarative_they_after_people_were_named_is_not_about_them():
    # "They" as the company that charged, not the teammate: only a question about them leans back.
    assert not asks_about_people_before(ctx("they charged me twice", "how do i add a teammate", "You can..."))
    assert not asks_about_people_before(ctx("can they see billing?"))
    assert not asks_about_people_before(ctx("can they see billing?", "my deploy failed", "Sorry."))
    assert not asks_about_people_before(ctx("thanks, bye", "how do i add a teammate", "You can..."))
    assert asks_about_people_before(ctx("do they get an email?", "how do i add a teammate", "You can..."))
    message = ctx("can they see billing?", "how do i add a teammate", "You can...")
    assert with_topic(message) == "how do i add a teammate\ncan they see billing?"


# --- Defect 2: "which one?" asks which of the things just spoken of ------------------------------------------

@pytest.mark.parametrize("follow", ["which one?", "which invoice?", "which charge?", "which payment?",
                                    "ok which one was it?"])
async def test_which_one_after_a_double_charge_names_the_invoice(converse, follow):
    outcome = (await converse("cus_bob", "I was charged twice", follow))[-1]
    assert outcome.route != "faq", outcome.reply  # not the payment-methods entry
    assert outcome.intent.label in ("billing", "refund"), outcome.intent
    assert "It's invoice NW-2002: it was charged twice on 2026-11-15" in outcome.reply, outcome.reply


async def test_which_one_after_the_plans_leans_on_plans_not_invoices(converse):
    outcome = (await converse("cus_alice", "what plans do you have?", "which one?"))[-1]
    assert outcome.intent.label == "billing", outcome.intent
    assert "Here are your most recent invoices" not in outcome.reply, outcome.reply
    assert "Pro" in outcome.reply, outcome.reply


def test_which_of_them_is_the_whole_message_only():
    for message in ("which one?", "which invoice?", "Which payment was it?", "so which charge exactly?"):
        assert asks_which_of_them(message) and leans_back(message), message
    for message in ("which payment methods do you accept?", "which plan is best for a team?",
                    "what payment options are there?"):
        assert not asks_which_of_them(message), message


def test_which_invoice_after_a_question_with_no_money_in_it_keeps_its_own_label(provider):
    result = provider.classify_text(ctx("which invoice?", "my deploy failed", "Sorry about that."))
    assert result.label == "billing", result


async def test_which_payment_after_a_question_about_a_charge_is_not_the_payment_methods_entry(converse):
    # Alone, "which payment?" is the FAQ's payment-methods entry at 0.997: the orchestrator skips the shortcut
    # for "which of them" after an earlier question.
    *_, outcome = await converse("cus_bob", "why was my card charged on nov 15?", "which payment?")
    assert outcome.route != "faq" and "We accept Visa" not in outcome.reply, outcome.reply
    assert "NW-2002" in outcome.reply
