"""Money in the account, said back to a payment refused because its card expired.

"But I have money in my account" right after "didn't go through because the card ending 4242 expired": the customer
takes the refusal for a lack of funds. Read alone it was an account question ("not enough information"). The reply says
the card's expiry, not the money, was the cause, and what fixes it, in the words the billing part used.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text

# "But I have money in my account", "there are enough funds on the card", "my balance is fine".
_HAS_THE_MONEY = re.compile(
    r"\b(?:i|we)\s+(?:do\s+)?(?:have|had|got)\s+(?:enough\s+|plenty\s+of\s+|the\s+)?(?:money|funds|balance|cash)\b"
    r"|\b(?:enough|sufficient|plenty\s+of)\s+(?:money|funds|balance)\b|\b(?:balance|funds)\s+(?:is|are|was|were)\s+(?:fine|ok(?:ay)?|there)\b"
    r"|\bthere(?:'s|\s+is|\s+was)\s+(?:money|funds)\b", re.IGNORECASE)
# How the billing part says a payment failed for an expired card: "… because the card ending 4242 expired".
_EXPIRED_TOLD = re.compile(r"because the card ending (?P<last4>\d{4}) expired")
# A longer message says more, which its own parts answer.
_MAX_WORDS = 15


def expired_card_told(ctx: SupportContext) -> str | None:
    """The last four digits of the expired card the last reply blamed, when the message says the money was there; None
    otherwise."""
    if len(ctx.message.split()) > _MAX_WORDS or not _HAS_THE_MONEY.search(ctx.message):
        return None
    told = _EXPIRED_TOLD.search(last_assistant_text(ctx))
    return told["last4"] if told else None


def funds_not_the_cause_reply(last4: str) -> str:
    """That the expiry, not the money, refused it, and what fixes it."""
    return (f"The payment wasn't refused for lack of money: the card ending {last4} has expired, and an expired card "
            "can't be charged whatever is in the account. Add a new card under **Billing → Payment method**; once it's "
            "saved we'll try the payment again, so you don't need to do anything else.")
