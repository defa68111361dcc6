"""Follow-ups on the service itself: its limits (apps, team members, API requests), its uptime and SLA, what an
outage costs the customer, logs, API keys and deploying the app just named.
"""

from __future__ import annotations

import re

from agents.context import SupportContext
from agents.follow_ups.history import (
    TOPIC_TURNS,
    earlier_user_texts,
    last_assistant_text,
    last_reply_cited,
    previous_user_text,
    questions_before,
)
from agents.follow_ups.leaning_back import MAX_WORDS, asks_if_it_applies_to_them, asks_the_limit
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.plans import WHICH_PLANS, states_own_plan
from agents.number_words import words_alternation
from agents.plan_names import PLAN_NAMED
from agents.service_terms import asks_price_per_app, names_the_sla

# "What happens if I go over the app limit?", "what if we exceed it?" after "how many apps can I have?": past the limit
# on how many apps a plan allows, or the API's ("requests", whose entry says what happens: HTTP 429), or the members or
# deploys a plan allows (whose entries give some plans no limit: Business's members, Pro's deploys).
_PAST_A_LIMIT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?what\s+(?:happens|will\s+happen|would\s+happen|if)\s+(?:if\s+|when\s+)?"
    r"(?:i|we)\s+(?:go|went|get|run)\s+over|what\s+(?:happens|will\s+happen|would\s+happen|if)\s+(?:if\s+|when\s+)?(?:i|we)\s+"
    r"(?:exceed|pass|hit|reach|need\s+more\s+than)"
    # "What happens if I add another?" after "how many apps can I have?" and "I have 10 already" (the scope reply); "if I
    # create a second one?" after "Free includes one app" (the rate limits' guide).
    r"|what\s+(?:happens|will\s+happen|would\s+happen|if)\s+(?:if\s+|when\s+)?(?:i|we)\s+(?:try\s+to\s+)?(?:add|create|make"
    r"|deploy|invite|launch)\s+(?:another|one\s+more|an?\s+(?:extra|second|third|\d+(?:st|nd|rd|th))|more)\b",
    re.IGNORECASE)
_API_REQUESTS = re.compile(r"\b(?:api|requests?|rate\s*limits?|429)\b", re.IGNORECASE)
_TIMED = re.compile(r"\b(?:build|time|minutes?|hours?)\b", re.IGNORECASE)
_COUNTED_THINGS = re.compile(r"\b(?P<thing>apps?|applications?)\b", re.IGNORECASE)
# "What happens if we exceed the member limit?", "… go over that?" after how many members can be invited.
_MEMBERS = re.compile(r"\b(?:(?:team\s+)?members?|seats?|teammates?|users?|colleagues?)\b", re.IGNORECASE)
# "What happens if I go over?" after "is there a limit on deploys?": the deploys a day a plan allows. Read after apps, so
# "how many apps can I deploy?" counts apps.
_DEPLOYS = re.compile(r"\b(?:deploys|deployments?)\b", re.IGNORECASE)
# Each limit a message may be past, by the words that name what it counts, in the order they are read.
_LIMITS_NAMED = ((_API_REQUESTS, "requests"), (_COUNTED_THINGS, "apps"), (_MEMBERS, "team members"), (_DEPLOYS, "deploys"))


# How the entry on the API's limits is asked for, which says what happens past them.
RATE_LIMITS_QUESTION = "what are the api rate limits"
# And the entry on the team, which says how many members each plan may invite, and that each gets a role.
TEAM_QUESTION = "how do I add team members"


def limit_gone_past(ctx: SupportContext) -> str | None:
    """"What happens if I go over the app limit?" (or "… go over?" after "how many apps can I have?"): "apps",
    "team members" for the team's limit, "deploys" for the deploys a day, or "requests" for the API's limit; None for any
    other message, or a limit on something else (a build's time)."""
    message = ctx.message
    if not _PAST_A_LIMIT.search(message):
        return None
    if (named := _limit_named(message)) is not None:
        return named
    if _TIMED.search(message):
        return None  # "what if the build takes longer than that?": a limit on time, which no count answers
    # "What happens if I go over?" names nothing: the limit is the one a question before asked about, the last that
    # named one ("I have 10 already" between them names none).
    return next((named for text in questions_before(ctx)[:TOPIC_TURNS] if (named := _limit_named(text))), None)


def _limit_named(text: str) -> str | None:
    return next((limit for counted, limit in _LIMITS_NAMED if counted.search(text)), None)


