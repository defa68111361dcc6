"""Questions about the service itself, the same for every customer: who is answering ("are you a bot?"), how
else to reach support ("what's your phone number?"), and which ways to pay are accepted ("do you take paypal?").

The intent model reads the first two as a request for a person ("are you a real person?" as human at 0.91) or as
off topic ("what's your phone number?" as out of scope at 0.90), and the third as off topic when it names a way
to pay the model never saw ("do you take paypal or crypto", out of scope at 0.65). Plain rules over the message,
no model: the orchestrator answers the first two itself and lets the third reach the billing part of the reply.
"""

from __future__ import annotations

import re
from typing import Literal

from agents.context import SupportContext
from agents.follow_ups.history import last_assistant_text, previous_user_text
from agents.follow_ups.offers import OFFER_PERSON
from agents.follow_ups.service import KEY_OR_TOKEN, key_asked_of_the_api
from agents.nearest_region import ASKS_THE_NEAREST
from agents.own_data import asks_how_to
from agents.plan_names import PLANS_CHEAPEST_FIRST

# Our regions by name ("where is ap-southeast?", "is eu-west in Germany?"): where apps run, which is ours to answer.
OUR_REGION = r"(?:us-east|eu-west|ap-southeast)"
NAMES_OUR_REGION = re.compile(rf"\b{OUR_REGION}\b", re.IGNORECASE)
# "Can I move my app to us-east?", "how do I change my app's region?", "migrate it to another region": an app that
# runs already, to another of our regions (the entry on regions says one is picked when an app is created).
_MOVES_AN_APP_BETWEEN_REGIONS = re.compile(
    r"\b(?:move|moving|migrate|migrating|transfer|transferring|switch|switching|relocate|relocating)\b[^.?!]{0,30}?"
    rf"\b(?:to|into)\s+(?:the\s+)?(?:{OUR_REGION}|(?:an)?other\s+region|a\s+(?:different|new)\s+region)\b"
    r"|\bchang\w*\s+(?:the\s+|my\s+|our\s+|an?\s+|its\s+)?(?:app'?s\s+|apps'?\s+)?region\b",
    re.IGNORECASE)
# How a reply on moving an app between regions says the help centre leaves its downtime unknown (writer.py).
MOVE_DOWNTIME_UNKNOWN = "whether it means downtime"


# "Can I move my app later?", "can we switch it afterwards?" right after our regions were listed: a move to another of
# them ("no guide" came).
_MOVES_IT_LATER = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:can|could|may)\s+(?:i|we)\s+(?:move|switch|change|migrate|transfer)"
    r"(?:\s+(?:it|my\s+app|our\s+app|the\s+app|my\s+apps|our\s+apps|them))?"
    r"(?:\s+(?:later(?:\s+on)?|afterwards|after(?:wards)?|another\s+time|down\s+the\s+line))?\s*[?.!]*\s*$"
    # "Can I choose later?": the region picked once the app exists, which is a move (the scope reply came).
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:can|could|may)\s+(?:i|we)\s+(?:choose|pick|select|decide|set)"
    r"(?:\s+(?:it|one|the\s+region|a\s+region))?\s+(?:later(?:\s+on)?|afterwards|after(?:wards)?|another\s+time)\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_to_move_an_app_between_regions(text: str, *, last_reply: str = "") -> bool:
    """Whether the message asks to move an app that runs already to another of our regions; "can I move it later?"
    only right after a `last_reply` that named our regions."""
    if _MOVES_AN_APP_BETWEEN_REGIONS.search(text):
        return True
    return bool(_MOVES_IT_LATER.match(text)) and lists_our_regions(last_reply)


def lists_our_regions(reply: str) -> bool:
    """Whether a reply named two or more of our regions (the regions' entry, or a comparison of them)."""
    return len(set(NAMES_OUR_REGION.findall(reply.lower()))) >= 2


# "How do I add a second region to our app?", "can we run the app in multiple regions?": one app in several regions at
# once, which the entry on regions says Business accounts can do, and no entry says how.
_MORE_REGIONS_FOR_AN_APP = re.compile(
    r"\b(?:add|adding|enable|enabling|set\s+up)\s+(?:a\s+)?(?:second|another|new|more|extra)\s+regions?\b"
    r"|\b(?:run|deploy|host|serve)\s+(?:my\s+|our\s+|the\s+|an?\s+|it\s+)?(?:same\s+)?(?:apps?\s+)?(?:in|to|across)\s+"
    r"(?:several|multiple|two|more|many|more\s+than\s+one)\s+regions\b|\bmulti-?\s?regions?\b"
    # "Can I use two regions?", "can we have both regions?" (a panel that said it had no guide, then quoted the entry).
    r"|\b(?:use|have|pick|choose|be\s+in)\s+(?:two|2|three|3|several|multiple|both|more\s+than\s+one)\s+(?:of\s+(?:the|your)\s+)?"
    r"regions\b",
    re.IGNORECASE)


def asks_to_run_an_app_in_more_regions(text: str) -> bool:
    """Whether the message asks to run one app in more than one of our regions at once."""
    return bool(_MORE_REGIONS_FOR_AN_APP.search(text))


# "Can I have two apps in different regions?", "can my apps be in separate regions?": several apps, each in a region of its
# own, which the entry on regions answers (an app's region is picked when it is created). Not one app in several regions
# at once (above). It got the plan's count of apps alone.
_APPS_IN_DIFFERENT_REGIONS = re.compile(
    r"\b(?:apps|applications|(?:two|2|three|3|several|multiple|different|separate)\s+apps?)\b[^?.!]*?\b(?:in|on|across)\s+"
    r"(?:different|separate|two|2|three|3|several|multiple|other)\s+regions\b",
    re.IGNORECASE)


def asks_about_apps_in_different_regions(text: str) -> bool:
    """Whether the message asks whether apps can each run in a different one of our regions."""
    return bool(_APPS_IN_DIFFERENT_REGIONS.search(text))


# "How much extra does that cost?", "is that extra?", "does it cost anything?": the price of what was just discussed,
# beyond the plan's (follow_ups.leaning_back.asks_what_it_costs reads "how much will it cost?", of a change asked for).
_ASKS_IF_IT_COSTS_EXTRA = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:how\s+much\s+(?:extra\s+|more\s+)?(?:does|will|would|is)\s+(?:it|that|this)"
    r"\s+(?:cost|be)(?:\s+extra)?|(?:does|is|will|would)\s+(?:it|that|this)\s+(?:cost\s+(?:extra|more|anything)|extra|be\s+extra)"
    r"|what\s+does\s+(?:it|that)\s+cost|is\s+there\s+an?\s+(?:extra|additional)\s+(?:cost|charge|fee))\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_the_price_of_more_regions(ctx: SupportContext) -> bool:
    """"How much does that cost?" right after asking to run an app in more than one region."""
    return (bool(_ASKS_IF_IT_COSTS_EXTRA.match(ctx.message))
            and asks_to_run_an_app_in_more_regions(previous_user_text(ctx) or ""))


# "Can I host in Japan?" (out of scope at 0.55), "do you have servers in australia?", "a data centre in germany": where
# apps can run, asked of a place. Not "run my app in docker" nor "deploy in production", which are no places.
_HOSTING_IN_A_PLACE = re.compile(
    r"\b(?:host|hosting|hosted|servers?|regions?|data\s*cent(?:er|re)s?|datacent(?:er|re)s?|deploy|run\s+(?:my\s+|an?\s+|"
    r"our\s+)?apps?|locations?|presence)\b[^.?!]{0,20}?\b(?:in|near)\s+(?:the\s+)?"
    r"(?!(?:my|a|an|your|our|it|this|that|production|prod|dev|development|staging|docker|kubernetes|k8s|python|node|java|"
    r"php|ruby|go|rust|parallel|multiple|several|different|one|two|three|more|other|which|what"
    # "My deploy is stuck in pending", "in progress", "in a loop": a state, not a place (the regions' entry answered).
    r"|pending|progress|queue|queued|limbo|loop|review|error|errors|place|time|minutes?|seconds?|hours?|sync)\b)[a-z]{3,}",
    re.IGNORECASE)
# "Can you host a wordpress site?" (out of scope at 0.42), "can I run a django app on northwind?": whether an app of a
# kind runs here, which is ours to answer (or to say the help centre does not), not another company's business.
# A kind of app named by what it is built with or what it is ("wordpress", "docker images", "an online store"), not an
# app alone: "can I deploy my app to eu-west?" asks how, which the help centre's entries answer.
_NAMED_KINDS = (r"(?:blogs?|stores?|shops?|wordpress|django|rails|laravel|flask|node(?:\.?js)?|next(?:\.?js)?|php|python"
                r"|ruby|java|go(?:lang)?|docker(?:\s+images?)?|containers?|elixir|erlang|phoenix|scala|kotlin|rust|deno|bun"
                r"|perl|haskell|\.net|dotnet|spring(?:\s+boot)?|express|fastapi|nuxt|remix|svelte(?:kit)?|ghost|drupal|joomla"
                r"|magento|shopify|static|html|react|vue|angular|jamstack"
                # "Can I run a postgres database?", "do you offer databases?" (the guide on environment variables).
                r"|databases?|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|redis"
                # "Do you support websockets?" ("no guide"), "can I run cron jobs?": what an app does, which the help
                # centre lists no more than what it is built with.
                r"|web\s?sockets?|grpc|cron(?:\s+jobs?)?|background\s+(?:jobs?|workers?)"
                # "Can I use terraform with northwind?" ("not enough information"): tools to deploy with, which the help
                # centre lists no more than frameworks.
                r"|terraform|pulumi|ansible|kubernetes|k8s|helm|github\s+actions|gitlab\s+ci|circleci|jenkins)")
_KIND_OF_APP = (rf"(?:sites?|websites?|apps?|applications?|apis?|backends?|projects?|{_NAMED_KINDS})"
                r"(?:\s+(?:databases?|db|hosting))?"
                # A version said after it ("python 3.12") is left out: a figure no fact holds is struck from the reply.
                r"(?:\s+(?:sites?|websites?|apps?|applications?|blogs?|stores?|shops?|apis?|backends?"
                r"|projects?))?")
_ASKS_WHAT_RUNS_HERE = re.compile(
    r"\b(?:(?:can|could|do|does|will|would)\s+(?:you|u|northwind|i|we)|(?:you|northwind)\s+(?:can|could))\s+(?:\w+\s+)?"
    r"(?:host|run|deploy|support|offer|provide)\s+"
    rf"(?P<kind>(?:an?\s+|my\s+|our\s+)?(?:\w+\s+){{0,2}}?{_KIND_OF_APP})\b", re.IGNORECASE)
# "Do you have postgres?", "can I use mysql?" ("not enough information" came): the same, asked as something we have or
# the customer may use. Only of what an app is built with or runs beside: "do you have a store?" and "do you have GO
# protein?" are shoppers' questions, and "can I use my database password in a variable?" asks of what an app holds.
_BUILT_WITH = (r"(?:databases?|postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|redis|docker(?:\s+images?)?|containers?"
               r"|web\s?sockets?|grpc|cron(?:\s+jobs?)?|background\s+(?:jobs?|workers?)|python|node(?:\.?js)?|php|ruby|java"
               r"|golang|rust|django|rails|laravel|flask|wordpress|terraform|pulumi|ansible|kubernetes|k8s|helm"
               r"|github\s+actions|gitlab\s+ci|circleci|jenkins)")
_ASKS_WHAT_WE_HAVE = re.compile(
    r"\b(?:(?:do|does|can|could|will|would)\s+(?:you|u|northwind)\s+(?:\w+\s+)?(?:have|give|include)|(?:can|could|may)\s+"
    rf"(?:i|we)\s+(?:also\s+)?(?:use|get))\s+(?P<kind>(?:an?\s+|my\s+|our\s+)?(?:[a-z]+\s+)?{_BUILT_WITH}"
    r"(?:\s+(?:databases?|db|hosting))?)\b(?!\s+(?:passwords?|urls?|credentials|connections?|strings?|keys?|variables?|"
    r"hosts?|users?|names?))", re.IGNORECASE)
