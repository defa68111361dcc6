"""Technical agent: matching knowledge-base articles and any active incident that fits."""

from __future__ import annotations

import asyncio
import re

from agents.about_service import kind_of_app_told
from agents.deploy_downtime import with_deploy_downtime_said
from agents.dns_providers import dns_provider_named
from agents.envelope import AgentRequest, AgentResponse
from agents.facts import IncidentFact
from agents.follow_ups.go_aheads import step_said_done
from agents.follow_ups.history import last_assistant_text, previous_user_text
from agents.follow_ups.service import reports_what_the_outage_costs
from agents.follow_ups.topic import question_as_asked, with_topic
from agents.how_long_it_ran import minutes_it_ran
from agents.one_place_only import one_place_said
from agents.outcome import ArticleMatch
from agents.request_rates import rate_told_after_the_limit
from agents.service_terms import with_slowness_said
from agents.workers.base import RunDeps, metadata, tool

_WORD = re.compile(r"[a-z0-9][a-z0-9-]+")
_STOP = {"the", "and", "for", "with", "from", "elevated", "rates", "error", "errors", "api"}


def default_incident_matcher(text: str, incidents: list[IncidentFact]) -> IncidentFact | None:
    """Used only when the offline package's matcher is not passed in: a region or component
    named in the message, or a distinctive title word, picks the incident."""
    words = set(_WORD.findall(text.lower()))
    for incident in incidents:
        if incident.status == "resolved":
            continue
        keys = {k.lower() for k in (*incident.regions, *incident.components)}
        # Title words short enough to be glue ("in", "of") would match nearly any message.
        keys |= {w for w in _WORD.findall(incident.title.lower()) if len(w) > 3} - _STOP
        if words & keys:
            return incident
    return None


# What a customer asks about an incident they were just told of: where it is, what it affects, since when,
# how it stands. "Which region is affected?", "is it fixed yet?", "when did it start?" name no fault of
# their own, so the incident matcher finds nothing in them.
ASKS_ABOUT_AN_INCIDENT = re.compile(
    r"\b(?:which|what|where)\b[^.?!]{0,30}\b(?:regions?|affected|impacted|components?|services?|parts?)\b"
    r"|\bwhere (?:is|was) (?:it|that|this|the incident)\b|\b(?:affect(?:s|ed|ing)?|impact(?:s|ed|ing)?)\b"
    r"|\bwhen\b[^.?!]{0,30}\b(?:start|started|begin|began|happen|happened)\b|\bsince when\b"
    r"|\bhow long\b[^.?!]{0,30}\b(?:been|going on|take|last)\b"
    r"|\b(?:it|that|this|incident|outage)\s+(?:\w+\s+)?(?:fixed|resolved|solved|sorted|over)\b"
    r"|\b(?:fixed|resolved|sorted) yet\b|\bwhat'?s the status\b|\bstatus\s*\??\s*$"
    r"|\bany (?:updates?|news|progress|eta)\b|\bupdates?\s*\??\s*$|\beta\b"
    r"|\b(?:is|it'?s) (?:it )?still (?:down|broken|happening|going on|ongoing|open|on)\b|\bwhat caused\b",
    re.IGNORECASE,
)
# A follow-up is short: a longer message says what it is about itself.
FOLLOW_UP_WORDS = 10


def asks_about_an_incident(message: str) -> bool:
    """Whether a message is a short question about an incident ("which region is affected?", "is it fixed yet?")."""
    return len(message.split()) <= FOLLOW_UP_WORDS and bool(ASKS_ABOUT_AN_INCIDENT.search(message))


# The first guide a reply names by its title (“Custom domains and DNS”).
_GUIDE_LED_WITH = re.compile(r"\bguide\s+“([^”]+)”")


def incident_told_of(last_reply: str, incidents: list[IncidentFact]) -> IncidentFact | None:
    """The open incident the last reply named by its title, if any."""
    return next((i for i in incidents if i.status != "resolved" and i.title in last_reply), None)


