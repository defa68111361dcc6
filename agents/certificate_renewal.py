"""Why a certificate didn't renew, asked right after the certificates' guide: "why didn't it renew?", "shouldn't it
renew automatically?". Read alone it was the plan's renewal (billing at 0.76: "Your Business plan renews on …"); the
guide says when certificates renew and that a failed renewal shows a warning, and its steps are what a certificate
needs to be issued."""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text, last_reply_cited

_WHY_NOT_RENEWED = re.compile(
    r"^\W*(?:(?:but|and|so|ok(?:ay)?|hmm+)[,\s]+)?(?:why\s+(?:didn'?t|did\s+not|hasn'?t|has\s+not|wasn'?t|was\s+not|won'?t|"
    r"doesn'?t|isn'?t)\s+(?:it|that|this|the\s+cert(?:ificate)?|my\s+cert(?:ificate)?|our\s+cert(?:ificate)?)\s+(?:auto[-\s]?)?"
    r"renew(?:ed|ing)?(?:\s+(?:automatically|itself|by\s+itself|on\s+its\s+own))?"
    r"|(?:shouldn'?t|should|doesn'?t|does|isn'?t)\s+(?:it|that|the\s+cert(?:ificate)?)\s+(?:be\s+)?(?:auto[-\s]?)?renew(?:ed|ing)?"
    r"\s+(?:automatically|itself|by\s+itself|on\s+its\s+own))\s*[?.!]*\s*$", re.IGNORECASE)
# How the certificates' guide tells when they renew ("Certificates renew 30 days before they expire").
CERTIFICATES_RENEW = re.compile(r"\bCertificates\s+renew\b")


# "How do I renew it manually?", "can I force a renewal?" after the same guide (the guide again): a renewal by hand.
_RENEW_BY_HAND = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|then)[,\s]+)?(?:(?:how|where)\s+(?:do|can|could|should)\s+(?:i|we)\s+|can\s+(?:i|we|you)\s+|"
    r"is\s+there\s+a\s+way\s+to\s+)(?:manually\s+)?(?:renew|re-?issue|force\s+(?:a\s+)?renew(?:al)?\s*(?:of)?|trigger\s+(?:a\s+)?"
    r"renew(?:al)?\s*(?:of)?)\s*(?:it|that|this|the\s+cert(?:ificate)?|my\s+cert(?:ificate)?)?(?:\s+(?:manually|by\s+hand|myself"
    r"|now))?\s*[?.!]*\s*$", re.IGNORECASE)


def _right_after_the_certificates_guide(ctx: SupportContext) -> bool:
    """Whether the last reply cited a guide and told, as the certificates' guide does, when certificates renew."""
    return last_reply_cited(ctx, "article") and bool(CERTIFICATES_RENEW.search(last_assistant_text(ctx)))


def asks_to_renew_the_certificate_by_hand(ctx: SupportContext) -> bool:
    """"How do I renew it manually?" right after the guide on certificates, which told when they renew."""
    return bool(_RENEW_BY_HAND.match(ctx.message)) and _right_after_the_certificates_guide(ctx)


def asks_why_the_certificate_did_not_renew(ctx: SupportContext) -> bool:
    """"Why didn't it renew?" right after the guide on certificates, which told when they renew."""
    return bool(_WHY_NOT_RENEWED.match(ctx.message)) and _right_after_the_certificates_guide(ctx)
