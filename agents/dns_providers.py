"""DNS providers, registrars and the services that sit in front of an app, named by a customer after a guide.

"I use godaddy" after the custom domains guide, "I'm using cloudflare" after the TLS guide: the message names no fault
and no topic the help centre has a guide on, so alone it got "I don't have a guide on that". It is a detail of the
question before: the technical part searches the guides with that question, and quotes the steps done at the provider.
"""

from __future__ import annotations

import re

_DNS_PROVIDER = re.compile(r"\b(?:go\s?daddy|namecheap|cloudflare|route\s?53|google\s+domains|squarespace|porkbun|ionos"
                           r"|ovh|gandi|name\.com|dynadot|bluehost|hostgator|network\s+solutions|dnsimple|hover)\b",
                           re.IGNORECASE)
_DISPLAY_NAMES = {"godaddy": "GoDaddy", "namecheap": "Namecheap", "cloudflare": "Cloudflare", "route53": "Route 53",
                  "googledomains": "Google Domains", "squarespace": "Squarespace", "porkbun": "Porkbun",
                  "ionos": "IONOS", "ovh": "OVH", "gandi": "Gandi", "name.com": "Name.com", "dynadot": "Dynadot",
                  "bluehost": "Bluehost", "hostgator": "HostGator", "networksolutions": "Network Solutions",
                  "dnsimple": "DNSimple", "hover": "Hover"}
# A short follow-up that names the provider ("we're on namecheap"), not a question of its own about it ("can I pay with
# cloudflare?" is about paying).
_FOLLOW_UP_WORDS = 6
_ASKS_OF_ITS_OWN = re.compile(r"\b(?:pay|paying|payment|refund|invoice|bill|price|cost|plan)\w*\b", re.IGNORECASE)


def dns_provider_named(message: str) -> str | None:
    """The provider a short follow-up names ("GoDaddy" for "I use godaddy"), as it spells itself; None otherwise."""
    found = _DNS_PROVIDER.search(message)
    if found is None or len(message.split()) > _FOLLOW_UP_WORDS or _ASKS_OF_ITS_OWN.search(message):
        return None
    key = re.sub(r"\s+", "", found[0].lower())
    return _DISPLAY_NAMES.get(key, found[0])


# "Do I need to buy the domain from you?", "do you sell domains?", "can you register a domain for me?", "where do I buy a
# domain?": a domain bought or registered, which the help centre never offers; its guide has the customer point one they
# hold at a DNS provider. Not "I bought a domain, how do I add it?", which is the guide's own question.
_BUYS_A_DOMAIN = re.compile(
    r"\b(?:buy|purchase|register|get)\s+(?:a\s+|the\s+|my\s+|our\s+|new\s+)*domain(?:\s+names?)?\s+(?:from|through|with"
    r"|via|at)\s+(?:you|northwind)\b"
    r"|\b(?:do|does|can|could|will)\s+(?:you|northwind)\s+(?:also\s+)?(?:sell|offer|provide|register)\s+"
    r"(?:a\s+|the\s+)?domains?(?:\s+names?)?\b"
    r"|\b(?:can|could|would|will)\s+you\s+(?:buy|purchase|register|get)\s+(?:a\s+|the\s+|my\s+|our\s+)?domain(?:\s+names?)?"
    r"\s+for\s+(?:me|us)\b"
    r"|\bwhere\s+(?:do|can|should)\s+(?:i|we)\s+(?:buy|purchase|register|get)\s+(?:a\s+|the\s+|my\s+|our\s+)?domain"
    r"(?:\s+names?)?\b"
    r"|\bdomain\s+(?:registration|registrar)\b",
    re.IGNORECASE)


def asks_to_buy_a_domain(message: str) -> bool:
    """Whether the message asks to buy or register a domain (from us, or where); the help centre has it point one the
    customer holds at a DNS provider."""
    return bool(_BUYS_A_DOMAIN.search(message))


# "Will there be downtime when I switch dns?", "will my site go down while dns updates?", "will it have downtime?" right
# after the domains guide: an interruption during a change the customer plans, which the guide doesn't speak of (its
# steps came again, or the open incident as if one were reported). Not "my site is down", a fault.
_DOWNTIME = re.compile(r"\b(?:downtime|down\s+time|go(?:es)?\s+(?:down|offline)|be\s+(?:down|offline|unavailable|unreachable)"
                       r"|interruptions?|outages?)\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|would|going\s+to|any|cause|causes|mean|is\s+there|are\s+there)\b", re.IGNORECASE)
_DNS_CHANGE = re.compile(r"\b(?:dns|domains?|cname|nameservers?|a\s+record)\b", re.IGNORECASE)
DOMAINS_GUIDE = "“Custom domains and DNS”"


def asks_about_downtime_of_a_dns_change(message: str, *, last_reply: str = "") -> bool:
    """Whether the message asks if a DNS or domain change will interrupt the app: naming the change, or right after the
    domains guide."""
    if not (_DOWNTIME.search(message) and _AHEAD.search(message)):
        return False
    return bool(_DNS_CHANGE.search(message)) or DOMAINS_GUIDE in last_reply

