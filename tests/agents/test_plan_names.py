"""The plans' one order: the plan above each, and the lower-case keys messages are read with, follow it."""

from __future__ import annotations

import pytest

from agents.plan_names import PLAN_KEYS, PLAN_KEYS_CHEAPEST_FIRST, PLANS_CHEAPEST_FIRST, plan_above, plans_above


@pytest.mark.parametrize(("plan", "above"), [("free", "Pro"), ("Free", "Pro"), ("PRO", "Business"), ("pro", "Business")])
def test_the_plan_above_is_the_next_dearer_one_whatever_the_case(plan, above):
    assert plan_above(plan) == above


@pytest.mark.parametrize("plan", ["business", "Business", "enterprise", ""])
def test_the_top_plan_and_plans_we_dont_sell_have_none_above(plan):
    assert plan_above(plan) is None


def test_the_keys_are_the_plans_names_in_lower_case_in_the_same_order():
    assert PLAN_KEYS_CHEAPEST_FIRST == ("free", "pro", "business")
    assert frozenset(name.lower() for name in PLANS_CHEAPEST_FIRST) == PLAN_KEYS


@pytest.mark.parametrize(("plan", "above"), [("free", ("Pro", "Business")), ("Pro", ("Business",)), ("business", ()),
                                             ("enterprise", ())])
def test_the_plans_above_are_the_dearer_ones_cheapest_first(plan, above):
    assert plans_above(plan) == above
