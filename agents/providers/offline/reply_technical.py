"""The technical part of an offline reply: incidents, articles and their steps."""

from __future__ import annotations

import re

from agents.facts import IncidentFact
from agents.follow_up import OFFER_PERSON, with_topic
from agents.outcome import ArticleMatch, FaqMatch, Source
from agents.providers.offline.kb import (
    affected_components,
    article_terms,
    names_incident_scope,
    regions_mentioned,
    topic_terms,
)
from agents.providers.offline.reply_base import (
    ARTICLE_MIN_SCORE,
    ARTICLE_STRONG,
    ASKS_IF_IT_COSTS,
    ASKS_WHAT_IS_INCLUDED,
    FAQ_CONFIDENT,
    FAQ_PLAUSIBLE,
    MAX_STEPS,
    PROBLEM,
    YES_OR_NO,
    WriterBase,
    has_cue,
)
from agents.providers.offline.text import normalise

# "Any ETA for a fix?", "when will it be fixed?", "is it resolved yet?", "any update?": when the incident
# ends, which nobody knows; its state and where the updates go are what there is to say.
ASKS_WHEN_FIXED = re.compile(
    r"\beta\b|\bestimated?\b[^.?!]{0,20}\b(?:time|fix|resolution)\b"
    r"|\bwhen\b[^.?!]{0,40}\b(?:fixed|resolved|sorted|back up|back online|working again|over)\b"
    r"|\bhow long\b[^.?!]{0,40}\b(?:take|last|fix|until|before)\b"
    r"|\b(?:fixed|resolved|sorted) yet\b|\bany (?:updates?|news|progress)\b",
    re.IGNORECASE,
)


# A help-centre entry on moving between plans ("How do I upgrade my plan?").
CHANGES_PLAN = frozenset({"upgrade", "downgrade"})
GENERIC_FIX_TERMS = frozenset({"fix", "fixe", "fixing", "solve", "solv", "help", "resolve", "resolv", "sort",
                               "repair", "work", "working"})