# "This is costing me money", "we're losing customers because of this": what a fault costs the customer's business.
_COSTS_THEM = re.compile(
    r"\bcost(?:ing|s)?\s+(?:me|us|my\s+business|our\s+business|the\s+business)\s+"
    r"(?:money|customers|sales|business|revenue|orders|clients|a\s+fortune)\b"
    r"|\b(?:los(?:ing|t|e)|losses)\s+(?:\w+\s+)?(?:money|customers|sales|business|revenue|orders|clients|users)\b",
    re.IGNORECASE)


# A reply that spoke of an outage without citing an incident: the refund part's "money back or credits for an outage or
# downtime aren't something I can decide", after "can I get a refund for the outage?".
_OUTAGE_SPOKEN_OF = re.compile(r"\bfor\s+an?\s+(?:outage|downtime)\b", re.IGNORECASE)


def reports_what_the_outage_costs(ctx: SupportContext) -> bool:
    """"This is costing me money" right after a reply on an open incident, or on money back for an outage ("we lost
    sales": the scope reply): what the outage costs the customer. Read alone it was a refund question, and got the
    invoice list."""
    return bool(_COSTS_THEM.search(ctx.message)) and (
        last_reply_cited(ctx, "incident") or bool(_OUTAGE_SPOKEN_OF.search(last_assistant_text(ctx))))


# "Can I get compensated?", "will you reimburse us?" after an outage was spoken of ("not enough information" came):
# compensation for that outage, which the question names when asked in one ("… for the outage?").
_ASKS_COMPENSATION = re.compile(
    r"\b(?:compensat\w*|reimburs\w*|make\s+(?:it\s+|this\s+|that\s+)?up\s+to\s+(?:me|us))\b"
    # "Can we get credits for this?" (a "Yes" that the plan's SLA gives credits, as if this outage earned them).
    r"|\b(?:get|give|owed?|receive|claim|entitled\s+to)\s+(?:us\s+|me\s+)?(?:any\s+|some\s+)?(?:service\s+)?credits?\b"
    r"(?!\s+cards?\b)|\bcredit\s+(?:us|me|our\s+account|my\s+account)\b",
    re.IGNORECASE)
_NAMES_THE_OUTAGE = re.compile(r"\b(?:outages?|downtime|down\s+time|incidents?|down)\b", re.IGNORECASE)


def compensation_asked_of_the_outage(ctx: SupportContext) -> str | None:
    """"Can I get compensated?" a turn after an outage was spoken of (an open incident told, or the customer's "down"):
    the question asked of that outage; None for any other message."""
    if not _ASKS_COMPENSATION.search(ctx.message) or _NAMES_THE_OUTAGE.search(ctx.message):
        return None
    if not (last_reply_cited(ctx, "incident") or _NAMES_THE_OUTAGE.search(previous_user_text(ctx) or "")):
        return None
    return f"{ctx.message.strip().rstrip('?.! ')} for the outage?"


def reports_what_a_fault_costs_after_a_guide(ctx: SupportContext) -> bool:
    """"We're losing customers because of this" right after a guide's steps for a fault (with no incident told): what the
    fault costs them, and nothing asked (it got the same steps again)."""
    return (bool(_COSTS_THEM.search(ctx.message)) and "?" not in ctx.message and len(ctx.message.split()) <= 12
            and last_reply_cited(ctx, "article") and not last_reply_cited(ctx, "incident"))


# "What's your uptime?", "whats the uptime been this month?", "was there downtime this week?": how the service has
# been available. "My app has downtime every night" is the customer's own app, which the service's uptime does not
# answer.
# "An SLA report for last month", "uptime stats": the figures for a period, asked for.
_UPTIME_REPORT = re.compile(r"\b(?:sla|uptime|availability)\s+(?:reports?|figures?|stats|statistics|numbers|history)\b",
                            re.IGNORECASE)
# "Is northwind reliable?", "how reliable are you?", "your reliability": the same, asked in other words ("not enough
# information").
_RELIABILITY = (r"\b(?:how\s+)?(?:reliable|stable)\s+(?:are\s+you|is\s+(?:northwind|the\s+service|your\s+(?:service|platform"
                r"|hosting)))\b|\b(?:is|are)\s+(?:northwind|you|you\s+guys|your\s+(?:service|platform|hosting))\s+(?:\w+\s+)?"
                r"(?:reliable|stable)\b|\b(?:your|northwind'?s?)\s+(?:reliability|stability)\b")
