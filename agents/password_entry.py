""""Where do I put my password?": where this site takes it.

Read as an account question, a signed-in customer got the account's state and "not enough information", and a visitor the
password reset's entry as a guess. The password goes on the page **Sign in** (top right) opens, with the username; how
to reset it is the help centre's entry, asked for. A secret of the customer's app ("where do I put my database password?") is the environment
guide's, and is not read here.
"""

from __future__ import annotations

import re

from agents.context import SupportContext

_WHERE_IT_GOES = re.compile(
    r"^\W*(?:(?:hi|hey|ok(?:ay)?|so|and|sorry)[,\s]+)?(?:(?:where|how)\s+(?:do|can|should|would)\s+(?:i|we)\s+"
    r"(?:put|enter|type|write|use|insert|fill\s+in|give)(?:\s+in)?\s+(?:my|the|our)\s+(?:account\s+|login\s+|sign-?in\s+)?"
    r"password(?:\s+in)?|where\s+(?:does|should)\s+(?:my|the)\s+(?:account\s+)?password\s+go)\s*[?.!]*\s*$",
    re.IGNORECASE)


def password_entry_reply(ctx: SupportContext) -> str | None:
    """The reply to "where do I put my password?"; None for another message, or away from this site's page (through
    the API or A2A there is no page to sign in on)."""
    if not _WHERE_IT_GOES.match(ctx.message) or ctx.channel != "web":
        return None
    # This site's sign-in page has no reset link of its own: the reset is the help centre's, which asking for it gives.
    forgotten = ("If you've forgotten it, ask me how to reset your password. Never send your password in this chat: no "
                 "one from Northwind will ask you for it.")
    if ctx.customer is None:
        return f"Choose **Sign in** at the top right of the page and enter your username and password there. {forgotten}"
    return ("You're signed in already, so there's nowhere you need to enter it now. Next time you sign in, choose **Sign "
            f"in** at the top right of the page and enter it there with your username. {forgotten}")