# "What about docker?", "and rails?" right after whether a kind of app runs here was answered: the same, of that kind.
# "Python 3.12?" alone after the same answer: that kind, its version left out.
_WHAT_ABOUT_A_KIND = re.compile(
    rf"^\W*(?:(?:and|ok(?:ay)?|so|but)[,\s]+)?(?:(?:what|how)\s+about\s+|and\s+)?(?P<kind>(?:\w+\s+)?{_KIND_OF_APP})"
    r"(?:\s+v?\d+(?:\.\d+)*)?\s*[?.!]*$", re.IGNORECASE)
# "With github actions", "from gitlab ci": how a deploy is made, said after "deploy".
_HOW_IT_IS_DEPLOYED = re.compile(r"(?:with|from|using|via|through)\b", re.IGNORECASE)
_NAMED_KIND = re.compile(rf"(?<!\w){_NAMED_KINDS}\b", re.IGNORECASE)
_A_CARD_NOT_A_KIND = re.compile(r"\bamerican\s+express\b", re.IGNORECASE)
# How the writer says the help centre lists no languages or frameworks: what a follow-up about another kind follows.
RUNS_HERE_UNLISTED = "Our help centre doesn't list the languages, frameworks or kinds of app that run on Northwind Cloud"


def asks_what_runs_here(text: str) -> bool:
    """Whether the message asks if an app of some kind can be hosted or run on our service."""
    return bool(_ASKS_WHAT_RUNS_HERE.search(text))


# "What languages do you support?", "which frameworks can I deploy?": the whole list asked for, which no entry gives.
_ASKS_WHICH_STACKS = re.compile(
    r"\b(?:what|which)\s+(?:programming\s+)?(?:languages|frameworks|runtimes|stacks|tech\s+stacks|kinds\s+of\s+apps?)\s+"
    r"(?:do|does|can|will)\s+(?:you|u|northwind|i|we)\s+(?:support|run|host|use|deploy|allow)\b"
    r"|\b(?:what|which)\s+(?:programming\s+)?(?:languages|frameworks|runtimes)\s+(?:are|is)\s+supported\b"
    # "What can I host here?", "what kind of apps can I run on northwind?" (it got "I don't have enough information").
    r"|^\W*what\s+(?:(?:kinds?|sorts?|types?)\s+of\s+(?:apps?|things|sites?|projects?)\s+)?(?:can|could)\s+(?:i|we|you)\s+"
    r"(?:host|run|deploy)(?:\s+(?:here|on\s+(?:northwind|it|your\s+(?:service|platform))|with\s+(?:you|northwind)))?"
    r"\s*[?.!]*$",
    re.IGNORECASE)
# "Is node supported?", "are docker images supported?": a kind of app asked of in the passive (it got "I don't have a
# guide on that").
_ASKED_IF_SUPPORTED = re.compile(rf"\b(?:is|are)\s+(?P<kind>(?:\w+\s+){{0,1}}?{_KIND_OF_APP})\s+(?:also\s+)?supported\b",
                                 re.IGNORECASE)

# "Is northwind good for a django app?", "would it work for wordpress?" ("not enough information" came): whether that kind
# runs here, asked as whether we suit it.
_ASKED_IF_SUITED = re.compile(
    r"\b(?:(?:is|are)\s+(?:northwind|you|it|this|your\s+(?:service|platform|hosting))(?:\s+cloud)?\s+(?:\w+\s+)?"
    r"(?:good|suitable|suited|ok|okay|fine|right|a\s+good\s+(?:fit|choice|option|place))"
    r"|(?:will|would|does|can)\s+(?:northwind|it|this|your\s+(?:service|platform|hosting))(?:\s+cloud)?\s+work)\s+"
    rf"(?:for|with)\s+(?P<kind>(?:an?\s+|my\s+|our\s+)?(?:\w+\s+){{0,2}}?{_KIND_OF_APP})\b", re.IGNORECASE)


def kind_of_app_asked(text: str, *, last_reply: str = "") -> str | None:
    """The kind of app the message asks whether we run, as the customer put it ("a wordpress site", "python"), also
    in "what about docker?" right after that was answered of another kind; "which are supported" for the whole list
    ("what languages do you support?"); None when it asks no such thing."""
    if _ASKS_WHICH_STACKS.search(text):
        return "which are supported"
    asked = (_ASKS_WHAT_RUNS_HERE.search(text) or _ASKED_IF_SUPPORTED.search(text) or _ASKS_WHAT_WE_HAVE.search(text)
             or _ASKED_IF_SUITED.search(text))
    if asked is None and RUNS_HERE_UNLISTED in last_reply:
        # "It's a django app" there: that kind instead.
        asked = _WHAT_ABOUT_A_KIND.match(text) or _KIND_TOLD.match(text)
    if asked is None or not _NAMED_KIND.search(asked["kind"]) or _A_CARD_NOT_A_KIND.search(asked["kind"]):
        return None  # "Is American Express supported?" asks about a card
    if _HOW_IT_IS_DEPLOYED.match(asked["kind"]):
        return None  # "can I deploy with github actions?" asks how a deploy is made, not what runs here
    return asked["kind"]


# "It's a node app", "we're using django", "built with rails": what the customer's app is built with, told on its own.
_KIND_TOLD = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|oh|btw|fyi|also)[,\s]+)?(?:(?:it'?s|its|it\s+is|this\s+is|mine\s+is|ours\s+is|the\s+app\s+is|my\s+app\s+is"
    r"|our\s+app\s+is)\s+|(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:using|running|on)\s+"
    r"|(?:we|i)\s+(?:use|run|have)\s+|(?:it'?s\s+|it\s+is\s+)?(?:built|written|made)\s+(?:with|in|on)\s+|using\s+)"
    rf"(?P<kind>(?:an?\s+|my\s+|our\s+)?(?:\w+\s+)?{_KIND_OF_APP})(?:\s+v?\d+(?:\.\d+)*)?\s*[.!]*$", re.IGNORECASE)


def kind_of_app_told(text: str) -> str | None:
    """What the customer says their app is built with ("node app" in "it's a node app"), as they put it, its version
    left out; None when the message says no such thing."""
    told = _KIND_TOLD.match(text)
    if told is None or not _NAMED_KIND.search(told["kind"]) or _A_CARD_NOT_A_KIND.search(told["kind"]):
        return None
    return re.sub(r"^(?:an?|my|our)\s+", "", told["kind"].lower())


def kinds_of_app(kind: str) -> str:
    """"node app" → "node apps", "wordpress" → "wordpress": a kind of app told, as apps of that kind are spoken of."""
    return f"{kind}s" if re.search(r"\b(?:app|site|website|application|api|backend|project)$", kind) else kind


# "What about australia?", "and in japan?", "is there one in asia?" right after the regions were listed: the same
# question, of that place ("is there one in asia?" got "I don't have a guide on that").
_WHAT_ABOUT_A_PLACE = re.compile(
    r"^\W*(?:(?:and|ok(?:ay)?|so|but)[,\s]+)?(?:(?:(?:what|how)\s+about|and)\s+(?:in\s+)?"
    r"|(?:is\s+there|are\s+there|do\s+you\s+have|have\s+you\s+got|got|any(?:thing)?)\s+(?:(?:one|any(?:thing)?|something|"
    r"a\s+region|regions?|servers?)\s+)?(?:in|near)\s+)(?:the\s+)?"
    # Not a topic named instead ("what about pricing?", "and backups?"), nor a plan.
    r"(?!(?:pricing|prices?|costs?|plans?|support|security|backups?|uptime|sla|billing|refunds?|domains?|ssl|tls|data|"
    r"free|pro|business|it|that|this|them|those|me|you|yours|mine|privacy|gdpr|limits?|apps?|speed|latency)\b)"
    # "Is there one in the us?": a place named in two letters.
    r"(?:[a-z]{3,}(?:\s+[a-z]{3,})?|us|uk|eu)"
    r"\s*[?.!]*$", re.IGNORECASE)


# "Hi, I'm thinking about signing up", "we're considering moving our apps to you", "interested in your service": a
# visitor weighing the service, asking nothing yet (general at 0.53, "I don't have enough information").
_WEIGHING = (r"\b(?:thinking\s+(?:about|of)|considering|interested\s+in|looking\s+(?:at|into)|planning\s+(?:on|to)|"
             r"want\s+to\s+try|wanna\s+try|keen\s+(?:on|to))\s+")
# "I'm thinking about moving from heroku" (out of scope: the scope reply): leaving another host, for us.
_OTHER_HOSTS = (r"(?:heroku|vercel|netlify|render|railway|fly(?:\.io)?|aws|amazon|azure|gcp|google\s+cloud|digital\s*ocean"
                r"|linode|vultr|hetzner|ovh|godaddy|bluehost|hostgator|siteground|cloudflare|firebase|(?:another|a\s+different"
                r"|our\s+current|my\s+current)\s+(?:host|hosting|provider|platform|cloud))")
_LEAVING_ANOTHER_HOST = (
    rf"(?:switching|moving|migrating)\s+(?:(?:our|my)\s+apps?\s+)?(?:over\s+)?(?:away\s+)?from\s+{_OTHER_HOSTS}\b")
_CONSIDERS_JOINING = re.compile(
    rf"{_WEIGHING}(?:signing\s+up|sign\s+up|joining|trying\s+(?:you|northwind|your\s+service)|"
    r"using\s+(?:you|northwind|your\s+(?:service|platform|hosting))|northwind|your\s+(?:service|platform|hosting|plans)|"
    r"(?:switching|moving|migrating)\s+(?:(?:our|my)\s+apps?\s+)?(?:over\s+)?to\s+(?:you|northwind)"
    rf"|{_LEAVING_ANOTHER_HOST})\b",
    re.IGNORECASE)
# "I'm moving from heroku", "we're migrating away from vercel": said as under way, weighed the same (a greeting came).
_SAYS_ITS_UNDER_WAY = r"\b(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+(?:currently\s+|now\s+|just\s+)?"
# "We want to move from heroku", "we'd like to migrate our apps from aws" (the scope reply): the same, as a wish.
_WANTS_TO_LEAVE = (r"\b(?:want|wants|wanna|would\s+like|'d\s+like|need|needs|plan|plans|are\s+going|am\s+going|hope)\s+to\s+"
                   rf"(?:switch|move|migrate)\s+(?:(?:our|my|all\s+our|all\s+my)\s+(?:apps?|sites?|projects?)\s+)?(?:over\s+)?"
                   rf"(?:away\s+)?from\s+{_OTHER_HOSTS}\b")
_CONSIDERS_LEAVING_ANOTHER_HOST = re.compile(f"(?:{_WEIGHING}|{_SAYS_ITS_UNDER_WAY}){_LEAVING_ANOTHER_HOST}|{_WANTS_TO_LEAVE}",
                                             re.IGNORECASE)


# "My friend recommended you", "I heard good things about northwind" (the scope reply): someone come to look at us.
_HEARD_OF_US = re.compile(
    r"\b(?:recommended|suggested|told\s+me\s+about|referred\s+me\s+to)\s+(?:you|u|northwind|your\s+(?:service|platform|company))\b"
    r"|\bheard\s+(?:(?:good|great|nice)\s+things\s+)?(?:about|of)\s+(?:you|u|northwind|your\s+(?:service|platform|company))\b",
    re.IGNORECASE)


# "How do I get started?", "how do I get started with northwind?": someone beginning with us, asking nothing in
# particular yet (the scope reply, or the scaling guide for "start").
_GETTING_STARTED = re.compile(
    r"^\W*(?:(?:hi|hello|hey|so|ok(?:ay)?)[,!.\s]+)*(?:how\s+(?:do|can|should)\s+(?:i|we)\s+(?:get\s+started|start|begin)"
    r"|getting\s+started)"
    r"(?:\s+(?:with|on|using)\s+(?:northwind(?:\s+cloud)?|you|u|your\s+(?:service|platform|hosting)|it))?(?:\s+here)?\s*[?.!]*$",
    re.IGNORECASE)


def asks_how_to_get_started(text: str) -> bool:
    """"How do I get started?": beginning with us, nothing asked in particular yet."""
    return bool(_GETTING_STARTED.match(text))


# "I run a small bakery website, would you be a good fit?", "is northwind right for us?": whether to sign up, asked (it
# got "I don't have a guide on that").
_ASKS_IF_WE_FIT = re.compile(
    r"\b(?:would|will|are|is)\s+(?:you|u|northwind(?:\s+cloud)?|your\s+(?:service|platform|hosting))\s+(?:be\s+)?"
    r"(?:a\s+|the\s+)?(?:good|right|suitable|great)\s*(?:fit|choice|option|match|for\s+(?:a\s+|an\s+)?(?:me|us|my|our|beginners?"
    r"|startups?|students?|small\s+(?:teams?|businesses|business|projects?|apps?)|side\s+projects?|hobby\s+projects?))\b"
    # "Is northwind any good?" (the scope reply, or "not enough information").
    r"|\b(?:is|are)\s+(?:you|u|northwind(?:\s+cloud)?|your\s+(?:service|platform|hosting))\s+(?:any\s+good|worth\s+it)\b",
    re.IGNORECASE)


# "Hi i am looking for a hosting provider for my startup" (the scope reply): someone shopping for what we sell.
_LOOKING_FOR_A_HOST = re.compile(
    r"\b(?:looking|searching|shopping\s+around)\s+for\s+(?:a\s+|an\s+|some\s+)?(?:new\s+|good\s+|cheap\s+|reliable\s+|better\s+)?"
    r"(?:(?:(?:web|app|cloud)\s+)?hosting(?:\s+(?:provider|service|platform|solution|company))?|(?:web|app|cloud)\s+host"
    r"|place\s+to\s+host|platform\s+to\s+(?:host|deploy|run))\b", re.IGNORECASE)


# "I'm comparing you with vercel", "deciding between render and northwind" (greeted as if nothing were said): weighing us
# against another host.
_COMPARING_US = re.compile(
    r"\b(?:comparing|weighing|deciding\s+between|choosing\s+between|evaluating)\s+(?:you|u|northwind(?:\s+cloud)?"
    r"|your\s+(?:service|platform|hosting))\s+(?:with|to|against|and|vs\.?|versus)\s+[\w.]+"
    r"|\b(?:comparing|deciding\s+between|choosing\s+between)\s+[\w.]+\s+(?:with|to|against|and|vs\.?|versus)\s+"
    r"(?:you|u|northwind)\b", re.IGNORECASE)


def considers_joining(text: str) -> bool:
    """Whether the message says the writer is weighing signing up, and asks nothing else of its own, asks whether we
    would suit them, or asks only how to get started."""
    return ((bool(_CONSIDERS_JOINING.search(text) or _HEARD_OF_US.search(text) or _COMPARING_US.search(text)
                  or _CONSIDERS_LEAVING_ANOTHER_HOST.search(text)) and "?" not in text)
            or bool(_ASKS_IF_WE_FIT.search(text) or _LOOKING_FOR_A_HOST.search(text)) or asks_how_to_get_started(text))


# "What makes you different?", "why should I choose you over vercel?", "how are you better than heroku?": how we compare
# with other providers, which the help centre never says (it got "I don't have enough information").
_HOW_WE_DIFFER = re.compile(
    r"\bwhat\s+makes\s+(?:you|u|northwind(?:\s+cloud)?|your\s+(?:service|platform|hosting))\s+(?:different|better|special"
    r"|unique|stand\s+out)\b"
    r"|\bwhy\s+(?:should|would)\s+(?:i|we)\s+(?:choose|pick|use|go\s+with|switch\s+to)\s+(?:you|u|northwind)\b"
    r"|\bhow\s+(?:are|is)\s+(?:you|u|northwind(?:\s+cloud)?)\s+(?:different|better)\b"
    # "How is it different from heroku?" right after what Northwind is: "it" is us, named by the host it is set against.
    rf"|\bhow\s+(?:is|does)\s+(?:it|this|that)\s+(?:different|compare|better)\b[^.?!]{{0,20}}\b{_OTHER_HOSTS}\b"
    r"|\b(?:you|northwind)\s+(?:vs\.?|versus)\s+[\w.]+|\b[\w.]+\s+(?:vs\.?|versus)\s+(?:you|u|northwind)\b"
    # "What's the difference between you and heroku?", "how do you compare to vercel?" ("not enough information").
    rf"|\bdifference\s+between\s+(?:you|u|northwind(?:\s+cloud)?)\s+and\s+{_OTHER_HOSTS}\b"
    rf"|\bdifference\s+between\s+{_OTHER_HOSTS}\s+and\s+(?:you|u|northwind(?:\s+cloud)?)\b"
    rf"|\bhow\s+do\s+(?:you|u|northwind)\s+compare\s+(?:to|with)\s+{_OTHER_HOSTS}\b"
    # "Are you cheaper?", "is northwind faster than heroku?": set against others, by one measure.
    r"|^\W*(?:(?:and|so|but|ok(?:ay)?)[,\s]+)?(?:are|is)\s+(?:you|u|you\s+guys|northwind(?:\s+cloud)?)\s+(?:any\s+)?(?:cheaper"
    r"|more\s+expensive|faster|slower|better|more\s+reliable)"
    rf"(?:\s+than\s+(?:them|it|that|those|others|the\s+others|{_OTHER_HOSTS}))?\s*[?.!]*\s*$",
    re.IGNORECASE)


def asks_how_we_differ(text: str) -> bool:
    """"What makes you different?": how we compare with other providers."""
    return bool(_HOW_WE_DIFFER.search(text))


# "How do I migrate from heroku?" (the invoice list's sign-in request), "how do I migrate?" right after "I'm thinking of
# moving from heroku" (the scope reply): the steps of a move from another host, which no entry gives.
_HOW_TO_MOVE = re.compile(r"^\W*(?:(?:and|so|ok(?:ay)?|but|then)[,\s]+)?how\s+(?:do|can|could|would|should|to)\s+(?:i\s+|we\s+)?"
                          r"(?:migrate|move|switch|transfer|port|bring)\b"
                          # "Do you help with the move?", "can you help us migrate?" ("not enough information").
                          r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:do|can|could|will|would)\s+(?:you|u)\s+(?:guys\s+)?"
                          r"(?:help|assist)\s+(?:me\s+|us\s+)?(?:with\s+)?(?:the\s+|a\s+)?(?:move|migration|migrating|moving"
                          r"|migrate|switch(?:ing)?)\b", re.IGNORECASE)
