"""Follow-ups asked of a plan: the question before asked again of another plan ("and for pro?"), plans compared,
chosen or worth it, a plan's price and its period, and which plan has what was asked about.
"""

from __future__ import annotations

import re

from agents.clauses import GREETING
from agents.context import SupportContext
from agents.follow_ups.history import earlier_user_texts, last_assistant_text, last_reply_cited, previous_user_text
from agents.follow_ups.leaning_back import MAX_WORDS, asks_if_it_applies_to_them, asks_to_avoid_it, asks_what_it_costs
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.people import members_priced_after_the_team
from agents.follow_ups.plan_moves import goes_ahead_with_a_change, plan_change_named
from agents.plan_names import PLAN_KEY_ALTERNATION, PLAN_KEYS_CHEAPEST_FIRST, PLAN_NAMED, plan_above, plan_below
from agents.service_terms import (
    RENEWAL_TOLD,
    asks_about_paying_less,
    asks_how_long_free_lasts,
    says_who_may_pay_less,
    who_may_pay_less,
)

# "I'm on pro", "we're on the business plan", "I have pro": the customer's plan, said to the question before it ("why
# is my app slow?"), which it narrows as "and for pro?" does (asked_of_a_plan); alone it asks nothing.
_STATES_OWN_PLAN = re.compile(
    r"^\W*(?:(?:but|and|well|fyi|btw|ok(?:ay)?|yes|no)[,\s]+)?(?:(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+(?:on|using)"
    r"|(?:i|we)\s+(?:have|pay\s+for)"
    # "It's a free app", "mine is on the free plan" after "why does my app go to sleep?": the app's plan. Not "it's free",
    # which may say what something costs.
    r"|(?:it'?s|it\s+is|its|mine\s+is|mine'?s|(?:my|our|the)\s+app\s+is)\s+(?:on|an?(?=\s+\w+\s+(?:app|one)\b)))"
    r"\s+(?:the\s+)?(?P<plan>free|pro|business)(?:\s+(?:plan|tier|app|one))?"
    # "We're on business though" after the 429 guide ("I don't have a guide on that").
    r"(?:\s+(?:though|already|anyway|actually|now|btw|fyi|by\s+the\s+way))?\W*$",
    re.IGNORECASE)


def states_own_plan(message: str) -> bool:
    """"I'm on pro", "we're on business though": the customer's plan, said of the question before."""
    return bool(_STATES_OWN_PLAN.match(message))


def plan_stated(message: str) -> str | None:
    """"I'm on pro though" → "Pro": the plan the customer says they are on; None when the message says none."""
    stated = _STATES_OWN_PLAN.match(message)
    return stated["plan"].capitalize() if stated is not None else None


# "What does that include?", "what's included?" right after a reply that named one plan ("You're on the Pro plan at $29.00
# a month"): that plan's contents (the help centre's entry on Free answered, for "include").
_ASKS_WHAT_THAT_INCLUDES = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:what\s+(?:does|do|would|will)\s+(?:that|it|this)(?:\s+plan)?\s+(?:include|come\s+with"
    r"|cover|give\s+(?:me|us))|what(?:'s|\s+is)\s+included(?:\s+in\s+(?:that|it|this)(?:\s+plan)?)?)\s*[?.!]*\s*$",
    re.IGNORECASE)
_PLAN_TOLD = re.compile(r"\b(?:on|to)\s+the\s+(Free|Pro|Business)\s+plan\b")


# "Tell me about the business plan", "business plan", "tell me about pro": one plan, asked to be described (the upgrade's
# steps came by the FAQ shortcut, or the scope reply).
_PLAN_DESCRIBED = re.compile(
    r"^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:(?:tell\s+me|talk\s+me\s+through)\s+(?:more\s+)?about|describe|explain"
    r"|(?:more\s+)?(?:info(?:rmation)?|details)\s+(?:on|about|of))\s+(?:the\s+|your\s+)?(?P<plan>free|pro|business)"
    r"(?:\s+(?:plan|tier|subscription))?\s*(?:please)?[?.!]*\s*$"
    r"|^\W*(?:the\s+)?(?P<named>free|pro|business)\s+(?:plan|tier)\s*[?.!]*\s*$",
    re.IGNORECASE)


# "What would I get?", "what do I get?", "what extra would I get with it?" right after asking to move to a plan ("can I
# upgrade to business?"): that plan's contents (the entry on Free came by its words).
_WHAT_WOULD_I_GET = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?what\s+(?:else\s+|extra\s+|more\s+)?(?:would|do|will|could|should)\s+(?:i|we)\s+"
    r"get(?:\s+(?:with\s+it|for\s+it|for\s+that|for\s+the\s+money|extra|more|out\s+of\s+it))?\s*[?.!]*\s*$",
    re.IGNORECASE)


_A_PLAN_NAMED = re.compile(r"\b(free|pro|business)\b")


def plan_whose_contents_are_asked(ctx: SupportContext) -> str | None:
    """The plan whose contents the message asks: "what does that include?" of the one the last reply named, "what would
    I get?" of the one the question before asked to move to, or one named to be described ("tell me about the business
    plan", "pro plan" as a first message); None otherwise."""
    if (meant := plan_meant_by_that(ctx)) is not None:
        return meant
    before = previous_user_text(ctx) or ""
    if _WHAT_WOULD_I_GET.match(ctx.message) and plan_change_named(before):
        named = set(_A_PLAN_NAMED.findall(before.lower()))
        return named.pop() if len(named) == 1 else None
    described = _PLAN_DESCRIBED.match(ctx.message)
    if described is None or (described["named"] and ctx.history):
        # "Pro plan" alone later in a conversation answers the question before it (question_as_asked reads it so).
        return None
    return (described["plan"] or described["named"]).lower()


