"""Knowledge-base retrieval for the technical worker, and the incident a question is about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from agents.coding_help import ASKS_TO_WRITE_CODE
from agents.facts import ArticleFact, IncidentFact
from agents.outcome import ArticleMatch
from agents.providers.offline.faq import CHAR_SETTINGS, WORD_SETTINGS
from agents.providers.offline.faq import _content_words as _faq_content_words
from agents.providers.offline.text import normalise
from agents.providers.offline.tfidf import TfidfIndex
from agents.service_status import asks_if_the_service_is_down

_STEP = re.compile(r"^\s*\d+[.)]\s+(.*\S)\s*$", re.MULTILINE)
WORD_WEIGHT = 0.6


def article_steps(body: str) -> list[str]:
    """The numbered steps of an article body, without their numbers."""
    return _STEP.findall(body)


def article_lead(body: str) -> str:
    """What an article body says before its first numbered step, as one paragraph."""
    first_step = _STEP.search(body)
    return " ".join(body[:first_step.start() if first_step else len(body)].split())


# A place in the dashboard as the guides write it: "**App → Logs**", "**Settings → Domains → Add domain**".
_DASHBOARD_PATH = re.compile(r"\*\*([^*]*→[^*]*)\*\*")
# Words that ask to see something rather than say what: "how do I see my logs", "where can I find the metrics".
LOOKING_WORDS = frozenset(["see", "view", "find", "check", "look", "access", "read", "open", "show", "locate",
                           "where", "are", "is", "my", "the", "me", "i"])


def dashboard_places(step: str) -> set[str]:
    """The words of the dashboard places a step names ("**App → Logs**": logs), as topic_terms reads them."""
    return set().union(*(article_terms(path.replace("→", " ")) for path in _DASHBOARD_PATH.findall(step)))


def step_showing_where(text: str, steps: Sequence[str]) -> tuple[int, str] | None:
    """The step (numbered from 1) that names the dashboard place of everything the message asks to see ("how
    do I see my logs" and "Open **App → Logs** …"); None when the message names more than a place (can I
    stream my logs from the cli?) or no step names that place."""
    wanted = topic_terms(text) - article_terms(" ".join(LOOKING_WORDS))
    if not wanted:
        return None
    return next(((n, step) for n, step in enumerate(steps, start=1) if wanted <= dashboard_places(step)), None)


# "Where do I find my API key?", "where can I see my logs?": where to find something, which only a step naming its
# place in the dashboard answers. Not "where do I set env vars?", which asks how.
WHERE_TO_FIND = re.compile(r"^\W*where\s+(?:do|can|could|would|should)\s+(?:i|we|you)\s+(?:find|see|view|locate|look\s+up)\b",
                           re.IGNORECASE)
# "Where do I put my api keys?", "where should we store the database password?": where a secret is kept, which a guide
# answers only when its steps say how secrets are kept (the environment guide's "Mark API keys and passwords as
# **Secret**"); the rate limits guide, found for "api", keeps no key.
WHERE_TO_KEEP_A_SECRET = re.compile(
    r"^\W*where\s+(?:do|can|could|would|should)\s+(?:i|we|you)\s+(?:put|store|keep|save|place)\s+(?:(?:my|our|the|an?|"
    r"all|any)\s+)?(?:secrets?|credentials?|(?:api|database|db|access|secret|stripe|aws)\s+(?:keys?|tokens?|passwords?|"
    r"credentials?))\b",
    re.IGNORECASE)
# "My app crashed after the last deploy", "it broke since we deployed": a fault that began with a deploy, which the guides
# whose steps roll one back answer (the scaling guide, found for "crashed", has no such step, and led).
BEGAN_WITH_A_DEPLOY = re.compile(
    r"\b(?:after|since)\s+(?:(?:the|my|our|a|this|that|today'?s|yesterday'?s)\s+)?(?:(?:last|latest|recent|new)\s+)?"
    r"(?:deploy|deployment|release)\b|\b(?:after|since)\s+(?:i|we)\s+(?:deployed|redeployed|released)\b"
    r"|\b(?:after|since)\s+(?:re)?deploying\b",
    re.IGNORECASE)
_ROLLS_BACK = re.compile(r"\broll(?:ing)?\s*back\b", re.IGNORECASE)
# The app itself failing or slowed ("my app is slow since the last deploy": what changed with the deploy is the first
# suspect, as for a crash), not something its guide is about: a domain or a certificate.
_APP_FAILS = re.compile(r"\b(?:crash\w*|broke|broken|down|stopped\s+working|not\s+working|doesn'?t\s+work|won'?t\s+start"
                        r"|fail(?:s|ing|ed)?|errors?|slow|slower|sluggish|laggy)\b", re.IGNORECASE)
_NAMES_ANOTHER_SUBJECT = re.compile(r"\b(?:domains?|dns|certificates?|ssl|tls|https)\b", re.IGNORECASE)


def fault_began_with_a_deploy(text: str) -> bool:
    """"My app crashed after the last deploy": the app failing since a deploy, which a step to roll back answers."""
    return bool(BEGAN_WITH_A_DEPLOY.search(text) and _APP_FAILS.search(text)
                and not _NAMES_ANOTHER_SUBJECT.search(text))
STATUS_CODE = re.compile(r"\b[1-5]\d{2}\b")
# "Throwing 503s", "a few 502's", "5xxs": a status code said in the plural is still that code.
_PLURAL_STATUS_CODE = re.compile(r"\b([1-5](?:\d\d|xx))'?s\b", re.IGNORECASE)


def singular_status_codes(text: str) -> str:
    """The text with each status code said in the plural ("503s") as the code itself ("503")."""
    return _PLURAL_STATUS_CODE.sub(r"\1", text)
STATUS_CODE_BONUS = 0.25

# Error names a customer pastes from a log ("Error: listen EADDRINUSE :::3000", "OOMKilled") say
# exactly what went wrong, in words no guide uses: the search reads them as the plain words the help
# centre writes the same fault in.
ERROR_MEANINGS: dict[str, str] = {
    "eaddrinuse": "address already in use: the port the app listens on is taken",
    "etimedout": "connection timed out",
    "enomem": "out of memory",
    "oom": "out of memory",
    "oomkilled": "out of memory, killed",
}
# "My app keeps crashing" found no guide: an instance that dies is restarted, which the scaling guide's step on memory
# says. Read only when nothing more exact is named: "crashes on start: EADDRINUSE" is the port, the deploy guide's.
_CRASHES = frozenset({"crash", "crashes", "crashing", "crashed"})
_CRASH_MEANING = "instance restarted out of memory"
_ERROR_TOKEN = re.compile(r"[A-Za-z]+")
# Error messages of several words, read as the plain words a guide writes the same fault in. "Exited with code 137": a
# process killed by the kernel (128 + SIGKILL), on a host like ours for running out of memory. "Error: Cannot find
# module 'express'", "ModuleNotFoundError: No module named 'flask'": a dependency the build did not install, which the
# deploy guide's step on installing dependencies with the same lock file is about (it got "no guide").
ERROR_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:exit(?:ed)?\s+(?:with\s+)?(?:code|status)|status\s+code|error\s+code|code)\s+137\b",
                re.IGNORECASE), ERROR_MEANINGS["oomkilled"]),
    (re.compile(r"\bcannot\s+find\s+(?:module|package)\b|\bmodule\s+not\s+found\b|\bModuleNotFoundError\b"
                r"|\bno\s+module\s+named\b|\bERR_MODULE_NOT_FOUND\b|\bcould\s+not\s+resolve\s+dependenc"
                # "npm ERR! code ERESOLVE", "peer dependency conflict", "unable to resolve dependency tree".
                r"|\bERESOLVE\b|\bpeer\s+dep(?:endenc(?:y|ies))?\s+conflict|\bunable\s+to\s+resolve\s+dependenc",
                re.IGNORECASE), "dependencies install locally lock file build failed deploy"),
    # "My custom domain says not secure", "your connection is not private", "privacy error": what a browser
    # shows for a certificate it does not trust, which the TLS guide is about (the custom domains guide led, for
    # "domain").
    (re.compile(r"\bnot\s+secure\b|\binsecure\b|\bconnection\s+is\s+not\s+private\b|\bprivacy\s+error\b",
                re.IGNORECASE), "certificate not trusted browsers warn tls"),
    # "Build timed out after 15 minutes", "build exceeded the time limit": the failed-deploys guide's step on a build
    # that ran out of time (its words share only "build" with the message).
    (re.compile(r"\bbuilds?\b[^.?!]{0,30}\b(?:timed?\s*-?\s*out|exceeded\s+the\s+time(?:\s+limit)?)\b", re.IGNORECASE),
     "build ran out of time build cache"),
    # "My site is down", "our app isn't loading", "the website is unreachable": an app that answers nobody, which the
    # guide on 5xx errors and timeouts is about (no guide was found: "down" is in none).
    (re.compile(r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:site|website|app|application|api|service)\s+"
                r"(?:is|'s|seems|keeps|went|has\s+gone|goes|has\s+been|'s\s+been|have\s+been)\s+(?:\w+\s+)?(?:down|offline|unreachable|not\s+loading|not\s+responding)\b"
                r"|\b(?:my|our|the)\s+(?:\w+\s+)?(?:site|website|app|application)\s+(?:isn'?t|is\s+not|won'?t|doesn'?t)\s+"
                r"(?:load|loading|respond|responding|come\s+up|open)\b", re.IGNORECASE),
     "5xx errors server side app requests time out"),
    # "Port already in use", "EADDRINUSE", "what port should I use?", "my app crashes on startup": an app that does not
    # start where we route to it, which the failed-deploys guide's step on `PORT` is about ("no guide" came, or the
    # scaling guide's step on memory for "startup").
    (re.compile(r"\bEADDRINUSE\b|\baddress\s+already\s+in\s+use\b|\bport\s+(?:\d+\s+)?(?:is\s+)?already\s+(?:in\s+use|taken"
                r"|bound)\b|\b(?:what|which)\s+port\b"
                # "How do I set the port", "change the port my app uses" (no guide: `PORT` is a name the words never find).
                r"|\b(?:set|change|configure|choose|pick|specify|define|bind)\s+(?:the\s+|a\s+|my\s+|our\s+|its\s+)?"
                r"(?:\w+\s+)?port\b"
                r"|\b(?:crash(?:es|ed|ing)?|fails?|failing|dies|exits?)\s+(?:on|at|during)\s+(?:start(?:[\s-]?up)?|boot|launch)\b"
                r"|\b(?:won'?t|doesn'?t|does\s+not|will\s+not)\s+start(?:\s+up)?\b", re.IGNORECASE),
     "app builds fails on start listens PORT environment variable"),
)


# What a customer calls a resource the guides name otherwise: "my app needs more ram" is about the
# memory the scaling guide watches, "more cpu" about the instances it adds. Memory itself is the
# instances' too: "what's the memory limit on pro" shares "limit" with the rate-limits guide, whose limit
# is on API requests, and only "memory" with the scaling guide.
RESOURCE_MEANINGS: dict[str, str] = {
    "ram": "memory instances scaling",
    "memory": "instances scaling",
    "cpu": "instances scaling",
    "cpus": "instances scaling",
    "vcpu": "instances scaling",
    "vcpus": "instances scaling",
}


# A verb as a customer says it, which the guides write as a noun their light stemming reads apart: "how do I scale
# my app?" shares no word with "Scaling and cold starts" ("scale" stays "scale", "scaling" becomes "scal").
VERB_MEANINGS: dict[str, str] = {
    "scale": "scaling",
    "scales": "scaling",
}


def with_error_meanings(text: str) -> str:
    """The text followed by the plain meaning of each error name, resource or verb it names (none: the text as
    it is)."""
    tokens = _ERROR_TOKEN.findall(text.lower())
    meanings = dict.fromkeys([*(ERROR_MEANINGS[t] for t in tokens if t in ERROR_MEANINGS),
                              *(RESOURCE_MEANINGS[t] for t in tokens if t in RESOURCE_MEANINGS),
                              *(VERB_MEANINGS[t] for t in tokens if t in VERB_MEANINGS),
                              *(meaning for phrase, meaning in ERROR_PHRASES if phrase.search(text))])
    if not meanings and _CRASHES.intersection(tokens):
        meanings = {_CRASH_MEANING: None}
    return " ".join([text, *meanings]) if meanings else text


# "Several regions", "a second region", "multi region": running an app in more than one region at once.
# Read as one word, which the topic of several regions (UNCOVERED_TOPICS) is marked by: as separate words,
# "region" would stand for the region an app runs in, which the guides mention in passing.
_SEVERAL_REGIONS = re.compile(
    r"\b(?:multi|multiple|several|many|two|three|both|second|extra|additional|more\s+than\s+one)"
    r"[\s-]*regions?\b|\bmulti[\s-]*regional\b",
    re.IGNORECASE,
)


def with_several_regions_as_one_word(text: str) -> str:
    """The text with each way of saying more than one region ("several regions") as "multi-region"."""
    return _SEVERAL_REGIONS.sub(" multi-region ", text)


# A match needs evidence beyond a shared word any question may hold: a word of the message in the
# article's title, summary or tags, or two in its body (or one that no other article has), unless its
# score alone is clear. "How do I connect to my database with psql" shares only "database" (from a
# code sample's `DATABASE_URL`) with the environment-variables guide, and "do you support websockets
# on my app?" only "app" with every guide: both are questions the help centre has no guide for.
CLEAR_MATCH = 0.2
EVIDENCE_NEEDED = 2
# "On the pro plan", "business plan": whose plan, left out of a guide's score (OfflineArticleRetriever.search).
_ON_A_PLAN = re.compile(r"\b(?:on|with|in|for)\s+(?:the\s+|my\s+|our\s+)?(?:free|pro|business)(?:\s+(?:plan|tier))?\b"
                        r"|\b(?:free|pro|business)\s+(?:plan|tier)\b", re.IGNORECASE)
# Words that say how something is asked, or name the service itself, rather than what it is about.
ASKING_WORDS = frozenset([
    "how", "what", "whats", "when", "where", "why", "which", "who", "can", "could", "would", "should", "may",
    "might", "must", "need", "want", "help", "support", "use", "using", "used", "work", "get", "got", "set",
    "setup", "make", "way", "possible", "any", "some", "no", "not", "from", "about", "into", "by", "as", "up",
    "have", "has", "had", "was", "were", "been", "being", "there", "here", "still", "again", "keep", "try",
    "every", "each", "all", "always", "never", "often", "sometime", "really", "very", "too", "only", "also",
    "now", "since", "today", "yesterday", "day", "night", "morning", "week", "lot",
    # When, not what: "the logs from last week" shares "last" with the failed-deploys guide's "not the last line".
    "last", "past", "ago", "month", "year", "see", "show",
    "app", "application", "site", "website", "northwind", "service", "account", "plan",
    # The plans' names say whose limits, not what about: "why is my app slow on the pro plan?" shares "pro" with the
    # rate-limits guide's "600 on Pro", and nothing else that guide is about.
    "free", "pro", "business",
    # Pronouns and amounts stand for what the message is about without naming it: "can I stream them
    # from the cli" after a question about logs shares "them" with two guides' summaries ("make them
    # available", "stay under them"), "my app needs more ram" "more" with the rate limits' last step.
    "them", "they", "their", "these", "those", "its", "one", "ones", "more", "less",
    # So do words that compare: "deploy the same app in multiple regions" shares "same" with the failed-
    # deploys guide's "the same lock file", and with no other guide.
    "same", "other", "another", "different",
    # Fixing is what every guide is for: "how do I fix it?" after "my app is slow" shares "fix" with the TLS guide's
    # summary, and found it. ("Resolve" stays: a domain that doesn't resolve is the domains guide's.)
    "fix", "fixe", "fixing", "solve", "solv", "repair", "sort",
])
# Words that say something is wrong, not what: "my cron job fails" shares "fail" with "Failed deploys",
# "websockets drop with an error" "error" with "API errors". They count once, wherever they are.
TROUBLE_WORDS = frozenset(["fail", "error", "issue", "problem", "wrong", "broken", "crash", "crashe"])
# An identifier in a code sample (`DATABASE_URL`) is a name, not the words it is spelled with.
_IDENTIFIER = re.compile(r"\b\w+_\w+\b")
# An email address names a mailbox, not a domain to point at an app: its domain part ("mydomain.com")
# is not the customer's custom domain.
_EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class UncoveredTopic:
    """Something next to app hosting that Northwind does not provide, and so no guide covers.

    A question about it shares words with a guide that cannot answer it: "can I get an email inbox
    with my custom domain?" shares "custom domain" with the domains guide. In a message that names it
    (one of its markers), the words it shares with the guides are not evidence for a guide, and a
    score built on them is no match. A marker that some guide uses marks nothing: once the help centre
    has a guide on the topic, that guide is found like any other.
    """

    name: str
    markers: frozenset[str]
    shared_with_guides: frozenset[str]


# Words that mean something else together, read as one: a deploy guide's "lock file" (the dependencies' lock)
# is not an account's lock, and "locked out" is not a build that ran out of time. Read as separate words, "how
# long does a lock last?" and "I'm locked out, how long until it unlocks?" found the failed-deploys guide.
_COMPOUND_WORDS = (
    (re.compile(r"\block[\s-]*files?\b", re.IGNORECASE), "lockfile"),
    (re.compile(r"\b(?:lock|locked|locking)[\s-]+(?:me\s+|us\s+)?out\b", re.IGNORECASE), "lockout"),
    # "Sort it out", "find out", "figure out": the verb alone; "out" is the timeouts' word ("timed out", "ran out").
    (re.compile(r"\b(sort(?:s|ed|ing)?|figur(?:e|es|ed|ing)|find(?:s|ing)?|found|work(?:s|ed|ing)?|check(?:s|ed|ing)?)"
                r"\s+(?:(?:it|this|that|them)\s+)?out\b", re.IGNORECASE), r"\1"),
)


# Words a question leans on that say nothing of what it is about: "how do I deploy then?" after "do you support docker?"
# shared "then" with the API errors guide's "roll back … if it started then", and got its steps.
_LEANING_WORDS = frozenset({"then"})


def _content_words(text: str) -> str:
    """The words of a text as the FAQ search reads them (stemmed, without stop words), compounds as one."""
    for compound, word in _COMPOUND_WORDS:
        text = compound.sub(word, text)
    return " ".join(word for word in _faq_content_words(text).split() if word not in _LEANING_WORDS)


def _stems(words: str) -> frozenset[str]:
    return frozenset(_content_words(words).split())


# Words that say how something goes wrong (it times out, is slow), not what does: the same of anything.
SYMPTOM_TERMS = _stems("timeout timeouts time times timed timing out slow slowly slowness latency hang hangs "
                       "hanging stuck")


UNCOVERED_TOPICS: tuple[UncoveredTopic, ...] = (
    # Northwind hosts apps, not mail: a mailbox, MX or mail-signing records live with a mail provider.
    UncoveredTopic(
        name="email hosting",
        markers=_stems("email emails e-mail mail mailbox mailboxes inbox inboxes webmail mx smtp imap pop3 "
                       "dkim spf dmarc"),
        # "My emails stopped arriving after I pointed my domain": pointing the domain at an app is what
        # the domains guide does, and says nothing of where its mail goes.
        shared_with_guides=_stems("domain domains custom dns record records address host hosting provider "
                                  "point pointed pointing"),
    ),
    # Separate staging, preview and production environments: "environment" is also the word for the
    # variables an app reads, which is all the environment-variables guide is about.
    UncoveredTopic(
        name="separate environments",
        markers=_stems("staging stage stages prod production preview previews sandbox"),
        shared_with_guides=_stems("environment environments separate"),
    ),
    # Databases: Northwind runs apps, not their databases. "Database connection timeouts" shares "timeout"
    # with the guides on builds and on API requests that time out, "slow db queries" "slow" with the
    # scaling guide: neither is about a database. (Where to keep a database's password is still the
    # environment-variables guide's: "password" is not borrowed.)
    UncoveredTopic(
        name="databases",
        markers=_stems("database databases db dbs postgres postgresql psql mysql mariadb mongo mongodb redis sql "
                       "sqlite query queries"),
        shared_with_guides=SYMPTOM_TERMS | _stems("connect connection connections"),
    ),
    # Running an app in several regions at once, failing over between them: the help centre's entry on
    # regions says which plan may, and no guide says how. "Deploy it to multiple regions" shares "deploy"
    # with the failed-deploys guide, "region" with the API-errors guide's incident "in your app's region".
    UncoveredTopic(
        name="several regions",
        markers=_stems("multi-region failover fail-over redundancy redundant replica replicas replication "
                       "geo-redundant"),
        shared_with_guides=_stems("region regions deploy deploys deployment run running"),
    ),
    # Signing in: a password reset, a login, two-factor codes are the account's, which the help centre's
    # entries answer. "I didn't get the password reset email" shares "password" with the environment-
    # variables guide's "API keys and passwords", and nothing else with any guide.
    UncoveredTopic(
        name="signing in",
        markers=_stems("reset login logins log-in signin sign-in 2fa two-factor authenticator forgot forgotten "
                       "lockout"),
        shared_with_guides=_stems("password passwords email link code codes"),
    ),
    # Redirects: "too many redirects" after a custom domain's steps shares "too many" with the rate limits' guide ("429
    # Too Many Requests"), whose steps were given as if the API had refused requests. No guide covers a redirect loop.
    UncoveredTopic(
        name="redirects",
        markers=_stems("redirect redirects redirected redirecting redirection"),
        shared_with_guides=_stems("too many"),
    ),
    # Deploying from a git host: "how do I deploy from GitHub" shares "deploy" with the failed-deploys
    # guide, which only says what to do when a deploy fails (see OfflineArticleRetriever.search).
    UncoveredTopic(
        name="deploying from a git host",
        markers=_stems("git github gitlab bitbucket repo repos repository repositories pull branch branches"),
        # A pull request is not the HTTP requests the API guides are about.
        shared_with_guides=_stems("deploy deploys connect connecting link automatic automatically request requests"),
    ),
)


EMAIL_HOSTING = "email hosting"
# "The email address on my account" names the account's sign-in, not a mailbox to host: as the name of
# one thing, its "address" is not the address a DNS record points at.
_EMAIL_ADDRESS_WORDS = re.compile(r"\be-?mail\s+address(?:es)?\b", re.IGNORECASE)


def names_uncovered_topic(text: str, name: str) -> bool:
    """Whether a message asks about the uncovered topic `name` (see UNCOVERED_TOPICS) with the words it
    shares with the guides: "can I use my domain for email?" is about email hosting, "what email is on
    my account?" names mail and nothing a mail host is about."""
    topic = next(t for t in UNCOVERED_TOPICS if t.name == name)
    terms = topic_terms(_EMAIL_ADDRESS_WORDS.sub(" email ", _EMAIL_ADDRESS.sub(" email ", text)))
    return bool(topic.markers & terms) and bool(topic.shared_with_guides & terms)


