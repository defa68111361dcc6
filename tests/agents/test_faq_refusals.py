"""The FAQ shortcut's refusals: which messages an entry matching their words does not answer alone, and why."""

from __future__ import annotations

from agents.context import HistoryTurn
from agents.faq_refusals import FAQ_REFUSALS, why_the_entry_is_refused
from agents.outcome import FaqMatch
from tests.agents.fakes import ctx_for

PAYMENT_METHODS = FaqMatch(faq_id=7, question="Which payment methods do you accept?", score=0.95,
                           answer="We accept Visa, Mastercard and American Express cards. Business customers can also "
                                  "pay yearly by bank transfer against an invoice.")
UPGRADE = FaqMatch(faq_id=3, question="How do I upgrade my plan?", score=0.93,
                   answer="Go to Billing → Plan and choose Pro or Business.")
DOUBLE_CHARGE = FaqMatch(faq_id=9, question="I was charged twice, what do I do?", score=0.94,
                         answer="A charge taken twice is refunded in full.")


def test_a_question_the_signed_in_customers_plan_decides_is_refused_for_them_and_given_to_a_visitor() -> None:
    assert why_the_entry_is_refused(ctx_for("Can I pay yearly?", "cus_alice"), PAYMENT_METHODS) == (
        "asks about paying yearly, which the signed-in customer's plan decides")
    assert why_the_entry_is_refused(ctx_for("Can I pay yearly?", None), PAYMENT_METHODS) is None


def test_a_way_to_pay_the_entry_does_not_name_is_refused_and_one_it_names_is_not() -> None:
    assert why_the_entry_is_refused(ctx_for("Do you accept paypal?", None), PAYMENT_METHODS) == (
        "asks about a way to pay the entry does not name")
    assert why_the_entry_is_refused(ctx_for("Do you accept visa?", None), PAYMENT_METHODS) is None


def test_asking_for_more_is_refused_only_after_a_question_that_says_of_what() -> None:
    history = [HistoryTurn(role="user", text="what is the API rate limit on pro?"),
               HistoryTurn(role="assistant", text="On Pro the API allows 600 requests a minute.")]
    assert why_the_entry_is_refused(ctx_for("How do I get more?", "cus_alice", history=history), UPGRADE) == (
        "asks for more of what was discussed before")
    assert why_the_entry_is_refused(ctx_for("How do I get more?", "cus_alice"), UPGRADE) is None


def test_a_plan_asked_about_refuses_an_entry_on_another_plan_only() -> None:
    free = FaqMatch(faq_id=2, question="What does the free plan include?", answer="Free includes one app.", score=0.92)
    assert why_the_entry_is_refused(ctx_for("Is there a business plan?", None), UPGRADE) == (
        "asks whether we offer a plan")
    assert why_the_entry_is_refused(ctx_for("Is there a free plan?", None), free) is None


def test_one_charge_is_refused_the_entry_on_a_charge_taken_twice_and_two_are_not() -> None:
    assert why_the_entry_is_refused(ctx_for("what is this charge on my account", None), DOUBLE_CHARGE) == (
        "names one charge, where the entry is about a charge taken twice")
    assert why_the_entry_is_refused(ctx_for("I was charged twice this month", None), DOUBLE_CHARGE) is None


def test_the_first_refusal_in_the_tables_order_is_the_one_the_trace_gives() -> None:
    history = [HistoryTurn(role="user", text="how do I upgrade?"),
               HistoryTurn(role="assistant", text="Do you want me to show you the steps?")]
    # "Yes" both answers the offer and (being a plain message) could meet later rules; the offer's rule comes first.
    assert why_the_entry_is_refused(ctx_for("yes please", "cus_alice", history=history), UPGRADE) == (
        FAQ_REFUSALS[0].why)


def test_every_refusal_gives_its_own_reason() -> None:
    reasons = [refusal.why for refusal in FAQ_REFUSALS]
    assert len(reasons) == len(set(reasons))
