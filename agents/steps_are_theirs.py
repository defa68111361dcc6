"""A step of the customer's own, asked of the assistant.

"Can you do it for me?" after the steps to add a team member, "can you change it?" after where billing details are
filled in, "can you reset it for me?" after a failed deploy's guide: no action of the assistant's takes such a step (the
action port files refunds and unlocks only), yet the same steps came again behind "My answer is the same", or, for
"reset", the password reset's. The reply says it can't, where the steps start, and offers a person. Refunds, unlocks,
plan changes, the card and the password have replies of their own parts, which say more.
"""

from __future__ import annotations

import re

from agents.context import Intent, SupportContext
from agents.follow_ups.history import assistant_texts, last_assistant_text, questions_before
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.plan_moves import DELETING_THE_ACCOUNT, asks_a_step_done_for_them
from agents.where_it_is import places_named

# The parts of the dashboard a step of the customer's own is taken in ("Go to **Settings → Team → Invite**").
_OWN_DASHBOARD = ("Settings", "Billing", "App", "Account")
# Replies their own parts answer "do it for me" after, better than this: a refund or an unlock (which the assistant
# can ask for), a change of plan, the card, the password reset, two-factor.
_ANSWERED_ELSEWHERE = re.compile(r"\brefund|\bunlock|\*\*Billing\s+→\s+(?:Plan|Payment\s+method)\*\*|Forgot\s+password"
                                 r"|[Tt]wo-factor", re.IGNORECASE)

# "Ok do it" a few questions after "I want to downgrade to free": the move asked for is what "it" is, which the
# cancellation part answers, whatever the last reply was about (a custom domain on Free).
_MOVES_PLAN = re.compile(r"\b(?:upgrad|downgrad|cancel|switch\w*\s+(?:to|plans?)\b|move\s+(?:me\s+)?to\b)", re.IGNORECASE)


def step_asked_of_us(ctx: SupportContext) -> str | None:
    """Where the steps of the last reply start ("Settings → Team → Invite"), when the message asks the assistant to take
    them; None for any other message, or after a reply whose own part answers it."""
    if not ctx.history or not asks_a_step_done_for_them(ctx.message):
        return None
    last = last_assistant_text(ctx)
    if _ANSWERED_ELSEWHERE.search(last) or any(_MOVES_PLAN.search(text) for text in questions_before(ctx)):
        return None
    return next((place for place in places_named(last) if place.startswith(_OWN_DASHBOARD)), None)


# "Ok go ahead and delete it", "close it for me": the account's deletion asked of the assistant.
_DELETES_IT = re.compile(r"\b(?:delete|close|remove|terminate|cancel)\s+(?:it|that|the\s+account|my\s+account|our\s+account)\b",
                         re.IGNORECASE)
_DELETION_STEPS_TURNS = 3  # how many of the assistant's turns back the deletion's steps may be


def deletion_asked_of_us(ctx: SupportContext) -> str | None:
    """"Ok go ahead and delete it" a turn or two after the steps to delete the account (a question about the invoices
    between: the invoice list came): where those steps start; None otherwise, or when the last reply gave them (then
    step_asked_of_us has it)."""
    if (not ctx.history or not asks_a_step_done_for_them(ctx.message) or not _DELETES_IT.search(ctx.message)
            or not any(DELETING_THE_ACCOUNT.search(text) for text in questions_before(ctx)[:_DELETION_STEPS_TURNS])):
        return None
    earlier = assistant_texts(ctx)[1:_DELETION_STEPS_TURNS]
    return next((place for text in earlier for place in places_named(text) if "Delete account" in place), None)


def step_label(place: str) -> Intent:
    """What the step is part of, by where it is taken."""
    return "technical" if place.startswith("App") else "billing" if place.startswith("Billing") else "account"


def steps_are_theirs_reply(place: str, *, given_earlier: bool = False) -> str:
    """That the assistant can't take the step, where it starts (in the last reply, or one before it), and a person."""
    cannot = ("download or send invoices" if place.startswith("Billing → Invoices")
              else "make changes to your apps" if place.startswith("App")
              else "make changes to your account beyond asking for a refund or unlocking it")
    given = "I gave you earlier" if given_earlier else "in my last message"
    return (f"I'm sorry, I can't do that for you from this chat: I have no way to {cannot}. The steps {given} are yours "
            f"to take, starting at **{place}**. If you get stuck on one, tell me what you see, or I can {OFFER_PERSON} "
            "from our team.")
