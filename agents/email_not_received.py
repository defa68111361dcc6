""""I didn't get the email" to open a chat: which email is asked, with where ours go.

Alone, nothing says which email was expected: the account part gave the address on file and "I don't have enough
information"; a visitor got only the latter, and "I didn't receive any email from you" the invoice list. Every email we
send goes to an address the help centre names (the account's, the billing address, the new address being confirmed), so
that is said, with the kinds of email there are, and a person if it still doesn't come.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.leaning_back import NOT_RECEIVED
from agents.follow_ups.offers import OFFER_PERSON

# Not post: "my card hasn't come in the mail" is a bank's card (Banking77).
_AN_EMAIL = re.compile(r"\b(?:e-?mails?|(?<!the\s)mails?)\b", re.IGNORECASE)
# Which email it was, when the message says: the parts that know that email answer it.
_NAMES_WHICH = re.compile(
    r"\b(?:reset|password|invoices?|receipts?|export|invit\w*|confirm\w*|verif\w*|codes?|links?|newsletters?|refunds?"
    r"|bills?|billing|unlock\w*|welcome|sign[\s-]?up|deploy\w*|domains?|certificates?|cards?)\b", re.IGNORECASE)
_MOST_WORDS = 10


def email_unnamed_not_received_reply(ctx: SupportContext) -> str | None:
    """The reply to "I didn't get the email", "never received any email from you" as a first message; None for
    another message, one that names which email, or one with a conversation before it (whose parts know the email)."""
    message = ctx.message
    if (ctx.history or len(message.split()) > _MOST_WORDS or not NOT_RECEIVED.search(message)
            or not _AN_EMAIL.search(message) or _NAMES_WHICH.search(message)):
        return None
    where = (f"Emails about your account go to its address, {ctx.customer.email}, and invoices to your billing address"
             if ctx.customer is not None else "Emails about an account go to the address it was opened with")
    return (f"{where}: check the spam folder too. Which email were you waiting for: a password reset link, "
            "a data export, an invoice, or the confirmation of a new email address (which goes to the new address)? "
            f"Tell me and I'll tell you what I can. If it still doesn't arrive, I can {OFFER_PERSON} from our team to "
            "look into it.")