def topic_terms(text: str) -> set[str]:
    """The words of a message (stemmed, error names spelled out) that say what it is about."""
    return _topic_words(with_error_meanings(with_several_regions_as_one_word(text)))


def _topic_words(text: str) -> set[str]:
    # "My app's logs": the stemmer leaves a possessive's "app'", which no guide's "App → Logs" names.
    words = (word.rstrip("'") for word in _content_words(text).split())
    return {word for word in words if word not in ASKING_WORDS}


def article_terms(text: str) -> set[str]:
    """The words of an article's text (a step, its body) as topic_terms reads a message."""
    return set(_content_words(_IDENTIFIER.sub(" ", text)).split())


# "How do I create an API key?", "how do I rotate my API key?": a how-to whose verb makes, renews or ends a
# thing. A guide answers it only when one of its steps does that to that thing: the domains guide's "create a
# CNAME record" does not create an API key, and the environment guide's "mark API keys as Secret" does not
# rotate one. Each verb with the words a step may say it with.
LIFECYCLE_VERBS: dict[str, frozenset[str]] = {
    verb: frozenset(_content_words(synonyms).split()) for verb, synonyms in {
        "create": "create add generate make new", "generate": "create add generate make new",
        "rotate": "rotate regenerate roll renew", "regenerate": "rotate regenerate roll renew",
        "revoke": "revoke delete remove disable",
        # "Can I schedule a deploy?": the failed-deploys guide schedules nothing (its steps were sent as an answer).
        "schedule": "schedule scheduled cron timer later", "automate": "automate automatic automatically schedule cron",
    }.items()}
