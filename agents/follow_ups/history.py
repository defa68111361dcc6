"""The conversation before the message, as a follow-up reads it: the customer's earlier messages, the question
a follow-up leans on among them, and the assistant's turns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agents.context import HistoryTurn, SourceKind, SupportContext
from agents.follow_ups.go_aheads import DECLINE
from agents.follow_ups.leaning_back import leans_back
from agents.follow_ups.plan_moves import plan_change_named
from agents.own_data import with_the_lock_denied

TOPIC_TURNS = 3  # how far back a chain of follow-ups looks for the question they follow
# A guide a reply leads with: "Our guide “Custom domains and DNS” covers this."
_GUIDE_LED_WITH = re.compile(r"\bguide\s+“(?P<title>[^”\n]+)”")


def turns_before(ctx: SupportContext, *, turns: int = 4) -> str:
    """The last few turns of the conversation, either side's, one per line: what "it" in a short request may be."""
    return "\n".join(turn.text for turn in ctx.history[-turns:])


def earlier_user_texts(ctx: SupportContext) -> list[str]:
    """The customer's earlier messages, newest first, as far back as a follow-up looks, each read as the run that
    answered it read it ("I didn't do anything" after the lock's reason: the sign-ins were not theirs)."""
    return list(_earlier_user_texts(_turns_of(ctx), ctx.message))


def _turns_of(ctx: SupportContext) -> tuple[tuple[str, str], ...]:
    return tuple((turn.role, turn.text) for turn in ctx.history)


# Rule after rule asks for the turns before a message, about forty times a run: read once per conversation so far (#9).
@lru_cache(maxsize=1024)
def _earlier_user_texts(turns: tuple[tuple[str, str], ...], message: str) -> tuple[str, ...]:
    texts, last_reply = [], ""
    for role, text in turns:
        if role == "assistant":
            last_reply = text
        elif text != message:
            texts.append(with_the_lock_denied(text, last_reply=last_reply))
    return tuple(texts[::-1][:TOPIC_TURNS])


def last_user_text(ctx: SupportContext) -> str | None:
    """The customer's message just before this one, as read when it was answered."""
    earlier = earlier_user_texts(ctx)
    return earlier[0] if earlier else None


def question_at(earlier: list[str]) -> int | None:
    """Where in `earlier` the question a follow-up leans on is: the newest message that is not itself
    a follow-up, else the oldest looked at."""
    if not earlier:
        return None
    # "Not now" / "maybe later" answers an offer, as "yes" does: the question is the one before it.
    # "Downgrade me to free instead" after "cancel my subscription" points back ("instead") but asks a plan change
    # of its own: "when does it take effect?" after it is about the downgrade.
    return next((i for i, text in enumerate(earlier)
                 if (not leans_back(text) or plan_change_named(text)) and not DECLINE.match(text)),
                len(earlier) - 1)


def questions_before(ctx: SupportContext) -> list[str]:
    """The customer's earlier messages, newest first, as far back as a follow-up looks (TOPIC_TURNS)."""
    return earlier_user_texts(ctx)


def recent_questions(ctx: SupportContext) -> str:
    """The customer's messages a follow-up may lean on (TOPIC_TURNS of them), newest first, one per line."""
    return "\n".join(questions_before(ctx)[:TOPIC_TURNS])


def previous_user_text(ctx: SupportContext) -> str | None:
    """The question a follow-up leans on: the latest earlier user message that is not itself a
    follow-up ("yes please" → "how long will it take?" both lean on the question before them)."""
    return _previous_user_text(_turns_of(ctx), ctx.message)


@lru_cache(maxsize=1024)
def _previous_user_text(turns: tuple[tuple[str, str], ...], message: str) -> str | None:
    earlier = list(_earlier_user_texts(turns, message))
    at = question_at(earlier)
    return None if at is None else earlier[at]


def last_assistant_turn(ctx: SupportContext) -> HistoryTurn | None:
    return next((t for t in reversed(ctx.history) if t.role == "assistant"), None)


def last_reply_cited(ctx: SupportContext, kind: SourceKind) -> bool:
    """Whether the assistant's last reply cited a source of this kind (an FAQ entry, a guide, an incident)."""
    last = last_assistant_turn(ctx)
    return last is not None and kind in last.cited


def last_assistant_text(ctx: SupportContext) -> str:
    last = last_assistant_turn(ctx)
    return "" if last is None else last.text


def guide_last_led_with(ctx: SupportContext) -> str | None:
    """The title of the first guide the assistant's last reply named, if any."""
    found = _GUIDE_LED_WITH.search(last_assistant_text(ctx))
    return None if found is None else found["title"]


def assistant_texts(ctx: SupportContext) -> list[str]:
    """The assistant's turns, newest first."""
    return [t.text for t in reversed(ctx.history) if t.role == "assistant"]
