"""What cancelling (or deleting the account) does to a customer's apps and data: "will I lose my apps?"
after asking how to cancel, or "will I lose my apps if I cancel?" in one message.

Answered from the help centre's entry on cancelling, in its own words (what happens to the plan, the apps
and the data), with the customer's plan and what the plan the entry says they move to includes, and what
the entry on deleting the account says when it was found too: that is where apps and data do go. After
a question about deleting the account, from that entry, with how to export the data first.
Read alone, such a question names no invoice, setting or fault, and every other part answers it with
the invoice list or an "I don't know".

After asking to cancel or to downgrade, "will my custom domain still work?", "what do I lose?" asks what
the smaller plan keeps: answered from what the plans include (the catalogue, else the help centre's "Pro
adds …"; plans are tiers), else from the help-centre sentences that name plans for it ("Custom domains are
on Pro and Business."), with when the move takes effect in the entry's own words. What happens to a domain
or a member already set up is not in those facts: a person is offered rather than a guess.
"""

from __future__ import annotations

import re
from decimal import Decimal

from agents.about_service import asks_the_price_of_more_regions
from agents.coming_back import asks_to_come_back_after_cancelling
from agents.details_for_a_person import PAUSE_UNDESCRIBED
from agents.follow_ups.go_aheads import affirms
from agents.follow_ups.history import TOPIC_TURNS, last_assistant_text, previous_user_text
from agents.follow_ups.leaning_back import HOW_MUCH_MORE, asks_what_it_costs
from agents.follow_ups.offers import OFFER_PERSON, OFFER_REFUND, OFFER_UNLOCK
from agents.follow_ups.plan_moves import (
    CANCELLING,
    DELETING_THE_ACCOUNT,
    DOWNGRADING,
    UPGRADING,
    asks_us_to_change_plan,
    asks_us_to_do_it,
    goes_ahead_with_a_change,
    plan_change_named,
    plan_move_asked_how_long,
)
from agents.follow_ups.plans import names_where_the_move_goes, plan_gone_ahead_with, plans_priced_asked
from agents.follow_ups.topic import with_topic
from agents.follow_ups.what_becomes_of import (
    asks_if_deleting_stops_charges,
    asks_of_sleep_after_an_upgrade,
    asks_of_things_after_a_move,
    asks_what_an_upgrade_loses,
    asks_what_becomes_of,
    asks_what_becomes_of_them_alone,
    asks_what_lost_in_general,
    fate_asked_of_other_things,
    fate_of_other_things_after_cancelling,
    move_to_smaller_plan,
    speaks_of_an_upgrade,
)
from agents.outcome import FaqMatch
from agents.plan_names import PLAN_KEYS
from agents.providers.offline.reply_base import (
    GENERIC_WORDS,
    NEVER_SLEEP,
    TAKES,
    WHY_ALONE,
    joined_with_and,
    money,
    sentences,
)
from agents.providers.offline.reply_billing import CHARGED_AFTER_CANCELLING, on_plan
from agents.providers.offline.reply_plan_comparison import PlanComparisonReplies
from agents.providers.offline.reply_plan_features import PlanListing, _agreeing, _items, _plural, _words
from agents.providers.offline.text import normalise, stem
from agents.service_terms import (
    asks_about_a_cancellation_fee,
    asks_for_a_plan_change_alone,
    asks_to_change_plan_unnamed,
    asks_what_nonpayment_does,
    finds_the_price_too_high,
    plan_moved_to,
)

# A help-centre sentence (or clause) on what becomes of the customer's things.
_ABOUT_THINGS = re.compile(r"\b(?:apps?|data)\b", re.IGNORECASE)
_INVOICES = re.compile(r"\b(?:invoices?|receipts?|(?:billing|payment)\s+history)\b", re.IGNORECASE)
# "… then your account moves to the Free plan": the plan a cancelled subscription ends on.
# "Is there no other way?", "any alternative?", "can I do something else instead?".
_ANOTHER_WAY = re.compile(r"\b(?:other|another|different)\s+(?:way|option|choice)s?\b|\balternatives?\b|\binstead\b",
                          re.IGNORECASE)
_MOVES_TO = re.compile(r"\bmoves?\s+to\s+the\s+(\w+)\s+plan\b", re.IGNORECASE)
# "Downgrade me to free", "downgrade to the pro plan": the plan a downgrade asks for, as the customer named it.
_DOWN_TO = re.compile(r"\bto\s+(?:the\s+)?([a-z]+)(?:\s+(?:plan|tier))?\b", re.IGNORECASE)
# Words after "to" that name no plan ("downgrade to a cheaper plan", "want to downgrade").
_NOT_A_PLAN_NAME = frozenset({"a", "an", "the", "my", "our", "cheaper", "smaller", "lower", "plan", "tier", "downgrade",
                              "downgrad", "do", "be", "get", "go", "move", "switch", "change", "cancel", "know", "it"})
# Words of "will my custom domain still work?" that ask whether it carries on, not what it is; apps and data
# are every plan's (their fate is the cancellation entry's), so they name no feature a plan adds.
_CARRIES_ON = frozenset(stem(w) for w in (
    "still", "work", "working", "works", "keep", "keeps", "kept", "lose", "loose", "losing", "lost", "access",
    "go", "goes", "going", "stop", "stops", "continue", "continues", "then", "once", "remain", "stay", "active",
    "available", "anymore", "able", "run", "running", "will", "would", "do", "does", "downgrade", "cancel",
    "app", "apps", "application", "applications", "data", "site", "sites", "website", "websites", "everything",
    "thing", "things", "else", "be", "am", "i", "we", "my", "our", "to", "too", "anything", "something", "any",
    "feature", "features", "if", "could"))
# "Will I be charged after I cancel?", "do I still pay once I cancel", "will you bill me after cancelling": what
# cancelling does to the payments, which the entry's "stays active until the end of the period you've paid for,
# then … moves to the Free plan" says.
_CHARGED_AFTER = re.compile(r"\b(?:charged?|charging|bill(?:ed|ing)?|pay(?:ing)?|paid|renew\w*|invoiced?)\b",
                            re.IGNORECASE)
# "How do I change my email?", "update my email address": a change of the account's address.
_CHANGES_EMAIL = re.compile(r"\b(?:change|changing|update|updating|new)\s+(?:my\s+|the\s+|our\s+)?(?:e-?mail|login)"
                            r"(?:\s+address)?\b", re.IGNORECASE)
# "How do I cancel?", "do I need to cancel?", "cancel my subscription", "I want to cancel my plan": the customer's plan
# cancelled by them. Not "the game was cancelled", "cancellation fees", "cancel my subscription to scientific american"
# (another company's), "cancel the invite", nor the account itself.
_ASKS_TO_CANCEL_THE_PLAN = re.compile(
    r"^\W*(?:(?:hi|hello|hey|ok(?:ay)?|so|and)[,\s]+)*(?:(?:how|where)\s+(?:do|can|could|should)\s+(?:i|we)\s+cancel"
    r"|(?:do|should|must)\s+(?:i|we)\s+(?:(?:need|have)\s+to\s+)?cancel"
    r"|(?:please\s+)?cancel\s+(?:my|our|the)\s+(?:plan|subscription|membership)"
    r"|(?:i|we)\s+(?:want|need|would\s+like|'?d\s+like)\s+to\s+cancel)"
    r"(?:\s+(?:my|our|the)\s+(?:plan|subscription|membership))?(?:\s+(?:then|now|please|anything))?\s*[?.!]*\s*$"
    r"|\b(?:i'?m|i\s+am)\s+on\s+(?:the\s+)?free(?:\s+plan)?[,\s]+(?:so\s+)?(?:do|should|must)\s+(?:i|we)\s+(?:(?:need|have)\s+to\s+)?"
    r"cancel\b", re.IGNORECASE)
# "Can I pause my subscription?", "put my plan on hold", "freeze my account": stopping for a while.
_PAUSING = re.compile(r"\b(?:pause|pausing|paused|freeze|freezing|suspend|suspending|on\s+hold|take\s+a\s+break)\b",
                      re.IGNORECASE)
