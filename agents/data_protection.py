"""Data-protection questions (GDPR): a request to erase one's personal data, a question about what data is held,
and where data is stored or whether we are compliant. Plain rules over the message, no model.

"Please delete all my personal data (GDPR)" is worded like no help-centre entry (the one on deleting the account
scores 0.02 for it) and read as an account question: the account's state answered it, and "I don't have enough
information" after it. "Do you have an EU region for GDPR?" finds the entry on where data is stored (0.51) but
shares no word with its question, so the writer left it out. These rules say what such a message asks, so the
help centre's entries on it are gathered (workers/faq.py) and quoted (providers/offline/reply_data_protection.py).
"Is my data encrypted?" or "how much data can I store?" names data and asks none of this.
"""

from __future__ import annotations

import re
from typing import Literal

from agents.context import SupportContext
from agents.follow_ups.history import assistant_texts, last_assistant_text
from agents.follow_ups.offers import OFFER_PERSON

DataProtectionAsk = Literal["erase", "access", "privacy", "backup", "encryption"]

_ERASE_VERB = r"(?:delete|erase|remove|wipe|purge|destroy|scrub)"
_ERASED = r"(?:deleted|erased|removed|wiped|purged|destroyed|scrubbed)"
# Whose data: "my personal data", "all of our information", "my account data"; not an app's ("my app data").
_MY_DATA = (r"(?:all\s+|any\s+|every\s+)?(?:of\s+)?(?:my|our)\s+(?:personal\s+|account\s+|customer\s+|user\s+)?"
            r"(?:data|information|info)\b")
# "Delete all my personal data", "erase my data", "I want my personal data erased", "delete the data you hold
# about me", "right to be forgotten", "a GDPR deletion request".
_ERASE = re.compile(
    rf"\b{_ERASE_VERB}\s+{_MY_DATA}"
    rf"|\b{_ERASE_VERB}\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+)?(?:personal\s+)?(?:data|information|info)\s+"
    r"(?:(?:that\s+)?you\s+(?:have|hold|keep|store)|(?:about|on|of)\s+(?:me|us))\b"
    rf"|\b(?:my|our)\s+(?:personal\s+)?(?:data|information|info)\s+(?:to\s+be\s+|be\s+|being\s+)?{_ERASED}\b"
    r"|\bright\s+to\s+(?:be\s+forgotten|erasure|deletion)\b"
    r"|\b(?:data\s+|gdpr\s+)?(?:deletion|erasure|removal)\s+request\b",
    re.IGNORECASE,
)
# GDPR named with a deletion anywhere: "delete everything please, GDPR".
_GDPR = re.compile(r"\bgdpr\b|\bdata\s+protection\b", re.IGNORECASE)
_DELETION_WORD = re.compile(rf"\b(?:{_ERASE_VERB}|deletion|erasure|removal)\b", re.IGNORECASE)
# "Will you delete my data if I cancel?", "what happens to my data when I close my account": what follows from
# something else, which the entries on cancelling and deleting answer; no request to erase anything.
_WHAT_FOLLOWS = re.compile(r"\b(?:if|when|after|once)\s+(?:i|we)\b|\bwhat\s+happens\b", re.IGNORECASE)
# "What data do you hold about me?", "a subject access request": what is held, which no entry lists.
WHAT_IS_HELD = re.compile(
    r"\bwhat\s+(?:personal\s+)?(?:data|information|info)\s+(?:do|does|did)\s+(?:you|northwind)\s+"
    r"(?:have|hold|keep|store|collect|process)\b"
    r"|\bsubject\s+access\b|\bdsar\b",
    re.IGNORECASE,
)
# "GDPR request: send me a copy of my data": the export, asked for under GDPR (asked alone, the FAQ finds it).
_COPY_UNDER_GDPR = re.compile(r"\b(?:copy|export|download)\b[^.?!]{0,30}\b(?:data|information)\b", re.IGNORECASE)
# "Can I download my data first?", "export all our data": a copy of the account's own data, which the entry on exporting
# answers (its "download" found the failed-deploys guide's "download large files", and a technical part joined in).
_COPY_OF_OWN_DATA = re.compile(r"\b(?:copy|export|download|back\s*up|save)\b[^.?!]{0,20}\b(?:my|our|all\s+(?:my|our|the))\s+"
                               r"(?:account\s+|personal\s+)?data\b", re.IGNORECASE)