def contents_asked_of_the_plan_moved_to(ctx: SupportContext) -> str | None:
    """"What would I get?" right after "can I upgrade to business?" → "what does business include?"; None otherwise
    (the entry on Free answered by its words, or Business's one line on the SLA the look-ups found)."""
    if not _WHAT_WOULD_I_GET.match(ctx.message):
        return None
    plan = plan_whose_contents_are_asked(ctx)
    return f"what does {plan} include?" if plan is not None else None


def plan_meant_by_that(ctx: SupportContext) -> str | None:
    """The plan "what does that include?" asks of: the one plan the last reply named; None for another message, or
    when the last reply named none or several."""
    if not _ASKS_WHAT_THAT_INCLUDES.match(ctx.message):
        return None
    named = set(_PLAN_TOLD.findall(last_assistant_text(ctx)))
    return named.pop().lower() if len(named) == 1 else None


# "Is that per month?", "per year?", "monthly or yearly?" right after a price: the period the price said is for.
_ASKS_THE_PRICES_PERIOD = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|wait)[,\s]+)?(?:(?:is|was|are)\s+(?:that|it|this|those|these)\s+|that'?s\s+|it'?s\s+)?"
    r"(?:per|a|each|every|by\s+the|billed|charged|paid)?\s*(?P<period>month|monthly|year|yearly|annual|annually)\b"
    r"(?:\s+or\s+(?:per\s+|a\s+)?\w+)?\W*$", re.IGNORECASE)
# A plan's price a month as the replies give it: "Pro ($29.00 a month)", "**Business** at $99/month", "Pro plan at $29.00
# a month".
_PRICE_A_MONTH = re.compile(r"\b(?:\*\*)?(?P<plan>Free|Pro|Business)(?:\*\*)?(?:\s+plan)?\s+(?:at\s+|\()\$(?P<amount>[\d,.]+)"
                            r"(?:/month|\s+a\s+month)", re.IGNORECASE)
# And as the records of an invoice put it: "NW-1003, at $29.00, the Pro plan's price a month".
_PLANS_PRICE_A_MONTH = re.compile(r"\$(?P<amount>[\d,.]+), the (?P<plan>Free|Pro|Business) plan's price a month",
                                  re.IGNORECASE)


def period_of_the_prices_said(ctx: SupportContext) -> tuple[str, dict[str, str]] | None:
    """"Is that per month?" right after a reply that gave plans' prices: the period asked ("month", "year"), and the
    prices the reply gave a month, by plan; None for any other message, or after a reply with no price."""
    asked = _ASKS_THE_PRICES_PERIOD.match(ctx.message)
    if asked is None:
        return None
    last = last_assistant_text(ctx)
    said = {m["plan"].capitalize(): m["amount"]
            for pattern in (_PRICE_A_MONTH, _PLANS_PRICE_A_MONTH) for m in pattern.finditer(last)}
    return (asked["period"].lower(), said) if said else None


HOW_MUCH_ALONE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+much(?:\s+(?:then|exactly))?\s*[?.!]*\s*$",
                             re.IGNORECASE)


def asks_the_amount_of_the_renewal(ctx: SupportContext) -> bool:
    """"How much?" right after the next renewal was told: its amount. Alone, "how much" found the plans' prices, which
    the FAQ shortcut sent (after anything else, that is still the answer)."""
    return bool(HOW_MUCH_ALONE.match(ctx.message)) and RENEWAL_TOLD in last_assistant_text(ctx)


# "How much to get more?", "what does it cost to get more?" after "The API allows 3,000 requests a minute on Business":
# the price of the plan that gives more (the customer's own price came).
_ASKS_THE_PRICE_OF_MORE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much|what)\s+(?:(?:does|would|will|is)\s+it\s+(?:cost|be)\s+)?"
    r"(?:to\s+get|for)\s+more(?:\s+(?:then|of\s+them|requests|apps))?\s*[?.!]*\s*$", re.IGNORECASE)
_OWN_PLAN_SAID = re.compile(r"\bYou're on the (?:Free|Pro|Business) plan\b[^.]*\.")


def plans_priced_asked(ctx: SupportContext) -> list[str]:
    """"How much?" right after a reply that named plans ("Custom domains are on Pro and Business"): those plans, in the
    order named ("Pro", "Business"); none for another message, or after the next renewal (its amount is asked)."""
    last = last_assistant_text(ctx)
    # "How much would that cost?" after "Custom domains are on Pro and Business … you'd need to move": those plans'
    # prices (the custom domains guide again); after asking to move, what the move costs is the move's (writer.py).
    # "How much to get more?" after a reply that gave the price already is answered from it (covered_before).
    more = bool(_ASKS_THE_PRICE_OF_MORE.match(ctx.message)) and "$" not in last
    costs = (asks_what_it_costs(ctx.message) or more) and not plan_change_named(previous_user_text(ctx) or "")
    # "How much extra is that?" after the steps to invite members (whose counts name each plan): the members' price.
    if not (HOW_MUCH_ALONE.match(ctx.message) or costs) or RENEWAL_TOLD in last or members_priced_after_the_team(ctx):
        return []
    # "You're on the Free plan, so you'd need to move to Pro or Business first" names the customer's own, not one asked.
    named = _OWN_PLAN_SAID.sub("", last)
    return list(dict.fromkeys(name.capitalize() for name in re.findall(r"\b(Free|Pro|Business)\b", named)))