# Asked how, whether one can, or whether there is a way: "how do I create", "can I create", "is there an API to
# create", "any way to rotate".
_HOW_TO_VERB = re.compile(r"\b(?:how\s+(?:do|can|should|would)\s+(?:i|we|you)|(?:can|could)\s+(?:i|we|you)|"
                          r"is\s+there\s+(?:a|an|any)\s+(?:\w+\s+)?to|(?:a|any)\s+way\s+to)\s+(?P<verb>\w+)\b")


# "My app called shop-api", "the app named api-gateway": a name the customer gave, not what the message is about
# (its "api" is not the API guides' subject).
_GIVEN_NAME = re.compile(r"\b(?:called|named)\s+[\"'“‘`]?[\w.-]+[\"'”’`]?", re.IGNORECASE)


def without_given_names(text: str) -> str:
    """The message without the names it gives its apps and things ("called shop-api")."""
    return _GIVEN_NAME.sub(" ", text)


def lifecycle_asked(text: str) -> tuple[frozenset[str], set[str]] | None:
    """For "how do I rotate my API key?": the words a step may say the verb with, and the thing it acts on
    (the message's other topic words); None for any other message, and for code asked to be written."""
    asked = _HOW_TO_VERB.search(normalise(text))
    if asked is None or asked["verb"] not in LIFECYCLE_VERBS or ASKS_TO_WRITE_CODE.search(text):
        return None
    verb = LIFECYCLE_VERBS[asked["verb"]]
    thing = topic_terms(text) - verb - {"own"}
    return (verb, thing) if thing else None


