"""OfflineProvider: the Provider protocol served by the classifier, the grounded writer and the critic."""

from __future__ import annotations

import re

from agents.context import IntentResult, SupportContext
from agents.follow_ups.billing import asks_after_a_refund
from agents.follow_ups.history import last_assistant_text, previous_user_text, questions_before
from agents.follow_ups.leaning_back import asks_to_deliver_it, asks_which_of_them, leans_back, narrows_the_request
from agents.follow_ups.offers import OFFER_PERSON, accepts_offer
from agents.follow_ups.people import people_named_before
from agents.follow_ups.plans import states_own_plan, without_greeting
from agents.follow_ups.topic import question_as_asked
from agents.follow_ups.what_becomes_of import move_to_smaller_plan
from agents.outcome import CriticVerdict, Draft, Usage
from agents.providers.base import DeltaSink
from agents.providers.offline import critic, writer
from agents.providers.offline.intents import IntentClassifier, get_classifier
from agents.providers.offline.reply_base import echoes_the_last_answer, topic_words
from agents.providers.offline.reply_billing import asks_about_prices_or_terms
from agents.service_terms import domains_named

# A follow-up this unsure ("yes please", "and the other one?") is read together with the turn before.
FOLLOW_UP_CONFIDENCE = 0.5
# How sure a "yes" to the assistant's own offer, or a follow-up's borrowed topic, is at most.
FOLLOW_UP_AFFIRMED = 0.9
# A follow-up whose own label is less sure than this takes the topic of the question before it.
FOLLOW_UP_OWN_LABEL = 0.6
NO_DOMAIN = ("out_of_scope", "general")
# Labels a follow-up never takes from the message before it. Asking for a person is an act of the
# message that asks ("I'd like a human"), not a topic: once staff have handed the conversation back,
# "thanks! also, what plan am I on?" read with it would go straight back to the queue.
NOT_A_TOPIC = (*NO_DOMAIN, "human")
# An off-topic label this unsure yields to the topic before when the message names a thing the last answer named.
ECHO_OVER_OUT_OF_SCOPE_BELOW = 0.9
# The topics whose answers name invoices, charges and payments, which a "which payment?" can ask about.
MONEY = ("billing", "refund")


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
        result = self._classify_with_topic(ctx)
        if result.label in NO_DOMAIN and asks_after_a_refund(ctx):
            # "How long will approval take?", "when will staff look at it?", "did it work?" after a refund was
            # filed: alone they read as small talk or off topic (0.56-0.87), and after two or three such
            # follow-ups the question they lean on is further back than a follow-up looks (TOPIC_TURNS). With no
            # other topic found (an unlock's account stands), the refund part answers: where the customer's stands
            # (from the facts), or that none is waiting. A topic found before ("my deploy failed") stands.
            return IntentResult(label="refund", confidence=FOLLOW_UP_AFFIRMED)
        return result

    def _classify_with_topic(self, ctx: SupportContext) -> IntentResult:
        if accepts_offer(ctx, OFFER_PERSON):
            return IntentResult(label="human", confidence=FOLLOW_UP_AFFIRMED)  # "yes" to "shall I pass you on?"
        result = self.classifier.classify(ctx.message)
        if result.label in NO_DOMAIN and asks_about_prices_or_terms(ctx.message):
            # "How much is the next tier?", "can I pay for the whole year up front?": "tier" and "up front"
            # mean nothing to the model, but they are billing questions; never sure enough to skip an LLM
            # (0.95), which reads them better.
            result = IntentResult(label="billing", confidence=FOLLOW_UP_AFFIRMED)
        previous = previous_user_text(ctx)
        if previous is None:
            return result
        if (asked := question_as_asked(ctx)) is not None:
            # "And pro?" after "how much is free?": alone, a plan's name reads as anything (billing beside account,
            # an unsure out of scope); the question before, asked of that plan, is what it asks. A plan named is
            # always ours to answer: read as small talk, it is a general question about the plans.
            # "We're on business" after "we're seeing 429 errors" says whose plan, not what about: read with the plan
            # named, the question before read as billing (the invoice list).
            topic = without_greeting(previous) if states_own_plan(ctx.message) else asked
            reread = self.classify_text(ctx.model_copy(update={"message": topic, "history": []}))
            label = "general" if reread.label in NOT_A_TOPIC else reread.label
            return IntentResult(label=label, confidence=min(max(reread.confidence, FOLLOW_UP_OWN_LABEL),
                                                            FOLLOW_UP_AFFIRMED))
        if (named := people_named_before(ctx)) is not None:
            # "Can they see billing?" after "how do I add a teammate?": "they" are the people that question
            # named, so its topic (account) wins even over a sure label of the message's own ("billing"),
            # which reads "they" as nobody in particular. A topic-less question before lends nothing. The question
            # that named them may be a turn or two back ("… add a team member", "what roles are there?").
            topic = self.classifier.classify(named)
            if topic.label not in NOT_A_TOPIC:
                return topic.model_copy(update={"confidence": min(topic.confidence, FOLLOW_UP_AFFIRMED)})
        unsure = result.confidence < FOLLOW_UP_OWN_LABEL and result.label != "human"  # "ok, a person then"
        # "Please email it to me" after a question about an invoice: alone, "email" reads as an account
        # question, but how "it" is to be sent says nothing of what it is; the question before does.
        delivery = asks_to_deliver_it(ctx.message) and result.label != "human"
        # "Which payment?" right after "I was charged twice": which of the things just spoken of was meant. Its
        # one noun reads surely as a topic of its own (payment methods), but the question before names it.
        which = asks_which_of_them(ctx.message)
        # "Will I lose the SLA?" after "i want to downgrade to pro": what the smaller plan keeps, though nothing in
        # it points back; alone it reads as off topic.
        ending = result.label in NO_DOMAIN and move_to_smaller_plan(ctx) is not None
        narrows = narrows_the_request(ctx.message)
        if (leans_back(ctx.message) or ending or narrows) and (result.label in NO_DOMAIN or unsure or delivery
                                                               or which or narrows):
            # "Is it fixed yet?", "it still doesn't work": a short message that points back keeps the
            # topic of the question it follows, however sure the model is that alone it is small talk.
            topic = asked_before = self.classifier.classify(previous)
            if topic.label in NO_DOMAIN and (domains := domains_named(previous)):
                # "How do I stop that?" after "why does it take so long to load the first time?": the question before
                # reads as off topic (0.75) alone, but its words are ours, as the orchestrator reads them in its turn.
                topic = IntentResult(label=domains[0], confidence=topic.confidence)
            if topic.label in NO_DOMAIN:
                # "What plans do you have?" reads as small talk on its own; with "how much is the next
                # tier?" after it, the pair says which domain the conversation is in, if any.
                topic = self.classifier.classify(f"{previous}\n{ctx.message}")
            if topic.label in NO_DOMAIN:
                # "What's the max?" after "can you raise our limit?" (off topic alone) after "we are getting 429s": the
                # conversation's domain is the newest earlier question's that has one.
                topic = next((found for text in questions_before(ctx) if text != previous
                              and (found := self.classifier.classify(text)).label not in NO_DOMAIN), topic)
            # "Which invoice?" after "my deploy failed" asks of no invoice spoken of: its own label stands.
            which_only = which and not (result.label in NO_DOMAIN or unsure or delivery)
            if topic.label not in NOT_A_TOPIC and not (which_only and topic.label not in MONEY):
                # Never sure enough to be trusted without an LLM (0.95): a model reads the history.
                return topic.model_copy(update={"confidence": min(topic.confidence, FOLLOW_UP_AFFIRMED)})
            general = next((t for t in (topic, asked_before) if t.label == "general"), None)
            if (result.label == "out_of_scope" and general is not None
                    and topic_words(ctx.message) & topic_words(last_assistant_text(ctx))):
                # "What happens if you miss it?" after "what's your SLA?": alone it reads as off topic (0.46), and was
                # turned away; it asks after something the last answer said ("service credits if we miss it"), which
                # is ours to answer. "What about the weather?" after the support hours names nothing of it. "And on
                # weekends?" after the support hours: the pair read together is off topic, the question before not.
                return general.model_copy(update={"confidence": min(general.confidence, FOLLOW_UP_AFFIRMED)})
        elif (result.label == "out_of_scope" and result.confidence < ECHO_OVER_OUT_OF_SCOPE_BELOW
              and echoes_the_last_answer(ctx)):
            # "How much credit would I get?" after the SLA's "service credits if we miss it": nothing in it points back,
            # and alone it reads as off topic (0.60); it asks after a thing the last answer named, which is ours.
            topic = self.classifier.classify(previous)
            if topic.label not in ("out_of_scope", "human"):
                return topic.model_copy(update={"confidence": min(topic.confidence, FOLLOW_UP_AFFIRMED)})
        if result.confidence < FOLLOW_UP_CONFIDENCE:
            combined = self.classifier.classify(f"{previous}\n{ctx.message}")
            if combined.label not in NOT_A_TOPIC and combined.confidence > result.confidence:
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