_UPTIME = re.compile(rf"\b(?:uptime|downtime|down\s+time)\b|{_UPTIME_REPORT.pattern}|{_RELIABILITY}", re.IGNORECASE)
_NAMES_OWN_APP = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:apps?|sites?|websites?|apis?|services?|servers?)\b",
                            re.IGNORECASE)


def asks_about_uptime(message: str) -> bool:
    """Whether a message asks how available the service has been (its uptime or downtime), not of its own app."""
    return bool(_UPTIME.search(message)) and not _NAMES_OWN_APP.search(message)


def asks_for_an_uptime_report(message: str) -> bool:
    """Whether a message asks for the service's uptime figures for a period ("I need an SLA report for last month")."""
    return bool(_UPTIME_REPORT.search(message))


# "I hit the limit, what now?", "we've reached it": the limit just given, run into, naming nothing of its own (the API
# rate limits' guide answered it after the deploys' limit, for "limit").
_HIT_THE_LIMIT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|but|well)[,\s]+)?(?:i|we)(?:'ve|\s+have|\s+already|\s+just|\s+keep)?\s+"
    r"(?:hit(?:ting)?|reach(?:ed|ing)?|exceed(?:ed|ing)?|r[au]n\s+into|maxed\s+out|used\s+up)\s+"
    r"(?:it|that|them|the\s+(?:limit|cap|max(?:imum)?|quota)|my\s+(?:limit|quota)|our\s+(?:limit|quota))(?:\s+(?:already|today|again))?"
    r"(?:[,.;!?\s]+(?:so\s+)?(?:what\s+now|now\s+what|what\s+(?:do|can|should)\s+(?:i|we)\s+do(?:\s+now)?|help))?\W*$",
    re.IGNORECASE)


def says_it_hit_the_limit(message: str) -> bool:
    """"I hit the limit, what now?": the limit just given, run into."""
    return bool(_HIT_THE_LIMIT.match(message))


def question_whose_limit_is_asked(ctx: SupportContext) -> str | None:
    """"Whats the limit for business?" after "i get a 429 error": the question before, whose subject's limit is asked;
    None for another message. After a question about the plans themselves ("what does pro include?") it asks what the
    plan allows, which the plan's list says: None then too."""
    if not asks_the_limit(ctx.message):
        return None
    before = previous_user_text(ctx)
    if before is not None and states_own_plan(before):
        # "We're on business" between them says whose plan, of the question before it ("what's our limit?" after it
        # got the Free plan's entry, read as asked of the plans themselves).
        before = next((text for text in questions_before(ctx) if text != before and not states_own_plan(text)), None)
    if before is None or PLAN_NAMED.search(before) or WHICH_PLANS.search(before):
        return None
    return before


def asks_the_limit_of_the_topic(ctx: SupportContext) -> bool:
    """Whether the message asks the limit of what the question before was about (question_whose_limit_is_asked)."""
    return question_whose_limit_is_asked(ctx) is not None


# "And deploys?" after "how many apps can I have?": the same count, of another thing a plan limits (the failed-deploys
# guide answered, for "deploys"; the team's entry came hedged for "and members?").
_HOW_MANY_CAN = re.compile(r"\bhow\s+many\s+(?P<thing>(?:team\s+)?[a-z]+)\s+(?:can|could|may|do|does|will)\s+(?:i|we|you)\b",
                           re.IGNORECASE)
_AND_ANOTHER_COUNTED = re.compile(
    r"^\W*(?:and|what\s+about|how\s+about|also)\s+(?:the\s+|for\s+)?(?P<thing>team\s+members?|members?|seats?|users?"
    r"|deploys?|deployments?|builds?|apps?|applications?)\s*[?.!]*\s*$", re.IGNORECASE)


def count_asked_of_another_thing(ctx: SupportContext) -> str | None:
    """"And deploys?" after "how many apps can I have?": that question, of deploys ("how many deploys can I have?");
    None for any other message, or when the question before counted nothing."""
    if (other := _AND_ANOTHER_COUNTED.match(ctx.message)) is None:
        return None
    before = previous_user_text(ctx) or ""
    if (counted := _HOW_MANY_CAN.search(before)) is None:
        return None
    return f"{before[:counted.start('thing')]}{other['thing']}{before[counted.end('thing'):]}"


