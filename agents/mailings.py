"""Our emails: the newsletter and marketing ones (signing up, unsubscribing, asking us to stop), and whether an email
that seems to be ours is.

The help centre does not cover them, and nothing in the chat changes what a customer is sent. Read as a plan's
subscription, "I have to cancel the subscription to the newsletter" got the steps to cancel the paid plan, and
"how do I unsubscribe from your emails?" the same (billing at 0.42). Emails about the account itself (invoices,
password resets) are not mailings, and stay the billing and account parts' questions.
"""

from __future__ import annotations

import re

from agents.follow_ups.offers import OFFER_PERSON

_MAILINGS = re.compile(
    r"\b(?:news\s?letters?|mailing\s+lists?|(?:marketing|promotional|promo|advertising)\s+(?:e-?mails?|mails?|messages)"
    r"|spam\s+from\s+(?:you|northwind))\b"
    r"|\b(?:unsubscribe|opt(?:\s+|-)out)\b[^.?!]{0,30}\b(?:e-?mails?|mails?|messages)\b"
    r"|\bstop\s+(?:sending|e-?mailing|mailing)\s+(?:me|us)\b"
    # "I don't want emails from you", "no more emails please" (the invoice list came).
    r"|\b(?:don'?t|do\s+not)\s+(?:want|need)\s+(?:any\s+)?(?:more\s+)?(?:of\s+)?(?:your\s+)?e-?mails?\b"
    r"|^\W*no\s+more\s+e-?mails?\b",
    re.IGNORECASE)
# Emails about the account itself: "stop sending me invoices by email", "unsubscribe me from payment reminders?".
_ACCOUNT_EMAILS = re.compile(r"\b(?:invoices?|receipts?|bills?|billing|payments?|reset|password|sign-?in|login|security"
                             r"|two-?factor|2fa|verification|alerts?|incidents?|status)\b", re.IGNORECASE)

MAILINGS_REPLY = (
    "Our help centre doesn't cover our newsletter or marketing emails, and I can't change what we send you from this "
    f"chat, so I'd rather not guess how it's done. A person from our team can sort it out: would you like me to "
    f"{OFFER_PERSON}?"
)


def asks_about_our_mailings(text: str) -> bool:
    """Whether the message is about our newsletter or marketing emails ("how do I unsubscribe from your emails?",
    "stop sending me marketing emails"), not the emails an account gets (invoices, password resets)."""
    return bool(_MAILINGS.search(text)) and not _ACCOUNT_EMAILS.search(text)


# "Unsubscribe me from payment reminders", "stop sending me invoice emails", "can I turn off the receipt emails?": the
# emails about the account itself, turned off (the steps to cancel the paid plan came, "unsubscribe" read as cancelling).
_STOPS_ACCOUNT_EMAILS = re.compile(
    r"\b(?:unsubscribe|opt(?:\s+|-)out|stop\s+(?:sending|e-?mailing)|turn\s+off|switch\s+off|disable|mute)\b[^.?!]{0,25}"
    r"\b(?:invoices?|receipts?|billing|payments?)\s+(?:e-?mails?|reminders?|notifications?|notices?|alerts?)\b",
    re.IGNORECASE)

ACCOUNT_EMAILS_REPLY = (
    "I can't turn off the emails about your account (invoices, payment reminders) from this chat, and our help centre "
    "doesn't say whether they can be turned off, so I'd rather not guess. Your plan stays as it is: nothing here cancels "
    f"it. A person from our team can tell you what can be changed: would you like me to {OFFER_PERSON}?"
)


def asks_to_stop_account_emails(text: str) -> bool:
    """Whether the message asks to stop the emails about the account itself ("unsubscribe me from payment reminders"),
    which is no request to cancel the plan."""
    return bool(_STOPS_ACCOUNT_EMAILS.search(text))


