"""The technical part of an offline reply: incidents, articles and their steps."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from agents.about_service import (
    MOVE_DOWNTIME_UNKNOWN,
    api_tool_asked,
    asks_about_own_usage,
    asks_if_there_is_an_api,
    asks_to_keep_an_app_awake,
    kind_of_app_told,
    kinds_of_app,
)
from agents.certificate_renewal import (
    CERTIFICATES_RENEW,
    asks_to_renew_the_certificate_by_hand,
    asks_why_the_certificate_did_not_renew,
)
from agents.coding_help import ASKS_TO_WRITE_CODE
from agents.cues import has_cue
from agents.deploy_downtime import ON_HEALTH_CHECK, downtime_during_deploys, reports_downtime_during_deploys
from agents.dns_providers import (
    DOMAINS_GUIDE,
    asks_about_downtime_of_a_dns_change,
    asks_to_buy_a_domain,
    dns_provider_named,
)
from agents.facts import IncidentFact
from agents.follow_ups.go_aheads import step_said_done
from agents.follow_ups.history import (
    assistant_texts,
    last_assistant_text,
    last_reply_cited,
    previous_user_text,
    questions_before,
)
from agents.follow_ups.leaning_back import (
    asks_for_more,
    asks_how_long_it_takes,
    asks_if_it_applies_to_them,
    asks_to_avoid_it,
    leans_back,
    thing_asked_how_long,
)
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.people import asks_if_it_costs_extra, asks_what_it_costs
from agents.follow_ups.plans import asks_a_cheaper_way_to_stay_awake, asks_what_an_upgrade_gives, plan_stated
from agents.follow_ups.service import (
    MONTH_NAMED,
    asks_about_uptime,
    asks_for_an_uptime_report,
    asks_how_long_logs_are_kept,
    asks_the_limit_of_the_topic,
    asks_to_export_logs,
    cancels_the_deploy_spoken_of,
    period_as_said,
    question_whose_limit_is_asked,
    reports_what_the_outage_costs,
    says_it_hit_the_limit,
    sla_asked_of_a_plan,
)
from agents.follow_ups.topic import with_topic
from agents.how_long_it_ran import (
    BUILD_HAS_TIME,
    minutes_it_ran,
    says_how_long_a_build_has_run,
    says_it_is_still_running,
)
from agents.one_place_only import one_place_said
from agents.outcome import ArticleMatch, FaqMatch, Source
from agents.plan_names import PLAN_KEYS_CHEAPEST_FIRST, PLANS_CHEAPEST_FIRST, plans_above
from agents.providers.offline.kb import (
    ERROR_PHRASES,
    PROBLEM,
    affected_components,
    article_terms,
    fault_began_with_a_deploy,
    fault_text,
    names_incident_scope,
    regions_mentioned,
    step_showing_where,
    topic_terms,
)
from agents.providers.offline.reply_base import (
    ARTICLE_MIN_SCORE,
    ARTICLE_STRONG,
    ASKS_IF_IT_COSTS,
    ASKS_WHAT_IS_INCLUDED,
    CUSTOM_ROLES,
    FAQ_CONFIDENT,
    FAQ_HOW_TO_FOR_VISITOR,
    FAQ_PLAUSIBLE,
    MAX_STEPS,
    NEVER_SLEEP,
    NOT_AN_ECHO,
    TAKES,
    WHY_ALONE,
    WriterBase,
    joined_with_and,
    money,
    plan_prices,
    sentences,
    topic_words,
)
from agents.providers.offline.text import normalise
from agents.request_rates import RATE_NEEDED, rate_needed
from agents.rollback import ROLLBACK_STEP, part_a_rollback_touches_asked, rollback_downtime_asked
from agents.service_status import (
    ASKS_WHEN_FIXED,
    ASKS_WHEN_IT_STARTED,
    asks_for_alerts_on_own_app,
    asks_for_status_updates,
)
from agents.service_terms import asks_if_own_plan_has_the_sla
from agents.set_phrases import opens_with_it_not_fixed
from agents.vague_faults import ASK_WHAT_GOES_WRONG, ask_about_a_client_error, client_error_named, names_no_fault
from agents.where_it_is import GUIDE_NAMED, STUCK_ON_A_STEP, places_named
from agents.yes_or_no import YES_OR_NO, answered_as_asked, without_yes_or_no

# "Any ETA for a fix?", "when will it be fixed?", "is it resolved yet?", "any update?": when the incident
# ends, which nobody knows; its state and where the updates go are what there is to say.
# "What's the status of the eu-west incident?", "is the incident resolved?": how the incident stands, asked of the
# incident itself, not a fault the customer sees (which its guide's steps answer).
ASKS_HOW_THE_INCIDENT_STANDS = re.compile(
    r"\b(?:status|state|update|updates|news|progress)\s+(?:of|on|about|with)\s+(?:the\s+)?(?:[\w-]+\s+)?incidents?\b"
    r"|\bincidents?\s+(?:status|still\s+(?:open|on|going)|resolved|over|fixed)\b"
    r"|\b(?:is|has)\s+the\s+(?:[\w-]+\s+)?incident\s+(?:been\s+)?(?:resolved|fixed|over|still\s+(?:open|on|going))\b"
    # "Any outages recently?", "are there any incidents?": whether there is one, with no fault of their own reported
    # (the API errors' guide came after the incident, for errors nobody had).
    r"|\b(?:any|are\s+there(?:\s+any)?|is\s+there\s+(?:an?|any))\s+(?:current\s+|ongoing\s+|known\s+|active\s+|recent\s+)?"
    r"(?:outages?|incidents?|downtime)\b",
    re.IGNORECASE)

# What a follow-up asks of the incident it was just told of: where it is, what it affects, since when.
ASKS_WHERE = re.compile(r"\b(?:regions?|where)\b", re.IGNORECASE)
ASKS_WHAT_IS_AFFECTED = re.compile(
    r"\b(?:what|which)\b[^.?!]{0,30}\b(?:affected|impacted|components?|services?|parts?)\b"
    r"|\bwhat does it (?:affect|impact)\b", re.IGNORECASE)


# An outage the customer went through, which a claim for service credits is about.
OUTAGE_TOLD = re.compile(r"\b(?:down|downtime|down\s+time|outages?|incidents?|unavailable|unreachable|offline"
                         r"|disruptions?)\b", re.IGNORECASE)
# "Was there downtime this week?": asked of the past, which only the incidents open now and the status page answer;
# asked of uptime (asks_about_uptime), the uptime SLA too.
ASKS_ABOUT_DOWNTIME = re.compile(r"\b(?:downtime|down\s+time)\b", re.IGNORECASE)
# A plan the help centre's SLA entry says has none ("Free and Pro have no SLA").
NO_SLA = re.compile(r"\bno\s+(?:uptime\s+)?sla\b|\bwithout\s+(?:an?\s+)?(?:uptime\s+)?sla\b", re.IGNORECASE)

# A help-centre entry on moving between plans ("How do I upgrade my plan?").
CHANGES_PLAN = frozenset({"upgrade", "downgrade"})
GENERIC_FIX_TERMS = frozenset({"fix", "fixe", "fixing", "solve", "solv", "help", "resolve", "resolv", "sort",
                               "repair", "work", "working"})
# How a customer says what they see ("my domain shows a certificate error"): the verb names no fault, and
# matched the TLS guide's renewal step ("a failed renewal shows a warning") to an untrusted certificate.
# "Down" says the service is out, and picked the rate-limits step on slowing down for "is the api down?".
REPORTING_TERMS = frozenset({"show", "say", "said", "see", "display", "appear", "tell", "give", "down"})
_RUNS_OUT = re.compile(r"\b(?:run|runs|running|ran)\s+out\b", re.IGNORECASE)

# A fault the customer ties to a change of their own ("500 errors after our last deploy, how to revert"):
# their deploy is the likely cause, an open incident elsewhere at most a "meanwhile".
BLAMES_OWN_CHANGE = re.compile(
    r"\b(?:after|since|following)\s+(?:(?:our|my|the|a|we|i)\s+)?(?:last\s+|latest\s+|recent\s+|new\s+)?"
    r"(?:deploy|release|push|update|change|commit|migration)\w*"
    r"|\b(?:we|i)\s+(?:just\s+)?(?:deployed|pushed|released|shipped|updated)\b"
    r"|\b(?:revert|reverting|roll\s*back|rolling\s*back|rollback|undo)\b",
    re.IGNORECASE,
)
ASKS_TO_ROLL_BACK = re.compile(r"\b(?:revert|reverting|roll\s*back|rolling\s*back|rollback|undo)\b", re.IGNORECASE)
ROLLS_BACK = re.compile(r"\broll\s*back\b|\brollback\b", re.IGNORECASE)
# "How do I check how many I have left?", "how can I see my remaining requests?": what is left of a limit, which the
# step on the header that counts it down answers (its name, `X-RateLimit-Remaining`, is no word the search reads).
_ASKS_WHAT_IS_LEFT = re.compile(
    r"\bhow\s+(?:many|much)\b[^.?!]{0,40}\b(?:left|remain(?:s|ing)?)\b|\bremaining\s+(?:requests?|calls?|quota)\b"
    r"|\b(?:requests?|calls?|quota)\s+(?:i\s+have\s+|we\s+have\s+)?(?:left|remaining)\b"
    r"|\bhow\s+close\b[^.?!]{0,30}\blimit\b", re.IGNORECASE)
_COUNTS_WHAT_IS_LEFT = re.compile(r"\bremaining\b", re.IGNORECASE)
# Questions that share no word with the step that answers them: how to revert and "roll back in **App → Deploys**".
# "How can I make my build faster?", "how do I speed up deploys?", "how can I make it faster?" after a build timed out: the
# failed-deploys guide's step on a build that runs out of time (it got "no guide on how to do that as such").
_ASKS_TO_SPEED_UP_BUILDS = re.compile(
    r"\b(?:make|get)\s+(?:it|them|this|that|(?:my|the|our)\s+(?:builds?|deploys?|deployments?))\s+(?:go\s+|run\s+)?"
    r"(?:faster|quicker)\b|\bspeed\s+up\s+(?:my\s+|the\s+|our\s+)?(?:builds?|deploys?|deployments?)\b"
    r"|\bspeed\s+(?:it|them|(?:my|the|our)\s+(?:builds?|deploys?))\s+up\b|\b(?:faster|quicker)\s+(?:builds?|deploys?)\b"
    r"|\b(?:reduce|cut|shorten|lower)\s+(?:my\s+|the\s+|our\s+)?(?:build|deploy)\s+times?\b"
    # "My build takes too long", "builds are so slow" (the guide's first steps, from reading the build log, came).
    r"|\b(?:builds?|deploys?|deployments?)\s+(?:takes?|took|is\s+taking|are\s+taking)\s+(?:way\s+|far\s+|much\s+)?"
    r"(?:too\s+long|forever|ages|so\s+long)\b|\b(?:builds?|deploys?)\s+(?:is|are)\s+(?:so\s+|too\s+|very\s+|really\s+)?slow\b",
    re.IGNORECASE)
_ON_BUILD_TIME = re.compile(r"\bbuild\s+cache\b|\bran\s+out\s+of\s+time\b", re.IGNORECASE)
# "Is it automatic?", "how often?" of a certificate: its renewal, which the TLS guide's step words as certificates that
# renew (its first steps came, then the same again behind "my answer is the same").
_ASKS_IF_IT_RENEWS = re.compile(r"\b(?:automatic(?:ally)?|auto[\s-]?renew\w*|by\s+itself|on\s+its\s+own|how\s+often)\b",
                                re.IGNORECASE)
_ON_RENEWAL = re.compile(r"\brenew", re.IGNORECASE)
# "What's the difference between a secret and a normal env var?": what a secret is, which the environment guide's step
# on **Secret** says (its steps came in order, as if every one were asked).
_ASKS_WHAT_A_SECRET_IS = re.compile(
    r"\b(?:differen(?:ce|t)|differs?|vs\.?|versus|compared?)\b.{0,60}\bsecrets?\b|\bsecrets?\b.{0,60}\b(?:differen(?:ce|t)"
    r"|differs?|vs\.?|versus|compared?)\b|\bwhat(?:'s|\s+is|\s+are|\s+does)\s+(?:a\s+)?secrets?\s*(?:(?:variables?|vars?)\s*)?"
    r"(?:mean|do)?\s*[?.!]*\s*$", re.IGNORECASE)
_ON_SECRETS = re.compile(r"\*\*Secret\*\*")
_ASKED_IN_OTHER_WORDS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (ASKS_TO_ROLL_BACK, ROLLS_BACK), (_ASKS_WHAT_IS_LEFT, _COUNTS_WHAT_IS_LEFT), (_ASKS_TO_SPEED_UP_BUILDS, _ON_BUILD_TIME),
    (_ASKS_IF_IT_RENEWS, _ON_RENEWAL), (_ASKS_WHAT_A_SECRET_IS, _ON_SECRETS))

# Certificate errors as browsers name them ("NET::ERR_CERT_AUTHORITY_INVALID"), read as the plain words a
# guide writes the same fault in: an unknown issuer is a certificate the browser does not trust.
CERTIFICATE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ERR_CERT_AUTHORITY_INVALID|SEC_ERROR_UNKNOWN_ISSUER|SELF[_ -]SIGNED|UNABLE_TO_VERIFY_LEAF"
                r"|\bnot (?:a )?trusted\b|\buntrusted\b", re.IGNORECASE),
     "browsers warn the certificate is not trusted"),
    (re.compile(r"ERR_CERT_DATE_INVALID|SEC_ERROR_EXPIRED_CERTIFICATE|CERT_HAS_EXPIRED|\bcertificate (?:has )?expired\b",
                re.IGNORECASE),
     "certificate expired, renew before they expire"),
)

_ASKS_A_PRICE = re.compile(r"\b(?:cost|costs|price|prices|pricing|charged?|pay|fees?)\b", re.IGNORECASE)
# "How much to fix it?", "what would it cost to stop that?" after "do free apps sleep?": the plans it does not happen on,
# and their prices (the plans' whole list came).
_ASKS_WHAT_AVOIDING_IT_COSTS = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:how\s+much\s+(?:(?:is|does|would|will)\s+it\s+(?:cost\s+)?)?to|what\s+(?:does|would|will)"
    r"\s+it\s+cost\s+to)\s+(?:fix|avoid|prevent|stop|get\s+rid\s+of)\s+(?:it|that|this|them)\s*[?.!]*\s*$",
    re.IGNORECASE)
# "Is that normal?", "is this expected?" right after an entry that describes how things work: yes, as it says.
_ASKS_IF_NORMAL = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?|wait)[,\s]+)?(?:is|was)\s+(?:that|this|it)\s+(?:normal|expected|usual|how\s+it\s+works"
    r"|supposed\s+to\s+happen)\s*[?.!]*\s*$", re.IGNORECASE)

# "What's the max build time on pro?", "what's my api rate limit", "api returns 429, what does it mean?",
# "how do I get a higher limit?": a figure, or what a code means, which a help-centre entry states; a
# troubleshooting guide's steps answer a fault, not the question.
# What a plan's clause says it has no limit on ("unlimited deploys"): asked for more of that, there is no more to get;
# asked for more build minutes, the clause's "unlimited deploys" says nothing of them.
_UNLIMITED = re.compile(r"\bunlimited\s+(\w+)", re.IGNORECASE)
# "Can I get longer builds?", "can I pay for longer builds?" (the failed deploys guide's steps came, as if a build had
# failed): past the build limit.
_LONGER_BUILDS_SAID = r"\blonger\s+(?:builds?|build\s+times?)\b"
_LONGER_BUILDS = re.compile(_LONGER_BUILDS_SAID, re.IGNORECASE)
ASKS_A_LIMIT = re.compile(
    r"\b(?:max|maximum|minimum|limits?|quotas?|caps?|capped|allowance|allowed"
    r"|how\s+(?:long|many|much|big|large|often)|higher|increased?|raised?|extended)\b"
    # "Can it be longer?" after the build time's limit: more time than it allows; "is it longer on business?".
    r"|\b(?:be|made|make\s+(?:it|them))\s+longer\b|\b(?:is|are)\s+(?:it|they|that|builds?)\s+(?:any\s+)?longer\b"
    # "Can I get longer builds?", "builds longer than 45 minutes?".
    rf"|{_LONGER_BUILDS_SAID}|\bbuilds?\s+(?:that\s+(?:run|take|last)\s+)?longer\b"
    # "How do I get more build minutes?": more than the plan allows, which is a limit too.
    r"|\b(?:get|need|want|buy)\s+more\b"
    # "How do I deploy more than 10 times a day?": past what the plan allows in a day.
    r"|\bmore\s+than\s+\d[\d,]*\s+(?:times\s+)?(?:a|per|each|every)\s+(?:day|hour|minute|month)\b"
    r"|\bwhat\s+(?:does|do)\b[^.?!]{0,40}\bmean\b|\bmeaning\b"
    r"|\bwhat(?:\s+is|\s+are|'s|s)\s+(?:an?\s+|the\s+)?(?:http\s+)?[45]\d\d\b"
    # "How fast are deploys?": how long one takes, which the help centre gives only as the build's limit (the failed
    # deploys guide's steps came, as if one had failed).
    r"|\bhow\s+(?:fast|quick(?:ly)?)\s+(?:are|is|do|does|can|will)\s+(?:a\s+|the\s+|my\s+|your\s+)?(?:deploy|build)",
    re.IGNORECASE,
)
# "How do I get ssl?", "how do I set up https?", "do I get ssl too?", or "what about ssl?" right after a how-to's steps:
# how to get something the help centre says comes automatically (the certificates' troubleshooting steps came, as if
# a certificate had failed).
_ASKS_HOW_TO_GET_IT = re.compile(
    r"\bhow\s+(?:do|can|could|should)\s+(?:i|we)\s+(?:get|set\s*up|add|enable|turn\s+on|activate|configure|install)\b"
    r"|\bhow\s+to\s+(?:get|set\s*up|add|enable|turn\s+on|activate|configure|install)\b"
    r"|\b(?:do|will|would)\s+(?:i|we)\s+(?:also\s+)?get\b", re.IGNORECASE)
_WHAT_ABOUT_IT = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:(?:what|how)\s+about|and)\s+(?:the\s+)?\w+\s*\??\s*$",
                            re.IGNORECASE)
_DONE_AUTOMATICALLY = re.compile(r"\bautomatically\b", re.IGNORECASE)

# Words of a how-to that say what is done, not to what: "enable", "set up", "my app".
_ACTION_WORDS = frozenset({"enable", "disable", "turn", "set", "setup", "get", "add", "use", "make", "change", "app",
                           "apps", "configure", "create", "do", "start", "stop", "remove", "switch", "activate"})


def _shares_a_subject(message: str, told_in: str) -> bool:
    """Whether the how-to names something the text (an entry, a guide) speaks of, beyond what is done ("enable"):
    "how do I enable 2fa?" and the entry on turning on two-factor do; "how do I enable http2?" and that entry don't."""
    told = {part for word in topic_words(told_in) for part in word.split("-")}
    return _names_any(topic_words(message) - _ACTION_WORDS, told)


_ACTION_TERMS = frozenset(article_terms(" ".join(_ACTION_WORDS)))


def _guide_names_what_is_asked(message: str, guide: ArticleMatch) -> bool:
    """Whether a guide names anything the how-to asks about beyond what is done, as the knowledge base reads words
    ("ram" is memory): the failed deploys guide's "enable the build cache" does not name http2."""
    told = article_terms(f"{guide.title} {guide.summary} {' '.join(guide.steps)}")
    return _names_any(topic_terms(message) - _ACTION_TERMS - GENERIC_FIX_TERMS, told)


def _names_any(asked: set[str], told: set[str]) -> bool:
    """Whether one of the words asked about is among those told, however each ends; true when nothing is asked about."""
    return not asked or any(_same_word(word, other) for word in asked for other in told)


def _same_word(one: str, other: str) -> bool:
    """"scale" and "scaling", "domain" and "domains": one word however it ends (a shared start of four letters or more,
    all but the last two of the shorter)."""
    shared = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), min(len(one), len(other)))
    return one == other or (shared >= 4 and shared >= min(len(one), len(other)) - 2)


# "When does it reset?", "when does the limit reset?" after a limit by the day or month was given.
_ASKS_WHEN_IT_RESETS = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:when|what\s+time)\s+(?:does|do|will|is)\s+"
                                  r"(?:it|that|this|the\s+(?:limit|count|counter|quota|cap)|they)\s+(?:reset|renew|restart"
                                  r"|start\s+again|refresh)(?:\s+(?:then|exactly))?\s*[?.!]*\s*$", re.IGNORECASE)