def step_does_it(steps: Sequence[str], about: set[str], verb: frozenset[str], thing: set[str]) -> bool:
    """Whether one of steps says the verb of the thing: both in the same step, or the thing's other words in
    what the guide is about ("create a CNAME record" in the guide on custom domains, for a domain's)."""
    return any(verb & words and thing & words and thing <= words | about
               for words in (article_terms(step) for step in steps))


class OfflineArticleRetriever:
    """Implements the ArticleRetriever protocol: articles ranked by word and character TF-IDF."""

    def __init__(self, articles: Sequence[ArticleFact]):
        self.articles = list(articles)
        self._codes = [set(STATUS_CODE.findall(" ".join([a.title, *a.tags]))) for a in self.articles]
        # What each article is about (title, summary, tags) and what its body mentions, as the words
        # the message is read in: a match is relevant only when they share enough (see CLEAR_MATCH).
        self._about = [article_terms(" ".join([a.title, a.summary, *a.tags])) for a in self.articles]
        self._mentions = [article_terms(a.body) for a in self.articles]
        in_articles = Counter(w for about, body in zip(self._about, self._mentions, strict=True) for w in about | body)
        self._only_here = [{w for w in body if in_articles[w] == 1} for body in self._mentions]
        self._keeps_secrets = np.array(["secret" in article_terms(" ".join(article_steps(a.body))) for a in self.articles],
                                       dtype=bool)
        self._rolls_back = np.array([any(_ROLLS_BACK.search(step) for step in article_steps(a.body))
                                     for a in self.articles], dtype=bool)
        # The topics no article touches: asked about, they borrow the guides' words (see UncoveredTopic).
        self._uncovered = [topic for topic in UNCOVERED_TOPICS if not topic.markers & in_articles.keys()]
        # The title, summary and tags say what an article is about; the body adds the vocabulary.
        texts = [" ".join([a.title, a.title, a.summary, " ".join(a.tags), " ".join(a.tags), a.body])
                 for a in self.articles]
        self._words = self._chars = None
        if texts:
            # The numpy TF-IDF (tfidf.py): articles come from the database at run time.
            self._words = TfidfIndex.build(texts, WORD_SETTINGS, preprocessor=_content_words)
            self._chars = TfidfIndex.build(texts, CHAR_SETTINGS, preprocessor=_content_words)

    def search(self, text: str, *, k: int = 3) -> list[ArticleMatch]:
        """The k best articles for text that share enough of its topic (best first; fewer, or none,
        when the help centre has no guide on it)."""
        if self._words is None or self._chars is None:
            return []
        text = without_given_names(_EMAIL_ADDRESS.sub(" email address ", text))
        text = with_error_meanings(with_several_regions_as_one_word(text))
        text = singular_status_codes(text)
        # "On the pro plan" says whose limits, not what about: scored, it diluted the question and matched the guides
        # that list every plan's figures ("why is my app slow on the pro plan?" found the rate-limits guide).
        scored = _ON_A_PLAN.sub(" ", text)
        sims = WORD_WEIGHT * self._words.similarities(scored) + (1 - WORD_WEIGHT) * self._chars.similarities(scored)
        # An HTTP status the customer quotes ("429", "503") names the problem more exactly than any
        # other word: an article whose title or tags carry that code ranks first.
        codes = set(STATUS_CODE.findall(text))
        if codes:
            sims = sims + np.array([STATUS_CODE_BONUS if codes & a_codes else 0.0 for a_codes in self._codes])
        keeps_a_secret = bool(WHERE_TO_KEEP_A_SECRET.search(text))
        if keeps_a_secret:
            # A guide whose steps say how secrets are kept is the answer, as sure a sign as a status code.
            sims = sims + STATUS_CODE_BONUS * self._keeps_secrets
        if fault_began_with_a_deploy(text):
            # A guide with a step to roll back is the answer to what began with a deploy.
            sims = sims + STATUS_CODE_BONUS * self._rolls_back
        terms = _topic_words(text)
        borrowed = self.borrowed_terms(terms)
        if borrowed is not None:
            # About something no guide covers: only what the message shares with a guide beyond that
            # topic's words makes a match ("I got an email that my certificate renewal failed" still
            # finds the certificates guide; "MX records for my domain" finds none).
            relevant = [int(i) for i in np.argsort(-sims)
                        if sims[i] > 0 and self.evidence(int(i), self._own_terms(int(i), terms, borrowed))
                        >= EVIDENCE_NEEDED]
        else:
            relevant = [int(i) for i in np.argsort(-sims)
                        if sims[i] > 0 and self._relevant(int(i), float(sims[i]), terms)]
        if (refused := {code for code in codes if code.startswith("4")}) and not any(
                refused & article_codes for article_codes in self._codes):
            # "My api returns 403 forbidden", "a 401 from your api": a request refused, which no guide is about; the API
            # errors guide, found for "api", lists the server's errors (500, 502, 503) and gave their steps.
            relevant = [i for i in relevant if not self._codes[i] or codes & self._codes[i]]
        if (lifecycle := lifecycle_asked(text)) is not None:
            relevant = [i for i in relevant if step_does_it(article_steps(self.articles[i].body), self._about[i], *lifecycle)]
        if WHERE_TO_FIND.search(text):
            # "Where do I find my API key?": a guide answers it only with a step that shows where that is; the rate
            # limits guide, found for "api", shows where no key is.
            relevant = [i for i in relevant if step_showing_where(text, article_steps(self.articles[i].body))]
        if keeps_a_secret:
            relevant = [i for i in relevant if self._keeps_secrets[i]]
        if not relevant:
            # "Where are my logs?": no guide is about logs, and one step says where they are (**App → Logs**).
            relevant = [int(i) for i in np.argsort(-sims)
                        if step_showing_where(text, article_steps(self.articles[int(i)].body))][:1]
        return [
            ArticleMatch(slug=a.slug, title=a.title, summary=a.summary, url=a.url, score=round(float(sims[i]), 4),
                         steps=article_steps(a.body), lead=article_lead(a.body))
            for i in relevant[:k]
            for a in (self.articles[i],)
        ]

    def borrowed_terms(self, terms: set[str]) -> frozenset[str] | None:
        """The words the message shares with the guides only through a topic none of them covers that
        it names (an empty set when it shares none); None when it names no such topic."""
        named = [topic for topic in self._uncovered if topic.markers & terms]
        if not named:
            return None
        return frozenset().union(*(topic.shared_with_guides for topic in named)) & terms

    def _own_terms(self, index: int, terms: set[str], borrowed: frozenset[str]) -> set[str]:
        """The words of a message naming an uncovered topic that count for an article: without the ones
        borrowed through that topic, unless the message reports the very trouble the article is about
        with them ("my GitHub deploy failed" is a failed deploy, wherever it came from)."""
        about = self._about[index]
        # A symptom borrowed is not the trouble: "database connection timeout errors" are not the API's
        # errors and timeouts, whatever the guide on those says.
        if terms & TROUBLE_WORDS & about and (borrowed & about) - SYMPTOM_TERMS:
            return terms
        return terms - borrowed

    def evidence(self, index: int, terms: set[str]) -> int:
        """How much of the message's topic an article shares: 2 for each word in what it is about or
        in its body alone among the articles, 1 for each other word of its body or word of trouble."""
        about, mentions, only_here = self._about[index], self._mentions[index], self._only_here[index]
        return sum(2 if (w in about or w in only_here) and w not in TROUBLE_WORDS else 1
                   for w in terms if w in about or w in mentions)

    def _relevant(self, index: int, score: float, terms: set[str]) -> bool:
        return score >= CLEAR_MATCH or self.evidence(index, terms) >= EVIDENCE_NEEDED


