""""When?" alone, asked of what the last reply said would happen.

After the steps to cancel, "when?" is when the plan ends ("stays active until the end of the period you've paid for");
after a retry of a failed payment was promised, when it is tried ("within a day"). Alone its word names nothing, and the
scope reply came. The answer is the last reply's own sentences that say when; a reply that says no time is left to the
parts that know more (a refund filed by reference says when its money arrives).
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.billing import asks_when_the_refund_arrives
from agents.follow_ups.history import assistant_texts, last_assistant_text
from agents.follow_ups.leaning_back import asks_how_long_it_takes, asks_only_when
from agents.where_it_is import reply_sentences, without_lead_in

# A sentence that says when, as the help centre and the replies put it: "within a day", "usually within an hour", "5 to
# 10 business days", "at once", "until the end of the period you've paid for", "on 2026-12-01". Not a day something
# already happened on ("issued on 2026-11-01", "charged twice on 2026-11-15"): "when?" after why a payment failed was
# told the failure again.
_SAYS_WHEN = re.compile(
    r"\bwithin\s+(?:a|an|one|\d+|a\s+few)\s+(?:minutes?|hours?|days?|business\s+days?|weeks?)\b"
    r"|\b\d+\s*(?:to|–|-)\s*\d+\s+(?:business\s+)?days\b|\bat\s+once\b|\bimmediately\b|\bright\s+away\b"
    r"|\buntil\s+the\s+end\s+of\b|\bat\s+the\s+end\s+of\b|(?<!issued\s)(?<!paid\s)(?<!charged\s)(?<!twice\s)(?<!failed\s)(?<!created\s)\bon\s+\d{4}-\d{2}-\d{2}\b|\bafter\s+a\s+\d+-day\b",
    re.IGNORECASE)
# A line of a list ("- NW-1003: $29.00, failed on 2026-11-01", "2. Wait for DNS …"): an item, not what happens next.
_LISTED = re.compile(r"^(?:[-•*]|\d+\.)\s")
_WHEN = re.compile(r"\bwhen\b", re.IGNORECASE)
# "When does it take effect?", "when would that happen?", "when does it kick in?": when, of what the last reply said
# would happen (after a downgrade's steps and what it loses, the invoice list came).
_WHEN_IT_HAPPENS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?when\s+(?:does|do|would|will|did)\s+(?:it|that|this|the\s+change)\s+"
    r"(?:take\s+effect|happen|kick\s+in|apply|start|go\s+through|come\s+into\s+effect)(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE)
# The sentences said back: the answer, not the whole reply again.
_MOST = 2


def when_it_was_said(ctx: SupportContext) -> list[str]:
    """The last reply's sentences that say when, when the message asks only when ("when?", "when does it take
    effect?"); [] otherwise, or when the reply
    told of a refund by its reference (whose arrival its own part tells)."""
    # "How long?" alone has answers of its own parts (after the refund policy, the window and the refund's timing).
    asked = (asks_only_when(ctx.message) and _WHEN.search(ctx.message)) or _WHEN_IT_HAPPENS.match(ctx.message)
    if not ctx.history or not asked or asks_when_the_refund_arrives(ctx):
        return []
    said = [without_lead_in(sentence) for sentence in reply_sentences(last_assistant_text(ctx))
            if _SAYS_WHEN.search(sentence) and not _LISTED.match(sentence)]
    return list(dict.fromkeys(said))[:_MOST]


# "When will it be done?", "when will it be fixed?", "when is it ready?": when something is done, naming nothing of its own.
_WHEN_IT_IS_DONE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?when\s+(?:will|would|is|does)\s+(?:it|that|this)\s+(?:be\s+)?"
    r"(?:done|ready|sorted(?:\s+out)?|finished)(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE)
NOTHING_TO_TIME_REPLY = (
    "I'm not sure what you're waiting for: nothing has been started in this conversation yet. Tell me what it is (a "
    "refund, a deploy or build, a custom domain or its certificate, an email from us) and I'll tell you how long it "
    "usually takes and where it stands.")


# "Is it fixed yet?", "when will it be back up?", "is it working again?": whether a fault is over, naming none.
_ASKS_IF_IT_IS_FIXED = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then|hi|hey|hello)[,!\s]+)?(?:(?:is|are)\s+(?:it|that|this|things|everything)\s+"
    r"(?:fixed|back(?:\s+up)?|working(?:\s+again)?|up(?:\s+again)?|resolved)|when\s+(?:will|would|is)\s+(?:it|that|this|"
    r"things|everything)\s+(?:be\s+)?(?:fixed|back(?:\s+up)?|working(?:\s+again)?|up(?:\s+again)?|resolved))"
    r"(?:\s+(?:yet|now|already|again))?\s*[?.!]*\s*$",
    re.IGNORECASE)
NOTHING_REPORTED_REPLY = (
    "I'm not sure what you mean by it: nothing has been reported in this conversation yet. Our status page, "
    "status.northwind.cloud, shows every region and component and any incident with its updates. If something isn't "
    "working for you, tell me what (an app, a deploy, the API, a custom domain) and I'll check it.")


def nothing_reported_reply(ctx: SupportContext) -> str | None:
    """"Is it fixed yet?", "when will it be back up?" to open a chat: what is meant is asked, with the status page (the
    scope reply came, and "back up" got the help centre's silence on backups). None with a conversation before it."""
    return None if ctx.history or not _ASKS_IF_IT_IS_FIXED.match(ctx.message) else NOTHING_REPORTED_REPLY


def nothing_to_time_reply(ctx: SupportContext) -> str | None:
    """"How long will it take?", "when will it be done?" to open a chat: what they are waiting for is asked (its words
    matched the FAQ entry on a refund's arrival, 0.9 and over, which the shortcut quoted as if asked). None when there is
    a conversation before it, whose parts say how long what was discussed takes."""
    message = ctx.message
    if ctx.history or not (asks_how_long_it_takes(message) or asks_only_when(message) or _WHEN_IT_IS_DONE.match(message)):
        return None
    return NOTHING_TO_TIME_REPLY


# "Will I be charged straight away?", "when do I pay for it?", "will I be billed now?", "will I be charged the full price
# right away?": when the charge for what the last
# reply said falls (after the upgrade's steps, the invoice list came).
_ASKS_WHEN_CHARGED = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?(?:will|would|do|does|am|is|when\s+(?:will|do|would|am))\s+(?:i|we|you|it|that)"
    r"\s+(?:be\s+|get\s+)?(?:charged?|billed?|pay|charge\s+(?:me|us)|bill\s+(?:me|us))"
    r"(?:\s+(?:for\s+(?:it|that|this|the\s+\w+)|the\s+(?:full|whole)\s+(?:price|amount|month)|in\s+full))?"
    r"(?:\s+(?:straight\s+away|right\s+away|immediately|at\s+once|now|today|upfront|up\s+front|then|for\s+the\s+full\s+month))?"
    r"\s*[?.!]*\s*$", re.IGNORECASE)
_REPLIES_BACK = 2
# A sentence of the last reply that says what is charged: "… and we charge the difference for the rest of the month".
_SAYS_WHAT_IS_CHARGED = re.compile(r"\b(?:charge[sd]?|bill(?:ed|s)?|prorat\w*)\b", re.IGNORECASE)


def charge_said(ctx: SupportContext) -> list[str]:
    """The last reply's sentences that say what is charged, and when, when the message asks when it is charged; []
    otherwise. With a question between ("how do I upgrade?", "do you have a free trial?", "will I be charged today?"),
    the reply before the last one's."""
    if not ctx.history or not _ASKS_WHEN_CHARGED.match(ctx.message):
        return []
    for reply in assistant_texts(ctx)[:_REPLIES_BACK]:
        said = [without_lead_in(sentence) for sentence in reply_sentences(reply) if _SAYS_WHAT_IS_CHARGED.search(sentence)
                and _SAYS_WHEN.search(sentence) and not _LISTED.match(sentence)]
        if said:
            return list(dict.fromkeys(said))[:_MOST]
    return []


def when_reply(said: list[str]) -> str:
    """When, in the words the last reply said it."""
    return " ".join(said)