_A_LIMIT_BY_THE_DAY = re.compile(r"\b\d[\d,]*\s+\w+(?:\s+\w+)?\s+(?:a|per)\s+(?:day|month)\b", re.IGNORECASE)
# A guide's step on waiting for DNS ("Wait for DNS to update, usually within an hour").
_DNS_UPDATES = re.compile(r"\bDNS\b[^.]*\b(?:update|propagat)", re.IGNORECASE)
# "The dns isn't updating", "my domain still doesn't resolve", "it's not propagating" right after the domains guide: the
# wait its step gives, with no time said (its steps came again, as if unread).
_DNS_NOT_UPDATED = re.compile(
    r"\b(?:dns|domain|record|cname|it)\b(?:'s|\s+is|\s+has)?\s+(?:still\s+)?(?:isn'?t|is\s+not|not|hasn'?t|has\s+not|doesn'?t"
    r"|does\s+not|won'?t|will\s+not|never)\s+(?:yet\s+)?(?:updat|propagat|resolv|verif|chang)\w*"
    r"|\b(?:dns|domain|record|cname)\b[^.?!]{0,20}\bstill\s+(?:the\s+old|old|unverified|pending|not\s+verified)\b",
    re.IGNORECASE)
# "It's been 3 hours", "still nothing after a day", "since yesterday": a wait said to be over, in hours or days.
_WAITED_HOURS = re.compile(
    # "It's been like 3 hours": the wait, hedged (the waiting step came again).
    r"\b(?:it'?s|it\s+has|i'?ve|i\s+have|we'?ve|we\s+have)\s+(?:been|waited)\s+(?:for\s+)?(?:over\s+|more\s+than\s+|almost\s+"
    r"|like\s+|about\s+|around\s+|nearly\s+|roughly\s+|at\s+least\s+)?"
    r"(?:\d+|an?|a\s+few|several|two|three|four|five|six|many|24|48)\s+(?:hours?|hrs?|days?)\b"
    r"|\b(?:for|after)\s+(?:hours|days|a\s+day|a\s+whole\s+day)\b|\b(?:over|more\s+than)\s+(?:an?\s+|one\s+)?(?:hour|day)\b"
    # "It's been like that for 2 days", "stuck for three hours".
    r"|\b(?:for|after)\s+(?:over\s+|more\s+than\s+)?(?:\d+|a\s+few|several|two|three|four|five|six)\s+(?:hours?|hrs?|days?)\b"
    r"|\bsince\s+(?:yesterday|this\s+morning|last\s+night)\b", re.IGNORECASE)
_ANY_APP = frozenset({"app", "go"})
# How the plan features part says a plan lacks something ("No: custom domains aren’t part of your plan, Free, which
# includes … They come with Pro ($29.00 a month) and the plans above it").
_NOT_PART_OF_THE_PLAN = re.compile(r"^No: (?P<what>[^\n]+?) (?:aren’t|isn’t) part of (?:your plan, )?(?P<own>Free|Pro|Business)\b"
                                   r"[^\n]*?\b(?:They|It) comes? with (?P<plan>Free|Pro|Business)\b(?:\s*\([^)]*\))?"
                                   r"(?P<above> and the plans above it)?")
# "What's your SLA?", "what is the sla": what a thing is, which "Yes" does not answer.
_ASKS_WHAT_IT_IS = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|hi|hello)[,\s]+)?(?:what'?s|what\s+is|what\s+are|whats)\b",
                              re.IGNORECASE)


# Asking for more than the plan allows, or having run into it: what the plans above allow matters too.
ASKS_FOR_MORE = re.compile(r"\b(?:higher|increas(?:e|ed|ing)|rais(?:e|ed|ing)|more|bigger|longer|extend(?:ed|ing)?"
                           r"|lift(?:ed|ing)?)\b", re.IGNORECASE)
# A guide about something going wrong ("Failed deploys and build timeouts", "Troubleshooting API errors"): its steps
# fix a failure, and say nothing of how to do the thing when nothing has failed.
# "Can you tell me why?", "why did it fail?", "but why?": the reason for the failure just reported, which only the
# customer's own logs show. After "my deploy failed" and its guide, the words found the API rate limits' entry.
ASKS_THE_REASON = re.compile(
    r"^\W*(?:(?:and|but|so|ok(?:ay)?)[,\s]+)?"
    r"(?:(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell|explain\s+to)\s+(?:me|us)|(?:do|does)\s+(?:you|anyone)\s+know)\s+)?"
    r"(?:why(?:\s+(?:though|exactly|then))?"
    r"|why\s+(?:did|does|would)\s+(?:it|that|this|my\s+\w+)\s+(?:fail|happen|crash|break|time\s+out)"
    r"|why\s+(?:it|that|this|my\s+\w+)\s+(?:failed|happened|crashed|broke|timed\s+out))"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE)
# A step that names a log: where the reason for a failure is written.
_NAMES_A_LOG = re.compile(r"\blogs?\b", re.IGNORECASE)
ABOUT_FAILURES = re.compile(r"\b(?:fail\w*|troubleshoot\w*|errors?)\b", re.IGNORECASE)
# "How do I check my app's logs?": where to look, which a step that names the place answers (App → Logs).
ASKS_WHERE_TO_LOOK = re.compile(r"\b(?:where|find|see|check|view|look\s+at|read|open)\b", re.IGNORECASE)
# "How do I deploy my app?", "how to deploy a python app": how to do something, asked.
ASKS_HOW_TO_DO = re.compile(r"\bhow\s+(?:do|can|could|should|would)\s+(?:i|we)\b|\bhow\s+to\b", re.IGNORECASE)
# "Where do I enable the build cache?": where a step is taken, which asks for the step as a how-to does (every step of the
# guide came in its order).
WHERE_TO_DO = re.compile(r"^\W*where\s+(?:do|can|could|should|would)\s+(?:i|we)\s+(?:enable|turn\s+on|switch\s+on|disable|turn"
                         r"\s+off|set|change|add|configure|mark|tick)\b", re.IGNORECASE)
RAN_INTO_IT = re.compile(r"\b(?:times|timed|timing|ran|runs|running) out\b|\bexceed(?:s|ed|ing)?\b|\bhit(?:s|ting)?\b",
                         re.IGNORECASE)
# The words of such a question that say it asks for a figure (or for more), not what the figure is of.
LIMIT_WORDS = frozenset(topic_words("max maximum minimum limit limits quota quotas cap caps capped allowance allowed "
                                    "long many much big large often higher increase raise mean meaning"))
PLAN_WORDS = frozenset(topic_words("free pro business plan plans tier account my"))
# What a limit can be of besides time and counts: "build exceeded memory limit" asks of memory, which an entry on
# builds' minutes, however near its other words ("build"), does not state.
MEASURED_RESOURCES = frozenset(topic_words("memory ram disk storage cpu bandwidth"))
# "Last month", "the past year": the period an uptime figure is asked for.
_PERIOD_NAMED = re.compile(rf"\b(?:last|this|the\s+past|the\s+previous|the\s+last)\s+(?:month|week|year|quarter)\b|\b{MONTH_NAMED}\b",
                           re.IGNORECASE)
# "How do I fix that?", "how can I solve it?": mending a fault, which a failure guide's steps are for.
_ASKS_HOW_TO_FIX = re.compile(r"\bhow\s+(?:do|can|could|should)\s+(?:i|we)\s+(?:fix|solve|resolve|sort\s+out|repair|get\s+"
                              r"rid\s+of)\b", re.IGNORECASE)
# How a claim for service credits is made, which no entry says.
_HOW_TO_CLAIM_UNSAID = ("Our help centre doesn't say how to claim them, so I'd rather not guess: a person from our team "
                        f"can look at a claim with you. Would you like me to {OFFER_PERSON}?")
_PLAN_NAME = re.compile(rf"\b({'|'.join(PLANS_CHEAPEST_FIRST)})\b")
# "Custom domains are on Pro and Business.": an entry that opens by saying which plans have the thing it is about.
_ON_PLANS = re.compile(r"^(?P<what>[^.\n]+?)\s+(?:are|is)\s+(?:only\s+)?(?:on|available\s+on|included\s+(?:in|with))\s+"
                       r"(?P<plans>(?:Free|Pro|Business)(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:Free|Pro|Business))*)\.",
                       re.MULTILINE)
# A guide's step done at the DNS provider, or about a proxy in front of the app (not one in our dashboard, "**Settings**").
_RETRIES_THE_CERTIFICATE = re.compile(r"\bRetry certificate\b")
_DONE_AT_THE_PROVIDER = re.compile(r"\bDNS\b|\b(?:CNAME|ALIAS|ANAME|CAA|A)\s+records?\b|\bproxy\b")
# How a reply says the customer's plan must change first (_quote_as_asked), and "why not?" asked of it.
PLAN_NEEDED_FIRST = "so you'd need to move to"
# "60 requests a minute on Free, 600 on Pro and 3,000 on Business": one figure per plan, the unit said once.
_PLAN_FIGURE = re.compile(r"(?P<figure>\d+(?:,\d{3})*(?:\.\d+)?)(?P<unit>(?:\s+[a-z]+){0,3}?)\s+on\s+"
                          r"(?P<plan>Free|Pro|Business)\b")
FIGURE = re.compile(r"\d")
# "Can I use my own domain with https?", "can we use websockets?": whether the service lets them, which an
# entry on it says (on which plans, what comes with it); a troubleshooting guide answers a fault not reported.
ASKS_IF_ALLOWED = re.compile(r"\b(?:can|could|may)\s+(?:i|we)\s+use\b", re.IGNORECASE)
# "Can I use my own SSL certificate?", "upload a custom certificate", "bring our own cert": a certificate the customer
# brings instead of the one issued for them. Not "my certificate expired", a fault with the one they have.
OWN_CERTIFICATE = re.compile(
    r"\b(?:my|our|your)\s+own\s+(?:ssl\s+|tls\s+|https\s+)?cert(?:ificate)?s?\b"
    r"|\b(?:bring|upload|uploading|import|importing|install|installing|use|using)\s+(?:an?\s+|my\s+|our\s+)?"
    r"(?:own\s+|custom\s+|existing\s+|purchased\s+|bought\s+|paid\s+|wildcard\s+|ev\s+)(?:ssl\s+|tls\s+)?"
    r"cert(?:ificate)?s?\b",
    re.IGNORECASE)
# How a reply that has no uptime figure begins ("I don't have an uptime figure for this month, …").
_UPTIME_NOT_TO_HAND = "I don't have an uptime figure for"


# What the uptime SLA answers among questions on uptime: a promise, credits, the SLA itself.
_ASKS_WHAT_IS_PROMISED = re.compile(r"\b(?:guarantee\w*|commit\w*|promis\w*|credits?|slas?|agreement|compensat\w*)\b",
                                    re.IGNORECASE)

# A how-to whose subject is the question before's ("how do I fix it?", "how do I do that on pro?").
_OF_IT = re.compile(r"\b(?:it|that|this|them|they|those|these)\b", re.IGNORECASE)
# A short follow-up's "them": what the reply before was about ("can I use them at build time?").
_OF_THEM = re.compile(r"\b(?:them|they|those|these)\b", re.IGNORECASE)

# How _keeping_an_app_awake says what keeping an app awake takes, read back when a cheaper way is asked.
_AWAKE_MEANS_MOVING = "So keeping an app awake means moving it to"
# "Apps on Pro and Business never sleep.": the plans an app stays awake on, as the entry names them.
_NEVER_SLEEP_ON = re.compile(r"\bApps on (?P<plans>[^.]+?) never sleep\b")
# "Will my app go to sleep?", "do my apps sleep?": whether the customer's own apps do, which their plan decides.
_ASKS_IF_OWN_APP_SLEEPS = re.compile(
    r"^\W*(?:(?:and|so|but)[,\s]+)?(?:will|does|do|would|can)\s+(?:my|our)\s+(?:\w+\s+)?apps?\s+(?:ever\s+)?"
    r"(?:go\s+to\s+sleep|sleep|fall\s+asleep|go\s+idle|spin\s+down)\b", re.IGNORECASE)
# "My app keeps going to sleep", "it still sleeps after 30 minutes", "our api spins down": an app of the customer's said to
# sleep. Not a question of whether apps do ("do free apps sleep?", "will my app go to sleep?").
_REPORTS_SLEEPING = re.compile(
    r"^(?!\W*(?:do|does|will|would|can|could|is|are|why|how|what)\b)(?!.*\b(?:stop|prevent|keep|avoid|not|never)\b).*"
    r"\b(?:(?:my|our|the)\s+(?:\w+\s+)?(?:apps?|sites?|api|service)|it|they)\s+(?:\w+\s+){0,2}?"
    r"(?:sleeps?|sleeping|asleep|goes\s+to\s+sleep|going\s+to\s+sleep|(?:goes|going|went)\s+idle|spins?\s+down"
    r"|spinning\s+down|spun\s+down)\b",
    re.IGNORECASE)


# An uptime as a percentage, as an SLA is put ("99.95%", "99.99 %").
_UPTIME_FIGURE = re.compile(r"\b(\d{2}(?:\.\d+)?)\s*%")
# An entry that says a thing costs nothing: "a free TLS certificate" (not "Free", the plan, which starts a sentence).
_FREE_OR_INCLUDED = re.compile(r"\bfree\b(?!\s+plan)|\bincluded\b|\bat\s+no\s+(?:extra\s+)?cost\b")
# A guide named by its title in a reply (“Custom domains and DNS”).
_GUIDE_NAMED = re.compile(r"\bguides?\s+“[^”]+”")