def build_article_retriever(articles: Sequence[ArticleFact]) -> OfflineArticleRetriever:
    return OfflineArticleRetriever(articles)


REGION_ALIASES: dict[str, tuple[str, ...]] = {
    "eu-west": ("eu-west", "eu west", "euwest", "europe", "european", "ireland", "dublin", "eu"),
    "us-east": ("us-east", "us east", "useast", "virginia", "america"),
    "ap-southeast": ("ap-southeast", "ap southeast", "singapore", "asia", "apac"),
}
# "Us" names the US only where it cannot be the pronoun: "can you help us?" asks about no region (read as
# us-east, it hid the open incident in eu-west and told the customer there was none).
_THE_US = re.compile(r"\b(?:the|in) us\b|\bus (?:region|regions|server|servers|based|data ?cent(?:er|re)s?)\b")
# Words that only come up when something is broken on the platform side.
OUTAGE_WORDS = frozenset(["down", "outage", "outages", "5xx", "500", "502", "503", "504", "unavailable", "unreachable",
                          "degraded", "incident", "incidents"])
# "My website is not loading", "the site won't open": down, in other words (an incident may be the cause).
NOT_REACHABLE = re.compile(r"\b(?:not|no longer|stopped|will not|wont|is not|isnt|does not|doesnt|can not)\s+"
                           r"(?:loading|load|opening|open|responding|respond|reachable|available)\b")