_FROM_ANOTHER_HOST = re.compile(rf"\bfrom\s+{_OTHER_HOSTS}\b", re.IGNORECASE)


# "How long does migration take?", "how long would the move take?" after saying they are thinking of moving here.
_HOW_LONG_A_MOVE_TAKES = re.compile(r"\bhow\s+long\s+(?:does|would|will|do|did)\s+(?:the\s+|a\s+)?(?:migration|migrating"
                                    r"|moving|move|switch|switching)(?:\s+\w+){0,2}?\s+take\b", re.IGNORECASE)


def asks_how_long_a_move_takes(text: str) -> bool:
    """Whether the message asks how long moving apps here takes."""
    return bool(_HOW_LONG_A_MOVE_TAKES.search(text))


# "Is it easy?", "will it be hard?" right after "I'm moving from heroku" ("not enough information" came): how the move
# goes, which is the question of how to make it.
_IS_THE_MOVE_EASY = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:is|will|would)\s+(?:it|that|the\s+(?:move|migration|switch))\s+(?:be\s+)?"
    r"(?:easy|hard|difficult|complicated|simple|straightforward|painful|a\s+lot\s+of\s+work)"
    # "Is it hard to migrate?", "will it be easy to move over?".
    r"(?:\s+to\s+(?:migrate|move|switch|transfer|port)(?:\s+(?:over|here|across|it|them|my\s+apps?|our\s+apps?))?)?\W*$"
    # "How hard is it to migrate?", "how easy is it to move over?" (a visitor was asked to sign in to see invoices).
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?how\s+(?:easy|hard|difficult|complicated|long)\s+(?:is|would\s+it\s+be|will\s+it\s+be)"
    r"\s+(?:it\s+)?(?:to\s+)?(?:migrate|move|switch|transfer|port)\b[^?.!]*[?.!]*\s*$", re.IGNORECASE)


def asks_if_the_move_is_easy(text: str) -> bool:
    """"Is it easy?", "will it be hard?": how hard a move is, naming nothing of it."""
    return bool(_IS_THE_MOVE_EASY.match(text))


def asks_how_to_move_from_another_host(text: str, *, before: str = "") -> bool:
    """Whether the message asks how to move apps here from another host (or how long that takes, or whether it is
    easy), named in it or in the messages before (one per line, newest first)."""
    if not (_HOW_TO_MOVE.search(text) or _HOW_LONG_A_MOVE_TAKES.search(text) or _IS_THE_MOVE_EASY.match(text)):
        return False
    weighed_before = _CONSIDERS_JOINING.search(before) or _CONSIDERS_LEAVING_ANOTHER_HOST.search(before)
    return bool(_FROM_ANOTHER_HOST.search(text) or (weighed_before and _FROM_ANOTHER_HOST.search(before)))


# How the writer says no entry guides a move from another host ("Our help centre has no guide to moving apps from another
# host, …"), which "do you help with it?" then asks after.
NO_MOVE_GUIDE = "no guide to moving"
# "Do you help with it?", "can you guys help us with the migration?": help with the move just spoken of ("not enough
# information" came).
_HELP_WITH_IT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[,\s]+)?(?:do|can|could|will|would)\s+(?:you|u|northwind|your\s+team|someone)\s+"
    r"(?:guys\s+)?(?:help|assist|support)(?:\s+(?:me|us))?(?:\s+(?:with|on)\s+(?:it|that|this|the\s+(?:move|migration|switch)"
    r"|migrating|moving))?(?:\s+(?:at\s+all|then))?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_for_help_with_the_move(text: str, *, last_reply: str) -> bool:
    """"Do you help with it?" right after a move from another host was said to have no guide."""
    return bool(_HELP_WITH_IT.match(text)) and NO_MOVE_GUIDE in last_reply


def considers_leaving_another_host(text: str) -> bool:
    """Whether the message says the writer is weighing moving apps here from another host, and asks nothing else: from
    a signed-in customer, more of their apps, not an account to open."""
    return bool(_CONSIDERS_LEAVING_ANOTHER_HOST.search(text)) and "?" not in text


_REGION_WORD = re.compile(r"\b(?:regions?|servers?|data\s*cent(?:er|re)s?|datacent(?:er|re)s?)\b", re.IGNORECASE)


def asks_where_apps_can_run(text: str, *, last_reply: str = "") -> bool:
    """Whether the message asks whether apps can run in a place ("can I host in Japan?"), or, right after a reply that
    named our regions, "what about australia?" or "which is closest to germany?". Our regions themselves are asked
    about elsewhere ("is eu-west in Germany?")."""
    if NAMES_OUR_REGION.search(text):
        return False
    if _HOSTING_IN_A_PLACE.search(text):
        return True
    regions_listed = lists_our_regions(last_reply)
    if ASKS_THE_NEAREST.match(text.strip()):
        return regions_listed or bool(_REGION_WORD.search(text))
    return bool(_WHAT_ABOUT_A_PLACE.match(text)) and regions_listed

IdentityOrContact = Literal["identity", "contact", "capabilities"]

# What a customer may wonder the assistant is: a person, a bot, an AI, ChatGPT.
_WHAT = (r"(?:(?:a|an)\s+)?(?:(?:real(?:\s+life|-life)?|actual|live|human|automated|ai)\s+)?"
         r"(?:person|human(?:\s+being)?|people|bot|robot|chat\s?bot|ai|machine|computer|program|(?:ai\s+)?assistant|"
         r"agent|chat\s?gpt|gpt|llm|language\s+model|automated|automatic|real|alive)")