# "And for pro?", "what about on business", "how about the free plan?": the question before, asked again of
# another plan. Nothing else in the message: "and pro features?" names what it asks itself.
_ANOTHER_PLAN = re.compile(
    r"^\s*(?:(?:and|what\s+about|how\s+about|also|ok(?:ay)?|so)[,\s]*(?:(?:for|on|with|in)\s+)?"
    # "For the business plan" after "what is the price?": the same question, asked of that plan.
    r"|(?:for|on|with|in)\s+)(?:the\s+)?"
    r"(?P<plan>free|pro|business)(?:\s+(?:plan|tier))?(?:\s+(?:then|too|instead))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "The business plan", "my pro plan" after "I'd like to cancel": the plan the question before is asked of, named alone.
_PLAN_ALONE = re.compile(
    r"^\W*(?:(?:the|my|our)\s+)?(?P<plan>free|pro|business)\s+(?:plan|tier|subscription|one)\W*$"
    r"|^\W*(?:the|my|our)\s+(?P<alone>free|pro|business)\W*$"
    # "Business" alone after "what plans do you have?" (a visitor was asked to sign in to see invoices).
    r"|^\W*(?P<bare>free|pro|business)\W*$", re.IGNORECASE)
# "To free", "to the pro plan" after "I want to downgrade": where the move asked before goes.
# "Business", "pro please": a plan alone, which after a move asked with no plan is where it goes.
_BARE_PLAN = re.compile(r"^\W*(?:the\s+)?(?P<plan>free|pro|business)(?:\s+(?:plan|tier|one))?(?:\s+please)?\W*$",
                        re.IGNORECASE)
_ASKS_A_MOVE = re.compile(r"\b(?:upgrade|upgrading|downgrade|downgrading|switch|switching|change\s+(?:my\s+|the\s+)?plan)\b",
                          re.IGNORECASE)
# "Business i mean", "sorry, pro" correct the plan the move before named, or give it.
_TO_A_PLAN = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|so|i\s+mean)[,\s]+)?to\s+(?:the\s+)?(?P<to>free|pro|business)"
                        r"(?:\s+(?:plan|tier|one))?(?:\s+please)?\W*$"
                        r"|^\W*(?:(?:i\s+mean|sorry|no|oops)[,\s]+)(?:to\s+)?(?:the\s+)?(?P<meant>free|pro|business)"
                        r"(?:\s+(?:plan|tier|one))?\W*$"
                        r"|^\W*(?:to\s+)?(?:the\s+)?(?P<then>free|pro|business)(?:\s+(?:plan|tier|one))?[,\s]+i\s+mean\W*$",
                        re.IGNORECASE)
# "What plans do you have?", "wat plans r there", "which tiers do you offer": the plans on offer, however spelt.
WHICH_PLANS = re.compile(r"\b(?:what|wat|wot|which|wich)\s+(?:plans|tiers|subscriptions)\s+(?:do|does|are|r|have|is"
                         r"|can|exist|you|u|ya|there)\b", re.IGNORECASE)
# The customer's own plan, asked about: "what plan am I on?", "what's my plan?". Of another plan it asks
# what that plan is: its price and what it includes.
_OWN_PLAN_ASKED = re.compile(r"\b(?:my|i'?m|i\s+am|am\s+i|we'?re|are\s+we)\b[^?.!]{0,20}\b(?:plan|tier|subscription)\b"
                             r"|\b(?:plan|tier)\s+(?:am\s+i|are\s+we|i'?m|we'?re)\s+on\b", re.IGNORECASE)


