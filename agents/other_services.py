"""Another company's account, asked about: "how do I delete my LinkedIn account?", "change my password on ebay".

The help centre's entries are worded for any account ("How do I delete my account?"), so the FAQ shortcut sent the steps
to delete a Northwind account for "How do I delete my Twitter account?" (scanned over the NLU evaluation corpora's
web-application questions: 24 such answers in 251). Whatever is asked of another service's account, only that service
can answer; the reply says so and what the chat can help with.
"""

from __future__ import annotations

import re

# Services customers have accounts with, typed in lower case as often as not. Not those an account here may be tied to
# or a Northwind question may name: Google (signing in), GitHub, GitLab and Bitbucket (deploys), PayPal (paying),
# registrars and clouds (domains, moving apps here).
_KNOWN = (r"facebook|fb|twitter|linkedin|instagram|insta|gmail|yahoo(?:\s+mail)?|hotmail|outlook\.com|ebay|uber|lyft|skype"
          r"|whatsapp|tiktok|snapchat|netflix|spotify|trello|reddit|myspace|imgur|tumblr|pinterest|discord|steam|twitch"
          r"|amazon|dropbox|zoom|slack|evernote|quora|flickr|vimeo|airbnb|tinder"
          # Site builders and CMSs: a WordPress site may run here, but its admin password and account are WordPress's.
          r"|wordpress(?:\.com)?|joomla|drupal|wix|squarespace|shopify|blogger")
_THINGS = r"(?:account|acct|password|pass|profile|login|log\s?in|username|inbox|page|channel|id)"
_KNOWN_ACCOUNT = re.compile(
    rf"\b(?P<known>{_KNOWN})(?:'s)?\s+(?:(?:premium|plus|pro|gold|basic|family|student|business)\s+)?(?:mail\s+)?{_THINGS}\b"
    rf"|\b{_THINGS}s?\s+(?:on|in|at|with|for|from)\s+(?P<known2>{_KNOWN})\b"
    # "Gmail recover password while logged in", "facebook won't let me reset the password".
    rf"|\b(?P<known3>{_KNOWN})\b[^.?!]{{0,25}}?\b(?:password|account|login)\b",
    re.IGNORECASE)
# "My Hunch account", "a Harvest account", "my Experts Exchange account", "my 37signals ID": a name written as one
# (capitalised, or led by a digit) before an account's word. Case matters: "my new account" names nothing.
_NAMED_ACCOUNT = re.compile(
    r"\b(?:[Mm]y|[Aa]n?|[Tt]he|[Yy]our|[Oo]ur)\s+(?P<name>(?:[A-Z0-9][\w.-]*\s+){1,2}?)(?:[Mm]ail\s+)?"
    r"(?:account|acct|password|ID|login|profile|username)\b")
_OURS = frozenset({
    "northwind", "northwind cloud", "free", "pro", "business", "admin", "owner", "viewer", "team", "user", "new", "old",
    "main", "personal", "work", "company", "google", "github", "gitlab", "bitbucket", "paypal", "stripe", "visa",
    "mastercard", "amex", "i", "my", "the", "this", "that", "second", "other", "current", "business plan", "pro plan",
    # Tiers a customer may call a plan by ("my Gold account", "the Premium profile"): a plan, if not one of ours.
    "premium", "gold", "platinum", "freemium", "standard", "basic", "silver", "bronze", "enterprise", "starter", "trial",
    "paid", "vip", "plus",
})
_NAMES_US = re.compile(r"\bnorthwind\b|\b(?:my|our)\s+(?:apps?|deploys?|invoices?|plan|subscription|domain)\b",
                       re.IGNORECASE)


def other_service_named(text: str) -> str | None:
    """The other company whose account the message asks about ("LinkedIn", "ebay"), as written; None when it names
    none, or also names us or something of the customer's here."""
    if _NAMES_US.search(text):
        return None
    if (known := _KNOWN_ACCOUNT.search(text)) is not None:
        return known["known"] or known["known2"] or known["known3"]
    for found in _NAMED_ACCOUNT.finditer(text):
        name = found["name"].strip()
        if name.lower() not in _OURS and not (name.isupper() and len(name) <= 3):
            return name
    return None


def other_service_reply(name: str) -> str:
    return (f"That's about your {name} account, which isn't run by us, so I can't help with it and I'd rather not guess: "
            f"{name}'s own help pages are the place to ask. I'm Northwind Cloud's support assistant, and I'm happy to help "
            "with your Northwind account, billing and plans, or with your apps.")
