"""The next renewal told to a customer is never in the past, and lands on a real day of the month."""

from datetime import date

import pytest

from supportsite.customers.renewals import months_after, renewal_on_or_after


@pytest.mark.parametrize(("renews_on", "today", "expected"), [
    (date(2026, 12, 15), date(2026, 12, 2), date(2026, 12, 15)),  # still ahead: as stored
    (date(2026, 12, 2), date(2026, 12, 2), date(2026, 12, 2)),  # today counts as upcoming
    (date(2026, 12, 1), date(2026, 12, 2), date(2027, 1, 1)),  # not moved by the billing job yet
    (date(2026, 8, 1), date(2026, 12, 2), date(2027, 1, 1)),  # several months behind
    (date(2026, 1, 31), date(2026, 2, 2), date(2026, 2, 28)),  # a shorter month: its last day
    (date(2026, 1, 31), date(2026, 3, 1), date(2026, 3, 31)),  # counted from the anchor: no drift to the 28th
    (None, date(2026, 12, 2), None),  # a free plan is never charged
])
def test_the_next_renewal_is_the_first_monthly_one_on_or_after_today(renews_on, today, expected):
    assert renewal_on_or_after(renews_on, today) == expected


def test_months_after_crosses_years_and_keeps_leap_days():
    assert months_after(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert months_after(date(2027, 12, 29), 2) == date(2028, 2, 29)
    assert months_after(date(2026, 5, 15), 0) == date(2026, 5, 15)
