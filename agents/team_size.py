"""A team described rather than asked about: "we're a team of 10" (the scope reply came), and "can each person have
their own login?" (the account's lock state came). Both are answered from the help centre's entry on the team, which
says members are invited each by their own email, and how many each plan allows. And the team's members asked about
("who is on our team?"), or one named to be taken off, which the chat can't see or do; and whether a member needs a plan
of their own, which the entry doesn't say.

Plain rules over the message, no model.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import assistant_texts, earlier_user_texts
from agents.number_words import count_of, words_alternation
from agents.plan_names import PAID_PLAN_KEY_ALTERNATION

# A team is two or more: "we're one of …" counts nothing.
_COUNT = rf"(?:\d{{1,4}}|{words_alternation(least=2)})"
_A_COUNT = re.compile(_COUNT, re.IGNORECASE)
# "We're a team of 10", "there are 5 of us", "we have 12 developers", "our team is 8 people". Not "I have 3 people who are
# going to union station": "have" counts the team's own only.
_SAYS_TEAM_SIZE = re.compile(
    r"\b(?:(?:we'?re|we\s+are|i'?m\s+(?:on|in)|it'?s|it\s+is|(?:my|our)\s+team\s+(?:is|has))\s+"
    rf"(?:a\s+(?:small\s+|big\s+|growing\s+)?(?:team|company|startup|group|agency)\s+of\s+{_COUNT}"
    rf"|{_COUNT}\s+(?:of\s+us|people|persons|developers|devs|engineers|members|employees|users|staff))"
    rf"|(?:i|we)\s+have\s+{_COUNT}\s+(?:developers|devs|engineers|employees|team\s*mates|team\s+members|staff"
    r"|people\s+(?:on|in)\s+(?:my|our|the)\s+team)"
    # "We have 5 people" after the members each plan allows: the whole message, so "people who are going …" is not one.
    rf"|^\W*(?:(?:and|so|but|well|ok(?:ay)?)[,\s]+)?(?:i|we)\s+have\s+{_COUNT}\s+people(?:\s+(?:now|already))?\s*[.!?]*\s*$"
    rf"|\bthere\s+(?:are|will\s+be)\s+{_COUNT}\s+of\s+us)\b",
    re.IGNORECASE)
# "Is it worth it for a team of 5?", "is pro enough for 8 developers?": a team's size, given as what a plan is weighed for
# ("not enough information" came). "For 5 people" alone is no team ("a table for 5 people"): only beside a plan's words.
_FOR_A_TEAM = re.compile(
    rf"\bfor\s+(?:a\s+(?:small\s+|big\s+|growing\s+)?team\s+of\s+{_COUNT}|(?:the\s+)?{_COUNT}\s+(?:of\s+us|people|developers|devs"
    r"|engineers|users|team\s*mates|team\s+members))\b", re.IGNORECASE)
_WEIGHS_A_PLAN = re.compile(r"\b(?:worth|plans?|pro|business|tiers?|suits?)\b", re.IGNORECASE)
# "Can each person have their own login?", "can my teammates have their own accounts?", "do we share one login?".
_OWN_LOGINS = re.compile(
    r"\b(?:each|every|all)\s+(?:\w+\s+)?(?:person|member|user|developer|dev|teammate|colleague|one|of\s+(?:us|them))\b"
    r"[^?.!]{0,30}\b(?:own|separate|individual)\s+(?:logins?|accounts?|sign[\s-]?ins?|passwords?|users?)\b"
    r"|\b(?:teammates?|team\s*mates?|team\s+members?|members|colleagues|co-?workers|developers|devs|employees|they)\s+"
    r"(?:have|get|use)\s+(?:their\s+)?(?:own|separate|individual)\s+(?:logins?|accounts?|sign[\s-]?ins?|passwords?)\b"
    r"|\b(?:share|sharing)\s+(?:one|a|the\s+same|a\s+single)\s+(?:login|account|password)\b",
    re.IGNORECASE)


# "Do they need their own plan?" after the team's entry, "does each member need a subscription?", "do my teammates have to
# buy pro too?": whether a member pays for a plan of their own ("my answer is the same": the team's entry again).
_TEAM_SOMEONE = (r"(?:they|he|she|(?:each|every)\s+(?:\w+\s+)?(?:person|member|user|one|teammate|developer|colleague)"
                 r"|(?:my|our|the)\s+(?:teammates?|team\s*mates?|team\s+members?|members|colleagues|co-?workers"
                 r"|developers|devs|employees|users))")
_NEEDS_A_PLAN_OF_THEIR_OWN = re.compile(
    rf"\b(?:do|does|will|would|must)\s+{_TEAM_SOMEONE}\s+(?:also\s+)?(?:need|have\s+to\s+(?:have|buy|get|pay\s+for)"
    r"|require)\s+(?:(?:a|an|one|their|his|her|its)\s+)?(?:own\s+|separate\s+)?"
    rf"(?:(?:(?:paid|{PAID_PLAN_KEY_ALTERNATION})\s+)?(?:plans?|subscriptions?|seats?|licen[cs]es?)|{PAID_PLAN_KEY_ALTERNATION})\b",
    re.IGNORECASE)


def asks_if_members_need_a_plan(message: str) -> bool:
    """Whether the message asks if a member of the team needs a plan of their own."""
    return bool(_NEEDS_A_PLAN_OF_THEIR_OWN.search(message))


def team_size_said(message: str) -> int | None:
    """"We're a team of 10" → 10; None when the message gives no team's size."""
    found = _SAYS_TEAM_SIZE.search(message)
    if found is None and _WEIGHS_A_PLAN.search(message):
        found = _FOR_A_TEAM.search(message)
    if found is None:
        return None
    count = _A_COUNT.search(found[0].lower())
    if count is None:
        return None
    return count_of(count[0])


