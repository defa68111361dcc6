"""When a monthly plan renews next."""

from __future__ import annotations

import calendar
from datetime import date


def renewal_on_or_after(renews_on: date | None, today: date) -> date | None:
    """The first renewal on or after today, counting whole months from renews_on.

    The billing job moves renews_on when it charges; counting forward here keeps a date it has not
    moved yet (or a seeded one) from being told to a customer as their next payment.
    """
    if renews_on is None:
        return None
    months = 0
    while (renewal := months_after(renews_on, months)) < today:
        months += 1
    return renewal


def months_after(day: date, months: int) -> date:
    """The same day of the month, `months` later; the month's last day when it is shorter (Jan 31 → Feb 28)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
