"""What becomes of the customer's apps, data and plan features after a move asked about before: cancelling,
deleting the account, a smaller plan or a bigger one ("will I lose my apps?", "will my custom domain still work?").
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import earlier_user_texts, previous_user_text
from agents.follow_ups.leaning_back import MAX_WORDS
from agents.follow_ups.plan_moves import (
    CANCELLING,
    CANCELS_SOMETHING_ELSE,
    DELETING_THE_ACCOUNT,
    DOWNGRADING,
    UPGRADING,
)
from agents.plan_names import PLAN_KEYS_CHEAPEST_FIRST

# "Will I lose my apps?", "what happens to my data?", "would my apps be deleted?": what becomes of the
# customer's things after something said before (cancelling, deleting the account). Not "how do I keep my
# app awake?", a how-to of its own, nor "I lost my authenticator app", a two-factor problem. The verbs as
# customers type them in a hurry: "loose", "hapens to", "delted".
_THINGS = (r"(?:apps?|applications?|data|sites?|websites?|projects?|databases?|files|domains?|everything|invoices?"
           r"|receipts?|(?:billing|payment)\s+history)")
_NOT_THEIR_THINGS = r"(?<!authenticator\s)(?<!authentication\s)(?<!auth\s)(?<!2fa\s)(?<!otp\s)"
_LOSE_OR_KEEP = (r"(?:lo{1,2}se|lo{1,2}sing|lost|keep|keeping|kept|hap+en(?:s|ed|d)?\s+(?:to|with)"
                 r"|become\s+of)")
_GONE = r"(?:del[ei]?te?d|deleat?ed|removed|wiped|erased|kept|lost|gone|safe|destroyed)"
# "Will you delete my data if I cancel?": asked of us, as a question; "can you delete my app?" is a request.
_WE_DELETE = r"(?:delete|remove|wipe|erase|destroy|purge)"
_FATE_OF_THINGS = re.compile(
    rf"\b{_LOSE_OR_KEEP}\s+(?:\w+\s+){{0,3}}?{_NOT_THEIR_THINGS}{_THINGS}\b"
    r"(?!\s+(?:awake|running|alive|up|online|warm)\b)"
    rf"|\b{_NOT_THEIR_THINGS}{_THINGS}\s+(?:\w+\s+){{0,3}}?{_GONE}\b"
    rf"|\b(?:will|would|do|does|are|is)\s+(?:you|u|northwind|they|it)\s+(?:\w+\s+){{0,2}}?{_WE_DELETE}\s+"
    rf"(?:\w+\s+){{0,3}}?{_NOT_THEIR_THINGS}{_THINGS}\b",
    re.IGNORECASE,
)
_HOW_TO = re.compile(r"^\s*(?:how|where)\b", re.IGNORECASE)


# Whether something a plan gives keeps working once the plan is smaller: "will my custom domain still work?",
# "will my team members keep access?", "do I keep my custom domain?", "will my apps go to sleep then?", "what do
# I lose?". Apps and data themselves are _FATE_OF_THINGS' (the cancellation entry says what becomes of them).
_FEATURES = (r"(?:custom\s+)?domains?|team(?:\s+members?)?|members?|teammates?|colleagues?|collaborators?|seats?"
             r"|roles?|(?:priority\s+|email\s+)?support|sla|uptime|build\s+minutes|minutes|certificates?|ssl|https")
_KEEPS_WORKING = re.compile(
    r"\b(?:still|keep|keeps|continue|continues)\s+(?:to\s+)?(?:work|working|run|running|function\w*|have\s+access"
    r"|access|be\s+(?:available|active|live|on|there))\b|\bstop\s+working\b",
    re.IGNORECASE,
)
_KEEPS_A_FEATURE = re.compile(rf"\b{_LOSE_OR_KEEP}\s+(?:my|our|the|any)\s+(?:\w+\s+){{0,2}}?(?:{_FEATURES})\b"
                              # "Will I still have custom domains?" after "how do I cancel?" (the domains guide's steps).
                              rf"|\bstill\s+(?:have|get)\s+(?:(?:my|our|the|any)\s+)?(?:\w+\s+){{0,2}}?(?:{_FEATURES})\b"
                              # "Will we lose team roles?" after "downgrade to pro" (the team's entry as a guess).
                              rf"|\blo{{1,2}}se\s+(?:\w+\s+)?(?:{_FEATURES})\b"
                              # "Will my team members lose access?" (the team's entry, with what roles do unsaid).
                              rf"|\b(?:{_FEATURES})\s+(?:\w+\s+){{0,2}}?(?:lose|lost|losing)\s+(?:their\s+|its\s+)?access\b",
                              re.IGNORECASE)
_ASLEEP = re.compile(r"\b(?:apps?|sites?|websites?)\s+(?:\w+\s+){0,3}?(?:sleep|asleep|idle|spin\s+down)\b",
                     re.IGNORECASE)
_WHAT_IS_LOST = re.compile(
    r"\bwhat\s+(?:else\s+)?(?:do|would|will|did|am|are|\w+'d|\w+'ll)\s+(?:i|we)\s+(?:be\s+)?"
    r"(?:lo{1,2}s(?:e|ing)|give\s+up|giving\s+up|miss(?:ing)?(?:\s+out)?)\b"
    r"|\b(?:do|would|will|could)\s+(?:i|we)\s+lo{1,2}se\s+(?:anything|something|any\s+features?)\b"
    # "What happens if I downgrade to pro?" (the plan and the invoice list came): what the move takes away, and when. Not
    # "what happens to my apps", one thing.
    r"|\bwhat\s+(?:happens|would\s+happen|will\s+happen)\s+(?:if|when|once)\s+(?:i|we)\s+(?:downgrade|move\s+down|drop\s+down)\b"
    r"|\b(?:if|when)\s+(?:i|we)\s+(?:downgrade|move\s+down|drop\s+down)\b[^.?!]{0,30}\bwhat\s+(?:happens|would\s+happen)\b"
    r"(?!\s+to\b)",
    re.IGNORECASE,
)


# "If my payment fails", "when my plan ends", "after the trial": a condition the fate of the things hangs on.
_ON_A_CONDITION = re.compile(r"\b(?:if|when|whenever|after|once|because|unless|during|while|since)\b", re.IGNORECASE)
# What the help centre's entries on cancelling and deleting speak of: apps and data, not invoices.
_APPS_OR_DATA = re.compile(r"\b(?:apps?|applications?|data|sites?|websites?|projects?|databases?|files|everything)\b",
                           re.IGNORECASE)
# "Is my data safe?", "is my data kept in europe?" ask how and where it is kept (the entry on where data is stored,
# GDPR), not what would end it.
_KEPT_FROM_HARM = re.compile(r"\b(?:safe|secure|protected|private|encrypted|backed\s+up|where)\b"
                             r"|\b(?:kept|stored|held|hosted|located)\s+(?:in|on|at|outside|within)\b", re.IGNORECASE)
# Asked ahead, not told: "will I lose my apps?", "what happens to my data?"; not "I lost my data", a mishap.
_ASKED_AHEAD = re.compile(r"\b(?:will|would|what\s+(?:happens|will\s+happen)|do\s+i|does|are|is|gets?)\b",
                          re.IGNORECASE)


def asks_what_becomes_of_them_alone(message: str) -> bool:
    """"What happens to my data?", "will I lose my apps?" with nothing said of what would end them: no cancelling,
    deleting or downgrading named, and no condition ("if my payment fails")."""
    ending_named = (CANCELLING, DELETING_THE_ACCOUNT, DOWNGRADING, _ON_A_CONDITION, _KEPT_FROM_HARM)
    return (len(message.split()) <= 2 * MAX_WORDS and asks_what_becomes_of(message)
            and bool(_APPS_OR_DATA.search(message)) and bool(_ASKED_AHEAD.search(message))
            and not any(pattern.search(message) for pattern in ending_named))


def asks_what_becomes_of(message: str) -> bool:
    """"Will I lose my apps?", "what happens to my data?": what follows for the customer's apps or data
    from something the conversation is about."""
    return bool(_FATE_OF_THINGS.search(message)) and not _HOW_TO.search(message)


def asks_what_a_smaller_plan_keeps(message: str) -> bool:
    """"Will my custom domain still work?", "what do I lose?": whether what a plan gives carries on, a
    question about a move to a smaller plan when it follows one. Not a how-to ("how do I keep my domain
    working?")."""
    if _HOW_TO.search(message):
        return False
    return any(p.search(message) for p in (_KEEPS_WORKING, _KEEPS_A_FEATURE, _ASLEEP, _WHAT_IS_LOST))


def asks_what_lost_in_general(message: str) -> bool:
    """"What do I lose?": everything a smaller plan lacks, not one thing."""
    return bool(_WHAT_IS_LOST.search(message))


# "We'd like to move to the pro plan", "drop down to pro": a move by the plan's name. service_terms.plan_moved_to reads
# "put me on", "switch my plan to" too, but not "drop": the FAQ search reads its moves, so it is not widened for this.
_MOVES_TO_A_NAMED_PLAN = re.compile(
    r"\b(?:move|moving|switch|switching|go|going|change|changing|drop|dropping)\s+(?:back\s+|down\s+)*to\s+(?:the\s+)?"
    r"(?P<plan>free|pro|business)\b"
    # "To free" alone, after "can I downgrade?": where the move asked before goes (the domains guide came for "will I
    # lose my custom domain?" after it).
    r"|^\W*(?:(?:and|ok(?:ay)?|so|i\s+mean)[,\s]+)?to\s+(?:the\s+)?(?P<to>free|pro|business)(?:\s+(?:plan|tier|one))?\W*$",
    re.IGNORECASE)


def _names_a_move_to_a_smaller_plan(text: str, ctx: SupportContext) -> bool:
    """"We'd like to move to the pro plan" from Business: a move by the plan's name, down from the customer's."""
    if ctx.customer is None or (moved := _MOVES_TO_A_NAMED_PLAN.search(text)) is None:
        return False
    own = ctx.customer.plan.lower()
    return own in PLAN_KEYS_CHEAPEST_FIRST and (
        PLAN_KEYS_CHEAPEST_FIRST.index((moved["plan"] or moved["to"]).lower()) < PLAN_KEYS_CHEAPEST_FIRST.index(own))


def lost_in_a_move_up(ctx: SupportContext) -> str | None:
    """"What will I lose?" right after "I want to switch to the business plan" from Pro: what the plan above has over the
    customer's ("what does business have over pro?"), which says nothing is lost (it got the invoice list); None
    otherwise."""
    if ctx.customer is None or not asks_what_lost_in_general(ctx.message):
        return None
    own = ctx.customer.plan.lower()
    moved = _MOVES_TO_A_NAMED_PLAN.search(previous_user_text(ctx) or "")
    if moved is None or own not in PLAN_KEYS_CHEAPEST_FIRST:
        return None
    to = (moved["plan"] or moved["to"]).lower()
    return f"what does {to} have over {own}?" if PLAN_KEYS_CHEAPEST_FIRST.index(to) > PLAN_KEYS_CHEAPEST_FIRST.index(own) else None


def asks_what_an_upgrade_loses(ctx: SupportContext) -> bool:
    """"Will I lose anything?" after "how do I upgrade?": what a move to a bigger plan takes away (the scope reply)."""
    if not asks_what_a_smaller_plan_keeps(ctx.message) or DOWNGRADING.search(ctx.message) or CANCELLING.search(
            ctx.message):
        return False
    return speaks_of_an_upgrade(ctx)


def asks_of_sleep_after_an_upgrade(ctx: SupportContext) -> bool:
    """"Will my app stop sleeping right away?" after "I want to upgrade to pro": what the upgrade does to sleeping apps
    (it got the scaling guide's steps)."""
    return (bool(_SLEEPING_APPS.search(ctx.message)) and speaks_of_an_upgrade(ctx)
            and not _HOW_TO.search(ctx.message))


_SLEEPING_APPS = re.compile(r"\b(?:apps?|sites?|websites?)\b[^.?!]{0,30}?\b(?:sleep|sleeps|sleeping|asleep)\b", re.IGNORECASE)


def speaks_of_an_upgrade(ctx: SupportContext) -> bool:
    """Whether the message, or the question it follows, names an upgrade ("how do I upgrade?" then "will I lose my
    apps?")."""
    return any(UPGRADING.search(text) for text in (ctx.message, previous_user_text(ctx) or ""))


def move_to_smaller_plan(ctx: SupportContext) -> str | None:
    """"cancel" or "downgrade": what the customer's message before asked for, when this one asks what the
    smaller plan keeps; None otherwise. Deleting the account is not a move to a plan: what it removes is the
    deletion entry's."""
    # "What about team members?" after "will I lose my SLA?": that question, of the members, and the move before it.
    asked = fate_asked_of_other_things(ctx) or ctx.message
    if not asks_what_a_smaller_plan_keeps(asked):
        return None
    if (ctx.customer is not None and not ctx.customer.plan_price
            and re.search(rf"\b{re.escape(ctx.customer.plan)}\b", asked, re.IGNORECASE)):
        # "Do free apps go to sleep?" from Carol, on Free, after "how do I cancel?": asked of the plan she is on, which
        # no cancellation moves her to (it got "no move to Free to make").
        return None
    # "What do I lose if I downgrade to Pro?" names the move itself; "what do I lose?" leans on the one before, and
    # "what about team members?" on the question before that one too.
    texts = [asked, previous_user_text(ctx) or ""]
    if asked != ctx.message and texts[1] in (earlier := earlier_user_texts(ctx)):
        texts += earlier[earlier.index(texts[1]) + 1:][:1]
    for text in texts:
        if DELETING_THE_ACCOUNT.search(text):
            return None
        if DOWNGRADING.search(text) or _names_a_move_to_a_smaller_plan(text, ctx):
            return "downgrade"
        if CANCELLING.search(text):
            return "cancel"
    return None


def asks_what_ending_does(ctx: SupportContext) -> bool:
    """"Will I lose my apps?" right after asking how to cancel, to downgrade or to delete the account, or "will my custom
    domain still work?" right after asking to cancel or downgrade: a follow-up, though nothing in it points
    back. Asked after anything else ("my deploy failed"), it stands alone."""
    if move_to_smaller_plan(ctx) is not None:
        return True
    if not asks_what_becomes_of(ctx.message):
        return False
    previous = previous_user_text(ctx) or ""
    return bool(CANCELLING.search(previous) or DELETING_THE_ACCOUNT.search(previous) or DOWNGRADING.search(previous))


def asks_what_cancelling_does(message: str) -> bool:
    """"Will you delete my data if I cancel?", "will I lose my apps if I cancel?": what cancelling the plan, named
    in the question itself, does to apps or data. Not deleting the account, which its own entry answers."""
    return (asks_what_becomes_of(message) and bool(CANCELLING.search(message))
            and not CANCELS_SOMETHING_ELSE.search(message) and not DELETING_THE_ACCOUNT.search(message))


# "And my apps?", "what about our domains?" right after "will I lose my invoices?": the same question, of those things.
_AND_THOSE_THINGS = re.compile(rf"^\W*(?:(?:and|ok(?:ay)?|so)[,\s]+)?(?:(?:what|how)\s+about\s+|and\s+)?(?P<things>(?:my|our"
                               rf"|the)\s+{_THINGS})(?:\s+too)?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_of_things_after_a_move(ctx: SupportContext) -> bool:
    """"What about my apps?" right after "I want to downgrade to pro" or "how do I cancel?": what the move does to them
    (the plan and the invoice list came)."""
    before = previous_user_text(ctx) or ""
    return bool(_AND_THOSE_THINGS.match(ctx.message)) and bool(DOWNGRADING.search(before) or CANCELLING.search(before))


_THINGS_NAMED = re.compile(rf"\b(?:my|our|the)\s+{_THINGS}\b", re.IGNORECASE)


# "What about team members?" right after "will I lose my SLA?" (after a downgrade): the same question, of what a plan
# gives. Asked alone, the team's entry came as a guess.
_WHAT_ABOUT_WHAT_A_PLAN_GIVES = re.compile(
    r"^\W*(?:(?:and|ok(?:ay)?|so)[,\s]+)?(?:(?:what|how)\s+about|and)\s+(?:(?:my|our|the)\s+)?(?P<things>team\s+members"
    r"|teammates|members|users|custom\s+domains?|sla|uptime\s+sla|priority\s+support|support|custom\s+roles|roles"
    r"|build\s+minutes)(?:\s+too)?\s*[?.!]*\s*$", re.IGNORECASE)
_LOSES_WHAT = re.compile(r"\b(?P<verb>lose|keep)\s+(?:my|our|the)\s+[\w-]+(?:\s+(?:members|domains?|roles|minutes|support))?",
                         re.IGNORECASE)


def fate_asked_of_other_things(ctx: SupportContext) -> str | None:
    """"And my apps?" right after "will I lose my invoices?": "will I lose my apps?"; "what about team members?" right
    after "will I lose my SLA?": "will I lose my team members?"; None otherwise."""
    before = previous_user_text(ctx) or ""
    if (other := _AND_THOSE_THINGS.match(ctx.message)) is not None:
        if not asks_what_becomes_of(before) or _THINGS_NAMED.search(before) is None:
            return None
        return _THINGS_NAMED.sub(other["things"], before, count=1)
    given = _WHAT_ABOUT_WHAT_A_PLAN_GIVES.match(ctx.message)
    # "And my custom domain?" after "will I lose my apps?" too: apps are no plan's, but what is lost is asked all the same.
    if given is None or not (asks_what_a_smaller_plan_keeps(before) or asks_what_becomes_of(before)) or (
            lost := _LOSES_WHAT.search(before)) is None:
        return None
    return f"{before[:lost.start()]}{lost['verb']} my {given['things']}{before[lost.end():]}"


def fate_of_other_things_after_cancelling(ctx: SupportContext) -> bool:
    """fate_asked_of_other_things in a conversation about cancelling ("how do I cancel?", "will I lose my apps?", "and
    my data?"), not about deleting the account: what the entry on cancelling says."""
    if fate_asked_of_other_things(ctx) is None:
        return False
    earlier = earlier_user_texts(ctx)[:3]
    return (any(CANCELLING.search(text) for text in earlier)
            and not any(DELETING_THE_ACCOUNT.search(text) for text in earlier))


# "Will I still be charged?" after asking how to delete the account, "if I delete my account will I still be charged?":
# whether deleting stops the plan's charges (the invoice list came, or the deletion's steps again).
_CHARGED = re.compile(r"\b(?:charged?|charging|bill(?:ed|ing)?|pay(?:ing)?|renew\w*|invoiced?)\b", re.IGNORECASE)


def asks_if_deleting_stops_charges(ctx: SupportContext) -> bool:
    """Whether the message asks if the plan is still charged once the account is deleted (asked in it, or right after
    asking how to delete it), not once it is cancelled."""
    if not _CHARGED.search(ctx.message) or CANCELLING.search(ctx.message):
        return False
    return bool(DELETING_THE_ACCOUNT.search(ctx.message) or DELETING_THE_ACCOUNT.search(previous_user_text(ctx) or ""))
