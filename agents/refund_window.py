"""A refund asked of a length of time rather than of a charge: "what if I'm not happy after a month?", "can I get a
refund within 30 days?", "what if it's been 3 weeks?".

Asked after the refund policy, the policy came again behind "my answer is the same"; asked by a signed-in customer,
their latest charge was weighed against the window, as if they had asked for its refund. The time named is weighed
against the window the shared constraints give, and the policy's own sentence says why.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.number_words import count_of, words_alternation

_DAYS_IN = {"day": 1, "week": 7, "month": 30, "year": 365}
# "After a month", "if it's been 3 weeks", "within 30 days", "20 days later": a length of time, not a date, and not
# "3 weeks ago" (when a charge was made, which the charge's own refund answers).
_A_TIME = re.compile(
    rf"\b(?P<how>after|within|past|over|more\s+than|longer\s+than|it'?s\s+been|it\s+has\s+been|been)\s+"
    rf"(?:(?:about|around|roughly|like)\s+)?(?P<count>\d{{1,3}}|an?|one|{words_alternation(least=2, most=31)})\s+"
    r"(?P<unit>day|week|month|year)s?\b(?!\s+ago)(?:\s+later)?", re.IGNORECASE)
# "What if I'm not happy", "can I get a refund", "money back": the refund asked of that time.
_ABOUT_A_REFUND = re.compile(r"\brefund|\bmoney\s+back\b|\bnot\s+(?:happy|satisfied)\b|\bunhappy\b|\bchange\s+my\s+mind\b",
                             re.IGNORECASE)
_ASKED = re.compile(r"^\W*(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?(?:what\s+if|what\s+about|and\s+if|if|can|could|do|does|is|will"
                    r"|would)\b|\?\s*$", re.IGNORECASE)
# How the refund policy's sentence on the window reads, in the reply before.
_WINDOW_TOLD = re.compile(r"\brefunded\s+within\s+\d+\s+days\b", re.IGNORECASE)
# "It's been a week and I still haven't seen my refund": a refund waited for, whose arrival is the question.
_WAITED_FOR = re.compile(r"\b(?:waiting|waited|still|haven'?t|hasn'?t|not\s+(?:yet\s+)?(?:seen|received|got|arrived|come)"
                         r"|arrive[sd]?|come\s+through|show(?:n|ed)?\s+up)\b", re.IGNORECASE)
_NAMES_A_CHARGE = re.compile(r"\bNW-\d+\b|\b(?:i|we)\s+(?:was|were|got)\s+charged\b|\b(?:i|we)\s+paid\b", re.IGNORECASE)


def refund_window_for_a_time_reply(ctx: SupportContext) -> str | None:
    """Whether a refund can be had after (or within) the time the message names, weighed against the refund window:
    asked of a refund, or right after the policy was told. None for any other message, or one about a charge."""
    message = ctx.message
    found = _A_TIME.search(message)
    if (found is None or not _ASKED.search(message) or _NAMES_A_CHARGE.search(message) or _WAITED_FOR.search(message)
            or len(message.split()) > 20):
        return None
    if not (_ABOUT_A_REFUND.search(message) or _WINDOW_TOLD.search(last_assistant_text(ctx))):
        return None
    count = 1 if found["count"].lower() in {"a", "an"} else count_of(found["count"])
    if not count:
        return None
    days = count * _DAYS_IN[found["unit"].lower()]
    window = ctx.constraints.refund_window_days
    period = f"{found['count']} {found['unit'].lower()}{'s' if count != 1 else ''}"
    rule = (f"a charge can be refunded within {window} days of being paid, and a duplicate charge is always refunded, "
            "whenever it happened.")
    if found["how"].lower() == "within":
        if days <= window:
            return f"Yes: {period} is within our refund window, as {rule}"
        return f"Not for that long: our refund window is {window} days, not {period}. Our policy is that {rule}"
    if days <= window:
        return f"Yes: after {period} a charge is still within our refund window, as {rule}"
    person = f" If there's a special reason, a person from our team can look at it: would you like me to {OFFER_PERSON}?"
    return f"After {period}, a charge is past our refund window, so it wouldn't be refunded under our policy: {rule}" + (
        person if ctx.customer is not None else "")


# "It was 40 days ago", "that was over a month ago", "it's been 6 weeks" right after a charge was said to be outside the
# refund window: the time it was paid, told back (the refusal came again behind "my answer is the same").
_TIME_TOLD = re.compile(
    rf"^\W*(?:(?:yes|yeah|well|but|ok(?:ay)?|i\s+know)[,\s]+)*(?:it|that|this|the\s+(?:charge|payment|invoice))(?:'s|\s+is|\s+was"
    rf"|\s+has\s+been|'s\s+been)\s+(?:only\s+|just\s+|over\s+|about\s+|around\s+|almost\s+|more\s+than\s+)?"
    rf"(?P<count>\d{{1,3}}|an?|one|{words_alternation(least=2, most=31)})\s+(?P<unit>day|week|month)s?(?:\s+ago)?\s*[.!?]*\s*$",
    re.IGNORECASE)
_OUTSIDE_THE_WINDOW = re.compile(r"\bis outside our (?P<days>\d+)-day refund window\b")


def time_told_after_a_refusal_reply(ctx: SupportContext) -> str | None:
    """"It was 40 days ago" right after a charge was refused as outside the refund window: that this is why, with a
    person for a special reason. None for another message."""
    refused = _OUTSIDE_THE_WINDOW.search(last_assistant_text(ctx))
    told = _TIME_TOLD.match(ctx.message)
    if refused is None or told is None:
        return None
    count = 1 if told["count"].lower() in {"a", "an"} else count_of(told["count"])
    if not count:
        return None
    if count * _DAYS_IN[told["unit"].lower()] <= int(refused["days"]):
        # "It was 5 days ago" of a charge our records date earlier: the records and the customer disagree, which a
        # person looks into; the window is not said to be past.
        return ("Our records date that payment earlier than that, as in my last message. If they're wrong, a person from "
                f"our team can check it with you: would you like me to {OFFER_PERSON}?")
    return (f"Yes: that's past our {refused['days']}-day refund window, which is why I can't refund it myself. If there's "
            f"a special reason, a person from our team can look at it with you: would you like me to {OFFER_PERSON}?")
