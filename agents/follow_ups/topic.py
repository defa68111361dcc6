"""The question a follow-up asks: the message read with the question it follows (with_topic), or written out as a
question of its own (question_as_asked: "and deploys?" after "how many apps can I have?").
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.billing import refund_arrival_asked_alone, retry_asked_alone
from agents.follow_ups.go_aheads import DECLINE, affirms
from agents.follow_ups.history import earlier_user_texts, last_assistant_text, question_at
from agents.follow_ups.leaning_back import leans_back
from agents.follow_ups.people import asks_about_people_before, custom_roles_setup_asked
from agents.follow_ups.plans import (
    asked_of_a_plan,
    contents_asked_of_the_plan_moved_to,
    discount_asked_for_who_they_are,
)
from agents.follow_ups.service import (
    count_asked_of_another_thing,
    credits_asked_of_the_sla_told,
    deploying_the_app_named_before,
    key_asked_of_the_api,
    new_key_asked,
    number_asked_of_the_count,
    sla_held_asked,
    support_asked_of_a_time,
    uptime_asked_of_another_period,
)
from agents.follow_ups.what_becomes_of import asks_what_ending_does, fate_asked_of_other_things, lost_in_a_move_up
from agents.rollback import rollback_asked_in_full
from agents.service_terms import OPENS_WITH_THE_RENEWAL


def with_topic(ctx: SupportContext) -> str:
    """The message, preceded by the question it follows when it is a follow-up, and by the follow-ups
    in between that say more than yes ("my invoice is wrong" / "the one from november" / "why is it
    $29?": the month is in the middle one)."""
    if not leans_back(ctx.message) and not asks_what_ending_does(ctx) and not asks_about_people_before(ctx):
        return ctx.message
    earlier = earlier_user_texts(ctx)
    at = question_at(earlier)
    if at is None:
        return ctx.message
    between = [text for text in reversed(earlier[:at]) if not affirms(text) and not DECLINE.match(text)]
    return "\n".join([earlier[at], *between, ctx.message])


# "Can I change it?" right after "Your username is alice", "that's wrong, it should be bob@newco.com" right after "The
# email address on your account is …": a change of the detail just told (the reset's steps came, or "my answer is the
# same").
_CHANGE_IT = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:(?:can|could|how\s+(?:do|can|could))\s+(?:i|we|you)\s+"
                        # "I want to change it" (the address again, behind "my answer is the same").
                        r"|(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+|i'd\s+like\s+to\s+|please\s+)"
                        r"(?:change|update|edit)\s+(?:it|that|this)\b", re.IGNORECASE)
_SAYS_IT_IS_WRONG = re.compile(r"\b(?:(?:that'?s|it'?s|that\s+is|it\s+is)\s+(?:wrong|not\s+(?:right|correct|mine|it)|outdated|old)"
                               r"|(?:it|that)\s+should\s+be|should\s+be\s+\S+@\S+)", re.IGNORECASE)
# How each detail's reply opens, the change of it asked as a question of its own, and what that reply holds when it also
# gave the steps to change it. "Can I change it?" after "Your Pro plan renews on 2026-12-01" got the password reset's
# steps. "Can you update it to my mastercard?" after "The card on file is a visa ending 4242": the card's change ("my
# answer is the same" and the card again); after a reply with the help centre's steps to replace it, "how do I update
# it?" is read as it is ("As my last message said: …").
_DETAILS_TOLD: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (re.compile(r"Your username is "), "can I change my username?", None),
    (re.compile(r"The email address on your account is "), "how do I change my email address?", None),
    (OPENS_WITH_THE_RENEWAL, "can I change my renewal date?", None),
    (re.compile(r"The card on file is "), "can you change my card?", "**Replace card**"),
)


def change_asked_of_the_detail_told(ctx: SupportContext) -> str | None:
    """"Can I change it?" right after the username, the email address, the renewal date or the card on file was told
    (and not how to change it): the change of that detail, asked as a question of its own; None otherwise."""
    if not (_CHANGE_IT.match(ctx.message) or _SAYS_IT_IS_WRONG.search(ctx.message)):
        return None
    told = last_assistant_text(ctx)
    detail = next((detail for detail in _DETAILS_TOLD if detail[0].match(told)), None)
    if detail is None:
        return None
    _, asked, steps_told = detail
    return None if steps_told is not None and steps_told in told else asked


def question_as_asked(ctx: SupportContext) -> str | None:
    """The question a follow-up asks, written out when it leans on the one before: of another plan (asked_of_a_plan),
    a count of another thing (count_asked_of_another_thing), a number of what was counted, what a move up loses, how to
    deploy the app just named, a new key for the one just named, a key for the API just spoken of, our uptime over
    another period, the credits of the SLA just told, what becomes of other things, a discount for who the customer says
    they are, when a refund just told of arrives, when a payment just said to be tried again is, our support at a time
    named after a reply about it, a change of the detail just told, how custom roles are set up after which plan has
    them, what the plan just asked to move to includes, or what the rollback just told of does; None when it asks its
    own."""
    return (asked_of_a_plan(ctx) or count_asked_of_another_thing(ctx) or number_asked_of_the_count(ctx)
            or lost_in_a_move_up(ctx) or deploying_the_app_named_before(ctx) or new_key_asked(ctx)
            or key_asked_of_the_api(ctx) or uptime_asked_of_another_period(ctx) or sla_held_asked(ctx)
            or credits_asked_of_the_sla_told(ctx)
            or fate_asked_of_other_things(ctx) or discount_asked_for_who_they_are(ctx) or refund_arrival_asked_alone(ctx)
            or retry_asked_alone(ctx) or support_asked_of_a_time(ctx) or change_asked_of_the_detail_told(ctx)
            or custom_roles_setup_asked(ctx) or contents_asked_of_the_plan_moved_to(ctx) or rollback_asked_in_full(ctx))
