"""Short questions that lean on what was just talked of, read with it named.

"Can I try it first?" after the plans were compared got "no guide"; "how much would I save?" after paying yearly got the
plans' prices; "how do I claim?" after the SLA's service credits got a complaint's reply; "how do I get a second one?"
after how many apps a plan allows, the API rate limits guide; "what do I get for that?" after a plan's price, the scope
reply; "what about startups?" after a discount for nonprofits, "my answer is the same"; "we have 5 devs" after the
plans were priced, the scope reply. Each names nothing of its own, so it is read with what the turns before it were
about, and every agent reads the question as it was meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agents.about_service import asks_how_to_get_started, considers_joining
from agents.follow_ups.plan_moves import DOWNGRADING, UPGRADING, asks_how_or_when_of_it
from agents.nearest_region import region_to_pick_asked_for_a_place
from agents.number_words import words_alternation
from agents.plan_names import PLAN_NAMED, PLANS_CHEAPEST_FIRST


@dataclass(frozen=True)
class TalkedOf:
    """The turns a short question leans on: the customer's question before it, and the reply to that."""

    asked_before: str
    last_reply: str

    @property
    def text(self) -> str:
        return f"{self.asked_before} {self.last_reply}"

# "Can I try it first?" right after the plans were compared, "can I try it before paying?" after what Pro includes: a
# trial of the plan talked of ("no guide", or the card's entry for "paying").
_TRIES_IT = re.compile(r"\b(?P<verb>try|trial|test)\s+(?:out\s+)?(?:it|them|that(?:\s+plan)?|this(?:\s+plan)?|one)\b"
                       r"(?=\s+(?:out\s+)?(?:first|for\s+free|free|before|without\s+paying|at\s+no\s+cost))",
                       re.IGNORECASE)
_PAID_PLAN_NAMED = re.compile(r"\b(pro|business)\b", re.IGNORECASE)
# Asked, not said: "let me try that first" after a guide that names Pro is the guide's steps tried.
_ASKS_IF_ONE_CAN = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|also|hmm+)[,\s]+)?(?:can|could|may|is\s+it\s+possible\s+to"
                              r"|do\s+(?:you|i|we)|would\s+it\s+be\s+possible\s+to)\b", re.IGNORECASE)


def with_the_plan_tried_named(message: str, *, talked_of: TalkedOf) -> str:
    """"Can I try it first?" → "can I try Pro first?" when `talked_of` (the turns before) names Pro alone, "… try a paid
    plan first?" when it names both paid plans; the message as it is when it names neither, or tries nothing."""
    plans = {found.capitalize() for found in _PAID_PLAN_NAMED.findall(talked_of.text)}
    if not plans or not _ASKS_IF_ONE_CAN.match(message):
        return message
    plan = plans.pop() if len(plans) == 1 else "a paid plan"
    return _TRIES_IT.sub(lambda found: f"{found['verb']} {plan}", message)


# "How much would I save?" right after paying yearly was asked about: the saving of paying yearly (the plans' prices
# came, as if a cheaper plan were asked for).
_ASKS_THE_SAVING = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much\s+(?:would|will|do|could|can|does)\s+"
                              r"(?:i|we|it)\s+save|what\s+(?:would|will)\s+(?:i|we)\s+save|is\s+it\s+cheaper)(?:\s+(?:then|that\s+way))?"
                              r"\s*[?.!]*\s*$", re.IGNORECASE)
_PAYING_YEARLY = re.compile(r"\b(?:yearly|annual(?:ly)?|per\s+year|a\s+year)\b", re.IGNORECASE)


def with_the_yearly_saving_named(message: str, *, talked_of: TalkedOf) -> str:
    """"How much would I save?" → "how much would I save paying yearly?" when `talked_of` (the turns before) is about
    paying yearly; the message as it is otherwise."""
    if not _ASKS_THE_SAVING.match(message) or not _PAYING_YEARLY.search(talked_of.text):
        return message
    return f"{message.strip().rstrip('?.! ')} paying yearly?"


