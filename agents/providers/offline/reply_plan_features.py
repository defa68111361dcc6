"""Whether a plan includes something: "is a custom domain included in my plan?", "does Pro come with
priority support?", "what does my plan include?".

Answered from what each plan includes: the plan catalogue's lines, as the billing worker read them,
else the help centre's own words ("Pro adds custom domains, more build minutes and no sleeping
apps"). Plans are tiers: a plan includes what the plans below it include ("Business adds team
roles"). When nothing listed names what was asked, this part says nothing, and the help centre's
entry or a guide answers as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from agents.about_service import asks_about_support_hours, asks_the_best_way_to_get_help
from agents.app_deletion import asks_what_deleting_an_app_saves
from agents.cues import has_cue
from agents.follow_ups.history import (
    TOPIC_TURNS,
    last_assistant_text,
    last_reply_cited,
    previous_user_text,
    questions_before,
)
from agents.follow_ups.leaning_back import asks_for_more, asks_how_many_of_it
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.plans import (
    apps_had_after_the_counts,
    asks_a_cheaper_way_to_stay_awake,
    cheapest_plan_asked,
    cheapest_plan_with_asked,
)
from agents.follow_ups.service import asks_the_limit_of_the_topic
from agents.number_words import count_of, words_alternation
from agents.outcome import FaqMatch, Source
from agents.own_data import SAYS_CANNOT, asks_about_own_plan, asks_how_many_apps, counts_apps, plan_said_to_be_on
from agents.past_the_limits import asks_what_going_past_the_limits_does
from agents.plan_names import PLANS_CHEAPEST_FIRST
from agents.providers.offline.reply_base import (
    ARTICLE_MIN_SCORE,
    ASKS_WHAT_IS_INCLUDED,
    FAQ_CONFIDENT,
    GENERIC_WORDS,
    WriterBase,
    joined_with_and,
    money,
    topic_words,
)
from agents.providers.offline.reply_refunds import staff_hours_entry
from agents.providers.offline.reply_technical import RAN_INTO_IT
from agents.providers.offline.text import normalise, stem
from agents.service_terms import (
    TRYING_A_PAID_PLAN,
    asks_for_a_special_price,
    asks_if_own_plan_has_the_sla,
    asks_price_per_app,
    plan_asked_if_offered,
    plan_moved_to,
)
from agents.taxes import asks_if_tax_is_added
from agents.yes_or_no import without_yes_or_no

# "What does my plan include?", "what do I get with Pro?", "what's in the Business plan?": the whole list.
ASKS_WHAT_A_PLAN_HAS = re.compile(
    r"\bwhats?(?:'s|\s+is|\s+does|\s+do)?\s+(?:\w+\s+){0,4}(?:include|includes|included|in|come\s+with|get|have)\b",
    re.IGNORECASE)
# "What does each plan include?", "what's in each of the plans?", "what do you get with each tier?": every plan's
# contents, no one plan named.
_ASKS_WHAT_EACH_INCLUDES = re.compile(
    r"\bwhat(?:'s|\s+is|\s+does|\s+do)?\s+(?:(?:i|we|you)\s+)?(?:get|included?|comes?|in)\s+(?:in|with|on)?\s*"
    r"(?:each|every|all(?:\s+the|\s+of\s+the)?|the\s+different)\s+(?:of\s+(?:the|your)\s+)?(?:plans?|tiers?|packages?)\b"
    r"|\bwhat\s+(?:does|do)\s+(?:each|every|all(?:\s+the)?|the\s+different)\s+(?:of\s+(?:the|your)\s+)?(?:plans?|tiers?"
    r"|packages?)\s+(?:include|come\s+with|have|offer|give)\b", re.IGNORECASE)
# "Does Business have team roles?", "are custom domains available on Pro?", "can I use a custom domain on my
# plan?": whether a plan has something, asked with the plan in the sentence (the caller checks it names one).
ASKS_IF_A_PLAN_HAS = re.compile(
    r"\b(?:do|does|will|would)\s+(?:\w+\s+){0,3}(?:include|come\s+with|have|get|offer|support|allow)\b"
    r"|\b(?:is|are)\s+(?:\w+\s+){0,4}(?:part\s+of|available\s+(?:on|in|with)|on|in|with)\s+(?:\w+\s+){0,2}"
    r"(?:plan|tier|subscription|free|pro|business)\b"
    r"|\bcan\s+(?:i|we|(?:\w+\s+)?(?:users?|accounts?|customers?))\s+(?:use|get|have|add|set\s+up)\b"
    r"|\b(?:do|would)\s+(?:i|we)\s+need\s+(?:the\s+)?(?:free|pro|business)\b"
    # "custom domain on free plan?": the thing and the plan, no verb.
    r"|^[\w\s'-]+\s(?:on|in|with)\s+(?:the\s+)?(?:free|pro|business)(?:\s+(?:plan|tier))?\s*\?\s*$",
    re.IGNORECASE)
# "How do I add a custom domain on free?", "how can we set up team roles": a how-to about something a plan may
# lack. Told first that the plan lacks it, when it does: the steps are no use on that plan.
ASKS_HOW_TO_GET = re.compile(r"^\W*how\s+(?:do|can|could|would|should)\s+(?:i|we)\s+(?:add|set\s+up|setup|get|use"
                             r"|connect|enable|turn\s+on|have)\b", re.IGNORECASE)
# "Do I have priority support?", "do we get custom domains?": whether the customer's own plan has it.
ASKS_IF_I_HAVE = re.compile(r"\b(?:do|does|will|would)\s+(?:i|we|my\s+account)\s+(?:also\s+)?(?:have|get)\b",
                            re.IGNORECASE)
# A request or a problem that names the plan is not a question about what the plan includes.
NOT_ABOUT_CONTENTS = ("refund", "refunds", "refunded", "duplicate", "charged", "charge", "charges", "unlock",
                      "locked", "lock", "problem", "issue", "error", "errors", "broken", "fail", "failed",
                      "failing", "payment", "payments", "pay", "paid", "invoice", "invoices", "bill", "billed",
                      "cancel", "renew", "renewal", "next month", "due", "owe", "upgrade", "downgrade",
                      # "A free trial of pro": a trial, which the billing part says the help centre doesn't describe.
                      "trial", "trials")
# Asking in so many words whether a plan includes something ("does my plan include backups?").
NAMES_INCLUDING = re.compile(r"\b(?:include|includes|included|including|come\s+with|comes\s+with|part\s+of)\b",
                             re.IGNORECASE)
# "Which plan has priority support?", "is there a plan with team roles?": the plan it comes with.
ASKS_WHICH_PLAN = re.compile(r"\b(?:which|what|is\s+there\s+an?|any)\s+(?:\w+\s+)?(?:plans?|tiers?)\b", re.IGNORECASE)
# "Pro adds custom domains, more build minutes and no sleeping apps": what the help centre says a plan has.
PLAN_ADDS = re.compile(r"\*{0,2}(?P<name>[A-Z][a-z]+)\*{0,2}(?:\s+plan)?\s+(?:adds|includes|comes\s+with|gives\s+you)\s+"
                       r"(?P<items>.+?)(?=;|\.\s|\.?$)")
# "Business customers also get weekend cover for urgent issues": what the help centre says some plans get.
PLANS_GET = re.compile(r"\b(?P<plans>(?:Free|Pro|Business)(?:(?:,\s*|\s+(?:and|or)\s+)(?:Free|Pro|Business))*)"
                       r"(?:\s+(?:customers|users|plans?|accounts?))?\s+(?:also\s+)?(?:get|gets|have|has)\s+"
                       r"(?P<what>[^.;]+)")
# A kind of support a plan lists ("priority support"): asked whether a plan has it, the plans' lists answer.
NAMES_A_KIND_OF_SUPPORT = re.compile(r"\b(?:priority|email|community|premium|dedicated)\s+support\b", re.IGNORECASE)
# "How many apps can I have on Pro?", "is there a limit on apps on Free": how much of it a plan has.
ASKS_HOW_MANY = re.compile(r"\bhow\s+many\b|\blimits?\b|\bmax(?:imum)?\b", re.IGNORECASE)
# A plan's line that says how many: "Up to 10 apps", "One app", "Unlimited apps".
COUNTED = re.compile(r"(?:up\s+to\s+)?(?:\d+|one|two|three|unlimited|no\s+limit)\b", re.IGNORECASE)
# "Pro plan features", "business features": the plan's whole list, asked without a verb.
NAMES_FEATURES = re.compile(r"\bfeatures?\b", re.IGNORECASE)
# "Which plan should I pick for 3 apps?", "what's the cheapest plan for 20 apps?": which plan allows a number asked for.
_WHICH_PLAN_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:plan|one|tier)\b|\b(?:cheapest|best|right)\s+(?:plan|one|option)\b"
    r"|\bplan\s+(?:do|would|should|will)\s+(?:i|we)\s+need\b", re.IGNORECASE)
_ASKS_WHEN = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?when\b", re.IGNORECASE)
# "Tell me about the Pro plan", "what is business?", "how much is pro?": the plan itself, its price and what
# it includes, asked without naming anything in it. Not of the customer's own ("what is my plan?"), which the
# billing part answers with the plan they are on.
ASKS_ABOUT_A_PLAN = re.compile(
    r"^\s*(?:(?:can|could)\s+you\s+)?(?:tell\s+me\s+(?:more\s+)?about|describe|explain|what\s+is|what'?s|whats"
    r"|info(?:rmation)?\s+(?:on|about)|details\s+(?:of|on|about))\b"
    r"|\bhow\s+much\b|\b(?:price|prices|pricing|cost|costs)\b",
    re.IGNORECASE)
# A help-centre clause that says how many of something a plan has: "Business accounts have no limit".
# "A 99.95% uptime SLA" is a share, not a count.
SAYS_A_COUNT = re.compile(r"\b(?:\d+(?![\d.,]*%)|no\s+limit|unlimited|up\s+to)\b", re.IGNORECASE)
# "What's the memory limit on pro?", "how much disk space do i get?", "how much bandwidth on business?": a figure
# for a resource an app uses, which neither the plans' lists nor the help centre's entries give for any plan.
# Each resource as the reply names it, with the words a customer calls it by.
RESOURCES_WITHOUT_A_STATED_FIGURE: dict[str, frozenset[str]] = {
    "memory": frozenset({"memory", "ram"}),
    "CPU": frozenset({"cpu", "cpus", "vcpu", "vcpus"}),
    "disk space": frozenset({"disk"}),
    "storage": frozenset({"storage"}),
    "bandwidth": frozenset({"bandwidth"}),
    # "How much traffic can the free plan handle?" (the scaling guide's steps).
    "traffic": frozenset({"traffic", "visitors", "visits", "pageviews"}),
    # "What's the max app size?" (each plan's count of apps came, as if "size" were how many).
    "app size": frozenset({"size"}),
}
# Words that name a resource without stating any figure of it: Free's apps sleep "after 30 minutes without traffic".
_NAMED_WITHOUT_A_FIGURE = re.compile(r"\bwithout\s+traffic\b", re.IGNORECASE)
# The words of the guide's step on a resource, where its own name is not them: more traffic is met by more instances
# ("new instances only get traffic once they are ready" says nothing of how much).
_STEP_ON_THE_RESOURCE = {"traffic": frozenset({"autoscaling"})}
ASKS_A_FIGURE = re.compile(r"\b(?:limits?|max(?:imum)?|quotas?|caps?|allowance|how\s+(?:much|many))\b", re.IGNORECASE)
# "How much memory is my app using?": what the app uses, which its metrics show, not what a plan allows.
ASKS_WHAT_IS_USED = re.compile(r"\b(?:use|uses|using|used|usage|consum\w*)\b", re.IGNORECASE)

# Words that say a plan includes something, not what it includes.
_NOT_A_FEATURE = frozenset({
    # "Can I try it for free?": trying is how the plan is used, not something it lists.
    "try", "trying", "test", "testing",
    "plan", "plans", "subscription", "tier", "package", "include", "includes", "included", "including", "come",
    "comes", "with", "free", "extra", "provided", "provide", "offer", "offered", "give", "support", "supports",
    "cost", "costs", "charge", "pay", "paid", "buy", "purchase", "current", "own", "am", "get", "part",
    "available", "possible", "allowed", "able", "there", "what", "whats", "which", "does", "do", "is", "are",
    "yes", "no", "option", "feature", "features", "also", "my", "our", "on", "in", "for", "a", "an", "the",
    "many", "much", "limit", "limits", "max", "maximum", "number", "add", "user", "users", "customer", "customers",
    "account", "accounts", "need",
    # How the customer would use it, not what it is: "how many apps can I run on Pro?" asks for apps.
    "run", "runs", "running",
    # How many: "can I have over 20 apps?" asks for apps (_number_asked reads the count).
    "over",
    # How they would get it: "how can I set up a custom domain on free?" asks for custom domains.
    "set", "setup", "up", "use", "connect", "enable",
    # Who is on the plan: "i'm on the free plan, what does my plan include?" asks for no "i'm".
    "i'm", "im", "we're",
    # How many they would have: "can I have two apps?", "a second app" ask for apps.
    "one", "two", "three", "four", "five", "several", "multiple", "more", "than", "another", "second", "have",
})


@dataclass(frozen=True)
class PlanListing:
    """One plan as a tier: its name, monthly price, and what it lists as included."""

    name: str
    price: Decimal | None
    items: tuple[str, ...]
    source: Source | None  # the help-centre entry it was read from; None for the catalogue


def _items(text: str) -> tuple[str, ...]:
    """"Up to 10 apps, custom domains, email support." → ("Up to 10 apps", "custom domains", "email support")."""
    items: list[str] = []
    for part in (part.strip() for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", text.strip().rstrip("."))):
        if part and items and _QUALIFIES.match(part):
            # "A 99.95% monthly uptime SLA, with service credits if we miss it": a clause on the item before, not an
            # item ("Business adds a 99.95% monthly uptime SLA and with service credits …" came); the entry says it.
            continue
        if part:
            items.append(part)
    return tuple(items)


_QUALIFIES = re.compile(r"(?:with|without|if|when|though|which|so)\s", re.IGNORECASE)


def _plural(item: str) -> bool:
    last = item.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us"))


# A plan's item that is an absence: "no sleeping apps".
_AN_ABSENCE = re.compile(r"no\s", re.IGNORECASE)


def _agreeing(item: str, plural: str, singular: str) -> str:
    """"custom domains are", "priority support is": the item, lower-cased, and its verb. An item that is an absence
    ("no sleeping apps") is quoted as one thing: "no sleeping apps aren't part of your plan" said the opposite."""
    if _AN_ABSENCE.match(item):
        return f"“{item[:1].lower() + item[1:]}” {singular}"
    return f"{item[:1].lower() + item[1:]} {plural if _plural(item) else singular}"


def _names_in_lower_case(plan: str, norm: str) -> bool:
    """"custom domain on free", "what do I get with business", "does pro include …": the plan named as one,
    where the word alone could be something else ("is ssl free?")."""
    name = re.escape(plan.lower())
    return re.search(rf"\b(?:on|with|in|for|of|to|need|want|buy)\s+(?:the\s+)?{name}\b(?!\s+of\b)"
                     rf"|\b{name}\s+(?:plan|tier|users?|accounts?|customers?|include|includes|have|has|get|gets"
                     rf"|come|comes|offer|features?)\b", norm) is not None


_ONE_MORE = re.compile(r"\b(?:more\s+than\s+one|a\s+second|second|another|one\s+more|an\s+extra|extra)\s+"
                       r"(?:apps?|members?|seats?|domains?)\b", re.IGNORECASE)


# "Can I …?", "do you …?": a question answered yes or no.
_ASKS_WHETHER = re.compile(r"^\W*(?:can|could|do|does|is|are|will|would|may|am)\b", re.IGNORECASE)
# "I need more apps", "how do I get more apps?": more than the plan allows, however many that is.
_MORE_OF = re.compile(r"\b(?:more|extra|additional)\s+(?:apps?|members?|seats?|domains?)\b", re.IGNORECASE)


def _count_in(item: str) -> float | None:
    """"One app" → 1, "Up to 10 apps" → 10, "Unlimited apps" → infinity; None when the line gives no number."""
    if re.search(r"\b(?:unlimited|no\s+limit)\b", item, re.IGNORECASE):
        return float("inf")
    found = re.search(rf"\b(\d+|{words_alternation()})\b", item, re.IGNORECASE)
    return None if found is None else float(count_of(found[1]) or 0)


# "2 apps", "more than 10 apps", "five team members": a number of something a plan counts, as the customer says it.
_A_NUMBER_OF = re.compile(rf"\b(?:(?P<beyond>more\s+than|over)\s+)?(?P<count>\d+|{words_alternation()})\s+(?:\w+\s+)?"
                          r"(?P<thing>apps?|members?|seats?|domains?)\b", re.IGNORECASE)


def _number_asked(text: str) -> float | None:
    """"Can I have 2 apps on Free?" → 2: how many of something the customer asks for ("more than one app", "a second
    app", "another app": 2, one more than the first; "more than 10 apps": 11, which Pro's ten do not allow)."""
    if _ONE_MORE.search(text):
        return 2.0
    found = _A_NUMBER_OF.search(text)
    return None if found is None else _number_said(found)


def _number_said(found: re.Match[str]) -> float | None:
    """The number a match of _A_NUMBER_OF asks for: its count, one more for "more than"."""
    if (count := _count_in(found["count"])) is None:
        return None
    return count + 1 if found["beyond"] else count


def _words(text: str) -> set[str]:
    return {stem(w) for w in normalise(text).split() if w not in GENERIC_WORDS and not w.isdigit()}


# How _tell_no_plan_states_the_resource says no figure is given ("Our help centre doesn't give a memory figure for any
# plan"), read back when more of it is asked for.
_NO_FIGURE_TOLD = re.compile(r"\bOur help centre doesn't give an? (?P<name>[\w ]+?) figure for any plan\b")


# "Can I downgrade to free?", "how do I move to pro?": the plan a move goes to, which plan_moved_to reads only where it
# is asked for outright.
_MOVES_DOWN_TO = re.compile(r"\b(?:downgrad\w*|mov\w*|switch\w*|go(?:ing)?|chang\w*)\b[^.?!]{0,25}?\b(?:to|onto)\s+"
                            r"(?:the\s+)?(?P<plan>free|pro|business)\b", re.IGNORECASE)


def _moves_down_to(text: str) -> str | None:
    found = _MOVES_DOWN_TO.search(text)
    return found["plan"] if found else None


def _and_above(plan: PlanListing, listing: list[PlanListing]) -> str:
    """" and the plans above it", unless none is: "It comes with Business and the plans above it" named plans we lack."""
    return " and the plans above it" if plan is not listing[-1] else ""


class PlanFeatureReplies(WriterBase):
    def _apps_had_against_the_move(self, listing: list[PlanListing], own: PlanListing, had: int) -> bool:
        """"I have 4 apps" after "can I downgrade to free?" and what happens to the apps: the count against the smaller
        plan the customer asked to move to, not their own (Pro's room for more came). False, having said nothing, when
        no move to a smaller plan was asked in the turns before."""
        moved = next((plan for text in questions_before(self.ctx)[:TOPIC_TURNS]
                      if (plan := plan_moved_to(text) or _moves_down_to(text))), None)
        target = next((plan for plan in listing if moved and plan.name.lower() == moved.lower()), None)
        if target is None or listing.index(target) >= listing.index(own):
            return False
        line = self._line_for(target, {stem("apps")})
        allowed = _count_in(line) if line is not None else None
        if line is None or allowed is None:
            return False
        if had <= allowed:
            self.reply.add(f"{target.name} includes {line}, so your {had} would fit.")
        else:
            self.reply.add(f"{target.name} includes {line}, so with {had} you'd have more than it allows. Our help centre "
                           f"doesn't say what happens to the others when you move, and I'd rather not guess: would you "
                           f"like me to {OFFER_PERSON} from our team, who can check before you change plan?")
        self._cite(target)
        return True

    def answers_apps_had_already(self) -> bool:
        """"I have 10 already" right after how many apps each plan includes was told: how that stands against the
        customer's plan, and the plan that has room for more when it is full ("not enough information" came). False,
        having said nothing, for another message, a visitor, or without the plans' counts."""
        had = apps_had_after_the_counts(self.ctx)
        if had is None or self.ctx.customer is None:
            return False
        listing = self._plan_listings()
        own = self._own_listing(listing)
        apps = {stem("apps")}
        line = self._line_for(own, apps) if own is not None else None
        allowed = _count_in(line) if line is not None else None
        if own is None or allowed is None:
            return False
        if self._apps_had_against_the_move(listing, own, had):
            return True
        if had < allowed:
            # No count of what is left: every figure in a reply must be one the facts hold, for the critic to check.
            self.reply.add(f"You're on {own.name}, which includes {line}, so there's room for more.")
            return True
        above = [(plan, self._line_for(plan, apps)) for plan in listing[listing.index(own) + 1:]]
        roomier, more = next(((plan, more) for plan, more in above if more and (_count_in(more) or 0) > allowed),
                             (None, None))
        then = (f" {roomier.name}{self._price(roomier)} includes {more}; you can change plan under **Billing → Plan**."
                if roomier is not None else "")
        self.reply.add(f"You're on {own.name}, which includes {line}, so with {had} you're at its limit.{then}")
        self._cite(own, *([roomier] if roomier is not None else []))
        return True

    def answers_which_plan_is_cheapest(self) -> bool:
        """"What's the cheapest paid plan?": the paid plan with the lowest price, with what it includes; "the cheapest
        plan" alone is Free, with the paid one above it. It got the customer's own plan and their invoices, or the
        discounts just asked about again. False, having said nothing, for another message or without the catalogue."""
        if (wanted := cheapest_plan_with_asked(self.ctx.message)) is not None:
            # "What's the cheapest plan with custom domains?" (the custom domains guide's steps came): the first plan
            # whose list has it.
            feature = _words(wanted["what"])
            return bool(feature) and self._tell_which_plan(self._listings_naming(feature), feature)
        asked = cheapest_plan_asked(self.ctx.message)
        listing = [plan for plan in self._plan_listings() if plan.price is not None]
        if asked is None or len(listing) < 2:
            return False
        paid = [plan for plan in listing if plan.price > 0]
        cheapest = min(paid if asked["paid"] or not asked["plan"] else listing, key=lambda plan: plan.price)
        if not cheapest.price:
            above = min(paid, key=lambda plan: plan.price) if paid else None
            then = (f" The cheapest paid plan is {above.name}{self._price(above)}, which includes {self._listed(above)}."
                    if above is not None else "")
            self.reply.add(f"Our cheapest plan is {cheapest.name}, which costs nothing and includes "
                           f"{self._listed(cheapest)}.{then}")
        else:
            self.reply.add(f"Our cheapest paid plan is {cheapest.name}{self._price(cheapest)}, which includes "
                           f"{self._listed(cheapest)}.")
        if self.ctx.customer is not None and self.ctx.customer.plan.lower() == cheapest.name.lower():
            self.reply.add(f"You're on {cheapest.name} already.", answers=False)
        return True

    def answers_what_going_past_the_limits_does(self) -> bool:
        """"What happens when I hit the free limits?": the help centre says what happens past one limit, the API's
        (its entry, quoted), and only states the others (deploys and build time), which is said rather than guessed,
        with a person offered and, below Business, a bigger plan to raise them. False, having said nothing, for another
        message or without the API's entry."""
        if not asks_what_going_past_the_limits_does(self.ctx) or (api := self._entry_on("api", "limit")) is None:
            return False
        self.reply.add(f"Of a plan's limits, our help centre says what happens past one, the API's: {api.answer}")
        self._cite_faq(api)
        if (deploys := self._entry_on("deploy", "build")) is not None:
            self.reply.add(f"Of the others it gives only the limits: {deploys.answer} It doesn't say what happens past "
                           "those, or past the number of apps a plan allows, so I'd rather not guess: would you like me "
                           f"to {OFFER_PERSON} from our team?", answers=False)
            self._cite_faq(deploys)
        if self.ctx.customer is None or self.ctx.customer.plan.lower() != "business":
            self.reply.add("A bigger plan raises them: you can change plan under **Billing → Plan**.", answers=False)
        return True

    def answers_what_a_plan_includes(self) -> bool:
        """Answer whether (or what) a plan includes, when the message asks about a plan's contents and
        the plans' lists name it. False, having said nothing, otherwise."""
        if asks_if_tax_is_added(self.ctx.message):
            # "Does pro include vat?": tax on the price, which the billing part says nothing describes (the entry on a VAT
            # number came, hedged).
            return False
        if TRYING_A_PAID_PLAN.search(self.text) or asks_for_a_special_price(self.text):
            # "Can I test business for free?": a trial, which the billing part says nothing describes; "I'm a student,
            # can I get pro for free?": a discount, which the billing part says the same of.
            return False
        if asks_if_own_plan_has_the_sla(self.ctx.message):
            # "Is the sla included in my plan?": whether the customer's own plan has it, which the technical part says of
            # their plan (the entry came whole, as if every plan's SLA had been asked of).
            return False
        if plan_moved_to(self.ctx.message) is not None:
            # "Ok how do I get pro?": a move to the plan, which the entry on upgrading answers (Free's contents came).
            return False
        if _ASKS_WHEN.match(self.ctx.message):
            # "When will I get it?" after a refund was filed ("will I get" reads as whether a plan has it): a time,
            # which no plan's list answers.
            return False
        if asks_a_cheaper_way_to_stay_awake(self.ctx):
            # "How do I fix that for free?" after the plans whose apps never sleep: "free" says what it may cost, not a
            # plan whose contents are asked (Free's list came).
            return False
        if asks_how_many_of_it(self.ctx.message) and last_reply_cited(self.ctx, "faq"):
            # "How many can I add on pro?" after the team's entry: that entry's count for the plan, which the writer
            # reads from it (Pro's apps and domains came, as if the plan's contents were asked).
            return False
        if self._tell_no_plan_states_the_resource() or self._more_of_the_resource_unsaid():
            return True
        listing = self._plan_listings()
        deleting = asks_what_deleting_an_app_saves(self.ctx.message, asked_before=previous_user_text(self.ctx) or "")
        # "And for 20?" after the price of 3 apps is read as that question, of 20 (self.text).
        if listing and (deleting or asks_price_per_app(self.text)):
            # "Do you charge per app?": a visitor was asked to sign in, and told the refund policy. "Will I still be
            # charged for it?" after "how do I delete an app?": the invoice list.
            self.reply.add(("Deleting an app doesn't change what you pay: our plans" if deleting else "Our plans")
                           + " are priced by the month, not per app, and each allows a number of apps.",
                           answers=False)
            if self._tell_how_many_on_each(listing, {stem("apps")}):
                self._tell_the_cheapest_for_the_apps(listing)
                return True
            self.reply.paragraphs.pop()
        if not listing or has_cue(self.words, self.norm, *NOT_ABOUT_CONTENTS):
            # "Can I get a refund for the duplicate charge on my plan?", "can I use my plan while my account
            # is locked?": a request or a problem that names the plan, for the other parts to answer.
            return False
        if self.text == self.ctx.message and asks_the_limit_of_the_topic(self.ctx):
            # "Whats the limit for business?" after a 429: the limit of what the question before was about (the
            # API's requests a minute), which its entry states; not what the plan includes.
            return False
        feature = self._words_asked() - {stem(w) for w in normalise(" ".join(p.name for p in listing)).split()}
        if asks_how_many_apps(self.text):
            # "How many apps can I deploy?": apps are what is counted; deploying them is what apps are for.
            feature &= {stem("apps")}
        listing = self._listings_naming(feature)
        asked = self._plan_asked_about(listing)
        if asked is not None and self._is_own(asked) and (claimed := self._plan_claimed_not_held()) is not None:
            # "I'm on the free plan, what does my plan include?" from a Pro customer: the plan they are really on,
            # said first and plainly (as the billing part does for a charge), is the plan "my plan" is.
            self.reply.add(f"You're on the {asked.name} plan, not {claimed}.", answers=False)
        # "Why can't I add a custom domain?", "I'm unable to add a second app": something their own plan may lack.
        if (asked is None and feature and SAYS_CANNOT.search(self.text)
                and (own := self._own_listing(listing)) is not None and self._lacks(own, listing, feature)):
            # "Why can't I add a custom domain?" from a Free customer: their plan lacks it, which the guide's steps
            # (given before) could never get past; which plan has it comes first.
            return self._tell_whether_included(own, listing, feature)
        if feature and asked is not None and _MORE_OF.search(self.text):
            # "How do I get more apps?" from Pro ("no guide on that"): what the plan allows, and the plan that allows
            # more, or that it has no limit. Asked how, not whether, the answer opens with no "yes" or "no".
            first = len(self.reply.paragraphs)
            told = self._tell_whether_included(asked, listing, feature)
            if told and not _ASKS_WHETHER.match(self.text) and len(self.reply.paragraphs) > first:
                self.reply.paragraphs[first] = without_yes_or_no(self.reply.paragraphs[first])
            return told
        if feature and asked is not None and ASKS_HOW_TO_GET.search(self.text):
            # "How do I add a custom domain on free?": that Free lacks it, and which plan has it, comes first; on a
            # plan that has it, the steps (the help centre's) are the answer.
            return self._lacks(asked, listing, feature) and self._tell_whether_included(asked, listing, feature)
        if asked is None and feature and (ASKS_HOW_MANY.search(self.text) or counts_apps(self.text)) and (
                self._tell_how_many_on_each(listing, feature)):
            return True
        named = [plan for plan in listing if re.search(rf"\b{re.escape(plan.name)}\b", self.text, re.IGNORECASE)]
        if len(named) > 1 and not feature and (ASKS_WHAT_IS_INCLUDED.search(self.text)
                                               or ASKS_WHAT_A_PLAN_HAS.search(self.text)):
            # "What do pro and business include?": each plan named (Business's alone came, the last one named).
            for plan in named:
                self._tell_what_it_includes(plan, listing)
            return True
        if asked is None and not feature and _ASKS_WHAT_EACH_INCLUDES.search(self.text):
            # "What does each plan include?": "I don't have enough information", as no one plan was named.
            for plan in listing:
                self._tell_what_it_includes(plan, listing)
            return True
        if asked is None:
            return bool(feature) and ASKS_WHICH_PLAN.search(self.text) is not None and self._tell_which_plan(
                listing, feature)
        if feature and ASKS_HOW_MANY.search(self.text):
            # A count is the asked plan's own line, or none: "one app" on Free does not say Pro's.
            return self._tell_how_many(asked, feature)
        whether = bool(ASKS_WHAT_IS_INCLUDED.search(self.text) or ASKS_IF_A_PLAN_HAS.search(self.text)
                       # "Can I run more than one app?", "I can't add a second app": whether the plan's count allows it.
                       or counts_apps(self.text))
        if whether and feature:
            return self._tell_whether_included(asked, listing, feature)
        offered = plan_asked_if_offered(self.text) is not None
        if not feature and (whether or offered or ASKS_WHAT_A_PLAN_HAS.search(self.text)
                            or NAMES_FEATURES.search(self.text)
                            or (ASKS_ABOUT_A_PLAN.search(self.text) and not asks_about_own_plan(self.text))):
            entry = self._entry_on("included", asked.name.lower()) if offered else None
            if entry is not None:
                # "Do you have a free plan?": the help centre's entry on that plan says more than its line in the list.
                self.reply.add(f"Yes: {entry.answer}")
                self._cite_faq(entry)
                return True
            first = len(self.reply.paragraphs)
            self._tell_what_it_includes(asked, listing)
            if offered and len(self.reply.paragraphs) > first:
                # "Do you have a free plan?" got what Free includes, with no yes and no price.
                costs = " It costs nothing." if asked.price == 0 else ""
                self.reply.paragraphs[first] = f"Yes: {self.reply.paragraphs[first]}{costs}"
            return True
        return False

    def _tell_no_plan_states_the_resource(self) -> bool:
        """"What's the memory limit on pro?" when neither the plans' lists nor the help centre's entries name
        memory: that the help centre gives no such figure for any plan (a guessed one would be invented), then
        what a guide's step says of it ("Watch memory in **App → Metrics** …") and a person offered. False,
        having said nothing, when the message asks no such figure, reports running into one ("my build exceeded
        its memory limit", which the guides answer) or the facts name the resource (their answer stands)."""
        if (not ASKS_A_FIGURE.search(self.text) or ASKS_WHAT_IS_USED.search(self.text) or RAN_INTO_IT.search(self.text)
                or has_cue(self.words, self.norm, *NOT_ABOUT_CONTENTS)):
            return False
        said = set(self.norm.split())
        # "The max team size" is the team's count of members, which the team's entry states.
        asked = [(name, words) for name, words in RESOURCES_WITHOUT_A_STATED_FIGURE.items() if words & said
                 and not (name == "app size" and said & {"team", "teams", "members"})]
        if len(asked) != 1:
            return False
        name, words = asked[0]
        listing = self._plan_listings()
        told = [f"{match.question} {match.answer}" for match in self.facts.faq]
        told += [item for plan in listing for item in plan.items]
        if any(words & set(normalise(_NAMED_WITHOUT_A_FIGURE.sub(" ", text)).split()) for text in told):
            return False
        as_listed = f": what it lists for each plan doesn't mention {name}" if listing else ""
        article = "an" if name[0] in "aeiou" else "a"
        self.reply.add(f"Our help centre doesn't give {article} {name} figure for any plan{as_listed}, so I can't tell you "
                       "one without guessing.")
        self._cite(*listing)
        self._guide_steps_naming("handling more" if name in _STEP_ON_THE_RESOURCE else name,
                                 _STEP_ON_THE_RESOURCE.get(name, words))
        self.reply.add(f"If you need to know for your app, I can {OFFER_PERSON} from our team.", answers=False)
        return True

    def _more_of_the_resource_unsaid(self) -> bool:
        """"Can I get more?" right after being told no plan's figure for memory is given: how to get more of it is not
        said either, which is told with the guide's step on it and a person (the scaling guide's steps came, as if the
        app were slow). False, having said nothing, for any other message."""
        told = _NO_FIGURE_TOLD.search(last_assistant_text(self.ctx))
        if told is None or not asks_for_more(self.ctx.message):
            return False
        name = told["name"]
        self.reply.add(f"Our help centre doesn't say how to get more {name} for an app either, so I'd rather not guess.")
        words = RESOURCES_WITHOUT_A_STATED_FIGURE.get(name)
        if words is not None:
            self._guide_steps_naming("handling more" if name in _STEP_ON_THE_RESOURCE else name,
                                     _STEP_ON_THE_RESOURCE.get(name, words))
        self.reply.add(f"A person from our team can tell you what's possible for your app: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _guide_steps_naming(self, name: str, words: frozenset[str]) -> None:
        """The steps of the guides found for the message that name the resource ("5. Watch memory in **App →
        Metrics**; an instance that runs out of memory is restarted."), numbered as in the guide."""
        for article in (a for a in self.facts.articles if a.score >= ARTICLE_MIN_SCORE):
            steps = [f"{n}. {step}" for n, step in enumerate(article.steps, start=1)
                     if words & set(normalise(step).split())]
            if steps:
                # Worded as the technical part introduces a guide, its step on the resource alone.
                self.reply.add(f"Our guide “{article.title}” covers this. Its step on {name}:\n" + "\n".join(steps))
                self._cite_article(article)
                return

    def answers_the_best_way_to_get_help(self) -> bool:
        """"What's the fastest way to get help?": this chat, as the help centre's entries on support hours and on talking
        to a person say. False, having said nothing, for another message or without those entries."""
        if not asks_the_best_way_to_get_help(self.ctx.message):
            return False
        hours = staff_hours_entry(self.facts.faq)
        person = next((m for m in self.facts.faq if "person" in normalise(m.question).split()), None)
        if hours is None or person is None:
            return False
        self.reply.add(f"Right here, in this chat. As our help centre says: {hours.answer}")
        self.reply.add(person.answer, answers=False)
        self._cite_faq(hours)
        self._cite_faq(person)
        return True

    def answers_about_support(self) -> bool:
        """"Do I get weekend support?", "what support do I get on Pro?": the help centre's entry on support hours,
        led by what it says for the plan asked about (the customer's own unless one is named) and the support that
        plan lists. False, having said nothing, for another question, or with no entry on support among the
        matches. Whether a plan has a kind of support ("does Business get priority support?") is the plans'
        lists' to answer (answers_what_a_plan_includes)."""
        if not asks_about_support_hours(self.text) or NAMES_A_KIND_OF_SUPPORT.search(self.text):
            return False
        # Whatever its score: the message was read as asking about the support, which the entry is about ("is
        # support 24/7?" shares no word with its "around the clock", and scores 0.03).
        entry = next((m for m in self.facts.faq if "support" in normalise(m.question).split()), None)
        if entry is None:
            return False
        listing = self._plan_listings()
        named = [plan for plan in PLANS_CHEAPEST_FIRST if re.search(rf"\b{plan}\b", self.text, re.IGNORECASE)]
        customer_plan = self.ctx.customer.plan.capitalize() if self.ctx.customer is not None else None
        plan = named[0] if len(named) == 1 else customer_plan if not named else None
        if plan is not None:
            own = plan == customer_plan
            which = f"your plan, {plan}," if own else plan
            lead = self._support_for_plan(entry, plan, which)
            listed = next((item for p in listing if p.name == plan for item in p.items
                           if "support" in normalise(item).split()), None)
            if listed is not None and lead is None:
                lead = f"{which[:1].upper()}{which[1:]} includes {listed[:1].lower() + listed[1:]}."
                self._cite(*(p for p in listing if p.name == plan))
            if lead is not None:
                self.reply.add(lead)
        self._quote_faq(entry, hedge=False)
        return True

    def _support_for_plan(self, entry: FaqMatch, plan: str, which: str) -> str | None:
        """What the entry says some plans get that the message asks about ("weekend cover for urgent issues" for
        "weekend support"), as a yes or no for `plan`; None when the entry says nothing of the kind."""
        asked = topic_words(self.text) - {"support", "free", "pro", "business", "plan", "get"}
        for said in PLANS_GET.finditer(entry.answer):
            if not asked & topic_words(said["what"]):
                continue
            plans = re.findall(r"Free|Pro|Business", said["plans"])
            what = said["what"].strip()
            if plan in plans:
                return f"Yes: {which} gets {what}."
            them = joined_with_and(plans)
            return (f"No: {what} comes with {them}, and you're on {plan}." if which != plan
                    else f"No: {what} comes with {them}, not with {plan}.")
        return None

    def _plan_listings(self) -> list[PlanListing]:
        """Every plan cheapest first with what it includes: the catalogue's, else the help centre's."""
        if self.facts.plans and all(plan.description for plan in self.facts.plans):
            return [PlanListing(name=plan.name, price=plan.price_monthly, items=_items(plan.description), source=None)
                    for plan in sorted(self.facts.plans, key=lambda p: p.price_monthly)]
        return self._help_centre_listings()

    def _listings_naming(self, feature: set[str]) -> list[PlanListing]:
        """The plans' lists, from the help centre's when the catalogue's name nothing of `feature` and the help
        centre's do: "more build minutes" is in what the help centre says Pro adds, not in the catalogue's lines
        (fetched once a plan is named, "on free")."""
        listing = self._plan_listings()
        if not feature or not listing or listing[0].source is not None or self._first_listing(listing, feature):
            return listing
        entry = self._faq(floor=FAQ_CONFIDENT)
        if entry is not None and feature <= topic_words(entry.question):
            return listing  # an entry of its own ("Do you offer an uptime SLA?") answers, as with no plan named
        told = self._help_centre_listings()
        return told if told and self._first_listing(told, feature) else listing

    def _help_centre_listings(self) -> list[PlanListing]:
        """Every plan with what the help centre says it adds ("Pro adds custom domains, …")."""
        found: dict[str, PlanListing] = {}
        for match in self.facts.faq:
            source = Source(kind="faq", title=match.question, ref=str(match.faq_id))
            for said in PLAN_ADDS.finditer(match.answer):
                found.setdefault(said["name"], PlanListing(name=said["name"], price=None,
                                                           items=_items(said["items"]), source=source))
        if len(found) < 2:
            return []  # one plan's list alone can't tell which tier something comes with
        first = next(iter(found.values()))
        if "Free" not in found and first.source is not None and re.search(r"\bFree\b", next(
                m.answer for m in self.facts.faq if str(m.faq_id) == first.source.ref)):
            # "Free at $0. Pro adds …": the plan the others add to, with nothing added of its own.
            found = {"Free": PlanListing(name="Free", price=None, items=(), source=first.source), **found}
        # One entry names the tiers in their order ("Pro adds …; Business adds …"), but several entries may each name
        # one: the SLA's "The Business plan comes with …" found before the plans' entry put Business below Pro, and
        # told a Pro customer their plan "includes everything Business does". Tiers in their order, cheapest first.
        return sorted(found.values(), key=lambda plan: PLANS_CHEAPEST_FIRST.index(plan.name) if plan.name in PLANS_CHEAPEST_FIRST
                      else len(PLANS_CHEAPEST_FIRST))

    def _plan_asked_about(self, listing: list[PlanListing]) -> PlanListing | None:
        """The plan the message names ("does Business include …"), else the customer's own when the
        message says "my plan"; None when it is about no one plan."""
        named = [plan for plan in listing if re.search(rf"\b{re.escape(plan.name)}\b", self.text)
                 or _names_in_lower_case(plan.name, self.norm)]
        claimed = self._plan_claimed_not_held()
        if claimed is not None and asks_about_own_plan(self.text):
            # "I'm on the free plan, what does my plan include?" from a Pro customer names Free only as the plan
            # they think they are on: "my plan" is the one the account holds.
            named = [plan for plan in named if plan.name.lower() != claimed.lower()]
        if len(named) == 1:
            return named[0]
        if not named and (asks_about_own_plan(self.text) or ASKS_IF_I_HAVE.search(self.text)
                          or counts_apps(self.text)):
            # "Can I have two apps?" naming no plan: on the customer's own.
            return self._own_listing(listing)
        return None

    def _plan_claimed_not_held(self) -> str | None:
        """The plan a signed-in customer says they are on ("Free" in "i'm on the free plan") when the account
        holds another; None when they name none, name their own, or nobody is signed in."""
        customer = self.ctx.customer
        said = plan_said_to_be_on(self.text)
        return said if customer is not None and said is not None and said.lower() != customer.plan.lower() else None

    def _is_own(self, plan: PlanListing) -> bool:
        return self.ctx.customer is not None and self.ctx.customer.plan.lower() == plan.name.lower()

    def _own_listing(self, listing: list[PlanListing]) -> PlanListing | None:
        """The signed-in customer's plan among the listed ones (None for a visitor, or a plan not listed)."""
        return next((plan for plan in listing if self._is_own(plan)), None)

    def _words_asked(self) -> set[str]:
        # "What's the app limit on my plan?": "what's" is "what", not a feature no plan lists.
        words = [w.removesuffix("'s") for w in normalise(self.text).split()]
        return {stem(w) for w in words if w not in GENERIC_WORDS and w not in _NOT_A_FEATURE and not w.isdigit()}

    def _tell_how_many(self, asked: PlanListing, feature: set[str]) -> bool:
        """"How many apps can I have on Pro?": the asked plan's own line for it ("Up to 10 apps"), not the
        cheapest plan's that names apps at all ("One app")."""
        item = next((item for item in asked.items if feature <= _words(item) and COUNTED.match(item)), None)
        if item is None:
            return self._tell_how_many_from_help_centre(asked, feature)
        which = f"Your plan, {asked.name}{self._price(asked)}," if self._is_own(asked) else f"{asked.name}{self._price(asked)}"
        self.reply.add(f"{which} includes {item[:1].lower() + item[1:]}.")
        self._cite(asked)
        return True

    def _tell_how_many_on_each(self, listing: list[PlanListing], feature: set[str]) -> bool:
        """"Is there a limit on apps?" naming no plan: each plan's line for it ("Free: one app; Pro: up to 10
        apps"), and which of them is the customer's. False when the plans' lists don't each count it."""
        counted = [(plan, item) for plan in listing for item in plan.items
                   if feature <= _words(item) and COUNTED.match(item)]
        if len(counted) < len(listing) or len(counted) < 2:
            return False
        each = "; ".join(f"{plan.name}{self._price(plan)}: {item[:1].lower() + item[1:]}" for plan, item in counted)
        self.reply.add(f"It depends on the plan. {each}.")
        own = self._own_listing(listing)
        if own is not None:
            self.reply.add(f"You're on {own.name}, which includes {self._line_for(own, feature)}.")
        self._cite(*listing)
        return True

    def _tell_the_cheapest_for_the_apps(self, listing: list[PlanListing]) -> None:
        """"How much would it cost for 3 apps?": the cheapest plan whose count of apps allows that many, after each
        plan's count; nothing when the message names no number of apps or no plan allows them."""
        said = next((found for found in _A_NUMBER_OF.finditer(self.text) if found["thing"].lower() == "apps"), None)
        if said is None or (wanted := _number_said(said)) is None:
            return
        apps = {stem("apps")}
        fits = next((plan for plan in listing
                     if (line := self._line_for(plan, apps)) is not None and (_count_in(line) or 0) >= wanted), None)
        if fits is None:
            return
        # In the customer's words ("two apps"): a figure the reply makes up would not be grounded.
        count = said[0].lower()
        cost = f"{money(fits.price)} a month" if fits.price else "nothing"
        self.reply.add(f"For {count}, the cheapest plan is {fits.name}, at {cost}.")

    def _tell_how_many_from_help_centre(self, asked: PlanListing, feature: set[str]) -> bool:
        """"How many team members on Business?" when the plan's list gives no count ("team members"): the clause
        of the help centre's entry on it that gives that plan's, and no other plan's ("Business accounts have no
        limit")."""
        for match in self.facts.faq:
            if not feature <= topic_words(f"{match.question} {match.answer}"):
                continue
            for clause in re.split(r"[.;](?:\s+|$)", match.answer):  # not inside "99.95%"
                # Only a clause about that plan alone: "60 requests a minute on Free, 600 on Pro …" is the
                # technical part's to split by plan.
                if set(re.findall(r"\b(?:Free|Pro|Business)\b", clause)) == {asked.name} and SAYS_A_COUNT.search(clause):
                    self.reply.add(f"{clause.strip()[:1].upper()}{clause.strip()[1:]}.")
                    self.reply.sources.append(Source(kind="faq", title=match.question, ref=str(match.faq_id)))
                    return True
        return False

    def _tell_whether_included(self, asked: PlanListing, listing: list[PlanListing], feature: set[str]) -> bool:
        found = self._first_listing(listing, feature)
        if found is None:
            return self._not_listed(asked, feature)
        first, item = found
        line = self._line_for(asked, feature)
        wanted = self._number_wanted(line)
        if wanted is not None and line is not None and (_count_in(line) or 0) >= wanted:
            # "Can I have 5 apps on Pro?": the plan's own count says so, not the cheapest plan's line.
            which = f"your plan, {asked.name}," if self._is_own(asked) else asked.name
            self.reply.add(f"Yes: {which} includes {line}.")
            self._cite(asked)
            return True
        if (more := self._more_than_listed(asked, listing, feature)) is not None:
            more_plan, more_item = more
            which = f"your plan, {asked.name}," if self._is_own(asked) else asked.name
            has = self._line_for(asked, feature) or "none"
            dearer, dearer_has = f"{more_plan.name}{self._price(more_plan)}", more_item[:1].lower() + more_item[1:]
            if _WHICH_PLAN_ASKED.search(self.ctx.message_as_typed or self.ctx.message):
                # "Which plan should I pick for 3 apps?": a plan named, not a "No" to a question not asked.
                told = (f"The cheapest plan that allows that many is {dearer}: it includes {dearer_has}. "
                        f"{which[:1].upper() + which[1:]} includes {has}")
            else:
                told = f"No: {which} includes {has}. {dearer} includes {dearer_has}"
            self.reply.add(f"{told}; you can change plan under **Billing → Plan**.")
            self._cite(asked, more_plan)
            return True
        own = self._is_own(asked)
        which = f"your plan, {asked.name}" if own else asked.name
        at, comes_at = listing.index(asked), listing.index(first)
        entry = self._faq(floor=FAQ_CONFIDENT)
        if comes_at <= at and entry is not None and feature <= topic_words(entry.question):
            # "Does pro include custom domains?": yes, and the help centre's entry on them says so and how to
            # set one up ("Custom domains are on Pro and Business. In your app, go to …").
            self._quote_faq(entry, hedge=False)
            return True
        if comes_at == at and asked.items == (item,):
            # The one thing the plan's list holds ("a 99.95% monthly uptime SLA", from the SLA's entry): not said twice.
            self.reply.add(f"Yes: {which}{self._price(asked)}{',' if own else ''} includes {item[:1].lower()}{item[1:]}.")
        elif comes_at == at:
            self.reply.add(f"Yes: {_agreeing(item, 'are', 'is')} included in {which}{self._price(asked)}. "
                           f"{asked.name} {'adds' if asked.source else 'includes'} {self._listed(asked)}.")
        elif comes_at < at:
            self.reply.add(f"Yes: {_agreeing(item, 'come', 'comes')} with {first.name}, and {which}{self._price(asked)}"
                           f"{',' if own else ''} includes everything {first.name} does.")
        else:
            includes = f", which includes {self._listed(asked)}" if asked.items else ""
            self.reply.add(f"No: {_agreeing(item, 'aren’t', 'isn’t')} part of {which}{self._price(asked)}{includes}. "
                           f"{'They come' if _plural(item) and not _AN_ABSENCE.match(item) else 'It comes'} with "
                           f"{first.name}{self._price(first)}{_and_above(first, listing)}; you can change plan under "
                           "**Billing → Plan**.")
        self._cite(first, asked)
        return True

    def _number_wanted(self, line: str | None) -> float | None:
        """How many the message asks for (_number_asked); "more apps" with no number, one more than the plan's `line`
        allows (its count, infinite for "unlimited": as many as wanted)."""
        wanted = _number_asked(self.text)
        if wanted is None and _MORE_OF.search(self.text) and line is not None and (allowed := _count_in(line)) is not None:
            return allowed + 1
        return wanted

    def _lacks(self, asked: PlanListing, listing: list[PlanListing], feature: set[str]) -> bool:
        """Whether a pricier plan than `asked` is the cheapest that lists `feature`."""
        found = self._first_listing(listing, feature)
        return found is not None and listing.index(found[0]) > listing.index(asked)

    def _line_for(self, plan: PlanListing, feature: set[str]) -> str | None:
        item = next((item for item in plan.items if feature <= _words(item)), None)
        return None if item is None else item[:1].lower() + item[1:]

    def _more_than_listed(self, asked: PlanListing, listing: list[PlanListing],
                          feature: set[str]) -> tuple[PlanListing, str] | None:
        """"Can I have 2 apps on Free?" when Free lists one app: the cheapest plan that allows as many, and its
        line. None when no number is asked, the plan's line gives none, or the plan allows as many."""
        line = self._line_for(asked, feature)
        wanted = self._number_wanted(line)
        allowed = _count_in(line) if line else None
        if wanted is None or allowed is None or wanted <= allowed:
            return None
        return next(((plan, item) for plan in listing[listing.index(asked) + 1:] for item in plan.items
                     if feature <= _words(item) and (_count_in(item) or 0) >= wanted), None)

    def _first_listing(self, listing: list[PlanListing], feature: set[str]) -> tuple[PlanListing, str] | None:
        """The cheapest plan that lists what was asked about, and its line for it."""
        for plan in listing:
            for item in plan.items:
                if feature <= _words(item):
                    return plan, item
        return None

    def _tell_which_plan(self, listing: list[PlanListing], feature: set[str]) -> bool:
        found = self._first_listing(listing, feature)
        if found is None:
            return False
        plan, item = found
        above = _and_above(plan, listing)
        comes = _agreeing(item, "come", "comes")
        self.reply.add(f"{comes[:1].upper()}{comes[1:]} with {plan.name}{self._price(plan)}{above}.")
        own = self._own_listing(listing)
        if own is not None:
            has = listing.index(own) >= listing.index(plan)
            self.reply.add(f"You're on {own.name}, which {'includes it' if has else 'does not'}"
                           f"{'' if has else '; you can change plan under **Billing → Plan**'}.")
        self._cite(plan)
        return True

    def _not_listed(self, asked: PlanListing, feature: set[str]) -> bool:
        """No plan lists it ("does my plan include backups?"). The help centre's entry on it answers when
        there is one ("is SSL included?": every app gets a certificate); else the plans' lists are not
        the whole service, so say what the plan lists and offer a person rather than a guess."""
        if self._faq(floor=FAQ_CONFIDENT) is not None:
            return False  # a confident entry: the help centre's answer, as for any "is it included?"
        if not ASKS_WHAT_IS_INCLUDED.search(self.text) and not NAMES_INCLUDING.search(self.text):
            return False  # "can I get …", "is there … on my plan": not surely about what the plan holds
        # The entry about it, if one was found at all ("does my plan include free SSL?" is worded far
        # from "Do you offer free SSL certificates?"); the best match may be about something else. One whose
        # question names every word asked of is about it: quoted as the answer ("does pro include ssl?" got "I
        # think you're asking about …" before the entry's "Yes: every app … gets a free TLS certificate").
        match = next((m for m in self.facts.faq if feature <= topic_words(m.question)), None)
        if match is not None:
            self._quote_faq(self._as_asked(match), hedge=False)
            return True
        if not self.facts.plans:
            return False  # the help centre's lists say what plans add, not all they have
        own = self._is_own(asked)
        which = f"Your plan, {asked.name}{self._price(asked)}," if own else f"{asked.name}{self._price(asked)}"
        self.reply.add(f"{which} includes {self._listed(asked)}. That list doesn't mention what you asked "
                       "about, and I'd rather not guess whether it's included: would you like me to pass you "
                       "to a person from our team, who can check?")
        return True

    def _tell_what_it_includes(self, asked: PlanListing, listing: list[PlanListing]) -> None:
        own = self._is_own(asked)
        which = f"Your plan, {asked.name}{self._price(asked)}," if own else f"{asked.name}{self._price(asked)}"
        below = listing[:listing.index(asked)]
        also = f", on top of everything in {below[-1].name}" if below and asked.source is not None else ""
        self.reply.add(f"{which} includes {self._listed(asked)}{also}.")
        self._cite(asked)

    @staticmethod
    def _listed(plan: PlanListing) -> str:
        items = [item[:1].lower() + item[1:] for item in plan.items]
        return joined_with_and(items)

    @staticmethod
    def _price(plan: PlanListing) -> str:
        if plan.price is None:
            return ""
        return f" ({money(plan.price)} a month)" if plan.price else ""

    def _cite(self, *plans: PlanListing) -> None:
        for plan in plans:
            if plan.source is not None and plan.source not in self.reply.sources:
                self.reply.sources.append(plan.source)

