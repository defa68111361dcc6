"""A short follow-up that names something the last reply already covers: "and VAT number?" after the steps to put a
company name, address and VAT number on invoices. Its reply came out as the last one word for word, sent behind "my
answer is the same as in my last message", as if the customer had missed the answer rather than asked of one more
thing: the part of the reply that covers it is said to cover it.

Plain rules over the message and the reply, for any provider's reply: only a reply that repeats the last one is read.
"""

from __future__ import annotations

import re

from agents.about_service import payment_methods_asked
from agents.follow_ups.leaning_back import asks_how_to_do_it
from agents.where_it_is import places_named, reply_sentences, without_lead_in

# "And VAT number?", "what about the address?", "and the logo too?": one more thing, named and nothing else.
_AND_ONE_MORE_THING = re.compile(
    r"^\W*(?:(?:and|also|plus)\s+(?:(?:what|how)\s+about\s+)?|(?:what|how)\s+about\s+)(?:the\s+|my\s+|our\s+|a\s+|an\s+)?"
    r"(?P<thing>[a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9-]*){0,3}?)(?:\s+(?:too|as\s+well|also))?\s*[?.!]*\s*$",
    re.IGNORECASE)
# Words that name no thing of their own: "and then?", "what about it?", "and now?".
_NAMES_NOTHING = frozenset({"it", "that", "this", "them", "those", "these", "then", "now", "so", "yes", "no", "ok",
                            "okay", "you", "me", "us", "else", "more", "other", "others", "one", "ones", "why", "how",
                            "what", "when", "where", "which", "who"})


# A paragraph that opens by saying whose words follow: "What our help centre says about cancelling: …".
_INTRODUCES_A_QUOTE = re.compile(r"^[^.:\n]{0,80}:\s")

# "How much would it cost?", "what's the price?": a price, which a reply that states one in dollars already gave.
_ASKS_A_PRICE = re.compile(r"\bhow\s+much\b|\bcosts?\b|\bprices?\b", re.IGNORECASE)
_A_PRICE = re.compile(r"\$\d")


# "Is it gdpr compliant?", "are you soc 2 certified?", "so is it encrypted?": whether something holds of us, which a
# sentence of the last reply may state ("We are GDPR compliant and sign a data processing agreement on request.").
_ASKS_IF_IT_HOLDS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|but|wait)[,\s]+)*(?:is|are)\s+(?:it|you|you\s+guys|northwind|that|this|the\s+data"
    r"|my\s+data|our\s+data|the\s+service|your\s+service)\s+(?:also\s+|still\s+|really\s+|fully\s+)?"
    r"(?P<what>[a-z][a-z0-9-]*(?:\s+[a-z0-9-]+){0,2})\s*\?+\s*$",
    re.IGNORECASE)
# A sentence that says something does not hold, or holds only in part.
_DENIES = re.compile(r"\b(?:no|not|never|without|only|except|unless|but)\b|n't\b", re.IGNORECASE)


def _stated_in_the_reply(message: str, reply: str) -> str | None:
    """For "is it gdpr compliant?": the reply's sentence that states it ("We are GDPR compliant …"), with no word
    that denies or narrows it; None for any other message, or when no sentence names every word asked."""
    found = _ASKS_IF_IT_HOLDS.match(message.strip())
    if found is None:
        return None
    words = [w for w in found["what"].lower().split() if w not in _NAMES_NOTHING and w not in {"a", "an", "the"}]
    if not words:
        return None
    return next((s for s in reply_sentences(reply) if not _DENIES.search(s) and all(
        re.search(rf"\b{re.escape(word)}\b", s, re.IGNORECASE) for word in words)), None)


# "How do I claim?", "how can we claim them?", "how do I claim service credits?" (as the follow-up is read): a how-to,
# by its verb.
_HOW_TO_VERB = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+(?:do|can|could|would|should)\s+(?:i|we)\s+"
                          r"(?P<verb>[a-z]+)(?:\s+[a-z-]+){0,3}\s*[?.!]*\s*$", re.IGNORECASE)


