"""What the agents produce: drafts, verdicts, actions and the outcome of a whole run."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from agents.context import HandoffReason, IntentResult, Route, SourceKind
from agents.tracing import StepRecord


class Usage(BaseModel):
    model: str = ""
    input_tokens: int = 0
    output_tokens: int = 0


class Source(BaseModel):
    kind: SourceKind
    title: str
    url: str = ""
    ref: str = ""  # FAQ id, article slug or incident reference


class ProposedAction(BaseModel):
    kind: Literal["refund", "account_unlock"]
    invoice_number: str = ""
    amount: Decimal = Decimal("0")
    reason: str = ""


class ActionRecord(BaseModel):
    kind: Literal["refund", "account_unlock"]
    status: Literal["completed", "pending_approval", "rejected", "failed"]
    reference: str = ""
    invoice_number: str = ""
    amount: Decimal = Decimal("0")
    detail: str = ""


# An article the knowledge search scores below this is about something else: it is not quoted, and
# not cited under a reply (the search's scores, agents/providers/offline/kb.py, are one scale for all).
ARTICLE_RELEVANT_FROM = 0.1


class Draft(BaseModel):
    text: str
    # What the reply quotes, as its writer knows it; None when the writer cannot say (a model's free
    # text), and then the reply cites the relevant articles and the incident it was given.
    sources: list[Source] | None = None
    actions: list[ProposedAction] = []
    usage: Usage = Usage()


class CriticVerdict(BaseModel):
    verdict: Literal["approve", "revise", "handoff"]
    reasons: list[str] = []
    usage: Usage = Usage()


class FaqMatch(BaseModel):
    faq_id: int
    question: str
    answer: str
    score: float


class ArticleMatch(BaseModel):
    slug: str
    title: str
    summary: str
    url: str = ""
    score: float
    # The article's numbered steps, so a reply can quote them without another look-up.
    steps: list[str] = []
    # What it says before its steps: the matter itself, as the limits of each plan ("60 requests a minute on Free").
    lead: str = ""


class RunOutcome(BaseModel):
    reply: str
    route: Route
    intent: IntentResult
    handoff_reason: HandoffReason | None = None
    handoff_summary: str = ""
    actions: list[ActionRecord] = []
    sources: list[Source] = []
    critic: CriticVerdict | None = None
    draft_before_revision: str = ""
    # The "why this path" card: intent, FAQ match and score vs threshold, workers and their
    # outcome, critic verdict, fallbacks taken, actions proposed.
    summary: dict[str, Any] = {}
    fallbacks: list[str] = []
    delivered: bool = True  # False when a person took the conversation before the reply was sent
    steps: list[StepRecord] = []
    input_tokens: int = 0
    output_tokens: int = 0
    # The configured provider and model the run's LLM calls went to (its tokens are priced by this
    # model); the fallbacks say when another one answered instead.
    provider: str = ""
    model: str = ""