_WHAT_LIST = rf"{_WHAT}(?:\s+or\s+(?:not|{_WHAT}))*"
# "Is it a bot?" of something else is rare, but "is it automated?" asks about backups or renewals too.
_WHAT_IT_IS = (r"(?:(?:a|an)\s+)?(?:(?:real|actual|live)\s+)?(?:person|human(?:\s+being)?|bot|robot|chat\s?bot|ai|"
               r"chat\s?gpt|gpt)")
ASKS_WHAT_ANSWERS = re.compile(
    rf"\b(?:are|r)\s+(?:you|u|ya)\s+(?:really\s+|actually\s+|even\s+|just\s+|still\s+)?{_WHAT_LIST}\b"
    rf"|\b(?:am\s+i|are\s+we|im|i\s+am)\s+(?:really\s+|actually\s+|even\s+|still\s+)?(?:talking|speaking|chatting|"
    rf"writing|texting)\s+(?:to|with)\s+{_WHAT_LIST}\b"
    rf"|\b(?:is|was)\s+(?:this|that)(?:\s+(?:chat|conversation|support|service|thing))?\s+(?:really\s+|actually\s+|"
    rf"just\s+|even\s+)?{_WHAT_LIST}\b"
    rf"|\bis\s+this\s+(?:chat|conversation)\s+with\s+{_WHAT_LIST}\b"
    rf"|\b(?:you\s+are|youre|(?:if|whether)\s+(?:you|u)\s+(?:are|r))\s+(?:really\s+|actually\s+|just\s+|only\s+)?"
    rf"{_WHAT_LIST}\b"
    rf"|\bis\s+it\s+(?:really\s+|actually\s+|just\s+)?{_WHAT_IT_IS}\b"
    # "Is there a human in the loop?", "is there a real person behind this?": whether one answers, not a request.
    r"|\b(?:is|are)\s+there\s+(?:(?:a|an|any)\s+)?(?:(?:real|actual|live)\s+)?(?:humans?|persons?|people)\s+"
    r"(?:in\s+the\s+loop|behind\s+(?:this|it|the\s+chat|you)|reading\s+(?:this|these|my\s+messages)|"
    r"involved|on\s+the\s+other\s+end)\b"
    r"|\bwho\s+(?:am\s+i|are\s+we|im)\s+(?:talking|speaking|chatting|writing)\s+(?:to|with)\b"
    r"|\bwho\s+(?:are\s+you|is\s+this|is\s+answering|is\s+replying)\b"
    r"|\bwhat\s+(?:exactly\s+)?are\s+you(?:\s+exactly)?\s*$"
    rf"|^\s*{_WHAT_IT_IS}\s+or\s+{_WHAT_IT_IS}\s*$"
)
# "Can I talk to a real person?", "I want a human", "no bots", "can someone call me": a person asked for.
_SOMEONE = (r"(?:(?:a|an|the|some|your|one\s+of\s+your)\s+)?(?:(?:real|actual|live|human|support|customer\s+service|"
            r"sales)\s+)?(?:person|human(?:\s+being)?|people|agent|someone|somebody|representative|rep|staff(?:\s+member)?|"
            r"manager|operator|supervisor|engineer|team|member\s+of\s+(?:staff|your\s+team))")
# "Escalate please", "please escalate this", "can you escalate my ticket?": escalating is handing over to a person,
# whether or not one is named. The model reads the word alone as off topic ("please escalate this" at 0.78), and
# the scope reply turned the request away. Not a privilege escalation, which is a security term.
_ESCALATE = r"(?<!privilege )\bescalat(?:e|ed|ing|ion)\b(?!\s+(?:of\s+)?privileges?\b)"
# "Why is nobody answering?", "no one has replied to me": a customer waiting for a person, who is asked for by
# complaining that none came (off topic at 0.32, answered with the scope reply).
_NOBODY_ANSWERS = (r"\b(?:nobody|no\s+one|noone|no\s+body)\s+(?:is\s+|has\s+|ever\s+|will\s+|seems\s+to\s+)?"
                   r"(?:answer|answers|answering|answered|reply|replies|replying|replied|respond|responds|responding|"
                   r"responded|(?:getting|gets|got|gotten)\s+back|(?:picking|picks|picked)\s+up)\b")
# "How do I contact sales for enterprise?", "can I speak to sales?", "is anyone from sales around?": the sales team
# are people, and only they can
# talk terms; "sales" alone is never a topic this chat answers (off topic at 0.75 before this rule).
_SALES = (r"\b(?:contact|reach|talk\s+to|speak\s+(?:to|with)|chat\s+(?:to|with)|get\s+in\s+touch\s+with|"
          r"connect\s+(?:me\s+)?(?:to|with)|hear\s+from|put\s+me\s+(?:through\s+)?to)\s+"
          r"(?:(?:your|the|a|someone\s+(?:in|from|on))\s+)?sales\b"
          r"|\b(?:someone|somebody|anyone|anybody)\s+(?:from|in|on)\s+(?:your\s+|the\s+)?sales\b"
          r"|\bsales\s+(?:team|department|rep|reps|representative|representatives|person|people)\b")
# "Who can I talk to about that?", "who do I contact?": a person to talk to, asked for as a question and naming nothing
# else ("who do I contact about a duplicate charge?" names what this chat can look into itself). The panel's guide came.
_WHO_TO_TALK_TO = (r"^\W*(?:(?:ok(?:ay)?|so|then|and|but)[,\s]+)?who\s+(?:can|could|should|do|would|shall)\s+(?:i|we)\s+"
                   r"(?:(?:talk|speak|chat)\s+(?:to|with)|contact|reach)(?:\s+(?:about|for|regarding)\s+(?:that|this|it"
                   r"|them))?(?:\s+then)?\s*[?.!]*\s*$")
ASKS_FOR_A_PERSON = re.compile(
    rf"\b(?:talk|speak|chat|connect|transfer|pass|put|escalate|hand)\s+(?:me\s+|this\s+|it\s+)?(?:over\s+|through\s+)?"
    rf"(?:(?:back\s+)?(?:to|with|through)\s+)?{_SOMEONE}\b"
    r"|\b(?:want|need|get|give|prefer|rather\s+have|like|find)\s+(?:me\s+)?"
    rf"(?:to\s+(?:talk|speak|chat)\s+(?:to|with)\s+)?{_SOMEONE}\b"
    rf"|\b{_SOMEONE}\s+(?:please|pls|plz|now)\b"
    r"|\b(?:no|not|dont\s+want|do\s+not\s+want|stop|hate|enough\s+of)\s+"
    r"(?:(?:a|an|the|this|talking\s+to\s+(?:a|an|the)?)\s*)?(?:bots?|robots?|machines?|ai|chat\s?bots?)\b"
    r"|\b(?:someone|somebody|a\s+person|a\s+human|an\s+agent|staff|anyone)\s+(?:\w+\s+){0,3}?"
    r"(?:call|ring|phone|contact|email)\s+(?:me|us)\b"
    rf"|{_ESCALATE}|{_NOBODY_ANSWERS}|{_SALES}|{_WHO_TO_TALK_TO}"
)
# The requests above the intent model never learnt as one: the orchestrator takes them as a person asked for
# whatever the label, where the rest of the rule only overrules a label that names nothing we answer.
# "I need a human asap, the site is down", "get me a person now": a person needed, in words that leave no doubt of
# it, beside an outage the model reads as a technical question (0.81), whose answer (a guide, the incident) was given
# instead of the person. Only words for a person to talk to: not "someone" or "a team" ("I need someone to have
# admin", "we want a team plan"), nor "add a person to my team".
_NEEDS_A_PERSON = (r"\b(?:(?:i|we)\s+(?:really\s+|just\s+)?(?:need|want)|get\s+(?:me|us)|give\s+(?:me|us)|"
                   r"find\s+(?:me|us))\s+(?:to\s+(?:talk|speak|chat)\s+(?:to|with)\s+)?(?:a|an)\s+"
                   r"(?:(?:real|actual|live)\s+)?(?:human(?:\s+being)?|person|representative|human\s+agent)\b"
                   r"(?!\s+(?:to\s+(?:be|have|get|join)|on|in|added|invited|as|with|who)\b)")
# "Ok please connect me", "can you connect me?", "put me through": to whom goes without saying in a support chat (the
# scope reply came, or the custom domains' entry as a guess, for "connect").
_CONNECT_ME = (r"^\W*(?:(?:ok(?:ay)?|yes|yeah|yep|then|so|fine|please|pls|just|(?:can|could|would|will)\s+(?:you|u))[,\s]+)*"
               r"(?:please\s+)?(?:connect|transfer|put)\s+me(?:\s+through)?(?:\s+(?:now|please|pls|then|already|asap))*\W*$")
ASKS_TO_ESCALATE = re.compile(rf"{_ESCALATE}|{_NOBODY_ANSWERS}|{_SALES}|{_NEEDS_A_PERSON}|{_WHO_TO_TALK_TO}|{_CONNECT_ME}")
# "Is there a real person behind this? I want one", "are you human? I need one": the person the question names,
# asked for with a pronoun. Past the question, "I want one" names no one, and the request was answered as a question.
# Only a person named by the question: "are you a bot? I want one" wants no person, nor "I want one of those".
_NAMES_A_PERSON = re.compile(r"\b(?:persons?|humans?|people|agents?|staff)\b")
_WANTS_ONE = re.compile(r"\b(?:(?:i|we)\s+(?:really\s+|just\s+)?(?:want|need|would\s+like|d\s+like|prefer)|"
                        r"(?:can|could|may)\s+(?:i|we)\s+(?:have|get|talk\s+to|speak\s+(?:to|with))|"
                        r"(?:get|give|find|put)\s+(?:me|us)(?:\s+through\s+to)?)\s+(?:one|them)\b"
                        r"(?!\s+(?:of|for|like|that|which|to|too|day|more|thing)\b)")
# "The incident": a message that speaks of one, whichever it means (the open incidents are then looked up).
NAMES_AN_INCIDENT = re.compile(r"\bincidents?\b", re.IGNORECASE)
# Ways to reach support that the demo company does not have: a phone line, an email address to write to.
_PHONE = (r"\b(?:your|support|contact|customer\s+service|northwind|help)\s+(?:phone|telephone|hotline|helpline)"
          r"(?:\s+(?:number|line|no|support))?"
          r"|\b(?:the|a|any)\s+(?:support\s+|contact\s+)?(?:phone|telephone)\s+(?:number|line|support)"
          r"|\b(?:phone|telephone)\s+(?:support|number|line)\s+(?:for|to)\s+(?:support|you|call|reach|northwind)"
          r"|\bphone\s+support|\bcall\s+cent(?:er|re)|\bhotline|\bhelpline"
          r"|\b(?:your|support|contact|the\s+support)\s+(?:phone\s+)?number(?!\s+of)"
          r"|\bnumber\s+(?:(?:for|of)\s+(?:the\s+)?(?:support|customer\s+(?:service|support)|northwind)|(?:i|we)\s+can\s+call"
          r"|to\s+call)"
          r"|\b(?:can|could|may|do|should)\s+(?:i|we)\s+(?:call|ring|phone|telephone)(?:\s+(?:you|u|support|someone|"
          r"somebody|anyone|northwind|your\s+team|the\s+team)\b|\s*$)"
          r"|\b(?:can|could|will|would)\s+(?:you|u)\s+(?:call|ring|phone)\s+(?:me|us)\b"
          # "Who can I call for urgent issues?" (the scope reply).
          r"|\bwho\s+(?:can|could|do|should)\s+(?:i|we)\s+(?:call|ring|phone)\b|\bwho\s+to\s+(?:call|ring|phone)\b"
          r"|\bgive\s+(?:me|us)\s+a\s+(?:call|ring)\b"
          # "Phone number?", "and a phone?" alone (after the company's address: the scope reply).
          r"|^\W*(?:(?:and|what\s+about|how\s+about|ok(?:ay)?|any)[,\s]+)?(?:a\s+|your\s+)?(?:phone|telephone)"
          r"(?:\s+(?:number|line|support))?\s*[?.!]*\s*$")