# "Is that legit or phishing?", "did you really send me this email?", "is this email from northwind?": whether an email
# (or a text) that seems to be ours is. "Scam", "fake" and "fraud" only of an email: "I was scammed" is another matter.
_ASKS_IF_AN_EMAIL_IS_OURS = re.compile(
    r"\b(?:phishing|phish(?:y|ed)?|spoof(?:ed|ing)?)\b"
    r"|\b(?:scam|fake|fraud(?:ulent)?|legit(?:imate)?|genuine)\b[^.?!]{0,25}\b(?:e-?mails?|messages?|texts?|sms|links?)\b"
    r"|\b(?:e-?mails?|messages?|texts?|sms|links?)\b[^.?!]{0,25}\b(?:scam|fake|fraud(?:ulent)?|legit(?:imate)?|genuine"
    r"|really\s+from\s+(?:you|northwind))\b"
    r"|\b(?:did|do)\s+(?:you|northwind)\s+(?:really\s+|actually\s+)?(?:send|e-?mail)\s+(?:me\s+)?(?:this|that|an?|the)\s+"
    r"(?:e-?mail|message|text|link)\b",
    re.IGNORECASE)

EMAIL_GENUINE_REPLY = (
    "I can't see the emails we send, so I can't tell you whether that one came from us. To be safe, don't follow its "
    "links or reply with a password or card details: sign in the way you usually do and check your account there. "
    "Anything real, such as a failed payment, shows there too (under **Billing → Invoices** for payments). If it still "
    f"looks wrong, a person from our team can look at it with you: would you like me to {OFFER_PERSON}?"
)


# "Is this real?" right after "I got an email saying my payment failed": whether that email is ours (it got "I'm Northwind
# Cloud's automated support assistant", read as asking whether the chat is a person).
_ASKS_IF_IT_IS_REAL = re.compile(
    r"^\W*(?:(?:so|but|and|ok(?:ay)?|wait)[,\s]+)?(?:is|was)\s+(?:this|that|it)(?:\s+(?:e-?mail|message|text))?\s+(?:really\s+)?"
    r"(?:real|legit(?:imate)?|genuine|true|a\s+scam|fake|phishing|safe|from\s+you|you)\s*[?.!]*\s*$"
    r"|^\W*(?:can|should)\s+i\s+trust\s+(?:this|that|it)\s*[?.!]*\s*$", re.IGNORECASE)
_TELLS_OF_AN_EMAIL = re.compile(r"\b(?:got|get|getting|received|receiving)\s+(?:an?\s+|this\s+|some\s+)?(?:weird\s+|strange\s+"
                                r"|odd\s+)?(?:e-?mails?|texts?|sms|messages?)\b", re.IGNORECASE)


def email_told_of(text: str) -> str | None:
    """What the customer says they got, in a word ("email", "text", "message"), when the message tells of one ("I got an
    email saying my payment failed"); None otherwise."""
    told = _TELLS_OF_AN_EMAIL.search(text)
    if told is None:
        return None
    said = told.group(0).lower()
    return "email" if "mail" in said else "text" if ("text" in said or "sms" in said) else "message"


# "I got an email saying my payment failed, is this a scam?": told and asked in one message (the failed payment's
# facts came, and nothing of whether the email was ours).
_IS_IT_REAL_TOO = re.compile(r"\b(?:is|was)\s+(?:this|that|it)(?:\s+(?:e-?mail|message|text))?\s+(?:really\s+)?"
                             r"(?:real|legit(?:imate)?|genuine|a\s+scam|fake|phishing|from\s+you)\b", re.IGNORECASE)


def asks_if_an_email_is_ours(text: str, *, asked_before: str = "") -> bool:
    """Whether the message asks if an email (or a text, a link) that seems to come from us really does, in so many
    words, beside telling of one, or right after telling of one ("is this real?")."""
    return bool(_ASKS_IF_AN_EMAIL_IS_OURS.search(text)) or bool(
        _TELLS_OF_AN_EMAIL.search(text) and _IS_IT_REAL_TOO.search(text)) or bool(
        _ASKS_IF_IT_IS_REAL.match(text) and _TELLS_OF_AN_EMAIL.search(asked_before))