# "Is it worth it?", "would that be worth the money?", "worth it?": whether what was just compared is worth it,
# naming nothing of its own. Not "is business worth it?", which names its plan, nor "is it worth upgrading to pro?".
# "Is it worth upgrading?", "is upgrading worth it?", "should I upgrade then?": the same, asked of the move.
_ASKS_IF_WORTH_IT = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:(?:(?:is|would|will)\s+(?:it|that|this|the\s+upgrade|upgrading|switching)\s+"
    r"(?:really\s+|even\s+)?(?:be\s+)?)?worth\s+(?:it|the\s+(?:extra\s+)?(?:money|price|cost)|upgrading|switching"
    r"|the\s+upgrade)|should\s+(?:i|we)\s+(?:upgrade|switch))"
    r"(?:\s+(?:for\s+(?:me|us|my\s+\w+|our\s+\w+)))?(?:\s+(?:then|though))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# "Which one would you recommend for a small startup?", "which is better for us?", "what would you suggest?" after two
# plans compared: which of the two to choose, which is what the dearer adds (it was turned away as off topic at 0.84).
_ASKS_WHICH_TO_CHOOSE = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:(?:which|what)(?:\s+(?:one|plan|of\s+(?:them|the\s+two|those)))?\s+"
    r"(?:(?:would|do|should|can|could)\s+(?:you|i|we)\s+(?:recommend|suggest|advise|choose|pick|get|take|go\s+(?:for|with))"
    r"|is\s+(?:better|best|right|the\s+(?:better|best|right)\s+(?:one|choice|fit)))"
    r")(?:\s+(?:for|to)\s+(?:me|us|my|our|a|an)\b[^?.!]{0,40})?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def _worth_of_the_plans_compared(ctx: SupportContext) -> str | None:
    """"Is it worth it?" (or "which one would you recommend?") after "what is the price difference between pro and
    business": whether the dearer of the
    two plans that question named is worth it over the other ("is business worth it over pro?"), which the
    comparison answers from the plans' lists. "Is it worth it for me?" after "and business?" from Alice, on Pro: the plan
    named against her own (the scope reply came). None for any other message, or when the question before named
    not two plans, or one besides the customer's own."""
    if not (_ASKS_IF_WORTH_IT.match(ctx.message) or _ASKS_WHICH_TO_CHOOSE.match(ctx.message)):
        return None
    before = previous_user_text(ctx) or ""
    named = {plan.split()[0].lower() for plan in PLAN_NAMED.findall(before)}
    if len(named) != 2 and _ASKS_IF_WORTH_IT.match(ctx.message):
        # "Is it worth it?" after "and business?", which is read as the question before it ("what does the pro plan
        # include?"): the plan it names itself is the second of the two, else the customer's own. Which to choose
        # ("which is best?") is answered with what each includes, not weighed against the customer's plan.
        last_asked = next((turn.text for turn in reversed(ctx.history) if turn.role == "user"), "")
        named |= {plan.split()[0].lower() for plan in PLAN_NAMED.findall(last_asked)}
        own = ctx.customer.plan.lower() if ctx.customer is not None else None
        if len(named) == 1 and own in PLAN_KEYS_CHEAPEST_FIRST and own not in named:
            named.add(own)
    if len(named) != 2:
        return None
    lower, higher = sorted(named, key=PLAN_KEYS_CHEAPEST_FIRST.index)
    return f"is {higher} worth it over {lower}?"


def asks_if_a_plan_is_worth_it(ctx: SupportContext) -> bool:
    """"Is it worth it?", "which would you recommend?" of the plans just named (with the customer's own, for one)."""
    return _worth_of_the_plans_compared(ctx) is not None


# "What's the catch?", "any downsides?" after a question about one plan ("do you have a free plan?"): what that plan
# leaves out, which the plan above it adds (it was turned away as off topic).
_ASKS_THE_CATCH = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what'?s|whats|what\s+is|is\s+there|are\s+there|any)\s+(?:a\s+|the\s+)?"
    r"(?:catch|downsides?|drawbacks?|limitations?)(?:\s+(?:then|though|to\s+it|with\s+it))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# "Is it free?", "are you free?", "is northwind free to use?": whether using us costs nothing, which the Free plan
# answers.
_ASKS_IF_FREE = re.compile(
    r"^\W*(?:is\s+(?:it|this|that|northwind(?:\s+cloud)?|the\s+service)|are\s+you)\s+(?:really\s+)?free\b"
    r"|\bfree\s+to\s+use\b", re.IGNORECASE)


# "And how is it different from free?", "how does it compare to business?", "what's the difference with pro?": the plan
# just asked about, set against another.
_COMPARED_WITH = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+(?:is|does)\s+(?:it|that|this)\s+(?:differ|different|compare)\w*"
    r"\s+(?:from|to|with)|(?:what'?s|what\s+is)\s+the\s+difference\s+(?:with|from|to)|(?:is\s+it\s+)?better\s+than|vs\.?"
    rf"|versus)\s+(?:the\s+)?(?P<plan>{PLAN_KEY_ALTERNATION})\b(?:\s+(?:plan|tier))?\W*$", re.IGNORECASE)
# "How is business different?", "how does pro compare?": the same, the plan named first.
_PLAN_DIFFERENT = re.compile(
    rf"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+(?:is|does)\s+(?:the\s+)?(?P<plan>{PLAN_KEY_ALTERNATION})"
    r"(?:\s+(?:plan|tier))?\s+(?:different|differ|compare)\W*$", re.IGNORECASE)


# "What's included in pro that I don't have?", "what would business give us that we don't get?": the plan named, set
# against the customer's own.
_MORE_THAN_OWN = re.compile(
    r"\b(?:in|with|on)\s+(?:the\s+)?(?P<plan>pro|business)\b(?:\s+(?:plan|tier))?[^.?!]{0,20}?\b(?:that|which)\s+(?:i|we)\s+"
    r"(?:don'?t|do\s+not)\s+(?:have|get|already\s+have)\b"
    r"|\b(?P<plan2>pro|business)\s+(?:give|get|offer)s?\s+(?:me|us)\s+(?:that|which)\s+(?:i|we)\s+(?:don'?t|do\s+not)\b",
    re.IGNORECASE)