_EMAIL = (r"\b(?:your|support|contact|the\s+support|customer\s+service|northwind)\s+(?:support\s+|contact\s+)?"
          r"e-?mail(?:\s+address)?\b"
          r"|\b(?:e-?)?mail(?:\s+address)?\s+(?:(?:for|of|to\s+contact)\s+)(?:the\s+)?(?:support|you|northwind"
          r"|custom(?:er|e)\s+(?:service|support)|"
          r"your\s+(?:support|team))\b"
          r"|\be-?mail(?:\s+address)?\s+(?:(?:that|which)\s+)?(?:i|we)\s+(?:can|could|should)\s+(?:write|send|mail|"
          r"reach|contact|use)"
          r"|\bis\s+there\s+(?:a|an|any)\s+(?:support\s+|contact\s+)?e-?mail(?:\s+address)?\s*(?:to\s+(?:write|contact|"
          r"reach)|$)"
          r"|\b(?:can|could|may|do|should)\s+(?:i|we)\s+(?:e-?mail|write\s+to|mail)\s+(?:you|u|support|someone|"
          r"northwind|your\s+team|the\s+team)\b")
# "What is your company address?", "northwind's postal address", "where is your office?": where the company is, which
# the help centre does not give. Not the customer's own ("our company address on invoices", "my billing address"),
# nor an email address ("your email address" is _EMAIL's).
_POSTAL = (r"\b(?:your|northwinds)\s+(?:company\s+|business\s+|office\s+|postal\s+|mailing\s+|registered\s+|"
           r"head\s+office\s+|physical\s+|street\s+|mail\s+)?address\b"
           r"|\baddress\s+(?:of|for)\s+(?:your\s+(?:company|office|business|headquarters)|northwind)\b"
           r"|\bwhere\s+(?:is|are)\s+(?:your|northwinds)\s+(?:office|offices|headquarters|hq)\b")
# "Can I contact you by phone?", "reach support via email": a channel named after the one asked to reach.
_BY = (r"\b(?:contact|reach|get\s+in\s+touch\s+with|talk\s+to|speak\s+to|write\s+to)\s+(?:you|u|support|northwind|"
       r"someone|your\s+team|the\s+team)\s+(?:by|via|over|on|through)\s+(?:the\s+)?")
ASKS_FOR_PHONE = re.compile(rf"{_PHONE}|{_BY}(?:phone|telephone)\b")
ASKS_FOR_EMAIL = re.compile(rf"{_EMAIL}|{_BY}(?:e-?mail|mail)\b")
ASKS_FOR_POSTAL_ADDRESS = re.compile(_POSTAL)
ASKS_HOW_TO_REACH_SUPPORT = re.compile(rf"{ASKS_FOR_PHONE.pattern}|{ASKS_FOR_EMAIL.pattern}|{_POSTAL}")
# The customer's own phone or address ("I lost my phone", "the email address on my account"): never support's.
_OWN_CHANNEL = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:phone|number|e-?mail|address|inbox)\b"
                          r"|\b(?:the\s+)?(?:phone\s+|e-?mail\s+)?(?:phone|number|e-?mail|address)\s+"
                          r"(?:on|of|for|in|from)\s+(?:my|our)\b")
# What may be said around such a question without asking anything else ("hi, quick question: are you a bot?").
_AROUND_A_QUESTION = frozenset({
    "hi", "hello", "hey", "hiya", "there", "please", "so", "just", "quick", "question", "questions", "wondering",
    "curious", "out", "of", "curiosity", "by", "the", "way", "btw", "ok", "okay", "um", "hmm", "honestly", "really",
    "actually", "i", "was", "am", "im", "to", "know", "tell", "me", "can", "could", "you", "u", "do", "does", "is",
    "are", "what", "whats", "which", "where", "how", "a", "an", "any", "have", "has", "get", "give", "find", "for",
    "your", "support", "customer", "service", "northwind", "cloud", "team", "guys", "or", "and", "also", "then",
    "thanks", "thank", "that", "this", "it", "theres", "number", "line", "address", "help", "with",
    "urgent", "billing", "sales", "technical", "issues", "if", "possible", "anyway", "good", "morning", "afternoon",
    "evening", "wanted", "want", "would", "like", "we", "talking", "on", "whether", "call", "reach",
    "contact", "write", "ring", "send", "dial", "use", "specify", "confirm", "assistance", "at", "in", "here", "now",
    "yet", "offer", "provide",
    # "I want to see the phone number of Client Service", "I need information, what do I have to do to call ...".
    "see", "view", "need", "information", "info", "about", "client",
    # "Can I call you on weekends?", "is there a phone number for emergencies?": when support is wanted (SUPPORT_TIMES).
    "weekend", "weekends", "night", "nights", "emergency", "emergencies", "outside", "hours", "saturday", "saturdays",
    "sunday", "sundays", "holidays", "after", "late",
})
# A time or an urgency named beside another way to reach support asked for: the entry on support hours says when people
# are there, beside the contact reply.
_SUPPORT_TIMES = re.compile(r"\b(?:weekends?|nights?|emergenc(?:y|ies)|urgent(?:ly)?|outside\s+(?:of\s+)?(?:office\s+|business\s+)?"
                            r"hours|after\s+hours|saturdays?|sundays?|holidays|late)\b", re.IGNORECASE)


def contact_asked_of_a_time(text: str) -> bool:
    """"Can I call you on weekends?", "who can I call for urgent issues?": another way to reach support, asked of a time
    or an urgency."""
    return bool(_SUPPORT_TIMES.search(text))


# "Do I get weekend support?", "what support do I get on Pro?", "when is support open?", "when can I reach a human?":
# questions about the support itself, its hours and what each plan gets, which the help centre's entry on support
# hours and the plans answer. The word "support" leads the model to "human" (at 0.34 for the second), but asking
# about support is not asking for a person. Not a need stated ("I need weekend support now"), which may be one, nor
# the verb ("do you support websockets on the free plan?").
_SUPPORT = r"(?:support|customer\s+service|help\s*desk|support\s+team|support\s+staff)"
_WHEN = (r"(?:weekends?|weekdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
         r"(?:bank\s+|public\s+)?holidays?|christmas|easter|new\s+years?(?:\s+day)?|nights?|overnight|evenings?|"
         r"mornings?|24\s*7|24\s+hours?|(?:a)?round\s+the\s+clock|out\s+of\s+hours|after\s+hours)")
# "On sundays", "at night", "over the weekend", "24/7": when, after the words that lead to it.
_AT_WHEN = rf"(?:(?:on|at|during|over|in|for|through)\s+)?(?:(?:the|a|an)\s+)?{_WHEN}"
# Who or what is asked to be there: us, anyone of us, the support team.
_YOU = r"(?:you|u|ya|you\s+guys|you\s+all|your\s+(?:team|staff|agents|people|office))"
_SOMEONE_THERE = r"(?:anyone|anybody|someone|somebody|a\s+(?:real\s+)?(?:person|human)|people|staff|an\s+agent)"
_THERE = r"(?:open|available|around|staffed|online|reachable|working|there|on\s+hand|in|closed)"
_PLANS = r"(?:free|pro|business|(?:my|each|every|the|a|your)\s+(?:paid\s+)?(?:plans?|tiers?)|paid\s+plans?)"
ASKS_ABOUT_SUPPORT_HOURS = re.compile(
    rf"\b(?:{_WHEN}|priority|premium|dedicated|email|community|standard|enterprise|faster|better)\s+{_SUPPORT}\b"
    rf"|\b{_SUPPORT}\s+(?:hours|times|opening\s+(?:hours|times)|availability|levels?|tiers?|options?|"
    rf"response\s+times?|sla)\b"
    rf"|\b(?:get|gets|have|has|is|are|any|the|what|your|of|no)\s+{_SUPPORT}\s+(?:\w+\s+)?(?:on|at|over|during|in|for|"
    rf"with)\s+(?:the\s+)?(?:{_WHEN}|{_PLANS})\b"
    rf"|\bwhat\s+(?:kind|sort|type|types|level|levels)\s+of\s+{_SUPPORT}\b"
    rf"|\bwhat\s+{_SUPPORT}\s+(?:do|does|will|would|is|are|can|comes?)\b"
    rf"|\bhow\s+(?:good|fast|quick|quickly|responsive)\s+(?:is\s+)?(?:the\s+|your\s+)?{_SUPPORT}\b"
    # "How fast do you reply?", "what's your response time?" (the scope reply): how soon an answer comes.
    r"|\bhow\s+(?:fast|quickly|quick|soon|long)\s+(?:do|does|will|would|until|before)\s+(?:you|u|your\s+(?:team|staff|support)"
    # "How long does support take to reply?" too.
    r"|support|someone|somebody|they|a\s+person)\s+(?:(?:usually\s+)?take\s+to\s+)?(?:reply|replies|respond|responds|answer"
    r"|answers|get\s+back)\b"
    r"|\b(?:your|the|a|support|average)\s+response\s+times?\b"
    rf"|\b(?:is|are)\s+(?:your\s+|the\s+)?{_SUPPORT}\s+(?:\w+\s+)?(?:open|available|staffed|closed|around|"
    rf"there|working)\b"
    rf"|\bwhen\s+(?:is|are|does|do)\s+(?:your\s+|the\s+)?{_SUPPORT}\b"
    rf"|\bwhen\s+(?:can|could|will|do)\s+(?:i|we)\s+(?:reach|talk\s+to|speak\s+(?:to|with)|contact|get\s+hold\s+of)\s+"
    rf"(?:(?:a|an|the|your|some)\s+)?(?:(?:real|actual|live)\s+)?(?:person|human|agent|someone|somebody|staff|you|u|"
    rf"{_SUPPORT})\b"
    # The hours asked of us without the word "support" ("are you open on sundays?", "is anyone around at night?",
    # "what are your opening hours?", "are you 24/7?"): the same question, which the model reads as off topic
    # (out of scope at 0.73 for the first), or that the help centre's entry is not found for ("is support 24/7?"
    # shares no word with "around the clock").
    rf"|\b(?:are|r)\s+{_YOU}\s+(?:\w+\s+)?{_THERE}\s+{_AT_WHEN}\b"
    rf"|\b(?:are|r)\s+{_YOU}\s+(?:24\s*7|(?:a)?round\s+the\s+clock)\b"
    rf"|\b(?:do|does)\s+{_YOU}\s+(?:work|open|close|answer|reply)\s+{_AT_WHEN}\b"
    rf"|\b(?:is|are)\s+(?:there\s+)?{_SOMEONE_THERE}\s+(?:\w+\s+)?{_THERE}\s+{_AT_WHEN}\b"
    rf"|\b(?:is|are)\s+(?:your\s+|the\s+)?{_SUPPORT}\s+(?:{_THERE}\s+)?{_AT_WHEN}\b"
    rf"|\b(?:get|reach|contact|talk\s+to|speak\s+to)\s+(?:help|{_SUPPORT}|{_SOMEONE_THERE}|you|u)\s+{_AT_WHEN}\b"
    rf"|\bwhen\s+(?:are|r)\s+{_YOU}\s+{_THERE}\b"
    r"|\bwhat\s+(?:are\s+)?(?:your|the)\s+(?:opening\s+|business\s+|working\s+|office\s+)?(?:hours|times)\b"
    rf"|\bwhat\s+(?:hours|times|days)\s+(?:are|r|do)\s+{_YOU}\s+(?:{_THERE}|work|open)\b"
    rf"|\bwhat\s+time\s+(?:do|does)\s+{_YOU}\s+(?:open|close|start|finish)\b"
    # "Want help to check what hours i can reach customer service" (handed to a person, read as human at 0.97).
    rf"|\b(?:what|which)\s+(?:hours|times|days)\s+(?:(?:can|could|do)\s+)?(?:i|we)\s+(?:can\s+|could\s+)?"
    rf"(?:reach|contact|call|talk\s+to|speak\s+(?:to|with)|get\s+hold\s+of|get)\s+(?:(?:your|the)\s+)?(?:customer\s+)?{_SUPPORT}\b")
STATES_A_NEED = re.compile(r"\b(?:i|we)\s+(?:really\s+)?(?:need|want|require)\b|\bplease\b|\bpls\b|\bplz\b|"
                           r"\bnow\b|\basap\b|\bright\s+away\b|\bimmediately\b")