def _how_said_to_be_unknown(message: str, reply: str) -> str | None:
    """For "how do I claim?" after a reply that said the help centre doesn't say how to claim them: that sentence, and
    what follows it in its paragraph (the person offered); None otherwise."""
    found = _HOW_TO_VERB.match(message.strip())
    if found is None:
        return None
    unknown = re.compile(rf"\b(?:doesn'?t|does\s+not|don'?t)\s+(?:say|describe|explain)\s+how\s+(?:to\s+)?(?:you\s+)?"
                         rf"{re.escape(found['verb'].lower())}\b", re.IGNORECASE)
    for paragraph in reply.split("\n\n"):
        said = reply_sentences(paragraph)
        at = next((i for i, sentence in enumerate(said) if unknown.search(sentence)), None)
        if at is not None:
            rest = " ".join(said[at:])
            return f"As my last message said: {rest[:1].lower()}{rest[1:]}"
    return None


# "When does it expire?" after "The card on file is a mastercard ending 1881, valid until 04/2029."
_ASKS_WHEN_IT_EXPIRES = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?when\s+(?:does|will|is)\s+(?:it|that|the\s+card|my\s+card)"
                                   r"\s+(?:expire|run\s+out|due\s+to\s+expire|valid\s+until)\s*[?.!]*\s*$", re.IGNORECASE)
_VALID_UNTIL = re.compile(r"[^.\n]*\bvalid until (?P<when>\d{2}/\d{4})[^.\n]*\.")


def _steps_in(reply: str) -> str | None:
    """The reply's sentence that says how: "Go to **Settings → Team → Invite**, …" first, else any that names where in
    the app; None when none does."""
    placed = [without_lead_in(s) for s in reply_sentences(reply) if places_named(s)]
    return next((s for s in placed if s.startswith("Go to ")), placed[0] if placed else None)


def covered_in_the_reply(message: str, reply: str) -> str | None:
    """For "and VAT number?" and a reply that repeats the last one: that the same goes for it, with the paragraph of
    the reply that names it ("do you take amex?": yes, with the list that names American Express); None when the
    message names no one thing, or no paragraph names every word of it."""
    if methods := payment_methods_asked(message):
        # "Do you take amex?" after the list of ways to pay: yes, it is on it (by the name the list gives).
        listing = next((p for p in reply.split("\n\n") if all(m.lower() in p.lower() for m in methods)), None)
        return None if listing is None else f"Yes, {' and '.join(methods)}: {listing.strip()}"
    if _ASKS_A_PRICE.search(message) and (priced := next((p for p in reply.split("\n\n") if _A_PRICE.search(p)),
                                                          None)) is not None:
        # "How much would it cost to get more?" after "Pro ($29.00 a month) includes up to 10 apps": the price said.
        said = re.sub(r"^(?:Yes|No)[:,]\s*", "", priced.strip())
        return f"As my last message said: {said[:1].lower()}{said[1:]}"
    if (stated := _stated_in_the_reply(message, reply)) is not None:
        # "Is it gdpr compliant?" after the entry on where data is stored, which says so: the yes, with that sentence.
        kept = stated.startswith("I ") or stated[1:2].isupper()  # "I …", "GDPR applies …" keep their capital
        return f"Yes. As my last message said: {stated if kept else stated[:1].lower() + stated[1:]}"
    if _ASKS_WHEN_IT_EXPIRES.match(message) and (valid := _VALID_UNTIL.search(reply)) is not None:
        # "When does it expire?" after the card's "valid until 04/2029": the whole reply again came.
        return f"At the end of {valid['when']}: as my last message said, {valid.group().strip()[:1].lower()}" \
               f"{valid.group().strip()[1:]}"
    if (unknown := _how_said_to_be_unknown(message, reply)) is not None:
        # "How do I claim?" after "our help centre doesn't say how to claim them": that, not the whole reply again.
        return unknown
    if asks_how_to_do_it(message) and (steps := _steps_in(reply)) is not None:
        # "How do I add one?" after the team's entry, which says how: the steps, not the whole entry again.
        return f"As my last message said: {steps}"
    found = _AND_ONE_MORE_THING.match(message.strip())
    if found is None:
        return None
    thing = " ".join(found["thing"].split())
    words = [word for word in thing.lower().split() if word not in _NAMES_NOTHING]
    if not words or len(words) != len(thing.split()):
        return None
    for paragraph in reply.split("\n\n"):
        if all(re.search(rf"\b{re.escape(word)}", paragraph, re.IGNORECASE) for word in words):
            if _INTRODUCES_A_QUOTE.match(paragraph.strip()):
                # "What our help centre says about cancelling: …" read "Yes, the same goes for the data: What our …".
                return f"Yes, the same goes for the {thing}. {paragraph.strip()}"
            return f"Yes, the same goes for the {thing}: {paragraph.strip()}"
    return None
