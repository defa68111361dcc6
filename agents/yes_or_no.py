"""Whether a message asks yes or no, so that a help-centre answer opening with its own "Yes:" is said that way only
to a question it answers ("what are sleeping apps?" was told "Yes: apps on the Free plan sleep …")."""

from __future__ import annotations

import re

# An entry's "Yes: …", which answers the entry's own question ("Do free apps go to sleep?"). Not "No": what follows
# it may not say the no again.
_ENTRYS_YES = re.compile(r"^yes\s*[:,.]\s*", re.IGNORECASE)
# A question opened by a question word: "what are sleeping apps?", "how do I get an SSL certificate?", "whats a cold
# start". Not "what about pro?" nor "how about business?" (the question before, asked of something else, which a yes
# may answer), nor "how come?".
_ASKS_OPENLY = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|hi|hello|hey|please)[,\s]+)*"
    r"(?:what(?!\s+about\b)|whats|how(?!\s+about\b|\s+come\b)|why|where|when|which|who)\b", re.IGNORECASE)
# A clause of its own that asks yes or no: "how does it work, and is it free?", "what is it? do I need it?".
_ASKS_YES_OR_NO = re.compile(
    r"(?:[.?!,;]\s*|\b(?:and|but|or|so)\s+)(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|may)"
    r"\s+(?:i|we|you|it|they|my|our|the|a|an|free|pro|business|apps?|this|that|there)\b", re.IGNORECASE)


def answered_as_asked(answer: str, message: str) -> str:
    """`answer` without its leading "Yes:" when `message` asks what, how, why, where, when, which or who and no
    yes-or-no question beside it; `answer` as it is otherwise."""
    if not _ENTRYS_YES.match(answer) or not _ASKS_OPENLY.match(message) or _ASKS_YES_OR_NO.search(message):
        return answer
    rest = _ENTRYS_YES.sub("", answer, count=1)
    return rest[:1].upper() + rest[1:]