# "Wat can u do", "wut r u": "what" typed in a hurry ("u" and "r" the patterns read themselves).
_WHAT_TYPED = {"wat": "what", "wut": "what", "wht": "what", "whta": "what"}


def plain(text: str) -> str:
    """Lower case, apostrophes dropped ("what's" → "whats", "don't" → "dont"), "wat" read as "what", words split by
    single spaces."""
    text = text.lower().replace("’", "'").replace("'", "")
    return " ".join(_WHAT_TYPED.get(word, word) for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text))


def asks_what_answers(text: str) -> bool:
    """"Are you a bot?", "am I talking to a human?", "is this an AI?": whether a person or a program answers."""
    return bool(ASKS_WHAT_ANSWERS.search(plain(text)))


def asks_for_a_person(text: str) -> bool:
    """"Can I talk to a real person?", "I want a human", "no bots please": a person asked for, in so many words."""
    words = plain(text)
    return bool(ASKS_FOR_A_PERSON.search(words)) or _asks_for_the_person_named(words)


def _asks_for_the_person_named(words: str) -> bool:
    """"Is there a real person behind this? I want one": a question naming a person, then one asked for ("one",
    "them"). `words` are plain()."""
    question = ASKS_WHAT_ANSWERS.search(words)
    return (question is not None and bool(_NAMES_A_PERSON.search(question.group(0)))
            and bool(_WANTS_ONE.search(words, question.end())))


# "What languages do you support?", "is python 3.12 supported?", "does it support websockets?": support the verb.
_ASKS_IF_SUPPORTED = re.compile(
    r"\b(?:do|does|will|can|could|would)\s+(?:you|u|it|northwind|they|the\s+\w+|your\s+\w+)\s+(?:still\s+|also\s+)?"
    r"support\b(?!\s+(?:hours|team|staff|times|(?:on\s+|at\s+|over\s+|during\s+)?(?:the\s+)?(?:weekends?|sundays?"
    r"|saturdays?|holidays|nights?|24/?7)))|\bsupported\b",
    re.IGNORECASE)
# The help centre's entry on the hours of support ("What are your support hours?").
_SUPPORT_HOURS_ENTRY = re.compile(r"\bsupport\s+hours\b", re.IGNORECASE)


def asks_if_supported(text: str) -> bool:
    """Whether the message asks if the service supports something (a language, a feature), not about support."""
    return bool(_ASKS_IF_SUPPORTED.search(text))


def names_support_hours(question: str) -> bool:
    return bool(_SUPPORT_HOURS_ENTRY.search(question))


# "What hours can I reach customer service?", "what time do you open?": the hours themselves, asked in so many words.
_WHICH_HOURS = re.compile(r"\b(?:what|which)\s+(?:hours|times|days)\b|\bwhat\s+time\b|\b(?:opening|office|business)\s+hours\b")


def asks_which_hours(text: str) -> bool:
    """Whether a question about the support asks which hours or days it is there, in so many words."""
    words = plain(text)
    return asks_about_support_hours(text) and bool(_WHICH_HOURS.search(words))


def asks_about_support_hours(text: str) -> bool:
    """"Do I get weekend support?", "what support do I get on Pro?": a question about the support given (its hours,
    what a plan gets), not a request for it."""
    words = plain(text)
    return bool(ASKS_ABOUT_SUPPORT_HOURS.search(words)) and not STATES_A_NEED.search(words)


def asks_to_escalate(text: str) -> bool:
    """"Escalate please", "why is nobody answering?", "how do I contact sales?": a person asked for in words the
    intent model reads as off topic."""
    words = plain(text)
    return bool(ASKS_TO_ESCALATE.search(words)) or _asks_for_the_person_named(words)


def needs_a_person(text: str) -> bool:
    """"I need a human asap", "get me a person now": a person asked for in words that leave no doubt of it."""
    words = plain(text)
    return bool(re.search(_NEEDS_A_PERSON, words) or re.search(_CONNECT_ME, words))


# "What's the fastest way to get help?", "best way to contact support?" (the scope reply, or the support hours' entry as
# a guess): how to get help soonest, which is this chat and the person it passes to.
_BEST_WAY_TO_GET_HELP = re.compile(
    r"\b(?:fastest|quickest|best|easiest|fast|quick)\s+way\s+to\s+(?:get\s+(?:help|support|an?\s+answer|a\s+reply|in\s+touch"
    r"(?:\s+with\s+(?:you|support|northwind|someone))?)|contact\s+(?:you|support|northwind|someone|a\s+person)|reach\s+(?:you"
    r"|support|northwind|someone|a\s+person))\b", re.IGNORECASE)


def asks_the_best_way_to_get_help(text: str) -> bool:
    """"What's the fastest way to get help?": how to get help soonest."""
    return bool(_BEST_WAY_TO_GET_HELP.search(text))


def asks_how_to_reach_support(text: str) -> bool:
    """"What's your phone number?", "can I call you?", "is there an email address I can write to?": another way
    to reach support than this chat; not the customer's own phone or address, nor a person asked for."""
    words = plain(text)
    own = _OWN_CHANNEL.sub(" ", words)
    return bool(ASKS_HOW_TO_REACH_SUPPORT.search(own)) and not asks_for_a_person(text)


# "What can you do?", "what can you help me with?", "how can you help?": what the assistant does. The FAQ search found
# the Free plan's entry for the first (0.92, above the shortcut's threshold), and nothing for the others. Not "what do
# you do?", which asks what Northwind does (the plans answer it).
ASKS_WHAT_YOU_CAN_DO = re.compile(
    r"\bwhat\s+(?:can|could|else\s+can)\s+(?:you|u)\s+(?:do|help(?:\s+(?:me|us))?(?:\s+with)?)\b"
    r"|\b(?:how|in\s+what\s+ways?)\s+(?:can|could)\s+(?:you|u)\s+help(?:\s+(?:me|us))?\b"
    r"|\bwhat\s+(?:do|are)\s+(?:you|u)\s+(?:able\s+to\s+)?help(?:\s+(?:me|us))?\s+with\b|\bwhat\s+are\s+you\s+for\b")


def identity_or_contact_asked(text: str) -> IdentityOrContact | None:
    """"identity" or "contact" for a message that asks only who is answering, or only how else to reach support
    (with a greeting or words around it, but no other question); None otherwise, and when a person is asked for
    in so many words ("are you a bot? I want a real person"), which is a request the handoff answers."""
    words = plain(text)
    identity = ASKS_WHAT_ANSWERS.search(words)
    # "Is this chat with a real person?" names a person without asking for one: read past the question.
    if not words or ASKS_FOR_A_PERSON.search(ASKS_WHAT_ANSWERS.sub(" ", words)) or _asks_for_the_person_named(words):
        return None
    contact = ASKS_HOW_TO_REACH_SUPPORT.search(_OWN_CHANNEL.sub(" ", words))
    if identity is None and contact is None:
        can_do = ASKS_WHAT_YOU_CAN_DO.search(words)
        if can_do is not None and not set(ASKS_WHAT_YOU_CAN_DO.sub(" ", words).split()) - _AROUND_A_QUESTION:
            return "capabilities"
        return None
    rest = ASKS_HOW_TO_REACH_SUPPORT.sub(" ", ASKS_WHAT_ANSWERS.sub(" ", words))
    if set(rest.split()) - _AROUND_A_QUESTION:
        return None
    return "identity" if identity else "contact"


# "Is that real or a scam?" after a payment email was spoken of: whether what the customer received is genuine, not
# whether a person answers ("I'm Northwind Cloud's automated support assistant, not a person" came).
ASKS_IF_GENUINE = re.compile(r"\b(?:scam\w*|phish\w*|fraud\w*|legit(?:imate)?|genuine|spoof\w*)\b", re.IGNORECASE)


def asks_what_answers_only(text: str) -> bool:
    """"Are you a real person?", "am I talking to a human?": asks whether a person answers, without asking for one
    ("are you a bot? I want a real person" asks for one). The classifier's "human" is then a misreading."""
    words = plain(text)
    return (bool(ASKS_WHAT_ANSWERS.search(words)) and not ASKS_FOR_A_PERSON.search(ASKS_WHAT_ANSWERS.sub(" ", words))
            and not _asks_for_the_person_named(words) and not ASKS_IF_GENUINE.search(words))


def asks_for_phone(text: str) -> bool:
    return bool(ASKS_FOR_PHONE.search(_OWN_CHANNEL.sub(" ", plain(text))))


def asks_for_email(text: str) -> bool:
    return bool(ASKS_FOR_EMAIL.search(_OWN_CHANNEL.sub(" ", plain(text))))


NOT_A_PERSON = "I'm Northwind Cloud's automated support assistant, not a person."
# Worded with OFFER_PERSON, so a "yes" after it is read as accepting the offer (the offline classifier's rule).
_PERSON_HERE = (f"If you'd rather talk to a person, I can {OFFER_PERSON} from our support team, who will reply right "
                "here in this chat: just say so.")


def asks_for_postal_address(text: str) -> bool:
    return bool(ASKS_FOR_POSTAL_ADDRESS.search(_OWN_CHANNEL.sub(" ", plain(text))))


def identity_reply() -> str:
    """The honest answer to "are you a bot?": what answers, and that a person is a request away."""
    return f"{NOT_A_PERSON} I can help with your account, billing and plans, and with your apps. {_PERSON_HERE}"


_A_MACHINE = re.compile(r"\b(?:bot|robot|chat\s?bot|ai|machine|computer|program|assistant|chat\s?gpt|gpt|llm|language\s+model"
                        r"|automated|automatic)\b")
_A_PERSON = re.compile(r"\b(?:person|human|people|real|alive)\b")


def identity_asked_again(text: str, reply: str) -> str | None:
    """"Are you a bot?" right after "who are you?" was answered: the same answer, led by the yes or no the question asks
    for ("my answer is the same" and the answer again read as a bot on a loop). None for any other message or reply."""
    words = plain(text)
    if reply != identity_reply() or (asked := ASKS_WHAT_ANSWERS.search(words)) is None:
        return None
    machine, person = _A_MACHINE.search(asked.group(0)), _A_PERSON.search(asked.group(0))
    # "A bot or a person?" asks which, and "an agent?" either: no yes or no answers those.
    lead = "As I said," if bool(machine) == bool(person) else "Yes, as I said:" if machine else "No, as I said:"
    return f"{lead} {identity_reply()}"


def contact_reply(text: str) -> str:
    """"What's your phone number?": no number or address is made up; support is given here, and a person too."""
    phone, email = asks_for_phone(text), asks_for_email(text)
    if asks_for_postal_address(text) and not (phone or email):
        # "What is your company address?": no fact gives one (the help centre's entry on company details is about
        # the customer's own, on their invoices), so none is made up.
        return ("Our help centre doesn't give Northwind Cloud's company address, so I'd rather not guess one. A person "
                f"from our support team may be able to help: I can {OFFER_PERSON}, who will reply right here in this "
                "chat. Just say so.")
    missing = ("a phone number" if phone and not email else "an email address" if email and not phone
               else "a phone number or an email address")
    return (f"I'm afraid I don't have {missing} I can give you for support: Northwind Cloud's support is given right "
            f"here, in this chat, and I can help with most questions straight away. {_PERSON_HERE}")


def capabilities_reply() -> str:
    """"What can you do?": what the assistant helps with, and that a person is a request away."""
    return ("I'm Northwind Cloud's support assistant. I can help with your invoices, payments, refunds and plan; your "
            "account, sign-in and two-factor; and your apps: deploys, domains, certificates and API errors. "
            f"{_PERSON_HERE} What can I help you with?")


def identity_or_contact_reply(kind: IdentityOrContact, text: str) -> str:
    if kind == "capabilities":
        return capabilities_reply()
    return identity_reply() if kind == "identity" else contact_reply(text)


