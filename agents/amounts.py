"""An amount of money as every reply writes it ("$1,299.00"), for the rule replies and the offline writers alike."""

from __future__ import annotations

from decimal import Decimal


def money(amount: Decimal | str | float) -> str:
    return f"${Decimal(str(amount)):,.2f}"