# "What if I need 20?" after "how many apps can I deploy?", "what if I need two?" after "can I have two apps on free?":
# whether that many are allowed (the scope reply).
_SOME_COUNT = rf"{words_alternation(least=2, most=20)}|several|a\s+few"
_A_NUMBER_NEEDED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what\s+if\s+(?:i|we)\s+(?:need|want|have)|(?:i|we)\s+(?:need|want)|what\s+about"
    # "Can we have more than 50?" after how many apps there are (the scope reply): that many asked for.
    rf"|how\s+about|and\s+if\s+(?:i|we)\s+(?:need|want|have)|(?:can|could)\s+(?:i|we)\s+(?:have|get|add|run|create)|and)\s+"
    rf"(?:for\s+)?(?P<more>more\s+than\s+)?(?P<number>\d+|more|{_SOME_COUNT})"
    r"(?:\s+(?:of\s+them|apps))?\s*[?.!]*\s*$",
    re.IGNORECASE)
_HOW_MANY_OF = re.compile(r"\bhow\s+many\s+(?P<thing>(?:team\s+)?[a-z]+)\b"
                          rf"|\b(?:\d+|{_SOME_COUNT}|more\s+than\s+(?:one|an?)|multiple)\s+(?P<things>(?:team\s+)?(?:apps?"
                          r"|members?|seats?|domains?|regions?))\b", re.IGNORECASE)


def number_asked_of_the_count(ctx: SupportContext) -> str | None:
    """"What if I need 20?" right after "how many apps can I deploy?": "can I have 20 apps?"; after the price of a number
    of apps, the price of that many; None otherwise."""
    if (needed := _A_NUMBER_NEEDED.match(ctx.message)) is None:
        return None
    if (counted := _HOW_MANY_OF.search(previous_user_text(ctx) or "")) is None:
        return None
    number = needed["number"].lower()
    things = (counted["thing"] or counted["things"]).lower()
    things = things if things.endswith("s") else things + "s"  # "more than one app": as many of them are asked for
    if number != "more" and things == "apps" and asks_price_per_app(previous_user_text(ctx) or ""):
        # "And for 20?" right after "how much would it cost for 3 apps?": the price of that many (the scope reply).
        return f"how much would it cost for {number} apps?"
    return f"can I have {'more than ' if needed['more'] else ''}{number} {things}?"


# "How do I deploy it?" after "can you host my node app?": how to deploy the app just named (the entry on regions came,
# for "host" and "deploy"; "how do I deploy my app?" is told there is no guide on it as such).
_DEPLOY_IT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|then|great|cool)[,.!\s]+)*how\s+(?:do|can|would|should)\s+(?:i|we)\s+(?P<verb>deploy|host|run"
    r"|launch|set\s+up)\s+(?:it|that|this|them)(?:\s+(?:here|on\s+northwind|with\s+you))?\s*[?.!]*\s*$", re.IGNORECASE)
_NAMES_AN_APP = re.compile(r"\b(?:apps?|applications?|sites?|websites?|projects?|apis?|backends?|services?)\b", re.IGNORECASE)


def deploying_the_app_named_before(ctx: SupportContext) -> str | None:
    """"How do I deploy it?" right after a question that named an app: "how do I deploy my app?"; None otherwise."""
    if (asked := _DEPLOY_IT.match(ctx.message)) is None or not _NAMES_AN_APP.search(previous_user_text(ctx) or ""):
        return None
    return f"how do I {asked['verb'].lower()} my app?"


# An API key or token of the customer's, as they name one.
KEY_OR_TOKEN = r"(?:api\s+keys?|access\s+keys?|secret\s+keys?|(?:api\s+|access\s+)?tokens?)"
# "How do I make a new one?" right after "my api key was leaked": a new key (the environment guide's step on redeploying).
_A_NEW_ONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|then)[,.!\s]+)*how\s+(?:do|can|would|should)\s+(?:i|we)\s+(?:make|create|get|generate)\s+"
    r"(?:a\s+new|another)\s+one\s*[?.!]*\s*$", re.IGNORECASE)
_NAMES_A_KEY = re.compile(rf"\b(?P<key>{KEY_OR_TOKEN})\b", re.IGNORECASE)


def new_key_asked(ctx: SupportContext) -> str | None:
    """"How do I make a new one?" right after a message that named an API key or token: "how do I create a new api
    key?"; None otherwise."""
    if not _A_NEW_ONE.match(ctx.message) or (named := _NAMES_A_KEY.search(previous_user_text(ctx) or "")) is None:
        return None
    return f"how do I create a new {named['key'].lower().rstrip('s')}?"