# "How do I claim?", "can I claim it?" right after the SLA's service credits were told: a claim of those credits (read
# alone, "claim" is a complaint's word, and its reply asked what had gone wrong).
_ASKS_TO_CLAIM = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?(?P<asks>how\s+(?:do|can|would|should)\s+(?:i|we)\s+claim"
                            r"|(?:can|could)\s+(?:i|we)\s+claim|where\s+(?:do|can)\s+(?:i|we)\s+claim)(?:\s+(?:it|them|one|that))?"
                            r"(?:\s+(?:then|now))?\s*[?.!]*\s*$", re.IGNORECASE)
_CREDITS_TOLD = re.compile(r"\bservice\s+credits?\b", re.IGNORECASE)


def with_the_credits_claim_named(message: str, *, talked_of: TalkedOf) -> str:
    """"How do I claim?" → "how do I claim service credits?" when `talked_of` (the turns before) is about the SLA's
    service credits; the message as it is otherwise."""
    if (asked := _ASKS_TO_CLAIM.match(message)) is None or not _CREDITS_TOLD.search(talked_of.text):
        return message
    return f"{asked['asks']} service credits?"


# "How do I get a second one?", "how can I have another?" right after how many apps a plan allows: more apps (the API
# rate limits guide came, for "get more").
_ASKS_FOR_ANOTHER = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?how\s+(?:do|can|could|would)\s+(?:i|we)\s+"
                               r"(?:get|have|add|make|create|run)\s+(?:a\s+second|another|more|a\s+2nd|an\s+extra)"
                               r"(?:\s+ones?)?\s*[?.!]*\s*$", re.IGNORECASE)
_APPS_COUNTED = re.compile(r"\b(?:one|\d+)\s+apps?\b", re.IGNORECASE)


def with_more_apps_named(message: str, *, talked_of: TalkedOf) -> str:
    """"How do I get a second one?" → "how do I get more apps?" when `talked_of` (the turns before) counted apps; the
    message as it is otherwise."""
    if not _ASKS_FOR_ANOTHER.match(message) or not _APPS_COUNTED.search(talked_of.text):
        return message
    return "how do I get more apps?"


# "What do I get for that?" right after a plan's price: what the plan includes (the scope reply came).
_ASKS_WHAT_IT_BUYS = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?what\s+(?:do|does|would|will)\s+(?:i|we)\s+get\s+"
                                r"for\s+(?:that|it|this|the\s+money|my\s+money|our\s+money|\$?\d+(?:\.\d{2})?)"
                                r"(?:\s+(?:then|exactly))?\s*[?.!]*\s*$", re.IGNORECASE)
_PLAN_PRICED = re.compile(r"\b(Free|Pro|Business)\s+plan\s+at\s+\$|\b(Free|Pro|Business)\s+\(\$")


def with_the_plan_priced_named(message: str, *, talked_of: TalkedOf) -> str:
    """"What do I get for that?" → "what does the Pro plan include?" when `talked_of` (the turns before) gave one plan's
    price, or priced every plan after a question that named one ("how much is pro?"); "what does each plan include?"
    after every plan priced with none or several named; the message as it is otherwise."""
    if not _ASKS_WHAT_IT_BUYS.match(message):
        return message
    priced = {found[1] or found[2] for found in _PLAN_PRICED.finditer(talked_of.text)}
    if len(priced) != 1 and _PLANS_PRICED.search(talked_of.last_reply):
        priced = {found.split()[0].capitalize() for found in PLAN_NAMED.findall(talked_of.asked_before)}
        if len(priced) != 1:
            return "what does each plan include?"
    return f"what does the {priced.pop()} plan include?" if len(priced) == 1 else message


