"""The offline reply writer: composes a reply from the gathered facts and nothing else.

No language model: each part of a reply is a sentence built around a fact (an invoice, the
refund decision, the incident, an article's steps, an FAQ answer). Parts are chosen by what the
message asks; when nothing gathered answers it, the reply says so and offers a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agents.context import SupportContext
from agents.follow_up import with_topic
from agents.outcome import Draft, Usage
from agents.providers.offline.grounding import Grounding
from agents.providers.offline.reply_account import AccountReplies
from agents.providers.offline.reply_base import (
    FAQ_CONFIDENT,
    FAQ_HOW_TO_FOR_VISITOR,
    GREETINGS,
    SAYS_NOTHING_YET,
    has_cue,
)
from agents.providers.offline.reply_cancellation import CancellationReplies
from agents.providers.offline.reply_refunds import RefundReplies
from agents.providers.offline.reply_technical import TechnicalReplies

__all__ = ["ReplyWriter", "compose"]

# "Thanks, but the app is still broken": a thank-you that says the answer did not help.
STILL_UNHAPPY = ("but", "still", "not", "didnt", "doesnt", "dont", "isnt", "wasnt", "cant", "no", "however")
# The orchestrator's panel threshold: below it, a label is a guess.
UNSURE_LABEL_BELOW = 0.55
# Words of a customer who is fed up: the reply says it heard that before anything else.
FRUSTRATED = ("ridiculous", "worst", "terrible", "awful", "unacceptable", "nobody helps", "no one helps",
              "fed up", "frustrated", "frustrating", "angry", "useless", "disgusting", "joke", "pathetic",
              "sick of", "tired of", "waste of")


# CancellationReplies is a PlanComparisonReplies: what a smaller plan keeps is told from the same plan lists.
class ReplyWriter(RefundReplies, AccountReplies, TechnicalReplies, CancellationReplies):
    """A reply to one message: the parts its intent names (billing, refund, account, technical,
    general), or the fixed answers for out-of-scope, a request for a person and an empty question."""

    def write(self) -> Draft:
        intent = self.ctx.intent.label if self.ctx.intent else "general"
        secondary = list(self.ctx.intent.secondary) if self.ctx.intent else []
        labels = [intent, *[s for s in secondary if s != intent]]
        if self.persona in ("billing", "refund", "account", "technical", "general"):
            labels = [self.persona]  # a specialist on the panel speaks to its own part only
        if intent == "human":
            self.human()
        elif self._says_nothing_yet():
            self.reply.add(self._greeting("Of course — what can I help you with?") +
                           " I can look at your invoices and plan, your account, or problems with your apps.")
        elif self.persona in ("resolver", "critic") and (self.answers_what_a_smaller_plan_keeps()
                                                         or self.answers_what_cancelling_keeps()
                                                         or self.answers_what_a_plan_includes()
                                                         or self.asks_whether_included()
                                                         or self.answers_plan_comparison()
                                                         or self.answers_price_per_year()):
            # What a smaller plan keeps ("will my custom domain still work?" after a downgrade) comes before
            # what cancelling does to apps and data: a domain is a plan's, not the customer's apps.
            # Answered from the help centre's entry on cancelling, the plans, or the help centre, in the
            # reply itself (the resolver's, or the panel's synthesis). Comparing plans and a plan's yearly
            # price come after what a plan includes, so those answers stay as they were.
            pass
        elif intent == "out_of_scope" and not secondary:
            self.out_of_scope()
        else:
            sections: dict[str, Callable[[], None]] = {
                "billing": self.billing, "refund": self.refund, "account": self.account,
                "technical": self.technical, "general": self.general, "human": self.human,
                "out_of_scope": lambda: None,
            }
            for label in labels:
                sections[label]()
            unsure = self.ctx.intent is None or self.ctx.intent.confidence < UNSURE_LABEL_BELOW
            if not self.reply.answered and unsure and (
                    match := self._faq_on_topic(floor=FAQ_HOW_TO_FOR_VISITOR)) is not None:
                # No part had an answer of its own, and the label was a guess ("cancel", read as a refund
                # at 0.34): the help centre's entry on what the message names, offered as a "probably".
                # A sure label's parts decided for themselves which entry fits.
                self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)
            if not self.reply.answered:
                self.fell_back = True
                self.cannot_answer()
            if self.persona in ("resolver", "critic") and self._sounds_frustrated():
                self._acknowledge_frustration()
        return Draft(text=self._join(), sources=self.reply.sources, actions=self.reply.actions,
                     usage=Usage(model="offline"))

    def _sounds_frustrated(self) -> bool:
        """A cue of FRUSTRATED that is not denied ("I'm not angry, just wondering …")."""
        return any(has_cue(self.words, self.norm, cue) and not re.search(rf"\b(?:not|never|\w+nt)\s+(?:\w+\s+)?{cue}\b", self.norm)
                   for cue in FRUSTRATED)

    def _acknowledge_frustration(self) -> None:
        """"This is ridiculous, nobody helps": said first, with a person offered whatever else the reply holds."""
        self.reply.paragraphs.insert(0, "That sounds really frustrating, and I want to help get it sorted.")
        if "person" not in self._join():
            self.reply.add("If you'd rather talk to a person from our team right away, just say so and I'll pass "
                           "you on.", answers=False)

    def _says_nothing_yet(self) -> bool:
        """"I need help", "??": nothing to answer yet, and nothing out of scope either (a plain "hi" is
        greeted by the general section)."""
        return not self.words - SAYS_NOTHING_YET and not (self.words and self.words <= GREETINGS)

    def out_of_scope(self) -> None:
        if has_cue(self.words, self.norm, "thanks", "thank", "cheers"):
            self.reply.add("You're welcome! If anything else comes up with your Northwind account or apps, just ask.")
            return
        self.reply.add(
            "Sorry, that's outside what I can help with — I'm Northwind Cloud's support assistant, and I'd only be "
            "guessing. I'm happy to help with your account, billing and plans, or with your apps: deploys, "
            "domains, certificates and API errors."
        )

    def human(self) -> None:
        self.reply.add(
            "Of course. I'm passing this conversation to our support team now; a person will pick it up right "
            "here, with everything you've written so far, so you won't need to repeat yourself."
        )

    def cannot_answer(self) -> None:
        self.reply.add(
            "I'm sorry, I don't have enough information to answer that properly, and I'd rather not guess. "
            "Would you like me to pass you to a person from our support team? Just say so and I will.",
            answers=False,
        )

    def general(self) -> None:
        if len(self.words) <= 4 and has_cue(self.words, self.norm, "hi", "hello", "hey", "morning", "afternoon"):
            self.reply.add(self._greeting("Hi there! What can I help you with today?") +
                           " I can look at your invoices and plan, your account, or problems with your apps.")
            return
        if (has_cue(self.words, self.norm, "thanks", "thank", "cheers") and "?" not in self.text
                and len(self.words) <= 12 and not has_cue(self.words, self.norm, *STILL_UNHAPPY)):
            # "Thanks a lot, you've been very helpful :)": a thank-you, however it is put, asks nothing.
            self.reply.add("You're welcome! I'm here if anything else comes up.")
            return
        if len(self.words) <= 4 and has_cue(self.words, self.norm, "bye", "goodbye", "see you", "good night"):
            self.reply.add("Goodbye! If anything else comes up, just write here: this conversation stays open.")
            return
        if self._other_plan() or self._payment_terms():
            return  # "is there a cheaper tier?", "do you offer discounts?": the plans and terms, as known
        # "hi! quick q: do free apps sleep? asking for a friend": the chatter around a question lowers its
        # entry's score, not what it is about.
        match = self._faq_on_topic(floor=FAQ_HOW_TO_FOR_VISITOR)
        if match is not None:
            self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)


def compose(ctx: SupportContext, *, persona: str = "resolver", revision_notes: list[str] | None = None) -> Draft:
    """The grounded reply for ctx; after a critic's notes, the same reply without unsupported sentences."""
    writer = ReplyWriter(ctx, persona=persona, text=ctx.message)
    draft = writer.write()
    if writer.fell_back and (topic := with_topic(ctx)) != ctx.message:
        # "How do I fix it?" says nothing alone: written again with the question it follows.
        # Read alone first, so "and when is the next one due?" is not answered with its topic's
        # answer over again.
        draft = ReplyWriter(ctx, persona=persona, text=topic).write()
    if not revision_notes:
        return draft
    grounding = Grounding.of(ctx)
    kept = []
    for paragraph in draft.text.split("\n\n"):
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        clean = [s for s in sentences if not grounding.unsupported(s)]
        if clean:
            kept.append(" ".join(clean))
    if len(kept) < len(draft.text.split("\n\n")):
        kept.append("I've left out details I couldn't confirm; a person from our team can check them with you.")
    return draft.model_copy(update={"text": "\n\n".join(kept)})