# The people on a team, as _feature_asked reads them ("team members", "seats"): what a smaller plan's limit on them
# does to those already there, the help centre does not say.
_PEOPLE = frozenset(stem(w) for w in ("team", "members", "member", "seats", "seat", "teammates", "colleagues", "users"))
# A help-centre sentence on when a cancelled or smaller plan ends: "… stays active until the end of the period".
_UNTIL_THE_END = re.compile(r"\b(?:until|end\s+of)\b", re.IGNORECASE)
# "Will I lose the SLA?", "would we lose our custom domain?": asked as a loss, so "No" says it stays. "Will my domain
# still work?" is asked the other way round, and gets no yes or no of this kind.
ASKS_IF_LOST = re.compile(r"\b(?:lo{1,2}se|lo{1,2}sing)\b", re.IGNORECASE)
# A help-centre clause that says a plan lacks something: "Free and Pro have no SLA".
_DENIES = re.compile(r"\b(?:no|not|without|never|isn'?t|aren'?t|doesn'?t|don'?t)\b", re.IGNORECASE)
# A help-centre sentence's "Yes: …" answers its own entry's question, not the customer's.
_LEADING_ANSWER = re.compile(r"^\s*(?:yes|no)\s*[:,.]\s*", re.IGNORECASE)
# The plan a move asks for: "upgrade me to Business", "switch me over to the free plan".
_MOVE_TO = re.compile(r"\bto\s+(?:the\s+)?([a-z]+)\b", re.IGNORECASE)
# "I want to upgrade", "we'd like to downgrade", "thinking of upgrading": a wish to move plan, not a question.
_WANTS_TO_MOVE = re.compile(
    r"\b(?:i|we)\s*(?:'d|would|want|wanna|need|'m|am|are|plan|'ll|will|ll)\s*(?:like\s+|going\s+|thinking\s+(?:of|about)\s+"
    r"|planning\s+|wanting\s+)?(?:to\s+)?(?:up|down)[\s-]?grad\w*\s*(?:(?:my|our|the)\s+(?:plan|subscription|account)"
    r"\s*)?(?:(?:then|now|today|please)\s*)?[.!]*\s*$",
    re.IGNORECASE)
