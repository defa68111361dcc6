"""Our plans by name, cheapest first: the one order every reply compares, lists and moves plans in.

It imports nothing of ours, so every module that names plans (the follow-up readers, the service terms, the offline
writers and the FAQ search) can read it without a cycle."""

from __future__ import annotations

import re

# As the help centre writes them.
PLANS_CHEAPEST_FIRST: tuple[str, ...] = ("Free", "Pro", "Business")
# As a message is read: lower case.
PLAN_KEYS_CHEAPEST_FIRST: tuple[str, ...] = tuple(plan.lower() for plan in PLANS_CHEAPEST_FIRST)
PLAN_KEYS: frozenset[str] = frozenset(PLAN_KEYS_CHEAPEST_FIRST)
# For a larger pattern: any plan's key ("free|pro|business"), or a paid plan's ("pro|business").
PLAN_KEY_ALTERNATION = "|".join(PLAN_KEYS_CHEAPEST_FIRST)
PAID_PLAN_KEY_ALTERNATION = "|".join(PLAN_KEYS_CHEAPEST_FIRST[1:])
# One of them named in a message, in any case, with the word "plan" or "tier" after it if it is there ("the pro plan").
PLAN_NAMED = re.compile(rf"\b(?:{PLAN_KEY_ALTERNATION})\b(?:\s+(?:plan|tier)\b)?", re.IGNORECASE)

# A paid plan named: "pro", "the business plan". Not "free", which "for free" and "a free trial" say of no plan.
PAID_PLAN_NAMED = re.compile(rf"\b(?:{PAID_PLAN_KEY_ALTERNATION})\b(?:\s+(?:plan|tier)\b)?", re.IGNORECASE)


def plans_above(plan: str) -> tuple[str, ...]:
    """The plans dearer than `plan` (any case), cheapest first, as the help centre writes them; none for the top plan
    or a plan we don't sell."""
    key = plan.lower()
    if key not in PLAN_KEYS:
        return ()
    return PLANS_CHEAPEST_FIRST[PLAN_KEYS_CHEAPEST_FIRST.index(key) + 1:]


def plan_above(plan: str) -> str | None:
    """The next plan up from `plan` (any case), as the help centre writes it; None for the top plan or a plan we
    don't sell."""
    return next(iter(plans_above(plan)), None)


def plans_below(plan: str) -> tuple[str, ...]:
    """The plans cheaper than `plan` (any case), cheapest first, as the help centre writes them; none for the cheapest
    plan or a plan we don't sell."""
    key = plan.lower()
    if key not in PLAN_KEYS:
        return ()
    return PLANS_CHEAPEST_FIRST[:PLAN_KEYS_CHEAPEST_FIRST.index(key)]


def plan_below(plan: str) -> str | None:
    """The next plan down from `plan` (any case), as the help centre writes it; None for the cheapest plan or a plan we
    don't sell."""
    below = plans_below(plan)
    return below[-1] if below else None
