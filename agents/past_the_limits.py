"""What happens past a plan's limits, asked: "what happens when I hit the free limits?", "what if we exceed our plan's
limits?", or "what happens if I go over?" right after a plan's limits were listed. The help centre states each plan's
limits, and what happens past one of them only, the API's (HTTP 429 with `Retry-After`). It got "not enough
information", or the Free plan's entry again as a repeat."""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text

_LIMITS = r"(?:limits?|limitations|quotas?|caps?|allowances?)"
_THE = r"(?:(?:the|my|our|your|its)\s+)?"
# A plan's limits, the plan named or said: "the free limits", "my plan limits", "the limits of the free plan", "our
# limits" ending the question. Not "the limit on your card".
_PLANS_LIMITS = (rf"(?:{_THE}(?:free|pro|business)\s+(?:(?:plan|tier)(?:'?s)?\s+)?{_LIMITS}|{_THE}(?:plan|tier)(?:'?s)?\s+"
                 rf"{_LIMITS}|{_THE}{_LIMITS}\s+(?:of|on|for)\s+{_THE}(?:(?:free|pro|business)\s+)?(?:plan|tier)"
                 rf"|(?:my|our|the)\s+limits(?=\s*[?.!]*\s*$))")
_GO_PAST = (r"(?:hit|reach|exceed|go\s+(?:over|past|above|beyond)|run\s+(?:out\s+of|over)|pass|max\s+out|use\s+up|break"
            r"|outgrow)")
_WHAT_HAPPENS = r"(?:what\s+(?:happens|will\s+happen|would\s+happen|do\s+you\s+do)\s+(?:if|when|once)|what\s+if)"
_WHO = r"(?:i|we|you|my\s+apps?|our\s+apps?|my\s+account|our\s+account)"
_PAST_THE_LIMITS = re.compile(
    rf"\b{_WHAT_HAPPENS}\s+{_WHO}\s+{_GO_PAST}\s+{_PLANS_LIMITS}"
    # "What happens if I outgrow the free plan?", "what if we go over the free tier?".
    rf"|\b{_WHAT_HAPPENS}\s+{_WHO}\s+(?:exceed|outgrow|go\s+(?:over|past|beyond))\s+(?:the\s+|my\s+|our\s+)?(?:free|pro"
    r"|business)\s+(?:plan|tier)\b",
    re.IGNORECASE)
# "What happens if I go over?", "and if we exceed them?": past the limits just listed.
_GOING_OVER_ALONE = re.compile(
    rf"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:{_WHAT_HAPPENS}|and\s+if)\s+(?:i|we)\s+(?:go\s+over|go\s+past|{_GO_PAST}\s+"
    r"(?:it|them|those|that|one))(?:\s+(?:it|them|those|one\s+of\s+them))?\s*[?.!]*\s*$", re.IGNORECASE)
# How a plan's limits are listed: the Free plan's entry ("one app, 10 deploys a day, builds of up to 15 minutes and 60
# API requests a minute").
_LIMITS_LISTED = re.compile(r"\bdeploys\s+a\s+day\b.*\bAPI\s+requests\s+a\s+minute\b", re.IGNORECASE | re.DOTALL)


def asks_what_going_past_the_limits_does(ctx: SupportContext) -> bool:
    """"What happens when I hit the free limits?", or "what happens if I go over?" right after a plan's limits were
    listed: what going past a plan's limits does."""
    return bool(_PAST_THE_LIMITS.search(ctx.message) or (
        _GOING_OVER_ALONE.match(ctx.message) and _LIMITS_LISTED.search(last_assistant_text(ctx))))