# "Where do I get a key?", "how do I authenticate?", "how do I get a token?": a key for the API, when the API was what the
# turn before was about ("I don't have a guide on that" came after "do you have an api?").
_A_KEY_OR_SIGNING_IN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|then|great|cool|thanks)[,.!\s]+)*(?:(?:where|how)\s+(?:do|can|would|should)\s+(?:i|we)\s+"
    r"(?:get|find|make|create|generate|obtain)\s+(?:an?|my|our|the)\s+(?:(?:api|access|secret)\s+)?(?:keys?|tokens?)"
    r"|how\s+(?:do|can|would|should)\s+(?:i|we)\s+(?:authenticate|auth)(?:\s+with\s+it|\s+to\s+it)?)\s*[?.!]*\s*$",
    re.IGNORECASE)
_THE_API_SPOKEN_OF = re.compile(r"\bapis?\b", re.IGNORECASE)


def key_asked_of_the_api(ctx: SupportContext) -> str | None:
    """"Where do I get a key?" right after a question about our API or a reply about it: "where do I get an api key?";
    None otherwise."""
    if not _A_KEY_OR_SIGNING_IN.match(ctx.message):
        return None
    if not (_THE_API_SPOKEN_OF.search(previous_user_text(ctx) or "") or _THE_API_SPOKEN_OF.search(last_assistant_text(ctx))):
        return None
    return "where do I get an api key?"


# A month named as a period ("in october"). Not "may", a word as often as a month.
MONTH_NAMED = r"(?:january|february|march|april|june|july|august|september|october|november|december)"
# "And last month?" right after "what's the uptime been this month?": the uptime of that period (the invoice list); so
# "last month?" alone, and "and in october?" (an invoice of October).
_ANOTHER_PERIOD = re.compile(
    r"^\W*(?:(?:and|what\s+about|how\s+about)\s+)?(?:for\s+|in\s+|over\s+|during\s+)?(?P<period>(?:last|this|the\s+previous|"
    rf"the\s+past|the\s+last)\s+(?:month|week|year|quarter|\d+\s+days)|{MONTH_NAMED})\s*[?.!]*\s*$", re.IGNORECASE)


def period_as_said(period: str) -> str:
    """"Last month" as "last month", "october" as "October": a period named, as a reply says it."""
    said = period.lower()
    return said if " " in said else said.capitalize()


def uptime_asked_of_another_period(ctx: SupportContext) -> str | None:
    """"And last month?" right after a question on our uptime: "what was the uptime last month?"; None otherwise."""
    if (other := _ANOTHER_PERIOD.match(ctx.message)) is None or not asks_about_uptime(previous_user_text(ctx) or ""):
        return None
    period = period_as_said(other["period"])
    return f"what was the uptime {period}?" if " " in period else f"what was the uptime in {period}?"


# "Did you meet the sla this month?", "was it missed this month?" (after the SLA was told), "was the sla breached in
# november?": whether the SLA held over a period, which only our uptime over it says (a "Yes" that the plan has one
# came, as if it had been met; or the invoice list).
_ASKS_IF_IT_HELD = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:was|were|did|has|have|is)\s+(?:it|that|the\s+sla|the\s+uptime(?:\s+sla)?|you"
    r"|northwind|the\s+guarantee)\s+(?:been\s+|ever\s+|actually\s+)?(?:miss(?:ed)?|met|meet|kept|keep|broken|break|breached"
    r"|violated|hit)(?:\s+(?:it|the\s+sla|the\s+uptime|the\s+guarantee))?(?P<when>\s+(?:this|last|in|for|during)\s+[\w\s]{1,20}?)?"
    r"\s*[?.!]*\s*$", re.IGNORECASE)
_NAMES_THE_SLA = re.compile(r"\bsla\b|\buptime\b|\bguarantee\b", re.IGNORECASE)


def sla_held_asked(ctx: SupportContext) -> str | None:
    """"Was it missed this month?" after the SLA was told, or "did you meet the sla?": "what was the uptime this
    month?" (the period asked, this month if none); None otherwise."""
    found = _ASKS_IF_IT_HELD.match(ctx.message)
    if found is None or not (_NAMES_THE_SLA.search(ctx.message) or names_the_sla(last_assistant_text(ctx))):
        return None
    return f"what was the uptime {(found['when'] or ' this month').strip().lower()}?"