def _compared_with_the_plan_asked(ctx: SupportContext) -> str | None:
    """"And how is it different from free?" after "what does pro include?": the two plans compared; "what's in pro that I
    don't have?", or "how is business different?" after a question naming no plan, the customer's own plan against it.
    None for any other message, or when the question before named not exactly one other plan (a visitor's, none)."""
    if ctx.customer is not None and (more := _MORE_THAN_OWN.search(ctx.message)) is not None:
        plan, own = (more["plan"] or more["plan2"]).lower(), ctx.customer.plan.lower()
        return None if plan == own else f"what's the difference between {own} and {plan}?"
    if (asked := _COMPARED_WITH.match(ctx.message) or _PLAN_DIFFERENT.match(ctx.message)) is None:
        return None
    named = {plan.split()[0].lower() for plan in PLAN_NAMED.findall(previous_user_text(ctx) or "")}
    other = asked["plan"].lower()
    if not named and ctx.customer is not None:
        # "What's the difference with business?" after "what is my plan?", or to open a chat: the customer's own plan
        # against it (the invoice list came, or "not enough information").
        named = {ctx.customer.plan.lower()}
    elif not named and (nearest := plan_below(other) or plan_above(other)) is not None:
        # A visitor's "whats the difference with pro?" has no plan of theirs to set it against: the one a step below
        # (Free for Pro), as the plans' entry tells what each adds ("not enough information" came).
        named = {nearest.lower()}
    if len(named) != 1 or other in named:
        return None
    return f"what's the difference between {named.pop()} and {other}?"


def _catch_of_the_plan_asked(ctx: SupportContext) -> str | None:
    """"What's the catch?" after "do you have a free plan?": what the plan above the one asked about adds over it. None
    for any other message, when the question before named not exactly one plan, or named the highest."""
    if not _ASKS_THE_CATCH.match(ctx.message):
        return None
    before = previous_user_text(ctx) or ""
    named = {plan.split()[0].lower() for plan in PLAN_NAMED.findall(before)}
    # "Is it free?" is short enough to read as a follow-up itself ("I want to sign up", "is it free?", "what's the
    # catch?"), so the question it leans on is passed over: it is the one the catch is of.
    just_asked = (earlier_user_texts(ctx) or [""])[0]
    if not named and (_ASKS_IF_FREE.search(before) or _ASKS_IF_FREE.search(just_asked)):
        named = {"free"}  # "is it free?": answered with the plans, Free among them; the catch is Free's
    if len(named) != 1 or (above := plan_above(plan := named.pop())) is None:
        return None
    return f"what's the catch: what does {above.lower()} have over {plan}?"


def plan_gone_ahead_with(ctx: SupportContext) -> str | None:
    """"Let's do it" after "what's the difference between pro and business?" from a Pro customer: the other of the two
    plans that question compared, which the go-ahead asks to move to ("Business"). None for any other message, when
    the question before named not exactly two plans, the customer is on neither, or the reply did not name the other."""
    if ctx.customer is None or not goes_ahead_with_a_change(ctx.message):
        return None
    named = {plan.split()[0].lower() for plan in PLAN_NAMED.findall(previous_user_text(ctx) or "")}
    own = ctx.customer.plan.lower()
    if len(named) != 2 or own not in named:
        return None
    other = next(name for name in named if name != own)
    return other.capitalize() if re.search(rf"\b{other}\b", last_assistant_text(ctx), re.IGNORECASE) else None


# "How much is it per year?", "what does that plan include?", "does it come with custom domains?": a plan's price or
# contents asked of "it", which names no plan of its own.
_ASKS_OF_A_PLAN_AS_IT = re.compile(
    r"\b(?:it|that|this|that\s+(?:plan|one|tier)|this\s+(?:plan|one|tier))\b.*\b(?:cost|costs|price|pay|paid|per\s+(?:year|month)"
    r"|a\s+(?:year|month)|yearly|annual(?:ly)?|monthly|include|includes|come\s+with|features?)\b"
    r"|\bhow\s+much\b.*\b(?:it|that|this)\b",
    re.IGNORECASE,
)
# "Can I upgrade to pro?", "switch me to business", "tell me about the pro plan": a question about one plan.
_ABOUT_ONE_PLAN = re.compile(r"\b(?:upgrade|downgrade|switch|move|change|go)\b.*\bto\s+(?:the\s+)?(?P<to>free|pro|business)\b"
                             r"|\b(?:how\s+much\s+is|price\s+of|cost\s+of|about|what\s+(?:is|does|do\s+you\s+get\s+with))"
                             r"\s+(?:the\s+)?(?P<of>free|pro|business)\b", re.IGNORECASE)


def _asked_of_the_plan_named_before(ctx: SupportContext) -> str | None:
    """"How much is it per year?" after "can I upgrade to pro?": the message with "it" as the plan that question was
    about ("how much is the pro plan per year?"). None when the message names a plan itself, asks nothing of a
    plan's price or contents, or the question before was not about one plan."""
    message = ctx.message
    if len(message.split()) > MAX_WORDS or PLAN_NAMED.search(message) or not _ASKS_OF_A_PLAN_AS_IT.search(message):
        return None
    about = _ABOUT_ONE_PLAN.search(previous_user_text(ctx) or "")
    if about is None:
        return None
    plan = (about["to"] or about["of"]).lower()
    return re.sub(r"\b(?:(?:that|this)\s+(?:plan|one|tier)|it|that|this)\b", f"the {plan} plan", message, count=1,
                  flags=re.IGNORECASE)


