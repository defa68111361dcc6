"""Downtime while a deploy goes out: "how do I avoid downtime when deploying?", "we get 503s during every deploy".

The help centre's answer is the scaling guide's step on a health check path, so that new instances only get traffic
once they are ready. It shares no word with the question, whose own words find the failed deploys' guide (why a build
fails) or the API errors' guide (what a 503 means), so the search is told the question in the step's words.
"""

from __future__ import annotations

import re

_DEPLOYING = (r"(?:re)?deploy(?:s|ing|ed|ments?)?|releas(?:es|ing)|(?:a\s+|the\s+|each\s+|every\s+)?(?:new\s+)?"
              r"(?:release|version)\s+goes\s+out|roll(?:ing)?\s+out\s+(?:a\s+|the\s+)?(?:new\s+)?(?:version|release)")
# What an app unable to answer looks like from outside: not a build's error, which the failed deploys' guide is about.
_UNANSWERED = (r"downtime|down|offline|unavailable|unreachable|outages?|blips?|5\d\d(?:s|\s+errors?)?|bad\s+gateway"
               r"|service\s+unavailable|dropp?(?:ed|s|ing)?\s+(?:requests|connections|traffic)|connection\s+refused")
# "Zero-downtime deploys", "how do I avoid downtime?" with deploying named anywhere in the message.
_KEEPS_UP = re.compile(r"\bzero[\s-]+downtime\b|\bwithout\s+(?:any\s+)?downtime\b|\bno[\s-]+downtime\b"
                       r"|\b(?:avoid|prevent|stop|minimi[sz]e|reduce|limit|get\s+rid\s+of)\s+(?:the\s+|any\s+)?downtime\b",
                       re.IGNORECASE)
_NAMES_DEPLOYING = re.compile(rf"\b(?:{_DEPLOYING})\b", re.IGNORECASE)
# "503s during every deploy", "offline after each deploy", "every deploy takes my app down". Not "down since my deploy":
# one deploy that broke the app is the failed deploys' guide and its rollback.
_DOWN_DURING_DEPLOYS = re.compile(
    rf"\b(?:{_UNANSWERED})\b[^.?!]{{0,40}}?\b(?:during|while|whilst|when(?:ever)?|every\s+time|each\s+time|as\s+soon\s+as"
    rf"|(?:right\s+|straight\s+)?after\s+(?:each|every))\s+(?:(?:i|we|it|you)\s+)?(?:(?:a|the|our|my|each|every)\s+)?"
    rf"(?:{_DEPLOYING})\b"
    rf"|\b(?:{_DEPLOYING})\s+(?:cause|causes|caused|causing|mean|means|take|takes|took|bring|brings|brought|knock|knocks"
    rf"|knocked)\s+(?:(?:my|our|the)\s+(?:\w+\s+)?(?:app|site|api|service)\s+|it\s+|us\s+)?(?:(?:some|a\s+few\s+seconds\s+of|a"
    rf"|brief)\s+)?(?:downtime|down|offline|outages?|5\d\d)\b",
    re.IGNORECASE)
# The words of the step that answers it, as the scaling guide writes them.
_IN_THE_GUIDES_WORDS = "health check so new instances only get traffic once they are ready"
ON_HEALTH_CHECK = re.compile(r"\bhealth\s*check", re.IGNORECASE)


def downtime_during_deploys(message: str) -> bool:
    """Whether the message asks how to keep an app up through its deploys, or reports it going down during them."""
    return bool(_DOWN_DURING_DEPLOYS.search(message)
                or (_KEEPS_UP.search(message) and _NAMES_DEPLOYING.search(message)))


# "Does deploying cause downtime?", "how do I stop it going down when I deploy?": asked, not reported.
_ASKED = re.compile(r"^\W*(?:how|can|could|do|does|will|would|should|is\s+there|are\s+there|any\s+way)\b", re.IGNORECASE)


def reports_downtime_during_deploys(message: str) -> bool:
    """Whether the message reports the app going down or failing while deploys go out ("we get 503s whenever we
    deploy"), rather than asking how to deploy without it."""
    return bool(_DOWN_DURING_DEPLOYS.search(message)) and not _ASKED.search(message)


def with_deploy_downtime_said(message: str) -> str:
    """The message with downtime during deploys said in the words of the step that answers it, for the search."""
    return f"{message}\n{_IN_THE_GUIDES_WORDS}" if downtime_during_deploys(message) else message
