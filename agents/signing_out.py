""""How do I log out?": where the page's own sign-out is.

Read alone, its words found the failed deploys guide ("no guide on how to do that as such"). Signing out of this site is
the page's **Sign out** at the top right, as signing in is its **Sign in**; the help centre says nothing of signing out
of other devices, which the topics the help centre has nothing on answer.
"""

from __future__ import annotations

import re

from agents.context import SupportContext

_HOW_TO_SIGN_OUT = re.compile(
    r"^\W*(?:(?:hi|hey|ok(?:ay)?|so|and)[,\s]+)?(?:how\s+(?:do|can|could|should)\s+(?:i|we)\s+|where\s+(?:do|can)\s+(?:i|we)\s+"
    r"|(?:i\s+)?(?:want|need|would\s+like)\s+to\s+|can\s+(?:i|you)\s+|please\s+)?(?:log|sign)\s*(?:me\s+)?(?:out|off)"
    r"(?:\s+(?:of\s+(?:here|this|the\s+(?:site|dashboard|chat)|my\s+account)|please|now))?\s*[?.!]*\s*$", re.IGNORECASE)


def signing_out_reply(ctx: SupportContext) -> str | None:
    """The reply to "how do I log out?"; None for another message."""
    if not _HOW_TO_SIGN_OUT.match(ctx.message) or ctx.channel != "web":
        return None  # through the API or A2A there is no page to sign out of
    if ctx.customer is None:
        return "You're not signed in here, so there's nothing to sign out of."
    return ("Choose **Sign out** at the top right of the page: that signs you out of this site in this browser. Your "
            "conversations are kept, and you'll see them again when you sign back in.")
