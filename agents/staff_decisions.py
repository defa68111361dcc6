"""How the customer hears of a decision left to a member of staff, or of an action already done.

"Will I get an email?", "will you let me know when it's approved?" right after a refund was sent for approval (or an
unlock waits for a member of staff to confirm who the customer is): the decision is posted in the conversation itself,
which is what the customer is told. Read alone, "will I get an email?" was an account question (the address on the
account came), and "will you let me know?" got the wait for approval without the answer to it. Right after an unlock
or a refund done at once, "how will I know?" has nothing left to wait for, which is said (the scope reply came).
"""

from __future__ import annotations

import re
from typing import Literal

from agents.context import SupportContext
from agents.follow_ups.history import assistant_texts
from agents.workers.actions import awaiting_staff, done_here

# What the customer would hear of: a refund or an unlock left to a member of staff, or one done at once.
Heard = Literal["refund", "unlock", "refunded", "unlocked"]

_ASKS_HOW_THEY_WILL_HEAR = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|also)[,\s]+)?(?:"
    r"(?:will|would|do|does|can|should)\s+(?:i|we)\s+(?:also\s+)?(?:get|receive|be\s+sent)\s+(?:an?\s+)?(?:e-?mail|notification"
    r"|message|update|confirmation)"
    r"|(?:will|would|can|could)\s+(?:you|someone|they|staff)\s+(?:please\s+)?(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)"
    r"|notify\s+(?:me|us)|e-?mail\s+(?:me|us)|inform\s+(?:me|us))"
    r"|how\s+(?:will|do|would|can)\s+(?:i|we)\s+(?:know|find\s+out|hear)"
    r"|(?:will|would)\s+(?:i|we)\s+be\s+(?:notified|told|informed|e-?mailed))\b",
    re.IGNORECASE)
# How the refund and account parts say a request they were asked about again waits for a member of staff ("… is
# waiting for a member of our staff to approve it", "… is already with a member of our staff"); what describe_actions
# appends when it files one, awaiting_staff reads.
_WAITS_FOR_STAFF = re.compile(r"\bwaiting for a member of our staff\b|\bwith a member of our staff\b")
# A follow-up is short: a longer message says what it asks about itself.
_FOLLOW_UP_WORDS = 12
# The replies looked back over: the wait may have been told a turn or two before ("how long will it take?" between).
_TURNS_BACK = 3

_REPLIES = {
    "refund": "Once a member of our staff has reviewed the refund, their decision is posted here in this chat, so "
              "you'll see it when you next open it. Our help centre doesn't say whether an email is sent as well, so "
              "I'd rather not promise one.",
    "unlock": "Once a member of our staff has confirmed it's you, their answer is posted here in this chat, so "
              "you'll see it when you next open it. Our help centre doesn't say whether an email is sent as well, so "
              "I'd rather not promise one.",
    "unlocked": "There's nothing left to wait for: your account is already unlocked, so you can sign in again now. If "
                "signing in still fails, tell me what you see.",
    "refunded": "There's nothing left to wait for from us: the refund is already done, with the reference in my "
                "message above, and it can take 5–10 business days to reach your card. Our help centre doesn't say "
                "whether an email is sent as well, so I'd rather not promise one.",
}
_ASKS_TO_BE_TOLD = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|also)[,\s]+)?(?:will|would|can|could)\s+(?:you|someone"
                             r"|they|staff)\s+(?:please\s+)?(?:let\s+(?:me|us)\s+know|tell|notify|inform)\b", re.IGNORECASE)
# How the account part says, asked again, that the unlock was done here.
_UNLOCKED_BEFORE = "I unlocked it for you"


def decision_awaited(ctx: SupportContext) -> Heard | None:
    """What a question about hearing back asks of, when it follows a reply that said a refund or an unlock waits for a
    member of staff, or was done at once; None for any other message."""
    if len(ctx.message.split()) > _FOLLOW_UP_WORDS or not _ASKS_HOW_THEY_WILL_HEAR.search(ctx.message):
        return None
    replies = assistant_texts(ctx)[:_TURNS_BACK]
    for text in replies:
        if (filed := awaiting_staff(text)) is not None:
            return filed
        if (done := done_here(text)) is not None or _UNLOCKED_BEFORE in text:
            return "refunded" if done == "refund" else "unlocked"
        if _WAITS_FOR_STAFF.search(text):
            return "refund" if re.search(r"\brefund", text, re.IGNORECASE) else "unlock"
    return None


def decision_told_reply(awaited: Heard, *, message: str) -> str:
    """Where the customer hears of the decision (in this conversation), or that there is none left to hear of. "Will
    you let me know?" is answered yes; "will I get an email?" not (no email is promised), nor "how will I know?"."""
    reply = _REPLIES[awaited]
    if awaited in ("refund", "unlock") and _ASKS_TO_BE_TOLD.match(message):
        return f"Yes: {reply[:1].lower()}{reply[1:]}"
    return reply
