""""I never signed up for this": a customer who says they didn't choose something of ours. Read as an account question
(0.42), it got the account's state and "not enough information" (Carol's lock, to open a chat). What they didn't sign up
for decides the answer: a plan is the one the account is on, with a person to look into how it came to be; our emails are
the mailings' reply; the account itself is a person's to look into; "this" to open a chat is asked about.
"""

from __future__ import annotations

import re

from agents.amounts import money
from agents.context import SupportContext
from agents.facts import CustomerProfile
from agents.follow_ups.history import last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.mailings import MAILINGS_REPLY
from agents.plan_names import PLAN_KEY_ALTERNATION

_NEVER_SIGNED_UP = re.compile(
    r"\b(?:i|we)\s+(?:(?:have|had)\s+)?(?:never|didn'?t|did\s+not|haven'?t|have\s+not|hadn'?t)\s+(?:ever\s+)?"
    r"(?:sign(?:ed)?\s+up|subscribed|registered|opted\s+in|agreed\s+to\s+(?:this|that|it|any\s+of\s+this))"
    r"(?:\s+(?:for|to|with)\s+(?P<what>[^.?!,;]{1,40}))?", re.IGNORECASE)
# What "for …" names: a plan or a subscription, our emails, or the account (or us) itself.
# Not "a free trial", which no plan is.
_A_PLAN = re.compile(rf"\b(?P<plan>{PLAN_KEY_ALTERNATION})\b(?!\s+trials?\b)|\b(?:plan|subscription|upgrade|paid)\b", re.IGNORECASE)
_OUR_EMAILS = re.compile(r"\b(?:e-?mails?|news\s?letters?|mailing\s+lists?|mails?|messages)\b", re.IGNORECASE)
_THE_ACCOUNT = re.compile(r"\b(?:accounts?|northwind|you|you\s+guys|your\s+(?:service|site|platform))\b", re.IGNORECASE)
# "For this", "for it", or nothing: what "this" is comes from the turn before, or is asked.
_THIS = re.compile(r"^\s*(?:(?:any\s+of\s+)?(?:this|that|it|these|those)|anything)\b", re.IGNORECASE)
# A reply about the account's charges or plan, which "this" is then about.
_CHARGES_OR_PLAN_TOLD = re.compile(r"\bHere are your most recent invoices\b|\bInvoices? NW-\d+\b|\bYou'?re on the \w+ plan\b"
                                   r"|\bYour account (?:\(\w+\) )?is (?:active|locked), on the\b|\bpayments? on your account\b")

_WHAT_IT_IS_ASKED = (
    "I'm sorry about that. What is it you didn't sign up for: a charge or a plan on your account, emails from us, or the "
    "account itself? Tell me and I'll look into it with you, or if you'd rather, I can " f"{OFFER_PERSON} from our team."
)
_ACCOUNT_NOT_CHOSEN = (
    "I'm sorry about that. Our help centre doesn't cover an account made without its owner knowing, so I'd rather not "
    "guess what happened. A person from our team can look into it, and close the account if it isn't yours: would you "
    f"like me to {OFFER_PERSON}?"
)


def says_it_never_signed_up(text: str) -> bool:
    """Whether the message says the customer never signed up (for something, or at all)."""
    return _NEVER_SIGNED_UP.search(text) is not None


def never_signed_up_reply(ctx: SupportContext) -> str | None:
    """The reply to "I never signed up for this" and its kin; None for another message, or for something named that is
    none of a plan, our emails or the account (a trial)."""
    if (said := _NEVER_SIGNED_UP.search(ctx.message)) is None:
        return None
    what = said["what"] or ""
    if _OUR_EMAILS.search(what) or (not what and _OUR_EMAILS.search(ctx.message)):
        return MAILINGS_REPLY  # "why am I getting emails from you? I never signed up"
    if (plan := _A_PLAN.search(what)) is not None:
        return _plan_not_chosen(ctx.customer, named=plan["plan"])
    if what and _THE_ACCOUNT.search(what) and not _THIS.match(what):
        return _ACCOUNT_NOT_CHOSEN
    if what and not _THIS.match(what):
        return None  # "I never signed up for a trial": something else named, which other readers answer
    told = last_assistant_text(ctx)
    if _CHARGES_OR_PLAN_TOLD.search(told):
        return _plan_not_chosen(ctx.customer, named=None)
    # "This" after a guide, or to open a chat: asked about (after the domains guide, the guide came again, "my answer is
    # the same").
    return _WHAT_IT_IS_ASKED


def _plan_not_chosen(customer: CustomerProfile | None, *, named: str | None) -> str:
    """The plan the account is on, set against the one said not to be chosen, with a person to look into it."""
    if customer is None:
        return ("I can't see which plan an account is on while you're not signed in. If you're being charged for a plan "
                f"you didn't choose, please sign in (top right) and tell me again, or I can {OFFER_PERSON} from our team.")
    on = f"Your account is on the {customer.plan} plan"
    another = named is not None and named.lower() != customer.plan.lower()
    not_the_named = f", not {named.capitalize()}," if named is not None and another else ""
    if customer.plan_price == 0:
        return (f"{on}{not_the_named} which costs nothing, so no paid plan is charged to it. If you've been charged by us "
                f"all the same, tell me where you see the charge, or I can {OFFER_PERSON} from our team.")
    return (f"{on}{not_the_named or ','} at {money(customer.plan_price)} a month. If you didn't choose it"
            f"{' either' if another else ''}, a person from our team can look into how it was set up and whether a refund "
            f"is due: would you like me to {OFFER_PERSON}?")