# "Ok what about startups?" right after a discount for nonprofits was asked: the same discount, for them ("my answer is
# the same" came, naming nonprofits again).
_WHAT_ABOUT = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?(?:what|how)\s+about\s+(?:for\s+)?(?P<who>[a-z][a-z\s-]{1,30}?)"
                         r"\s*[?.!]*\s*$", re.IGNORECASE)
_DISCOUNT_ASKED = re.compile(r"\bdiscounts?\s+for\s+\w+", re.IGNORECASE)


def with_the_discount_asked_of(message: str, *, talked_of: TalkedOf) -> str:
    """"What about startups?" → "do you offer discounts for startups?" when `talked_of` (the turns before) asked a
    discount for someone; the message as it is otherwise."""
    if (asked := _WHAT_ABOUT.match(message)) is None or not _DISCOUNT_ASKED.search(talked_of.text):
        return message
    return f"do you offer discounts for {asked['who'].strip()}?"


# "We have 5 devs" right after the plans were priced (to a visitor weighing us up): who the plan is for, which a plan's
# count of team members decides (the scope reply came).
_TEAM_TOLD = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|well)[,\s]+)?(?:we(?:'re|\s+are)\s+(?:a\s+team\s+of\s+)?|we\s+have\s+|there\s+are\s+"
                        rf"|our\s+team\s+(?:is|has)\s+)(?P<n>\d+|{words_alternation(least=2)}|a\s+few)\s+"
                        r"(?P<who>devs?|developers?|people|engineers?|members?|of\s+us)\W*$", re.IGNORECASE)
_PLANS_PRICED = re.compile(r"\b(?:Free|Pro|Business)\b[^.\n]{0,12}\$\d")


def with_the_team_named(message: str, *, talked_of: TalkedOf) -> str:
    """"We have 5 devs" → "which plan should we choose for a team of 5 devs?" when `talked_of` (the turns before) priced
    the plans; the message as it is otherwise."""
    if (told := _TEAM_TOLD.match(message)) is None or not _PLANS_PRICED.search(talked_of.text):
        return message
    who = "people" if told["who"].lower() == "of us" else told["who"]
    return f"which plan should we choose for a team of {told['n']} {who}?"


# "How do I do that?" right after "is it worth upgrading?" or "should I downgrade?": how to make that move (the scope
# reply came, as the question before asked whether, not how, and named no plan).
_ASKS_HOW = re.compile(r"^\W*(?:\w+[,\s]+)?how\b", re.IGNORECASE)


def with_the_plan_move_named(message: str, *, talked_of: TalkedOf) -> str:
    """"How do I do that?" → "how do I upgrade my plan?" when the question before spoke of upgrading (or downgrading)
    and not of the other; the message as it is otherwise."""
    if not (asks_how_or_when_of_it(message) and _ASKS_HOW.match(message)):
        return message
    up, down = UPGRADING.search(talked_of.asked_before), DOWNGRADING.search(talked_of.asked_before)
    if bool(up) == bool(down):
        return message
    return f"how do I {'upgrade' if up else 'downgrade'} my plan?"


# "Can I have that back?", "could we get it back?" right after an invoice was named: a refund of it ("my answer is the
# same" came, the invoice again).
_ASKS_IT_BACK = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then|well)[,\s]+)?(?:can|could|may|do)\s+(?:i|we)\s+"
                           r"(?:please\s+)?(?:have|get)\s+(?:that|it|this|them|those)\s+back(?:\s+please)?\s*[?.!]*\s*$",
                           re.IGNORECASE)
_INVOICE_NAMED = re.compile(r"\bNW-\d+\b")


def with_the_refund_named(message: str, *, talked_of: TalkedOf) -> str:
    """"Can I have that back?" → "can I get a refund for invoice NW-2001?" when the last reply named that invoice alone
    ("… for it?" when it named several); the message as it is otherwise."""
    named = set(_INVOICE_NAMED.findall(talked_of.last_reply))
    if not _ASKS_IT_BACK.match(message) or not named:
        return message
    return f"can I get a refund for invoice {named.pop()}?" if len(named) == 1 else "can I get a refund for it?"