# "Which plan do I need for that?", "how much would it cost to get it?", "the cheapest plan that has it?": which plan has
# what the question before asked about, naming nothing of its own.
_WHICH_PLAN_FOR_IT = re.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?)[\s,]+)?(?:(?:which|what)\s+plan\s+(?:do|would|will|should)\s+(?:i|we)\s+need"
    r"(?:\s+(?:for|to\s+(?:get|have|use|add|do))\s+(?:it|that|this|them))?"
    r"|(?:which|what)\s+plan\s+(?:has|have|includes?|gives?|comes?\s+with)\s+(?:it|that|this|them)"
    # "How much is the cheapest plan that has it?", "what's the cheapest one with that?"
    r"|(?:how\s+much\s+is|what(?:'s|\s+is)|which\s+is)\s+the\s+cheapest\s+(?:plan|one|tier|option)\s+(?:(?:that|which)\s+"
    r"(?:has|have|includes?|gives?|comes?\s+with|offers?|allows?)|with)\s+(?:it|that|this|them)"
    r"|how\s+much\s+(?:would|does|will|is)\s+(?:it|that)\s+(?:cost\s+)?(?:me\s+)?(?:to\s+(?:get|have|use|add|do)"
    r"\s+(?:it|that|this|them))?|how\s+much\s+(?:for|to\s+get)\s+(?:it|that|this|them)"
    # "How much to get more?" after "your plan, Free, includes one app" (the scope reply).
    r"|how\s+much\s+(?:(?:would|will|does)\s+it\s+(?:cost\s+|be\s+)?|is\s+it\s+)?to\s+(?:get|have|add)\s+more"
    r"(?:\s+(?:of\s+them|than\s+that))?)\W*$",
    re.IGNORECASE,
)


_CHEAPEST = r"\b(?:cheapest|least\s+expensive|lowest[-\s]priced|most\s+affordable)\s+"
# "What's the cheapest paid plan?", "which is your cheapest plan", "cheapest option?": the lowest price, paid or not. Not
# "the cheapest plan with custom domains" (the plan that includes something: _ASKS_THE_CHEAPEST_WITH).
_ASKS_THE_CHEAPEST = re.compile(
    rf"{_CHEAPEST}(?P<paid>paid\s+)?(?P<plan>plans?|tiers?|options?"
    r"|one|subscriptions?)?(?!\s+(?:that|which|with|for|to|where)\b)\s*(?:you\s+(?:have|offer|got)\s*)?(?:then\s*)?[?.!]*\s*$",
    re.IGNORECASE)


_ASKS_THE_CHEAPEST_WITH = re.compile(
    rf"{_CHEAPEST}(?:paid\s+)?(?:plans?|tiers?|options?|one)\s+"
    r"(?:with|that\s+(?:has|have|includes?|gives?|offers?)|which\s+(?:has|have|includes?))\s+(?P<what>[^?.!]+)", re.IGNORECASE)


def cheapest_plan_asked(message: str) -> re.Match[str] | None:
    """"What's the cheapest paid plan?", "cheapest option?": the match, whose "paid" and "plan" groups say whether a paid
    plan, or a plan by name, was asked for; None for any other message."""
    return _ASKS_THE_CHEAPEST.search(message)


def cheapest_plan_with_asked(message: str) -> re.Match[str] | None:
    """"The cheapest plan with custom domains": the match, whose "what" group is what the plan must include."""
    return _ASKS_THE_CHEAPEST_WITH.search(message)


def names_where_the_move_goes(message: str) -> bool:
    """"To free", "to the business plan": where a move asked before goes, and nothing else."""
    return bool(_TO_A_PLAN.match(message))


def asked_which_plan_for(ctx: SupportContext) -> str | None:
    """"Which plan do I need for that?" after a question about something a plan may include: that question, which
    says what "that" is (the plan that has it is what to answer). None for any other message, or with none before."""
    return previous_user_text(ctx) if _WHICH_PLAN_FOR_IT.match(ctx.message) else None


def discount_asked_for_who_they_are(ctx: SupportContext) -> str | None:
    """"We're a nonprofit" right after "can you give me a discount?": the discount asked for them ("can you give me a
    discount? we're a nonprofit"); None otherwise (alone it read as off topic: "I don't have a guide on that")."""
    before = previous_user_text(ctx) or ""
    if not says_who_may_pay_less(ctx.message) or not asks_about_paying_less(before):
        return None
    return f"{before.strip()} {ctx.message.strip()}"


def who_they_are_changes_nothing_reply(ctx: SupportContext) -> str | None:
    """For "I'm a student tho" after the help centre was said to have nothing on a discount: that who they are was
    heard, and changes nothing of what can be told, with a person (the whole reply again came, behind "my answer is
    the same"). None for another message. Asked only of a reply that would repeat the last one."""
    if discount_asked_for_who_they_are(ctx) is None or (who := who_may_pay_less(ctx.message)) is None:
        return None
    return (f"Thanks for telling me. Even so, our help centre has nothing on a discount for {who}, so I can't offer you "
            f"one, or tell you for certain there isn't one. A person from our team can: would you like me to "
            f"{OFFER_PERSON}?")


# "Hello, we are getting 429s": a greeting before the question, which the question asked again of a plan leaves out
# ("hello, we are getting 429s on the business plan?" read as general: "not enough information").
_LEADING_GREETING = re.compile(rf"^\W*(?:{GREETING}[\s,!.]+)+", re.IGNORECASE)