# Symptoms that point at an incident only together with the component it affects ("API errors").
SYMPTOM_WORDS = frozenset(["error", "errors", "timeout", "timeouts", "timing", "slow", "latency", "failing", "fails", "failed"])
# A rate limit is the customer's own traffic, not an outage.
NOT_AN_OUTAGE = frozenset(["429", "rate", "limit", "limits", "throttled", "throttling", "quota"])
_GENERIC_TITLE_WORDS = frozenset(["elevated", "increased", "rates", "rate", "in", "on", "of", "the", "and", "for", "some", "partial"])


def regions_mentioned(text: str) -> set[str]:
    padded = f" {normalise(text).replace('-', ' ')} "
    found = set()
    for region, aliases in REGION_ALIASES.items():
        if any(f" {alias.replace('-', ' ')} " in padded for alias in aliases):
            found.add(region)
    if _THE_US.search(padded):
        found.add("us-east")
    return found


def affected_components(incident: IncidentFact) -> set[str]:
    """The words that name what an incident affects ("api"), without its symptoms and regions."""
    return _component_words(incident)


def names_incident_scope(text: str, incident: IncidentFact) -> bool:
    """Whether a message names where an incident is (its region) or what it affects (its component), or
    the incident is neither regional nor about one component: then it is very likely what the customer
    sees. "Is northwind down? my site is not loading" names neither an API nor eu-west."""
    if not incident.regions and not incident.components:
        return True
    if regions_mentioned(text) & set(incident.regions):
        return True
    return bool(set(normalise(text).split()) & _component_words(incident))