# "The second one", "the first", "the bottom one" right after a list of invoices: that invoice (the list came again).
# The list is newest first, so "the latest one" and "the most recent" are its first, and "the oldest" its last. "The
# last one" is the last payment, as after "i need help with my bill" (the list came again after "show my invoices").
_ORDINALS = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "bottom": -1, "latest": 0, "newest": 0, "most recent": 0, "oldest": -1, "earliest": -1, "last": None}
_PICKS_ONE_LISTED = re.compile(rf"^\W*(?:(?:and|so|ok(?:ay)?|well|um+|er+)[,\s]+)?(?:it'?s\s+|its\s+)?the\s+"
                               rf"(?P<nth>{'|'.join(_ORDINALS)})(?:\s+(?:one|invoice|bill|charge))?(?:\s+please)?\s*[?.!]*\s*$",
                               re.IGNORECASE)
_INVOICE_LISTED = re.compile(r"^- (NW-\d+):", re.MULTILINE)


def with_the_invoice_listed_named(message: str, *, talked_of: TalkedOf) -> str:
    """"The second one" → "invoice NW-2001" when the last reply listed invoices and one is at that place; the message as
    it is otherwise."""
    if (picked := _PICKS_ONE_LISTED.match(message)) is None:
        return message
    listed = _INVOICE_LISTED.findall(talked_of.last_reply)
    place = _ORDINALS[picked["nth"].lower()]
    if not listed:
        return message
    if place is None:
        return "my last payment"
    if place >= len(listed):
        return message
    return f"invoice {listed[place]}"


# "On which plan?", "what tier is that on?", "in which plans?" right after a question about something we offer ("do
# you support custom domains?"): the plan that question's answer hangs on (read alone, the customer's own plan, and a
# visitor was asked to sign in). Not "which plan?" alone nor "which plan do I need for that?", which have readings of
# their own.
_ON_WHICH_PLAN = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?(?:(?:on|in|with)\s+(?:which|what)\s+(?:plans?|tiers?|packages?)"
    r"|(?:which|what)\s+(?:plans?|tiers?|packages?)\s+(?:is|are)\s+(?:it|that|this|they|those)\s+(?:on|in|included\s+in))"
    r"\s*[?.!]*\s*$", re.IGNORECASE)
_ASKED = re.compile(r"\?\s*$|^\W*(?:do|does|is|are|can|could|will|would)\b", re.IGNORECASE)


def with_the_question_before_asked_of_the_plan(message: str, *, talked_of: TalkedOf) -> str:
    """"On which plan?" → "do you support custom domains? on which plan?" when the message before asked a question;
    the message as it is otherwise."""
    before = talked_of.asked_before.strip()
    if not _ON_WHICH_PLAN.match(message) or not _ASKED.search(before):
        return message
    return f"{before.rstrip('?.! ')}? on which plan?"


# "What would I lose?", "what do I give up?" right after the plan below the customer's was named ("anything cheaper?"):
# what moving down to it loses (the scope reply came).
_ASKS_WHAT_IS_LOST = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?what\s+(?:would|will|do|did|'d)\s+(?:i|we)\s+"
                                r"(?:lo{1,2}se|give\s+up|miss(?:\s+out\s+on)?)(?:\s+then)?\s*[?.!]*\s*$", re.IGNORECASE)
_PLAN_BELOW_TOLD = re.compile(r"\bthe plan below it is (?P<plan>Free|Pro)\b")


def with_the_move_down_named(message: str, *, talked_of: TalkedOf) -> str:
    """"What would I lose?" → "what would I lose if I downgrade to pro?" when the last reply named the plan below the
    customer's; the message as it is otherwise."""
    if not _ASKS_WHAT_IS_LOST.match(message) or (below := _PLAN_BELOW_TOLD.search(talked_of.last_reply)) is None:
        return message
    return f"what would I lose if I downgrade to {below['plan'].lower()}?"


