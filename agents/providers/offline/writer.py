"""The offline reply writer: composes a reply from the gathered facts and nothing else.

No language model: each part of a reply is a sentence built around a fact (an invoice, the
refund decision, the incident, an article's steps, an FAQ answer). Parts are chosen by what the
message asks; when nothing gathered answers it, the reply says so and offers a person.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import cache

from agents.about_service import (
    MOVE_DOWNTIME_UNKNOWN,
    NAMES_AN_INCIDENT,
    NOT_A_PERSON,
    OUR_REGION,
    RUNS_HERE_UNLISTED,
    asks_about_apps_in_different_regions,
    asks_about_support_hours,
    asks_for_help_with_the_move,
    asks_how_long_a_move_takes,
    asks_how_to_get_started,
    asks_how_to_move_from_another_host,
    asks_how_we_differ,
    asks_if_the_move_is_easy,
    asks_the_price_of_more_regions,
    asks_to_move_an_app_between_regions,
    asks_to_run_an_app_in_more_regions,
    asks_what_answers_only,
    asks_where_apps_can_run,
    considers_joining,
    considers_leaving_another_host,
    identity_or_contact_asked,
    identity_or_contact_reply,
    kind_of_app_asked,
    payment_methods_asked,
)
from agents.clauses import introduces_self_only, question_clauses, report_before_also
from agents.context import IntentResult, SupportContext
from agents.cues import has_cue
from agents.email_change import new_email_given
from agents.facts import FaqFact
from agents.follow_ups.billing import (
    asks_if_it_went_through,
    refund_arrival_asked_after_an_offer,
    refund_of_another_month_asked,
    withdraws_the_refund_just_asked,
)
from agents.follow_ups.go_aheads import says_only_ok
from agents.follow_ups.history import (
    last_assistant_text,
    last_reply_cited,
    previous_user_text,
    questions_before,
    recent_questions,
    turns_before,
)
from agents.follow_ups.leaning_back import (
    NOT_RECEIVED,
    asks_for_more,
    asks_how_long_it_takes,
    asks_how_many_of_it,
    asks_how_to_do_it,
    asks_to_take_it_back,
    leans_back,
)
from agents.follow_ups.offers import OFFER_PERSON, declines_offer
from agents.follow_ups.plan_moves import CANCELLING, CANCELS_SOMETHING_ELSE
from agents.follow_ups.plans import asked_which_plan_for, names_where_the_move_goes, plan_whose_contents_are_asked
from agents.follow_ups.service import (
    RATE_LIMITS_QUESTION,
    cancels_the_deploy_spoken_of,
    compensation_asked_of_the_outage,
    limit_gone_past,
    sla_asked_of_a_plan,
)
from agents.follow_ups.topic import question_as_asked, with_topic
from agents.frustration import mood_reply, repeats_last_reply, same_for_another_plan
from agents.nearest_region import nearest_region
from agents.outcome import Draft, FaqMatch, Source, Usage
from agents.own_data import (
    about_own_lock,
    asks_to_unlock,
    asks_us_to_reset_the_password,
    asks_which_authenticator,
    device_said_after_sign_in_trouble,
    says_no_account_has_the_address,
)
from agents.plan_names import PLAN_KEYS, plans_above
from agents.providers.offline.faq import Calibration, OfflineFaqRetriever
from agents.providers.offline.grounding import Grounding
from agents.providers.offline.intents import get_classifier
from agents.providers.offline.reply_account import AccountReplies
from agents.providers.offline.reply_base import (
    FAQ_CONFIDENT,
    FAQ_HOW_TO_FOR_VISITOR,
    FAQ_PLAUSIBLE,
    GENERIC_WORDS,
    GREETINGS,
    SAYS_NOTHING_YET,
    FactView,
    Reply,
    joined_with_and,
    plan_prices,
    sentences,
    shares_topic,
    topic_words,
)
from agents.providers.offline.reply_billing import on_plan
from agents.providers.offline.reply_cancellation import CancellationReplies
from agents.providers.offline.reply_data_protection import DataProtectionReplies
from agents.providers.offline.reply_refunds import RefundReplies
from agents.providers.offline.reply_technical import TechnicalReplies
from agents.providers.offline.text import normalise
from agents.service_terms import (
    ASKS_ABOUT_PAYING_YEARLY,
    asks_what_nonpayment_does,
    billing_matter_alone,
    plan_asked_why_it_costs,
)
from agents.sign_up_problems import WANTS_TO_SIGN_UP, reports_confirming_email_missing

__all__ = ["ReplyWriter", "compose"]

# "Free and Pro accounts can invite up to 3 members": a count of the members a plan may have.
_COUNTS_MEMBERS = re.compile(r"\b\d+\s+(?:team\s+)?members\b", re.IGNORECASE)
# "Free accounts get 10 deploys a day", "Pro and Business have unlimited deploys": a plan's deploys counted.
_COUNTS_DEPLOYS = re.compile(r"\b(?:\d+|unlimited)\s+deploys\b", re.IGNORECASE)
# "How long do you keep it?", "how long will you store my data?": how long something is kept, asked of what was just said.
_ASKS_HOW_LONG_KEPT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:for\s+)?how\s+long\s+(?:do|will|would|does|is|are)\s+(?:you|u|northwind|it|they|my\s+data"
    r"|the\s+data)\s+(?:keep|store|retain|hold|kept|stored|retained|held)(?:\s+(?:it|them|my\s+data|the\s+data|my\s+apps"
    r"|everything|for))?\s*[?.!]*\s*$", re.IGNORECASE)
_SAYS_IT_IS_KEPT = re.compile(r"\b(?:are|is)\s+kept\b", re.IGNORECASE)
# "Thanks, but the app is still broken": a thank-you that says the answer did not help.
STILL_UNHAPPY = ("but", "still", "not", "didnt", "doesnt", "dont", "isnt", "wasnt", "cant", "no", "however")
# The orchestrator's panel threshold: below it, a label is a guess.
UNSURE_LABEL_BELOW = 0.55
# Words of a customer who is fed up: the reply says it heard that before anything else.
FRUSTRATED = ("ridiculous", "worst", "terrible", "awful", "unacceptable", "nobody helps", "no one helps",
              "fed up", "frustrated", "frustrating", "angry", "useless", "disgusting", "joke", "pathetic",
              "sick of", "tired of", "waste of")

# Six consonants in a row ("sdfghjkl" in "asdfghjkl", "hdhdhd"), as no English word has ("strengths" has five;
# "y" counts as a vowel), or one letter four times ("jjjj").
_MASHED_LETTERS = re.compile(r"[bcdfghjklmnpqrstvwxz]{6}|(\w)\1{3}")
# Letters side by side on a keyboard, either way ("asdf", "qwer", "lkjh"), four or more of them.
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# A follow-up asking when ("when does it apply?", "how long does it take"), and a sentence that says when.
_ASKS_WHEN = re.compile(r"\b(?:when|how\s+(?:long|soon|quickly|fast))\b", re.IGNORECASE)
_SAYS_WHEN = re.compile(r"\b(?:at\s+once|immediately|takes?\s+effect|end\s+of|until|within|\d+\s+(?:days?|hours?|minutes?))\b",
                        re.IGNORECASE)


# "Hi, I have a question about my bill", "I need help with my app", "question about my invoice": a topic announced,
# its question still to come. Only the whole message, and only a thing of ours: "I have a question about pricing for
# teams" asks about pricing; "I have a problem with my app crashing" says what the problem is.
_ANNOUNCES_A_TOPIC = re.compile(
    r"^\W*(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))(?:\s+there)?[\s,!.]+)?"
    r"(?:(?:i\s+(?:have|'?ve\s+got|got)\s+(?:a|an|some|one|another)\s+(?:quick\s+|small\s+)?|(?:a\s+)?(?:quick\s+)?)"
    r"(?P<kind>questions?|query|queries|problems?|issues?)\s+(?:about|with|regarding|on|re:?)"
    r"|i\s+need\s+(?:some\s+)?(?P<help>help)\s+(?:with|on|regarding))"
    r"\s+(?P<whose>my|our|the)?\s*(?P<thing>bill|billing|invoices?|payments?|account|apps?|plan|subscription|"
    r"deploys?|deployments?|domains?|certificates?|card|refunds?|charges?)\W*$",
    re.IGNORECASE,
)


# "My account", "billing", "about my invoice": the topic named and nothing else, to open a conversation or to answer "what
# can I help you with?". After any other reply it answers that reply ("your account or an app?").
_NAMES_A_TOPIC_ALONE = re.compile(
    r"^\W*(?:(?:it'?s\s+)?(?:about|regarding|re:?)\s+)?(?P<whose>my|our|the)?\s*(?P<thing>bill|billing|invoices?|payments?|account"
    r"|plan|subscription)\W*$", re.IGNORECASE)
ASKED_WHAT_THEY_NEED = "what can i help you with"


def announced_topic(message: str, *, after: str = "") -> str | None:
    """What to ask a message that only says what its question will be about ("what would you like to know about your
    bill?"), or None when the message asks or says more. `after` is the reply it follows, if any."""
    found = _ANNOUNCES_A_TOPIC.match(message)
    named_alone = found is None and (not after or ASKED_WHAT_THEY_NEED in after.lower())
    if named_alone:
        found = _NAMES_A_TOPIC_ALONE.match(message)
    if found is None:
        return None
    thing = found["thing"].lower()
    # "Invoice" alone is still theirs ("what would you like to know about invoice?" read as a form's label).
    about = f"your {thing}" if found["whose"] or thing != "billing" else thing
    # A topic named alone is asked about as a question announced is.
    kind = "question" if named_alone else (found["kind"] or "").lower()
    if kind.startswith(("question", "quer")):
        return f"what would you like to know about {about}?"
    if kind:
        return f"what's the problem with {about}?"
    return f"what's happening with {about}?"


# "Are you there?", "are you still there?", "anyone there?", "hello, is anybody here?": whether someone is answering.
_ASKS_IF_ANYONE_IS_THERE = re.compile(
    r"^\W*(?:(?:hello|hi|hey|um+|so)\W+)*(?:are\s+(?:you|u)\s+(?:still\s+)?(?:there|here|around|awake|with\s+me)"
    r"|(?:is\s+)?(?:any(?:one|body)|some(?:one|body))\s+(?:still\s+)?(?:there|here|around)|(?:you\s+)?still\s+there)\W*$",
    re.IGNORECASE)


# CancellationReplies is a PlanComparisonReplies: what a smaller plan keeps is told from the same plan lists.
# A question of several that the entries' questions and answers rank wrongly among themselves, and what the entry that
# answers it says. "Can I pay annually?" beside "how much does it cost?": "pay" ranked the plans' prices first, and the
# billing part, reading that entry alone, said the help centre never mentions paying yearly. "Do you take amex?" beside
# it: no entry's question or answer says "amex" (the search's alternatives do), and the deploys' entry came first.
_CLAUSE_ENTRY_BY_WHAT_IT_SAYS: tuple[tuple[Callable[[str], object], re.Pattern[str]], ...] = (
    (ASKS_ABOUT_PAYING_YEARLY.search, re.compile(r"\b(?:yearly|annually)\b")),
    (payment_methods_asked, re.compile(r"\bwe\s+accept\b", re.IGNORECASE)),
)


class ReplyWriter(RefundReplies, AccountReplies, TechnicalReplies, CancellationReplies, DataProtectionReplies):
    """A reply to one message: the parts its intent names (billing, refund, account, technical,
    general), or the fixed answers for out-of-scope, a request for a person and an empty question."""

    def write(self) -> Draft:
        intent = self.ctx.intent.label if self.ctx.intent else "general"
        secondary = list(self.ctx.intent.secondary) if self.ctx.intent else []
        labels = [intent, *[s for s in secondary if s != intent]]
        if self.persona in ("billing", "refund", "account", "technical", "general"):
            labels = [self.persona]  # a specialist on the panel speaks to its own part only
        if (about := identity_or_contact_asked(self.text)) is not None:
            # Before a request for a person: "am I talking to a human?" reads as one to the classifier.
            self.reply.add(identity_or_contact_reply(about, self.text))
        elif intent == "human" and not asks_what_answers_only(self.text):
            self.human()
        elif self.ctx.history and says_only_ok(self.ctx.message):
            # "Ok" after an answer: heard, as a thumbs-up is, and an offer the answer made is asked again in words
            # (nothing is done on an "ok"). It got "Of course — what can I help you with?", as if the conversation had
            # just begun.
            self.reply.add(mood_reply("acknowledged", self.ctx))
        elif _ASKS_IF_ANYONE_IS_THERE.match(self.ctx.message):
            # "Are you there?" got "not enough information"; "are you still there?" after a guide, the guide again.
            self.reply.add("Yes, I'm here. " + ("What else can I help you with?" if self.ctx.history else
                           self._greeting("What can I help you with?") + " I can look at your invoices and plan, your "
                           "account, or problems with your apps."))
        elif self._says_nothing_yet():
            self.reply.add(self._greeting("Of course — what can I help you with?") +
                           " I can look at your invoices and plan, your account, or problems with your apps.")
        elif self._is_keyboard_mash():
            # "asdfghjkl": no word to answer, so no guide or person is offered for it either.
            self.reply.add("Sorry, I didn't understand that. What can I help you with? I can look at your invoices "
                           "and plan, your account, or problems with your apps.")
        elif self._only_thanks():
            # "cheers" to open a chat reads as off topic (0.48) with a technical guess: thanked all the same.
            self.reply.add(self._thanks_reply("You're welcome! I'm here if anything else comes up."))
        elif (kind := self._small_talk()) is not None:
            self.small_talk(kind)
        elif declines_offer(self.ctx):
            # "No thanks" to the offer just made: nothing to answer, nothing to pass on.
            self.reply.add("No problem, I'll leave it there. If anything else comes up, just ask.")
        elif self.persona in ("resolver", "critic") and (self.answers_how_long_free_lasts()
                                                         or self.answers_if_on_a_plan()
                                                         or self.answers_price_complaint()
                                                         or self.answers_price_of_the_plans_named()
                                                         or self.answers_plan_change_request()
                                                         or self.answers_plan_change_wish()
                                                         or self.answers_plan_change_unnamed()
                                                         or self.answers_cancelling_on_free()
                                                         or self.answers_what_a_smaller_plan_keeps()
                                                         or self.answers_coming_back_after_cancelling()
                                                         or self.answers_what_cancelling_keeps()
                                                         or self.answers_how_long_a_plan_move_takes()
                                                         or self.answers_another_way_than_deleting()
                                                         # "Delete all my personal data (GDPR)", "EU region?"
                                                         or self.answers_data_protection()
                                                         or self.answers_card_misuse()
                                                         or self.answers_charges_after_cancelling()
                                                         or self.answers_charges_after_deleting()
                                                         or self.answers_about_pausing()
                                                         or self.answers_lock_and_support_hours()
                                                         or self.answers_the_best_way_to_get_help()
                                                         or self.answers_about_support()
                                                         or self.answers_where_a_region_is()
                                                         or self.answers_the_price_of_more_regions()
                                                         or self.answers_regions_of_a_running_app()
                                                         or self.answers_apps_in_different_regions()
                                                         or self.answers_where_apps_can_run()
                                                         or self.answers_what_runs_here()
                                                         or self.welcomes_a_visitor_weighing_us()
                                                         or self.answers_how_we_differ()
                                                         or self.welcomes_a_customer_moving_apps_here()
                                                         or self.answers_how_to_move_from_another_host()
                                                         or self.answers_help_with_the_move()
                                                         or self.welcomes_a_customer_who_heard_of_us()
                                                         # "Where do I add VAT?" read as off topic or technical
                                                         or self.answers_invoice_details_misread()
                                                         # "What's the cheapest plan?": a price, not a choice
                                                         or self.answers_which_plan_is_cheapest()
                                                         or self.answers_which_plan_to_choose()
                                                         or self.answers_if_a_plan_can_change_later()
                                                         or self.answers_what_one_plan_has_over_another()
                                                         or self.answers_apps_had_already()
                                                         or self.answers_what_going_past_the_limits_does()
                                                         or self.answers_what_a_plan_includes()
                                                         or (not self.asks_about_billing_details()
                                                             and self.asks_whether_included())
                                                         or self.answers_plan_comparison()
                                                         or self.answers_price_per_year()):
            # "Upgrade me to Business", "do it" after the steps: no action changes a plan, which is said first.
            # What a smaller plan keeps ("will my custom domain still work?" after a downgrade) comes before
            # what cancelling does to apps and data: a domain is a plan's, not the customer's apps.
            # Answered from the help centre's entry on cancelling, the plans, or the help centre, in the
            # reply itself (the resolver's, or the panel's synthesis). Comparing plans and a plan's yearly
            # price come after what a plan includes, so those answers stay as they were. The support a plan gets
            # ("do I get weekend support?") comes before: the entry on support hours says it, led by the plan's part.
            # One of several questions may be what a plan includes: the others are answered too.
            self._answer_each_question()
        elif intent == "out_of_scope" and not secondary:
            self.out_of_scope()
        else:
            sections: dict[str, Callable[[], None]] = {
                "billing": self.billing, "refund": self.refund, "account": self.account,
                "technical": self.technical, "general": self.general, "human": self.human,
                "out_of_scope": lambda: None,
            }
            if (self._still_not_received() or self._reset_email_asked_again() or self._how_to_not_in_the_last_entry()
                    or self._how_long_kept_is_unsaid() or self._export_link_again() or self._export_detail_asked()
                    or (intent in ("general", "account") and self._detail_of_the_last_entry())):
                labels = []  # the entry just quoted answers it, in its own words
            for label in labels:
                sections[label]()
            unsure = self.ctx.intent is None or self.ctx.intent.confidence < UNSURE_LABEL_BELOW
            if not self.reply.answered and unsure and (
                    match := self._faq_on_topic(floor=FAQ_HOW_TO_FOR_VISITOR)) is not None:
                # No part had an answer of its own, and the label was a guess ("cancel", read as a refund
                # at 0.34): the help centre's entry on what the message names, offered as a "probably".
                # A sure label's parts decided for themselves which entry fits.
                self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)
            if (announced := announced_topic(self.text, after=last_assistant_text(self.ctx))) is not None:
                # "Hello, I have a question about my bill": the question is still to come. Read as one, it got "I don't
                # have enough information to answer that" and a person offered; where a part had something to show
                # ("I need help with my bill" and the invoices), that alone, as if it were the answer.
                if self.reply.answered:
                    self.reply.add(announced[:1].upper() + announced[1:], answers=False)
                else:
                    self.reply.add(self._greeting(f"Of course — {announced}"))
            elif not self.reply.answered:
                self.fell_back = True
                self.cannot_answer()
            if self.persona in ("resolver", "critic"):
                self._answer_each_question()
                self._answer_cancelling_too()
            if self.persona in ("resolver", "critic") and self._sounds_frustrated():
                self._acknowledge_frustration()
            if (self.persona in ("resolver", "critic") and asks_what_answers_only(self.text)
                    and not any(NOT_A_PERSON in paragraph for paragraph in self.reply.paragraphs)):
                # "Are you human? I need help with my invoice": the rest is answered, and so is the question.
                self.reply.paragraphs.insert(0, NOT_A_PERSON)
        return Draft(text=self._join(), sources=self.reply.sources, actions=self.reply.actions,
                     usage=Usage(model="offline"))

    def answers_lock_and_support_hours(self) -> bool:
        """"I'm locked out. What are your support hours?": the lock, with the unlock its facts allow (as for "I'm
        locked out" alone), then the support hours. The answer on support alone left the locked customer locked out.
        False, having said nothing, without both parts or when the lock's part has no answer of its own."""
        if self.ctx.customer is None or not asks_about_support_hours(self.text):
            return False
        sentences = re.split(r"(?<=[.!?;,])\s+|\s+(?:and|also|but)\s+", self.text)
        lock = [s for s in sentences if about_own_lock(s) and not asks_about_support_hours(s)]
        if not lock:
            return False
        writer = self._clause_writer(" ".join(lock))
        if writer.fell_back or not writer.reply.answered:
            return False
        for paragraph in writer.reply.paragraphs:
            self.reply.add(paragraph)
        self.reply.sources += [s for s in writer.reply.sources if s not in self.reply.sources]
        self.reply.actions += [a for a in writer.reply.actions if a not in self.reply.actions]
        self.answers_about_support()
        return True

    def _answer_cancelling_too(self) -> None:
        """"I want to cancel and get a refund": the refund part answers the refund; how to cancel, the help centre's
        entry on it, is added when nothing said so far speaks of cancelling."""
        if (not CANCELLING.search(self.text) or CANCELS_SOMETHING_ELSE.search(self.text)
                or "cancel" in self._join().lower() or withdraws_the_refund_just_asked(self.ctx)
                or cancels_the_deploy_spoken_of(self.ctx)
                # "What if I stop paying?" on Free: there is no payment to stop, nor a subscription to cancel.
                or (asks_what_nonpayment_does(self.ctx.message) and self.ctx.customer is not None
                    and not self.ctx.customer.plan_price)):
            return  # "actually cancel that" after a refund was asked for: the refund's, not the subscription
        entry = self._entry_on("cancel")
        if entry is None:
            return
        if self.fell_back and not self.reply.sources:
            # "Could u ask an agent how i can cancel my account, please?": nothing else was answered, and "I don't have
            # enough information" would stand above the steps that answer it.
            self.reply, self.fell_back = Reply(), False
        self.reply.add(f"To cancel your subscription: {entry.answer}")
        self._cite_faq(entry)

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

    def _small_talk(self) -> str | None:
        """"good morning, how are you?" ("how are you") or "I love your product!" ("praise"): a message made only of
        a greeting, a how-are-you and kind words, which asks nothing yet. None when anything else is left
        ("good morning, why did my payment fail?") or the words are denied ("I don't love your product")."""
        asks_how_we_are = HOW_ARE_YOU.search(self.norm) is not None
        praises = PRAISE.search(self.norm) is not None
        if not (asks_how_we_are or praises) or re.search(r"\b(?:not|never|\w+nt)\b", self.norm):
            return None
        rest = SMALL_TALK_OPENERS.sub(" ", PRAISE.sub(" ", HOW_ARE_YOU.sub(" ", self.norm))).split()
        if set(rest) - SMALL_TALK_FILLER:
            return None
        return "how are you" if asks_how_we_are else "praise"

    def _only_thanks(self) -> bool:
        """"cheers", "ok thanks", "thank you so much": a thank-you and nothing else (BARE_THANKS), whatever its label."""
        return bool(self.words) and self.words <= BARE_THANKS and has_cue(self.words, self.norm, "thanks", "thank",
                                                                          "cheers", "thx", "ty")

    def small_talk(self, kind: str) -> None:
        if kind == "how are you":
            opening = self._greeting("I'm doing well, thanks for asking!")
        else:
            opening = self._greeting("Thank you, that's really kind of you to say!")
        self.reply.add(f"{opening} What can I help you with today? I can look at your invoices and plan, your "
                       "account, or problems with your apps.")

    def _answer_each_question(self) -> None:
        """"how do I enable 2fa? also is there a free ssl?": when a message asks several questions and the reply
        written for the whole leaves out an answer one of them has alone, the reply is written again question by
        question, each from its own section or help-centre entry, and says which question it could not answer."""
        questions = question_clauses(self.text)
        if self.text != self.ctx.message:
            # Retold with the question it follows: the follow-up itself ("how much will it be?" after "when is my next
            # payment?") names nothing alone, and answered alone it was the plans' prices beside the renewal.
            questions = [q for q in questions if not (q.strip(" ?.!") == self.ctx.message.strip(" ?.!")
                                                      and leans_back(q))]
        if len(questions) < 2:
            return
        # A report before "also" ("my invoice failed … Also, what is your SLA?") is what the reply for the whole
        # answers, from the facts its label gathered (written alone, it lacked them): that reply stands for it.
        report = report_before_also(self.text)
        parts = [(question, copy.copy(self) if question == report else self._clause_writer(question))
                 for question in questions]
        answered = [writer for _, writer in parts if writer.reply.answered and not writer.fell_back]
        if not answered:
            return  # none answers alone either: the reply for the whole stands
        # "Did it work?" read with the question before it is answered by what the reply for the whole says of it
        # (carol's account "active again: I unlocked it for you"); alone it names nothing to look up.
        whole_answers_it = self.reply.answered and not self.fell_back
        unanswered = [question for question, writer in parts if writer not in answered and question != report
                      and not (whole_answers_it and asks_if_it_went_through(question))]
        written = set() if self.fell_back else set(self.reply.paragraphs)
        # Beside a report, a question the reply for the whole already answers from the same help-centre entry in
        # other words ("Yes: you're on the Business plan, and … SLA") is not told a second time.
        told = [] if report is None or self.fell_back else self.reply.sources
        if not all(set(writer.reply.paragraphs) <= written
                   or (writer.reply.sources and all(source in told for source in writer.reply.sources))
                   for writer in answered):
            # The reply for the whole leaves out an answer: written again, question by question.
            self.reply, self.fell_back = Reply(), False
            for writer in answered:
                for paragraph in writer.reply.paragraphs:
                    self.reply.add(paragraph)
                self.reply.sources += [s for s in writer.reply.sources if s not in self.reply.sources]
                self.reply.actions += [a for a in writer.reply.actions if a not in self.reply.actions]
        if (self.text != self.ctx.message and _ASKS_WHEN.search(self.ctx.message)
                and any(source.kind == "faq" for source in self.reply.sources)
                and any(_SAYS_WHEN.search(paragraph) for paragraph in self.reply.paragraphs)):
            # "When does it apply?" read with "i want to downgrade to pro" before it: the help-centre entry the
            # conversation is about says when ("takes effect at the end of your current billing period"), and the
            # question it leans on was answered when asked, so neither is said to be beyond what is known.
            unanswered = []
        if unanswered:
            asked = " and ".join(f"“{question}”" for question in unanswered)
            self.reply.add(f"I don't have enough information to answer {asked}, and I'd rather not guess. Would you "
                           "like me to pass that part to a person from our support team? Just say so and I will.",
                           answers=False)

    def _clause_writer(self, question: str) -> ReplyWriter:
        """The reply to one question of several, written as if it had been asked alone: its own label, and only
        the help-centre entry (of those found for the whole message) that it is about."""
        intent = get_classifier().classify(question)
        if (intent.label == "out_of_scope" and NAMES_AN_INCIDENT.search(question)
                and (self.facts.incident is not None or self.facts.active_incidents)):
            # "Refund the duplicate charge and also what's the status of the eu-west incident": alone, the second
            # question reads as off topic (0.58), and the help centre's entry on the status page answered it; the
            # open incident gathered for the whole message is its answer, as it is when the question comes alone.
            intent = IntentResult(label="technical", confidence=intent.confidence)
        elif intent.label != "billing" and billing_matter_alone(question) is not None:
            # "… and can I try pro first?": alone, technical at 0.27 ("not enough information"); a trial of a paid plan,
            # our prices, a move to a plan are billing's, as the orchestrator reads them in a message of their own.
            intent = IntentResult(label="billing", confidence=intent.confidence)
        entry = self._faq_for_clause(question)
        # The entry scored for this question alone: the whole message's score is diluted by its other questions,
        # and a part that weighs entries by score ("what's my api rate limit" states the limit) would pass it by.
        matches = [entry[0].model_copy(update={"score": entry[1]}).model_dump(mode="json")] if entry else []
        faq = {**(self.ctx.facts.get("faq") or {}), "matches": matches}
        ctx = self.ctx.model_copy(update={"intent": intent, "facts": {**self.ctx.facts, "faq": faq}})
        writer = ReplyWriter(ctx, persona=self.persona, text=question)
        writer.write()
        if intent.label == "out_of_scope" and not intent.secondary:
            writer.fell_back = True  # declined as off topic: no answer, whatever the decline says
        if entry is not None and (writer.fell_back or not writer.reply.answered):
            # The entry's score was the whole message's, which several questions dilute below any section's
            # threshold; how sure it is for this question alone decides whether it is offered as a "probably".
            writer.reply, writer.fell_back = Reply(), False
            writer._quote_faq(entry[0], hedge=entry[1] < FAQ_CONFIDENT)
        return writer

    def _faq_for_clause(self, question: str) -> tuple[FaqMatch, float] | None:
        """The entry found for the whole message that this question is about, with the probability that it is
        the right one among those entries: ranked by the same retrieval, over those entries only (the only
        ones the reply may quote), and kept when likely enough or about something the question names."""
        entries = {match.faq_id: match for match in self.facts.faq}
        if not entries:
            return None
        index = OfflineFaqRetriever([FaqFact(id=m.faq_id, question=m.question, answer=m.answer) for m in entries.values()],
                                    calibration=_faq_calibration())
        best = index.search(question, k=1)
        if not best:
            return None
        match = entries[best[0].faq_id]
        for asks, says in _CLAUSE_ENTRY_BY_WHAT_IT_SAYS:
            if asks(question) and (saying := next((m for m in entries.values() if says.search(m.answer)), None)):
                return saying, max(best[0].score if saying is match else 0.0, FAQ_HOW_TO_FOR_VISITOR)
        if best[0].score < FAQ_HOW_TO_FOR_VISITOR and not shares_topic(question, match):
            return None
        return match, best[0].score

    def _says_nothing_yet(self) -> bool:
        """"I need help", "??": nothing to answer yet, and nothing out of scope either (a plain "hi" is
        greeted by the general section)."""
        # "Hi there" is a greeting too (it got "Of course — what can I help you with?", as if something were asked).
        return not self.words - SAYS_NOTHING_YET and not (self.words and self.words <= GREETINGS | {"there"})

    def _is_keyboard_mash(self) -> bool:
        """"asdfghjkl", "jjjjjj hdhdhd": a message whose every token is letters the classifier never saw as a word
        and which no word is made of (_mashed). Not "502", "NW-1003?",
        "hi", "refund pls" nor a short word it hasn't seen ("hola"): those are words, numbers or codes."""
        tokens = re.findall(r"\S+", self.text.lower())
        vocabulary = get_classifier().model.word_vocabulary
        return bool(tokens) and all(token.isalpha() and token not in vocabulary and _mashed(token) for token in tokens)

    def out_of_scope(self) -> None:
        if has_cue(self.words, self.norm, "thanks", "thank", "cheers"):
            self.reply.add(self._thanks_reply("You're welcome! If anything else comes up with your Northwind account "
                                              "or apps, just ask."))
            return
        self.reply.add(
            "Sorry, that's outside what I can help with — I'm Northwind Cloud's support assistant, and I'd only be "
            "guessing. I'm happy to help with your account, billing and plans, or with your apps: deploys, "
            "domains, certificates and API errors."
        )

    def _thanks_reply(self, after_help: str) -> str:
        """A thank-you answered: `after_help` once the conversation has had an answer; as its first message
        ("ok thanks" to open a chat), nothing was helped with yet, so what they need is asked."""
        # "Thanks, you've been very helpful" says help was given, wherever it was: answered as after help.
        if any(turn.role == "assistant" for turn in self.ctx.history) or self.words - BARE_THANKS:
            return after_help
        return ("You're welcome! What can I help you with today? I can look at your invoices and plan, your account, "
                "or problems with your apps.")

    def _what_we_are(self) -> bool:
        """"What is Northwind?": what the help centre's entry on the plans shows the service to be (plans for running
        apps), then what this assistant helps with. False, having said nothing, when the message asks something
        else or that entry was not gathered: nothing else here says what Northwind is."""
        if not ASKS_WHAT_WE_ARE.search(self.norm):
            return False
        entry = next((m for m in self.facts.faq if len(plan_prices(m.answer)) > 1
                      and "apps" in normalise(m.answer).split()), None)
        if entry is None:
            return False
        plans = joined_with_and(list(plan_prices(entry.answer)))
        self.reply.add(f"Northwind Cloud is a service for running your apps, with {plans} plans. Here's what our help "
                       f"centre says about them: {entry.answer}")
        self._cite_faq(entry)
        # Nothing gathered says more (who runs it, where it is based): said, not guessed.
        self.reply.add("Our help centre doesn't say more about the company itself, and I'd rather not guess. I'm "
                       "Northwind Cloud's support assistant: I can look at your invoices and plan, your account, or "
                       "problems with your apps.", answers=False)
        return True

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
        if self._what_we_are():
            return  # before the greeting: "hi, what's northwind?" asks something
        if introduces_self_only(self.ctx.message) or (
                len(self.words) <= 4 and has_cue(self.words, self.norm, "hi", "hello", "hey", "morning", "afternoon")):
            self.reply.add(self._greeting("Hi there! What can I help you with today?") +
                           " I can look at your invoices and plan, your account, or problems with your apps.")
            return
        if (has_cue(self.words, self.norm, "thanks", "thank", "cheers") and "?" not in self.text
                and len(self.words) <= 12 and not has_cue(self.words, self.norm, *STILL_UNHAPPY)):
            # "Thanks a lot, you've been very helpful :)": a thank-you, however it is put, asks nothing.
            self.reply.add(self._thanks_reply("You're welcome! I'm here if anything else comes up."))
            return
        if len(self.words) <= 4 and has_cue(self.words, self.norm, "bye", "goodbye", "see you", "good night"):
            self.reply.add("Goodbye! If anything else comes up, just write here: this conversation stays open.")
            return
        if self._payment_methods() or self._other_plan() or self._payment_terms() or self._billing_details():
            # "do you take paypal?", "is there a cheaper tier?", "do you offer discounts?", "do you charge VAT?":
            # as known, or honestly not.
            return
        # "hi! quick q: do free apps sleep? asking for a friend": the chatter around a question lowers its
        # entry's score, not what it is about.
        match = self._faq_on_topic(floor=FAQ_HOW_TO_FOR_VISITOR)
        if match is not None:
            self._quote_faq(match, hedge=match.score < FAQ_CONFIDENT)


    def welcomes_a_visitor_weighing_us(self) -> bool:
        """"Hi, I'm thinking about signing up" from a visitor: the plans, and what they'd like to know. It got "I don't
        have enough information". A signed-in customer has an account already, which the account part says."""
        if self.ctx.customer is not None or not considers_joining(self.ctx.message) or self._started_mid_conversation():
            return False
        entry = next((m for m in self.facts.faq if "plans" in normalise(m.question).split()), None)
        if entry is None:
            return False
        self.reply.add(f"Glad you're considering us! {entry.answer}")
        self._cite_faq(entry)
        self.reply.add("What would you like to know? I can tell you what each plan includes, where apps can run, or how "
                       "deploys and custom domains work.", answers=False)
        return True

    def answers_how_we_differ(self) -> bool:
        """"What makes you different?", "why should I choose you over vercel?": the help centre compares us with no one,
        which is said rather than guessed, with what it says of our plans and a person (it got "I don't have enough
        information"). False, having said nothing, for another message or without the plans' entry."""
        if not asks_how_we_differ(self.ctx.message):
            return False
        entry = next((m for m in self.facts.faq if "plans" in normalise(m.question).split()), None)
        if entry is None:
            return False
        said = (": what it says of our plans is in my last message." if entry.answer in last_assistant_text(self.ctx)
                else f". What it does say about our plans: {entry.answer}")
        self.reply.add(f"Our help centre doesn't compare Northwind Cloud with other providers, so I'd rather not guess"
                       f"{said}")
        self._cite_faq(entry)
        self.reply.add("I can also tell you where apps can run, or how deploys and custom domains work. A person from our "
                       f"team can tell you more: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def welcomes_a_customer_moving_apps_here(self) -> bool:
        """"I'm thinking about moving from heroku" from a signed-in customer: more of their apps, brought here. No entry
        guides a move from another host, which is said, with what can be told instead and a person offered. It got
        "I don't have enough information" (a visitor gets the plans, welcomes_a_visitor_weighing_us)."""
        customer = self.ctx.customer
        if customer is None or not considers_leaving_another_host(self.ctx.message):
            return False
        self.reply.add(f"Glad you're thinking of bringing your apps over! {on_plan(customer.plan, customer.plan_price)}.")
        self.reply.add("Our help centre has no guide to moving from another host, but I can tell you how deploys and "
                       "custom domains work here, where apps can run, or what your plan includes. What would you like "
                       f"to know? If you'd like help planning the move itself, I can {OFFER_PERSON} from our support "
                       "team.", answers=False)
        return True

    def answers_help_with_the_move(self) -> bool:
        """"Do you help with it?" right after a move from another host was said to have no guide: a person from the
        support team can help plan it, which is offered; nothing here moves apps. False, having said nothing, for another
        message."""
        if not asks_for_help_with_the_move(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        self.reply.add("Our help centre doesn't describe help with a move, and I can't move apps from this chat, but a "
                       f"person from our support team can help you plan it: would you like me to {OFFER_PERSON}?")
        return True

    def answers_how_to_move_from_another_host(self) -> bool:
        """"How do I migrate from heroku?", "how do I migrate?" after saying they are thinking of it: no entry guides a
        move from another host, which is said, with what can be told instead and a person offered (it got the invoice
        list's sign-in request, or the scope reply). False, having said nothing, for another message."""
        if not asks_how_to_move_from_another_host(self.ctx.message, before=recent_questions(self.ctx)):
            return False
        guessed = ("how long a move takes" if asks_how_long_a_move_takes(self.ctx.message)
                   else "how easy or hard it will be" if asks_if_the_move_is_easy(self.ctx.message) else "the steps")
        self.reply.add("Our help centre has no guide to moving apps from another host, so I'd rather not guess "
                       f"{guessed}. What I can tell you is how deploys and custom domains work here, where apps can run, and "
                       f"what each plan includes. If you'd like help planning the move, I can {OFFER_PERSON} from our "
                       "support team.")
        return True

    def _started_mid_conversation(self) -> bool:
        """"How do I get started?" after another question asks how to start on that, not with us."""
        return asks_how_to_get_started(self.ctx.message) and any(turn.role == "user" for turn in self.ctx.history)

    def welcomes_a_customer_who_heard_of_us(self) -> bool:
        """"My colleague recommended you", "I'm interested in your service" from a signed-in customer: they have an
        account already, which is said, with what can be told. It got the team's entry as a guess ("your colleague's
        email"), or "I don't have enough information"."""
        customer = self.ctx.customer
        if (customer is None or not considers_joining(self.ctx.message) or WANTS_TO_SIGN_UP.search(self.text)
                or self._started_mid_conversation()):
            return False  # "I'm thinking about signing up": the account part says there's nothing more to sign up for
        plan = on_plan(customer.plan, customer.plan_price)
        glad = "" if asks_how_to_get_started(self.ctx.message) else "Glad to hear it! "
        self.reply.add(f"{glad}You already have an account with us: {plan[:1].lower()}{plan[1:]}.")
        self.reply.add("What can I help you with? I can tell you what your plan includes, how deploys and custom "
                       "domains work, or where apps can run, and look at your invoices or your account.", answers=False)
        return True

    def answers_apps_in_different_regions(self) -> bool:
        """"Can I have two apps in different regions?": whether the plan has room for them (the plans' counts), then that
        each app runs in the region picked when it is created, from the help centre's entry on regions (the count came
        alone). False, having said nothing, for another message or without the entry on regions."""
        if not asks_about_apps_in_different_regions(self.text) or (entry := self._entry_on("region")) is None:
            return False
        counted = self.answers_what_a_plan_includes()
        self.reply.add(f"{'And each' if counted else 'Each'} app runs in the region you pick when you create it, so apps "
                       f"can be in different regions. What our help centre says: {entry.answer}")
        self._cite_faq(entry)
        return True

    def answers_where_apps_can_run(self) -> bool:
        """"Can I host in Japan?", "what about australia?" after the regions: the help centre's entry on the regions,
        and that they are the only ones it lists; whether the place asked is near one is the customer's to judge (it
        was turned away as off topic); which is nearest a place named, where its part of the world says so. False,
        having said nothing, for another message or without the entry."""
        if not asks_where_apps_can_run(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        entry = self._entry_on("region")
        if entry is None:
            return False
        nearest = nearest_region(self.ctx.message)
        placed = nearest and re.search(rf"\b{re.escape(nearest[0])}\s+\(([^)]+)\)", entry.answer)
        if nearest and placed:
            self.reply.add(f"Of our regions, {nearest[0]} ({placed[1]}) is the nearest to {nearest[1]}. {entry.answer}")
        else:
            self.reply.add(f"{entry.answer} Those are the only regions our help centre lists.")
        self._cite_faq(entry)
        return True

    def answers_what_runs_here(self) -> bool:
        """"Do you support python?", "can you host a wordpress site?", then "what about docker?": no entry lists the
        languages, frameworks or kinds of app we run, which is said of the kind asked, with what the help centre does
        cover and a person offered. It got "I don't have enough information" (or, for "what about docker?", the
        scope reply). False, having said nothing, for another message."""
        kind = kind_of_app_asked(self.ctx.message, last_reply=last_assistant_text(self.ctx))
        if kind is None:
            return False
        kind = re.sub(r"^(?:my|our)\b", "your", kind.strip(), flags=re.IGNORECASE)
        listed = kind == "which are supported"
        self.reply.add(f"{RUNS_HERE_UNLISTED}, so I can't tell you {kind if listed else f'for certain about {kind}'}, "
                       "and I'd rather not guess. What it does cover is how deploys work and their limits, custom domains "
                       "and certificates, and the regions apps run in.")
        self.reply.add(f"A person from our team can tell you {'which will work' if listed else f'whether {kind} will work'}"
                       f": would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def answers_where_a_region_is(self) -> bool:
        """"Is eu-west in Germany?", "where is ap-southeast?": where the help centre says the region is ("eu-west is in
        Ireland"), yes only when that is the very place asked about; the customer draws any other conclusion (whether
        Virginia is in the US is not ours to say). Read as a technical question, it got "I don't have a guide on that".
        False, having said nothing, when the message asks no such thing or no entry places the region."""
        asked = REGION_ASKED_WHERE.search(self.text)
        if asked is None or (asked["place"] and NOT_A_PLACE.search(asked["place"])):
            return False  # "is eu-west in trouble?" asks how it is running: the incidents answer that
        region = (asked["region"] or asked["region2"]).lower()
        for match in self.facts.faq:
            placed = re.search(rf"\b{re.escape(region)}\s+\(([^)]+)\)", match.answer, re.IGNORECASE)
            if placed is None:
                continue
            place = placed[1]
            named = (asked["place"] or "").strip()
            yes = named.lower() in (place.lower(), f"the {place.lower()}")
            self.reply.add(f"{'Yes: ' if yes else ''}{region} is in {place}, as our help centre lists the regions: "
                           f"{match.answer.split('.')[0]}.")
            self._cite_faq(match)
            return True
        return False

    def answers_the_price_of_more_regions(self) -> bool:
        """"How much extra does that cost?" right after asking to run an app in a second region: the entry names the
        plan it comes with, and nothing of a price of its own, which is said rather than guessed, with a person (it
        got the plans' prices). False, having said nothing, for another message or without the entry on regions."""
        if (not asks_the_price_of_more_regions(self.ctx)
                or (entry := self._entry_on("region")) is None):
            return False
        several = next((s for s in sentences(entry.answer) if re.search(r"\bseveral\s+regions\b", s, re.IGNORECASE)), None)
        if several is None:
            return False
        customer = self.ctx.customer
        own = (f" You're on {customer.plan}, which that includes." if customer is not None
               and re.search(rf"\b{re.escape(customer.plan)}\b", several, re.IGNORECASE) else "")
        self.reply.add(f"Our help centre says: {several}{own} It doesn't say whether running an app in more regions "
                       "costs anything on top of the plan's price, so I'd rather not guess.")
        self._cite_faq(entry)
        self.reply.add(f"A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def answers_regions_of_a_running_app(self) -> bool:
        """"Can I move my app to us-east?", "how do I add a second region to our app?": the help centre's entry on
        regions (one is picked when an app is created; Business accounts can run an app in several at once), and that
        it says nothing of moving an app that runs already, or how to run one in more regions, with a person offered
        (how, and whether a move means downtime, are not ours to guess; on another plan, that the entry names Business
        for several regions). Both got "I don't have a guide on that". False, having said nothing, for another message
        or without the entry on regions."""
        if asks_how_long_it_takes(self.ctx.message) and MOVE_DOWNTIME_UNKNOWN in last_assistant_text(self.ctx):
            # "How long would that take?" right after the move was said to be undescribed ("no guide" came).
            self.reply.add("As our help centre doesn't describe moving an app to another region, I can't say how long "
                           "it would take, and I'd rather not guess. A person from our team can tell you before you plan "
                           f"the move: would you like me to {OFFER_PERSON}?")
            return True
        moving = asks_to_move_an_app_between_regions(self.text, last_reply=last_assistant_text(self.ctx))
        if not (moving or asks_to_run_an_app_in_more_regions(self.text)) or (entry := self._entry_on("region")) is None:
            return False
        self.reply.add(f"What our help centre says: {entry.answer}")
        self._cite_faq(entry)
        if moving:
            self.reply.add("It doesn't describe moving an app that's already running to another region, so I'd rather "
                           f"not guess how that's done or {MOVE_DOWNTIME_UNKNOWN}. A person from our team can tell you: "
                           f"would you like me to {OFFER_PERSON}?", answers=False)
            return True
        customer = self.ctx.customer
        if customer is not None and customer.plan.lower() != "business" and "Business" in entry.answer:
            self.reply.add(f"You're on {customer.plan}, and it names Business for running an app in several regions.",
                           answers=False)
        self.reply.add("It doesn't describe how to set that up, so I'd rather not guess the steps. A person from our "
                       f"team can walk you through it: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _still_not_received(self) -> bool:
        """"Still nothing", "still haven't got it" after saying an email had not come and being told when it should:
        sorry, the address it goes to when signed in, and a person offered. It got the address alone, then "I don't
        have enough information": the question it leans on was two turns back. False, having said nothing, for
        another message."""
        message = self.ctx.message
        before = previous_user_text(self.ctx)
        if before is None or not NOT_RECEIVED.search(before) or not (
                NOT_RECEIVED.search(message) or _STILL_NOTHING.match(message) or _LOOKED_IN_SPAM.search(message)):
            return False
        email = self.facts.account.email if self.facts.account is not None else ""
        where = (f" The email address on your account is {email}: if you're looking in another inbox, that may be why."
                 if email else "")
        self.reply.add(f"I'm sorry it still hasn't arrived.{where} A person from our team can look into it: would you "
                       f"like me to {OFFER_PERSON}?")
        return True

    def _reset_email_asked_again(self) -> bool:
        """"Can you send it again?" after saying the password reset's email had not come: this chat sends no email, and
        a new link is the customer's to ask for, to the address on the account (it got the reset's steps as a guess,
        "I think you're asking about …"). False, having said nothing, for another message or another email."""
        if not _ASKS_TO_RESEND.match(self.ctx.message):
            return False
        asked = questions_before(self.ctx)[:2]
        talked_of = " ".join([*asked, last_assistant_text(self.ctx)])
        if not any(NOT_RECEIVED.search(text) for text in asked) or not _A_RESET.search(talked_of):
            return False
        email = self.facts.account.email if self.facts.account is not None else ""
        to = f" and enter {email}, the address on your account" if email else " and enter your email address"
        self.reply.add("I can't send it from this chat, but you can ask for a new one yourself: on the sign-in page, "
                       f"choose **Forgot password**{to}. Each new link works for one hour.")
        self.reply.add(f"If that one doesn't arrive either, a person from our team can look into it: would you like me "
                       f"to {OFFER_PERSON}?", answers=False)
        return True

    def _part_for_plan(self, naming: list[str], plan: str) -> str | None:
        """The part of the one sentence in `naming` that names `plan`, when the sentence gives each plan its own part
        ("Free and Pro accounts can invite up to 3 members; Business accounts have no limit"), as a sentence; None
        otherwise."""
        if not plan or len(naming) != 1:
            return None
        parts = [part.strip() for part in naming[0].rstrip(".").split(";")]
        own = [part for part in parts if re.search(rf"\b{re.escape(plan)}\b", part, re.IGNORECASE)]
        if len(parts) < 2 or len(own) != 1:
            return None
        return f"{own[0][:1].upper()}{own[0][1:]}."

    def _parts_for_plans_above(self, naming: list[str], own_plan: str, own_part: str) -> list[str]:
        """The parts of the sentence in `naming` for the plans above `own_plan` that say something else than its own
        part ("Business accounts have no limit" above Pro's "up to 3 members"), lowest plan first."""
        parts: list[str] = []
        for plan in plans_above(own_plan):
            part = self._part_for_plan(naming, plan.lower())
            if part is not None and part != own_part and part not in parts:
                parts.append(part)
        return parts

    def _how_to_not_in_the_last_entry(self) -> bool:
        """"How do we set that up?" right after an entry that says a thing can be done but not how ("Business customers
        can also pay yearly by bank transfer against an invoice"): that it doesn't say how, the sentence it does say,
        and a person. It got the plan and the invoice list. False, having said nothing, for any other message, or when
        the entry quoted has steps (the FAQ worker puts its entries first: they answer)."""
        before = previous_user_text(self.ctx)
        if (not asks_how_to_do_it(self.ctx.message) or not _TO_HAVE_IT.search(self.ctx.message) or before is None
                or not last_reply_cited(self.ctx, "faq")):
            return False  # "How do I stop that?" after "do free apps sleep?" asks something else of it
        entry = self._entry_quoted_last()
        if entry is None or _GIVES_STEPS.search(entry.answer):
            return False
        said = [s for s in sentences(entry.answer) if topic_words(s) & topic_words(before)] or sentences(entry.answer)
        done = "set that up" if re.search(r"\bset\b", self.ctx.message, re.IGNORECASE) else "do that"
        self.reply.add(f"Our help centre doesn't say how to {done}, so I'd rather not guess. What it says is: "
                       f"{' '.join(said)}")
        self.reply.add(f"A person from our team can arrange it with you: would you like me to {OFFER_PERSON}?",
                       answers=False)
        self._cite_faq(entry)
        return True

    def _how_long_kept_is_unsaid(self) -> bool:
        """"How long do you keep it?" right after an answer that said apps and data are kept: the help centre's sentence
        that says so, and that it says nothing of how long, with a person. It got "I don't have enough information" and
        the steps to cancel. False, having said nothing, for another message or when the last answer said no such
        thing."""
        if not _ASKS_HOW_LONG_KEPT.match(self.ctx.message):
            return False
        kept = next((s for s in sentences(last_assistant_text(self.ctx)) if _SAYS_IT_IS_KEPT.search(s)), None)
        if kept is None:
            return False
        # As the last answer quoted it, after any lead-in ("What our help centre says about cancelling: …").
        said = kept.split(": ", 1)[-1] if kept.split(": ", 1)[-1][:1].isupper() else kept
        self.reply.add(f"Our help centre says: {said} It doesn't say for how long, so I'd rather not guess: a person "
                       f"from our team can tell you. Would you like me to {OFFER_PERSON}?")
        if (entry := next((m for m in self.facts.faq if said in m.answer), None)) is not None:
            self._cite_faq(entry)
        return True

    def _detail_of_the_last_entry(self) -> bool:
        """"What happens if you miss it?" after the SLA's entry, "what about weekends?" after the support hours': a short
        follow-up on something the entry just quoted says, answered with the sentences of it that say so ("… with
        service credits if we miss it"). Alone its words found other entries (a duplicate charge's "what happens
        now?"), or the whole entry again. False, having said nothing, when the message is no such follow-up, the last
        answer quoted no entry at hand, or every sentence of it or none names what the message asks."""
        not_received = bool(NOT_RECEIVED.search(self.ctx.message))
        if (not (leans_back(self.ctx.message) or not_received or asks_how_many_of_it(self.ctx.message))
                or self.email_out_of_reach()
                # "I didn't get the confirmation" after the email change's steps: where that link goes is the account
                # part's to say, with the address it is not sent to.
                or reports_confirming_email_missing(self.ctx.message)
                or says_no_account_has_the_address(self.ctx.message) or self.asks_if_the_account_is_deleted()
                or (self.ctx.customer is not None and asks_to_unlock(self.ctx.message))
                or asks_us_to_reset_the_password(self.ctx.message, said_before=turns_before(self.ctx))
                or asks_which_authenticator(self.ctx.message, last_reply=last_assistant_text(self.ctx))
                # "It should go to finance@…" after asking to change the billing email: the address the account part
                # says the chat can't set (the entry's first step came alone).
                or new_email_given(self.ctx) is not None):
            # "What app should I use for it?" after the steps to turn on two-factor: the account part says the help centre
            # names none (its "for it" leant back, and the step naming an authenticator app came again).
            # "I don't have access to that email anymore", "it says there's no account with that email": the account
            # part's to answer, not the entry's. So is "unlock it" after the entry on locks from a signed-in customer,
            # which the account part starts (the entry's "ask us to unlock it" was quoted back), and "can you just reset
            # it for me?" after the reset's entry, which the account part says it can't.
            return False
        entry = self._entry_quoted_last()
        # "I didn't get the email" is about its arriving, not about the email address the steps ask for.
        asked = ARRIVES if not_received else topic_words(self.ctx.message)
        if asks_to_take_it_back(self.ctx.message):
            # "Can I get it back after?" after the deletion's steps: what they say of changing one's mind.
            asked = asked | topic_words("change my mind")
        # "How many can I invite?", "can I get more?": the sentence with the figure, not the steps that name inviting.
        counts = bool(_ASKS_HOW_MANY.search(self.ctx.message)) or asks_for_more(self.ctx.message)
        if entry is None or not (asked or counts):
            return False
        if not counts and not not_received and (asked & topic_words(entry.question) or any(
                match.faq_id != entry.faq_id and match.score >= FAQ_PLAUSIBLE and asked & topic_words(match.question)
                for match in self.facts.faq)):
            # "Can I export it first?" after the deletion's steps: what an entry is about, its own or another's ("How
            # do I export my data?"), is that entry's whole answer, not the sentences of the last that name a word of
            # it ("Cancel any paid plan first", or the export's first step alone).
            return False
        said = sentences(entry.answer)
        counting = [s for s in said if _STATES_A_COUNT.search(s)] if counts else []
        naming = counting or [s for s in said if asked & topic_words(s)]
        if not naming and not_received:
            # "I didn't get the email" after the export's entry, which says when it is sent but not when it arrives.
            naming = [s for s in said if _SENDS_AN_EMAIL.search(s)]
        if not naming or len(naming) == len(said):
            return False
        own_plan = self.ctx.customer.plan if self.ctx.customer is not None else ""
        named = _plan_named(self.ctx.message)
        if named is not None and named != own_plan.lower() and (part := self._part_for_plan(naming, named)):
            # "And on pro?" from Business after "how many team members can I have?": Pro's part, not Business's.
            self.reply.add(f"On {named.capitalize()}, our help centre says: {part}")
        elif own := self._part_for_plan(naming, own_plan):
            # "How many can I add?" from Pro: "Free and Pro accounts can invite up to 3 members", not the whole
            # sentence with Business's too, for the customer to work out which part is theirs.
            self.reply.add(f"You're on {own_plan}, and our help centre says: {own}")
            if asks_for_more(self.ctx.message) and (above := self._parts_for_plans_above(naming, own_plan, own)):
                # "What if we need more?" from Pro after the team's entry: the plan that allows more is the way to it.
                self.reply.add(f"{' '.join(above)} You can change plan under **Billing → Plan**.")
        else:
            self.reply.add(f"Our help centre says: {' '.join(naming)}")
        if not_received and ARRIVES & topic_words(" ".join(naming)):
            self.reply.add(f"If it still hasn't arrived after that, I can {OFFER_PERSON} from our team to look into it.",
                           answers=False)
        elif not_received and (_SENT_TO_SOMEONE_ELSE.search(self.ctx.message) or _TO_A_COLLEAGUE.search(entry.answer)):
            # "They didn't get the invite" after the team's steps: it went to the colleague's address, not the account's
            # own (which was named, as if the customer were waiting for it).
            self.reply.add("It goes to the email address you entered for them; ask them to check its spam folder too. If "
                           f"it still hasn't arrived, I can {OFFER_PERSON} from our team to look into it.", answers=False)
        elif not_received:
            email = self.facts.account.email if self.facts.account is not None else ""
            where = (f"It goes to the email address on your account, {email}; check its spam folder too." if email
                     else "Check your spam folder too.")
            self.reply.add(f"{where} If it still hasn't arrived, I can {OFFER_PERSON} from our team to look into it.",
                           answers=False)
        self._cite_faq(entry)
        return True


# "They didn't get the invite", "my colleague never received it": an email someone else was to get ("they" alone may be
# us, as in "they never sent it").
_SENT_TO_SOMEONE_ELSE = re.compile(r"\b(?:colleagues?|co-?workers?|teammates?|team\s+members?|invit\w*)\b", re.IGNORECASE)
# "Enter your colleague's email": an entry whose email goes to someone else than the customer.
_TO_A_COLLEAGUE = re.compile(r"\bcolleague'?s\s+email\b", re.IGNORECASE)

# "How do we set that up?", "how can I get that?": how to have what the entry says can be had.
_TO_HAVE_IT = re.compile(r"\bhow\s+(?:do|can|could|should|would)\s+(?:i|we|u)\s+(?:set|do|get|arrange|request|enable"
                         r"|activate|start|apply|sign|switch)\b", re.IGNORECASE)
# An entry that says how to do something: a place in the dashboard, a button, a step.
_GIVES_STEPS = re.compile(r"\*\*|\b(?:go\s+to|choose|click|open|select|enter|tap)\b", re.IGNORECASE)
# "How many can I add?", "is there a limit?": a count, which an entry's sentences with a figure or a limit state
# ("Free and Pro accounts can invite up to 3 members; Business accounts have no limit").
_ASKS_HOW_MANY = re.compile(r"\bhow\s+many\b|\b(?:a|any)\s+(?:limit|max(?:imum)?|cap)\b", re.IGNORECASE)
_STATES_A_COUNT = re.compile(r"\d|\b(?:limit|limits|unlimited)\b", re.IGNORECASE)


# "Is eu-west in Germany?", "where is ap-southeast located?": where a region is.
REGION_ASKED_WHERE = re.compile(
    rf"\bis\s+(?:the\s+)?(?P<region>{OUR_REGION})(?:\s+region)?\s+(?:in|located\s+in|based\s+in|hosted\s+in)\s+"
    r"(?P<place>[A-Za-z][\w .-]*?)\s*[?.!]*$"
    rf"|\bwhere\s+(?:is|'s)\s+(?:the\s+)?(?P<region2>{OUR_REGION})\b",
    re.IGNORECASE,
)
# What "is eu-west in …" may ask of a region's running rather than its place: "in trouble", "in an outage".
NOT_A_PLACE = re.compile(r"\b(?:trouble|maintenance|outage|incident|down|degraded|problems?|issues?|danger|use|operation|"
                         r"service|good|bad|working|order|a\s+bad\s+way)\b", re.IGNORECASE)
# "I didn't get the email", "it never came": what an entry says of something arriving ("if it doesn't arrive within a
# few minutes, check your spam folder"), though no word of it is the entry's.
ARRIVES = frozenset(topic_words("arrive arrived"))
# A help-centre sentence that says something is sent by email: "email you a download link".
_SENDS_AN_EMAIL = re.compile(r"\b(?:e-?mails?|e-?mailed|send|sends|sent)\b", re.IGNORECASE)
# "Still nothing", "nothing yet", "not yet", "still no email": after saying it had not come, that it still has not.
_STILL_NOTHING = re.compile(r"^\W*(?:(?:no|nope|sorry)[,.!\s]+)?(?:still\s+(?:nothing|no\s+(?:email|link|mail|sign\s+of\s+it))"
                            r"|nothing\s+(?:yet|still|so\s+far)|not\s+yet|still\s+not(?:\s+(?:here|there))?)\W*$",
                            re.IGNORECASE)
# "Can you send it again?", "resend it please", "send me a new link": the email that did not come, asked for again.
_ASKS_TO_RESEND = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|then|please|pls)[,\s]+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?)?"
    r"(?:re-?send|send)\s+(?:me\s+)?(?:it|that|the\s+(?:email|link|mail)|another(?:\s+one|\s+link|\s+email)?"
    r"|a\s+new\s+(?:one|link|email))(?:\s+again)?(?:\s+please)?\s*[?.!]*\s*$", re.IGNORECASE)
_A_RESET = re.compile(r"\b(?:password|reset)\b", re.IGNORECASE)
# "I checked spam already", "it's not in my junk folder either": the spam folder the steps said to look in, looked in
# (it got "I don't have enough information").
_LOOKED_IN_SPAM = re.compile(
    r"\b(?:checked|looked\s+in(?:to)?|looked\s+at|searched|went\s+through|tried)\s+(?:in\s+)?(?:my\s+|the\s+)?(?:spam|junk)\b"
    r"|\b(?:not|nothing|isn'?t|wasn'?t)\s+(?:in|there\s+in)\s+(?:my\s+|the\s+)?(?:spam|junk)\b"
    r"|\b(?:spam|junk)(?:\s+folder)?\s+(?:is\s+empty|has\s+nothing|too|either|as\s+well)\b",
    re.IGNORECASE)


# "What is Northwind?", "what's northwind cloud", "what does northwind do?", "what do you guys do?": what the service
# is, on normalised text. Only the whole message: not "what is northwind's refund policy" or "what do you do about
# refunds?".
ASKS_WHAT_WE_ARE = re.compile(
    r"^(?:(?:hi|hello|hey|so|ok|sorry)\s+)*(?:(?:what(?:'?s|\s+is|\s+exactly\s+is)|tell\s+me\s+about)\s+"
    r"(?:northwind(?:\s+cloud)?|this\s+(?:service|company|product|platform))(?:\s+exactly)?"
    r"|what\s+(?:does|do)\s+(?:northwind(?:\s+cloud)?|you(?:\s+guys)?)\s+(?:actually\s+)?do)$")
# The words of a thank-you and nothing else: "ok thanks", "thank you so much", "cheers".
BARE_THANKS = frozenset({"ok", "okay", "k", "alright", "great", "cool", "yes", "yeah", "sure", "thanks", "thank",
                         "you", "thx", "ty", "cheers", "so", "very", "much", "a", "lot", "many"})


# Small talk, on normalised text: greetings and "how are you", and kind words about us.
HOW_ARE_YOU = re.compile(r"\bhow\s+(?:are|r)\s+(?:you|u|ya)(?:\s+(?:doing|today))*\b|\bhows\s+it\s+going\b"
                         r"|\bhow\s+is\s+it\s+going\b|\bhows\s+your\s+day\b")
PRAISE = re.compile(
    r"\b(?:i|we)\s+(?:really\s+|just\s+)?(?:love|like|enjoy|appreciate)\s+(?:your|the|this|northwind)(?:\s+\w+)?\b"
    r"|\b(?:great|awesome|amazing|excellent|fantastic|brilliant|wonderful)\s+(?:product|service|app|platform|"
    r"hosting|job|work|support|team)\b"
    r"|\b(?:you|your\s+\w+)\s+(?:guys\s+)?(?:are|is)\s+(?:so\s+|really\s+)?(?:great|awesome|amazing|excellent|"
    r"fantastic|brilliant|wonderful|the\s+best)\b|\bkeep\s+up\s+the\s+good\s+work\b")
SMALL_TALK_OPENERS = re.compile(r"\b(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening|day)|morning|"
                                r"afternoon|evening|there|northwind|team|folks|all)\b")
SMALL_TALK_FILLER = frozenset({"and", "so", "just", "wanted", "to", "say", "really", "very", "much", "i", "we", "oh",
                               "well", "btw", "by", "the", "way", "today", "again", "you"})


# How the writer opens a paragraph that says it cannot answer (cannot_answer, _answer_each_question).
CANNOT_ANSWER_OPENINGS = ("I'm sorry, I don't have enough information", "I don't have enough information")


def _mashed(token: str) -> bool:
    """"asdfghjkl", "hdhdhd", "jjjj", "qwer": letters no word is made of (see _MASHED_LETTERS, _KEYBOARD_ROWS)."""
    along_a_row = len(token) >= 4 and any(token in row or token[::-1] in row for row in _KEYBOARD_ROWS)
    return along_a_row or _MASHED_LETTERS.search(token) is not None


def _only_repeats_the_last_reply(text: str, ctx: SupportContext) -> bool:
    """Whether a reply says nothing but what the last reply said and that it cannot answer the rest: "and how
    do I remove one?" after the steps to invite a member, read with that question, finds those steps again and
    cannot answer the removal. ("What happens to my apps?" after the steps to delete the account is answered by
    those steps again, and says nothing it cannot answer.)"""
    last = next((turn.text for turn in reversed(ctx.history) if turn.role == "assistant"), "")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return bool(last) and _says_it_cannot_answer(text) and all(
        p in last for p in paragraphs if not p.startswith(CANNOT_ANSWER_OPENINGS))


def _plan_named(message: str) -> str | None:
    """The plan a message names ("and on business?": business), if any."""
    return next((word for word in normalise(message).split() if word in PLAN_KEYS), None)


def _says_it_cannot_answer(text: str) -> bool:
    return any(p.startswith(CANNOT_ANSWER_OPENINGS) for p in text.split("\n\n"))


@cache
def _faq_calibration() -> Calibration:
    """The shipped FAQ calibration, read from disk once: the writer runs on the event loop."""
    return Calibration.load()


def which_plan_for_what_was_asked(ctx: SupportContext) -> str | None:
    """"Which plan do I need for that?" after "why can't I add a custom domain?": the question as the plan-features
    writer reads it, "which plan do I need for add custom domain?". Alone it got the domains guide's steps, or every
    plan's price. None for any other message, or when the question before names nothing but a plan."""
    before = asked_which_plan_for(ctx)
    if before is None or _plan_named(before):
        return None
    words = [w for w in normalise(before).split() if w not in GENERIC_WORDS]
    return f"which plan do I need for {' '.join(words)}?" if words else None


def _past_the_limit(ctx: SupportContext, *, persona: str, past: str) -> Draft:
    """"What happens if I go over the rate limit?": the entry on the API's limits, which says (HTTP 429, Retry-After),
    or only its sentence on that right after the limit was given. "What happens if I go over the app limit?" (the rate
    limits' guide, for "limit", or the scope reply): no entry says what happens past it, which is said, with the counts
    the plans allow."""
    if past == "requests":
        limits = ReplyWriter(ctx, persona=persona, text=f"{RATE_LIMITS_QUESTION}?").write()
        past_it = next((s for s in sentences(limits.text) if "429" in s), None)
        if past_it is None or not repeats_last_reply(limits.text, ctx):
            return limits
        return limits.model_copy(update={"text": f"As my last message said: {past_it[:1].lower()}{past_it[1:]}"})
    if past == "team members" and (told := _entry_counting(ctx, _COUNTS_MEMBERS)) is not None:
        entry, said = told
        return _past_a_count_per_plan(ctx, entry, said[:1], counted="team members", more_of="members",
                                      beyond="try to invite more than your plan allows")
    if past == "deploys" and (told := _entry_counting(ctx, _COUNTS_DEPLOYS)) is not None:
        entry, said_of_each = told
        return _past_a_count_per_plan(ctx, entry, said_of_each, counted="deploys", more_of="deploys",
                                      beyond="deploy more than your plan allows")
    counts = ReplyWriter(ctx, persona=persona, text=f"how many {past} can I have?").write()
    unknown = (f"Our help centre doesn't say what happens if you go over your plan's limit on {past}, and I'd rather "
               "not guess.")
    person = f"If you need more than your plan allows, I can {OFFER_PERSON} from our team to talk it through."
    told = "" if _says_it_cannot_answer(counts.text) else f" What it does say:\n\n{counts.text}"
    return counts.model_copy(update={"text": f"{unknown}{told}\n\n{person}"})


def _entry_counting(ctx: SupportContext, counts: re.Pattern[str]) -> tuple[FaqMatch, list[str]] | None:
    """The first help-centre entry among the facts with sentences that count what `counts` finds (the members each plan
    may invite, its deploys a day), and those sentences."""
    for match in FactView(ctx).faq:
        if counting := [s for s in sentences(match.answer) if counts.search(s)]:
            return match, counting
    return None


def _past_a_count_per_plan(ctx: SupportContext, entry: FaqMatch, said: list[str], *, counted: str, more_of: str,
                           beyond: str) -> Draft:
    """"What happens if we exceed the member limit?", "… if I go over?" after the deploys a day: the plans' counts as
    the entry gives them (the account part quoted its steps to invite, or the entry came again), that it says nothing
    of going past them, and a person; on a plan with no limit, that there is none to go over."""
    plan = ctx.customer.plan.capitalize() if ctx.customer is not None else None
    source = Source(kind="faq", title=entry.question, ref=str(entry.faq_id))
    own = next((s for s in said if plan is not None and re.search(rf"\b{plan}\b", s)), None)
    if plan is not None and own is not None and re.search(rf"\b{plan}\b[^.;]*\b(?:no\s+limit|unlimited)\b", own):
        return Draft(text=f"You're on the {plan} plan, which has no limit on {counted}, so there's none to go over. "
                          f"Our help centre says: {own}", sources=[source])
    on_plan = f"You're on the {plan} plan. " if plan is not None else ""
    return Draft(text=f"{on_plan}Our help centre says: {' '.join(said)} It doesn't say what happens if you {beyond}, "
                      f"and I'd rather not guess.\n\nIf you need more {more_of} than your plan allows, I can "
                      f"{OFFER_PERSON} from our team to talk it through.", sources=[source])


def _drafted(ctx: SupportContext, *, persona: str) -> Draft:
    """The reply for ctx as the writer words it, before any critic's notes."""
    before = previous_user_text(ctx) or ""
    if (device := device_said_after_sign_in_trouble(ctx.message, asked_before=before)) is not None:
        # "I'm on my phone" after "I can't log in": the sign-in answered again, said to hold there too.
        draft = ReplyWriter(ctx, persona=persona, text=before).write()
        return draft.model_copy(update={"text": f"Signing in on your {device} takes the same username and password "
                                                f"as anywhere else, so this still applies:\n\n{draft.text}"})
    if (past := limit_gone_past(ctx)) is not None:
        return _past_the_limit(ctx, persona=persona, past=past)
    # A short follow-up read as the question it stands for: "do free users get it?" after the uptime SLA was told
    # (Free's contents came), "can I get compensated?" after an outage ("not enough information"), "ok what about
    # november?" after a refund refused and argued over ("no guide").
    rewritten = (sla_asked_of_a_plan(ctx) or compensation_asked_of_the_outage(ctx) or refund_of_another_month_asked(ctx)
                 # "When will it show up?" after a refund was offered, not asked for (the offer again came).
                 or refund_arrival_asked_after_an_offer(ctx))
    # "And for pro?" after the rate limits: the question before, asked of Pro, is what to answer.
    another_plan = question_as_asked(ctx) if rewritten is None else None
    # "Why is business so expensive?" got the invoice list: what the plan gives for its price answers it.
    why_dear = plan_asked_why_it_costs(ctx.message)
    # "What does that include?" after "You're on the Pro plan": Pro's contents (the help centre's entry on Free came).
    plan_meant = why_dear or plan_whose_contents_are_asked(ctx)
    writer = ReplyWriter(ctx, persona=persona, text=rewritten or another_plan or which_plan_for_what_was_asked(ctx)
                         or (f"what does {plan_meant} include?" if plan_meant else ctx.message))
    draft = writer.write()
    if (another_plan is not None and repeats_last_reply(draft.text, ctx) and (plan := _plan_named(ctx.message))
            and not names_where_the_move_goes(ctx.message)):
        # "And on business?" answered word for word as the plan before: said to be the same, not all over again.
        # Not "to business" after "can I upgrade?": the steps given were for that move, and are its answer.
        leads = [article["lead"] for article in (ctx.facts.get("technical") or {}).get("articles") or []
                 if article.get("lead") and article["title"] in draft.text]
        draft = draft.model_copy(update={"text": same_for_another_plan(plan, draft.text, guide_leads=leads)})
    if writer.fell_back and (topic := with_topic(ctx)) != ctx.message:
        # "How do I fix it?" says nothing alone: written again with the question it follows.
        # Read alone first, so "and when is the next one due?" is not answered with its topic's
        # answer over again.
        retold = ReplyWriter(ctx, persona=persona, text=topic).write()
        if not (_says_it_cannot_answer(draft.text) and _only_repeats_the_last_reply(retold.text, ctx)):
            # Saying so beats the last answer told again: "and how do I remove one?" after the steps to
            # invite a member. A generic fallback (the invoice list) does not.
            draft = retold
    return draft


def compose(ctx: SupportContext, *, persona: str = "resolver", revision_notes: list[str] | None = None) -> Draft:
    """The grounded reply for ctx; after a critic's notes, the same reply without unsupported sentences."""
    draft = _drafted(ctx, persona=persona)
    if not revision_notes:
        return draft
    grounding = Grounding.of(ctx)
    kept = []
    for paragraph in draft.text.split("\n\n"):
        clean = [s for s in sentences(paragraph) if not grounding.unsupported(s)]
        if clean:
            kept.append(" ".join(clean))
    if len(kept) < len(draft.text.split("\n\n")):
        kept.append("I've left out details I couldn't confirm; a person from our team can check them with you.")
    return draft.model_copy(update={"text": "\n\n".join(kept)})
