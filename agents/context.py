"""The support context: everything an agent needs to know, handed to every agent whole."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field

from agents.facts import CustomerProfile
from agents.policy import DEFAULT_CONSTRAINTS, Constraints

Intent = Literal["billing", "refund", "account", "technical", "general", "human", "out_of_scope"]
INTENTS: tuple[Intent, ...] = ("billing", "refund", "account", "technical", "general", "human", "out_of_scope")
Route = Literal["faq", "resolver", "panel", "fallback", "handoff"]
SourceKind = Literal["faq", "article", "incident"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("faq", "article", "incident")
HandoffReason = Literal[
    "customer_asked", "low_confidence", "policy_needs_approval", "tool_failure", "llm_unavailable",
    "critic_rejected", "writer_failed",
]


def kinds_cited(kinds: Iterable[object]) -> list[SourceKind]:
    """The kinds of source a reply cited, each once and in SOURCE_KINDS' order, whatever else `kinds` holds."""
    seen = set(kinds)
    return [kind for kind in SOURCE_KINDS if kind in seen]


class HistoryTurn(BaseModel):
    role: Literal["user", "assistant", "staff"]
    text: str
    # The kinds of source an assistant's reply cited. "That didn't work" after a guide's steps means the same
    # whoever wrote them, an LLM or the offline writer, and only the sources say so in every provider's words.
    cited: list[SourceKind] = []


class IntentResult(BaseModel):
    label: Intent
    confidence: float = Field(ge=0.0, le=1.0)
    # Other labels the message also touches (for a multi-domain question), most likely first.
    secondary: list[Intent] = []


class SupportContext(BaseModel):
    """The whole goal, history, customer and constraints: never a fragment."""

    conversation_id: str
    run_id: str
    channel: Literal["web", "api", "a2a"] = "web"
    message: str
    # The customer's words as typed, when `message` was put in the words the local agents know ("you charged me
    # 2x" → "charged me twice", a thanks before a question dropped, "refnd" → "refund"); empty when unchanged. A
    # model reads these: "three times" read as "twice" would put words in the customer's mouth.
    message_as_typed: str = ""
    goal: str = ""
    history: list[HistoryTurn] = []
    customer: CustomerProfile | None = None
    constraints: Constraints = DEFAULT_CONSTRAINTS
    intent: IntentResult | None = None
    # What each worker gathered, by worker name; filled in as the pipeline goes.
    facts: dict[str, dict[str, Any]] = {}
    staff_note: str = ""
    today: str = ""  # ISO date the policy is applied on

    @property
    def signed_in(self) -> bool:
        return self.customer is not None