# "So my app could go down?", "so there's no uptime guarantee for me?", "what if my site goes down?" right after the
# reply on the uptime SLA: whether the customer's own apps may go down, on a plan with or without the SLA (the open
# incident came, for "go down", as if it were asked whether the service is down now).
_DOWNTIME_ASKED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|hmm|wait)[,\s]+)*(?:"
    r"(?:(?:my|our|the)\s+)?(?:apps?|sites?|website|service|api)\s+(?:could|can|might|may|will|would)\s+(?:still\s+)?"
    r"(?:go\s+down|be\s+down|go\s+offline|have\s+(?:some\s+)?(?:downtime|outages?))"
    r"|what\s+if\s+(?:my|our|the)\s+(?:apps?|sites?|website|service)\s+(?:goes|go|is|are)\s+(?:down|offline)"
    r"|(?P<none>(?:there'?s|there\s+is|i\s+have|we\s+have|i\s+get|we\s+get)\s+no\s+(?:uptime\s+)?(?:guarantee|sla))"
    r"(?:\s+(?:for|on)\s+(?:me|us|my\s+plan|our\s+plan|free|pro))?"
    r")\s*(?:then|at\s+all|too)?\s*[?.!]*\s*$", re.IGNORECASE)
# How the help centre's entry on the SLA words the plans it covers and those it doesn't, as a reply quotes it.
_SLA_PLAN = re.compile(r"\b[Tt]he\s+(?P<plan>\w+)\s+plan\s+comes\s+with\s+an?\s+(?P<uptime>\d+(?:\.\d+)?%)[^.]*\.")
_NO_SLA = re.compile(r"\b(?P<plans>\w+(?:\s+and\s+\w+)?)\s+have\s+no\s+SLA(?P<rest>[^.]*)\.")


def downtime_after_the_sla_reply(ctx: SupportContext) -> str | None:
    """"So my app could go down?" right after the reply on the uptime SLA: yes, as anywhere, with what that reply said
    of the customer's plan (its figures taken from it, not restated here); None for another message, or when the reply
    before named no plan with an SLA."""
    last = last_assistant_text(ctx)
    asked = _DOWNTIME_ASKED.match(ctx.message)
    if asked is None or (covered := _SLA_PLAN.search(last)) is None:
        return None
    plan, uptime = covered["plan"], covered["uptime"]
    own = ctx.customer.plan if ctx.customer is not None else None
    if own == plan:
        lead = "You do have one:" if asked["none"] else "It can, as on any hosting, but"
        return (f"{lead} on your {plan} plan our SLA promises {uptime} uptime a month, with service credits if we miss "
                "it.")
    uncovered = _NO_SLA.search(last)
    same_infrastructure = bool(uncovered and "same infrastructure" in uncovered["rest"])
    on_plan = f"on your {own} plan" if own else f"on plans other than {plan}"
    infrastructure = (f" Your apps do run on the same infrastructure as {plan}'s: what differs is the promise."
                      if same_infrastructure and own else "")
    lead = "That's right" if asked["none"] else "It can happen, as on any hosting"
    return (f"{lead}: {on_plan} no SLA promises how much uptime you get, and there are no "
            f"service credits if it falls short.{infrastructure} Only the {plan} plan comes with an SLA: {uptime} uptime a "
            "month, with service credits if we miss it.")


