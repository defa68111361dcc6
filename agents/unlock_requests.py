"""Whether the customer asks for their locked account to be unlocked.

One reading, for every writer: the offline writer proposes the unlock from it, and the guard holds any writer's
proposal to it (an LLM's included), as it holds a refund to `refund_requests.refund_wanted`. Twenty-two messages
started an action nobody asked for when the writer decided from its own cue words and the guard checked only some of
the same exclusions ("should I unlock it?", "I'm locked out of my email").
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.cues import has_cue, normalise
from agents.follow_ups.history import last_assistant_text, last_user_text, previous_user_text
from agents.follow_ups.leaning_back import asks_what_to_do
from agents.follow_ups.offers import OFFER_UNLOCK, accepts_offer, declines_offer
from agents.own_data import (
    TWO_FACTOR,
    advice_on_unlocking_asked,
    asks_about_the_lock,
    asks_to_unlock,
    reports_intrusion,
    says_the_old_address_is_out_of_reach,
    wants_it_kept_locked,
)

# The customer can't get into the account, or asks to be let in.
GETTING_IN = ("unlock", "locked", "lock", "blocked", "sign in", "signin", "log in", "login", "cant get in",
              "can not get in", "access", "locked out")
_LOCK_CUES = ("unlock", "locked", "lock")
# "Access to our old domain", "access to the billing page", "locked out of my email": to something other than the account
# itself.
_OTHER_THINGS = (r"(?:[\w-]+\s+){0,2}?(?:page|domains?|e-?mails?|inbox|apps?|site|website|repo|database|server|billing"
                 r"|settings|team|card|phone|api|logs?|invoices?|codes?)\b")
_ACCESS_TO_SOMETHING_ELSE = re.compile(
    # "Access denied when I deploy": an error of something else, not the account ("access denied" signing in names it).
    r"\baccess\s+denied\b"
    # "I'm locked out of my email", "locked me out of the settings page": out of something else.
    r"|\b(?:locked|lock(?:s|ing)?)\s+(?:me\s+|us\s+)?out\s+of\s+(?:the\s+|my\s+|our\s+)?(?!(?:northwind\s+)?account\b)"
    rf"{_OTHER_THINGS}"
    r"|\baccess\s+(?:(?:to|into|on)\s+)?(?:the\s+|my\s+|our\s+|that\s+|this\s+|an?\s+)?(?!(?:northwind\s+)?account\b|it\b"
    rf"|dashboard\b|northwind\b){_OTHER_THINGS}", re.IGNORECASE)


def about_getting_in(text: str) -> bool:
    """"I can't sign in", "locked out", "no access", "unlock": words about getting into the account."""
    norm = normalise(text)
    return has_cue(set(norm.split()), norm, *GETTING_IN)


def access_to_something_else(message: str) -> bool:
    """"We lost access to our old domain", "I'm locked out of my email", "access denied when I deploy": access to
    something other than the account, the message saying nothing else of getting in."""
    found = _ACCESS_TO_SOMETHING_ELSE.search(message)
    return found is not None and not about_getting_in(f"{message[:found.start()]} {message[found.end():]}")


def asks_what_to_do_after_an_intrusion(ctx: SupportContext) -> bool:
    """"What should I do?" right after reporting someone else at the account."""
    # The message before may lean back itself ("those failed sign-ins weren't me", read from "I didn't do anything"),
    # so the question it leans on is not the one that reported the intrusion.
    return asks_what_to_do(ctx.message) and any(
        reports_intrusion(text or "") for text in (previous_user_text(ctx), last_user_text(ctx)))


def kept_locked_asked(ctx: SupportContext) -> bool:
    """"Don't unlock it", "someone else knows my password", or what to do after saying so: the account is to stay
    locked, whatever else the message says."""
    return wants_it_kept_locked(ctx.message) or asks_what_to_do_after_an_intrusion(ctx)


def unlock_wanted(ctx: SupportContext, *, text: str | None = None) -> bool:
    """Whether this message asks for the customer's locked account to be unlocked: a request in their own words ("unlock
    it please", "I can't log in", "I'm locked out") or a yes to the unlock offered. Not a question about the lock, advice
    asked ("should I unlock it?"), the lock denied, the unlock turned down or put off, access to something else, the
    inbox out of reach after its address was told, nor, once the customer said to keep it locked or was offered the
    unlock, anything but words that ask for it. `text` is the message as the writer reads it (a short follow-up with
    the question it leans on); the request must still be in the customer's own words."""
    message = ctx.message
    if kept_locked_asked(ctx):
        return False
    if accepts_offer(ctx, OFFER_UNLOCK):
        return True
    read = message if text is None else text
    norm = normalise(read)
    words = set(norm.split())
    account = (ctx.facts.get("account") or {}).get("account") or {}
    # "I can't get my 2fa codes" is about two-factor, not a request to unlock; with two-factor off, "I can't log in, the
    # phone thing is 2fa related" is the lock, which is what keeps them out.
    if not has_cue(words, norm, *GETTING_IN) or (
            TWO_FACTOR.search(read) and account.get("two_factor_enabled") and not has_cue(words, norm, *_LOCK_CUES)):
        return False
    # The customer's own words ask for it, not the question before that the text read carries ("how do I know it's
    # from you?" after "I got an email saying my account was locked" unlocked it).
    if read != message and not about_getting_in(message):
        return False
    said_to_keep_it = any(t.role == "user" and wants_it_kept_locked(t.text) for t in ctx.history)
    offered_before = any(t.role == "assistant" and OFFER_UNLOCK in t.text for t in ctx.history)
    if (said_to_keep_it or offered_before) and not asks_to_unlock(message):
        # Once kept locked, "is it still locked?" or "I can't sign in" is no change of mind; once offered, "maybe later"
        # or "you already said that" read with the lock question before them asks nothing.
        return False
    return not (
        says_the_old_address_is_out_of_reach(message, last_reply=last_assistant_text(ctx))
        or advice_on_unlocking_asked(message) or access_to_something_else(message)
        or asks_about_the_lock(message) or declines_offer(ctx))