# "And if I upgrade?", "what if we upgraded?" after "what's my api rate limit?": the question before, asked of the plan
# above the customer's (the guide's step "upgrade your plan" came back).
_IF_UPGRADED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what\s+|and\s+)?if\s+(?:i|we)\s+(?:upgrade|upgraded|move\s+up|go\s+up)"
    r"(?:\s+to\s+(?:the\s+)?(?P<plan>free|pro|business)(?:\s+(?:plan|tier))?)?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_to_avoid_what_a_plan_has(ctx: SupportContext) -> bool:
    """"How do I stop that?" right after an entry of the help centre that names plans ("apps on the Free plan sleep
    … Apps on Pro and Business never sleep"): the plans it does not happen on, which the technical part tells."""
    return (asks_to_avoid_it(ctx.message) and last_reply_cited(ctx, "faq")
            and PLAN_NAMED.search(last_assistant_text(ctx)) is not None)


# "Is there a cheaper way?", "any free way?", "can I stop it without paying?", "how do I fix that for free?": a way round
# what the plans were just said to avoid ("apps on Pro and Business never sleep") that costs less.
_A_CHEAPER_WAY = re.compile(r"\b(?:cheaper|cheapest|free|another|other|different)\s+(?:way|option|solution|alternative)s?\b"
                            r"|\bwithout\s+(?:paying|upgrading|changing\s+(?:my\s+)?plan)\b"
                            r"|\b(?:fix|stop|avoid|prevent|solve)\s+(?:it|that|this)\s+for\s+free\b", re.IGNORECASE)
_PLANS_AVOID_SLEEP = re.compile(r"\bnever\s+sleep\b|\bkeeping\s+an\s+app\s+awake\s+means\s+moving\b", re.IGNORECASE)


def asks_a_cheaper_way_to_stay_awake(ctx: SupportContext) -> bool:
    """"Is there a free way?" right after a reply that said which plans' apps never sleep: a way that costs less."""
    return bool(_A_CHEAPER_WAY.search(ctx.message)) and bool(_PLANS_AVOID_SLEEP.search(last_assistant_text(ctx)))


def asks_what_an_upgrade_gives(message: str) -> bool:
    """"And if I upgrade?", "what if we move up to business?": what the plan above would give of what was asked."""
    return _IF_UPGRADED.match(message) is not None


def _plan_upgraded_to(ctx: SupportContext) -> str | None:
    """"And if I upgrade?": the plan named, else the one above the customer's; None for another message, or with no
    plan above."""
    if (upgraded := _IF_UPGRADED.match(ctx.message)) is None:
        return None
    if upgraded["plan"]:
        return upgraded["plan"].lower()
    above = plan_above(ctx.customer.plan) if ctx.customer is not None else None
    return above.lower() if above is not None else None


