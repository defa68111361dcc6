"""Whether a message asks yes or no, so that a help-centre answer opening with its own "Yes:" is said that way only
to a question it answers ("what are sleeping apps?" was told "Yes: apps on the Free plan sleep …")."""

from __future__ import annotations

import re

# An answer's own "Yes: …" or "No, …", which answers its entry's question ("Do free apps go to sleep?").
YES_OR_NO = re.compile(r"^\s*(?:yes|no)\b\s*[:,.;—-]\s*", re.IGNORECASE)
# A question a yes or a no answers: "do free apps sleep?", "is there an SLA?", "will my app go to sleep?".
ASKS_YES_OR_NO = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|hi|hey|also)[,\s]+)?(?:do|does|did|is|are|was|were|can|could|will|would|should|shall"
    r"|has|have|had|may|might|am)\b", re.IGNORECASE)
# The same, asked in a clause after another: "what is a cold start, and do free apps have them?", "how come? is it free?".
_ASKS_YES_OR_NO_AFTER = re.compile(
    r"(?:[.?!,;]\s*|\b(?:and|but|or|so)\s+)(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|may)"
    r"\s+(?:i|we|you|it|they|my|our|the|a|an|free|pro|business|apps?|this|that|there)\b", re.IGNORECASE)


def asks_yes_or_no(message: str) -> bool:
    """Whether the message asks a question a yes or a no answers, first or after another."""
    return bool(ASKS_YES_OR_NO.match(message) or _ASKS_YES_OR_NO_AFTER.search(message))


def without_yes_or_no(answer: str) -> str:
    """`answer` without a leading "Yes:" or "No,", its first letter raised."""
    rest = YES_OR_NO.sub("", answer, count=1)
    return rest[:1].upper() + rest[1:]


def answered_as_asked(answer: str, message: str) -> str:
    """`answer` without its leading "Yes:" (or "No,") when `message` asks no yes-or-no question ("what are sleeping
    apps?", "my free app keeps sleeping"); `answer` as it is otherwise."""
    if not YES_OR_NO.match(answer) or asks_yes_or_no(message):
        return answer
    return without_yes_or_no(answer)