class TechnicalReplies(WriterBase):
    def technical(self) -> None:
        if (self._no_fix_time_for_a_fault_of_its_own() or self._answers_details_of_the_fault() or self._tell_how_to_get_status_updates() or self._own_app_alerts_unsaid()
                or self._steps_after_one_done() or self._normal_as_the_entry_says() or self._tell_how_long_the_guide_says()
                or self._guides_price_told()
                or self._why_the_plan_is_needed()
                or self._steps_at_the_provider_named() or self._buying_a_domain_unsaid() or self._logs_export_unsaid()
                or self._logs_kept_unsaid() or self._deploy_cancel_unsaid() or self._downtime_of_a_dns_change_unsaid()
                or self._dns_wait_overrun() or self._sleeps_on_a_plan_that_never_sleeps() or self._what_a_rollback_touches()
                or self._when_a_limit_resets_unsaid() or self._downtime_during_deploys()
                or self._detail_told_after_the_steps() or self._nothing_to_set_up() or self._weighs_a_build_time_told()
                or self._still_running_within_the_limit()):
            return
        incident = self.facts.incident
        if reports_what_the_outage_costs(self.ctx):
            self.reply.add("I'm sorry this is costing you.", answers=False)
        # "We got 500 errors after our last deploy, how do I revert?": the customer's own change is the
        # likely cause, so the guide's steps lead and the open incident is only mentioned after them.
        incident_aside = incident is not None and bool(BLAMES_OWN_CHANGE.search(self.text))
        about_the_incident_only = False
        # "Shut down" names no outage ("how do I shut down without the prompt?" got the status page).
        reported = fault_text(self.text)
        if incident is not None and not incident_aside:
            about_the_incident_only = self._incident(incident)
        elif incident is None and has_cue(set(reported.split()), reported, "outage", "outages", "incident", "incidents",
                                          "down", "status page", "is it just me"):
            self._no_matching_incident()
        leading_incident = None if incident_aside else incident
        credits_told = self._service_credits()
        if credits_told and incident is not None and incident.title in last_assistant_text(self.ctx):
            # "Will we get credits for this?" after the incident was told: the guide's steps came again beneath the
            # credits, for a fault the customer had not reported again.
            return
        if self._keeping_an_app_awake() or self._cheaper_way_to_stay_awake() or self._plans_that_avoid_it():
            # "How do I stop that?" after "do free apps sleep?": the plans apps never sleep on are the answer; the
            # entry its own words find (cancelling, 0.97) answers another question.
            return
        # "Which region is affected?", "is the eu-west incident affecting us-east?": a question about the incident
        # itself, which its facts answer; a guide's steps would answer a fault nobody reported.
        articles = [] if about_the_incident_only else [a for a in self.facts.articles if a.score >= ARTICLE_MIN_SCORE]
        if self.text == self.ctx.message and (before := question_whose_limit_is_asked(self.ctx)) is not None:
            # "Whats the limit for business?" after "i get a 429 error": the limit of what that question was about.
            # Its "limit" alone finds the rate-limits guide whatever came before ("my build timed out").
            articles = [a for a in articles if topic_words(before) & topic_words(f"{a.title} {a.summary}")]
        if ASKS_HOW_TO_DO.search(self.ctx.message) and not _OF_IT.search(self.ctx.message):
            # "How do I enable http2?" found the failed deploys guide for "enable" in its step on the build cache,
            # which was given as the step that fits: what to enable is named nowhere in it. ("How do I fix it?" names
            # its subject by the question before.)
            articles = [a for a in articles if _guide_names_what_is_asked(self.ctx.message, a)]
        if (self._own_certificate(articles) or self._api_asked_about(articles) or self._api_tool_asked()
                or self._why_the_certificate_did_not_renew() or self._certificate_renewed_by_hand()
                or self._own_usage_unseen()):
            return
        if leading_incident is None and articles and (self._reason_its_log_shows(articles[0])
                                                      or self._reason_the_plan_gives(articles[0])):
            return
        # "What's my api rate limit?": the figure the help centre states, for the customer's plan, leads.
        limit_entry = self._entry_stating_the_limit(articles) if leading_incident is None else None
        on_top_plan = self._state_limit(limit_entry) if limit_entry is not None else False
        if limit_entry is not None and articles and not self._guide_agrees(articles[0], limit_entry):
            # "How many deploys per day on free?" found the rate-limits guide for "per": not about deploys.
            articles = []
        # "Can I use them at build time?" after the environment variables' guide: its step on that, ahead of an entry the
        # words find (the deploys and builds' limits came).
        followed = next((a for a in articles if f"“{a.title}”" in last_assistant_text(self.ctx)), None)
        step_followed = (followed is not None and leading_incident is None and limit_entry is None
                         and bool(self._steps_on_what_a_follow_up_adds(followed)))
        if step_followed:
            articles = [followed, *[a for a in articles if a is not followed]]
        faq = None if limit_entry is not None or step_followed else self._faq_for_this_question()
        if faq is not None and self._lock_told_by_the_account(faq):
            # Cited as told, as the account part cites it for a locked account: the entry stays the answer
            # (no guide on deploys for "I'm locked out please unlock"), and is not quoted (below).
            self._cite_faq(faq)
        if (faq is not None and "sla" in normalise(faq.question).split() and asks_about_uptime(self.text)
                and not _ASKS_WHAT_IS_PROMISED.search(self.text)):
            # "What is your uptime?" (the SLA's entry at 0.88 was quoted as the answer): a figure, which _tell_uptime
            # says is not to hand, with the incidents open now and the SLA. "Do you guarantee uptime?" asks the SLA.
            faq = None
        if faq is not None and articles and self._about_another_plan(faq.question):
            # "My app is slow" from a Business customer: that free apps sleep is true and no help to them.
            faq = None
        # "Do you offer a free SSL certificate?": whether it comes with the service, which the help centre's
        # entry says; a guide's troubleshooting steps answer a fault nobody reported.
        asks_what_is_included = self._asks_what_is_included()
        if faq is not None and leading_incident is None and (
                not articles or articles[0].score < ARTICLE_STRONG or asks_what_is_included):
            # A how-to question ("which regions can I deploy to?") is answered by the FAQ, not a guide.
            self._quote_as_asked(faq)
            articles = [a for a in articles if a.score >= ARTICLE_STRONG]
        else:
            asks_what_is_included = False  # nothing says whether it is included: the guide is the answer
        listed_steps = failure_guide_only = False
        if (articles and leading_incident is not None and _STILL_DOWN.match(self.ctx.message)
                and any(f"“{articles[0].title}”" in text for text in assistant_texts(self.ctx))):
            # "Still down" while the incident is open: where it stands is the news; the guide's steps, given already,
            # came again in full.
            self.reply.add(f"The steps from our guide “{articles[0].title}” that I gave earlier are what you can check on "
                           "your side meanwhile. If your app is still down once the incident is resolved, a person from "
                           f"our team can look into it with you: would you like me to {OFFER_PERSON}?", answers=False)
            self._cite_article(articles[0])
            articles = []
        if articles:
            best = articles[0]
            intro = ("Meanwhile, if it's on your side, our guide" if leading_incident is not None
                     else "For more, our guide" if self.reply.answered
                     # "Can you write me a script to scale my app?": the code asked for is not written, the guide
                     # on what it is for is what there is.
                     else "I can't write scripts or code for you, but our guide" if ASKS_TO_WRITE_CODE.search(self.text)
                     else "Our guide")
            if limit_entry is not None:
                listed_steps = self._guide_after_the_limit(best, on_top_plan=on_top_plan)
            elif failure_guide_only := self._how_to_met_by_a_failure_guide(best, leading_incident=leading_incident):
                # "How do I deploy my app?": the failed-deploys guide says why a deploy fails, not how to deploy.
                cannot_write = ("I can't write scripts or code for you, and our"
                                if ASKS_TO_WRITE_CODE.search(self.text) else "Our")
                self.reply.add(f"{cannot_write} help centre has no guide on how to do that as such. Its guide "
                               f"“{best.title}” "
                               f"covers what to do when it goes wrong: {best.summary[:1].lower()}{best.summary[1:]} "
                               f"If you'd like help setting it up, I can {OFFER_PERSON} from our team.")
            elif said_before := self._steps_on_what_a_follow_up_adds(best):
                self.reply.add(f"The guide from my last message, “{best.title}”, says this about it:\n"
                               f"{_numbered(said_before)}")
                listed_steps = True
            else:
                listed_steps = self._guide_steps(best, intro, asks_what_is_included=asks_what_is_included)
                # "How do I add a custom domain?" from Free: the guide's steps, which the plan must change for first.
                gated = next((m for m in self.facts.faq if m.score >= FAQ_PLAUSIBLE and _ON_PLANS.match(m.answer)
                              and topic_words(m.question) & topic_words(best.title)), None)
                if listed_steps and gated is not None and self._tell_plan_needed_first(gated, say_which=True):
                    self._cite_faq(gated)
            self._cite_article(best)
            if len(articles) > 1 and articles[1].score >= 2 * ARTICLE_MIN_SCORE and limit_entry is None:
                other = articles[1]
                self.reply.add(f"“{other.title}” may help too.", answers=False)
                self._cite_article(other)
        if (not self.reply.answered and incident is None and not articles and not _ASKS_WHAT_IS_PROMISED.search(self.text)
                and self._tell_uptime()):
            # "What is your uptime?": the SLA's entry (0.88) is no answer to it, quoted below as if it were.
            return
        if not self.reply.answered:
            match = self._faq_for_this_question()
            if match is not None:
                self._quote_faq(match, hedge=False)
        if incident is not None and incident_aside:
            self._incident_aside(incident)
        elif (articles and incident is None and not asks_what_is_included and not failure_guide_only
              and (listed_steps or limit_entry is None)):
            if self._reports_a_problem() or (limit_entry is not None and RAN_INTO_IT.search(self.text)):
                self.reply.add(IF_IT_IS_NOT_FIXED, answers=False)
            else:  # "how do I add a custom domain?": a how-to, nothing to fix yet
                self.reply.add(STUCK_ON_A_STEP, answers=False)
        if not self.reply.answered and incident is None and not articles and self._tell_uptime():
            return
        if (not self.reply.answered and incident is None and not articles and self._no_guide_is_the_answer()
                and not self._tell_where_a_guide_shows_it()):
            self._no_guide()

    def _own_app_alerts_unsaid(self) -> bool:
        """"Is there a way to get notified when my app goes down?": the help centre describes no alerts on the customer's
        own app, which is said, with what the status page's entry offers for ours and a person. False, having said
        nothing, for another message or without that entry."""
        entry = next((m for m in self.facts.faq if "status" in normalise(m.question).split()), None)
        if not asks_for_alerts_on_own_app(self.ctx.message) or entry is None:
            return False
        self.reply.add("Our help centre doesn't describe alerts for when your own app goes down, so I'd rather not "
                       f"guess. What it does have is for our service as a whole: {entry.answer}")
        self._cite_faq(entry)
        self.reply.add(f"A person from our team can tell you about watching your own app: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _tell_how_to_get_status_updates(self) -> bool:
        """"Can I get notified?", "can you let me know when it's fixed?": the status page's entry, which says its
        updates go by email, led by whether this chat sends any (it doesn't), and the incident open now when the
        message or the last reply is about it. False, having said nothing, for any other message or without the
        entry at hand."""
        if not asks_for_status_updates(self.ctx):
            return False
        entry = next((m for m in self.facts.faq if "status" in normalise(m.question).split()), None)
        if entry is None:
            return False
        lead = ("I can't send you updates from this chat myself, but you can get them by email. "
                if _ASKS_US_TO_TELL.search(self.text) else "" if _ASKS_HOW.search(self.text) else "Yes, by email. ")
        self.reply.add(f"{lead}Our help centre says: {entry.answer}")
        self._cite_faq(entry)
        incident = self.facts.incident
        if incident is not None and (incident.title in last_assistant_text(self.ctx) or _ASKS_WHEN_FIXED.search(self.text)):
            self.reply.add(f"That includes the updates on “{incident.title}” (status: {incident.status}), and when it's "
                           "resolved.", answers=False)
        return True

    def _steps_after_one_done(self) -> bool:
        """"I added the CNAME" right after a guide's steps: the steps after the one it names (it got the FAQ entry's
        summary, or the same steps again); "done" alone: the guide's last step, in case it is still to come (it got "my
        answer is the same" and the whole guide). Then what to do if it still isn't working. False, having said
        nothing, for another message, after another reply, or when no step shares a word with what was done."""
        if (done := step_said_done(self.ctx.message)) is None or not last_reply_cited(self.ctx, "article"):
            return False
        guide = self._guide_named_last()
        if guide is None or not guide.steps:
            return False
        if done:
            words = topic_words(done) - NOT_AN_ECHO
            shared = [len(words & topic_words(step)) for step in guide.steps]
            if max(shared) == 0:
                return False
            # "I used an A record": the step that names it as said ("our A record 203.0.113.10"), where the word
            # "record" alone is as much the CNAME's step before it.
            said = re.compile(rf"\b{re.escape(_LEADING_ARTICLE.sub('', done.strip()))}\b", re.IGNORECASE)
            naming = [n for n, step in enumerate(guide.steps, start=1) if said.search(step)]
            after = naming[0] if naming else shared.index(max(shared)) + 1
            left = [(n, step) for n, step in enumerate(guide.steps, start=1) if n > after]
            self.reply.add(f"Good. The steps after that in our guide “{guide.title}”:\n{_numbered(left)}" if left
                           else f"Good: that's the last step of our guide “{guide.title}”.")
        else:
            last = len(guide.steps)
            self.reply.add(f"Good. The last step of our guide “{guide.title}”, in case it's still to come:\n"
                           f"{_numbered([(last, guide.steps[-1])])}")
        self._cite_article(guide)
        self.reply.add("If it still isn't working after that, tell me what you see, or ask for a person and one of our "
                       "engineers will take a look.", answers=False)
        return True

    def _guide_named_last(self) -> ArticleMatch | None:
        """The gathered guide the assistant's last reply named first by its title (“Custom domains and DNS”), if any: the
        one it led with, not one it said "may help too"."""
        last = last_assistant_text(self.ctx)
        named = [(last.index(f"“{a.title}”"), n, a) for n, a in enumerate(self.facts.articles) if f"“{a.title}”" in last]
        return min(named)[2] if named else None

    def _guides_price_told(self) -> bool:
        """"Is it free?" or "does that cost anything?" right after a guide's steps: the guide gives no price, so what the
        help centre says instead, when gathered: the entry on the guide's subject that says it is free or included ("a
        free TLS certificate"), else the plans' entry naming the subject ("Pro adds custom domains"); else, asked whether
        it costs extra, that nothing says, with a person. It got "the guide is all there is", or the guide's steps again.
        False, having said nothing, for another message or when the guide the last reply led with is not at hand. The
        scaling guide's price is the uncovered topic of what instances cost (not_in_help_centre)."""
        if not asks_what_it_costs(self.ctx.message) or (guide := self._guide_named_last()) is None:
            return False
        subject = topic_words(guide.title)
        words = [word for word in re.findall(r"[a-z]+", guide.title.lower()) if word != "and"]
        subjects = [f"{first} {second}" for first, second in itertools.pairwise(words)]
        free = next((m for m in self.facts.faq if _FREE_OR_INCLUDED.search(m.answer)
                     and _share_a_stem(subject, topic_words(m.question))), None)
        plans = next((m for m in self.facts.faq if len(plan_prices(m.answer)) > 1
                      and any(subject in m.answer.lower() for subject in subjects)), None)
        if free is None and plans is None and not asks_if_it_costs_extra(self.ctx.message):
            return False  # "how much is it?": the plans' prices, as the writers give them
        self._cite_article(guide)
        if (said := free or plans) is not None:
            whose = "our help centre says" if said is free else "our plans say"
            self.reply.add(f"Our guide “{guide.title}” doesn't give a price, but {whose}: {said.answer}")
            self._cite_faq(said)
            return True
        self.reply.add(f"Our guide “{guide.title}” doesn't say whether that costs anything extra, and I'd rather not "
                       f"guess. A person from our team can tell you for certain: would you like me to {OFFER_PERSON}?")
        return True

    def _tell_how_long_the_guide_says(self) -> bool:
        """"How long does it take?" right after a guide's steps: its steps that give a time ("Wait for DNS to update,
        usually within an hour"), else that it gives none, with another guide gathered whose step on the same thing
        does, and a person. Alone it got the same guide again, as a repeat. False, having said nothing, for any other
        message, or when the guide the last reply named is not at hand."""
        thing = thing_asked_how_long(self.ctx.message)
        named_a_guide = _GUIDE_NAMED.search(last_assistant_text(self.ctx)) is not None
        if not (asks_how_long_it_takes(self.ctx.message) or thing) or not (
                last_reply_cited(self.ctx, "article") or named_a_guide):
            return False
        guide = self._guide_named_last()
        if guide is None and named_a_guide and not thing and self.facts.articles:
            # After a reply that only named a guide ("if the steps in our guide “TLS (SSL) certificates” haven't sorted
            # it out …", to "I added the CNAME yesterday"), which the question before's words don't find again: the
            # guide they do find, for its steps that give a time (all the DNS guide's steps came).
            best = self.facts.articles[0]
            guide = best if any(TAKES.search(step) for step in best.steps) else None
        steps = list(enumerate(guide.steps, start=1)) if guide is not None else []
        if thing:
            # "How long does renewal take?": the guide's steps on the renewal ("Certificates renew 30 days before …").
            steps = [(n, step) for n, step in steps if _share_a_stem(topic_words(thing), topic_words(step))]
        if guide is None or not steps or (thing and len(steps) > 2):
            return False  # "how long does a build take?" after the failed-deploys guide: its subject, not one step's
        self._cite_article(guide)
        if told := [(n, step) for n, step in steps if TAKES.search(step)]:
            self.reply.add(f"The guide “{guide.title}” says:\n{_numbered(told)}")
            return True
        self.reply.add(f"Our guide “{guide.title}” doesn't say how long that takes, and I'd rather not guess.")
        if thing:
            self.reply.add(f"What it does say of it:\n{_numbered(steps)}", answers=False)
        # "A certificate can only be issued after [the domain's DNS points to Northwind]": the custom domains guide
        # says how long DNS takes to update.
        # Not "app", a figure or a word any step may use: the scaling guide's "apps sleep after 30 minutes" shares "30"
        # with "certificates renew 30 days before", and is no certificate's time.
        named = {word for word in topic_words(" ".join(guide.steps)) if not word.isdigit()} - NOT_AN_ECHO - topic_words(
            "app apps once")
        for other in self.facts.articles:
            timed = [step for step in other.steps if TAKES.search(step) and topic_words(step) & named]
            if other.slug != guide.slug and timed:
                self.reply.add(f"Our guide “{other.title}” says: {' '.join(timed)}")
                self._cite_article(other)
                break
        self.reply.add(f"If it still isn't done once you've followed the steps, tell me what you see, or I can "
                       f"{OFFER_PERSON} from our team.", answers=False)
        return True

    def _tell_uptime(self) -> bool:
        """"What's your uptime?", "was there downtime this week?": that no uptime figure is to hand (none is
        guessed), the incidents open now, the help centre's entry on the status page (where uptime and
        incidents are shown) and, asked of uptime, its entry on the uptime SLA with the customer's plan.
        Whether the message asked that (and was told)."""
        if not asks_about_uptime(self.text) or self._reports_a_problem() or rollback_downtime_asked(self.ctx):
            # "Will my users see downtime?" right after the step to roll back: of the rollback (_what_a_rollback_touches),
            # not the service's past downtime.
            return False
        downtime = bool(ASKS_ABOUT_DOWNTIME.search(self.text))
        if downtime and MOVE_DOWNTIME_UNKNOWN in last_assistant_text(self.ctx):
            # "Will there be downtime?" right after moving an app to another region was asked: of the move, which the
            # help centre says nothing of (the incidents open now answered, as if asked of the service).
            self.reply.add("Our help centre doesn't say whether moving an app to another region means downtime, so I "
                           "can't promise either way. A person from our team can tell you before you plan the move: "
                           f"would you like me to {OFFER_PERSON}?")
            return True
        period = _PERIOD_NAMED.search(self.text)
        if not downtime and _UPTIME_NOT_TO_HAND in last_assistant_text(self.ctx):
            # "And last month?" after no figure was to hand: none for that period either, not the incidents, the status
            # page and the SLA all again.
            self.reply.add(f"I don't have an uptime figure for {period_as_said(period[0]) if period else 'that period'} either, "
                           "and I'd rather not guess one. If you need it for a report or a claim, a person from our team "
                           f"can help: would you like me to {OFFER_PERSON}?")
            return True
        self.reply.add("I can only see the incidents open right now, not past downtime or an uptime figure for a "
                       "period, and I'd rather not guess one." if downtime else
                       f"{_UPTIME_NOT_TO_HAND} {period_as_said(period[0]) if period else 'this month'}, or any other "
                       "period, to give you here, and I'd rather not guess one.")
        self._open_incidents()
        # The entry on the status page, not one on the status of a refund or an invoice.
        status_page = next((m for m in self.facts.faq if "status" in normalise(m.question).split()
                            and "status page" in m.answer.lower()), None)
        if status_page is not None:
            self._quote_faq(status_page, hedge=False)
        sla = next((m for m in self.facts.faq if "sla" in normalise(m.question).split()), None)
        if sla is not None and not downtime and not self._faq_quoted(sla):
            plan = f" You're on the {self.ctx.customer.plan} plan." if self.ctx.customer is not None else ""
            self.reply.add(f"What we commit to is the uptime SLA: {sla.answer}{plan}", answers=False)
            self._cite_faq(sla)
        return True

    def _open_incidents(self) -> None:
        """The incidents open now, with their status and regions; that there is none, when the look-up says so;
        nothing when it failed (then "none" would be a guess)."""
        open_incidents = self.facts.active_incidents
        if open_incidents is None:
            return
        if not open_incidents:
            self.reply.add("There's no active incident on our side right now.")
        for other in open_incidents[:2]:
            regions = [r for r in other.get("regions") or () if r not in other["title"]]
            where = f" in {', '.join(regions)}" if regions else ""
            self.reply.add(f"Open right now: “{other['title']}”{where} (status: {other['status']}).")

    def _no_fix_time_for_a_fault_of_its_own(self) -> bool:
        """"How long until it's fixed?" right after being told the open incident isn't the cause (the app is in another
        region): no fix of ours is under way to give a time for, which is said with the person the reply offered; "still
        down" after it, that what's behind it may be the app's own. Both got the incident and the API errors guide's
        steps again. False, having said nothing, for any other message."""
        if not _INCIDENT_RULED_OUT.search(last_assistant_text(self.ctx)):
            return False
        if _STILL_DOWN.match(self.ctx.message):
            # "Still down" after it: the incident and its steps came again, as if it had not been ruled out.
            self.reply.add("Sorry it's still down. As the open incident isn't the cause, what's behind it may be in your "
                           "app or its set-up, which I can't see from here. A person from our team can look into it with "
                           f"you: would you like me to {OFFER_PERSON}?")
            return True
        if not ASKS_WHEN_FIXED.search(self.ctx.message):
            return False
        self.reply.add("As the open incident isn't the cause, there's no fix of ours under way that I could give you a "
                       "time for: what's behind it may be in your app or its set-up, which I can't see from here. A "
                       f"person from our team can look into it with you: would you like me to {OFFER_PERSON}?")
        return True

    def _keeping_an_app_awake(self) -> bool:
        """"Is there a way to keep it awake?": the entry on sleeping apps says which plans never sleep, so on Free that
        is the way (with those plans' move), and on a plan that never sleeps theirs stay awake. It got the scaling
        guide's steps, whose step on a minimum instance says apps on Free sleep all the same. False, having said
        nothing, for another message or without the entry."""
        entry = self._entry_on("sleep")
        if not asks_to_keep_an_app_awake(self.ctx.message) or entry is None:
            return False
        awake = [s for s in sentences(entry.answer) if NEVER_SLEEP.search(s)]
        plan = self.ctx.customer.plan.capitalize() if self.ctx.customer is not None else None
        if not awake:
            return False
        if plan is not None and plan in _PLAN_NAME.findall(" ".join(awake)):
            self.reply.add(f"Our help centre says: {' '.join(awake)} As you're on {plan}, yours stay awake with nothing "
                           f"to do. If one does seem to go to sleep, tell me what you see, or I can {OFFER_PERSON} from "
                           "our team.")
        else:
            plans = " or ".join(_PLAN_NAME.findall(" ".join(awake)))
            said = re.sub(r"^(?:Yes|No)[:,]\s*", "", entry.answer)  # the entry answers "Do free apps go to sleep?"
            self.reply.add(f"Our help centre says: {said[:1].upper()}{said[1:]} {_AWAKE_MEANS_MOVING} {plans}: you can "
                           "change plan under **Billing → Plan**.")
        self._cite_faq(entry)
        return True

    def _cheaper_way_to_stay_awake(self) -> bool:
        """"Is there a cheaper way?" right after keeping an app awake was said to mean moving plan: the cheapest of those
        plans, and that the help centre describes no other way ("no guide" came). False, having said nothing, for
        another message."""
        last = last_assistant_text(self.ctx)
        # "Apps on Pro and Business never sleep" said by the entry itself, as well as after how to keep one awake.
        told = re.search(rf"{_AWAKE_MEANS_MOVING} (?P<plans>[^:]+):", last) or _NEVER_SLEEP_ON.search(last)
        if told is None or not asks_a_cheaper_way_to_stay_awake(self.ctx):
            return False
        named = _PLAN_NAME.findall(told["plans"])
        cheapest = min(named, key=PLANS_CHEAPEST_FIRST.index) if named else None
        lead = f"Of those plans, {cheapest} costs least. " if cheapest and len(named) > 1 else ""
        self.reply.add(f"{lead}Our help centre describes no other way to keep an app from sleeping, so I'd rather not "
                       f"guess one. A person from our team can tell you more: would you like me to {OFFER_PERSON}?")
        return True

    def _plans_that_avoid_it(self) -> bool:
        """"How to avoid it?" after "do free apps sleep?": what the entry the last reply quoted says of the plans
        above the one asked about (named the question before, else the customer's): "Apps on Pro and Business
        never sleep". Nothing when no such entry was quoted or it names no plan above. Whether it told them."""
        before = previous_user_text(self.ctx)
        priced = bool(_ASKS_WHAT_AVOIDING_IT_COSTS.match(self.ctx.message))
        if before is None or not (asks_to_avoid_it(self.text) or priced):
            return False
        told = last_assistant_text(self.ctx)
        named = [plan for plan in PLANS_CHEAPEST_FIRST if plan.lower() in topic_words(before)]
        plan = named[0] if len(named) == 1 else self.ctx.customer.plan.capitalize() if self.ctx.customer else None
        if plan not in PLANS_CHEAPEST_FIRST:
            return False
        entry = next((match for match in self.facts.faq if match.answer in told), None) or self._entry_telling(told)
        if entry is None:
            return False
        # "How do I stop that?" after "my app is slow" and the scaling guide, whose step names sleeping on Free: the
        # slowness, not sleep, which no one asked of (Alice, on Pro, was told her apps never sleep). An entry the last
        # reply quoted is what was told, whatever the question before it named.
        if not last_reply_cited(self.ctx, "faq") and not (topic_words(before) & topic_words(entry.question)) - _ANY_APP - {
                name.lower() for name in PLANS_CHEAPEST_FIRST}:
            return False
        own = self.ctx.customer.plan.lower() if self.ctx.customer else ""
        if above := _above(sentences(entry.answer), plan):
            # Bob, on Business, is on one of the plans named: nothing to change.
            on_one_named = bool(own) and own in normalise(" ".join(above)).split()
            change = "" if on_one_named else " You can change plan under **Billing → Plan**."
            self.reply.add(f"{' '.join(above)}{self._prices_of_plans_named(above) if priced else ''}{change}")
            self._cite_faq(entry)
            return True
        if not own or plan.lower() != own:
            return False  # a plan named the question before, not the customer's own
        of_own_plan = [s for s in sentences(entry.answer) if own in topic_words(s)]
        if not of_own_plan:
            return False
        # "My app sleeps all the time" from alice, on Pro: her plan is among those it should not happen on, so there is
        # nothing to change to, and a person should look at why it does.
        self.reply.add(f"Our help centre says: {' '.join(of_own_plan)} As you're on {plan}, it shouldn't happen to your "
                       f"apps, so something else is going on: would you like me to {OFFER_PERSON} from our team, who "
                       "can look at it?")
        self._cite_faq(entry)
        return True

    def _prices_of_plans_named(self, told: list[str]) -> str:
        """" Pro is $29.00 a month and Business $99.00.": the monthly prices of the plans `told` names, from the plans
        the billing part read, else as the help centre lists them; "" when none is at hand."""
        prices = {plan.name: plan.price_monthly for plan in self.facts.plans} or {
            name: price for match in self.facts.faq for name, price in plan_prices(match.answer).items()}
        named = [name for name in PLANS_CHEAPEST_FIRST if name in _PLAN_NAME.findall(" ".join(told)) and name in prices]
        if not named:
            return ""
        said = [f"{name} is {money(prices[name])} a month" if i == 0 else f"{name} {money(prices[name])}"
                for i, name in enumerate(named)]
        return f" {joined_with_and(said)}."

    def _sleeps_on_a_plan_that_never_sleeps(self) -> bool:
        """"My app keeps going to sleep" from Alice, on Pro (the scaling guide's step "on Free, apps sleep after 30
        minutes" came as the step that fits), or "I'm on pro though" after that ("the same goes for the Pro plan"): the
        entry on sleeping apps says apps on that plan never sleep, so something else is going on, for a person to look
        at; the guide's step against cold starts is what the customer can try meanwhile. False, having said nothing,
        for another message, a plan whose apps sleep, or without that entry."""
        stated = plan_stated(self.ctx.message)
        plan = stated or (self.ctx.customer.plan.capitalize() if self.ctx.customer is not None else None)
        before = previous_user_text(self.ctx) or ""
        reported = _REPORTS_SLEEPING.search(self.ctx.message) or (stated and _REPORTS_SLEEPING.search(before))
        asked = stated is None and _ASKS_IF_OWN_APP_SLEEPS.match(self.ctx.message)
        if not (reported or asked) or (entry := self._entry_on("sleep")) is None:
            return False
        if plan is None:
            if not asked:
                return False
            # "Will my app go to sleep?" from a visitor: the entry's own "Yes:" answered for a plan nobody named.
            self.reply.add(f"That depends on your app's plan: {without_yes_or_no(entry.answer)}")
            self._cite_faq(entry)
            return True
        never = _NEVER_SLEEP_ON.search(entry.answer)
        if never is None or plan not in never["plans"].split():
            return False
        if asked:
            # "Will my app go to sleep?" from Alice, on Pro: the scaling guide's steps came, as if it had.
            self.reply.add(f"No: as you're on {plan}, your apps never sleep. Our help centre says: {never[0]}.")
            self._cite_faq(entry)
            return True
        self.reply.add(f"Our help centre says: {never[0]}. As you're on {plan}, your apps shouldn't go to sleep, so "
                       f"something else is going on: would you like me to {OFFER_PERSON} from our team, who can look "
                       "at it?")
        self._cite_faq(entry)
        if (found := self._guide_step(lambda step: "cold start" in step)) is not None:
            scaling, step = found[0], found[1].split(";")[0].rstrip(".")
            self.reply.add(f"Meanwhile, if it's slow on the first request after a quiet spell, that's a cold start: our "
                           f"guide “{scaling.title}” says to {step[:1].lower()}{step[1:]}.", answers=False)
            self._cite_article(scaling)
        return True

    def _normal_as_the_entry_says(self) -> bool:
        """"Is that normal?" right after an entry that says how things work ("Apps on the Free plan sleep after 30
        minutes …"): yes, as it says (it got a guide's steps, as if a fault were reported). False, having said
        nothing, for another message or after another reply."""
        if not _ASKS_IF_NORMAL.match(self.ctx.message) or (entry := self._entry_quoted_last()) is None:
            return False
        said = re.sub(r"^(?:Yes|No)\s*[:,.]\s*", "", entry.answer)  # the entry's own yes or no, to another question
        self.reply.add(f"Yes, that's how it works, as our help centre says: {said[:1].upper()}{said[1:]}")
        self._cite_faq(entry)
        return True

    def _entry_telling(self, told: str) -> FaqMatch | None:
        """The gathered entry that says most of what a guide's step told ("on Free, apps sleep after 30 minutes
        without traffic"), with what the plans do: "how do I stop that?" after "my app sleeps all the time" got the
        steps to cancel a subscription. None when no entry naming a plan shares at least three of its words."""
        said = topic_words(told) - {name.lower() for name in PLANS_CHEAPEST_FIRST}
        shared = [(len(said & topic_words(match.answer)), match) for match in self.facts.faq
                  if _PLAN_NAME.search(match.answer)]
        best = max(shared, key=lambda pair: pair[0], default=(0, None))
        return best[1] if best[0] >= 3 else None

    def _guide_steps(self, best: ArticleMatch, intro: str, *, asks_what_is_included: bool,
                     leaving_out: Sequence[int] = ()) -> bool:
        """The guide's steps that usually help, the one the message names first; its summary when it has
        none (or the question asks what is included). Whether steps were listed."""
        fitting = [] if asks_what_is_included else [(n, step) for n, step in self._steps_asked_about(best)
                                                     if n not in leaving_out]
        numbered_steps = [(n, step) for n, step in enumerate(best.steps, start=1) if n not in leaving_out]
        if fitting:
            # "My app keeps getting OOM killed": the guide's fifth step is about memory, the first
            # four about scaling. The one the message names leads, numbered as in the guide, and the
            # others follow in their order.
            fitting_numbers = {n for n, _ in fitting}
            others = [(n, step) for n, step in numbered_steps if n not in fitting_numbers]
            first = others[:MAX_STEPS - len(fitting)]
            self.reply.add(f"{intro} “{best.title}” covers this. The step that fits what you describe:\n"
                           f"{_numbered(fitting)}\nIts other steps that usually help:\n{_numbered(first)}")
            if WHERE_TO_DO.search(self.ctx.message) and not any(places_named(s) for _, s in fitting):
                # "Where do I enable the build cache?": the step says to, not where; no place is guessed.
                self.reply.add(f"It doesn't say where in the dashboard that is, so I'd rather not guess: if you can't find "
                               f"it, I can {OFFER_PERSON} from our team.", answers=False)
            return True
        if steps := ([] if asks_what_is_included else numbered_steps[:MAX_STEPS]):
            self.reply.add(f"{intro} “{best.title}” covers this. The steps that usually sort it out:\n{_numbered(steps)}")
            return True
        self.reply.add(f"{intro} “{best.title}” covers this: {best.summary}")
        return False

    def _entry_stating_the_limit(self, articles: list[ArticleMatch]) -> FaqMatch | None:
        """The help-centre entry that states the limit (or what a code means) the message asks about: one
        with a figure in its answer, about what the message names beyond asking for a limit ("build" in
        "what's the max build time?"); or, when the message names nothing else ("how do I get a higher
        limit?"), about what the guide found for it is about. None when the message asks no such thing."""
        names_a_rate = rate_needed(self.text) is not None
        # "Can I pay for longer builds?" asks past the limit, which no price is for.
        longer_builds = bool(_LONGER_BUILDS.search(self.ctx.message))
        priced = _ASKS_A_PRICE.search(self.ctx.message) and not longer_builds
        if not (ASKS_A_LIMIT.search(self.text) or names_a_rate) or priced:
            # "How much does that cost?" after the scaling guide asks a price: the plans' prices, quoted as a limit,
            # read "You're on the Business plan: we have three plans …".
            return None
        # "Whats the limit for business?" after a 429 names nothing the limit is of ("what's" is no subject): the
        # question before's entries were found for it, scored below the message's own, and one about what that
        # question's guide is about states the limit, however low it ranks.
        # So for "how do I get more?" right after the limit was given.
        of_the_topic = self.text == self.ctx.message and (asks_the_limit_of_the_topic(self.ctx) or (
            (asks_for_more(self.ctx.message) or says_it_hit_the_limit(self.ctx.message))
            and previous_user_text(self.ctx) is not None))
        if of_the_topic and (quoted := self._entry_quoted_last()) is not None and FIGURE.search(quoted.answer):
            # "Can it be increased?" right after the build time's limit was given: that limit, whatever guide its
            # words found (the API rate limits', for "limit").
            return quoted
        # "I need 1000 requests a minute" asks of the rate's limit, whatever words name the rate.
        # "We're doing about 100 requests a minute": the rate is what it is about, whatever else is said ("doing").
        asked = (set() if of_the_topic or names_a_rate
                 else topic_words(RATE_NEEDED.sub(" ", self.text)) - LIMIT_WORDS - PLAN_WORDS)
        guide = (topic_words(f"{articles[0].title} {articles[0].summary}") - LIMIT_WORDS) if articles else set()
        stating: list[tuple[bool, float, FaqMatch]] = []
        for match in self.facts.faq:
            # A rate named ("more than 3000 requests a minute") scores the entry on limits low (0.05): its figure is
            # what the customer needs, whatever else the words find.
            if (match.score < FAQ_HOW_TO_FOR_VISITOR and not (of_the_topic or names_a_rate or longer_builds)) or not FIGURE.search(
                    match.answer):
                continue
            if CHANGES_PLAN & set(normalise(match.question).split()):
                continue  # moving between plans states prices, not limits
            if (measured := asked & MEASURED_RESOURCES) and not measured & topic_words(f"{match.question} "
                                                                                      f"{match.answer}"):
                continue  # "exceeded memory limit": an entry that never names memory states another limit
            about = topic_words(match.question) - LIMIT_WORDS - PLAN_WORDS
            # "What's the memory limit on pro" names memory: the API's rate limit, however near the guide
            # found, does not state it.
            if asked & about or (guide & about and asked <= guide):
                stating.append((bool(guide & about), match.score, match))
        return max(stating, key=lambda found: found[:2])[2] if stating else None

    def _state_limit(self, entry: FaqMatch) -> bool:
        """The limit as the entry states it: for the plan the message names, else the customer's, then
        what the entry says for every plan ("above that it answers HTTP 429 …"); asked for more, or
        having run into it, what the plans above allow, or that none allows more. The whole entry when
        no plan is known or it lists none. Whether the plan is one no other plan allows more than."""
        customer_plan = self.ctx.customer.plan.capitalize() if self.ctx.customer is not None else None
        named = [p for p in PLANS_CHEAPEST_FIRST if p.lower() in self.words]
        plan = named[0] if len(named) == 1 else customer_plan if not named else None
        entry_sentences = sentences(entry.answer)
        own = [clause for sentence in entry_sentences if (clause := _for_plan(sentence, plan))] if plan else []
        if plan is None or not own:
            self._quote_faq(entry, hedge=False)
            return False
        for_everyone = [sentence for sentence in entry_sentences if not _PLAN_NAME.search(sentence)]
        lead = f"You're on the {plan} plan: " if plan == customer_plan else f"On {plan}: "
        self.reply.add(" ".join([lead + _lower_first(" ".join(own)), *for_everyone]))
        self._cite_faq(entry)
        if (needed := rate_needed(self.text)) is not None:
            return self._weigh_rate_needed(entry_sentences, plan, own=" ".join(own), needed=needed)
        # "And if we upgrade?" from Business, read as the question before asked of their plan: more is what it asks.
        if not (ASKS_FOR_MORE.search(self.text) or RAN_INTO_IT.search(self.text)
                or (asks_what_an_upgrade_gives(self.ctx.message) and plan == customer_plan)):
            return False
        if (unlimited := _UNLIMITED.search(" ".join(own))) and any(
                word.startswith(unlimited[1].removesuffix("s")) for word in self.words):
            # "How do I deploy more than 10 times a day?" from Business: unlimited is the answer, not that no plan
            # allows more than it and a person to ask for more.
            return True
        above = _above(entry_sentences, plan)
        if above:
            self.reply.add(" ".join(above))
            return False
        # "How do I get a higher limit?" from Business: upgrading is no answer when no plan allows more.
        self.reply.add(f"No plan allows more than {plan} does. For more than that, a person from our team would need "
                       f"to look at your case: would you like me to {OFFER_PERSON}?")
        return True

    def _weigh_rate_needed(self, entry_sentences: list[str], plan: str, *, own: str,
                           needed: tuple[Decimal, bool]) -> bool:
        """The rate the customer needs against the plan's limit just stated: within it, said so; past it, the plans
        above that allow it, or that none does, with a person offered. Whether no plan allows it."""
        figure, beyond = needed
        if (allowed := _first_figure(own)) is not None and (allowed > figure if beyond else allowed >= figure):
            if not (RAN_INTO_IT.search(self.text) or re.search(r"\b429\b", last_assistant_text(self.ctx))):
                self.reply.add("What you describe is within that.")
                return False
            # "I'm only making 100 requests a minute" after a 429: within the limit, so it is not what answered 429.
            counted = next((f" It's counted {found[0]}, so check whether anything else calls the API on your account too."
                            for sentence in entry_sentences if (found := re.search(r"\bper account\b", sentence))), "")
            self.reply.add(f"What you describe is within that. So that limit alone shouldn't be answering 429.{counted} If "
                           f"they keep coming, a person from our team can look into it: would you like me to {OFFER_PERSON}?")
            return True
        enough = [clause for clause in _above(entry_sentences, plan)
                  if (offered := _first_figure(clause)) is not None and (offered > figure if beyond else offered >= figure)]
        if enough:
            self.reply.add(" ".join(enough))
            return False
        top = PLANS_CHEAPEST_FIRST[-1]
        most = next((clause for sentence in entry_sentences if (clause := _for_plan(sentence, top))), None)
        said = f"No plan allows more than {top} does." if plan == top or most is None else f"No plan allows that many. {most}"
        self.reply.add(f"{said} A person from our team would need to look at your case: would you like me to "
                       f"{OFFER_PERSON}?")
        return True

    @staticmethod
    def _guide_agrees(guide: ArticleMatch, entry: FaqMatch) -> bool:
        """Whether a guide is about what a help-centre entry is about, beyond both naming a limit."""
        return bool(topic_words(f"{guide.title} {guide.summary}") & topic_words(entry.question) - LIMIT_WORDS)

    def _guide_after_the_limit(self, best: ArticleMatch, *, on_top_plan: bool) -> bool:
        """The guide after the limit it states: its steps when the customer reports running into it, unless
        the last reply already listed them (the follow-up asks something else); asked for more, its step on
        upgrading (none on the top plan); otherwise what it covers. Whether steps were listed."""
        upgrading = [n for n, step in enumerate(best.steps, start=1) if CHANGES_PLAN & set(normalise(step).split())]
        shown_before = last_assistant_text(self.ctx)
        if any(asks.search(self.text) for asks, _ in _ASKED_IN_OTHER_WORDS) and (asked := self._steps_asked_about(best)):
            # "How do I know how many api calls I have left?": the limit, then the step on the header counting it down.
            self.reply.add(f"Our guide “{best.title}” says:\n{_numbered(asked)}")
            return True
        if best.steps and all(step in shown_before for step in best.steps[:2]):
            self.reply.add(f"The steps from our guide “{best.title}” in my last message still apply meanwhile.",
                           answers=False)
            return False
        if self._reports_a_problem() or RAN_INTO_IT.search(self.text):
            return self._guide_steps(best, "For more, our guide", asks_what_is_included=False,
                                     leaving_out=upgrading if on_top_plan else ())
        if upgrading and not on_top_plan and ASKS_FOR_MORE.search(self.text):
            self.reply.add(f"Our guide “{best.title}” says:\n{_numbered([(n, best.steps[n - 1]) for n in upgrading])}")
            return False
        self.reply.add(f"For more, our guide “{best.title}” covers this: {best.summary}", answers=False)
        return False

    def _incident_aside(self, incident: IncidentFact) -> None:
        """An open incident beside a fault the customer ties to their own change: a "meanwhile", after the
        steps for their change, saying where it is and that it is the cause only if their app is there."""
        scope = _incident_scope(incident)
        self.reply.add(f"Meanwhile, there's also an active incident{scope}: “{incident.title}”, since "
                       f"{_started(incident)} (status: {incident.status}). "
                       + _incident_applies(incident) + " Updates go to our status page as they happen.",
                       answers=False)
        self._cite_incident(incident)

    def _cite_incident(self, incident: IncidentFact) -> None:
        """Name the incident a reply told of among its sources."""
        self.reply.sources.append(Source(kind="incident", title=incident.title, ref=incident.reference))

    def _incident(self, incident: IncidentFact) -> bool:
        """The open incident the question matched: what it is, how sure that it is the cause, and where
        its updates go (or, asked when it will be fixed, that there is no estimate). Whether the message
        asks about the incident itself (a follow-up on it, a region it is not in) rather than a fault."""
        started = _started(incident)
        where = f" in {', '.join(incident.regions)}" if incident.regions else ""
        asks_when_fixed = bool(ASKS_WHEN_FIXED.search(self.ctx.message))
        topic = with_topic(self.ctx)
        told_before = incident.title in last_assistant_text(self.ctx)
        # "Is the eu-west incident affecting us-east?": a region the incident is not in, named beside its own; "is it
        # the incident?" after "my app in us-east returns 503", named the question before, when the incident is
        # first told of (it was told "if your app runs in eu-west, it may be the cause").
        named = regions_mentioned(self.ctx.message) or (set() if told_before else regions_mentioned(topic))
        other_regions = sorted(named - set(incident.regions)) if incident.regions else []
        details = self._incident_details(incident, other_regions) if told_before else ""
        # Asked again how it stands ("any update?"), the guide was given with the incident the first time.
        asks_how_it_stands = bool(ASKS_HOW_THE_INCIDENT_STANDS.search(self.text)) and not self._reports_a_problem()
        about_the_incident_only = (bool(details) or (told_before and asks_when_fixed) or asks_how_it_stands
                                   or (bool(other_regions) and not self._reports_a_problem()))
        if details:
            # "Which region is affected?" after the incident was told of: what is asked, from its facts.
            opening, where = details, ""
        elif other_regions and not told_before:
            opening = (f"There's an active incident{_incident_scope(incident)}: “{incident.title}”, since {started} "
                       f"(status: {incident.status}). {_not_listed(other_regions)}")
            where = ""
        elif asks_how_it_stands and not told_before:
            # "What's the status of the eu-west incident?": how it stands, first asked.
            opening = f"“{incident.title}” is open (status: {incident.status}), since {started}."
        elif told_before and _ASKS_IF_IT_IS_THE_CAUSE.match(self.ctx.message):
            # "Is it the incident?" after it was told of: whether it is, as the reply before weighed it, not the
            # incident and its guide told again.
            likely = _TOLD_AS_VERY_LIKELY in last_assistant_text(self.ctx)
            opening = (f"Very likely, yes: what you describe fits “{incident.title}”, open since {started} (status: "
                       f"{incident.status})." if likely else
                       f"{_incident_applies(incident).rstrip('.')}: “{incident.title}” is open since {started} (status: "
                       f"{incident.status}).")
            about_the_incident_only = likely
        elif (asks_when_fixed and topic != self.ctx.message) or told_before:
            # "Any ETA on it?" after the incident was named: what it is was said; how it stands is asked.
            opening = f"“{incident.title}” is still open (status: {incident.status}), since {started}."
        elif names_incident_scope(f"{topic}\n{self.text}", incident):
            opening = (f"There's an active incident that's {_TOLD_AS_VERY_LIKELY}: “{incident.title}”, "
                       f"since {started} (status: {incident.status}).")
        else:
            # "Is northwind down? my site is not loading": an incident in one region, or of one component,
            # explains it only if the customer's app is there, which the message doesn't say.
            opening = (f"There's an active incident{_incident_scope(incident)}: “{incident.title}”, since {started} "
                       f"(status: {incident.status}). {_incident_applies(incident)}")
            where = ""
        if asks_when_fixed:
            closing = (f"I don't have an estimate for when it will be fixed: our engineers are working on it{where}, "
                       "and updates, including when it's resolved, go to our status page as they happen; requests "
                       "that fail during it are safe to retry.")
        else:
            closing = (f"Our engineers are working on it{where}, and updates go to our status page as they happen; "
                       "requests that fail during it are safe to retry.")
        self.reply.add(f"{opening} {closing}")
        self._cite_incident(incident)
        return about_the_incident_only

    def _incident_details(self, incident: IncidentFact, other_regions: list[str]) -> str:
        """What a follow-up asks of an incident already told of: the regions it is in (and that another
        region named is not listed), what it affects, when it started. Empty when it asks none of these."""
        message = self.ctx.message
        started = _started(incident)
        told: list[str] = []
        asks_where = bool(other_regions or ASKS_WHERE.search(message))
        if asks_where:
            regions = " and ".join(incident.regions)
            told.append(f"“{incident.title}” isn't limited to one region." if not incident.regions
                        else f"“{incident.title}” is in {regions}. {_not_listed(other_regions)}" if other_regions
                        else f"“{incident.title}” is in {regions}; no other region is listed as affected.")
        if ASKS_WHAT_IS_AFFECTED.search(message) and not asks_where:
            component = _components_named(incident)
            located = f" in {' and '.join(incident.regions)}" if incident.regions else ""
            told.append(f"“{incident.title}” affects the {component}{located}." if component
                        else f"What it affects is as its title says: “{incident.title}”.")
        if ASKS_WHEN_IT_STARTED.search(message):
            told.append(f"{'It' if told else f'“{incident.title}”'} started at {started} and is still open (status: "
                        f"{incident.status}).")
        elif told:
            told.append(f"It's still open (status: {incident.status}), since {started}.")
        return " ".join(told)

    def _how_to_met_by_a_failure_guide(self, best: ArticleMatch, *, leading_incident: IncidentFact | None) -> bool:
        """Whether the message asks how to do something, reports nothing wrong, and the guide found is about a
        failure and has no step on what is asked ("how do I deploy my app?" and the failed-deploys guide)."""
        asks_how = bool(ASKS_HOW_TO_DO.search(self.text) or ASKS_TO_WRITE_CODE.search(self.text))
        # "How do I fix that?" after a failure was told: how to mend it, which the failure guide's steps are.
        return (leading_incident is None and asks_how and not self._reports_a_problem()
                and not _ASKS_HOW_TO_FIX.search(self.ctx.message)
                and not RAN_INTO_IT.search(self.text) and bool(ABOUT_FAILURES.search(best.title))
                and not self._steps_asked_about(best)
                and not (ASKS_WHERE_TO_LOOK.search(self.text) and step_showing_where(self.text, best.steps)))

    def _reason_its_log_shows(self, article: ArticleMatch) -> bool:
        """"Can you tell me why?" after a guide on a failure ("my deploy failed"): that the reason is in the
        customer's own log, which the assistant cannot read, and the guide's step that says where that log is. Its
        words alone found the API rate limits' entry, and without it the guide's steps came again. Whether said."""
        if not (ASKS_THE_REASON.search(self.ctx.message) and ABOUT_FAILURES.search(article.title)
                and f"“{article.title}”" in last_assistant_text(self.ctx)):
            return False
        where = next(((n, step) for n, step in enumerate(article.steps, start=1) if _NAMES_A_LOG.search(step)), None)
        told = "I can't see your app's builds or logs from here, so I can't tell you why it happened."
        if where is not None:
            told += f" The log says why, and our guide “{article.title}” says where to read it:\n{_numbered([where])}"
        self.reply.add(told)
        self.reply.add("If you send me the first error it shows, I'll look for what fits it, or ask for a person and "
                       "one of our engineers will take a look.", answers=False)
        self._cite_article(article)
        return True

    def _reason_the_plan_gives(self, article: ArticleMatch) -> bool:
        """"Why?" after a guide one of whose steps names the customer's plan ("on Free, apps sleep after 30 minutes
        without traffic", after "my app is slow to load"): that step, as the likeliest reason the help centre gives,
        with the entry that says what the plans do; with no such step, that the reason can't be seen from here and the
        guide's steps are about the usual ones. It got the guide's steps again. Whether said."""
        customer = self.ctx.customer
        if (customer is None or not ASKS_THE_REASON.search(self.ctx.message)
                or f"“{article.title}”" not in last_assistant_text(self.ctx)):
            return False
        plan = re.compile(rf"\bon\s+{re.escape(customer.plan)}\b", re.IGNORECASE)
        naming = [(n, step) for n, step in enumerate(article.steps, start=1) if plan.search(step)]
        if len(naming) != 1:
            if not _reports_a_problem(previous_user_text(self.ctx) or ""):
                return False  # "Why?" after the steps to add a custom domain asks why they are needed, not of a fault
            self.reply.add(f"I can't see your app from here, so I can't tell you why it happens. The steps from our "
                           f"guide “{article.title}” in my last message go through the usual reasons.")
            self._cite_article(article)
            self.reply.add("If they don't help, tell me what you see, or ask for a person and one of our engineers will "
                           "take a look.", answers=False)
            return True
        self.reply.add(f"I can't see your app from here, so I can't say for sure. As you're on {customer.plan}, the "
                       f"likeliest reason our guide “{article.title}” gives is this:\n{_numbered(naming)}")
        self._cite_article(article)
        if (entry := self._entry_telling(naming[0][1])) is not None:
            self.reply.add(f"Our help centre says: {YES_OR_NO.sub('', entry.answer, count=1)}")
            self._cite_faq(entry)
        self.reply.add("If that isn't it, tell me what you see, or ask for a person and one of our engineers will take "
                       "a look.", answers=False)
        return True

    def _steps_on_what_a_follow_up_adds(self, article: ArticleMatch) -> list[tuple[int, str]]:
        """"And secrets?" after the environment-variables guide: the steps of the guide just given that name what
        the follow-up adds to the question before, with their numbers in the guide. Written as at first, the reply
        was that guide over again behind "my answer is the same", though its second step is the answer. None when
        the guide was not in the last reply, or when every step or none names it."""
        # "Can I use them at build time?": "them", the things the guide just gave steps for.
        of_them = len(self.ctx.message.split()) <= 8 and bool(_OF_THEM.search(self.ctx.message))
        if not (leans_back(self.ctx.message) or of_them) or f"“{article.title}”" not in last_assistant_text(self.ctx):
            return []
        asked_before = topic_terms(previous_user_text(self.ctx) or "")
        # What the message itself says, not what an error it names is read as: "it says out of memory" after "my app
        # keeps crashing" adds nothing the crash did not (its meaning, "scale", found the step on instances).
        added = (topic_terms(self.ctx.message) & article_terms(self.ctx.message)) - asked_before - GENERIC_FIX_TERMS \
            - REPORTING_TERMS
        naming = [(n, step) for n, step in enumerate(article.steps, start=1) if _share_a_stem(added, article_terms(step))]
        return naming if 0 < len(naming) < len(article.steps) else []

    def _steps_asked_about(self, article: ArticleMatch) -> list[tuple[int, str]]:
        """The step that answers what the message asks, with its number in the guide, when it is not the
        guide's first: a step past the first MAX_STEPS that names what the message is about when none of
        the first ones does ("OOM killed" and the step about memory); or, among the first, the only one
        that names something the message asks about and the guide as a whole is not ("which port should
        my app listen on?" and the failed-deploys guide's fourth step, on `PORT`). Asked how to roll back,
        the step on rolling back; a browser's certificate error, the step on what it means."""
        numbered = list(enumerate(article.steps, start=1))
        if fault_began_with_a_deploy(self.text) and (rolling := [(n, s) for n, s in numbered if ROLLS_BACK.search(s)][:1]):
            return [] if rolling[0][0] == 1 else rolling  # "my app crashed after the last deploy": roll it back
        for asks, answers in _ASKED_IN_OTHER_WORDS:
            if asks.search(self.text) and (answering := [(n, step) for n, step in numbered if answers.search(step)][:1]):
                return [] if answering[0][0] == 1 else answering
        if meaning := " ".join(plain for error, plain in (*CERTIFICATE_ERRORS, *ERROR_PHRASES) if error.search(self.text)):
            # "NET::ERR_CERT_AUTHORITY_INVALID" is the untrusted certificate of the TLS guide's fourth step; "Cannot
            # find module 'express'" the failed-deploys guide's third, on installing dependencies.
            meant = article_terms(meaning) - article_terms(f"{article.title} {article.summary}")
            overlap = {n: len(meant & article_terms(step)) for n, step in numbered}
            best = max(overlap.values(), default=0)
            closest = [(n, step) for n, step in numbered if overlap[n] == best]
            if best >= 2 and len(closest) == 1:
                return [] if closest[0][0] == 1 else closest
        # "How do I fix a failed deploy?": fixing is what every step is for, not what a later one is about;
        # "it shows an error" says how the fault is seen, not which step it is about.
        wanted = topic_terms(self.text) - GENERIC_FIX_TERMS - REPORTING_TERMS
        if not _RUNS_OUT.search(self.text):
            # "How many instances should I run?": running an app, not the step on an instance that runs out of memory.
            wanted -= {"run"}
        shown = article.steps[:MAX_STEPS]
        not_shown = wanted - set().union(*(article_terms(step) for step in shown))
        later = enumerate(article.steps[MAX_STEPS:], start=MAX_STEPS + 1)
        if fitting := [(n, step) for n, step in later if not_shown & article_terms(step)][:1]:
            return fitting
        # "How do I add a custom domain?" names what the whole guide is about: no one step is the answer.
        particular = wanted - article_terms(f"{article.title} {article.summary}")
        naming = [(n, step) for n, step in enumerate(shown, start=1) if particular & article_terms(step)]
        if len(naming) != 1 or naming[0][0] == 1:
            return []
        # A step before it that names anything the message says keeps the guide's order: "my api calls
        # get 429" is answered by the first step, on the 429, not the third for sharing "calls". Not for a how-to that
        # reports nothing: "how do I enable the build cache?" is the second step's, whatever the first says of builds
        # (it got "no guide on how to do that as such").
        (number, _), = naming
        how_to = bool(ASKS_HOW_TO_DO.search(self.text) or WHERE_TO_DO.search(self.text)) and not self._reports_a_problem()
        if not how_to and any(wanted & article_terms(step) for step in shown[:number - 1]):
            return []
        return naming

    def _faq_for_this_question(self) -> FaqMatch | None:
        """The confident help-centre entry, unless it is about changing plans and the message neither asks
        to change plan nor could take the entry's advice: "how do I get more RAM?" shares "get more" with
        "How do I upgrade my plan?", whose answer ("choose Pro or Business") would offer a Pro customer
        the plan they are on; the scaling guide is the answer."""
        faq = self._faq(floor=FAQ_CONFIDENT)
        if faq is None and self._asks_what_is_included():
            # "Do I have to pay for a TLS certificate?" shares no wording with "Do you provide SSL
            # certificates?", only its subject: an entry on what the message names says whether it comes
            # with the service, however unsure the search is of the wording (0.58 with the calibration
            # refitted on round 20's out-of-scope rows, 0.61 before).
            faq = self._faq_on_topic(floor=FAQ_PLAUSIBLE)
        if (faq is not None and ASKS_HOW_TO_DO.search(self.ctx.message)
                and not _shares_a_subject(self.ctx.message, f"{faq.question} {faq.answer}")):
            # "How do I enable http2 on my app?" found the entry on turning on two-factor (0.65, for "enable" in its
            # steps), which was quoted as the answer: what to enable is named nowhere in it.
            return None
        if (faq is not None and ASKS_HOW_TO_DO.search(self.ctx.message) and _ASKS_FOR_A_FIGURE.match(faq.question)
                and not ASKS_A_LIMIT.search(self.text)):
            # "How do I deploy?" found "How many deploys can I run, and how long can a build take?" (0.93): the limits
            # it gives answer no how-to, which "how do I deploy my app?" is told the help centre has no guide on.
            return None
        if faq is None or not (CHANGES_PLAN & set(normalise(faq.question).split())):
            return faq
        if has_cue(self.words, self.norm, "upgrade", "upgrading", "downgrade", "downgrading", "tier",
                   "bigger plan", "smaller plan", "cheaper plan", "change plan", "change my plan", "switch plan"):
            return faq
        customer = self.ctx.customer
        offers_own_plan = customer is not None and customer.plan.lower() in normalise(faq.answer).split()
        return None if offers_own_plan or self.facts.articles else faq

    def _lock_told_by_the_account(self, faq: FaqMatch) -> bool:
        """Whether `faq` is the help centre's entry on locks and the account's facts were gathered: the account
        part says from them whether this account is locked, and starts the unlock or says there is none to
        start. The entry, written for anyone, ends "or sign in to this chat and ask us to unlock it": quoted
        by the technical part ("I'm locked out please unlock" reads as technical too), it told a signed-in
        customer whose account is open to ask for an unlock there is no need of."""
        return self.facts.account is not None and "locked" in normalise(faq.question).split()

    def _no_guide_is_the_answer(self) -> bool:
        """Whether "no guide on that" answers the message: the articles were searched (a failed look-up
        knows nothing) and the technical part is what was asked, not a guess beside a billing question."""
        if not self.facts.has_technical:
            return False
        if self.persona == "technical":
            return True
        intent = self.ctx.intent
        labels = [intent.label, *intent.secondary] if intent else []
        return bool(labels) and (labels[0] == "technical" or all(
            label in ("technical", "general", "out_of_scope") for label in labels))

    def _tell_where_a_guide_shows_it(self) -> bool:
        """"How do I see my logs?": no guide is about logs, and a step of one says where they are ("Open
        **App → Logs** …"): that step, from its guide. Whether one was found."""
        for article in self.facts.articles:
            if shown := step_showing_where(self.text, article.steps):
                self.reply.add(f"None of our guides is about that on its own, but our guide “{article.title}” says "
                               f"where to find it:\n{_numbered([shown])}")
                self._cite_article(article)
                return True
        return False

    def _no_guide(self) -> None:
        """"How do I set up a cron job?" when the help centre has no guide on it: say so, not the nearest
        guide on something else, and offer a person. A chat opening with a fault that names nothing ("it stopped
        working") is asked what goes wrong instead: no guide was searched for the trouble itself. An error status
        below 500 ("my app returns 404") is asked where and since when."""
        if names_no_fault(self.ctx):
            self.reply.add(ASK_WHAT_GOES_WRONG)
        elif (status := client_error_named(self.ctx.message)) is not None:
            self.reply.add(ask_about_a_client_error(status))
        elif self._reports_a_problem():
            self.reply.add("I don't have a guide in our help centre that fits this, and I'd rather not guess. Would "
                           "you like me to pass you to a person from our support team, so one of our engineers can "
                           "take a look? Just say so and I will.")
        elif ASKS_TO_WRITE_CODE.search(self.text):
            self.reply.add("I can't write scripts or code for you, and I don't have a guide on that in our help "
                           "centre. Would you like me to pass you to a person from our support team? Just say so and "
                           "I will.")
        else:
            self.reply.add("I don't have a guide on that in our help centre, and I'd rather not guess. Would you "
                           "like me to pass you to a person from our support team? Just say so and I will.")

    def _logs_export_unsaid(self) -> bool:
        """"Can I export my logs?", "can you export them?" after where the logs are: the help centre describes no export
        of logs, and its data export does not name them (it got the export's steps, as if logs were in it, or "no
        guide"). False, having said nothing, for another message."""
        if not asks_to_export_logs(self.ctx):
            return False
        self.reply.add("Our help centre doesn't describe a way to export or download your app's logs, so I'd rather not "
                       "guess.")
        if (export := next((m for m in self.facts.faq if "Export" in m.answer), None)) is not None:
            self.reply.add(f"What it does describe is the data export, which doesn't say it includes logs: {export.answer}",
                           answers=False)
            self._cite_faq(export)
        self.reply.add(f"A person from our team can tell you whether there's a way to get them: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _deploy_cancel_unsaid(self) -> bool:
        """"Can you cancel it?" right after "our deploy is stuck": no action here stops a deploy, and no guide says how
        to (the failed deploys' guide came again, with the steps to cancel the subscription). False, having said nothing,
        for another message."""
        if not cancels_the_deploy_spoken_of(self.ctx):
            return False
        self.reply.add("I can't stop or cancel a deploy from this chat, and our help centre doesn't describe how to. A "
                       f"person from our team can look at it with you: would you like me to {OFFER_PERSON}?")
        return True

    def _logs_kept_unsaid(self) -> bool:
        """"How far back do they go?" after where the logs are, "how long are logs kept?": the help centre says nothing
        of how long logs are kept ("no guide" came). False, having said nothing, for another message."""
        if not asks_how_long_logs_are_kept(self.ctx):
            return False
        self.reply.add("Our help centre doesn't say how long your app's logs are kept, or how far back they go, so I'd "
                       f"rather not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?")
        return True

    def _service_credits(self) -> bool:
        """"Will we get service credits?" about an outage: what the help centre's entry on the uptime SLA says,
        wherever it ranked (the outage is what the rest of the message is about), the customer's plan, and a
        person to weigh the claim. "Do I get an SLA?" asks what the plan includes, which the entry says. Whether
        credits claimed for an outage were answered."""
        claims_credits = has_cue(self.words, self.norm, "credit", "credits", "compensation", "compensate",
                                 "compensated", "reimburse", "reimbursed", "reimbursement") or (
            reports_what_the_outage_costs(self.ctx))
        asks_about_sla = has_cue(self.words, self.norm, "sla", "slas", "uptime guarantee", "guaranteed uptime",
                                 "service level", "uptime commitment")
        if not claims_credits and (not asks_about_sla or asks_for_an_uptime_report(self.text)):
            return False  # "An SLA report for last month" asks for figures, which _tell_uptime answers
        entry = next((m for m in self.facts.faq if "sla" in normalise(m.question).split()), None)
        if entry is None or self._faq_quoted(entry):
            return False
        # "How do I claim service credits?": what earns them, for the customer's plan, and that how to claim them is not
        # described (it got "Yes: you're on the Business plan …").
        how_asked = claims_credits and bool(ASKS_HOW_TO_DO.search(self.text))
        # "We had downtime yesterday, do we get credits?" claims credits for an outage; "do we get credits if you
        # miss the SLA?" asks what the SLA gives, which the entry says for each plan.
        # "We lost sales" after money back for an outage was asked: that outage, though no incident is open now.
        outage_told = bool(OUTAGE_TOLD.search(self.text)) or reports_what_the_outage_costs(self.ctx)
        if not how_asked and not (claims_credits and (self.facts.incident is not None or outage_told)):
            self._sla_for_plan(entry)
            return False
        own = ""
        if self.ctx.customer is not None:
            own = " ".join(s for s in sentences(entry.answer)
                           if self.ctx.customer.plan.capitalize() in _PLAN_NAME.findall(s))
        # Bob, on Business, is told his plan's SLA, not that Free and Pro have none.
        self.reply.add(f"About service credits: {own if own and not NO_SLA.search(own) else entry.answer}")
        self._cite_faq(entry)
        if self.ctx.customer is not None:
            plan = self.ctx.customer.plan
            if NO_SLA.search(own) and not (ASKS_HOW_TO_DO.search(self.ctx.message) or OUTAGE_TOLD.search(self.text)
                                           or reports_what_the_outage_costs(self.ctx)):
                # "What happens if you miss it?" after the SLA, from Pro (asked as how to claim the credits): what
                # missing it would mean for their plan. "A person can still go through what happened with you" spoke
                # of an outage nobody had reported; asked how to claim, a person still weighs the claim.
                self.reply.add(f"You're on the {plan} plan, which has no SLA, so service credits don't apply to it.",
                               answers=False)
            elif NO_SLA.search(own):
                # "We're losing customers" from Pro: the entry says Pro has no SLA, so "whether it earns credits is
                # for a person to confirm" would leave hope the entry has just ruled out.
                self.reply.add(f"You're on the {plan} plan, which has no SLA, so an outage doesn't earn service "
                               f"credits on it. A person from our team can still go through what happened with you: "
                               f"would you like me to {OFFER_PERSON}?", answers=False)
            elif how_asked:
                self.reply.add(f"You're on the {plan} plan. {_HOW_TO_CLAIM_UNSAID}", answers=False)
            else:
                self.reply.add(f"You're on the {plan} plan. Whether an outage earns credits is for a person from our "
                               f"team to confirm: would you like me to {OFFER_PERSON}?", answers=False)
        elif how_asked:
            self.reply.add(_HOW_TO_CLAIM_UNSAID, answers=False)
        return True

    def _sla_for_plan(self, entry: FaqMatch) -> None:
        """Whether the plan asked about (named, else the customer's) has the uptime SLA, as the help centre's
        entry says it: yes with what it gives, or that it has none and which plan has it. The whole entry
        when no plan is known or the entry names none."""
        customer_plan = self.ctx.customer.plan.capitalize() if self.ctx.customer is not None else None
        named = [p for p in PLANS_CHEAPEST_FIRST if p.lower() in self.words]
        plan = named[0] if len(named) == 1 else customer_plan if not named else None
        entry_sentences = sentences(entry.answer)
        own = [sentence for sentence in entry_sentences if plan in _PLAN_NAME.findall(sentence)] if plan else []
        # "Does it apply to me?", or "do free users get it?" right after the SLA was told: a yes or no is asked.
        applies_asked = asks_if_it_applies_to_them(self.ctx.message) or sla_asked_of_a_plan(self.ctx) is not None
        if plan is None and self.ctx.customer is None and (applies_asked or asks_if_own_plan_has_the_sla(self.ctx.message)):
            # A visitor's "does it apply to me?", "is the sla included in my plan?": their plan decides, and no plan of
            # theirs is to hand.
            self.reply.add("That depends on your plan, which I can't see as you're not signed in: "
                           f"{_lower_first(entry.answer)} If you sign in, I can tell you for your account.")
            self._cite_faq(entry)
            return
        if plan is None or not own:
            self._quote_faq(entry, hedge=False)
            return
        lead = f"you're on the {plan} plan" if plan == customer_plan else f"on {plan}"
        said = " ".join(own)
        needed, given = _UPTIME_FIGURE.search(self.ctx.message), _UPTIME_FIGURE.search(said)
        if needed and given and Decimal(needed[1]) > Decimal(given[1]):
            # "We need an SLA of 99.99%" from Business: a "Yes" led with the 99.95% the plan has, as if it met the need.
            self.reply.add(f"Not as our help centre describes it: {lead}, and {_lower_first(said)} That's below the "
                           f"{needed[1]}% you need, and it names no higher SLA, so I can't promise one. A person from our "
                           f"team can tell you whether more can be arranged: would you like me to {OFFER_PERSON}?")
            self._cite_faq(entry)
            return
        # "Does it apply to me?" right after the SLA was told: a plain yes or no leads, which a repeat of the
        # reply before ("You're on the Pro plan: …") does not give.
        if NO_SLA.search(said):
            others = [sentence for sentence in entry_sentences if sentence not in own]
            # "What about pro?" after Free's SLA was asked: the entry's sentence names the plan ("No, it doesn't: on
            # Pro, and Free and Pro have no SLA" came).
            opening = (f"No: {said}" if applies_asked and plan != customer_plan
                       else f"No, it doesn't: {lead}, and {_lower_first(said)}" if applies_asked
                       else f"{lead[:1].upper()}{lead[1:]}: {said}")
            self.reply.add(" ".join([opening, *others]))
        elif plan != customer_plan and said.startswith(f"The {plan} plan"):
            # "Does business have that?" from Pro: the entry's sentence names the plan ("Yes: on Business, and the
            # Business plan comes with …" came).
            self.reply.add(f"Yes: {_lower_first(said)}")
        elif applies_asked or not _ASKS_WHAT_IT_IS.match(self.ctx.message):
            self.reply.add(f"{'Yes, it does' if applies_asked else 'Yes'}: {lead}, and {_lower_first(said)}")
        else:
            # "What's your SLA?" asks what it is, not whether there is one: no "Yes" to lead.
            self.reply.add(f"{lead[:1].upper()}{lead[1:]}, and {_lower_first(said)}")
        self._cite_faq(entry)

    def _about_another_plan(self, question: str) -> bool:
        """Whether an FAQ entry's question is about a plan other than the signed-in customer's, and other than
        one the message asks about: Business's bob asking "do free apps sleep?" asks of Free."""
        customer = self.ctx.customer
        if customer is None:
            return False
        asked_plans = {p for p in PLAN_KEYS_CHEAPEST_FIRST if p in normalise(question).split()}
        return bool(asked_plans) and customer.plan.lower() not in asked_plans and not asked_plans & self.words

    def asks_whether_included(self) -> bool:
        """"Do you charge extra for https?", "is SSL free?": whether something comes with the service, the
        same for everyone, when the help centre has a confident entry for it: answered from that entry,
        whatever the account's records hold (it is not about them). False when there is none."""
        if any(self._steps_on_what_a_follow_up_adds(article) for article in self.facts.articles):
            # "Can I use them at build time?" after the environment variables' guide: its step on that, which the
            # technical part gives (the deploys and builds' limits were quoted as if asked whether builds are allowed).
            return False
        if (not self._asks_what_is_included() or asks_for_an_uptime_report(self.text) or asks_to_buy_a_domain(self.text)
                or CUSTOM_ROLES.search(self.text)):
            # "I need an SLA report": the figures, which _tell_uptime says are not to hand. "Do I need to buy the
            # domain from you?": where a domain comes from, which no entry says (the certificate's, "Yes: …", came).
            # "Can I use custom roles?": which plan has them is the account part's (the team's entry came whole, and
            # "custom" found the custom domains' entry beside it).
            return False
        faq = self._faq_for_this_question()
        if faq is None:
            return False
        if "sla" in normalise(faq.question).split():
            # "Can I get an SLA on Pro?": the entry's answer differs by plan, so the plan asked about leads.
            self._sla_for_plan(faq)
        else:
            self._quote_as_asked(faq)
            if (also := self._entry_on_the_other_thing_named(faq)) is not None:
                self._quote_faq(self._as_asked(also), hedge=False)
        return True

    def _entry_on_the_other_thing_named(self, quoted: FaqMatch) -> FaqMatch | None:
        """"Can I use my own domain with https?" names two things each an entry's subject: the custom domain
        quoted, and the certificate that comes with it. The first other entry whose question names something
        the message names and the quoted question does not; None when there is none."""
        # A plan's name qualifies ("is ssl free?"), it is no second thing asked about.
        named = topic_terms(self.text) - topic_terms(quoted.question) - {"free", "pro", "business", "plan"}
        return next((match for match in self.facts.faq if match.faq_id != quoted.faq_id
                     and named & topic_terms(match.question)), None)

    def _own_certificate(self, articles: list[ArticleMatch]) -> bool:
        """"Can I use my own SSL certificate?": what the help centre says of the certificates issued (the entry on
        them, or the guide's summary), and that it doesn't say whether one of the customer's own can be used, with a
        person offered. The guide's troubleshooting steps answered a fault nobody reported."""
        if not OWN_CERTIFICATE.search(self.text) or self._reports_a_problem():
            return False
        entry = next((m for m in self.facts.faq if "certificate" in m.answer.lower()), None)
        guide = next((a for a in articles if "certificate" in f"{a.title} {a.summary}".lower()), None)
        if entry is not None:
            # Its leading "Yes:" answers whether certificates are provided: before "can I use my own?" it reads as yes.
            self.reply.add(f"From our help centre: {without_yes_or_no(entry.answer)}")
            self._cite_faq(entry)
        elif guide is not None:
            self.reply.add(f"From our guide “{guide.title}”: {guide.summary}")
            self._cite_article(guide)
        else:
            return False
        self.reply.add("It doesn't say whether you can use a certificate of your own instead, and I'd rather not "
                       f"guess. Would you like me to {OFFER_PERSON} from our support team? Just say so and I will.")
        return True

    def _api_entry(self) -> FaqMatch | None:
        """The gathered help-centre entry on the API (its rate limits), however it ranked."""
        return next((m for m in self.facts.faq if "api" in normalise(m.question).split()), None)

    def _api_asked_about(self, articles: list[ArticleMatch]) -> bool:
        """"Do you have an API?": yes, as the help centre's entry on its rate limits and the guides on it say; the
        entry is quoted and the guides named, and a person offered for what they don't describe (its endpoints)."""
        if not asks_if_there_is_an_api(self.text):
            return False
        entry = self._api_entry()
        guides = [a for a in articles if "api" in normalise(a.title).split()]
        if entry is None and not guides:
            return False
        self.reply.add("Yes, Northwind has an API." + (f" From our help centre: {entry.answer}" if entry else ""))
        if entry is not None:
            self._cite_faq(entry)
        if guides:
            self.reply.add(f"Our guides on it: {joined_with_and([f'“{a.title}”' for a in guides])}.", answers=False)
            for guide in guides:
                self._cite_article(guide)
        self.reply.add("The help centre doesn't describe its endpoints; if you need those, would you like me to "
                       f"{OFFER_PERSON} from our support team?", answers=False)
        return True

    def _certificate_renewed_by_hand(self) -> bool:
        """"How do I renew it manually?" right after the certificates' guide: its step that gets a certificate issued again
        (**Retry certificate**), once what it needs is in order; the guide describes no renewal by hand otherwise. False,
        having said nothing, for another message or without a step that retries."""
        if not asks_to_renew_the_certificate_by_hand(self.ctx) or (guide := self._guide_named_last()) is None:
            return False
        retry = [(n, step) for n, step in enumerate(guide.steps, start=1) if "Retry" in step]
        if not retry:
            return False
        self.reply.add(f"Our guide “{guide.title}” doesn't describe renewing a certificate by hand; what it gives to get one "
                       f"issued again is:\n{_numbered(retry)}")
        self._cite_article(guide)
        self.reply.add(f"If that doesn't bring it back, a person from our team can look at your domain: would you like me "
                       f"to {OFFER_PERSON}?", answers=False)
        return True

    def _own_usage_unseen(self) -> bool:
        """"How do I see my usage?", "how many requests did I make today?": nothing here shows the customer's usage and
        no entry says where to see it, which is said; what the help centre does give is the API's limits, and the rate
        limits guide's step on the header that counts what is left. False, having said nothing, for another message."""
        if not asks_about_own_usage(self.ctx.message):
            return False
        self.reply.add("I can't see your usage from this chat, and our help centre doesn't describe where to see it, so "
                       "I'd rather not guess.")
        entry = self._api_entry()
        if entry is not None:
            self.reply.add(f"What it does give is the limits: {entry.answer}", answers=False)
            self._cite_faq(entry)
        counted = next(((guide, (n, step)) for guide in self.facts.articles
                        for n, step in enumerate(guide.steps, start=1) if "X-RateLimit-Remaining" in step), None)
        if counted is not None:
            guide, step = counted
            self.reply.add(f"For the API, our guide “{guide.title}” says:\n{_numbered([step])}", answers=False)
            self._cite_article(guide)
        self.reply.add(f"A person from our team can tell you more: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _why_the_certificate_did_not_renew(self) -> bool:
        """"Why didn't it renew?" right after the certificates' guide: the guide doesn't say why a renewal fails; what it
        says of renewals (when they happen, the warning a failed one shows) and its steps that a certificate needs, with
        the one that tries again, are what there is, and a person. False, having said nothing, for another message or
        without the guide at hand."""
        if not asks_why_the_certificate_did_not_renew(self.ctx):
            return False
        guide = self._guide_named_last()
        if guide is None:
            return False
        renewal = [(n, step) for n, step in enumerate(guide.steps, start=1) if CERTIFICATES_RENEW.search(step)]
        needs = [(n, step) for n, step in enumerate(guide.steps, start=1) if (n, step) not in renewal]
        self.reply.add(f"Our guide “{guide.title}” doesn't say why a renewal fails, so I can't tell you why yours didn't "
                       "without guessing. What it says of renewals:\n" + _numbered(renewal))
        self.reply.add(f"A renewal needs what a new certificate needs, which its other steps check:\n{_numbered(needs)}",
                       answers=False)
        self._cite_article(guide)
        self.reply.add(f"If it still doesn't renew, a person from our team can look at your domain: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _api_tool_asked(self) -> bool:
        """"Is there a python sdk?": the help centre mentions no SDK, library or CLI for the API, which is said, with
        what its entry on the API does say and a person. False, having said nothing, for another message."""
        if (tool := api_tool_asked(self.ctx.message)) is None:
            return False
        tool = re.sub(r"^(?:an?|any|the|your|official)\s+", "", tool.strip(), flags=re.IGNORECASE)
        tool = re.sub(r"\b(?:sdk|cli)(s?)\b", lambda found: found[0][:3].upper() + found[1], tool, flags=re.IGNORECASE)
        article = "an" if tool.startswith("SDK") else "a"
        entry = self._api_entry()
        said = f" What it does say about the API: {entry.answer}" if entry is not None else ""
        self.reply.add(f"Our help centre doesn't mention {article} {tool} for our API, so I'd rather not guess whether there is "
                       f"one.{said}")
        if entry is not None:
            self._cite_faq(entry)
        self.reply.add(f"A person from our team can tell you: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _asks_what_is_included(self) -> bool:
        asks = ASKS_WHAT_IS_INCLUDED.search(self.text) or ASKS_IF_ALLOWED.search(self.text)
        return bool(asks) and not self._reports_a_problem()

    def _quote_as_asked(self, faq: FaqMatch) -> None:
        """The entry, as the message asks it (_as_asked); when it says the thing is on plans the customer is not on,
        followed by that the plan must change first."""
        self._quote_faq(self._as_asked(faq), hedge=False)
        # "Can I use a custom domain?" from Free: "Custom domains are on Pro and Business. In your app, go to …", steps
        # a Free account can't take yet.
        self._tell_plan_needed_first(faq, say_which=False)

    def _tell_plan_needed_first(self, entry: FaqMatch, *, say_which: bool) -> bool:
        """When the entry opens by saying which plans have what it is about, and the customer is on none of them:
        that the plan must change first (led by which plans have it, when the reply has not quoted it)."""
        customer = self.ctx.customer
        gated = _ON_PLANS.match(entry.answer)
        if customer is None or gated is None or customer.plan.capitalize() in (plans := _PLAN_NAME.findall(gated["plans"])):
            return False
        which = f"{gated[0]} " if say_which else ""
        self.reply.add(f"{which}You're on the {customer.plan} plan, {PLAN_NEEDED_FIRST} {' or '.join(plans)} first: you "
                       "can change plan under **Billing → Plan**.", answers=False)
        return True

    def _steps_at_the_provider_named(self) -> bool:
        """"I use godaddy" after the custom domains guide, "I'm using cloudflare" after the TLS guide: no guide is about
        that provider, but the guide's steps done at a DNS provider (or about a proxy in front of the app) are done
        there, which is said with those steps. It got "I don't have a guide on that". False, having said nothing,
        for any other message, or when the last reply named no guide at hand with such steps."""
        provider = dns_provider_named(self.ctx.message)
        if provider is None:
            return False
        # After an answer from the help centre's entry ("how do I point my domain to you?"), the guide found for that
        # question and this one together: the technical worker searched with both.
        guide = self._guide_named_last() or next(
            (a for a in self.facts.articles if a.score >= ARTICLE_MIN_SCORE and previous_user_text(self.ctx)), None)
        steps = [(n, step) for n, step in enumerate(guide.steps, start=1) if _DONE_AT_THE_PROVIDER.search(step)
                 and "**" not in step] if (
            guide is not None) else []
        if guide is None or not steps:
            return False
        self.reply.add(f"Our help centre has no guide for {provider} in particular, but the steps in our guide "
                       f"“{guide.title}” that are done at your DNS provider, or at a service in front of your app, apply "
                       f"there too:\n{_numbered(steps)}")
        self._cite_article(guide)
        self.reply.add(f"For where those settings are in {provider}, its own help pages are the place to look. If you "
                       "get stuck, tell me what you see, or ask for a person and one of our engineers will help.",
                       answers=False)
        return True

    def _when_a_limit_resets_unsaid(self) -> bool:
        """"When does it reset?" right after a limit by the day was given ("Free accounts get 10 deploys a day"): the help
        centre gives the limit, not when its count starts again, which is said with a person offered ("no guide" came).
        False, having said nothing, for another message."""
        if not _ASKS_WHEN_IT_RESETS.match(self.ctx.message):
            return False
        limit = next((s for s in sentences(last_assistant_text(self.ctx)) if _A_LIMIT_BY_THE_DAY.search(s)), None)
        if limit is None:
            return False
        self.reply.add(f"Our help centre gives the limit ({limit.rstrip('.')}) but not when its count starts again, so I'd "
                       f"rather not guess. A person from our team can tell you: would you like me to {OFFER_PERSON}?")
        return True

    def _downtime_during_deploys(self) -> bool:
        """"How do I avoid downtime when deploying?", "we get 503s during every deploy": the scaling guide's step on a
        health check path, so new instances only get traffic once they are ready (the failed deploys' guide came as "no
        guide on how to do that as such", or the API errors' steps), then its step on rolling back a deploy that broke
        the app, and an open incident as a "meanwhile". False, having said nothing, for another message or without the
        step at hand."""
        if not downtime_during_deploys(self.ctx.message):
            return False
        if (found := self._guide_step(lambda step: bool(ON_HEALTH_CHECK.search(step)))) is None:
            return False
        guide, step = found
        reported = reports_downtime_during_deploys(self.ctx.message)
        lead = ("When it happens only while a deploy goes out, our" if reported
                else "To keep your app up through a deploy, our")
        self.reply.add(f"{lead} guide “{guide.title}” has the step for it:\n{_numbered([(guide.steps.index(step) + 1, step)])}")
        self._cite_article(guide)
        rollback = next(((article, n, s) for article in self.facts.articles if article is not guide
                         for n, s in enumerate(article.steps, start=1) if ROLLBACK_STEP.match(s)), None)
        if rollback is not None:
            article, n, s = rollback
            self.reply.add(f"If a deploy breaks the app itself, our guide “{article.title}” says:\n{_numbered([(n, s)])}",
                           answers=False)
            self._cite_article(article)
        if self.facts.incident is not None:
            self._incident_aside(self.facts.incident)
        else:
            self.reply.add(IF_IT_IS_NOT_FIXED if reported else STUCK_ON_A_STEP, answers=False)
        return True

    def _nothing_to_set_up(self) -> bool:
        """"How do I get ssl?", "what about ssl?" after the custom domains' steps: the help centre's entry says it comes
        automatically, so there is nothing to set up, and the guide gathered on it is for when it goes wrong (its
        troubleshooting steps came as the how-to). False, having said nothing, for another message, a fault reported, or
        without such an entry."""
        message = self.ctx.message
        after_a_how_to = STUCK_ON_A_STEP in last_assistant_text(self.ctx) and _WHAT_ABOUT_IT.match(message)
        if not (_ASKS_HOW_TO_GET_IT.search(message) or after_a_how_to) or self._reports_a_problem():
            return False
        # The entry is found by what it is about, however low its wording scored ("what about ssl?": 0.03): one the
        # message names, or the one on what the guide found for the message is about ("https" is in the TLS guide).
        guide = next((a for a in self.facts.articles[:1] if _guide_names_what_is_asked(message, a)), None)
        entry = next((m for m in self.facts.faq if _DONE_AUTOMATICALLY.search(m.answer) and (
            _shares_a_subject(message, m.question)
            or (guide is not None and topic_words(m.question) & topic_words(guide.title)))), None)
        if entry is None:
            return False
        self.reply.add(f"There's nothing to set up: {_lower_first(without_yes_or_no(entry.answer))}")
        self._cite_faq(entry)
        about = topic_words(entry.question)
        if (troubleshooting := next((a for a in self.facts.articles if about & topic_words(a.title)), None)) is not None:
            self.reply.add(f"If something goes wrong with it, our guide “{troubleshooting.title}” has the steps to sort it "
                           "out.", answers=False)
            self._cite_article(troubleshooting)
        return True

    def _detail_told_after_the_steps(self) -> bool:
        """"It's a node app" or "it only happens on one endpoint" right after a guide's steps: the help centre has nothing
        for that kind of app, or that one place, in particular, so the guide just given is what there is, with how to go
        on from it (the same steps came again). False, having said nothing, for another message or after another reply."""
        if (kind := kind_of_app_told(self.ctx.message)) is not None:
            heard = f"Thanks. Our help centre has nothing written for {kinds_of_app(kind)} in particular"
        elif (place := one_place_said(self.ctx.message)) is not None:
            heard = f"Thanks, that narrows it down. Our help centre has nothing written for a fault on a single {place}"
        else:
            return False
        if not last_reply_cited(self.ctx, "article") or (guide := self._guide_named_last()) is None:
            return False
        self.reply.add(f"{heard}: the guide from "
                       f"my last message, “{guide.title}”, is what it has on this. If a step doesn't work for you, tell "
                       f"me which one, or {ASKS_FOR_THE_ERROR}; or I can {OFFER_PERSON} from our team.")
        self._cite_article(guide)
        return True

    def _guide_step(self, fits: Callable[[str], bool]) -> tuple[ArticleMatch, str] | None:
        """The first gathered guide with a step that `fits`, and that step."""
        return next(((article, step) for article in self.facts.articles for step in article.steps if fits(step)), None)

    def _what_a_rollback_touches(self) -> bool:
        """"Will it affect my database?" right after the step to roll back: the guide says only to roll back to the last
        good deploy, nothing of what that touches, so no guess is made and a person is offered (the guide's other steps,
        or another entry, came). False, having said nothing, for another message or without the guide."""
        if (part := part_a_rollback_touches_asked(self.ctx)) is not None:
            unsaid = f"changes your {part}"
        elif rollback_downtime_asked(self.ctx):
            # "Will that cause downtime?": the guide's other steps came, the rollback's own dropped.
            unsaid = "means any downtime for your app"
        else:
            return False
        if (found := self._guide_step(lambda step: bool(ROLLBACK_STEP.search(step)))) is None:
            return False
        guide, step = found[0], found[1].rstrip(".")
        self.reply.add(f"Our guide “{guide.title}” says only this about rolling back: {step}. It doesn't say whether a "
                       f"rollback {unsaid}, so I'd rather not guess: would you like me to {OFFER_PERSON} from "
                       "our team, who can tell you?")
        self._cite_article(guide)
        return True

    def _dns_wait_overrun(self) -> bool:
        """"It's been 3 hours" right after the domains guide's step on waiting for DNS ("usually within an hour"): longer
        than the guide gives, so its steps on checking the record are what is left, with a person (the same step came
        again, as if the wait were still to come). False, having said nothing, for another message or reply."""
        waited = bool(_WAITED_HOURS.search(self.ctx.message))
        if (not (waited or _DNS_NOT_UPDATED.search(self.ctx.message)) or not last_reply_cited(self.ctx, "article")
                or (guide := self._guide_named_last()) is None):
            return False
        # "Certificate pending" for days after the certificates' guide: the wait is the domains guide's, named beside it.
        last = last_assistant_text(self.ctx)
        named = [guide, *[a for a in self.facts.articles if f"“{a.title}”" in last and a is not guide]]
        timed = next((a for a in named if any(_DNS_UPDATES.search(step) for step in a.steps)), None)
        if timed is None:
            return False
        waiting = [(n, step) for n, step in enumerate(timed.steps, start=1) if _DNS_UPDATES.search(step)][:1]
        checks = [(n, step) for n, step in enumerate(guide.steps, start=1)
                  if (_DONE_AT_THE_PROVIDER.search(step) or _RETRIES_THE_CERTIFICATE.search(step))
                  and (guide is not timed or (n, step) not in waiting)]
        if not checks:
            return False
        against = "its steps" if guide is timed else f"our guide “{guide.title}”"
        if waited:
            self.reply.add(f"That's longer than our guide “{timed.title}” expects:\n{_numbered(waiting)}\nSo something else "
                           f"is likely in the way. Check the record against {against}:\n{_numbered(checks)}")
        else:
            # "The dns isn't updating": how long it has been is unsaid, so the guide's wait is given to weigh it by.
            self.reply.add(f"Our guide “{timed.title}” gives it time:\n{_numbered(waiting)}\nIf it's been longer than that, "
                           f"something else is likely in the way. Check the record against {against}:\n{_numbered(checks)}")
        self._cite_article(timed)
        self._cite_article(guide)
        what = "the domain still isn't verified" if guide is timed else "it's still pending"
        self.reply.add(f"If the record is right and {what}, a person from our team can look at it: would you like me to "
                       f"{OFFER_PERSON}?", answers=False)
        return True

    def _downtime_of_a_dns_change_unsaid(self) -> bool:
        """"Will there be downtime when I switch dns?", "will it have downtime?" after the domains guide: the guide
        doesn't say whether the app is unreachable while DNS updates, which is said, with its step on the wait and a
        person to plan it with (its steps came again, or the open incident as if one were reported). False, having said
        nothing, for any other message."""
        if not asks_about_downtime_of_a_dns_change(self.ctx.message, last_reply=last_assistant_text(self.ctx)):
            return False
        self.reply.add("Our help centre doesn't say whether your app is unreachable while DNS updates, so I'd rather not "
                       "promise there's no downtime.")
        guide = next((a for a in self.facts.articles if f"“{a.title}”" == DOMAINS_GUIDE), None)
        waiting = [step for step in guide.steps if _DNS_UPDATES.search(step)] if guide is not None else []
        if guide is not None and waiting:
            self.reply.add(f"What our guide {DOMAINS_GUIDE} says of the switch:\n" + "\n".join(waiting))
            self._cite_article(guide)
        self.reply.add(f"A person from our team can help you plan the switch: would you like me to {OFFER_PERSON}?",
                       answers=False)
        return True

    def _buying_a_domain_unsaid(self) -> bool:
        """"Do I need to buy the domain from you?", "do you sell domains?": the help centre never offers domains, and
        its guide has the customer point one they hold at their DNS provider, whose steps follow. It got "Yes: every
        custom domain gets a free TLS certificate" (the FAQ shortcut), or the guide's steps alone. False, having said
        nothing, for any other message."""
        if not asks_to_buy_a_domain(self.ctx.message):
            return False
        self.reply.add("Our help centre doesn't mention buying or registering domains through us: a custom domain is "
                       "one you hold with a domain registrar or DNS provider of your choice, which you then point to "
                       "your app.")
        guide = next((a for a in self.facts.articles if a.score >= ARTICLE_MIN_SCORE
                      and _DONE_AT_THE_PROVIDER.search(" ".join(a.steps))), None)
        if guide is not None:
            self._guide_steps(guide, "Our guide", asks_what_is_included=False)
            self._cite_article(guide)
        # From Free: "Custom domains are on Pro and Business", which the entry on adding one opens with.
        gated = next((match for match in self.facts.faq if (on := _ON_PLANS.match(match.answer))
                      and "domain" in on["what"].lower()), None)
        if gated is not None and self._tell_plan_needed_first(gated, say_which=True):
            self._cite_faq(gated)
        return True

    def _why_the_plan_is_needed(self) -> bool:
        """"Why not?" right after being told the plan must change first ("Custom domains are on Pro and Business …
        you'd need to move to Pro or Business first"): the help centre says which plans have it, not why, which is
        said, with the move and a person. It got "I don't have a guide on that". False, having said nothing, for any
        other message."""
        last = last_assistant_text(self.ctx)
        gated = _ON_PLANS.search(last)
        if WHY_ALONE.match(self.ctx.message) and (lacking := _NOT_PART_OF_THE_PLAN.match(last)) is not None:
            # "Why not?" right after "No: custom domains aren't part of your plan, Free … They come with Pro ($29.00 a
            # month) and the plans above it" ("I don't have a guide on that").
            what, plan = lacking["what"], lacking["plan"]
            self.reply.add(f"Our help centre lists {what} with {plan}{lacking['above'] or ''}, not with {lacking['own']}, "
                           f"but doesn't say why, and I'd rather not guess. If you'd like {what}, you can move to {plan} "
                           f"under **Billing → Plan**; or, if you'd like to know more, I can {OFFER_PERSON} from our team.")
            return True
        if not WHY_ALONE.match(self.ctx.message) or PLAN_NEEDED_FIRST not in last or gated is None:
            return False
        plans = _PLAN_NAME.findall(gated["plans"])
        what = gated["what"] if _PLAN_NAME.match(gated["what"]) else gated["what"][:1].lower() + gated["what"][1:]
        self.reply.add(f"Our help centre says {what} {'are' if _plural_subject(what) else 'is'} on "
                       f"{joined_with_and(plans)}, but not why, and I'd rather not guess. If you'd like {what}, you can "
                       f"move to {' or '.join(plans)} under **Billing → Plan**; or, if you'd like to know more, I can "
                       f"{OFFER_PERSON} from our team.")
        return True

    def _as_asked(self, faq: FaqMatch) -> FaqMatch:
        # "Do I have to pay for it?" is asked the other way round from "do you offer it?": an entry's
        # leading "Yes:" would answer the wrong question. "Why is my app slow in the morning?" asks no yes or no.
        answer = (without_yes_or_no(faq.answer) if ASKS_IF_IT_COSTS.search(self.text)
                  else answered_as_asked(faq.answer, self.ctx.message))
        return faq if answer == faq.answer else faq.model_copy(update={"answer": answer})

    def _reports_a_problem(self) -> bool:
        return _reports_a_problem(self.text)

    def _answers_details_of_the_fault(self) -> bool:
        """"It's in us-east", "since this morning" right after an open incident (or a guide) answered a fault: where the
        app runs decides whether the incident is the cause; when it started, said with when the incident did, leaves
        that to the customer. Either way, what the app itself does is out of sight here, so a person is offered. They
        got "I don't have a guide on that" (their words find no incident or guide). False, having said nothing, for
        another message."""
        last = last_assistant_text(self.ctx)
        if self._sends_the_error_asked_for(last) and (guide := GUIDE_NAMED.search(last)) is not None:
            # "The log says npm ERR! missing script: build" after being asked for the error: the guide's steps again
            # read as if it had gone unread. A step that fits the error ("build timed out": the build cache) is named.
            article = self._guide_named_last()
            fitting = self._steps_asked_about(article) if article is not None else []
            if fitting:
                steps = "\n".join(f"{n}. {step}" for n, step in fitting)
                self.reply.add(f"Thanks for sending the error. The step of our guide “{guide['title']}” that fits it:\n"
                               f"{steps}")
                self._cite_article(article)
                self.reply.add(f"If that's not it, one of our engineers can look at it with you: would you like me to "
                               f"{OFFER_PERSON}?", answers=False)
                return True
            self.reply.add(f"Thanks for sending the error. Our guide “{guide['title']}” has nothing more specific on it "
                           "than the steps I sent, and I can't see your app's builds or logs from here.")
            self.reply.add(f"One of our engineers can look at it with you: would you like me to {OFFER_PERSON}?",
                           answers=False)
            return True
        if (article := self._guide_named_last()) is not None and self._weighs_the_build_time_said(article):
            return True
        if self._answers_a_region_asked_of_the_incident(last):
            return True
        where = _SAYS_WHERE_IT_RUNS.match(self.ctx.message)
        since = None if where else _SAYS_SINCE_WHEN.match(self.ctx.message)
        # Which domain, said after a guide's steps: nothing of it can be looked at from here.
        domain_named = bool(_NAMES_ITS_DOMAIN.match(self.ctx.message)) and bool(GUIDE_NAMED.search(last))
        shows = bool(_TELLS_HOW_IT_SHOWS.match(self.ctx.message)) and bool(GUIDE_NAMED.search(last))
        if where is None and since is None and not domain_named and not shows:
            return False
        told = self._incident_told_in(last)
        person = (f"I can't see your app from here, so a person from our team can look into it with you: would you "
                  f"like me to {OFFER_PERSON}?")
        if where is not None and told is not None and told.regions:
            region, elsewhere = where["region"].lower(), bool(where["neg"])
            if region in told.regions and not elsewhere:
                self.reply.add(f"Then the incident is very likely the cause: “{told.title}” is open in {region} "
                               f"(status: {told.status}), since {_started(told)}. Our engineers are working on it, and "
                               "updates go to our status page as they happen; requests that fail during it are safe to "
                               "retry.")
                self._cite_incident(told)
                return True
            regions = " and ".join(told.regions)
            if where["asks"] and not elsewhere:
                # "We are in us-east, are we fine?": no fault reported, so nothing for a person to look into.
                self.reply.add(f"The open incident, “{told.title}”, is in {regions}: {region} is not listed as "
                               "affected. Updates go to our status page as they happen.")
                self._cite_incident(told)
                return True
            self.reply.add(f"Then the open incident, “{told.title}” in {regions}, isn't the cause"
                           + (f": {region} is not listed as affected." if not elsewhere else "."))
            self._cite_incident(told)
            self.reply.add(person, answers=False)
            return True
        if where is not None and told is None and not where["neg"] and (open_there := next(
                (IncidentFact.model_validate(i) for i in self.facts.active_incidents or []
                 if where["region"].lower() in (i.get("regions") or ()) and i.get("status") != "resolved"), None)):
            # "It's in eu-west" after a guide's steps, with an incident open there that no reply had named: said, as
            # what may be behind it (the guide's "haven't sorted it out" alone left it unsaid).
            component = _components_named(open_there)
            self.reply.add(f"Thanks, that helps. There's an open incident in {where['region'].lower()} right now"
                           f"{f', affecting the {component}' if component else ''}: “{open_there.title}”, since "
                           f"{_started(open_there)} (status: {open_there.status}). It may be the cause; our engineers "
                           "are working on it, and updates go to our status page as they happen.")
            self._cite_incident(open_there)
            self.reply.add(f"If it isn't that, I can't see your app from here, so a person from our team can look into "
                           f"it with you: would you like me to {OFFER_PERSON}?", answers=False)
            return True
        said_where = next(filter(None, map(_SAYS_WHERE_IT_RUNS.match, questions_before(self.ctx)[:2])), None)
        if (told is not None and since is not None and said_where is not None and not said_where["neg"]
                and told.regions and said_where["region"].lower() not in told.regions):
            # "Since about an hour ago" after "it's in us-east" was told the incident is elsewhere: not the incident's
            # start again, "if your app runs in eu-west".
            self.reply.add(f"Thanks, that helps. As your app runs in {said_where['region'].lower()}, where no incident is "
                           f"open, the incident isn't behind it. {person}")
            return True
        if told is not None and since is not None:
            where_it_is = f" in {' and '.join(told.regions)}" if told.regions else ""
            self.reply.add(f"Thanks, that helps. The open incident, “{told.title}”{where_it_is}, started at "
                           f"{_started(told)}: {_incident_applies(told)[0].lower()}{_incident_applies(told)[1:]}")
            self._cite_incident(told)
            self.reply.add(f"If it runs elsewhere, {person}", answers=False)
            return True
        if (guide := GUIDE_NAMED.search(last)) is not None:
            if last.startswith(_GUIDE_DID_NOT_SORT_IT):
                # A second detail after it: not the same words again behind "my answer is the same".
                self.reply.add(f"Thanks. Our guide “{guide['title']}” has nothing more on it, and I can't see your app "
                               "from here, so it's for one of our engineers to look at.")
            else:
                self.reply.add(f"{_GUIDE_DID_NOT_SORT_IT} “{guide['title']}” haven't sorted it out, I can't see your app "
                               "from here to tell what else it could be.")
            self.reply.add(f"A person from our team can look into it with you: would you like me to {OFFER_PERSON}?",
                           answers=False)
            return True
        return False

    def _incident_told_in(self, text: str) -> IncidentFact | None:
        """The open incident `text` (a reply, or two) named by its title in quotes, if any."""
        return next((IncidentFact.model_validate(i) for i in self.facts.active_incidents or []
                     if i.get("started_at") and f"“{i['title']}”" in text), None)

    def _answers_a_region_asked_of_the_incident(self, last: str) -> bool:
        """"What about eu-west?", "is us-east affected?" soon after an open incident was told: whether it is in that
        region (it got "I don't have a guide on that", and "when will it be fixed?" after it, another). False, having
        said nothing, for another message or when the last reply told of no open incident."""
        asked = _ASKS_OF_A_REGION.match(self.ctx.message)
        # Told in the last reply, or the one before it ("is there a workaround?" between them).
        recent = "\n".join([last, *assistant_texts(self.ctx)[1:2]])
        told = self._incident_told_in(recent)
        if asked is None or told is None or not told.regions:
            return False
        region = asked["region"].lower()
        if region in told.regions:
            self.reply.add(f"{region} is the region affected: “{told.title}” has been open there since {_started(told)} "
                           f"(status: {told.status}). Our engineers are working on it, and updates go to our status page "
                           "as they happen; requests that fail during it are safe to retry.")
            self._cite_incident(told)
            return True
        self.reply.add(f"{region} is not listed as affected: the open incident, “{told.title}”, is in "
                       f"{' and '.join(told.regions)}. Updates go to our status page as they happen.")
        self._cite_incident(told)
        if _reports_a_problem(previous_user_text(self.ctx) or ""):
            # "My app is down", then "what about us-east?": if that is where it runs, the incident is not the cause.
            self.reply.add(f"If your app runs in {region}, the incident isn't the cause, and I can't see your app from "
                           f"here: a person from our team can look into it with you. Would you like me to {OFFER_PERSON}?",
                           answers=False)
        return True

    def _weighs_a_build_time_told(self) -> bool:
        """"My deploy has been stuck for 30 minutes": how long it has run weighed against the plan's build limit, from the
        guide found that gives each plan's (its steps for a failed deploy came, as if it had failed). False, having said
        nothing, for another message or when no guide found gives the limits."""
        if not says_how_long_a_build_has_run(self.ctx.message):
            return False
        return any(self._weighs_the_build_time_said(article) for article in self.facts.articles
                   if article.score >= ARTICLE_MIN_SCORE and _MINUTES_ON_PLANS.search(article.lead))

    def _still_running_within_the_limit(self) -> bool:
        """"It's still building" right after a build was told it still has time to finish: it may yet, and past the
        limit it stops, with the guide's step for that and a person (the guide's steps for a failed deploy came). False,
        having said nothing, for another message or when no guide found gives the limits."""
        if not says_it_is_still_running(self.ctx.message) or BUILD_HAS_TIME not in last_assistant_text(self.ctx):
            return False
        guide = next((a for a in self.facts.articles if _MINUTES_ON_PLANS.search(a.lead)), None)
        if guide is None:
            return False
        self.reply.add("I can't see your builds from here. One that's still within your plan's limit may yet finish; "
                       "one that reaches the limit is stopped.")
        step = next((s for s in guide.steps if _OUT_OF_TIME.search(s)), None)
        if step is not None:
            self.reply.add(f"What our guide “{guide.title}” says for a build that runs out of time: {step}")
        self._cite_article(guide)
        self.reply.add(f"If it's stopped, or you'd rather not wait, a person from our team can look at the build with you: "
                       f"would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _weighs_the_build_time_said(self, guide: ArticleMatch) -> bool:
        """"It's been building for 50 minutes" after the guide that gives each plan's build limit: weighed against the
        customer's plan's (or, not signed in, every plan's), with the guide's step for a build that runs out of time
        when it has passed it. On Business it got "If the steps … haven't sorted it out, I can't see your app", the
        45-minute limit unweighed. The customer's own figure is not said back: the critic takes figures only from what
        was gathered. False, having said nothing, for another message or a guide with no build limit."""
        minutes = minutes_it_ran(self.ctx.message)
        limits = {plan: int(limit["minutes"]) for limit in _MINUTES_ON_PLANS.finditer(guide.lead)
                  for plan in _PLAN_NAME.findall(limit["plans"])}
        if minutes is None or not limits:
            return False
        passed_on = [plan for plan, limit in limits.items() if minutes > limit]
        customer = self.ctx.customer
        # "Mine takes 20 minutes": how long builds take, not one running now.
        usual = bool(re.search(r"\b(?:takes|took|usually)\b", self.ctx.message, re.IGNORECASE))
        if customer is not None and customer.plan in limits:
            passed = customer.plan in passed_on
            longer = [plan for plan in limits if plan not in passed_on] if passed else []
            self.reply.add(f"Builds may run for up to {limits[customer.plan]} minutes on your {customer.plan} plan, so "
                           + (("a build that long passes the limit: it won't finish as it is." if usual else
                               "one that's been going that long has passed the limit: it won't finish as it is.") if passed
                              else "yours is within it." if usual else f"yours {BUILD_HAS_TIME}.")
                           + (f" On {joined_with_and(longer)}, builds may run for up to {limits[longer[0]]} minutes."
                              if longer else ""))
        else:
            passed = bool(passed_on)
            within = [plan for plan in limits if plan not in passed_on]
            self.reply.add(f"{guide.lead.strip()} So a build that's been going that long "
                           + ("has passed the limit on every plan: it won't finish as it is." if not within
                              else f"has passed the limit on {joined_with_and(passed_on)} but not on "
                                   f"{joined_with_and(within)}: which applies depends on your plan." if passed
                              else f"{BUILD_HAS_TIME} on every plan."))
        step = next((s for s in guide.steps if _OUT_OF_TIME.search(s)), None)
        if passed and step is not None:
            self.reply.add(f"What our guide “{guide.title}” says for that: {step}")
        self._cite_article(guide)
        self.reply.add(f"If it {'still runs out of time' if passed else 'runs out of time'}, a person from our team can "
                       f"look at the build with you: would you like me to {OFFER_PERSON}?", answers=False)
        return True

    def _sends_the_error_asked_for(self, last_reply: str) -> bool:
        """Whether the message quotes an error right after the last reply asked for it. Not "tried that, still failing
        with exit code 1", which says the steps did not help (a rule of its own)."""
        message = self.ctx.message
        return ((ASKS_FOR_THE_ERROR in last_reply or ASKS_WHAT_IS_SEEN in last_reply) and bool(_QUOTES_AN_ERROR.search(message))
                and not _ASKS_A_QUESTION.search(message) and not opens_with_it_not_fixed(message))

    def _no_matching_incident(self) -> None:
        """"Is there an outage in us-east?" when no open incident fits: say so, and where the open ones are."""
        open_incidents = self.facts.active_incidents
        if open_incidents is None:
            return  # the incidents could not be read: "none" would be a guess
        regions = sorted(regions_mentioned(self.text))
        if regions:
            self.reply.add(f"There's no active incident in {' or '.join(regions)} right now.")
            open_incidents = [i for i in open_incidents if not set(i.get("regions") or ()) & set(regions)]
        elif not open_incidents:
            self.reply.add("There's no active incident on our side right now.")
        status_page = next((m for m in self.facts.faq if "status page" in m.answer.lower()), None)
        if status_page is not None and not self._faq_quoted(status_page):
            # "Whats the status of the eu-west incident?" with none open: where every region's state is shown, as the
            # help centre's entry on the status page says, for when that changes.
            self.reply.add(sentences(status_page.answer)[0], answers=False)
            self._cite_faq(status_page)
        for other in open_incidents[:2]:
            regions = [r for r in other.get("regions") or () if r not in other["title"]]
            where = f" in {', '.join(regions)}" if regions else ""
            self.reply.add(f"The incident open at the moment is “{other['title']}”{where} (status: "
                           f"{other['status']}); if your app runs elsewhere, it isn't the cause.", answers=False)


# "What about eu-west?", "and us-east?", "is ap-southeast affected too?": a region, asked of the incident just told.
_ASKS_OF_A_REGION = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but|hmm+)[,\s]+)?(?:(?:what|how)\s+about\s+|and\s+|is\s+|are\s+you\s+down\s+in\s+"
    r"|what'?s\s+(?:happening|going\s+on)\s+in\s+|anything\s+in\s+|any\s+(?:issues?|problems?)\s+in\s+)?(?:in\s+)?"
    r"(?:the\s+)?(?P<region>us-east|eu-west|ap-southeast)(?:\s+region)?"
    r"(?:\s+(?:affected|impacted|ok(?:ay)?|fine|down|working|too|as\s+well|then))*\s*[?.!]*\s*$",
    re.IGNORECASE)
# "It's in us-east", "no, we're on eu-west", "it isn't in eu-west": where the app the fault is in runs, said after it.
_SAYS_WHERE_IT_RUNS = re.compile(
    r"^\W*(?:(?:no|nope|yes|yeah|yep|well|but|ok(?:ay)?|actually)[,\s]+)?(?:(?:it|its|my\s+app|the\s+app|our\s+apps?|my\s+apps"
    r"|we|mine|ours|they)(?:'s|'re|\s+is|\s+are|\s+runs?|\s+lives?)?\s+)?(?P<neg>(?:not|isn'?t|aren'?t)\s+)?(?:(?:running|hosted"
    r"|deployed|based)\s+)?(?:(?:only|just|mostly|mainly)\s+)?(?:in|on)\s+(?:the\s+)?(?P<region>us-east|eu-west|ap-southeast)"
    r"(?:\s+region)?(?:\s+(?:only|too|as\s+well))?"
    # "We are in us-east, are we fine?": the region, and whether the incident reaches it.
    r"(?P<asks>[,;.]?\s*(?:so\s+)?(?:are|is|am)\s+(?:we|i|it|they|our\s+apps?|my\s+app)\s+(?:fine|ok(?:ay)?|safe|affected"
    r"|impacted|good|alright|all\s+right))?\W*$",
    re.IGNORECASE)
_HOW_OFTEN = (r"(?:(?:it'?s|it\s+is|it\s+happens|happens)\s+)?(?:only\s+)?(?:sometimes|occasionally|intermittently|randomly"
              r"|now\s+and\s+(?:then|again)|every\s+(?:now\s+and\s+then|so\s+often)|on\s+and\s+off|from\s+time\s+to\s+time"
              r"|not\s+(?:always|every\s+time|all\s+the\s+time))")
# "Since this morning", "it's been down for 2 hours", "started an hour ago": when the fault began, said after it.
_A_WHILE = (r"(?:about\s+|around\s+|over\s+|almost\s+|nearly\s+|the\s+(?:last|past)\s+)?(?:an?|\d+|one|two|three|four|five|"
            r"six|several|a\s+few|few|a\s+couple(?:\s+of)?|couple(?:\s+of)?)\s*(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?)")
_SAYS_SINCE_WHEN = re.compile(
    r"^\W*(?:(?:well|ok(?:ay)?|um+|hmm+)[,\s]+)?(?:(?:it|that|this)(?:'s|\s+has|\s+is)?\s+(?:been\s+)?(?:down|broken|slow|"
    r"failing|happening|going\s+on|like\s+(?:this|that)|offline|not\s+working|erroring|building|deploying|stuck|pending"
    r"|hanging|spinning|loading)\s+)?"
    rf"(?:(?:since|from)\s+(?:this\s+morning|yesterday|last\s+night|today|tonight|the\s+weekend|the\s+morning|"
    rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day|{_A_WHILE}\s+ago)|for\s+{_A_WHILE}"
    rf"|(?:it\s+)?(?:started|began)\s+(?:{_A_WHILE}\s+ago|this\s+morning|yesterday|last\s+night|today)"
    rf"|{_A_WHILE}\s+ago"
    # "It's been 2 days" after the certificates' guide (the guide again).
    rf"|(?:it|that|this)(?:'s|\s+has)\s+been\s+{_A_WHILE}(?:\s+(?:now|already))?"
    # "Only in the morning", "mostly at night", "every evening" after the slow app's guide (the scope reply): when it
    # happens, which only a look at the app can say more of.
    r"|(?:(?:it'?s|it\s+is|it\s+happens|happens)\s+)?(?:only|mostly|just|usually|always|mainly)?\s*(?:in\s+the\s+(?:morning|evening"
    r"|afternoon|night)s?|at\s+night|(?:every|each)\s+(?:morning|night|evening|day)|on\s+weekends|at\s+peak\s+times?"
    r"|first\s+thing(?:\s+in\s+the\s+morning)?)"
    # "Only sometimes", "on and off" after the API errors' guide and the incident ("no guide"): how often it happens.
    rf"|{_HOW_OFTEN})\W*$"
    # "I added the CNAME yesterday", "we changed it an hour ago": a step of the guide taken, and when (the guide again).
    r"|^\W*(?:(?:but|well|ok(?:ay)?)[,\s]+)?(?:i|we)(?:'ve|\s+have|\s+already)?\s+(?:added|created|set\s+up|changed|updated"
    r"|made|did|tried)\s+(?:it|that|this|them|the\s+[\w\s-]{1,30}?)\s+"
    rf"(?:yesterday|this\s+morning|last\s+night|earlier\s+today|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    rf"|{_A_WHILE}\s+ago|already)\W*$",
    re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"^(?:the|an?|my|our)\s+", re.IGNORECASE)
# How a guide gives each plan's build limit: "up to 15 minutes on Free and 45 minutes on Pro and Business".
_MINUTES_ON_PLANS = re.compile(
    r"(?P<minutes>\d+)\s+minutes\s+on\s+(?P<plans>(?:Free|Pro|Business)(?:(?:,\s*|\s+and\s+)(?:Free|Pro|Business))*)")
# A guide's step for a build that ran out of its time.
_OUT_OF_TIME = re.compile(r"\bout\s+of\s+time\b|\btimed?\s*out\b", re.IGNORECASE)
# How a guide's steps for a fault ask for the error the customer sees.
ASKS_FOR_THE_ERROR = "send me the error message you see"
# How a guide's steps end: for a fault reported, and for a how-to, where there is nothing to fix yet.
IF_IT_IS_NOT_FIXED = (f"If that doesn't fix it, {ASKS_FOR_THE_ERROR}, or ask for a person and one of our engineers will "
                      "take a look.")
# How the guides' replies ask what is seen when a step gets stuck: what is seen, told, is the error asked for too.
ASKS_WHAT_IS_SEEN = "tell me what you see"
# "The log says npm ERR! missing script: build", "Error: listen EADDRINUSE", "it says 'permission denied'": an error
# quoted, in the words programs print them. Not a question about one ("what does error 503 mean?").
_QUOTES_AN_ERROR = re.compile(
    r"\b(?:err(?:or)?!?|exception|traceback|fatal|failed|failure|cannot|can'?t\s+find|not\s+found|missing|denied"
    r"|refused|timed?\s*out|exit(?:ed)?\s+(?:with\s+)?(?:code|status)|eaddrinuse|econn\w+|enoent|[45]\d\d"
    # "It says out of memory" after the crash guide's steps.
    r"|out\s+of\s+memory|oom(?:\s*killed)?"
    # "It says port already in use" (EADDRINUSE in words) after the failed deploys' steps (the same again).
    r"|(?:already|address)\s+in\s+use"
    # A browser's error code: "DNS_PROBE_FINISHED_NXDOMAIN", "ERR_CONNECTION_REFUSED", "NET::ERR_CERT_DATE_INVALID". Not
    # ERR_TOO_MANY_REDIRECTS: a redirect loop is a topic no guide covers, which is said (the knowledge base's own).
    r"|\w*nxdomain|dns_probe_\w+|(?:net::)?err_(?!too_many_redirects)[a-z_]+)\b",
    re.IGNORECASE)
_ASKS_A_QUESTION = re.compile(r"\?\s*$|^\W*(?:what|why|how|where|which|who|when|can|could|do|does|is|are|should)\b",
                              re.IGNORECASE)
# "It's for api.example.com", "the domain is www.acme.io", "shop.example.com": which domain, said after a guide's steps
# (the steps again).
_NAMES_ITS_DOMAIN = re.compile(
    r"^\W*(?:(?:it'?s|it\s+is|this\s+is)\s+(?:for\s+|on\s+)?|(?:the\s+|my\s+|our\s+)?domain\s+(?:is\s+|:\s*)"
    r"|for\s+|on\s+)?(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/?\W*$", re.IGNORECASE)
# "Response times are around 5 seconds", "it takes 10 seconds to load", "we didn't deploy anything", "nothing changed on
# our side": how the fault shows, or that nothing of theirs changed, told after a guide's steps (the rate limits or the
# failed deploys guide came, for "seconds" and "deploy").
_TELLS_HOW_IT_SHOWS = re.compile(
    r"^\W*(?:(?:and|but|so|well|yes|yeah|no)[,\s]+)?(?:(?:the\s+)?(?:response\s+times?|latency|load\s+times?|requests?|pages?)"
    r"\s+(?:are|is|take|takes|were|was)\s+(?:around\s+|about\s+|over\s+|up\s+to\s+|like\s+)?\d+(?:\.\d+)?\s*"
    r"(?:ms|milliseconds?|s|secs?|seconds?|minutes?)"
    r"|(?:it|they|each\s+request|every\s+request|pages?)\s+(?:takes?|taking)\s+(?:around\s+|about\s+|over\s+)?\d+"
    r"(?:\.\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|minutes?)(?:\s+to\s+(?:load|respond|answer))?"
    r"|(?:we|i)\s+(?:didn'?t|did\s+not|haven'?t|have\s+not)\s+(?:deploy(?:ed)?|change[d]?|push(?:ed)?|touch(?:ed)?)"
    r"\s+anything(?:\s+(?:new|recently|today))?"
    r"|nothing\s+(?:has\s+)?changed(?:\s+on\s+our\s+(?:side|end))?"
    r"|no\s+(?:new\s+)?(?:deploys?|changes)(?:\s+(?:on\s+our\s+(?:side|end)|from\s+us|recently|today))?)"
    r"[^?]{0,30}$", re.IGNORECASE)
_GUIDE_DID_NOT_SORT_IT = "Thanks, that helps. If the steps in our guide"


# "Can you let me know", "will you email me when": this chat asked to send the updates itself.
_ASKS_US_TO_TELL = re.compile(r"\b(?:can|could|will|would)\s+(?:you|u)\s+(?:please\s+)?(?:notify|alert|let|email|e-mail"
                              r"|message|ping|tell|keep|update)\b"
                              r"|^\W*(?:please\s+)?(?:let\s+(?:me|us)\s+know|(?:notify|alert|e-?mail|message|ping|tell|keep"
                              r"|update)\s+(?:me|us))\b", re.IGNORECASE)
_ASKS_HOW = re.compile(r"\bhow\b", re.IGNORECASE)
_ASKS_WHEN_FIXED = re.compile(r"\b(?:fixed|resolved|back\s+up|over|working\s+again)\b", re.IGNORECASE)


def _started(incident: IncidentFact) -> str:
    """"2026-11-24 08:00 UTC": when an incident began, as replies give it."""
    return incident.started_at.strftime("%Y-%m-%d %H:%M UTC")


def _incident_scope(incident: IncidentFact) -> str:
    """" in eu-west affecting the API": where an incident is and what it affects."""
    component = _components_named(incident)
    located = f" in {' and '.join(incident.regions)}" if incident.regions else ""
    return located + (f" affecting the {component}" if component else "")


def _components_named(incident: IncidentFact) -> str:
    """"API": what an incident affects, as replies name it; empty when it names nothing."""
    return " and ".join(_component_name(c) for c in sorted(affected_components(incident)))


def _not_listed(regions: list[str]) -> str:
    """"us-east is not listed as affected": a region named that an incident is not in."""
    named = " and ".join(regions)
    return f"{named} {'is' if len(regions) == 1 else 'are'} not listed as affected."


# How a reply says the open incident is not behind what the customer sees (their app is in another region).
# "Still down", "it's still not working", "still broken": the fault goes on, and nothing else said.
_STILL_DOWN = re.compile(r"^\W*(?:(?:but|and|ok(?:ay)?|well|sorry)[,\s]+)?(?:it'?s\s+|it\s+is\s+|the\s+app\s+is\s+|my\s+app\s+is\s+)?"
                         r"still\s+(?:down|broken|offline|not\s+(?:working|up|loading|responding)|failing|erroring|dead)"
                         r"(?:\s+(?:though|now|for\s+me))?"
                         # "Still down, what do we do?" (the incident and its steps came again, as if not ruled out).
                         r"(?:[,.!?\s]+(?:so\s+)?(?:what\s+(?:do|should|can)\s+(?:we|i)\s+do(?:\s+now)?|what\s+now|now\s+what"
                         r"|any\s+ideas|(?:please\s+)?help(?:\s+please)?))?\s*[.!?]*\s*$", re.IGNORECASE)
_INCIDENT_RULED_OUT = re.compile(r"^Then the open incident, “[^”]+” in [^,]+, isn't the cause\b")
# An entry that asks for a figure ("How many deploys can I run …?", "What are the API rate limits?").
_ASKS_FOR_A_FIGURE = re.compile(r"^\W*(?:how\s+(?:many|much|long|big)|what\s+(?:are|is)\s+the\s+(?:\w+\s+){0,2}?limits?)\b",
                                re.IGNORECASE)
# "Is it the incident?", "is that the cause?", "so it's the outage?" once the incident was told of: whether it is the
# cause, which the reply before weighed ("very likely what you're seeing", or "if your app runs in eu-west").
_ASKS_IF_IT_IS_THE_CAUSE = re.compile(
    r"^\W*(?:(?:so|and|but|ok(?:ay)?|wait)[,\s]+)?(?:"
    r"(?:is|was|could|might|would)\s+(?:it|that|this)\s+(?:be\s+)?(?:(?:because\s+of|due\s+to|caused\s+by|from|part\s+of"
    r"|related\s+to)\s+)?(?:the|that|this|your)\s+(?:incident|outage)"
    r"|(?:is|was|could|might)\s+(?:that|it|the\s+incident|the\s+outage)\s+(?:be\s+)?(?:the\s+)?(?:cause|reason|problem)"
    r"|(?:it'?s|it\s+is)\s+(?:the|that|your)\s+(?:incident|outage)(?:\s+then)?)\s*[?.!]*\s*$", re.IGNORECASE)
_TOLD_AS_VERY_LIKELY = "very likely what you're seeing"


def _incident_applies(incident: IncidentFact) -> str:
    if incident.regions:
        return f"If your app runs in {' or '.join(incident.regions)}, it may be the cause."
    component = _components_named(incident)
    return f"If your app uses the {component}, it may be the cause." if component else "It may be the cause."


def _for_plan(sentence: str, plan: str) -> str | None:
    """What a help-centre sentence says for one plan: of a list of figures per plan ("60 requests a minute
    on Free, 600 on Pro and 3,000 on Business, per account"), the plan's figure with the list's unit and
    the sentence's words around it; a sentence that names the plan among others, as it is; else None."""
    figures = list(_PLAN_FIGURE.finditer(sentence))
    if len(figures) >= 2:
        own = next((found for found in figures if found["plan"] == plan), None)
        if own is None:
            return None
        return (f"{sentence[:figures[0].start()]}{own['figure']}{figures[0]['unit']} on {plan}"
                f"{sentence[figures[-1].end():]}")
    return sentence if plan in _PLAN_NAME.findall(sentence) else None


def _share_a_stem(asked: set[str], said: set[str]) -> bool:
    """Whether two sets of terms share one, or one of five letters or more that the other's begins with: the stemmer
    keeps "verification" whole and cuts "verified" to "verifi", which "it still says pending verification" asks of."""
    return bool(asked & said) or any(len(short) >= 5 and long.startswith(short)
                                     for a in asked for b in said for short, long in (sorted((a, b), key=len),))


def _first_figure(text: str) -> Decimal | None:
    """The first number a sentence states ("600" of "the API allows 600 requests a minute on Pro")."""
    found = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", text)
    return Decimal(found.group().replace(",", "")) if found else None


def _above(entry_sentences: list[str], plan: str) -> list[str]:
    """What the entry says for the plans that allow more than `plan`: those with a higher figure in a list
    per plan, and sentences about pricier plans only ("Pro and Business have … builds of up to 45 minutes"
    to a Free customer)."""
    pricier = plans_above(plan)
    above: list[str] = []
    for sentence in entry_sentences:
        figures = {found["plan"]: Decimal(found["figure"].replace(",", "")) for found in _PLAN_FIGURE.finditer(sentence)}
        if len(figures) >= 2 and plan in figures:
            above += [clause for other in pricier if figures.get(other, Decimal(0)) > figures[plan]
                      if (clause := _for_plan(sentence, other))]
        elif (named := set(_PLAN_NAME.findall(sentence))) and plan not in named and named <= set(pricier):
            above.append(sentence)
    return above


def _reports_a_problem(text: str) -> bool:
    """Whether a message reports something going wrong, rather than asking how to do something."""
    norm = normalise(text)
    return bool(PROBLEM.search(text)) or has_cue(
        set(norm.split()), norm, "error", "errors", "fail", "fails", "failed", "failing", "broken", "down",
        "not working", "doesnt work", "does not work", "timeout", "timing out", "slow", "crash", "crashes",
        # "My app keeps crashing", "it keeps running out of memory", "my env vars aren't working": closed with "if you get
        # stuck on a step", as a how-to.
        "crashing", "crashed", "running out", "runs out", "ran out", "restarting", "aren't working", "are not working",
        "don't work", "do not work", "dont work",
        "wrong", "issue", "problem", "cannot", "can not", "unable")


def _plural_subject(subject: str) -> bool:
    """"Custom domains", "team roles": a subject a sentence says "are" of."""
    return subject.split()[-1].lower().endswith("s")


def _lower_first(text: str) -> str:
    """"The API allows …" after "You're on the Pro plan: "; a plan's name keeps its capital."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in ("The", "A", "An", "It", "Your", "Each", "Every") else text


def _numbered(steps: list[tuple[int, str]]) -> str:
    return "\n".join(f"{n}. {step}" for n, step in steps)


def _component_name(component: str) -> str:
    """"api" → "API": a component's short name is an acronym."""
    return component.upper() if len(component) <= 3 else component
