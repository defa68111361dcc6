"""Coming back after cancelling, asked: "can I come back later?" after asking to cancel, "if I cancel can I resubscribe
later?", "can I reactivate my subscription after cancelling?". Cancelling moves the account to Free and keeps its apps
and data, and a plan is taken up again as any upgrade is. It got a refund refused ("ok and can I come back later?"
after a refund was asked of the cancelled month), the scope reply, or the steps to cancel again."""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import earlier_user_texts, last_assistant_text
from agents.follow_ups.plan_moves import CANCELLING

# Not "return an item", a purchase sent back.
_COME_BACK = (r"(?:come\s+back|return(?!\s+(?:an?|the|it|my|this|that|them)\b)|rejoin|re-?join|re-?subscribe|subscribe\s+again|sign\s+up\s+again|upgrade\s+again"
              r"|re-?upgrade|re-?activate|re-?start\s+(?:it|my\s+(?:plan|subscription)|the\s+(?:plan|subscription))"
              r"|pick\s+(?:it|my\s+plan)\s+up\s+again|get\s+(?:my\s+plan|pro|business|it)\s+back)")
_ASKS_TO_COME_BACK = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|but|also|great|thanks)[,.!\s]+)*(?:if\s+(?:i|we)\s+cancel\w*(?:\s+(?:now|it|today))?[,\s]+)?"
    rf"(?:(?:can|could|will|would|may)\s+(?:i|we)\s+(?:still\s+|always\s+|easily\s+|then\s+)?{_COME_BACK}"
    rf"|is\s+it\s+possible\s+to\s+{_COME_BACK})\b[^.?!]{{0,40}}[?.!]*\s*$", re.IGNORECASE)


def asks_to_come_back_after_cancelling(ctx: SupportContext) -> bool:
    """"Can I come back later?" with cancelling said in it or asked about just before: taking a paid plan up again."""
    if not _ASKS_TO_COME_BACK.match(ctx.message):
        return False
    return bool(CANCELLING.search(ctx.message) or any(CANCELLING.search(text) for text in earlier_user_texts(ctx)[:2])
                or "Cancel subscription" in last_assistant_text(ctx))