def _component_words(incident: IncidentFact) -> set[str]:
    source = " ".join(incident.components) if incident.components else incident.title
    words = set(normalise(source).split()) - SYMPTOM_WORDS - OUTAGE_WORDS - _GENERIC_TITLE_WORDS
    return {w for w in words if w not in REGION_ALIASES and len(w) > 2}


# An HTTP error code ("a 502", "503s"): the customer is reporting a fault, not asking how to do something.
PROBLEM = re.compile(r"\b[45]\d\d(?:'?s)?\b")
# What a message must report before an open incident is offered as its cause: an error, an outage, a
# slowness, or a question about the platform's state. Naming the incident's region is not enough: "can I
# move my app from us-east to eu-west?" and "is my data stored in the EU?" report nothing an incident explains.
FAULT_WORDS = frozenset({
    "down", "outage", "outages", "incident", "incidents", "status", "error", "errors", "erroring", "fail", "fails",
    "failed", "failing", "failure", "failures", "broken", "broke", "crash", "crashes", "crashed", "crashing", "slow",
    "slowness", "sluggish", "lag", "laggy", "latency", "timeout", "timeouts", "unavailable", "unreachable",
    "unresponsive", "degraded", "problem", "problems", "issue", "issues", "hanging", "hangs", "offline", "5xx",
    # "Is eu-west in trouble?", "is the API having trouble?": how it is running, which an open incident may answer.
    "trouble", "troubles"})
