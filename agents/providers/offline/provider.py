"""OfflineProvider: the Provider protocol served by the classifier, the grounded writer and the critic."""

from __future__ import annotations

import re

from agents.context import IntentResult, SupportContext
from agents.outcome import CriticVerdict, Draft, Usage
from agents.providers.base import DeltaSink
from agents.providers.offline import critic, writer
from agents.providers.offline.intents import IntentClassifier, get_classifier

# A follow-up this unsure ("yes please", "and the other one?") is read together with the turn before.
FOLLOW_UP_CONFIDENCE = 0.5


def stream_pieces(text: str) -> list[str]:
    """The reply cut into a few pieces at paragraph and sentence ends; joined, they are the text."""
    pieces = [p for p in re.split(r"(?<=[.!?:\n])(?=\s)", text) if p]
    merged: list[str] = []
    for piece in pieces:
        if merged and len(merged[-1]) < 60:
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


class OfflineProvider:
    name = "offline"
    model = "offline"

    def __init__(self, classifier: IntentClassifier | None = None):
        self._classifier = classifier

    @property
    def classifier(self) -> IntentClassifier:
        if self._classifier is None:
            self._classifier = get_classifier()
        return self._classifier

    def warm_up(self) -> None:
        """Load the model now (at start-up) rather than on the first message."""
        self.classifier.predict("hello")

    def classify_text(self, ctx: SupportContext) -> IntentResult:
        result = self.classifier.classify(ctx.message)
        previous = next((t.text for t in reversed(ctx.history) if t.role == "user" and t.text != ctx.message), None)
        if result.confidence < FOLLOW_UP_CONFIDENCE and previous:
            combined = self.classifier.classify(f"{previous}\n{ctx.message}")
            if combined.confidence > result.confidence and combined.label not in ("out_of_scope", "general"):
                return combined
        return result

    async def classify(self, ctx: SupportContext) -> tuple[IntentResult, Usage]:
        # On the event loop, as the FAQ search (agents/workers/faq.py): a thread costs more than
        # the fraction of a millisecond the classifier takes.
        result = self.classify_text(ctx)
        return result, Usage(model=self.model)

    async def write_reply(
        self, ctx: SupportContext, *, on_delta: DeltaSink, revision_notes: list[str] | None = None,
        persona: str = "resolver",
    ) -> Draft:
        draft = writer.compose(ctx, persona=persona, revision_notes=revision_notes)
        for piece in stream_pieces(draft.text):
            await on_delta(piece)
        return draft

    async def review(self, ctx: SupportContext, draft: Draft) -> CriticVerdict:
        return critic.review(ctx, draft)