# "What happens if you miss it?", "and if you don't meet it?" right after the uptime SLA was told: the service credits
# it gives, and how a claim is made (as technical, "I don't have a guide on that").
_ASKS_IF_MISSED = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:what\s+(?:happens|do\s+(?:i|we)\s+get|then)\s+|and\s+)?if\s+(?:you|u|"
    r"northwind|it'?s)\s+(?:(?:guys|ever)\s+)?(?:miss|missed|break|broken|don'?t\s+meet|do\s+not\s+meet|fail\s+to\s+meet"
    r"|fall\s+short\s+of|violate)(?:\s+(?:it|that|this|the\s+sla|the\s+guarantee|the\s+uptime))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def credits_asked_of_the_sla_told(ctx: SupportContext) -> str | None:
    """"What happens if you miss it?" right after the uptime SLA was told: "how do we claim service credits if you miss
    the sla?"; None otherwise."""
    if _ASKS_IF_MISSED.match(ctx.message) is None or not names_the_sla(last_assistant_text(ctx)):
        return None
    return "how do we claim service credits if you miss the sla?"


# "How much are the credits?", "how much credit do we get?", "what are the service credits worth?", "what are the service
# credits?": their amount, which
# the help centre never gives (the plans' prices came as a guess, or "not enough information").
_CREDITS_AMOUNT = re.compile(
    r"\bhow\s+(?:much|big|large)\s+(?:are|is|would\s+be|will\s+be)\s+(?:the\s+|those\s+|these\s+|our\s+)?"
    r"(?P<service>service\s+|sla\s+)?credits?\b"
    r"|\bhow\s+much\s+(?P<service2>service\s+|sla\s+)?credits?\s+(?:do|would|will|can)\s+(?:i|we|you)\s+(?:get|receive|give)\b"
    r"|\bwhat\s+(?:are|is)\s+(?:the\s+)?(?P<service3>service\s+|sla\s+)?credits?\s+worth\b"
    # "What are the service credits?" right after the SLA's (its entry came again, by the FAQ shortcut).
    r"|^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?what\s+(?:are|is)\s+(?:the\s+|those\s+|these\s+)?(?P<service5>service\s+|sla\s+)?"
    r"credits?(?:\s+(?:exactly|then))?\s*[?.!]*\s*$"
    r"|\b(?:the\s+)?(?P<service4>service\s+|sla\s+)?credits?\s+amount\b",
    re.IGNORECASE)
CREDITS_AMOUNT_REPLY = (
    "Our help centre says missing the uptime SLA earns service credits, but not how much they are or how they're worked "
    f"out, so I'd rather not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?")


def asks_the_credits_amount(ctx: SupportContext) -> bool:
    """"How much are the credits?" right after the SLA's service credits were told, or "how much are the service
    credits?" at any time ("credit" alone after anything else may be a card's)."""
    found = _CREDITS_AMOUNT.search(ctx.message)
    if found is None:
        return False
    named = any(found[group] for group in ("service", "service2", "service3", "service4", "service5"))
    return named or "service credits" in last_assistant_text(ctx)


_A_PLAN = r"(?:the\s+)?(?:free|pro|business)(?:\s+(?:plan|plans|users?|customers?|accounts?|tier|ones?))?"
# "Do free users get it?" (account at 0.26: what Free includes), "do I get it?" (Pro's contents), "does pro have that?",
# "is it on business too?", "what about pro?" (the invoice list) right after the uptime SLA was told: whether that plan,
# or the customer's, has it.
_PLAN_GETS_IT = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:"
    rf"(?:do|does|did|will|would|can)\s+(?:i|we|{_A_PLAN}|(?:my|our)\s+plan)\s+(?:also\s+|even\s+|still\s+)?"
    r"(?:get|have|include|come\s+with)\s+(?:it|that|this|one|an?\s+sla|the\s+sla)"
    rf"|(?:is|does)\s+(?:it|that|this)\s+(?:also\s+)?(?:on|in|part\s+of|included\s+(?:in|with|on)|come\s+with)\s+"
    rf"(?:{_A_PLAN}|(?:my|our)\s+plan)"
    rf"|(?:what|how)\s+about\s+{_A_PLAN})"
    rf"(?:\s+(?:too|as\s+well|then|on\s+{_A_PLAN}))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_if_the_sla_applies(ctx: SupportContext) -> bool:
    """"Does it apply to me?", "do free users get it?" after the uptime SLA was asked about or told ("do you offer an
    uptime guarantee?" names it only in the reply): whether the customer's plan, or the plan named, has it."""
    before = previous_user_text(ctx) or ""
    if asks_if_it_applies_to_them(ctx.message):
        return names_the_sla(before) or names_the_sla(last_assistant_text(ctx))
    # Asked of a plan, the SLA must have been the question: the plans' entry names it among what Business adds.
    return bool(_PLAN_GETS_IT.match(ctx.message)) and (names_the_sla(before) or asks_about_uptime(before))


def sla_asked_of_a_plan(ctx: SupportContext) -> str | None:
    """"Do free users get it?" after the uptime SLA was told: "does the free plan have an sla?"; "do I get it?": "does my
    plan have an sla?"; None for any other message."""
    if _PLAN_GETS_IT.match(ctx.message) is None or not asks_if_the_sla_applies(ctx):
        return None
    plan = PLAN_NAMED.search(ctx.message)
    return f"does the {plan[0].split()[0].lower()} plan have an sla?" if plan else "does my plan have an sla?"


# "Can I export my logs?", "can you export them?" after where the logs are was told: a download of the app's logs, which
# the data export (configuration, deploy history, account data) does not say it holds.
_ASKS_TO_EXPORT = re.compile(r"\b(?:export(?:ed|ing)?|download(?:ed|ing)?|save\s+a\s+copy\s+of)\b", re.IGNORECASE)
_LOGS = re.compile(r"\blogs?\b", re.IGNORECASE)
_POINTS_AT_IT = re.compile(r"\b(?:them|it|those|these|that)\b", re.IGNORECASE)


# "How far back do they go?", "how long are logs kept?" after where the logs are: how long they are kept ("no guide").
_HOW_LONG_KEPT = re.compile(
    r"\bhow\s+(?:far\s+back|long|many\s+days)\s+(?:do|does|will|can|are|is)\s+(?:they|them|it|the\s+logs|logs|my\s+logs)\s*"
    # The verb is needed: "how long will it take to fix?" after the 5xx guide's step on logs asks of the incident.
    r"(?:go(?:\s+back)?|kept|stored|retained|saved|last|stay|available|held)\b"
    r"|\b(?:log|logs)\s+retention\b|\bhow\s+long\s+(?:do\s+you|does\s+northwind)\s+(?:keep|store|retain)\s+(?:the\s+|my\s+)?logs\b",
    re.IGNORECASE)


def asks_how_long_logs_are_kept(ctx: SupportContext) -> bool:
    """Whether the message asks how long logs are kept: logs named, or "they" right after logs were spoken of."""
    if not _HOW_LONG_KEPT.search(ctx.message):
        return False
    if _LOGS.search(ctx.message):
        return True
    return any(_LOGS.search(text) for text in (previous_user_text(ctx) or "", last_assistant_text(ctx)))


# "Can you cancel it?", "stop it please" after "our deploy is stuck": the deploy or build, not the subscription (whose
# cancelling steps were added to the guide again).
_CANCELS_IT = re.compile(r"\b(?:cancel\w*|stop|abort|kill|halt)\s+(?:it|that|this|them)\b", re.IGNORECASE)
_A_DEPLOY = re.compile(r"\b(?:deploy\w*|builds?|building|release|rollout)\b", re.IGNORECASE)


def cancels_the_deploy_spoken_of(ctx: SupportContext) -> bool:
    """Whether the message asks to cancel or stop "it" right after a deploy or build was spoken of (in either of the
    customer's last two messages: "my build is stuck", "for 50 minutes now", "can you cancel it?")."""
    return bool(_CANCELS_IT.search(ctx.message)) and any(_A_DEPLOY.search(text) for text in earlier_user_texts(ctx)[:2])


def asks_to_export_logs(ctx: SupportContext) -> bool:
    """Whether the message asks to export or download logs: named, or "them" right after logs were spoken of."""
    if not _ASKS_TO_EXPORT.search(ctx.message):
        return False
    if _LOGS.search(ctx.message):
        return True
    return (len(ctx.message.split()) <= MAX_WORDS and _POINTS_AT_IT.search(ctx.message) is not None
            and _LOGS.search(f"{previous_user_text(ctx) or ''} {last_assistant_text(ctx)}") is not None)


# "What about weekends?", "and at night?" right after a reply about our support (how to reach it, its hours): when it is
# there, asked of those times (the scope reply came after the reply on phone support).
_SUPPORT_AT_A_TIME = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:(?:what|how)\s+about|and)\s+(?:(?:at|on|over|during|in)\s+)?(?:the\s+)?"
    r"(?P<when>weekends?|saturdays?|sundays?|nights?|holidays?|evenings?|bank\s+holidays?|christmas)\s*[?.!]*\s*$",
    re.IGNORECASE)
_SPOKE_OF_SUPPORT = re.compile(r"\bsupport\b", re.IGNORECASE)
_HOURS_TOLD = re.compile(r"\b\d{2}:\d{2}\b")


def support_asked_of_a_time(ctx: SupportContext) -> str | None:
    """"What about weekends?" right after a reply about our support: "do you have support at weekends?"; None
    otherwise."""
    last = last_assistant_text(ctx)
    # After the hours themselves ("08:00 to 20:00 UTC"), what they say of that time is answered from them as they are.
    asked = _SUPPORT_AT_A_TIME.match(ctx.message)
    if asked is None or not _SPOKE_OF_SUPPORT.search(last) or _HOURS_TOLD.search(last):
        return None
    return f"do you have support at {asked['when'].lower()}?"