async def technical_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    # "Is it fixed yet?" searches with the question it follows ("my app in eu-west returns 503"); "I'm on pro" or "and
    # for pro?" with that question asked of the plan, as the writer reads it.
    question = with_deploy_downtime_said(with_slowness_said(question_as_asked(ctx) or with_topic(ctx)))
    if ((dns_provider_named(ctx.message) is not None or minutes_it_ran(ctx.message) is not None
         or step_said_done(ctx.message) or kind_of_app_told(ctx.message) is not None
         or one_place_said(ctx.message) is not None
         or rate_told_after_the_limit(ctx))
            and (before := previous_user_text(ctx)) is not None):
        # "I use godaddy" after "how do I add a custom domain?": the guides on that question, done at that provider;
        # "stuck for over an hour" after "my build is stuck", the guide whose build limits it is weighed against; "I
        # used an A record", the guide whose steps come after that one; "we're using wordpress", the guide just given;
        # "I'm only making 100 a minute" after a 429, the rate limits' guide.
        question = f"{before}\n{ctx.message}"
        if dns_provider_named(ctx.message) is not None and (led := _GUIDE_LED_WITH.search(last_assistant_text(ctx))):
            # "The dns is at cloudflare" after the custom domains guide, which followed "my site is down": the question
            # before that found the API errors guide; the guide the last reply led with is the one meant.
            question = f"{led[1]}\n{question}"

    async def articles_found() -> list[ArticleMatch]:
        # On the event loop, as the FAQ search (agents/workers/faq.py): a fraction of a millisecond.
        return deps.kb.search(question, k=3)

    # The look-up first: it goes to a database thread, and the search runs while it is there.
    incidents, articles = await asyncio.gather(
        tool(deps, "knowledge.active_incidents", deps.ports.knowledge.active_incidents), articles_found(),
        return_exceptions=True,
    )
    for result in (articles, incidents):
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result
    errors = [f"{type(r).__name__}: {r}" for r in (articles, incidents) if isinstance(r, Exception)]
    incident = None
    if not isinstance(incidents, BaseException) and incidents:
        matcher = deps.incident_matcher or default_incident_matcher
        incident = matcher(ctx.message, incidents)
        if incident is None and (asks_about_an_incident(ctx.message) or reports_what_the_outage_costs(ctx)):
            # "Which region is affected?" after the incident was told of: about that incident, though it reports
            # no fault the matcher could tie to one; "is it fixed yet?" after a fault: the incident it names. So
            # for "this is costing us money".
            incident = incident_told_of(last_assistant_text(ctx), incidents) or matcher(question, incidents)
        searched = not isinstance(articles, BaseException)  # a failed search would fail again
        if incident is None and question != ctx.message and not (searched and deps.kb.search(ctx.message, k=1)):
            # "Its in eu-west" after "my app returns 503s" is read with the question it follows; "how do I
            # update my custom domain?" after asking about the incident has a guide of its own, and is its own topic.
            incident = matcher(question, incidents)
    facts = {
        "articles": [] if isinstance(articles, BaseException) else [a.model_dump(mode="json") for a in articles],
        "incident": incident.model_dump(mode="json") if incident else None,
    }
    if not isinstance(incidents, BaseException):
        # Every open incident, so "is there an outage in us-east?" can be answered "no" when the one
        # open incident is elsewhere. Absent when the look-up failed: then nobody can say "none".
        facts["active_incidents"] = [i.model_dump(mode="json", include={"reference", "title", "status", "regions",
                                                                         "started_at"})
                                     for i in incidents if i.status != "resolved"]
    status = "error" if len(errors) == 2 else "partial" if errors else "success"
    return AgentResponse(status=status, result=facts if status != "error" else {}, error="; ".join(errors),
                         metadata=metadata("technical"))
