"""The period a question about money paid names: "how much have I paid this year?", "what did I spend in november?".

The billing worker sums the payments of each year and month (`paid_by_period` in its totals), so a reply can state a
period's total as a fact the critic checks; this module only reads which period a message asks of, counted from today
(`agents.payment_sums` whether a sum is asked at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from agents.payment_sums import asks_a_sum_paid
from agents.providers.offline.reply_base import MONTH_NAMES, RELATIVE_MONTH, month_counted_from_today, months_named

_THIS_YEAR = re.compile(r"\b(?:this|current)\s+(?:calendar\s+)?year\b|\bso\s+far\s+in\s+(?:the\s+)?year\b"
                        r"|\byear\s+to\s+date\b|\bytd\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+(?:calendar\s+)?year\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\b(?:in|for|during|of)\s+((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Period:
    """A year ("2026") or a month ("2026-11"), keyed as the billing worker's totals are, and how a reply says it: with
    its number, or without, where no total of the period is a fact to ground the number on ("in that year")."""

    key: str
    said: str
    unnumbered: str


def _year(year: int, unnumbered: str = "in that year") -> Period:
    return Period(key=f"{year:04d}", said=f"in {year}", unnumbered=unnumbered)


def _month(year: int, month: int) -> Period:
    name = MONTH_NAMES[month - 1].title()
    return Period(key=f"{year:04d}-{month:02d}", said=f"in {name} {year}", unnumbered=f"in {name}")


def period_of_a_sum_asked(text: str, *, today: str) -> Period | None:
    """The year or month whose total paid the message asks for, counted from today (an ISO date); None when it asks
    no sum, or a sum of no period ("how much have I paid in total?"). A month named alone is its latest one. Asked of
    the billing part, spending is with us ("how much did I spend last month?")."""
    if not asks_a_sum_paid(text, spending_is_ours=True) or not today:
        return None
    day = date.fromisoformat(today)
    if (relative := RELATIVE_MONTH.search(text)) is not None:
        return _month(*month_counted_from_today(relative, today))
    months = months_named(text)
    if len(months) == 1:
        (month,) = months
        return _month(day.year if month <= day.month else day.year - 1, month)
    if _THIS_YEAR.search(text):
        return _year(day.year, "this year")
    if _LAST_YEAR.search(text):
        return _year(day.year - 1, "last year")
    if (named := _A_YEAR.search(text)) is not None and int(named[1]) <= day.year:
        return _year(int(named[1]))
    return None
