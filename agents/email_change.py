"""A new email address given for the account: "can you change my email to alice@newmail.com?", or the address alone
right after asking how to change it. The chat changes no address; the help centre's steps do, with the address given.

Plain rules over the message and the question before it, no model: the help centre's entry on changing the address
matched the address alone at 0.97, and the FAQ shortcut sent its steps again ("my answer is the same" when the resolver
wrote it), as if the address had not been given.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text, previous_user_text
from agents.follow_ups.offers import OFFER_PERSON

# An email address as customers type one.
EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# "Change my email to …", "update my address to …", "my new email is …", "set it to …".
_CHANGE_TO = re.compile(
    r"\b(?:change|changed|update|updated|switch|move|set|replace|edit)\b[^.?!]{0,40}?\b(?:to|with|for)\s+"
    r"(?=[\w.+-]+@)|\bnew\s+(?:e-?mail|email\s+address|address)(?:\s+(?:is|should\s+be|will\s+be))?\s*:?\s*(?=[\w.+-]+@)",
    re.IGNORECASE)
# The address alone, or as "it's …", "use …", "this one: …".
_ADDRESS_ALONE = re.compile(
    # "It should go to …", "it should be …", "send them to …" (its steps came again, by the FAQ shortcut).
    r"^\W*(?:(?:it'?s|it\s+is|use|this\s+one|here|the\s+new\s+one\s+is|my\s+new\s+one\s+is|ok(?:ay)?|sure|to"
    r"|(?:it|they|that|this)\s+(?:should|needs?\s+to|has\s+to|must)\s+(?:go\s+to|be)|send\s+(?:it|them)\s+to)[\s:,]+)?"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*(?:please|pls|thanks)?\W*$",
    re.IGNORECASE)
_ASKS_TO_CHANGE_THE_EMAIL = re.compile(
    r"\b(?:change|changing|update|updating|switch|edit|replace|new)\b[^.?!]{0,30}\b(?:e-?mail|email\s+address)\b",
    re.IGNORECASE)

# "Will I need to verify it?", "do I have to confirm the new one?": whether the change is confirmed, asked right after the
# steps to change the address, which say it is ("not enough information" came).
_ASKS_IF_CONFIRMED = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:will|do|does|would|is|must|should)\b[^?.!]{0,40}"
    r"\b(?:verify|verified|verification|confirm|confirmed|confirmation|validate|validated)\b", re.IGNORECASE)
# How the help centre's steps to change the address say the change is confirmed.
_CONFIRMED_FROM_A_LINK = "confirm it from the link we send"

# "Change the email invoices go to billing@acme.com": where invoices are sent, which the billing part answers.
_WHERE_INVOICES_GO = re.compile(r"\b(?:invoices?|billing|receipts?)\b", re.IGNORECASE)


def new_email_given(ctx: SupportContext) -> str | None:
    """The address the message gives as the account's new one, asked in it ("change my email to …") or given alone
    after the question before asked to change it; None otherwise."""
    found = EMAIL_ADDRESS.search(ctx.message)
    if found is None or _WHERE_INVOICES_GO.search(ctx.message):
        return None
    if _CHANGE_TO.search(ctx.message) and _ASKS_TO_CHANGE_THE_EMAIL.search(ctx.message.replace(found[0], "")):
        return found[0]
    if _ADDRESS_ALONE.match(ctx.message) and _ASKS_TO_CHANGE_THE_EMAIL.search(previous_user_text(ctx) or ""):
        return found[0]
    return None


def asks_if_the_change_is_confirmed(ctx: SupportContext) -> bool:
    """"Will I need to verify it?" right after the steps to change the address, which say it is confirmed by a link."""
    return bool(_ASKS_IF_CONFIRMED.match(ctx.message)) and _CONFIRMED_FROM_A_LINK in last_assistant_text(ctx)


# How the help centre's entry on resetting a password says a link is sent, as a reply quotes it.
_RESET_LINK_SENT = re.compile(r"\breset\s+link\b", re.IGNORECASE)
# "I didn't get the reset email", "the reset link never came": a reset asked for and not arrived.
_RESET_NOT_ARRIVED = re.compile(r"\b(?:didn'?t|did\s+not|haven'?t|have\s+not|never|not)\s+(?:\w+\s+){0,3}?"
                                r"(?:get|got|gotten|receive[d]?|arrived?|come|came|see|seen)\b", re.IGNORECASE)


def reset_address_given_reply(ctx: SupportContext) -> str | None:
    """"It's alice@example.com" right after the reset link was said not to have arrived: whether that is the address on
    the signed-in customer's account, where the link goes (the steps to change the address came, as if it were a new
    one). None for another message, or for a visitor, whose account no one here can look up."""
    given = EMAIL_ADDRESS.search(ctx.message)
    if (given is None or not _ADDRESS_ALONE.match(ctx.message) or ctx.customer is None
            or not _RESET_LINK_SENT.search(last_assistant_text(ctx))
            or not _RESET_NOT_ARRIVED.search(previous_user_text(ctx) or "")):
        return None
    on_file = ctx.customer.email
    if given[0].lower() == on_file.lower():
        return (f"Thanks: {on_file} is the address on your account, so that's where the reset link goes. If it isn't in "
                "your inbox or spam folder after a few minutes, a person from our team can look into it: would you like "
                f"me to {OFFER_PERSON}?")
    return (f"That isn't the address on your account: the reset link goes to the one on your account, {on_file}, so look "
            "for it in that inbox and its spam folder. If you can't get into that inbox, a person from our team can help: "
            f"would you like me to {OFFER_PERSON}?")