def asks_for_a_copy_of_own_data(message: str) -> bool:
    """Whether the message asks for a copy of the account's own data ("can I download my data first?")."""
    return bool(_COPY_OF_OWN_DATA.search(message))


# "Are you GDPR compliant?", "can I sign a DPA?", "where is my data stored?", "is my data kept in the EU?",
# "data residency". Not "where do I store my database password" nor "how much data can I store".
_PRIVACY = re.compile(
    r"\bgdpr\b|\bdata\s+protection\b|\bdpas?\b|\bdata\s+processing\s+(?:agreement|addendum)s?\b"
    # "Is my data safe with you?", "how do you protect my data?"
    r"|\b(?:my|our|customer)\s+(?:data|information)\s+(?:\w+\s+)?(?:safe|secure)\b|\bdata\s+(?:security|privacy)\b"
    # "How secure is my data?", "how safe is our information?"
    r"|\bhow\s+(?:safe|secure|private)\s+(?:is|are)\s+(?:my|our|customer)\s+(?:data|information)\b"
    r"|\bprotect\w*\s+(?:my|our)\s+(?:data|information)\b"
    r"|\bdata\s+(?:residency|location|sovereignty|locali[sz]ation)\b"
    r"|\bwhere\b[^.?!]{0,30}\b(?:data|information)\b[^.?!]{0,20}\b(?:stored|kept|hosted|held|located|saved|live|lives"
    r"|reside|resides|processed)\b"
    r"|\b(?:data|information)\s+(?:is\s+|are\s+|gets\s+)?(?:stored|kept|hosted|held|located|saved|processed)\s+"
    r"(?:in|inside|outside)\s+(?:the\s+)?(?:eu|europe|us|usa|uk|european)\b"
    r"|\b(?:store|keep|host|hold|process)\s+(?:my|our|the|customer)?\s*(?:data|information)\s+in\s+(?:the\s+)?"
    r"(?:eu|europe|us|usa|uk)\b"
    r"|\bwhere\b[^.?!]{0,30}\b(?:store|keep|host|hold|process)\w*\s+(?:my|our|the|customer)?\s*(?:data|information)\b"
    # "Can I choose eu only?" (the TLS guide's step that says "choose"), "can we keep everything in the EU?".
    # The EU, not the region eu-west ("only in eu-west" reports where a fault is).
    r"|\b(?:eu|europe)\s+only\b|\bonly\s+(?:in\s+)?(?:the\s+)?(?:eu|europe)(?![\w-])"
    r"|\b(?:keep|store|host|hold)\s+(?:everything|it\s+all|all\s+of\s+it|it|all)\s+in\s+(?:the\s+)?(?:eu|europe)(?![\w-])",
    re.IGNORECASE,
)
# Regions named with the question: the help centre's list of regions says where each is.
NAMES_REGIONS = re.compile(r"\bregions?\b|\bdata\s*cent(?:er|re)s?\b|\bservers?\b|\blocations?\b", re.IGNORECASE)

# How each kind of question is asked of the help centre, so its entries are among those gathered however the
# message is worded: deleting the account (and the data with it), exporting the data first, and the entry on
# where data is stored, which says whether we are GDPR compliant.
HELP_CENTRE_QUESTIONS: dict[DataProtectionAsk, tuple[str, ...]] = {
    "erase": ("how do I delete my account", "how do I export my data", "are you gdpr compliant"),
    "access": ("how do I export my data", "are you gdpr compliant"),
    "privacy": ("where is my data stored", "are you gdpr compliant"),
    "backup": ("where is my data stored", "how do I export my data"),
    "encryption": ("do you provide ssl certificates", "where is my data stored"),
}
REGIONS_QUESTION = "which regions can I deploy to"