# Besides NOT_REACHABLE's ("not loading", "can not open"), which say the same of a site.
FAULT_PHRASES = re.compile(
    r"\b(?:not|no longer|stopped) (?:working|up)\b|\bdoes not work\b"
    r"|\bcan not (?:connect|reach|access)\b|\b(?:timing|times|timed) out\b|\bis it just me\b"
    r"|\banyone else\b|\b(?:is|are)\s+(?:\S+\s+){0,4}?(?:ok|okay|up|healthy|working|running|stable)\s*$"
)


# "Shut down", "scale down", "turn it down": "down" as part of a verb, not a service that is down ("how do I shut down
# without the confirmation prompt?" was told of the open incident in eu-west).
_DOWN_AS_A_VERB = re.compile(r"\b(?:shut|shutting|shuts|turn|turning|turned|scale|scaling|scaled|step|stepping|wind|winding"
                             r"|calm|cool|write|writing|narrow|narrowing|water|watered|tone|toned)\s+(?:\w+\s+)?down\b"
                             r"|\bshutdowns?\b")


def fault_text(text: str) -> str:
    """The message normalised, with "down" taken out where it is part of a verb ("shut down")."""
    return _DOWN_AS_A_VERB.sub(" ", normalise(singular_status_codes(text)))


def reports_a_fault(text: str) -> bool:
    """Whether a message reports an error, an outage or a slowness, or asks how the platform is doing:
    what an open incident could explain."""
    return _reports_a_fault_in(fault_text(text))


def _reports_a_fault_in(norm: str) -> bool:
    return bool(set(norm.split()) & FAULT_WORDS or PROBLEM.search(norm) or FAULT_PHRASES.search(norm)
                or NOT_REACHABLE.search(norm))


def relevant_incident(text: str, incidents: Sequence[IncidentFact]) -> IncidentFact | None:
    """The active incident the question is about, or None.

    Only for a message that reports a fault (reports_a_fault). Same region: yes. Another region named: no, whatever the symptom. No region named: yes when
    the message describes an outage (down, 5xx, unavailable) or a symptom of the affected
    component ("API errors", "api timing out").
    """
    norm = fault_text(text)
    # "Is everything working right now?" names no fault, and asks whether there is one.
    if not (_reports_a_fault_in(norm) or asks_if_the_service_is_down(text)):
        return None
    words = set(norm.split())
    asked_regions = regions_mentioned(text)
    for incident in incidents:
        if incident.status == "resolved":
            continue
        if asked_regions:
            if asked_regions & set(incident.regions):
                return incident
            continue
        if words & NOT_AN_OUTAGE:
            continue
        if words & OUTAGE_WORDS or NOT_REACHABLE.search(normalise(text)) or asks_if_the_service_is_down(text):
            # "Any known issues right now?", "is the service up?": whether anything is down, which any open
            # incident answers.
            return incident
        if words & _component_words(incident) and words & SYMPTOM_WORDS:
            return incident
    return None

