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

# An email address as customers type one.
EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# "Change my email to …", "update my address to …", "my new email is …", "set it to …".
_CHANGE_TO = re.compile(
    r"\b(?:change|changed|update|updated|switch|move|set|replace|edit)\b[^.?!]{0,40}?\b(?:to|with|for)\s+"
    r"(?=[\w.+-]+@)|\bnew\s+(?:e-?mail|email\s+address|address)(?:\s+(?:is|should\s+be|will\s+be))?\s*:?\s*(?=[\w.+-]+@)",
    re.IGNORECASE)
# The address alone, or as "it's …", "use …", "this one: …".
_ADDRESS_ALONE = re.compile(
    r"^\W*(?:(?:it'?s|it\s+is|use|this\s+one|here|the\s+new\s+one\s+is|my\s+new\s+one\s+is|ok(?:ay)?|sure|to)[\s:,]+)?"
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