def asks_to_erase_personal_data(text: str) -> bool:
    """Whether a message asks for the customer's personal data to be erased (a GDPR erasure request), not what
    happens to it after something else."""
    if _WHAT_FOLLOWS.search(text):
        return False
    return bool(_ERASE.search(text)) or bool(_GDPR.search(text) and _DELETION_WORD.search(text))


# "Is my data backed up?", "do you do backups?", "can you restore my database?": backups, which no entry describes (it
# got "I don't have enough information").
# Not "backup codes" (two-factor's recovery codes), a backup phone or email, or a card to pay with beside the one on file
# ("can I add another card as backup?" got the backups' reply).
_BACKUPS = re.compile(r"(?<!card as )(?<!card as a )(?<!cards as )(?<!cards as a )\bback(?:ed)?[\s-]?ups?\b"
                      r"(?![\s-]+(?:codes?|keys?|phones?|numbers?|emails?|methods?|devices?|cards?|payment\s+\w+)\b)"
                      r"|\bbacking\s+up\b|\bsnapshots?\b|\bdisaster\s+recovery\b"
                      r"|\brestore\s+(?:my|our|the)\s+(?:data|database|db|files)\b", re.IGNORECASE)


# "Is my data encrypted?", "do you encrypt data at rest?", "do you encrypt it?" (after where data is kept): how stored
# data is encrypted, which no entry describes (it got "I don't have enough information", the scope reply, or the answer
# on where data is kept again). Not "are my environment variables encrypted?", which the guide on them answers, nor a
# certificate ("is https encrypted?"), which the entry on certificates answers.
_ENCRYPTION = re.compile(r"\b(?:encrypt\w*|decrypt\w*|encryption)\b|\bat\s+rest\b|\bin\s+transit\b", re.IGNORECASE)
_OF_DATA = re.compile(r"\b(?:data|files?|databases?|db|backups?|information|info|everything|disks?|storage|it|that)\b",
                      re.IGNORECASE)
_ENCRYPTED_ELSEWHERE = re.compile(r"\b(?:variables?|vars?|secrets?|env|environment|passwords?|api\s+keys?|keys?"
                                  r"|certificates?|certs?|ssl|tls|https|traffic|connections?)\b", re.IGNORECASE)


# "Does my plan include backups?": what a plan includes, which the plans' lists answer (that none lists it).
_OF_A_PLAN = re.compile(r"\b(?:plans?|tiers?|free|pro|business|include[sd]?|including)\b", re.IGNORECASE)


# "Can I sign a DPA?", "we need a data processing agreement", "how do I get a dpa signed?": one asked for, which the help
# centre says we sign on request (the whole entry on where data is stored came, and "my answer is the same" after it).
_DPA_ASKED = re.compile(r"\bdpas?\b|\bdata\s+processing\s+(?:agreement|addendum)s?\b", re.IGNORECASE)
_ASKS_FOR_IT = re.compile(r"\b(?:sign|signed|signing|need|needs|get|want|request|have|send|provide|offer)\b", re.IGNORECASE)


def asks_for_a_dpa(text: str) -> bool:
    """"Can I sign a DPA?": a data processing agreement asked for, not only whether we are compliant."""
    return bool(_DPA_ASKED.search(text)) and bool(_ASKS_FOR_IT.search(text))


def data_protection_asked(text: str) -> list[DataProtectionAsk]:
    """What of data protection a message asks, in the order a reply answers it; empty when it asks none."""
    asked: list[DataProtectionAsk] = []
    if asks_to_erase_personal_data(text):
        asked.append("erase")
    if WHAT_IS_HELD.search(text) or (_GDPR.search(text) and _COPY_UNDER_GDPR.search(text)):
        asked.append("access")
    # Beside an erasure, GDPR named is the erasure's ("delete my data (GDPR)"): its reply says we are compliant.
    if _PRIVACY.search(_GDPR.sub(" ", text) if asked else text):
        asked.append("privacy")
    if _BACKUPS.search(text) and not asked and not _OF_A_PLAN.search(text):
        asked.append("backup")
    if _ENCRYPTION.search(text) and _OF_DATA.search(text) and not _ENCRYPTED_ELSEWHERE.search(text):
        asked.append("encryption")
    return asked


