"""Technical agent: matching knowledge-base articles and any active incident that fits."""

from __future__ import annotations

import asyncio
import re

from agents.envelope import AgentRequest, AgentResponse
from agents.facts import IncidentFact
from agents.follow_up import with_topic
from agents.outcome import ArticleMatch
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


async def technical_agent(request: AgentRequest, deps: RunDeps) -> AgentResponse:
    ctx = request.context
    # "Is it fixed yet?" searches with the question it follows ("my app in eu-west returns 503").
    question = with_topic(ctx)

    async def articles_found() -> list[ArticleMatch]:
        # On the event loop, as the FAQ search (agents/workers/faq.py): a fraction of a millisecond.
        return deps.kb.search(question, k=3)

    incidents_task = tool(deps, "knowledge.active_incidents", deps.ports.knowledge.active_incidents)
    articles, incidents = await asyncio.gather(articles_found(), incidents_task, return_exceptions=True)
    for result in (articles, incidents):
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result
    errors = [f"{type(r).__name__}: {r}" for r in (articles, incidents) if isinstance(r, Exception)]
    incident = None
    if not isinstance(incidents, BaseException) and incidents:
        matcher = deps.incident_matcher or default_incident_matcher
        incident = matcher(question, incidents)
    facts = {
        "articles": [] if isinstance(articles, BaseException) else [a.model_dump(mode="json") for a in articles],
        "incident": incident.model_dump(mode="json") if incident else None,
    }
    if not isinstance(incidents, BaseException):
        # Every open incident, so "is there an outage in us-east?" can be answered "no" when the one
        # open incident is elsewhere. Absent when the look-up failed: then nobody can say "none".
        facts["active_incidents"] = [i.model_dump(mode="json", include={"reference", "title", "status", "regions"})
                                     for i in incidents if i.status != "resolved"]
    status = "error" if len(errors) == 2 else "partial" if errors else "success"
    return AgentResponse(status=status, result=facts if status != "error" else {}, error="; ".join(errors),
                         metadata=metadata("technical"))