# Ways to pay a customer may ask about, by the words they use for them, with how a reply names each.
PAYMENT_METHODS: dict[str, str] = {
    "paypal": "PayPal", "pay pal": "PayPal", "crypto": "crypto", "cryptocurrency": "cryptocurrency",
    "cryptocurrencies": "cryptocurrencies", "bitcoin": "Bitcoin", "btc": "Bitcoin", "ethereum": "Ethereum",
    "apple pay": "Apple Pay", "google pay": "Google Pay", "gpay": "Google Pay", "venmo": "Venmo",
    "klarna": "Klarna", "alipay": "Alipay", "wechat pay": "WeChat Pay", "sepa": "SEPA direct debit",
    "direct debit": "direct debit", "bank transfer": "bank transfer", "cheque": "cheque", "check": "cheque",
    "cash": "cash", "gift card": "gift cards", "gift cards": "gift cards", "visa": "Visa",
    "mastercard": "Mastercard", "master card": "Mastercard", "amex": "American Express",
    "american express": "American Express", "discover": "Discover", "diners club": "Diners Club", "jcb": "JCB",
    "maestro": "Maestro", "ideal": "iDEAL", "sofort": "Sofort", "ach": "ACH", "upi": "UPI",
}
_METHOD_NAMES = "|".join(sorted((re.escape(name) for name in PAYMENT_METHODS), key=len, reverse=True))
# "Do you take paypal or crypto", "can I pay with bitcoin?", "is apple pay accepted?". A cheque only when paid by.
_PAY_VERB = (r"(?:take|takes|accept|accepts|support|supports|allow|allows|use|pay(?:ing)?\s+(?:with|by|via|using|in|"
             r"through)|payments?\s+(?:with|by|via|in|through))")
# "Paypal?", "and apple pay?", "ok what about crypto?": nothing but a way to pay that is nothing else ("check?" and "visa?"
# are), asked after the ways we accept or on its own. It got the invoice list.
_ONLY_A_WAY_TO_PAY = ("paypal|pay pal|cryptocurrency|cryptocurrencies|crypto|bitcoin|btc|ethereum|apple pay|google pay"
                      "|gpay|venmo|klarna|alipay|wechat pay|sepa|direct debit|bank transfer|amex|american express"
                      "|mastercard|master card")
ASKS_PAYMENT_METHOD = re.compile(
    rf"\b{_PAY_VERB}\s+(?:(?:a|an|the|your|my)\s+)?(?:{_METHOD_NAMES})\b"
    rf"|\b(?:{_METHOD_NAMES})\s+(?:(?:is|are)\s+)?(?:accepted|supported|allowed|ok|okay|possible|an\s+option)\b"
    rf"|^\W*(?:(?:ok(?:ay)?|so|but|hmm+)[,\s]+)?(?:(?:and|or|what\s+about|how\s+about|also)\s+)?(?:{_ONLY_A_WAY_TO_PAY})"
    rf"(?:\s*(?:,|or|and)\s*(?:{_ONLY_A_WAY_TO_PAY}))*(?:\s+(?:too|then|instead))?\W*$")
_METHOD_MENTION = re.compile(rf"\b(?:{_METHOD_NAMES})\b")


def unlisted_payment_methods(text: str, listed_in: str) -> list[str]:
    """The ways to pay the message asks about that `listed_in` (the help centre's list) does not name."""
    listed = listed_in.lower()
    return [method for method in payment_methods_asked(text) if method.lower() not in listed]


# "What payment options do you have?", "your accepted payment options", "ur allowed payment modalities", "which ways can I
# pay?": the ways to pay we accept, none named. Not "how do I change my payment method?", which asks about the card on file.
_ASKS_WAYS_TO_PAY = re.compile(
    r"\b(?:accepted|allowed|available|supported|possible|other|different|acceptable)\s+(?:payment|paying)\s+"
    r"(?:options?|methods?|modalit(?:y|ies)|types?|ways?|choices?)\b"
    r"|\b(?:payment|paying)\s+(?:options|modalities|choices)\b"
    # "Where do i see your payment mehods?" (the invoice list): the list asked for, with the slips it is typed with.
    r"|\b(?:your|ur|the)\s+payment\s+(?:methods|mehods|methds|metods|methos)\b"
    r"|\b(?:what|which)\s+(?:payment|paying)\s+(?:methods?|options?|types?)\s+(?:do|can|are|does|r|is)\b"
    r"|\b(?:what|which)\s+ways?\s+(?:can|do|could)\s+(?:i|we)\s+pay\b|\bways?\s+(?:to|of)\s+pay(?:ing|ment)?\b"
    # "I don't know how to check the payment methods": the list of them, asked to be seen.
    r"|\b(?:check|see|view|list|know|find)\s+(?:the|your|ur)\s+(?:payment|paying)\s+(?:methods|options)\b"
    # "How do I pay?", "how can I pay for pro?" after asking to upgrade (the steps to replace a card, or nothing): how
    # one pays us at all, with nothing of theirs named to pay. Not "how do I pay my invoice?".
    # "What cards do you take?", "which credit cards can you accept": the cards we accept, none named ("not enough
    # information": "take" shares no word with the entry).
    # "What card types do you take?" (the card on file: none for Carol).
    r"|\b(?:what|which)\s+(?:kinds?\s+of\s+|types?\s+of\s+)?(?:credit\s+|debit\s+)?cards?(?:\s+(?:types?|kinds?|brands?))?\s+"
    r"(?:do|does|can|will)\s+(?:you|u|northwind)\s+(?:take|accept|allow|support)\b"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|then)[,\s]+)?how\s+(?:do|can|could|would|should)\s+(?:i|we)\s+pay"
    r"(?:\s+(?:you|for\s+(?:it|that|this|(?:the\s+|an?\s+)?(?:upgrade|plan|subscription)|(?:the\s+)?(?:pro|business)"
    r"(?:\s+plan)?)))?(?:\s+(?:then|please|pls))?\W*$",
    re.IGNORECASE)


def asks_which_ways_to_pay(text: str) -> bool:
    """Whether the message asks which ways to pay we accept, naming none ("what payment options do you have?")."""
    return bool(_ASKS_WAYS_TO_PAY.search(plain(text)))


def plan_a_way_to_pay_is_for(method: str, methods_told: str) -> str | None:
    """The one plan the sentence of `methods_told` (the help centre's list of ways to pay) that names `method` gives it
    to ("Business customers can also pay yearly by bank transfer …": "Business"); None when it names none, or several."""
    said = next((s for s in re.split(r"(?<=[.!?])\s+", methods_told) if method.lower() in s.lower()), "")
    named = [plan for plan in PLANS_CHEAPEST_FIRST if re.search(rf"\b{plan}\b", said)]
    return named[0] if len(named) == 1 else None


def payment_methods_asked(text: str) -> list[str]:
    """The ways to pay a message asks whether we accept, as a reply names them, in order ([] when it asks none).
    "Check" counts only where it is asked to pay by ("can I pay by check?"), not "check my invoice"."""
    words = plain(text)
    if not ASKS_PAYMENT_METHOD.search(words):
        return []
    named = []
    for mention in _METHOD_MENTION.finditer(words):
        word = mention.group(0)
        if word == "check" and not re.search(rf"{_PAY_VERB}\s+(?:a\s+)?check\b", words):
            continue
        named.append(PAYMENT_METHODS[word])
    return list(dict.fromkeys(named))


# "I found a security vulnerability in your login page", "where do I report a security issue?", "responsible
# disclosure", "bug bounty", "I found an XSS on your dashboard": a report for our security people, which the help
# centre has no process for. Not the customer's own account security ("is my account secure?", "someone hacked
# me"), which the account's facts and the lock answer.
REPORTS_A_SECURITY_ISSUE = re.compile(
    r"\b(?:security\s+(?:vulnerabilit(?:y|ies)|issue|issues|bug|bugs|flaw|flaws|hole|holes|problem|report)"
    r"|vulnerabilit(?:y|ies)|responsible\s+disclosure|bug\s+bounty|exploit|xss|cross[-\s]site\s+scripting"
    r"|sql\s+injection|csrf|rce|remote\s+code\s+execution|cve-\d+)\b",
    re.IGNORECASE)
SECURITY_REPORT_REPLY = (
    "Thank you for telling us. Our help centre doesn't describe a process for security reports, so this should go "
    "straight to a person from our team: would you like me to pass you to a person? Please don't post the details, "
    "or any passwords or keys, here until they ask."
)


# "I want to report a bug", "how do I report a bug?", "where can I file a bug report?": a report with nothing in it yet.
# Read as an account or billing question, a visitor was asked to sign in to see their invoices. With what went wrong
# in the message ("there's a bug, my deploy fails"), it is that problem, for the guides.
_WANTS_TO_REPORT_A_BUG = re.compile(
    r"^\W*(?:(?:hi|hello|hey)\W+)?(?:i\s+(?:want|would\s+like|'d\s+like|need)\s+to|i'?d\s+like\s+to|can\s+i|"
    r"how\s+(?:do|can)\s+i|where\s+(?:do|can)\s+i|i\s+(?:have|found|think\s+i\s+found)|there'?s|there\s+is)\s+"
    r"(?:report|file|submit|log|raise|an?)?\s*(?:an?\s+)?(?:bug|issue\s+with\s+(?:the|your)\s+(?:site|dashboard))"
    r"(?:\s+report)?(?:\s+(?:to\s+you|with\s+you|here))?\W*$",
    re.IGNORECASE)
BUG_REPORT_REPLY = (
    "Thank you for letting us know. Tell me what happened: what you did, what you expected and what you saw instead, and "
    "where (your app, the dashboard or the API). If it's about one of your apps I'll look for a fix straight away; "
    "otherwise I can pass you to a person from our team, who will take the report: just say so."
)




def wants_to_report_a_bug(text: str) -> bool:
    """Whether the message only says the customer wants to report a bug (nothing about it yet)."""
    return bool(_WANTS_TO_REPORT_A_BUG.search(text)) and not reports_a_security_issue(text)


# "My api key was leaked", "I accidentally pushed our token to github": a key of theirs out in the open (the environment
# guide's step on marking keys **Secret**, "as fitting", then its step on redeploying for "how do I make a new one?").
# Not a password, whose reset the help centre describes.
_LEAKED_KEY = rf"(?:{KEY_OR_TOKEN}|credentials?|secrets?)"
_REPORTS_A_LEAKED_KEY = re.compile(
    rf"\b{_LEAKED_KEY}\b[^.?!]{{0,30}}\b(?:leaked|leak|exposed|compromised|stolen|published|made\s+public|got\s+out"
    r"|(?:pushed|committed)\s+to\s+(?:github|gitlab|a\s+public\s+repo))\b"
    rf"|\b(?:leaked|exposed|(?:pushed|committed|posted|published))\b[^.?!]{{0,20}}\b(?:my|our|the|an?)\s+{_LEAKED_KEY}\b",
    re.IGNORECASE)
LEAKED_KEY_REPLY = (
    "I'm sorry, that needs doing quickly: a key that leaked should be replaced and the old one switched off. Our help "
    "centre doesn't describe how to create or revoke API keys or tokens, so I'd rather not guess the steps, and a person "
    "from our team can help you do it now: would you like me to pass you to a person? Please don't paste the key here."
)


def reports_a_leaked_key(text: str) -> bool:
    """Whether the message says an API key, token or other secret of theirs has leaked."""
    return bool(_REPORTS_A_LEAKED_KEY.search(text))


# "I think it leaked", "it's been exposed" right after "where do I find my api key?": the key named before.
_IT_LEAKED = re.compile(r"^\W*(?:(?:i\s+think|i\s+fear|i'?m\s+afraid|maybe|oh\s+no|oops|but)[,\s]+)*(?:it|that|this|they)"
                        r"(?:'s|\s+(?:has|have|was|were|is|may\s+have|might\s+have))?(?:\s+been)?\s+(?:leaked|exposed|compromised"
                        r"|stolen|published|made\s+public|got\s+out)\b", re.IGNORECASE)


_NAMES_A_KEY = re.compile(rf"\b{_LEAKED_KEY}\b", re.IGNORECASE)