# "Can I choose?", "do I get to pick?" right after a reply that says data stays in the region chosen: the region (the
# upgrade's steps came, for "choose").
_ASKS_IF_ONE_CHOOSES = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:can|could|do|may)\s+(?:i|we)\s+(?:get\s+to\s+)?"
                                  r"(?:choose|pick|select|decide)(?:\s+(?:it|that|one|which))?\s*[?.!]*\s*$", re.IGNORECASE)
_REGION_CHOSEN_TOLD = re.compile(r"\bregion\s+you\s+(?:choose|pick)\b|\bpick\s+the\s+region\b", re.IGNORECASE)


def with_the_region_named(message: str, *, talked_of: TalkedOf) -> str:
    """"Can I choose?" → "can I choose the region?" when the last reply spoke of the region chosen; the message as it
    is otherwise."""
    if not _ASKS_IF_ONE_CHOOSES.match(message) or not _REGION_CHOSEN_TOLD.search(talked_of.last_reply):
        return message
    return "can I choose the region?"


# "Which one has priority support?", "which of them includes custom domains?" right after a reply that named plans: which
# plan ("not enough information", or the domains guide's steps, came).
_WHICH_ONE_HAS = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:which|what)\s+(?:one|of\s+(?:them|the\s+two|those))\s+"
                            r"(?=(?:has|have|includes?|gives?|comes?\s+with|offers?|allows?)\b)", re.IGNORECASE)
_PLANS_NAMED = re.compile(r"\b(?:Free|Pro|Business)\b")


def with_the_plan_asked_which_named(message: str, *, talked_of: TalkedOf) -> str:
    """"Which one has priority support?" → "which plan has priority support?" when the last reply named two plans or
    more; the message as it is otherwise."""
    if not _WHICH_ONE_HAS.match(message) or len(set(_PLANS_NAMED.findall(talked_of.last_reply))) < 2:
        return message
    return _WHICH_ONE_HAS.sub("which plan ", message, count=1)


def with_the_place_named(message: str, *, talked_of: TalkedOf) -> str:
    """"Which region should I use?" → "which region is closest to asia?" right after a question that said where the
    app's users are; the message as it is otherwise."""
    return region_to_pick_asked_for_a_place(message, asked_before=talked_of.asked_before) or message


# "Can I switch later?", "can I switch back later?" right after plans were compared (the scope reply, or "no guide"):
# whether the plan can be changed afterwards, which the entries on moving up and down answer.
_SWITCH_LATER = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|also)[,\s]+)?(?:can|could|may|will)\s+(?:i|we)\s+(?:(?:be\s+able\s+to)\s+)?"
    r"(?:switch|change|move|go)(?:\s+(?:back|over|it|plans?))?\s+(?:later(?:\s+on)?|anytime|any\s+time|afterwards|whenever"
    r"|at\s+any\s+(?:time|point)|in\s+the\s+future)\s*[?.!]*\s*$", re.IGNORECASE)


def with_the_plan_change_named(message: str, *, talked_of: TalkedOf) -> str:
    """"Can I switch later?" → "can I change my plan later?" right after plans were priced, or a plan asked about; the
    message as it is otherwise ("can we switch later?" after the regions, which name Business, asks of a region)."""
    if not _SWITCH_LATER.match(message) or not (_PLANS_PRICED.search(talked_of.last_reply)
                                                 or PLAN_NAMED.search(talked_of.asked_before)):
        return message
    return "can I change my plan later?"


