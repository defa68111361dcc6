"""Comparing plans: "what's the difference between Pro and Business?", "pro vs business", "is Business
worth it over Pro?", "what do I get if I upgrade to Business?"; and a plan's price by the year ("how
much is Business per year?").

Answered from the same lists as what a plan includes (reply_plan_features): the plan catalogue the
billing worker read, else the help centre's own words ("Pro adds …; Business adds …"). Plans are
tiers, so the difference between two plans is what each step up between them adds. No opinion on
whether a plan is worth it, and no yearly price or discount the facts don't state: the plans' prices
are monthly, so a yearly figure is for a person to give.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from agents.cues import has_cue
from agents.follow_ups.history import last_assistant_text, previous_user_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.outcome import FaqMatch, Source
from agents.own_data import asks_about_own_plan
from agents.providers.offline.reply_base import GENERIC_WORDS, joined_with_and, money, plan_prices, sentences
from agents.providers.offline.reply_billing import DISCOUNT_CUES, YEARLY_CUES, on_plan
from agents.providers.offline.reply_plan_features import PlanFeatureReplies, PlanListing
from agents.providers.offline.text import normalise
from agents.service_terms import asks_if_a_plan_can_change_later, asks_which_plan_to_choose, plan_chosen_for_a_team

# The patterns below read normalise()d text: lower case, punctuation gone ("vs." is "vs").
# A plan as a comparison names it: "pro", "the business plan", "my plan", "my current plan".
_SLOT = r"(?:(?:the|a|an|your)\s+)?(?P<{0}>(?:my|our)(?:\s+(?:current|own))?|[a-z][a-z0-9']*)(?:\s+(?:plans?|tiers?|subscriptions?))?"
_A, _B = _SLOT.format("a"), _SLOT.format("b")
# Two plans set side by side (one pattern each: a group name can't repeat across alternatives).
COMPARES_TWO = tuple(re.compile(pattern) for pattern in (
    # "Diff between pro n business": "n" for "and", typed in a hurry.
    # "The difference in support between pro and business", "how does support differ between …": in one respect, which
    # the plans' lists set side by side with the rest ("not enough information" came).
    rf"\bdiff(?:erence|erences|ers?)?\s+(?:is\s+there\s+)?(?:in\s+(?:\w+\s+){{1,2}}?)?between\s+{_A}\s+"
    rf"(?:and|n|vs|versus|or|with)\s+{_B}",
    rf"\bcompar(?:e|ed|es|ing|ison\s+(?:of|between))\s+{_A}\s+(?:and|with|to|vs|versus|against)\s+{_B}",
    rf"\b{_A}\s+(?:vs|versus)\s+{_B}",
    rf"\b{_A}\s+differ(?:ent|s)?\s+(?:from|to|than)\s+{_B}",
    rf"\b{_A}\s+(?:really\s+)?worth\s+(?:it\s+|the\s+(?:extra\s+)?(?:money|price|cost)\s+)?"
    rf"(?:over|compared\s+(?:to|with)|instead\s+of|vs|versus|rather\s+than)\s+{_B}",
    rf"\bwhat\s+does\s+{_A}\s+(?:have|offer|include|give\s+you|get\s+you)\s+that\s+{_B}\s+does\s+not\b",
))
# "What does business have over pro?", "what does business add on top of pro?": one plan set above another.
ASKS_WHAT_ONE_HAS_OVER = re.compile(
    rf"\bwhat\s+(?:else\s+)?(?:does|do|would|will)\s+{_A}\s+(?:have|offer|add|include|give(?:\s+you)?|get\s+you)\s+"
    rf"(?:extra\s+|more\s+)?(?:over|beyond|above|on\s+top\s+of|compared\s+(?:to|with))\s+{_B}")
# "What do I get over pro?" after "how much is the business plan?": the plan spoken of before, set against the one
# named; with none, the step up from it.
ASKS_WHAT_IS_GOT_OVER = re.compile(
    rf"\bwhat\s+(?:else\s+|more\s+|extra\s+)?(?:do|would|will|can|could|does)\s+(?:i|we|you|one)\s+get\s+"
    rf"(?:extra\s+|more\s+)?(?:over|beyond|above|on\s+top\s+of|compared\s+(?:to|with)|than(?:\s+(?:with|on))?)\s+{_B}")
# "Should I get Pro or Business?", "which is better, pro or business?": two plans, asked which.
ASKS_WHICH_OF_TWO = re.compile(rf"\b{_A}\s+or\s+{_B}")
WHICH_CUES = ("which", "better", "should i", "choose", "pick", "recommend", "best")
# One plan as the step up from the customer's own: "what do I get if I upgrade to Business?", "is it worth
# upgrading to business?", "is business worth it?", "what happens if I upgrade to business?" (the plan and the invoice
# list came). Not how to upgrade, nor a request to.
ASKS_WHAT_A_STEP_UP_GIVES = tuple(re.compile(pattern) for pattern in (
    rf"\bwhat\s+(?:\w+\s+){{0,4}}?(?:get|gain|give|extra|more|added|change|changes|different|happens|happen)\b"
    rf"(?:\s+\w+){{0,6}}?\s+(?:upgrad\w*|switch\w*|mov\w*|go|going)\s+(?:up\s+)?to\s+{_B}",
    rf"\bworth\s+(?:it\s+)?(?:to\s+)?(?:upgrad\w*|switch\w*|mov\w*|go|going|paying\s+for|getting)\s+(?:up\s+)?"
    rf"(?:to\s+)?{_B}",
    rf"\b(?:is|are)\s+{_B}\s+(?:really\s+)?worth\s+it\b",
))
ASKS_WORTH = re.compile(r"\bworth\b")
ASKS_THE_CATCH = re.compile(r"\bcatch\b")
ASKS_UPGRADE = re.compile(r"\bupgrad\w*")
# Words that fill a plan's place in the patterns without naming one ("between them", "pro vs the rest").
NAMES_NO_PLAN = frozenset({
    "it", "them", "this", "that", "these", "those", "one", "ones", "other", "others", "rest", "each", "both",
    "plan", "plans", "tier", "tiers", "subscription", "mine", "yours", "what", "which", "there", "i", "you", "we",
    # Ways of paying, not plans: "the difference between paying monthly and yearly".
    "monthly", "yearly", "annual", "annually", "paying", "billing", "month", "year",
})
# What may follow a plan's name in a comparison of plans; any other word makes the name an adjective ("free and
# pro apps", "business vs personal email").
ENDS_A_PLANS_NAME = frozenset({
    "for", "if", "when", "and", "or", "then", "now", "really", "please", "exactly", "again", "is", "are", "in",
    "on", "at", "to", "with", "of", "as", "so", "but", "do", "does", "did", "would", "will", "should", "can",
    "could", "i", "we", "me", "us", "plan", "plans", "tier", "tiers", "one", "ones", "anyway", "thanks", "thank",
    "pls", "price", "prices", "pricing", "cost", "costs", "features", "wise",
})
# A problem or a request that names plans is for the other parts ("I was charged for Business, not Pro").
NOT_A_COMPARISON = ("refund", "charge", "twice", "duplicate", "invoice", "failed", "fail", "declined", "cancel",
                    "error", "broken")

# "Per year", "yearly", "annually", "for a whole year": a plan's price by the year.
PER_YEAR = re.compile(r"\b(?:per|a|an|each|every|one|1)\s+year\b|\byearly\b|\bannual(?:ly)?\b|\bper\s+annum\b"
                      r"|\b(?:12|twelve)\s+months\b|\bfor\s+(?:a|the|one)\s+(?:whole\s+|full\s+)?year\b")
ASKS_PRICE = ("how much", "cost", "costs", "price", "prices", "pricing", "priced", "expensive", "charge")


def _own_words(slot: str) -> bool:
    return slot.split()[0] in ("my", "our") or slot == "mine"


# "Whats the difference?", "what's the difference then": two things the conversation named, set side by side.
_ASKS_THE_DIFFERENCE = re.compile(r"^\s*(?:so\s+|and\s+|ok\s+)?(?:what'?s|whats|what\s+is)\s+the\s+difference"
                                  r"(?:\s+then)?\s*[?.!]*\s*$", re.IGNORECASE)

class PlanComparisonReplies(PlanFeatureReplies):
    def answers_if_a_plan_can_change_later(self) -> bool:
        """"Can I change my plan later?": yes, as the help centre's entries on moving up and down say, each quoted. False,
        having said nothing, for another message or without those entries."""
        up, down = self._entry_on("upgrade"), self._entry_on("downgrade")
        if not asks_if_a_plan_can_change_later(self.text) or up is None or down is None:
            return False
        # "Can I downgrade later?" asks of one way only ("can I change my plan later?" of both).
        down_named = bool(re.search(r"\bdowngrad", self.ctx.message, re.IGNORECASE))
        up_named = bool(re.search(r"\bupgrad", self.ctx.message, re.IGNORECASE))
        only = "down" if down_named and not up_named else "up" if up_named and not down_named else None
        if only == "down":
            self.reply.add(f"Yes. To move down later: {down.answer}")
        elif only == "up":
            self.reply.add(f"Yes. To move up later: {up.answer}")
        else:
            self.reply.add(f"Yes. To move up: {up.answer}\n\nTo move down: {down.answer}")
        for entry, way in ((up, "up"), (down, "down")):
            if only in (None, way):
                self._cite_faq(entry)
        return True

    def answers_which_plan_to_choose(self) -> bool:
        """"Which plan should I choose?", "what's the best plan for a startup?": what each plan costs and adds, as the
        help centre's entry on the plans says, the customer's own plan, and what to tell for a plan to be matched to a
        need, with no pick made for them. False, having said nothing, for another message or without that entry."""
        entry = next((m for m in self.facts.faq if "plans" in normalise(m.question).split()), None)
        if not asks_which_plan_to_choose(self.text, last_reply=last_assistant_text(self.ctx)) or entry is None:
            return False
        own = f" You're on {self.ctx.customer.plan.capitalize()} now." if self.ctx.customer is not None else ""
        self.reply.add(f"Which plan suits you depends on what you need, so I won't pick one for you. {entry.answer}{own}")
        self._cite_faq(entry)
        if not self._team_sizes_if_a_team_is_named():
            self.reply.add("Tell me what your app needs (a custom domain, more apps, team roles or an uptime SLA, say) "
                           "and I'll tell you which plans include it.", answers=False)
        return True

    def _team_sizes_if_a_team_is_named(self) -> bool:
        """"Which one do you recommend for a small team?": how many members each plan allows, as the team's entry says
        it, for the customer to weigh against their team. Whether said."""
        if not plan_chosen_for_a_team(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        entry = self._entry_on("team")
        counts = [s for s in sentences(entry.answer) if re.search(r"\bmembers?\b", s)] if entry is not None else []
        if entry is None or not counts:
            return False
        self.reply.add(f"For a team, what differs between the plans is how many members you can invite: {' '.join(counts)}",
                       answers=False)
        self._cite_faq(entry)
        return True

    # ------------------------------------------------------------ the difference between two plans

    def answers_what_one_plan_has_over_another(self) -> bool:
        """"What does business have over pro?", "what do I get over pro?" after Business was asked about: the
        difference between the two. Asked before what a plan includes, which read the first as all of Business's list
        and the second as the customer's own plan's. False, having said nothing, for any other message."""
        if has_cue(self.words, self.norm, *NOT_A_COMPARISON):
            return False
        if (found := ASKS_WHAT_ONE_HAS_OVER.search(self.norm)) is not None:
            asked: tuple[str | None, str, bool] | None = (found["a"], found["b"], False)
        elif (over := ASKS_WHAT_IS_GOT_OVER.search(self.norm)) is not None:
            asked = self._plan_set_against(over["b"])
        else:
            return False
        return asked is not None and self._tell_plans_compared(asked)

    def answers_plan_comparison(self) -> bool:
        """Tell the difference between two plans the message sets side by side (or between the customer's
        plan and one it would step up to). False, having said nothing, when it compares no plans."""
        if has_cue(self.words, self.norm, *NOT_A_COMPARISON):
            return False
        asked = self._plans_compared()
        return asked is not None and self._tell_plans_compared(asked)

    def _tell_plans_compared(self, asked: tuple[str | None, str, bool]) -> bool:
        """The difference between the two plans' places as written (see _plans_compared). False, having said
        nothing, when either place names no plan."""
        first, second, loose = asked
        tiers = self._tiers()
        if len(tiers) < 2:
            return self._only_prices_known(first, second)
        plans = {plan.name.lower(): plan for plan in tiers}
        own = self._own_listing(tiers)
        chosen: list[PlanListing | None] = []
        unknown: list[str] = []
        for slot in (first, second):
            if slot is None or _own_words(slot):
                chosen.append(own)
            elif slot in plans:
                chosen.append(plans[slot])
            elif slot in NAMES_NO_PLAN or slot in GENERIC_WORDS or not slot.isalpha() or len(slot) < 3:
                return False  # "between them": no plan named in that place
            elif slot in normalise(" ".join(item for plan in tiers for item in plan.items)).split():
                return False  # "between Business and team roles": a plan and what one includes, not two plans
            else:
                unknown.append(slot)
                chosen.append(None)
        if unknown:
            if loose or all(plan is None for plan in chosen):
                # "A cname or an a record": neither is a plan. "Pro or Heroku?": not surely a plan's name.
                return False
            self._no_such_plan(unknown[0], tiers)
            return True
        one, other = chosen
        if other is None:
            return False
        if one is None:
            # A visitor's "my plan", or "upgrade to Business" from a plan nobody named: every step up to it.
            one = tiers[0] if other is not tiers[0] else None
        if one is None or one == other:
            if first is None and self._is_own(other):
                # "What do I get if I upgrade to Business?" from Business itself.
                above = "our highest plan, so there's nothing above it to upgrade to" if other is tiers[-1] else ""
                self.reply.add(f"You're already on {other.name}{self._price(other)}{', ' if above else ''}{above}.")
                self._cite(other)
                return True
            self._same_plan(other, tiers)
            return True
        lower, higher = sorted((one, other), key=tiers.index)
        return self._tell_difference(lower, higher, tiers, upgrade=ASKS_UPGRADE.search(self.norm) is not None)

    def _plans_compared(self) -> tuple[str | None, str, bool] | None:
        """The two plans' places as written ("pro", "my current", "enterprise"), the first None when the
        message asks what stepping up to the second gives, and whether only "x or y" set them side by
        side (which names things other than plans as often); None when it compares no plans."""
        found = next((m for pattern in COMPARES_TWO if (m := pattern.search(self.norm))), None)
        loose = found is None and has_cue(self.words, self.norm, *WHICH_CUES)
        if loose:
            found = ASKS_WHICH_OF_TWO.search(self.norm)
        step_up = None if found else next((m for p in ASKS_WHAT_A_STEP_UP_GIVES if (m := p.search(self.norm))), None)
        match = found or step_up
        if match is None:
            return self._plans_named_before_asked_apart()
        after = self.norm[match.end():].split()[:1]
        if after and after[0] not in ENDS_A_PLANS_NAME:
            return None  # "between free and pro apps": what the plans' apps do, the help centre's to answer
        return (found["a"], found["b"], loose) if found is not None else (None, match["b"], False)

    def _plan_set_against(self, base: str) -> tuple[str | None, str, bool] | None:
        """"What do I get over pro?": the plan the last question named, else the one above the named plan, beside it.
        None when neither is a plan of ours other than it (over the highest, there is nothing above)."""
        names = [plan.name.lower() for plan in self._tiers()]
        if base not in names:
            return None
        said_before = normalise(previous_user_text(self.ctx) or "").split()
        named_before = next((word for word in said_before if word in names and word != base), None)
        above = names[names.index(base) + 1] if names.index(base) + 1 < len(names) else None
        other = named_before or above
        return None if other is None else (base, other, False)

    def _plans_named_before_asked_apart(self) -> tuple[str | None, str, bool] | None:
        """"Whats the difference?" after "how much does pro cost" and "and business?": the last two plans the
        conversation named, as the message leans on them. None for any other message."""
        if not _ASKS_THE_DIFFERENCE.match(self.ctx.message):
            return None
        plans = {name.lower() for name in self._monthly_prices()}
        said = [normalise(turn.text) for turn in self.ctx.history if turn.role == "user"]
        named = list(dict.fromkeys(reversed([w for text in said for w in text.split() if w in plans])))
        return (named[1], named[0], False) if len(named) >= 2 else None

    def _only_prices_known(self, first: str | None, second: str) -> bool:
        """Two plans compared when no list of what they include was gathered (the help centre's entries
        found were about upgrading, say): their prices, and plainly not the rest."""
        prices = self._monthly_prices()
        names = {name.lower(): name for name in prices}
        customer = self.ctx.customer
        own = customer.plan if customer is not None and customer.plan.lower() in names else None
        compared = [own if slot is None or _own_words(slot) else names.get(slot) for slot in (first, second)]
        if None in compared or compared[0] == compared[1]:
            return False
        said = []
        for name in sorted(dict.fromkeys(n for n in compared if n is not None), key=lambda n: prices[n]):
            said.append(self._priced(name, prices[name], own=name == own))
        self.reply.add(" ".join(said))
        self.reply.add("I can't see the list of what each plan includes from here, so I'd rather not guess the "
                       "difference. A person from our team can set it out for you: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _tiers(self) -> list[PlanListing]:
        """Every plan cheapest first with its price and what it lists: the catalogue's, else the help
        centre's, where a plan it prices but lists nothing for ("**Free** at $0") is the bottom tier."""
        listing = self._plan_listings()
        if not listing or listing[0].source is None:
            return listing  # the catalogue: prices and full lists
        prices: dict[str, tuple[Decimal, FaqMatch]] = {}
        for match in self.facts.faq:
            for name, price in plan_prices(match.answer).items():
                prices.setdefault(name, (price, match))
        tiers = {plan.name: replace(plan, price=prices[plan.name][0]) if plan.name in prices else plan
                 for plan in listing}
        for name, (price, match) in prices.items():
            tiers.setdefault(name, PlanListing(name=name, price=price, items=(), source=Source(
                kind="faq", title=match.question, ref=str(match.faq_id))))
        if any(plan.price is None for plan in tiers.values()):
            return listing  # the help centre's order ("Pro adds …; Business adds …") without prices
        ordered = sorted(tiers.values(), key=lambda plan: plan.price or Decimal(0))
        # A plan listing nothing is only the bottom tier: higher up, what it adds would be unknown.
        return ordered if all(plan.items for plan in ordered[1:]) else listing

    def _tell_difference(self, lower: PlanListing, higher: PlanListing, tiers: list[PlanListing], *,
                         upgrade: bool) -> bool:
        steps = tiers[tiers.index(lower) + 1:tiers.index(higher) + 1]
        own = self._own_listing(tiers)
        if ASKS_WORTH.search(self.norm):
            # Whether it is worth it is the customer's call: the difference, not an opinion.
            self.reply.add(f"Whether {higher.name} is worth it depends on what you need, so here's what it adds.")
        elif ASKS_THE_CATCH.search(self.norm):
            self.reply.add(f"The catch is what {lower.name} leaves out, which {higher.name} adds.")
        said: list[str] = []
        if own is not None and own is not lower and own not in steps:
            said.append(f"You're on {own.name}{self._price(own)}.")
        said.append(self._what_the_lower_has(lower, tiers, own=own is lower))
        previous = lower
        for step in steps:
            said.append(f"{step.name}{self._price(step)} has everything in {previous.name}, plus "
                        f"{self._listed(step)}.")
            previous = step
        if own is higher:
            said.append(f"You're on {own.name}, so you have all of that already.")
        elif own in steps:
            said.append(f"You're on {own.name}.")
        self.reply.add(" ".join(s for s in said if s))
        self._cite(*[lower, *steps])
        if ASKS_WORTH.search(self.norm):
            self._team_sizes_if_a_team_is_named()
        if own is not None and tiers.index(own) < tiers.index(higher):
            how = next((m for m in self.facts.faq if "upgrade" in normalise(m.question).split()), None)
            if upgrade and how is not None:
                self.reply.add(f"How to do it: {how.answer}")
                self._cite_faq(how)
            else:
                self.reply.add("You can change plan under **Billing → Plan**.", answers=False)
        return True

    def _what_the_lower_has(self, lower: PlanListing, tiers: list[PlanListing], *, own: bool) -> str:
        """"Pro ($29.00 a month) includes up to 10 apps …", or as a step up from the plan below it when
        the list is what it adds; the customer's own plan is said to be theirs."""
        who = f"You're on {lower.name}{self._price(lower)}, which" if own else f"{lower.name}{self._price(lower)}"
        below = tiers[:tiers.index(lower)]
        if not lower.items:
            return f"You're on {lower.name}{self._price(lower)}." if own else ""
        if lower.source is not None and below:
            return f"{who} has everything in {below[-1].name}, plus {self._listed(lower)}."
        return f"{who} includes {self._listed(lower)}."

    def _plans_we_have(self, tiers: list[PlanListing]) -> str:
        names = [f"{plan.name}{self._price(plan)}" for plan in tiers]
        return joined_with_and(names)

    def _same_plan(self, plan: PlanListing, tiers: list[PlanListing]) -> None:
        mine = ", and it's the one you're on" if self._is_own(plan) else ""
        self.reply.add(f"That's the same plan twice{mine}. Our plans are {self._plans_we_have(tiers)}: tell me "
                       "which two you'd like to compare, and I'll set out the difference.")
        self._cite(*tiers)

    def _no_such_plan(self, name: str, tiers: list[PlanListing]) -> None:
        self.reply.add(f"We don't have a plan called {name.capitalize()}: our plans are {self._plans_we_have(tiers)}.")
        self.reply.add(f"If you need something none of them lists, a person from our team can talk it through with "
                       f"you: would you like me to {OFFER_PERSON}?", answers=False)
        self._cite(*tiers)

    # ------------------------------------------------------------ a plan's price by the year

    def answers_price_per_year(self) -> bool:
        """"How much is Business per year?": the monthly price the facts give, what the help centre says
        about paying yearly, and plainly that no yearly price is listed (a person can tell the terms).
        False, having said nothing, when the message asks no plan's yearly price."""
        if PER_YEAR.search(self.norm) is None or not has_cue(self.words, self.norm, *ASKS_PRICE):
            return False
        prices = self._monthly_prices()
        named = [name for name in prices if re.search(rf"\b{re.escape(name.lower())}\b", self.norm)]
        customer = self.ctx.customer
        if not named and customer is not None and asks_about_own_plan(self.text) and customer.plan in prices:
            named = [customer.plan]
        if not named:
            return False  # no plan asked about: "can I pay yearly?" is the billing part's, as before
        own = customer.plan if customer is not None else None
        said = [self._priced(name, prices[name], own=name == own) for name in named]
        if customer is not None and own not in named:
            said.append(f"{on_plan(customer.plan, customer.plan_price)}.")
        self.reply.add(" ".join(said))
        self._yearly_terms(named)
        return True

    @staticmethod
    def _priced(name: str, price: Decimal, *, own: bool) -> str:
        """"Business is $99.00 a month.", or in the billing part's words for the customer's own plan."""
        if own:
            return f"{on_plan(name, price)}."
        return f"{name} is {money(price)} a month." if price else f"{name} costs nothing."

    def _monthly_prices(self) -> dict[str, Decimal]:
        """Each plan's monthly price: the catalogue's, else as the help centre prices it, with the
        customer's own plan as their account shows it."""
        prices: dict[str, Decimal] = {plan.name: plan.price_monthly for plan in self.facts.plans}
        if not prices:
            for match in self.facts.faq:
                for name, price in plan_prices(match.answer).items():
                    prices.setdefault(name, price)
        if self.ctx.customer is not None:
            prices.setdefault(self.ctx.customer.plan, self.ctx.customer.plan_price)
        return prices

    def _yearly_terms(self, named: list[str]) -> None:
        """What the help centre says about paying yearly (and discounts, when asked), in the words the
        billing part uses for "is there a discount for paying yearly?"; a yearly price it doesn't state
        is not worked out (twelve months at the monthly price may not be what a yearly contract costs)."""
        discount = has_cue(self.words, self.norm, *DISCOUNT_CUES)
        priced_yearly = said_discount = False
        for match in self.facts.faq:
            for sentence in sentences(match.answer):
                words, text = set(normalise(sentence).split()), normalise(sentence)
                about_yearly = has_cue(words, text, *YEARLY_CUES)
                about_discount = discount and has_cue(words, text, *DISCOUNT_CUES)
                if about_yearly or about_discount:
                    topic = "paying yearly" if about_yearly else "discounts"
                    self.reply.add(f"What our help centre says about {topic}: {sentence}")
                    self._cite_faq(match)
                    priced_yearly = priced_yearly or (about_yearly and "$" in sentence)
                    said_discount = said_discount or about_discount
        if priced_yearly and (said_discount or not discount):
            return
        which = " or ".join(named)
        if priced_yearly:
            lead = "I can't find a discount for paying yearly in our help centre"
        else:
            also = " or a discount for paying yearly" if discount and not said_discount else ""
            lead = f"Our plans are priced by the month, and I can't find a yearly price{also} for {which} in our help centre"
        self.reply.add(f"{lead}, so I'd rather not guess one. A person from our team can tell you about paying "
                       f"yearly for certain: would you like me to {OFFER_PERSON}?")
