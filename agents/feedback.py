"""Asking how to give feedback, leave a review or make a complaint, with nothing of what it is yet.

Read by the intent model as general questions (0.82 to 0.99), they got "I don't have enough information to answer that
properly": the help centre has no entry on feedback, and none is needed. The chat itself takes it: a person can be
passed the conversation, and on the web every reply has "Helpful?" with room for a comment, which staff read in the
admin.
"""

from __future__ import annotations

import re
from typing import Literal

from agents.asking_words import kinds_named
from agents.follow_ups.offers import OFFER_PERSON

FeedbackKind = Literal["complaint", "feedback"]

_LEAD_IN = (r"(?:(?:hi|hello|hey)\W+)?(?:(?:i\s+(?:want|would\s+like|'d\s+like|need|wanna)(?:\s+help)?\s+to|i'?d\s+like\s+to"
            r"|(?:how|where)\s+(?:do|can|could|should)\s+i|can\s+i|could\s+i|help\s+me(?:\s+to)?|i\s+need\s+help(?:\s+to)?"
            r"|i\s+want\s+(?:help|assistance)(?:\s+to)?|i\s+(?:have|need)\s+(?:got\s+)?to|i\s+have\s+got\s+to"
            # "Can u help me making a reclamation", "is there a section to submit an opinion".
            r"|(?:can|could)\s*(?:you|u)?\s*help\s+me(?:\s+to)?|is\s+there\s+(?:a|an|any)\s+(?:section|place|page|form|way)"
            r"\s+(?:to|for|where\s+i\s+can))\s+)?")
_ABOUT_US = (r"(?:\s+(?:about|for|on|of|regarding|against)\s+(?:your|ur|yr|the|a|this|northwind(?:'s)?)?\s*"
             r"(?:service|services|product|products|company|business|support|app|site|website|chat|assistant|bot)?)?")
_GIVING = re.compile(
    rf"^\W*{_LEAD_IN}(?:leav(?:e|ing)|writ(?:e|ing)|giv(?:e|ing)|send(?:ing)?|submit(?:ting)?|post(?:ing)?|shar(?:e|ing)"
    r"|mak(?:e|ing)|fil(?:e|ing)|lodg(?:e|ing)|rais(?:e|ing)|add(?:ing)?)\s+"
    r"(?:a\s+|an\s+|some\s+|my\s+|me\s+)?(?:[a-z]+\s+)?"
    rf"(?P<what>reviews?|feedback|comments?|complaints?|suggestions?|reclamations?|testimonials?|claims?|opinions?)"
    rf"{_ABOUT_US}"
    r"(?:\W+how\s+(?:do\s+i\s+|to\s+|can\s+i\s+)?do\s+(?:it|that|this))?\W*$",
    re.IGNORECASE)
_COMPLAINING = re.compile(rf"^\W*{_LEAD_IN}complain{_ABOUT_US}\W*$", re.IGNORECASE)
_BARE = re.compile(r"^\W*(?:send\s+)?(?:(?:service|product)\s+)?(?P<what>review|feedback|complaint)\W*$", re.IGNORECASE)


# The other way to ask, in any order and with the typos customers make ("i need assistance to send my feedbakc aboutur
# company", "is it possible to lodge an complaint against ur business", "do you have an e-mail to send a review about a
# service?"): a word for feedback or a complaint, and every other word one that says nothing of what it is about.
_FEEDBACK_NOUNS = {
    "review": "feedback", "feedback": "feedback", "comment": "feedback", "opinion": "feedback",
    "suggestion": "feedback", "testimonial": "feedback",
    "complaint": "complaint", "claim": "complaint", "reclamation": "complaint",
}


# "I'm not happy with the service and I want to make a complaint", "can u ask an agent if i could leave a review": the
# words that join the ask's parts ("not enough information" came).
_JOINING = frozenset({"and", "if"})


def _asked_in_any_words(text: str) -> FeedbackKind | None:
    kinds = kinds_named(text, _FEEDBACK_NOUNS, also=_JOINING)
    if not kinds:
        return None
    return "complaint" if "complaint" in kinds else "feedback"


def feedback_asked(text: str) -> FeedbackKind | None:
    """"complaint" for "I want to file a complaint", "feedback" for "how can I give feedback about your service?" or
    "where can I leave a review"; None for a message that says more (what the complaint is about is a question for
    the agents) or asks something else."""
    if _COMPLAINING.match(text):
        return "complaint"
    found = _GIVING.match(text) or _BARE.match(text)
    if found is None:
        return _asked_in_any_words(text)
    return "complaint" if found["what"].lower().startswith(("complaint", "reclamation", "claim")) else "feedback"


def feedback_reply(kind: FeedbackKind, *, web: bool) -> str:
    """What to say to it: what the complaint is about, or the feedback itself, asked for, and a person offered; on
    the web, where a reply's own rating and comment go."""
    if kind == "complaint":
        return ("I'm sorry something has gone wrong. Tell me what happened and I'll help if I can, or I can "
                f"{OFFER_PERSON} from our team, who will take your complaint: just say so.")
    rating = (" To tell us about one of my replies, use “Helpful?” under it, where you can add a comment for our team."
              if web else "")
    return (f"Thank you, we'd like to hear it. Tell me here what you'd like to say, and I can {OFFER_PERSON} from our "
            f"team, who will take it: just say so.{rating}")