def asks_about_own_logins(message: str) -> bool:
    """Whether the message asks if each person on the team signs in on their own."""
    return bool(_OWN_LOGINS.search(message))


# "How many team members do we have?", "who is on our team?", "can you list them?" after the team's entry: the members
# themselves, which nothing the chat sees lists (the team's entry came as if asked how to add one, then "not enough
# information").
_ASKS_WHO_IS_ON_THE_TEAM = re.compile(
    r"\bhow\s+many\s+(?:team\s?mates|team\s+members|members|people|users|seats)\s+(?:do|does)\s+(?:we|i|my\s+team|our\s+team)"
    r"\s+have\b"
    r"|\bwho(?:'s|\s+is|\s+are)\s+(?:on|in)\s+(?:my|our|the)\s+team\b"
    r"|\b(?:list|show|see)\s+(?:me\s+)?(?:all\s+)?(?:my|our|the)\s+(?:team(?:\s+members)?|members|teammates|users)\b",
    re.IGNORECASE)


def asks_who_is_on_the_team(message: str) -> bool:
    """"How many team members do we have?", "who is on our team?": the members themselves, not how to add one."""
    return bool(_ASKS_WHO_IS_ON_THE_TEAM.search(message))


# "Remove dave from our team", "take sam off the team": a member named, to be taken off (the team's entry, which says
# only how to add one, was not gathered: "not enough information").
_REMOVES_A_NAMED_MEMBER = re.compile(
    r"\b(?:remove|removing|delete|deleting|kick(?:\s+out)?|take)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:from|off|out\s+of)\s+"
    r"(?:my|our|the)\s+team\b", re.IGNORECASE)


def asks_to_remove_a_named_member(message: str) -> bool:
    """"Remove dave from our team": someone named, to be taken off the team."""
    return bool(_REMOVES_A_NAMED_MEMBER.search(message))


# "Do we need business then?", "is business worth it for us?" after the team's size was said (the downgrade's steps came
# by the FAQ shortcut, to Bob, on Business with eight people).
_BUSINESS_NEEDED = re.compile(
    r"^\W*(?:(?:so|and|ok(?:ay)?|then)[,\s]+)?(?:(?:do|would|will)\s+(?:we|i)\s+(?:still\s+|really\s+|even\s+)?need"
    r"|should\s+(?:we|i)\s+(?:stay\s+on|keep|get|go\s+(?:for|with)))\s+(?:the\s+)?business(?:\s+(?:plan|tier))?"
    r"(?:\s+then)?\W*$"
    r"|^\W*(?:(?:so|and)[,\s]+)?is\s+(?:the\s+)?business(?:\s+plan)?\s+worth\s+it(?:\s+for\s+us)?(?:\s+then)?\W*$",
    re.IGNORECASE)
# The team's entry as quoted: "Free and Pro accounts can invite up to 3 members; Business accounts have no limit …".
_MEMBER_LIMIT_TOLD = re.compile(r"[^.\n:]*\binvite\s+up\s+to\s+(?P<limit>\d+)\s+members?\b[^.\n]*\.")


def business_needed_for_the_team_reply(ctx: SupportContext) -> str | None:
    """For "do we need business then?" after the team's size was said and the members each plan allows were told: yes
    when the team is more than the owner and the members Free and Pro allow, else not for its size alone; None for
    another message, or with either unsaid."""
    if not _BUSINESS_NEEDED.match(ctx.message):
        return None
    size = next((n for text in earlier_user_texts(ctx) if (n := team_size_said(text)) is not None), None)
    told = next((found for text in assistant_texts(ctx)[:2] if (found := _MEMBER_LIMIT_TOLD.search(text))), None)
    if size is None or told is None:
        return None
    limit = int(told["limit"])
    sentence = told.group().strip()
    on_it = " You're on Business already." if ctx.customer is not None and ctx.customer.plan.lower() == "business" else ""
    if size - 1 > limit:
        return (f"For the team, yes: with {size} people you'd invite more than the {limit} members Free and Pro allow. "
                f"As our help centre puts it: {sentence}{on_it}")
    return (f"Not for the team's size alone: with {size} people you'd invite no more than the {limit} members Free and "
            f"Pro allow. As our help centre puts it: {sentence}{on_it}")
