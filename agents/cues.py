"""The message's words as the rules read them: lower-cased, accents stripped, the spellings customers type mapped
to the words the models were fitted on; and whether any of a set of cue words or phrases is among them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spellings customers type that mean the same as the word the models know.
_SYNONYMS = {
    "pwd": "password", "passwd": "password", "pw": "password", "2fa": "two factor",
    "mfa": "two factor", "tfa": "two factor", "pls": "please", "plz": "please", "u": "you",
    "ur": "your", "im": "i am", "cant": "can not", "can't": "can not", "dont": "do not",
    "don't": "do not", "didnt": "did not", "didn't": "did not", "doesnt": "does not",
    "doesn't": "does not", "wont": "will not", "won't": "will not", "isnt": "is not", "isn't": "is not",
    "acct": "account", "acc": "account", "subs": "subscription", "sub": "subscription",
    "deployment": "deploy", "deployments": "deploy", "deploys": "deploy", "deployed": "deploy",
    "certs": "certificate", "cert": "certificate", "ssl": "tls", "https": "tls", "env": "environment",
    "vars": "variables", "refunded": "refund", "refunds": "refund", "charged": "charge", "charges": "charge",
    "invoices": "invoice", "billed": "bill", "login": "sign in", "log in": "sign in", "logon": "sign in",
    "signin": "sign in", "euwest": "eu-west", "eu west": "eu-west",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_PHRASES = {k: v for k, v in _SYNONYMS.items() if " " in k}


# Memoised: the rules, the classifier and the writers normalise the same message, and the turns before it, about a
# hundred times a message (#9: a sixth of an offline run's CPU). Pure, and bounded.
@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower-case, strip accents, and map common abbreviations to the words the models were fitted on."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    for phrase, replacement in _PHRASES.items():
        text = text.replace(phrase, replacement)
    return " ".join(_SYNONYMS.get(token, token) for token in _TOKEN.findall(text))


def has_cue(words: set[str], text: str, *cues: str) -> bool:
    """Whether a cue is among `words` (a single word) or in `text` (a phrase); both as normalise() gives them."""
    return any((cue in words) if " " not in cue else (cue in text) for cue in cues)