def help_centre_questions(text: str) -> list[str]:
    """The questions that find the help centre's entries on what the message asks of data protection."""
    asked = data_protection_asked(text)
    questions = [q for kind in asked for q in HELP_CENTRE_QUESTIONS[kind]]
    if asked and NAMES_REGIONS.search(text):
        questions.append(REGIONS_QUESTION)
    return list(dict.fromkeys(questions))


# "Can I choose eu only?", "so it stays in europe?", "can we keep everything in the EU?": whether data can stay in the
# EU, asked right after where data is stored was told ("not enough information", or the entry's first sentence alone).
_IN_THE_EU = re.compile(r"\b(?:eu|europe|european|eu-west)\b", re.IGNORECASE)
_KEPT_THERE = re.compile(r"\b(?:choose|chose|pick|select|keep|kept|stay|stays|store|stored|host|hosted|only|just|restrict"
                         r"|limit)\b", re.IGNORECASE)
_REGION_YOU_CHOOSE = re.compile(r"[^.\n]*\bregion you choose\b[^.\n]*\.")
_ACCOUNT_DATA_STORED = re.compile(r"[^.\n]*\b(?:account|billing) (?:and \w+ )?data (?:is|are) stored in eu-west\b[^.\n]*\.",
                                  re.IGNORECASE)


def data_kept_in_the_eu_reply(ctx: SupportContext) -> str | None:
    """For "can I choose eu only?" right after a reply that said apps' data stays in the region chosen, eu-west among
    them (the last or the one before): yes, in that reply's own words (and where account data is, if it said). None
    otherwise."""
    if not (_IN_THE_EU.search(ctx.message) and _KEPT_THERE.search(ctx.message)):
        return None
    # The entry may be the reply before last ("is it gdpr compliant?" answered in between).
    replies = assistant_texts(ctx)[:2]
    told = next((text for text in replies if _REGION_YOU_CHOOSE.search(text)), None)
    chosen = _REGION_YOU_CHOOSE.search(told or "")
    if told is None or chosen is None or "eu-west" not in chosen.group():
        return None
    said = chosen.group().strip()
    where = "my last message said" if told == replies[0] else "I said earlier"
    reply = f"Yes. As {where}: {said[:1].lower()}{said[1:]} Choose eu-west, and they stay there."
    if (account := _ACCOUNT_DATA_STORED.search(told)) is not None:
        reply += f" {account.group().strip()}"
    return reply


# How the reply on encryption says the help centre is silent on it (reply_data_protection._encryption).
ENCRYPTION_UNSAID = "Our help centre doesn't say how your stored data is encrypted"
# "At rest too?", "what about encryption on disk?": the same question, of stored data; "in transit" is the connections,
# which the certificates' entry speaks of.
_ENCRYPTION_AGAIN = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|what\s+about|how\s+about)[,\s]+)*(?:(?:is\s+it|are\s+they)\s+)?(?:encrypted\s+)?"
    r"(?:encryption\s+)?(?P<where>at\s+rest|in\s+transit|on\s+disk|in\s+the\s+database|in\s+backups?)"
    r"(?:\s+(?:too|as\s+well|also))?\s*[?.!]*\s*$", re.IGNORECASE)


def encryption_asked_again_reply(ctx: SupportContext) -> str | None:
    """"At rest too?" right after the reply that said the help centre is silent on how stored data is encrypted: that it
    is silent on that too; "in transit?", that the connections are what it speaks of. None for another message."""
    asked = _ENCRYPTION_AGAIN.match(ctx.message)
    if asked is None or ENCRYPTION_UNSAID not in last_assistant_text(ctx):
        return None
    if asked["where"].lower().startswith("in transit"):
        return ("In transit, the connections to your apps are what our help centre speaks of: they're encrypted, as in "
                "my last message. How your stored data is encrypted it doesn't say. A person from our team can tell you "
                f"more: would you like me to {OFFER_PERSON}?")
    return ("That either: our help centre doesn't say how your stored data is encrypted, at rest or anywhere else, so I'd "
            f"rather not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?")