# "What do the paid plans include?", "what do you get on the paid plans?": the plans' contents ("paid" read as a payment:
# the sign-in request, or the customer's plan and invoices).
_PAID_PLANS_CONTENTS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?what\s+(?:do|does|is|are)\s+(?:(?:i|we|you)\s+get\s+(?:on|with|in)\s+)?(?:the\s+|your\s+)?"
    r"paid\s+(?:plans?|tiers?)(?:\s+(?:include|includes|offer|offers|have|has|come\s+with|give\s+(?:me|us|you)))?"
    r"\s*[?.!]*\s*$", re.IGNORECASE)


def with_the_plans_contents_asked(message: str, *, talked_of: TalkedOf) -> str:
    """"What do the paid plans include?" → "what do the plans include?"; the message as it is otherwise."""
    return "what do the plans include?" if _PAID_PLANS_CONTENTS.match(message) else message


# "What does pro give me?", "what does the business plan offer?", "what does pro come with?": what one plan named includes
# (the scope reply came, or the FAQ's list of every plan).
_ONE_PLANS_CONTENTS = re.compile(
    rf"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?what\s+(?:does|do|would|will)\s+(?:the\s+)?(?P<plan>{'|'.join(PLANS_CHEAPEST_FIRST)})"
    r"(?:\s+plan)?\s+(?:give|get|offer|provide|include|come\s+with)(?:\s+(?:me|us|you))?(?:\s+exactly)?\s*[?.!]*\s*$",
    re.IGNORECASE)


def with_one_plans_contents_asked(message: str, *, talked_of: TalkedOf) -> str:
    """"What does pro give me?" → "what's included in the Pro plan?"; the message as it is otherwise."""
    if (asked := _ONE_PLANS_CONTENTS.match(message)) is None:
        return message
    return f"what's included in the {asked['plan'].capitalize()} plan?"


def with_signing_up_named(message: str, *, talked_of: TalkedOf) -> str:
    """"How do I start?" right after "I'm thinking of signing up" → "how do I sign up?" (read alone, it asked how to start
    on something talked of, and got "not enough information"); the message as it is otherwise."""
    if asks_how_to_get_started(message) and considers_joining(talked_of.asked_before):
        return "how do I sign up?"
    return message


# Each reading with the key the run's summary records it under, applied in this order.
READINGS: tuple[tuple[str, Callable[..., str]], ...] = (
    ("plan_change_named", with_the_plan_change_named),
    ("plans_contents_asked", with_the_plans_contents_asked),
    ("one_plans_contents_asked", with_one_plans_contents_asked),
    ("plan_tried_named", with_the_plan_tried_named),
    ("yearly_saving_named", with_the_yearly_saving_named),
    ("credits_claim_named", with_the_credits_claim_named),
    ("more_apps_named", with_more_apps_named),
    ("plan_priced_named", with_the_plan_priced_named),
    ("discount_asked_of", with_the_discount_asked_of),
    ("team_named", with_the_team_named),
    ("plan_move_named", with_the_plan_move_named),
    ("refund_named", with_the_refund_named),
    ("invoice_listed_named", with_the_invoice_listed_named),
    ("asked_of_the_plan", with_the_question_before_asked_of_the_plan),
    ("move_down_named", with_the_move_down_named),
    ("region_named", with_the_region_named),
    ("plan_asked_which", with_the_plan_asked_which_named),
    ("place_named", with_the_place_named),
    ("signing_up_named", with_signing_up_named),
)


def read_with_what_was_talked_of(message: str, *, asked_before: str,
                                 last_reply: str) -> tuple[str, dict[str, dict[str, str]]]:
    """The message with what the turns before it (the question `asked_before` it and the `last_reply`) were about
    named where it leans on them, and each reading taken, by its key."""
    talked_of = TalkedOf(asked_before=asked_before, last_reply=last_reply)
    taken: dict[str, dict[str, str]] = {}
    for key, reading in READINGS:
        if (read := reading(message, talked_of=talked_of)) != message:
            taken[key] = {"from": message, "read_as": read}
            message = read
    return message, taken