# "When does it take effect?", "when will the downgrade happen?": when the move asked for just before happens, which
# the entry on that move says ("takes effect at the end of your current billing period", "applies at once").
_ASKS_WHEN_IT_HAPPENS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?when\s+(?:does|will|would|do|did)\s+(?:it|that|this|the\s+(?:change|"
    r"downgrade|upgrade|cancellation|move))\s+(?:take\s+effect|happen|apply|start|kick\s+in|go\s+through)"
    r"(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
    re.IGNORECASE)
# "Will I be charged immediately if I upgrade?", "if I upgrade do I pay straight away?", "when will I be charged if I
# upgrade to business?": when an upgrade is charged (the next plan's price and contents came, nothing of when).
_CHARGED_FOR_AN_UPGRADE = re.compile(
    r"\b(?:charged?|billed?|pay|payment)\b[^.?!]{0,40}\b(?:if|when|once|after)\s+(?:i|we)\s+(?:upgrade|move\s+up)\b"
    r"|\b(?:if|when|once)\s+(?:i|we)\s+(?:upgrade|move\s+up)\b[^.?!]{0,40}\b(?:charged?|billed?|pay)\b", re.IGNORECASE)
# A help-centre sentence that says how a move is billed: "we charge the difference for the rest of the month".
_SAYS_HOW_BILLED = re.compile(r"\b(?:charge[ds]?|bill(?:ed)?|pay|paid|refund\w*)\b", re.IGNORECASE)
# A help-centre sentence that says when a move happens.
_SAYS_WHEN = re.compile(r"\b(?:until|end\s+of|takes?\s+effect|applies|at\s+once|immediately)\b", re.IGNORECASE)
# The help-centre entry with the steps for each move, by the word its question starts the move with.
# How a comparison of two plans reads (reply_plan_comparison): "Business … has everything in Pro, plus …".
_SIDE_BY_SIDE = "has everything in"
_PLAN_NAMES = re.compile(r"\b(Free|Pro|Business)\b")
# A go-ahead after two plans both above (or both below) the customer's were compared: a move, to either of them.
_UP_TO_EITHER, _DOWN_TO_EITHER = "upgrade my plan to either", "downgrade my plan to either"
_STEPS_ENTRY = {"upgrade": "upgrad", "downgrade": "downgrad", "cancel": "cancel"}
# What the assistant was asked to do, as the reply says it can't: "upgrade you to Business".
_CANNOT = {"upgrade": "upgrade you to {0}", "downgrade": "move you to {0}", "change": "move you to {0}",
           "cancel": "cancel your subscription"}
_CANNOT_UNNAMED = {"upgrade": "upgrade your plan", "downgrade": "downgrade your plan", "change": "change your plan",
                   "cancel": "cancel your subscription"}


# How the reply to a plan change asked of the chat says why it isn't made here.
_NO_PLAN_CHANGE_HERE = "no way to change or cancel a plan"

# "Wait, will I lose my custom domain?": the interjection names nothing asked about ("wait" was read as a feature no plan
# lists, and "I can't find whether Free includes that" came).
_LEADING_INTERJECTION = re.compile(r"^\W*(?:(?:wait|hold\s+on|hang\s+on|oh|hmm+|um+|uh+|actually|so|but|and|ok(?:ay)?)"
                                   r"[\s,.!-]+)+", re.IGNORECASE)

class CancellationReplies(PlanComparisonReplies):
    # ------------------------------------------------------------ the price complained of

    def answers_price_of_the_plans_named(self) -> bool:
        """"How much?" right after "Custom domains are on Pro and Business": each plan's price a month, with the
        customer's own (it got the custom domains guide again). False, having said nothing, for another message, or for
        "how much does that cost?" after asking to run an app in more regions, where the plan the entry names is not what
        is priced."""
        if asks_the_price_of_more_regions(self.ctx):
            return False
        named = plans_priced_asked(self.ctx)
        prices = self._monthly_prices()
        priced = [f"{name} {self._costs(prices[name])}" for name in named if name in prices]
        if not priced or len(priced) != len(named):
            return False
        customer = self.ctx.customer
        own = f" {on_plan(customer.plan, customer.plan_price)}." if customer is not None else ""
        self.reply.add(f"{joined_with_and(priced)}.{own}")
        return True

    def answers_price_complaint(self) -> bool:
        """"It's too expensive" (also after the steps to cancel): the plans below the customer's, with their prices and
        what they include, how to move (or that cancelling already lands on Free), that the help centre names no
        discount, and a person offered. False, having said nothing, for another message."""
        if not finds_the_price_too_high(self.ctx.message):
            return False
        customer = self.ctx.customer
        order = self._plans_in_order()
        prices = self._monthly_prices()
        if customer is None or customer.plan not in order:
            self.reply.add("I'm sorry to hear that. "
                           + " ".join(f"{name} {self._costs(prices[name])}." for name in order if name in prices))
        elif not customer.plan_price:
            self.reply.add(f"I'm sorry to hear that. You're on the {customer.plan} plan, which costs nothing, so "
                           "nothing is charged to your account.")
        else:
            below = order[:order.index(customer.plan)]
            described = {plan.name: plan.description.rstrip(".") for plan in self.facts.plans if plan.description}
            options = [f"{name}, which {self._costs(prices[name])}"
                       + (f" and includes {joined_with_and([i[0].lower() + i[1:] for i in _items(described[name])])}"
                          if name in described else "")
                       for name in reversed(below) if name in prices]
            self.reply.add(f"I'm sorry it costs more than you'd like. {on_plan(customer.plan, customer.plan_price)}.")
            if options:
                self.reply.add(f"The {'plan' if len(options) == 1 else 'plans'} below it: {'; '.join(options)}.")
                entry = self._entry_on(_STEPS_ENTRY["downgrade"])
                if entry is not None:
                    self._quote(entry, f"You can move down yourself: {entry.answer}")
                else:
                    self.reply.add("You can change plan under **Billing → Plan**.")
        self.reply.add("Our help centre doesn't mention any discounts, so I can't offer one; a person from our team can "
                       f"tell you if there are any: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    @staticmethod
    def _costs(price: Decimal) -> str:
        return f"costs {money(price)} a month" if price else "costs nothing"

    # ------------------------------------------------------------ asked to make the change

    def answers_plan_change_request(self) -> bool:
        """"Upgrade me to Business", "cancel my subscription for me", or "just do it for me" after the steps: no
        action of ours changes or cancels a plan (the action port files refunds and unlocks only), so the reply
        says so plainly, with the help centre's steps for the move in the direction the customer's plan and the
        plan named make it, and, asked again, a person who can help. A customer already on that plan (or on
        Free, asked to cancel) is told so instead. False, having said nothing, for any other message."""
        if (self._tells_when_the_move_happens() or self._tells_what_the_move_costs()
                or self._tells_when_an_upgrade_is_charged() or self._why_no_plan_change_here()):
            # Not requests, but writer.py asks this part first about a plan change, and only this part knows which
            # move the question before asked for.
            return True
        asked, again = self._plan_change_asked()
        if asked is None:
            return False
        move, target = self._move_asked(asked)
        if self._no_move_to_make(move, target, asked, again=again):
            return True
        customer = self.ctx.customer
        what = (_CANNOT if target else _CANNOT_UNNAMED)[move].format(target)
        if again:
            self.reply.add(f"I'm sorry, I can't {what} myself: this chat has {_NO_PLAN_CHANGE_HERE} (the "
                           "only changes I can make to an account are asking for a refund and unlocking it), so the "
                           "change has to be made from your account.")
        else:
            own = f"{on_plan(customer.plan, customer.plan_price)}. " if customer is not None else ""
            worded = "upgrade" if UPGRADING.search(asked) else "downgrade" if DOWNGRADING.search(asked) else move
            if customer is not None and target is not None and move in ("upgrade", "downgrade") and worded != move:
                # "Upgrade me to Pro" from Business: the steps for the way the move really goes.
                own += (f"{customer.plan} is {'above' if move == 'downgrade' else 'below'} {target}, so moving to "
                        f"{target} is {'a downgrade' if move == 'downgrade' else 'an upgrade'}. ")
            self.reply.add(f"{own}I can't {what} from this chat, as I have {_NO_PLAN_CHANGE_HERE}, but "
                           "you can make the change yourself.")
        entry = self._entry_on(_STEPS_ENTRY[move]) if move in _STEPS_ENTRY else None
        if entry is None:
            self.reply.add("You can change plan under **Billing → Plan**.")
        else:
            # Asked again, the steps in short: the first sentence is what to do, the rest was said before.
            self._quote(entry, f"Here's how: {sentences(entry.answer)[0] if again else entry.answer}")
        if again:
            self.reply.add(f"If you'd rather someone from our team helped you with it, I can {OFFER_PERSON} from "
                           "our support team: just say so.", answers=False)
        return True

    def _why_no_plan_change_here(self) -> bool:
        """"Why not?" right after "I can't upgrade you to Pro from this chat": what this chat can change, and that the
        change is the customer's to make (it got "there are no invoices on your account yet"). False, having said
        nothing, for another message."""
        if not WHY_ALONE.match(self.ctx.message) or _NO_PLAN_CHANGE_HERE not in last_assistant_text(self.ctx):
            return False
        self.reply.add("Changing a plan isn't something I can do from this chat: the only changes I can make to an "
                       "account are asking for a refund and unlocking it. Plan changes are made from your account, "
                       "under **Billing → Plan**, where you can make this one yourself.")
        self.reply.add(f"If you'd rather someone from our team helped you with it, I can {OFFER_PERSON}: just say so.",
                       answers=False)
        return True

    def _tells_when_the_move_happens(self) -> bool:
        """"When does it take effect?" after "downgrade me to free instead": when that move happens, in the words of
        the help centre's entry on it; the cancellation asked for before the downgrade is no longer what "it" is.
        False, having said nothing, for another message, or when the question before asks no move."""
        previous = previous_user_text(self.ctx)
        if (self.text != self.ctx.message or not _ASKS_WHEN_IT_HAPPENS.match(self.text) or previous is None
                or not plan_change_named(previous)):
            return False
        move, _ = self._move_asked(previous)
        entry = self._entry_on(_STEPS_ENTRY[move]) if move in _STEPS_ENTRY else None
        when = [s for s in sentences(entry.answer) if _SAYS_WHEN.search(s)] if entry is not None else []
        if not when:
            return False
        self._quote(entry, " ".join(when))
        return True

    def _tells_what_the_move_costs(self) -> bool:
        """"How much will I be charged?" after "upgrade me to pro": the plan's monthly price from the plan catalogue
        and how the help centre's entry on the move says it is billed ("we charge the difference for the rest of
        the month"). Not the invoices: none is issued for a move not yet made. False, having said nothing, for
        another message, or when the question before asks no move to a plan with a known price."""
        previous = previous_user_text(self.ctx)
        # The customer's own words: "how much more is it?" after the upgrade's steps is read as asked of the plan the
        # steps named ("how much more is the business plan?"), which is the move's target here.
        if not asks_what_it_costs(self.ctx.message) or previous is None or not plan_change_named(previous):
            return False
        move, target = self._move_asked(previous)
        price = self._monthly_prices().get(target) if target is not None else None
        if price is None or move not in ("upgrade", "downgrade"):
            return False
        customer = self.ctx.customer
        if price and customer is not None and customer.plan_price and re.match(HOW_MUCH_MORE, self.ctx.message, re.IGNORECASE):
            # "How much more is it?": both prices and their difference, each a figure the facts hold.
            self.reply.add(f"{target} costs {money(price)} a month; you pay {money(customer.plan_price)} a month for "
                           f"{customer.plan} now{self._so_a_month(target)}.")
        else:
            self.reply.add(f"{target} costs {money(price)} a month." if price else f"{target} costs nothing.")
        entry = self._entry_on(_STEPS_ENTRY[move])
        billed = [s for s in sentences(entry.answer) if _SAYS_HOW_BILLED.search(s)] if entry is not None else []
        if entry is not None and billed:
            self._quote(entry, "How the change is billed: " + " ".join(billed))
        return True

    def _tells_when_an_upgrade_is_charged(self) -> bool:
        """"Will I be charged immediately if I upgrade?": the plan above the customer's (or the one named) and its price,
        and how the help centre's entry on upgrading says it is charged ("applies at once and we charge the difference
        for the rest of the month"). It got the next plan's price and contents, and nothing of when. False, having said
        nothing, for another message, without the entry, or from the top plan."""
        if not _CHARGED_FOR_AN_UPGRADE.search(self.ctx.message):
            return False
        entry = self._entry_on(_STEPS_ENTRY["upgrade"])
        billed = [s for s in sentences(entry.answer) if _SAYS_HOW_BILLED.search(s)] if entry is not None else []
        if entry is None or not billed:
            return False
        _, target = self._move_asked(self.ctx.message)
        order = self._plans_in_order()
        customer = self.ctx.customer
        if target is None and customer is not None and customer.plan in order[:-1]:
            target = order[order.index(customer.plan) + 1]  # "if I upgrade": the plan above theirs
        if customer is not None and customer.plan == (order[-1] if order else None) and target is None:
            return False  # Business: there is no upgrade to charge for
        price = self._monthly_prices().get(target) if target is not None else None
        to = f" to {target} ({money(price)} a month)" if target is not None and price else ""
        self._quote(entry, f"If you upgrade{to}: {billed[0][:1].lower()}{billed[0][1:]}")
        return True

    def _plan_change_asked(self) -> tuple[str | None, bool]:
        """The message that asks for the plan to be changed, and whether this one asks again ("do it" after
        it); None when nothing asks that. A go-ahead to an offer of a refund or an unlock is that offer's."""
        if asks_us_to_change_plan(self.text):
            return self.text, False
        customer = self.ctx.customer
        if customer is not None and (plan_moved_to(self.text) or "").lower() == customer.plan.lower():
            # "I want to change to the pro plan" from Pro: nothing to change, which is said (it got the invoice list).
            return self.text, False
        if not asks_us_to_do_it(self.ctx.message):
            return None, False
        last = last_assistant_text(self.ctx)
        offered = OFFER_PERSON in last or "would you like me to" in last.lower()
        if OFFER_REFUND in last or OFFER_UNLOCK in last or (affirms(self.ctx.message) and offered):
            return None, False
        # "Why can't you do it for me?" after "I'd like to cancel" and "the business plan": the change asked a turn or
        # two before, the plan named since ("the business plan" alone names no change).
        recent = [turn.text for turn in reversed(self.ctx.history) if turn.role == "user"][:TOPIC_TURNS]
        if (asked := next((text for text in recent if plan_change_named(text)), None)) is not None:
            return asked, True
        if (other := plan_gone_ahead_with(self.ctx)) is not None:
            # "Let's do it" after "what's the difference between pro and business?" from Pro: the move to the
            # other plan, asked for the first time (it was "I don't have enough information").
            return f"switch me to {other}", False
        if (move := self._move_past_the_plans_compared()) is not None:
            return move, False
        return None, False

    def _move_past_the_plans_compared(self) -> str | None:
        """"Ok let's do it" from Free right after Pro and Business were set side by side: a move up, to whichever of
        them (both are above Free), asked of this chat. It got the list of plans and "I don't have enough information".
        None for any other message, or when the customer is on one of the plans compared (plan_gone_ahead_with)."""
        customer = self.ctx.customer
        last = last_assistant_text(self.ctx)
        if customer is None or not goes_ahead_with_a_change(self.ctx.message) or _SIDE_BY_SIDE not in last:
            return None
        order = [name.lower() for name in self._plans_in_order()]
        compared = {name.lower() for name in _PLAN_NAMES.findall(last)} - {customer.plan.lower()}
        own = customer.plan.lower()
        if own not in order or len(compared) < 2 or not compared <= set(order):
            return None
        if all(order.index(name) > order.index(own) for name in compared):
            return _UP_TO_EITHER
        if all(order.index(name) < order.index(own) for name in compared):
            return _DOWN_TO_EITHER
        return None

    def _plans_in_order(self) -> list[str]:
        prices = self._monthly_prices()
        return sorted(prices, key=lambda name: prices[name])

    def _move_asked(self, asked: str) -> tuple[str, str | None]:
        """"upgrade", "downgrade", "cancel" or "change", and the plan it names ("Business"), if any: the
        direction from the customer's plan to the one named when both are known, else from the words."""
        order = self._plans_in_order()
        names = {name.lower(): name for name in order}
        if CANCELLING.search(asked):
            return "cancel", None
        if asked in (_UP_TO_EITHER, _DOWN_TO_EITHER):
            return ("upgrade" if asked == _UP_TO_EITHER else "downgrade"), None  # either of the two plans compared
        named = [names[m[1].lower()] for m in _MOVE_TO.finditer(asked) if m[1].lower() in names]
        if not named:
            named = [name for name in order if re.search(rf"\b{re.escape(name)}\b", asked, re.IGNORECASE)]
        # "I want to upgrade": its "to upgrade" names no plan, so no target is read from it.
        target = named[0] if named and (len(named) == 1 or _MOVE_TO.search(asked)) else None
        customer = self.ctx.customer
        if target is None and not named:
            # "I want to upgrade" after "how much is Business?": the plan the conversation named. Not one the other way
            # from the customer's plan: "ok how do I upgrade then" after "a free trial of business?" from Business.
            target = self._plan_named_earlier(order)
            if target is not None and customer is not None and customer.plan in order:
                up = order.index(target) > order.index(customer.plan)
                if (UPGRADING.search(asked) and not up) or (DOWNGRADING.search(asked) and up):
                    target = None
        if target is not None and customer is not None and customer.plan in order:
            at, to = order.index(customer.plan), order.index(target)
            if to != at:
                return ("upgrade" if to > at else "downgrade"), target
        if UPGRADING.search(asked):
            return "upgrade", target
        return ("downgrade" if DOWNGRADING.search(asked) else "change"), target

    def _plan_named_earlier(self, order: list[str]) -> str | None:
        """The one plan other than the customer's that the latest earlier message naming plans named ("how
        much is Business?"), or None when none did or it named several."""
        own = self.ctx.customer.plan if self.ctx.customer is not None else None
        for turn in reversed(self.ctx.history):
            if turn.role != "user":
                continue
            named = [name for name in order
                     if name != own and re.search(rf"\b{re.escape(name)}\b", turn.text, re.IGNORECASE)]
            if named:
                return named[0] if len(named) == 1 else None
        return None

    def answers_plan_change_wish(self) -> bool:
        """"I want to upgrade", naming no plan: the help centre's steps for the move, to the plan the
        conversation named when it named one, with the customer's own plan; "to business" after it, the same for
        that plan, with its price. False, having said nothing, for a message that asks something else or names a
        plan (the billing part answers those)."""
        where_to = self._wished_move_narrowed()
        wants_to_move = _WANTS_TO_MOVE.search(self.text) or asks_for_a_plan_change_alone(self.ctx.message)
        if where_to is None and (
                not wants_to_move or asks_us_to_change_plan(self.text)
                or CANCELLING.search(self.text) or any(re.search(rf"\b{re.escape(name)}\b", self.text, re.IGNORECASE)
                                                       for name in self._plans_in_order())):
            return False
        move, target = self._move_asked(where_to or self.text)
        entry = self._entry_on(_STEPS_ENTRY[move]) if move in _STEPS_ENTRY else None
        if entry is None:
            return False
        if self._no_move_to_make(move, target, self.text, again=False):
            return True
        # "How do I upgrade?" from Pro: Business is the one plan that way, which "choose Pro or Business" leaves to
        # the customer to work out.
        target = target or self._only_plan_that_way(move)
        customer = self.ctx.customer
        own = f"{on_plan(customer.plan, customer.plan_price)}. " if customer is not None else ""
        if where_to is not None and target is not None and (price := self._monthly_prices().get(target)) is not None:
            own += f"{target} is {money(price)} a month. " if price else f"{target} costs nothing. "
        to = f" to {target}" if target is not None else ""
        self.reply.add(f"{own}You can {move}{to} yourself from your account.")
        self._quote(entry, f"Here's how: {entry.answer}")
        return True

    def answers_plan_change_unnamed(self) -> bool:
        """"How do I change my plan?": the ways the customer's plan can move (up, down or both) with the help centre's
        steps for each; a visitor gets both (the plan and the invoice list came). False, having said nothing, for
        another message or without the entries."""
        if not asks_to_change_plan_unnamed(self.ctx.message):
            return False
        order = self._plans_in_order()
        customer = self.ctx.customer
        at = order.index(customer.plan) if customer is not None and customer.plan in order else None
        ways = {"upgrade": order[at + 1:] if at is not None else [], "downgrade": order[:at] if at is not None else []}
        moves = [move for move, plans in ways.items() if plans or at is None]
        entries = {move: self._entry_on(_STEPS_ENTRY[move]) for move in moves}
        if not moves or any(entry is None for entry in entries.values()):
            return False
        if customer is not None and at is not None:
            where = ", or ".join(f"{move} to {' or '.join(reversed(ways[move]) if move == 'downgrade' else ways[move])}"
                                 for move in moves)
            self.reply.add(f"{on_plan(customer.plan, customer.plan_price)}. You can change it yourself from your "
                           f"account: {where}.")
        else:
            self.reply.add("You can change your plan yourself from your account, up or down.")
        for move, entry in entries.items():
            assert entry is not None
            self._quote(entry, f"To {move}: {entry.answer}" if len(moves) > 1 else f"Here's how: {entry.answer}")
        return True

    def _wished_move_narrowed(self) -> str | None:
        """"To business" right after "can I upgrade?" or "I want to downgrade": that move, to the plan now named
        ("I want to upgrade to the business plan", as follow_up.asked_of_a_plan reads it); the steps before were
        for any plan that way, and saying them again word for word was "my answer is the same". None otherwise."""
        previous = previous_user_text(self.ctx)
        if (not names_where_the_move_goes(self.ctx.message) or previous is None or self.text == self.ctx.message
                or not (_WANTS_TO_MOVE.search(previous) or asks_for_a_plan_change_alone(previous)
                        or asks_to_change_plan_unnamed(previous))):
            return None
        return self.text

    def _only_plan_that_way(self, move: str) -> str | None:
        """The one plan above the customer's for an upgrade, or below it for a downgrade; None when there are more,
        none, or the customer's plan is not known."""
        order = self._plans_in_order()
        customer = self.ctx.customer
        if customer is None or customer.plan not in order or move not in ("upgrade", "downgrade"):
            return None
        at = order.index(customer.plan)
        that_way = order[at + 1:] if move == "upgrade" else order[:at]
        return that_way[0] if len(that_way) == 1 else None

    def _no_move_to_make(self, move: str, target: str | None, asked: str, *, again: bool) -> bool:
        """Say so when the customer is on the plan asked for already, on the highest plan asked to upgrade, on
        the lowest asked to downgrade, or on Free asked to cancel; False, having said nothing, else."""
        customer = self.ctx.customer
        order = self._plans_in_order()
        if customer is None or customer.plan not in order:
            return False
        own = on_plan(customer.plan, customer.plan_price).replace("You're on", "You're already on", 1)
        at = order.index(customer.plan)
        if move == "cancel":
            if customer.plan_price:
                return False
            self.reply.add(f"You're on the {customer.plan} plan already, so there's no paid plan to cancel"
                           f"{': nothing for me to do there' if again else ''}.")
            return True
        if target is not None and target != customer.plan:
            return False
        down = DOWNGRADING.search(asked) is not None
        if target is None and not (down and at == 0) and not (UPGRADING.search(asked) and at == len(order) - 1):
            return False
        if target is None and {name.lower() for name in order} != PLAN_KEYS:
            # Priced only from the entries at hand ("choose Pro ($29/month) or Business ($99/month)"), Free was missing
            # and Pro read as the lowest plan: with plans unpriced, which is lowest or highest is not known here.
            return False
        if down:
            nearby = (f"{customer.plan} is our lowest plan, so there's nothing below it to move to." if at == 0
                      else f"The plan below it is {order[at - 1]}.")
        else:
            nearby = (f"{customer.plan} is our highest plan, so there's nothing above it to upgrade to."
                      if at == len(order) - 1 else f"The plan above it is {order[at + 1]}.")
        if again:
            # "Do it" after being told: there is still nothing to do, said in other words than the last reply.
            self.reply.add(f"There's nothing for me to change there: {own[0].lower()}{own[1:]}. {nearby} If you "
                           "meant a different change, tell me which and I'll tell you how it's done.")
            return True
        self.reply.add(f"{own}, so there's no change to make. {nearby}")
        return True

    def answers_another_way_than_deleting(self) -> bool:
        """"Are you sure there's no other way?" right after the steps to delete the account: cancelling the plan, which
        keeps apps and data, and the export, as the help centre words them. It got "my answer is the same" and the
        deletion's steps again. False, having said nothing, for another message or without the entry on cancelling."""
        if not _ANOTHER_WAY.search(self.ctx.message) or "Delete account" not in last_assistant_text(self.ctx):
            return False
        cancelling = self._entry_on("cancel")
        if cancelling is None:
            return False
        self.reply.add("If what you want is to stop paying, you can cancel your plan instead of deleting the account. "
                       f"What our help centre says about cancelling: {cancelling.answer}")
        self._cite_faq(cancelling)
        if (export := self._entry_on("export")) is not None:
            self.reply.add(f"And if you do delete it, you can take a copy of your data first: {export.answer}",
                           answers=False)
            self._cite_faq(export)
        return True

    def answers_how_long_a_plan_move_takes(self) -> bool:
        """"How long does the upgrade take?", "how long does it take to downgrade?": when the help centre's entry on the
        move says it applies ("The upgrade applies at once …", "The downgrade takes effect at the end of your current
        billing period …"). It got the rate limits' guide, for its step "upgrade your plan", or the scope reply. False,
        having said nothing, for another message or without the entry."""
        if (move := plan_move_asked_how_long(self.ctx.message)) is None:
            return False
        entry = self._entry_on("upgrad" if move == "upgrade" else "downgrad")
        told = [s for s in sentences(entry.answer) if TAKES.search(s) or "takes effect" in s] if entry else []
        if entry is None or not told:
            return False
        self.reply.add(" ".join(told))
        self._cite_faq(entry)
        return True

    def answers_cancelling_on_free(self) -> bool:
        """"How do I cancel?", "I'm on free, do I need to cancel?" from a customer on a plan that costs nothing: there is
        no paid plan to cancel (the entry's steps came, "your paid plan stays active …", as if there were), and where
        the account itself is closed, if that is what they are after. False, having said nothing, for another message,
        a visitor or a paying customer."""
        customer = self.ctx.customer
        if customer is None or customer.plan_price or not _ASKS_TO_CANCEL_THE_PLAN.search(self.ctx.message):
            return False
        self.reply.add(f"You're on the {customer.plan} plan, which costs nothing, so there's no paid plan to cancel and "
                       "nothing you need to do.")
        if (deleting := self._entry_on("delete", "account")) is not None:
            self.reply.add(f"If you want to close the account itself, our help centre says: {deleting.answer}",
                           answers=False)
            self._cite_faq(deleting)
        return True

    def answers_coming_back_after_cancelling(self) -> bool:
        """"Can I come back later?" after asking to cancel: yes, as the help centre describes it; cancelling moves the
        account to Free with its apps and data kept (the entry on cancelling), and a paid plan is taken up again as any
        upgrade is (its entry). False, having said nothing, for another message or without those entries."""
        if not asks_to_come_back_after_cancelling(self.ctx):
            return False
        cancelling, upgrade = self._entry_on("cancel"), self._entry_on("upgrade")
        kept = self._on_apps_and_data(cancelling)
        if cancelling is None or upgrade is None or not kept:
            return False
        if self.ctx.customer is not None and self.ctx.customer.plan.lower() == "free":
            self._quote(upgrade, "You're on the Free plan already, so there's no paid plan to cancel, and you can take up "
                                 f"one whenever you like: {upgrade.answer}")
            return True
        self._quote(cancelling, f"Yes. Cancelling doesn't close your account, as our help centre puts it: {' '.join(kept)}")
        self._quote(upgrade, f"To come back to a paid plan, you upgrade again: {upgrade.answer}", answers=False)
        return True

    def answers_what_cancelling_keeps(self) -> bool:
        """Tell what cancelling (or deleting the account, or downgrading) does to the customer's apps and data, when
        the message asks that of a conversation about it and the help centre's entry on it was found. False,
        having said nothing, otherwise."""
        # "And my apps?" after "will I lose my invoices?" is asked as that question, of the apps (question_as_asked).
        asked = self.text if fate_asked_of_other_things(self.ctx) else self.ctx.message
        if (not (asks_what_becomes_of(asked) or asks_of_sleep_after_an_upgrade(self.ctx)
                 or asks_of_things_after_a_move(self.ctx))
                or DELETING_THE_ACCOUNT.search(self.ctx.message) or asks_what_nonpayment_does(self.ctx.message)):
            # "What happens to my data if I delete my account?" names its entry: the account part quotes it. "Will I
            # lose my app if I don't pay?" after the upgrade's steps is not losing it to the move: the billing part's.
            return False
        topic = with_topic(self.ctx)
        # "And my data?" after "will I lose my apps?" after "how do I cancel?": the cancelling is two questions back.
        if CANCELLING.search(topic) or fate_of_other_things_after_cancelling(self.ctx):
            told = self._what_cancelling_keeps()
        elif DELETING_THE_ACCOUNT.search(topic):
            told = self._what_deleting_removes()
        elif DOWNGRADING.search(topic):
            told = self._what_downgrading_keeps()
        elif UPGRADING.search(topic) or speaks_of_an_upgrade(self.ctx):
            # "Will I lose my apps?" right after "how do I upgrade?", which the topic leaves out when read alone.
            # "Will my app stop sleeping?": what the help centre says of sleep on the plans above, with it.
            told = self._what_upgrading_does_to_sleep() if asks_of_sleep_after_an_upgrade(self.ctx) else (
                self._what_upgrading_brings())
        elif _CHANGES_EMAIL.search("\n".join([topic, *(t.text for t in self.ctx.history[-4:] if t.role == "user")])):
            # "Will I lose my invoices?" right after "how do I change my email?" (it asks ahead, leaning on nothing),
            # and "and my apps?" after that.
            told = self._what_an_email_change_keeps()
        elif asks_what_becomes_of_them_alone(topic):
            told = self._what_each_ending_does()
        else:
            return False
        if told and _INVOICES.search(self.ctx.message) and not any(_INVOICES.search(p) for p in self.reply.paragraphs):
            # "Will my invoices be deleted too?" after asking how to delete the account: the entries speak of apps and
            # data, and a customer's invoices may be kept for other reasons; it got the invoice list.
            self.reply.add("It doesn't say whether your invoices are kept, so I'd rather not guess: would you like me "
                           f"to {OFFER_PERSON} from our team, who can check?", answers=False)
        return told

    def _what_an_email_change_keeps(self) -> bool:
        """"Will I lose my invoices?" after asking how to change the email address: what the help centre says the change
        changes (the address sign-in and invoices use), and that it says nothing is removed, with a person to confirm.
        It got the invoice list. False, having said nothing, when neither the entry on changing the address was found
        for this message nor its words were the last reply's."""
        entry = self._entry_on("change", "email")
        replies = [t.text for t in self.ctx.history[-4:] if t.role == "assistant" and "Settings → Profile" in t.text]
        told = entry.answer if entry is not None else replies[-1] if replies else None
        if told is None:
            return False
        until = next((s for s in sentences(told) if re.search(r"\buntil\b", s, re.IGNORECASE)), None)
        said = f" (“{until}”)" if until else ""
        self.reply.add(f"Changing your email address changes the address your sign-in and invoices use{said}; our help "
                       "centre doesn't say it removes anything from your account, such as your invoices or apps. If "
                       f"you'd like that confirmed, I can {OFFER_PERSON} from our team.")
        if entry is not None:
            self._cite_faq(entry)
        return True

    def _what_downgrading_keeps(self) -> bool:
        """"What happens to my apps if I downgrade to Free?": when the downgrade takes effect and what the plan moved
        to includes, as the help centre and the plans say, and that neither says what becomes of apps or data beyond
        it, with a person offered. It got the customer's plan and invoices, which answer nothing of it."""
        entry = self._entry_on("downgrad")
        if entry is None:
            return False
        listing = self._tiers()
        target = self._plan_moved_to("downgrade", entry, listing)
        current = self.ctx.customer.plan if self.ctx.customer is not None else None
        if current is not None and self._not_a_move_down(current, target, listing):
            return True
        self._when_the_move_happens(entry, lead="")
        after = next((plan for plan in listing if target is not None and plan.name.lower() == target.lower()), None)
        if after is not None and after.items:
            self.reply.add(f"{after.name} includes {self._listed(after)}.")
            self._cite(after)
        self.reply.add("Our help centre doesn't say what happens to apps or data beyond what the smaller plan "
                       f"includes, and I'd rather not guess: would you like me to {OFFER_PERSON} from our team, who "
                       "can check?")
        return True

    def _what_upgrading_brings(self, *, lost: bool = False) -> bool:
        """"What happens to my app when I upgrade?": when the upgrade applies and what the plan moved to includes, as
        the help centre and the plans say, and that it says nothing else of what becomes of apps. It got the
        customer's plan and invoices, and a visitor was asked to sign in."""
        entry = self._entry_on("upgrad")
        if entry is None:
            return False
        listing = self._tiers()
        order = [plan.name.lower() for plan in listing]
        # "If I upgrade to business", or the request before it: "how do I upgrade to business?" then "what happens …".
        asked = [self.ctx.message, previous_user_text(self.ctx) or ""]
        named = next((m[1].lower() for text in asked for m in _DOWN_TO.finditer(text) if m[1].lower() in order), None)
        customer = self.ctx.customer
        at = order.index(customer.plan.lower()) if customer is not None and customer.plan.lower() in order else None
        if named is None and at is not None:
            if at == len(order) - 1:
                self.reply.add(f"You're on the {listing[at].name} plan, our highest, so there's no plan to move up "
                               "to: what your plan includes stays as it is.")
                return True
            named = order[at + 1]  # "when I upgrade", said by a customer on Free: the plan above theirs
        if named is not None and at is not None and order.index(named) <= at:
            self.reply.add(f"You're on the {listing[at].name} plan, so there's no move up to "
                           f"{listing[order.index(named)].name} to make: what your plan includes stays as it is.")
            return True
        when = [s for s in sentences(entry.answer) if TAKES.search(s)]
        # "Will I lose anything?" after the steps to upgrade: nothing the help centre mentions, said first.
        lead = "Our help centre doesn't mention losing anything when you upgrade. " if lost else ""
        self.reply.add(lead + (" ".join(when) if when else entry.answer))
        self._cite_faq(entry)
        after = listing[order.index(named)] if named is not None else None
        if after is not None and after.items:
            self.reply.add(f"{after.name} includes {self._listed(after)}.")
            self._cite(after)
        self.reply.add("Our help centre doesn't say anything else changes for your apps or data when you upgrade. If "
                       f"something in particular worries you, tell me, or I can {OFFER_PERSON} from our team.")
        return True

    def _what_upgrading_does_to_sleep(self) -> bool:
        """"Will my app stop sleeping right away?" after "I want to upgrade to pro": what the help centre's entry on
        sleeping apps says of the paid plans, and when an upgrade applies (it got the scaling guide's steps). False,
        having said nothing, without the entry on sleep."""
        entry = self._entry_on("sleep")
        awake = [s for s in sentences(entry.answer) if NEVER_SLEEP.search(s)] if entry is not None else []
        if entry is None or not awake:
            return False
        self._quote(entry, f"Our help centre says: {' '.join(awake)}")
        customer = self.ctx.customer
        if customer is not None and re.search(rf"\b{re.escape(customer.plan)}\b", " ".join(awake), re.IGNORECASE):
            # Alice, on Pro, after the steps to Business: hers never sleep, before the move and after it.
            self.reply.add(f"You're on {customer.plan}, so yours don't sleep now, and they won't after an upgrade "
                           "either.", answers=False)
            return True
        upgrade = self._entry_on("upgrad")
        when = [s for s in sentences(upgrade.answer) if TAKES.search(s)] if upgrade is not None else []
        if upgrade is not None and when:
            self.reply.add(f"And on upgrading: {' '.join(when)}", answers=False)
            self._cite_faq(upgrade)
        return True

    def answers_charges_after_cancelling(self) -> bool:
        """"Will I be charged after I cancel?": the entry on cancelling's sentences on when the paid plan ends and
        what the account moves to, with what that plan costs. False, having said nothing, for another question or
        with no such entry among the matches."""
        if (not (CANCELLING.search(self.text) and _CHARGED_AFTER.search(self.text)) or _PAUSING.search(self.text)
                or asks_about_a_cancellation_fee(self.text)
                # "What if I just stop paying?": an unpaid account, not a cancelled one.
                or asks_what_nonpayment_does(self.ctx.message)):
            return False  # "the cancellation charge" asks for a fee, which the billing part says is never mentioned
        if CHARGED_AFTER_CANCELLING.search(self.text) and self.facts.subscription is not None:
            return False  # "I cancelled and still got charged": a charge reported, which the billing part looks into
        entry = self._entry_on("cancel")
        told = [s for s in sentences(entry.answer) if _UNTIL_THE_END.search(s)] if entry is not None else []
        if entry is None or not told:
            return False
        self._quote(entry, "What our help centre says about cancelling: " + " ".join(told))
        moves_to = _MOVES_TO.search(" ".join(told))
        after = next((p for p in self.facts.plans if moves_to and p.name.lower() == moves_to[1].lower()), None)
        if after is not None:
            cost = "nothing" if not after.price_monthly else f"{money(after.price_monthly)} a month"
            self.reply.add(f"The {after.name} plan costs {cost}.", answers=False)
        return True

    def answers_charges_after_deleting(self) -> bool:
        """"Will I still be charged?" after asking how to delete the account, "if I delete my account will I still be
        charged?": deleting is not cancelling, and the help centre's entry on deleting says to cancel a paid plan first,
        with the entry on cancelling and the customer's next charge. It got the invoice list, or the deletion's steps
        again. False, having said nothing, for another message or without the deletion's entry."""
        if not asks_if_deleting_stops_charges(self.ctx):
            return False
        plan = self.facts.subscription
        if plan is not None and not plan.price_monthly:
            self.reply.add(f"You're on the {plan.plan} plan, which costs nothing, so there's nothing to be charged "
                           "whether or not you delete your account.")
            return True
        deleting = self._entry_on("delete", "account")
        first = next((s for s in sentences(deleting.answer) if CANCELLING.search(s)), None) if deleting else None
        if first is None:
            return False
        # Said as the entry says it: what deleting does to a plan left running, it does not say.
        self._quote(deleting, "Before you delete your account, our help centre says to "
                              f"{first[:1].lower()}{first[1:].split(';')[0].rstrip('.')}: a paid plan's charges stop "
                              "when it is cancelled.")
        if (cancelling := self._entry_on("cancel")) is not None and cancelling is not deleting:
            self._quote(cancelling, f"To cancel: {cancelling.answer}")
        if plan is not None and plan.price_monthly and plan.renews_on is not None and plan.status != "cancelled":
            self.reply.add(f"Until then, your {plan.plan} plan renews on {plan.renews_on.isoformat()} at "
                           f"{money(plan.price_monthly)}.", answers=False)
        return True

    def answers_about_pausing(self) -> bool:
        """"Can I pause my subscription?": no entry speaks of pausing, so say so, with what the entries on cancelling
        and downgrading say instead, and offer a person. False, having said nothing, for another question or
        when an entry found does speak of pausing."""
        if not _PAUSING.search(self.text) or not re.search(r"\b(?:subscription|plan|account|billing)\b", self.text,
                                                          re.IGNORECASE):
            return False
        if any(_PAUSING.search(m.answer) for m in self.facts.faq):
            return False  # the help centre speaks of it: its entry answers as any other
        self.reply.add(f"{PAUSE_UNDESCRIBED}, so I can't promise that it's possible.")
        for verb in ("cancel", "downgrade"):
            if (entry := self._entry_on(verb)) is not None:
                self._quote(entry, f"What it says about {'cancelling' if verb == 'cancel' else 'downgrading'}: "
                                   f"{entry.answer}", answers=False)
        self.reply.add(f"If you'd like to ask about a pause, I can {OFFER_PERSON} from our team.", answers=False)
        return True

    def _what_cancelling_keeps(self) -> bool:
        entry = self._entry_on("cancel")
        told = self._on_apps_and_data(entry)
        if entry is None or not told:
            return False
        self._quote(entry, "What our help centre says about cancelling: " + " ".join(told))
        self._plan_after_cancelling(" ".join(told))
        deleting = self._entry_on("delete")
        # "Cancel any paid plan first; deleting removes your apps and data …": the clause on what it removes,
        # the step a customer afraid of losing their apps should not take by mistake.
        removes = self._what_deleting_removes_of(deleting)
        if deleting is not None and removes:
            self._quote(deleting, "Deleting your account is different: " + " ".join(removes), answers=False)
        return True

    def _what_each_ending_does(self) -> bool:
        """"What happens to my data?" with nothing said of what would end it: cancelling keeps apps and data, deleting
        the account removes them, and a copy can be taken first. It got "I don't have enough information", or the
        entry on a charge taken twice ("What happens now?") as a guess."""
        cancelling, deleting, export = self._entry_on("cancel"), self._entry_on("delete"), self._entry_on("export")
        kept = self._on_apps_and_data(cancelling)
        removes = self._what_deleting_removes_of(deleting)
        if cancelling is None or deleting is None or not kept or not removes:
            return False
        self.reply.add("That depends on what you do with your account. What our help centre says:")
        self._quote(cancelling, "If you cancel your plan: " + " ".join(kept), answers=False)
        self._quote(deleting, "If you delete your account: " + " ".join(removes), answers=False)
        if export is not None:
            self._quote(export, f"If you'd like a copy of your data: {export.answer}", answers=False)
        return True

    def _what_deleting_removes(self) -> bool:
        entry = self._entry_on("delete")
        told = self._on_apps_and_data(entry)
        if entry is None or not told:
            return False
        self._quote(entry, "What our help centre says about deleting your account: " + " ".join(told))
        export = self._entry_on("export")
        if export is not None:
            self._quote(export, f"If you'd like a copy first: {export.answer}", answers=False)
        return True

    @classmethod
    def _what_deleting_removes_of(cls, deleting: FaqMatch | None) -> list[str]:
        """The clauses of the entry on deleting the account that say what deleting removes ("deleting removes your apps
        and data for good after a 7-day grace period …"), without the steps around them."""
        return [clause for clause in cls._on_apps_and_data(deleting, clauses=True) if "delet" in clause.lower()]

    @staticmethod
    def _on_apps_and_data(entry: FaqMatch | None, *, clauses: bool = False) -> list[str]:
        """The sentences (or clauses) of an entry's answer that say what becomes of apps and data."""
        if entry is None:
            return []
        parts = [p.strip() for s in sentences(entry.answer) for p in (s.split(";") if clauses else [s])]
        return [p for p in parts if _ABOUT_THINGS.search(p)]

    def _quote(self, entry: FaqMatch, text: str, *, answers: bool = True) -> None:
        self.reply.add(text, answers=answers)
        self._cite_faq(entry)

    def _plan_after_cancelling(self, told: str) -> None:
        """The customer's plan, and what the plan the entry says a cancelled account moves to includes
        (from the plan catalogue, when the billing worker read it)."""
        customer = self.ctx.customer
        moves_to = _MOVES_TO.search(told)
        if customer is None or moves_to is None:
            return
        if customer.plan.lower() == moves_to[1].lower():
            self.reply.add(f"You're on the {customer.plan} plan already, so there's no paid plan to cancel.",
                           answers=False)
            return
        self.reply.add(f"You're on the {customer.plan} plan at {money(customer.plan_price)} a month.", answers=False)
        after = next((p for p in self.facts.plans if p.name.lower() == moves_to[1].lower()), None)
        if after is not None and after.description:
            self.reply.add(f"The {after.name} plan includes: {after.description}", answers=False)

    # ------------------------------------------------------------ what a smaller plan keeps

    def answers_what_a_smaller_plan_keeps(self) -> bool:
        """After asking to cancel or to downgrade, tell whether what the message asks about ("will my custom
        domain still work?") is in the plan the customer moves to, or what the plans above it add ("what do
        I lose?"), and when the move takes effect. False, having said nothing, when the message asks no such
        thing, or names nothing a plan adds (apps and data: the cancellation entry's)."""
        if asks_what_an_upgrade_loses(self.ctx):
            # "Will my apps sleep?" after the upgrade's steps asks of sleep, which the entry on it answers when found.
            return (asks_of_sleep_after_an_upgrade(self.ctx) and self._what_upgrading_does_to_sleep()) or (
                self._what_upgrading_brings(lost=True))
        move = move_to_smaller_plan(self.ctx)
        if move is None:
            return False
        entry = self._entry_on("downgrad" if move == "downgrade" else "cancel")
        listing = self._tiers()
        target = self._plan_moved_to(move, entry, listing)
        current = self.ctx.customer.plan if self.ctx.customer is not None else None
        names = {plan.name for plan in listing} | {n for n in (current, target) if n}
        feature = self._feature_asked(names)
        general = asks_what_lost_in_general(self.ctx.message)
        if not feature and not general:
            # "Will my apps still work?" after cancelling: apps and data are what the cancellation entry
            # speaks of; after a downgrade, the help centre doesn't say, and the other parts answer as before.
            return move == "cancel" and self._what_cancelling_keeps()
        if current is not None and self._not_a_move_down(current, target, listing):
            return True
        if general and not feature:
            kept = self._tell_what_the_move_drops(listing, current, target)
        else:
            kept = self._tell_whether_feature_stays(listing, feature, target, current, names)
        self._when_the_move_happens(entry)
        if kept is not True:
            what = ("anything you've set up that isn't in it" if general and not feature
                    else "team members you already have beyond what it allows" if feature & _PEOPLE
                    else "what you've already set up with it")
            self.reply.add(f"Our help centre doesn't say what happens to {what} when you move, and I'd rather not "
                           f"guess: would you like me to {OFFER_PERSON} from our team, who can check?", answers=False)
        return True

    def _plan_moved_to(self, move: str, entry: FaqMatch | None, listing: list[PlanListing]) -> str | None:
        """The plan the customer moves to: the one the cancellation entry says a cancelled account moves to,
        or the one the downgrade asked for (checked against the plans listed, when they were read), or,
        with no plan named, the only plan below the customer's."""
        known = {plan.name.lower(): plan.name for plan in listing}
        if move == "cancel":
            moves_to = _MOVES_TO.search(entry.answer) if entry is not None else None
            return moves_to[1] if moves_to is not None else None
        # "What do I lose if I downgrade to Pro?" names the plan itself; else the request before did.
        named = next((known[m[1].lower()] for m in _DOWN_TO.finditer(self.ctx.message) if m[1].lower() in known), None)
        if named is not None:
            return named
        asked = previous_user_text(self.ctx) or ""
        for found in _DOWN_TO.finditer(asked):
            word = found[1].lower()
            if word in known:
                return known[word]
            if not known and word not in _NOT_A_PLAN_NAME and word not in GENERIC_WORDS and len(word) > 2:
                return word.capitalize()  # no plan list gathered: the plan as the customer named it
        customer = self.ctx.customer
        own = next((i for i, plan in enumerate(listing) if customer and plan.name.lower() == customer.plan.lower()),
                   None)
        return listing[0].name if own == 1 else None

    def _feature_asked(self, plan_names: set[str]) -> set[str]:
        """What the message asks about ("custom domain"), without the words asking whether it carries on and
        without plan names; read from the message itself, not the topic it follows."""
        plan_words = {stem(w) for w in normalise(" ".join(plan_names)).split()}
        asked = _LEADING_INTERJECTION.sub("", self.ctx.message)
        return {stem(w) for w in normalise(asked).split()
                if w not in GENERIC_WORDS and not w.isdigit()} - _CARRIES_ON - plan_words

    def _not_a_move_down(self, current: str, target: str | None, listing: list[PlanListing]) -> bool:
        """Say so when the customer is on that plan already (or below it), or on the smallest plan with none named;
        False, having said nothing, else."""
        order = [plan.name.lower() for plan in listing]
        if target is None:
            if not order or current.lower() != order[0]:
                return False
            self.reply.add(f"You're on the {listing[0].name} plan, our smallest, so there's no plan to move down to: "
                           "nothing would be taken away.")
            return True
        if current.lower() == target.lower():
            self.reply.add(f"You're on the {current} plan already, so there's no move to {target} to make: what "
                           f"your plan includes stays as it is.")
            return True
        if current.lower() in order and target.lower() in order and order.index(current.lower()) < order.index(
                target.lower()):
            self.reply.add(f"You're on the {current} plan, which is below {target}, so moving to {target} wouldn't "
                           "take anything away.")
            return True
        return False

    def _tell_what_the_move_drops(self, listing: list[PlanListing], current: str | None,
                                  target: str | None) -> bool | None:
        """"What do I lose?": what each step above the plan moved to adds, up to the customer's plan."""
        order = [plan.name.lower() for plan in listing]
        if target is None and current is not None and current.lower() in order[1:]:
            return self._tell_what_each_move_down_drops(listing, order.index(current.lower()))
        if target is None or current is None or target.lower() not in order or current.lower() not in order:
            self.reply.add("I can't see from here what each plan includes, so I can't set out what the move takes "
                           "away.")
            return None
        to, at = listing[order.index(target.lower())], order.index(current.lower())
        steps = listing[order.index(target.lower()) + 1:at + 1]
        said = [f"You're on {listing[at].name}{self._price(listing[at])}. Moving to {to.name}, your plan would no "
                f"longer have what the plan{'s' if len(steps) > 1 else ''} above it add{'' if len(steps) > 1 else 's'}:"]
        previous = to
        for step in steps:
            said.append(f"{step.name} has everything in {previous.name}, plus {self._listed(step)}.")
            previous = step
        if to.items:
            said.append(f"{to.name} includes {self._listed(to)}.")
        self.reply.add(" ".join(said))
        self._cite(to, *steps)
        return False

    def _tell_what_each_move_down_drops(self, listing: list[PlanListing], at: int) -> bool:
        """"Will I lose any features if I downgrade?" from Business, with no plan named: what each plan below would
        take away, step by step. It got "I can't see from here what each plan includes"."""
        own = listing[at]
        # Each plan's list is what it adds to the one below it: moving down a step loses the list of the step left.
        steps = [f"Moving to {listing[at - 1].name}, your plan would no longer have {self._listed(own)}"]
        steps += [f"moving to {listing[lower].name}, it would also lose {self._listed(listing[lower + 1])}"
                  for lower in range(at - 2, -1, -1)]
        said = f"You're on {own.name}{self._price(own)}. {'; '.join(steps)}."
        bottom = listing[0]
        if at > 1 and bottom.items:
            said += f" {bottom.name} includes {self._listed(bottom)}."
        self.reply.add(said)
        self._cite(*listing[:at + 1])
        return False

    def _tell_whether_feature_stays(self, listing: list[PlanListing], feature: set[str], target: str | None,
                                    current: str | None, names: set[str]) -> bool | None:
        """Whether the plan moved to includes what was asked about: True when its list has it, False when
        the lists or the help centre say it comes with plans above it, None when the facts don't say."""
        to = next((plan for plan in listing if target is not None and plan.name.lower() == target.lower()), None)
        found = self._first_listing(listing, feature) if listing else None
        told = self._help_centre_on(feature, names)
        if target is not None and any(target in named for _, _, clauses in told for named in clauses):
            # "Free and Pro accounts can invite up to 3 members": what the help centre says of the plan moved to
            # is more exact than a higher plan's list naming the thing alone ("team members" on Business).
            found = None
        if found is not None and to is not None:
            first, item = found
            comes = _agreeing(item, "come", "comes")
            them = "them" if _plural(item) else "it"
            above = " and the plans above it" if first is not listing[-1] else ""
            self._cite(first, to)
            if listing.index(first) <= listing.index(to):
                self.reply.add(f"{comes[:1].upper()}{comes[1:]} with {first.name}{above}, so {to.name}, the plan "
                               f"you're moving to, includes {them} too.")
                return True
            self.reply.add(f"{comes[:1].upper()}{comes[1:]} with {first.name}{self._price(first)}{above}, not with "
                           f"{to.name}, which includes {self._listed(to)}. So once you're on {to.name}, your plan "
                           f"won't include {them}.")
            return False
        if not told:
            plan = f" whether {target} includes that" if target else " what your new plan includes about that"
            self.reply.add(f"I can't find{plan} in our help centre or plan list.")
            return None
        quoted = "What our help centre says: " + " ".join(sentence for _, sentence, _ in told)
        for match, _, _ in told:
            self._cite_faq(match)
        if target is None:
            self.reply.add(quoted)
            return None
        # Clause by clause: "Free and Pro accounts can invite up to 3 members; Business accounts have no limit"
        # names Free and Business, but says different things of them.
        of_target = [named for _, _, clauses in told for named in clauses if target in named]
        if of_target and not any(current in named for named in of_target):
            # "The Business plan comes with a … SLA. Free and Pro have no SLA": asked by bob whether he loses it on
            # Pro, the clause on Pro denies what the one on Business gives.
            denied = {plan: any(_DENIES.search(clause) for _, sentence, _ in told for clause in sentence.split(";")
                                if re.search(rf"\b{re.escape(plan)}\b", clause))
                      for plan in (target, current)}
            if ASKS_IF_LOST.search(self.text) and denied[target] and not denied[current] and any(
                    current in named for _, _, clauses in told for named in clauses):
                self.reply.add(f"Yes: our help centre says {current} has it and {target} doesn't, so once you're on "
                               f"{target}, your plan won't include that.")
                self.reply.add(quoted)
                return False
            self.reply.add(quoted)
            # The clause the move puts them under, in the help centre's words; without one, which plan's words apply.
            self.reply.add(self._what_applies_instead(told, target, current)
                           or f"What it says of {target} is what applies once you're on {target}.")
            return None
        kept = bool(of_target)
        if ASKS_IF_LOST.search(self.text):
            # "Will I lose the SLA?": the plain answer first, then the help centre's words it rests on.
            self.reply.add(f"No: our help centre says the same of {target} as of {current}, so the move doesn't change "
                           "that." if kept else f"Yes: our help centre doesn't name {target} among the plans with it, "
                           f"so once you're on {target}, your plan won't include that.")
            self.reply.add(quoted)
            return kept
        self.reply.add(quoted)
        self.reply.add(f"{target} is one of the plans it names, as {current} is, so the move doesn't change that." if kept
                       else f"{target} isn't among the plans it names, so once you're on {target}, your plan won't "
                            "include that.")
        return kept

    @staticmethod
    def _what_applies_instead(told: list[tuple[FaqMatch, str, list[set[str]]]], target: str, current: str | None) -> str:
        """"So on Pro, “Free and Pro accounts can invite up to 3 members” applies to you, no longer “Business
        accounts have no limit …”": the first of the help centre's clauses the move puts the customer under, and the
        first it takes them out of, in its own words. Empty when no clause speaks of one plan without the other."""
        def of(plan: str | None, other: str | None) -> list[str]:
            return [clause.strip().rstrip(".") for _, sentence, clauses in told
                    for clause, named in zip(sentence.split(";"), clauses, strict=False)
                    if plan in named and other not in named]
        moved_to, moved_from = of(target, current), of(current, target)
        if not moved_to or not moved_from:
            return ""
        return f"So on {target}, “{moved_to[0]}” applies to you, no longer “{moved_from[0]}”."

    def _help_centre_on(self, feature: set[str], names: set[str]) -> list[tuple[FaqMatch, str, list[set[str]]]]:
        """The gathered help-centre sentences about what was asked that name plans ("Custom domains are on Pro
        and Business."), each with its entry and the plans each of its clauses names; an entry's question may
        say what its sentences are about ("How do I add team members?": "Free and Pro accounts can invite up to
        3 members")."""
        told: list[tuple[FaqMatch, str, list[set[str]]]] = []
        for match in self.facts.faq:
            for sentence in sentences(match.answer):
                clauses = [{name for name in names if re.search(rf"\b{re.escape(name)}\b", clause)}
                           for clause in sentence.split(";")]
                if any(clauses) and feature <= _words(f"{match.question} {sentence}"):
                    text = _LEADING_ANSWER.sub("", sentence)
                    told.append((match, text[:1].upper() + text[1:], clauses))
        return told

    def _when_the_move_happens(self, entry: FaqMatch | None, *, lead: str = "When that happens: ") -> None:
        """When the move takes effect, in the entry's own words ("… at the end of your current billing period")."""
        if entry is None:
            return
        when = [s for s in sentences(entry.answer) if re.search(r"\b(?:end|until|effect)\b", s, re.IGNORECASE)]
        if when:
            self.reply.add(lead + " ".join(when), answers=False)
            self._cite_faq(entry)