# "Is it on all plans?", "does that come with every plan?" after "do you have an uptime guarantee?": the question before,
# asked of each plan (a visitor was asked to sign in).
_ON_EVERY_PLAN = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:is|are|does|do)\s+(?:it|that|this|they|those)\s+(?:come\s+with\s+|(?:on|in|available"
    r"\s+(?:on|in)|included\s+in|part\s+of|for)\s+)(?:all|every|each)\s+(?:the\s+|of\s+the\s+|your\s+)?(?:plans?|tiers?)\s*[?.!]*\s*$",
    re.IGNORECASE)


def without_greeting(text: str) -> str:
    """"Hello, we are getting 429s" → "we are getting 429s"."""
    return _LEADING_GREETING.sub("", text.strip())


def asked_of_a_plan(ctx: SupportContext) -> str | None:
    """"And for pro?" after "what are the api rate limits?": the question before, asked of that plan ("what
    are the api rate limits on pro"), its own plan swapped for the new one ("how much is pro?" → "and
    business?": "how much is business?"). "Is it worth it?" after two plans compared: whether the dearer is
    worth it over the other. "How much is it per year?" after "can I upgrade to pro?": asked of Pro. None for
    any other message, or with no question before."""
    if (worth := _worth_of_the_plans_compared(ctx) or _catch_of_the_plan_asked(ctx)
            or _compared_with_the_plan_asked(ctx)) is not None:
        return worth
    if (chosen := _CHOOSES_A_PLAN.match(ctx.message)) is not None:
        # "I'll take pro" after two plans compared (the scope reply): a move to that plan, asked for.
        # As a request ("upgrade me to …"), so a customer on that plan already is told so, not given its steps.
        return f"upgrade me to the {(chosen['plan'] or chosen['alone']).lower()} plan"
    before = previous_user_text(ctx)
    if asks_if_it_applies_to_them(ctx.message) and before:
        # "Does it apply to me?" after "what is the sla?": that question, answered for the customer's own plan.
        return f"{before.strip().rstrip('?.! ')} on my plan?"
    if (of_the_plan := _asked_of_the_plan_named_before(ctx)) is not None:
        return of_the_plan
    # "I'm on pro" after "why is my app slow?": the question before, for the plan the customer says they are on.
    if before and _ON_EVERY_PLAN.match(ctx.message) and not PLAN_NAMED.search(before):
        return f"{without_greeting(before).rstrip('?.! ')} on which plans?"
    if before and asks_what_an_upgrade_gives(ctx.message) and not _OWN_PLAN_ASKED.search(before):
        # "And if we upgrade?" from Business: no plan is above theirs, so it asks for more than their plan gives,
        # which the limit's answer says no plan allows (it got the guide's step "upgrade your plan").
        upgraded = _plan_upgraded_to(ctx)
        if upgraded is None and ctx.customer is not None and ctx.customer.plan.lower() == PLAN_KEYS_CHEAPEST_FIRST[-1]:
            upgraded = ctx.customer.plan.lower()
        if upgraded is not None:
            question = without_greeting(before).rstrip("?.! ")
            if PLAN_NAMED.search(question):
                return PLAN_NAMED.sub(f"{upgraded} plan", question, count=1) + "?"
            return f"{question} on the {upgraded} plan?"
    another = _ANOTHER_PLAN.match(ctx.message) or _STATES_OWN_PLAN.match(ctx.message) or _PLAN_ALONE.match(ctx.message)
    if (moved := _TO_A_PLAN.match(ctx.message)) is not None and before and not PLAN_NAMED.search(before):
        # "To free" after "I want to downgrade" (the invoice list): the move, to that plan.
        to = moved["to"] or moved["meant"] or moved["then"]
        return f"{before.strip().rstrip('?.! ')} to the {to.lower()} plan"
    if ((bare := _BARE_PLAN.match(ctx.message)) is not None and before and not PLAN_NAMED.search(before)
            and _ASKS_A_MOVE.search(before)):
        # "Business" alone after "I want to upgrade" (the invoice list): the same.
        return f"{before.strip().rstrip('?.! ')} to the {bare['plan'].lower()} plan"
    if another is None:
        return None
    if not before:
        return None
    plan = (another["plan"] or another.groupdict().get("alone") or another.groupdict().get("bare") or "").lower()
    if _OWN_PLAN_ASKED.search(before) or WHICH_PLANS.search(before):
        # "And for pro?" after "wat plans do u have": what that one plan is. One question, not "… and how much is
        # it?", which the writer answers as two (the plan's line, then the list of every plan); the plan's line
        # gives its price too, so "how much is my plan?" → "and business?" still gets Business's price.
        return f"what does the {plan} plan include?"
    question = without_greeting(before).rstrip("?.! ")
    if PLAN_NAMED.search(question):
        return PLAN_NAMED.sub(f"{plan} plan", question, count=1) + "?"
    return f"{question} on the {plan} plan?"


# "I'll take pro", "ok I'll go with business", "let's get the pro plan": a plan chosen, by name.
_CHOOSES_A_PLAN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|great|alright|right|then|so|yes|yeah)[,!.\s]+)*(?:i'?ll|i\s+will|we'?ll|we\s+will|let'?s|i'?d\s+like\s+to"
    r"|i\s+want\s+to)\s+(?:take|go\s+(?:with|for)|get|choose|pick|try)\s+(?:the\s+)?(?P<plan>pro|business)"
    r"(?:\s+(?:plan|one|tier))?(?:\s+(?:then|please))?\W*$"
    # "Ok pro then", "business please", "pro it is" after two plans compared (a comparison of the plan with itself).
    r"|^\W*(?:(?:ok(?:ay)?|great|alright|right|so|yes|yeah)[,!.\s]+)*(?:the\s+)?(?P<alone>pro|business)(?:\s+(?:plan|one|tier))?"
    r"\s+(?:then|please|it\s+is|for\s+me)\W*$", re.IGNORECASE)


# "I have 10 already", "we've got 3 apps now": how many apps the customer runs, said right after each plan's apps were
# counted ("not enough information", or the scope reply, came).
_APPS_HAD = re.compile(r"^\W*(?:(?:but|well|ok(?:ay)?|so|hmm)[,\s]+)?(?:i|we)(?:'ve|\s+have|\s+already\s+have|'m\s+at|\s+am\s+at"
                       r"|'re\s+at|\s+are\s+at)\s+(?:got\s+|already\s+)?(?P<count>\d{1,3})(?:\s+apps?)?(?:\s+(?:already|now"
                       r"|at\s+the\s+moment|right\s+now))?\W*$", re.IGNORECASE)
_APPS_COUNTED = re.compile(r"\b(?:up\s+to\s+\d+|unlimited|one)\s+apps?\b", re.IGNORECASE)


def apps_had_after_the_counts(ctx: SupportContext) -> int | None:
    """"I have 10 already" right after a reply that counted each plan's apps: 10; None for any other message."""
    said = _APPS_HAD.match(ctx.message)
    if said is None or not _APPS_COUNTED.search(last_assistant_text(ctx)):
        return None
    return int(said["count"])


# How the billing part says the help centre mentions no trial; "how long is it?" right after it asks the trial's length.
TRIAL_UNDESCRIBED = "I can't find anything about free trials in our help centre"
_HOW_LONG_IS_IT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+long(?:\s+(?:is|does|will|would)\s+(?:it|that|the\s+(?:free\s+)?trial)"
    r"(?:\s+(?:last|be|run|go\s+on))?(?:\s+for)?)?\s*[?.!]*\s*$", re.IGNORECASE)


def free_plan_duration_asked(ctx: SupportContext) -> bool:
    """"How long can I stay on free?", or "how long is it?" right after no trial was found: how long what costs nothing
    lasts, which the entry on the Free plan answers (the refund's time to arrive came by the FAQ shortcut)."""
    return asks_how_long_free_lasts(ctx.message) or (
        bool(_HOW_LONG_IS_IT.match(ctx.message)) and TRIAL_UNDESCRIBED in last_assistant_text(ctx))