class TechnicalReplies(WriterBase):
    def technical(self) -> None:
        incident = self.facts.incident
        if incident is not None:
            self._incident(incident)
        elif has_cue(self.words, self.norm, "outage", "incident", "down", "status page", "is it just me"):
            self._no_matching_incident()
        self._service_credits()
        articles = [a for a in self.facts.articles if a.score >= ARTICLE_MIN_SCORE]
        faq = self._faq_for_this_question()
        if faq is not None and articles and self._about_another_plan(faq.question):
            # "My app is slow" from a Business customer: that free apps sleep is true and no help to them.
            faq = None
        # "Do you offer a free SSL certificate?": whether it comes with the service, which the help centre's
        # entry says; a guide's troubleshooting steps answer a fault nobody reported.
        asks_what_is_included = self._asks_what_is_included()
        if faq is not None and incident is None and (
                not articles or articles[0].score < ARTICLE_STRONG or asks_what_is_included):
            # A how-to question ("which regions can I deploy to?") is answered by the FAQ, not a guide.
            self._quote_faq(self._as_asked(faq) if asks_what_is_included else faq, hedge=False)
            articles = [a for a in articles if a.score >= ARTICLE_STRONG]
        else:
            asks_what_is_included = False  # nothing says whether it is included: the guide is the answer
        if articles:
            best = articles[0]
            intro = ("Meanwhile, if it's on your side, our guide" if incident is not None
                     else "Our guide" if not self.reply.answered else "For more, our guide")
            fitting = [] if asks_what_is_included else self._steps_asked_about(best)
            if fitting:
                # "My app keeps getting OOM killed": the guide's fifth step is about memory, the first
                # four about scaling. The one the message names leads, numbered as in the guide, and the
                # others follow in their order.
                fitting_numbers = {n for n, _ in fitting}
                others = [(n, step) for n, step in enumerate(best.steps, start=1) if n not in fitting_numbers]
                first = others[:MAX_STEPS - len(fitting)]
                self.reply.add(f"{intro} “{best.title}” covers this. The step that fits what you describe:\n"
                               f"{_numbered(fitting)}\nIts other steps that usually help:\n{_numbered(first)}")
            elif steps := ([] if asks_what_is_included else best.steps[:MAX_STEPS]):
                numbered = _numbered(list(enumerate(steps, start=1)))
                self.reply.add(f"{intro} “{best.title}” covers this. The steps that usually sort it out:\n{numbered}")
            else:
                self.reply.add(f"{intro} “{best.title}” covers this: {best.summary}")
            self.reply.sources.append(Source(kind="article", title=best.title, url=best.url, ref=best.slug))
            if len(articles) > 1 and articles[1].score >= 2 * ARTICLE_MIN_SCORE:
                other = articles[1]
                self.reply.add(f"“{other.title}” may help too.", answers=False)
                self.reply.sources.append(Source(kind="article", title=other.title, url=other.url, ref=other.slug))
        if not self.reply.answered:
            match = self._faq_for_this_question()
            if match is not None:
                self._quote_faq(match, hedge=False)
        if articles and incident is None and not asks_what_is_included:
            if self._reports_a_problem():
                self.reply.add("If that doesn't fix it, send me the error message you see, or ask for a person "
                               "and one of our engineers will take a look.", answers=False)
            else:  # "how do I add a custom domain?": a how-to, nothing to fix yet
                self.reply.add("If you get stuck on a step, tell me what you see, or ask for a person and one "
                               "of our engineers will help.", answers=False)
        if not self.reply.answered and incident is None and not articles and self._no_guide_is_the_answer():
            self._no_guide()

    def _incident(self, incident: IncidentFact) -> None:
        """The open incident the question matched: what it is, how sure that it is the cause, and where
        its updates go (or, asked when it will be fixed, that there is no estimate)."""
        started = incident.started_at.strftime("%Y-%m-%d %H:%M UTC")
        where = f" in {', '.join(incident.regions)}" if incident.regions else ""
        asks_when_fixed = bool(ASKS_WHEN_FIXED.search(self.ctx.message))
        topic = with_topic(self.ctx)
        if asks_when_fixed and topic != self.ctx.message:
            # "Any ETA on it?" after the incident was named: what it is was said; how it stands is asked.
            opening = f"“{incident.title}” is still open (status: {incident.status}), since {started}."
        elif names_incident_scope(f"{topic}\n{self.text}", incident):
            opening = (f"There's an active incident that's very likely what you're seeing: “{incident.title}”, "
                       f"since {started} (status: {incident.status}).")
        else:
            # "Is northwind down? my site is not loading": an incident in one region, or of one component,
            # explains it only if the customer's app is there, which the message doesn't say.
            component = " and ".join(_component_name(c) for c in sorted(affected_components(incident)))
            located = f" in {' and '.join(incident.regions)}" if incident.regions else ""
            affecting = f" affecting the {component}" if component else ""
            opening = (f"There's an active incident{located}{affecting}: “{incident.title}”, since {started} "
                       f"(status: {incident.status}).")
            opening += (f" If your app runs in {' or '.join(incident.regions)}, it may be the cause." if incident.regions
                        else f" If your app uses the {component}, it may be the cause.")
            where = ""
        if asks_when_fixed:
            closing = (f"I don't have an estimate for when it will be fixed: our engineers are working on it{where}, "
                       "and updates, including when it's resolved, go to our status page as they happen; requests "
                       "that fail during it are safe to retry.")
        else:
            closing = (f"Our engineers are working on it{where}, and updates go to our status page as they happen; "
                       "requests that fail during it are safe to retry.")
        self.reply.add(f"{opening} {closing}")
        self.reply.sources.append(Source(kind="incident", title=incident.title, ref=incident.reference))

    def _steps_asked_about(self, article: ArticleMatch) -> list[tuple[int, str]]:
        """The step that answers what the message asks, with its number in the guide, when it is not the
        guide's first: a step past the first MAX_STEPS that names what the message is about when none of
        the first ones does ("OOM killed" and the step about memory); or, among the first, the only one
        that names something the message asks about and the guide as a whole is not ("which port should
        my app listen on?" and the failed-deploys guide's fourth step, on `PORT`)."""
        # "How do I fix a failed deploy?": fixing is what every step is for, not what a later one is about.
        wanted = topic_terms(self.text) - GENERIC_FIX_TERMS
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
        # get 429" is answered by the first step, on the 429, not the third for sharing "calls".
        (number, _), = naming
        if any(wanted & article_terms(step) for step in shown[:number - 1]):
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
        if faq is None or not (CHANGES_PLAN & set(normalise(faq.question).split())):
            return faq
        if has_cue(self.words, self.norm, "upgrade", "upgrading", "downgrade", "downgrading", "tier",
                   "bigger plan", "smaller plan", "cheaper plan", "change plan", "change my plan", "switch plan"):
            return faq
        customer = self.ctx.customer
        offers_own_plan = customer is not None and customer.plan.lower() in normalise(faq.answer).split()
        return None if offers_own_plan or self.facts.articles else faq

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

    def _no_guide(self) -> None:
        """"How do I set up a cron job?" when the help centre has no guide on it: say so, not the nearest
        guide on something else, and offer a person."""
        if self._reports_a_problem():
            self.reply.add("I don't have a guide in our help centre that fits this, and I'd rather not guess. Would "
                           "you like me to pass you to a person from our support team, so one of our engineers can "
                           "take a look? Just say so and I will.")
        else:
            self.reply.add("I don't have a guide on that in our help centre, and I'd rather not guess. Would you "
                           "like me to pass you to a person from our support team? Just say so and I will.")

    def _service_credits(self) -> None:
        """"Will we get service credits?": what the help centre's entry on the uptime SLA says, wherever it
        ranked (the outage is what the rest of the message is about), and the customer's plan."""
        if not has_cue(self.words, self.norm, "credit", "credits", "compensation", "compensate", "sla"):
            return
        entry = next((m for m in self.facts.faq if "sla" in normalise(m.question).split()), None)
        if entry is None or self._faq_quoted(entry):
            return
        self.reply.add(f"About service credits: {entry.answer}")
        self._cite_faq(entry)
        if self.ctx.customer is not None:
            self.reply.add(f"You're on the {self.ctx.customer.plan} plan. Whether an outage earns credits is for a "
                           f"person from our team to confirm: would you like me to {OFFER_PERSON}?", answers=False)

    def _about_another_plan(self, question: str) -> bool:
        """Whether an FAQ entry's question is about a plan other than the signed-in customer's."""
        customer = self.ctx.customer
        if customer is None:
            return False
        asked_plans = {p for p in ("free", "pro", "business") if p in normalise(question).split()}
        return bool(asked_plans) and customer.plan.lower() not in asked_plans

    def asks_whether_included(self) -> bool:
        """"Do you charge extra for https?", "is SSL free?": whether something comes with the service, the
        same for everyone, when the help centre has a confident entry for it: answered from that entry,
        whatever the account's records hold (it is not about them). False when there is none."""
        if not self._asks_what_is_included():
            return False
        faq = self._faq_for_this_question()
        if faq is None:
            return False
        self._quote_faq(self._as_asked(faq), hedge=False)
        return True

    def _asks_what_is_included(self) -> bool:
        return bool(ASKS_WHAT_IS_INCLUDED.search(self.text)) and not self._reports_a_problem()

    def _as_asked(self, faq: FaqMatch) -> FaqMatch:
        # "Do I have to pay for it?" is asked the other way round from "do you offer it?": an entry's
        # leading "Yes:" would answer the wrong question.
        if ASKS_IF_IT_COSTS.search(self.text) and YES_OR_NO.match(faq.answer):
            answer = YES_OR_NO.sub("", faq.answer, count=1)
            return faq.model_copy(update={"answer": answer[:1].upper() + answer[1:]})
        return faq

    def _reports_a_problem(self) -> bool:
        return bool(PROBLEM.search(self.text)) or has_cue(
            self.words, self.norm, "error", "errors", "fail", "fails", "failed", "failing", "broken", "down",
            "not working", "doesnt work", "does not work", "timeout", "timing out", "slow", "crash", "crashes",
            "wrong", "issue", "problem", "cannot", "can not", "unable")

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
        for other in open_incidents[:2]:
            regions = [r for r in other.get("regions") or () if r not in other["title"]]
            where = f" in {', '.join(regions)}" if regions else ""
            self.reply.add(f"The incident open at the moment is “{other['title']}”{where} (status: "
                           f"{other['status']}); if your app runs elsewhere, it isn't the cause.", answers=False)


def _numbered(steps: list[tuple[int, str]]) -> str:
    return "\n".join(f"{n}. {step}" for n, step in steps)


def _component_name(component: str) -> str:
    """"api" → "API": a component's short name is an acronym."""
    return component.upper() if len(component) <= 3 else component
