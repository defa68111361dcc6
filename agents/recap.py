"""Asked what the conversation has been about: "what did I ask you?", "can you remind me what we talked about?".

Read as a question, "what did I ask you?" matched the FAQ's refund policy (the shortcut sent it), and "remind me what
we talked about" got the scope reply. The customer's own messages in the history are the answer, in their words.
"""

from __future__ import annotations

import re

from agents.context import SupportContext

_OPENER = r"^\W*(?:(?:hey|hi|ok(?:ay)?|so|sorry|um+|uh+|wait)[,\s]+)*(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?)?"
_TALKED = r"(?:talk(?:ed)?|spoke|speak|chat(?:ted)?|discuss(?:ed)?|go\s+over|went\s+over|cover(?:ed)?)"
_ASKS_FOR_A_RECAP = re.compile(
    _OPENER + r"(?:"
    # "What did I ask you?", "what did I just ask?": not "what did I ask you to remind me of?" (a reminder of theirs).
    r"what\s+(?:did|have)\s+(?:i|we)\s+(?:just\s+|already\s+)?(?:ask(?:ed)?|sa(?:y|id))(?:\s+(?:you|u))?(?:\s+(?:so\s+far|before|earlier))?"
    r"|what\s+(?:did|have)\s+we\s+(?:just\s+|already\s+)?" + _TALKED + r"(?:\s+about)?(?:\s+(?:so\s+far|before|earlier))?"
    r"|what\s+were\s+we\s+(?:talking|speaking|chatting)\s+about"
    r"|what\s+was\s+my\s+(?:last|previous|first|earlier|original)\s+(?:question|message)"
    r"|remind\s+me\s+(?:of\s+)?what\s+(?:we|i)\s+(?:" + _TALKED + r"|asked|said)(?:\s+about)?(?:\s+(?:so\s+far|before|earlier))?"
    r"|(?:summari[sz]e|recap|sum\s+up)\s+(?:our|this|the)\s+(?:conversation|chat|discussion)(?:\s+so\s+far)?"
    r"|give\s+me\s+a\s+(?:recap|summary)\s+of\s+(?:our|this|the)\s+(?:conversation|chat|discussion)(?:\s+so\s+far)?"
    r")(?:\s+(?:please|pls))?\W*$",
    re.IGNORECASE,
)

# "Hi", "ok thanks", "yes": said, but nothing asked that could be picked up again.
_ASKS_NOTHING = frozenset(("hi", "hello", "hey", "hiya", "there", "good", "morning", "afternoon", "evening", "ok",
                           "okay", "k", "thanks", "thank", "you", "thx", "ty", "cheers", "great", "cool", "yes",
                           "yeah", "yep", "no", "nope", "sure", "please", "alright"))
_WORD = re.compile(r"[a-z']+|\d+")
WHAT_I_DO = "I can look at your invoices and plan, your account, or problems with your apps."


def asks_for_a_recap(message: str) -> bool:
    """Whether the message asks what the conversation has been about so far, and nothing else."""
    return _ASKS_FOR_A_RECAP.search(message) is not None


def recap_reply(ctx: SupportContext) -> str:
    """The customer's messages in the history, oldest first, in their own words; or that there are none yet."""
    said = [turn.text.strip() for turn in ctx.history if turn.role == "user" and turn.text.strip()]
    asked = [text for text in said if not set(_WORD.findall(text.lower())) <= _ASKS_NOTHING]
    if not asked:
        so_far = ("You haven't asked me anything yet in this chat" if said
                  else "We haven't talked about anything yet: this is the first message in this chat")
        return f"{so_far}. {WHAT_I_DO} What can I help you with?"
    listed = "\n".join(f"- “{_one_line(text)}”" for text in asked)
    return (f"Here's what you asked me most recently in this chat, oldest first:\n{listed}\n\n"
            "Tell me which one you'd like to pick up again, or ask me something new.")


def _one_line(text: str, *, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else f"{line[:limit - 1].rstrip()}…"