def reports_the_key_named_before_leaked(ctx: SupportContext) -> bool:
    """"I think it leaked" right after a question that named an API key or token (it got "no guide one either")."""
    return bool(_IT_LEAKED.search(ctx.message)) and bool(_NAMES_A_KEY.search(previous_user_text(ctx) or ""))


# "How do I rotate my api key?", "how do i revoke it?" after a leaked key: the steps for a key, which the help centre
# doesn't describe ("no guide on that", after the leak's reply had said so already).
_REPLACES_A_KEY = re.compile(
    r"\b(?:rotate|rotating|revoke|revoking|regenerate|regenerating|replace|replacing|reset|resetting|roll|cycle|invalidate"
    r"|create|generate|make|get|delete|disable)\s+(?:(?:my|our|the|an?|a\s+new|new|this|that)\s+)*(?P<what>\S+(?:\s+\S+)?)",
    re.IGNORECASE)
# "Where do I find a new one?" after a key was named, as "where do I find it?".
_IT = re.compile(r"^(?:it|them|that|this|(?:new\s+)?one)\b", re.IGNORECASE)
KEY_STEPS_REPLY = (
    "Our help centre doesn't describe how to create, rotate or revoke API keys or tokens, so I'd rather not guess the "
    "steps. A person from our team can help you do it: would you like me to pass you to a person? Please don't paste "
    "the key here."
)


def asks_how_to_replace_a_key(ctx: SupportContext) -> bool:
    """"How do I rotate my api key?", or "how do I revoke it?" right after a key was named or said to have leaked: the
    steps for a key of theirs; so "where do I get a key?" right after our API was spoken of ("no guide on that" came)."""
    if key_asked_of_the_api(ctx) is not None:
        return True
    asked = _REPLACES_A_KEY.search(ctx.message)
    if asked is None or (not asks_how_to(ctx.message) and "?" not in ctx.message):
        return False
    if _NAMES_A_KEY.search(asked["what"]):
        return True
    return bool(_IT.match(asked["what"])) and (LEAKED_KEY_REPLY in last_assistant_text(ctx)
                                               or bool(_NAMES_A_KEY.search(previous_user_text(ctx) or "")))


# "My api key stopped working", "our token is invalid", "the api key doesn't work anymore": a key of theirs refused (the
# environment variables guide came, on keeping one's own keys secret). Not "add my stripe api key", a key the app uses.
_KEY_REFUSED = re.compile(
    rf"\b(?:(?:my|our|the)\s+)(?:northwind\s+)?{KEY_OR_TOKEN}\s+(?:(?:has|have|just|suddenly)\s+)*(?:stopped\s+working"
    r"|(?:is|are)\s+(?:not\s+working|no\s+longer\s+(?:working|valid|accepted))|(?:isn'?t|aren'?t)\s+(?:working|valid|accepted)"
    r"|(?:doesn'?t|don'?t|does\s+not|do\s+not)\s+work|(?:is|are|was|were|got)\s+(?:invalid|expired|revoked|rejected|disabled)"
    r"|expired)\b", re.IGNORECASE)
KEY_REFUSED_REPLY = (
    "Our help centre doesn't describe why an API key or token would stop working, or how to get a new one, so I'd "
    "rather not guess, and I can't see keys from this chat. A person from our team can look at it with you: would you "
    "like me to pass you to a person? Please don't paste the key here."
)


def reports_a_key_refused(text: str) -> bool:
    """Whether the message says an API key or token of theirs has stopped working."""
    return bool(_KEY_REFUSED.search(text))


# "Where do I find my api key?", "I lost my api key", "can you send me my token?", and "where do I find it?", "I lost it"
# right after a key was named: where a key of theirs is, or a copy of it ("no guide", the environment guide's step on
# marking secrets, or the password reset's entry for "send it to me").
_FINDS_A_KEY = re.compile(
    r"\b(?:where\s+(?:do|can|would|should)\s+(?:i|we)\s+(?:find|see|get|look\s+up|view)|where(?:'s|\s+is|\s+are)"
    r"|(?:i|we)\s+(?:lost|forgot|can'?t\s+find|cannot\s+find|misplaced|deleted)"
    r"|(?:can|could|will|would)\s+(?:you|u)\s+(?:please\s+)?(?:send|email|give|show|tell|remind)(?:\s+me|\s+us)?"
    r"|(?:send|email|show|give)\s+(?:me|us))\s+(?:(?:my|our|the|an?)\s+)?(?P<what>\S+(?:\s+\S+)?)",
    re.IGNORECASE)
KEY_WHEREABOUTS_REPLY = (
    "Our help centre doesn't describe where API keys are kept or how to get one again, so I'd rather not guess, and I "
    "can't see or send keys from this chat. A person from our team can help you: would you like me to pass you to a "
    "person? Please don't paste a key here."
)


def asks_where_a_key_is(ctx: SupportContext) -> bool:
    """"Where do I find my api key?", "I lost it" right after a key was named: where a key of theirs is, or a copy."""
    asked = _FINDS_A_KEY.search(ctx.message)
    if asked is None:
        return False
    if _NAMES_A_KEY.search(asked["what"]):
        return True
    return bool(_IT.match(asked["what"])) and bool(_NAMES_A_KEY.search(previous_user_text(ctx) or ""))


def reports_a_security_issue(text: str) -> bool:
    """Whether the message reports (or asks how to report) a security weakness in our service."""
    return bool(REPORTS_A_SECURITY_ISSUE.search(text))


# "Do you have an API?", "is there a public api", "does northwind offer a REST API?": whether the service has one,
# which the help centre's entry on the API's rate limits and its guides on API errors say (the model reads it as a
# general question no entry answers, 0.77). Not "my api returns 500", a fault, nor "what are the api limits?".
_ASKS_IF_THERE_IS_AN_API = re.compile(
    r"\b(?:do|does)\s+(?:you|u|ya|northwind)\s+(?:guys\s+)?(?:have|offer|provide|expose|support)\s+(?:an?\s+|any\s+)?"
    r"(?:public\s+|rest\s+|restful\s+|http\s+|developer\s+)?api\b"
    r"|\b(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:public\s+|rest\s+|restful\s+|http\s+|developer\s+)?apis?\b"
    r"|\bhave\s+(?:you|u)\s+got\s+an?\s+api\b",
    re.IGNORECASE)


def asks_if_there_is_an_api(text: str) -> bool:
    """Whether the message asks if the service has an API."""
    return bool(_ASKS_IF_THERE_IS_AN_API.search(text))


# "Is there a python sdk?", "do you have a CLI?", "where can I download your client library?": a tool for the API, which
# the help centre never mentions ("not enough information" came).
_API_TOOL = (r"(?P<tool>(?:(?:an?|any|the|your|official)\s+)*(?:[a-z]+\s+)?(?:sdks?|client\s+librar(?:y|ies)|cli|command[\s-]line"
             r"\s+(?:tools?|clients?|interface)|terraform\s+provider|api\s+(?:clients?|wrappers?)))")
_ASKS_FOR_AN_API_TOOL = re.compile(
    rf"\b(?:(?:is|are)\s+there|(?:do|does)\s+(?:you|u|northwind)\s+(?:guys\s+)?(?:have|offer|provide|publish|maintain)"
    rf"|(?:where|how)\s+(?:can|do)\s+(?:i|we)\s+(?:get|find|download|install))\s+{_API_TOOL}\b", re.IGNORECASE)


def api_tool_asked(text: str) -> str | None:
    """The tool for our API the message asks after ("a python sdk", "a CLI"), as written; None for another message."""
    found = _ASKS_FOR_AN_API_TOOL.search(text)
    return None if found is None else found["tool"]


# "How do I see my usage?" (the invoice list), "how many requests did I make today?" (the API's limits as a guess): the
# customer's own use of the service, which nothing here shows and no entry says where to see.
_USAGE_ASKED = re.compile(
    r"\b(?:see|check|view|find|track|monitor|know)\s+(?:my|our|the|current)\s+(?:api\s+|account\s+|current\s+)?"
    r"(?:usage|consumption|quota\s+usage|request\s+count)\b"
    r"|\b(?:what'?s|what\s+is|show\s+me)\s+(?:my|our)\s+(?:api\s+|current\s+)?(?:usage|consumption)\b"
    r"|\bhow\s+many\s+(?:api\s+)?(?:requests|calls)\s+(?:did|have|do)\s+(?:i|we)\s+(?:make|made|use|used|send|sent|have\s+left)\b"
    r"|\bhow\s+much\s+of\s+(?:my|our|the)\s+(?:api\s+)?(?:quota|limit|allowance)\s+(?:did|have)\s+(?:i|we)\s+used?\b",
    re.IGNORECASE)


def asks_about_own_usage(text: str) -> bool:
    """"How do I see my usage?": the customer's own use of the service, asked after."""
    return bool(_USAGE_ASKED.search(text))


# "I've been waiting 3 days for a reply from support", "no one replied to my email", "still no answer from your team",
# "nobody from support has answered me": a
# complaint that our people haven't answered (the scope reply, or "not enough information"). Waiting for a refund or a
# deploy is not it: those parts answer where it stands.
_WAITED_FOR_US = re.compile(
    r"\b(?:(?:been\s+)?waiting|waited)\s+(?:for\s+)?(?:\w+\s+){0,3}?(?:days?|hours?|weeks?|ages|forever|so\s+long|a\s+long\s+time)\b"
    r"|\bno\s*(?:one|body)\s+(?:(?:from|at|in|on)\s+(?!my\b|our\b)(?:\w+\s+){1,2}?)?(?:has\s+|ever\s+|have\s+)*(?:replied|answered"
    r"|responded|got\s+back|gets\s+back|called)\b"
    r"|\b(?:still\s+)?(?:no|haven'?t\s+(?:had|got(?:ten)?|received|heard)\s+(?:a|an|any))\s+(?:reply|response|answer)\b"
    r"|\bnever\s+(?:got|received|heard)\s+(?:a\s+|any\s+)?(?:reply|response|answer|back)\b", re.IGNORECASE)
_FROM_OUR_PEOPLE = re.compile(r"\b(?:support|team|ticket|emailed|agents?|staff|you\s+guys|anyone"
                              r"|any\s*one|someone|nobody|no\s*one|human|person)\b", re.IGNORECASE)


def complains_of_waiting_for_us(text: str) -> bool:
    """Whether the message complains that our support people haven't answered, however long it has waited."""
    words = plain(text)
    return bool(_WAITED_FOR_US.search(words) and _FROM_OUR_PEOPLE.search(words))


# "Is there a way to keep it awake?", "how do I stop my app from sleeping?", "can I disable sleep?": an app kept from
# sleeping, which only the plans it never sleeps on do (the scaling guide's steps came, whose step on a minimum instance
# says apps on Free sleep all the same).
_KEEPS_AN_APP_AWAKE = re.compile(
    r"\bkeep\w*\s+(?:it|them|my\s+apps?|the\s+apps?|our\s+apps?|my\s+site|the\s+site)\s+(?:awake|alive|warm|from\s+sleeping"
    r"|from\s+going\s+to\s+sleep)\b"
    r"|\b(?:stop|prevent)\w*\s+(?:it|them|my\s+apps?|the\s+apps?|our\s+apps?)\s+(?:from\s+)?(?:sleeping|going\s+to\s+sleep"
    r"|falling\s+asleep)\b"
    r"|\b(?:disable|turn\s+off|switch\s+off|avoid)\s+(?:the\s+)?(?:sleep|sleeping|app\s+sleep(?:ing)?)\b"
    r"|\bnever\s+(?:let\s+(?:it|them)\s+)?sleep\b"
    # "How do I make my app not sleep?" (the scaling guide's steps).
    r"|\bmake\s+(?:it|them|my\s+apps?|the\s+apps?|our\s+apps?|my\s+site)\s+(?:not\s+(?:go\s+to\s+)?sleep|stay\s+(?:awake|on)"
    r"|always\s+on|never\s+sleep)\b",
    re.IGNORECASE)


def asks_to_keep_an_app_awake(text: str) -> bool:
    """Whether the message asks how to keep an app from sleeping."""
    return bool(_KEEPS_AN_APP_AWAKE.search(text))
