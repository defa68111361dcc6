"""The offline provider's evaluation: intent, out-of-scope, FAQ, knowledge base and the whole pipeline.

`python manage.py eval` prints these figures; tests/eval asserts floors on them. Every figure is
measured on data the component was not built from:
- intents: the held-out split of agents/data/intents/examples.csv (split=test);
- FAQ: the hand-written paraphrases in agents/data/faq_eval.jsonl (split=test), not in the index;
- knowledge base: agents/data/kb_eval.jsonl;
- pipeline: agents/data/eval_conversations.jsonl plus staff-saved RegressionCase rows, run through
  the real orchestrator with read ports over the database and an action port that writes nothing.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from agents.facts import AccountFact, ArticleFact, FaqFact, RefundFact
from supportsite.knowledge.demo_content import ARTICLES, FAQS

DATA_DIR = Path(__file__).resolve().parents[2] / "agents" / "data"
KB_EVAL_PATH = DATA_DIR / "kb_eval.jsonl"
CONVERSATIONS_PATH = DATA_DIR / "eval_conversations.jsonl"
SHORTCUT_THRESHOLD = 0.9


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def demo_faq_facts() -> list[FaqFact]:
    return [FaqFact(id=i, question=f["question"], answer=f["answer"], alternatives=tuple(f["alternatives"]),
                    tags=tuple(f["tags"])) for i, f in enumerate(FAQS, start=1)]


def demo_article_facts() -> list[ArticleFact]:
    return [ArticleFact(slug=a["slug"], title=a["title"], summary=a["summary"], body=a["body"],
                        tags=tuple(a["tags"]), url=f"/help/{a['slug']}/") for a in ARTICLES]


# --- intents ----------------------------------------------------------------------------------------
def evaluate_intents() -> dict[str, Any]:
    from agents.providers.offline.intents import get_classifier
    from agents.providers.offline.training_data import read_examples

    test = [e for e in read_examples() if e.split == "test"]
    classifier = get_classifier()
    started = time.perf_counter()
    predicted = [p.label for p in classifier.predict_many([e.text for e in test])]
    per_message_ms = (time.perf_counter() - started) * 1000 / max(len(test), 1)
    truth = [e.label for e in test]
    labels = sorted(set(truth))
    per_label = {}
    for label in labels:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_true = sum(1 for t in truth if t == label)
        per_label[label] = {"precision": round(tp / n_pred, 4) if n_pred else 0.0,
                            "recall": round(tp / n_true, 4) if n_true else 0.0, "support": n_true}
    by_source: dict[str, list[int]] = {}
    for example, label in zip(test, predicted, strict=True):
        by_source.setdefault(example.source.split("#")[0], []).append(int(label == example.label))
    correct = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p)
    return {
        **evaluate_trusted_local_intents(test),
        "intent_accuracy": round(correct / len(test), 4),
        "intent_test_examples": len(test),
        "intent_per_label": per_label,
        "intent_accuracy_by_source": {k: round(sum(v) / len(v), 4) for k, v in sorted(by_source.items())},
        "out_of_scope_recall": per_label.get("out_of_scope", {}).get("recall", 0.0),
        "intent_ms_per_message": round(per_message_ms, 2),
    }


def evaluate_trusted_local_intents(test: list[Any]) -> dict[str, Any]:
    """How often, and how rightly, the local label is taken without the LLM (when one is configured)."""
    from django.conf import settings

    from agents.orchestrator import local_intent_trusted
    from agents.providers.offline.intents import get_classifier

    threshold = settings.SUPPORT["TRUST_LOCAL_INTENT_AT"]
    classifier = get_classifier()
    trusted = [(example, result) for example in test
               if local_intent_trusted(result := classifier.classify(example.text), threshold=threshold)]
    right = sum(1 for example, result in trusted if result.label == example.label)
    return {
        "intent_trusted_threshold": threshold,
        "intent_trusted_share": round(len(trusted) / len(test), 4) if test else 0.0,
        "intent_trusted_examples": len(trusted),
        "intent_trusted_precision": round(right / len(trusted), 4) if trusted else None,
    }


def evaluate_public_references(datasets: Path) -> dict[str, Any]:
    """Figures on public data that never went into the shipped model (needs ../shared/datasets)."""
    from sklearn.metrics import accuracy_score

    from agents.providers.offline import intent_training
    from agents.providers.offline.intents import get_classifier
    from agents.providers.offline.training_data import Example

    result: dict[str, Any] = {}
    clinc = datasets / "clinc150" / "data_full.json"
    if clinc.exists():
        oos_test = [text for text, _ in json.loads(clinc.read_text(encoding="utf-8"))["oos_test"]]
        labels = [p.label for p in get_classifier().predict_many(oos_test)]
        result["clinc150_oos_test_recall"] = round(labels.count("out_of_scope") / len(labels), 4)
    banking = datasets / "banking77"
    if (banking / "train.csv").exists():
        import csv

        def rows(name: str) -> list[Example]:
            with (banking / name).open(encoding="utf-8") as handle:
                return [Example(r["text"], r["category"], "banking77") for r in csv.DictReader(handle)]

        train, test = rows("train.csv"), rows("test.csv")
        started = time.perf_counter()
        # The same features and model as the shipped classifier, trained on Banking77's 77 intents.
        pipeline = intent_training.build_pipeline()
        pipeline.named_steps["model"].set_params(class_weight=None)
        pipeline.fit([e.text for e in train], [e.label for e in train])
        predicted = pipeline.predict([e.text for e in test])
        result["banking77_accuracy"] = round(float(accuracy_score([e.label for e in test], predicted)), 4)
        result["banking77_train_seconds"] = round(time.perf_counter() - started, 1)
    return result


# --- FAQ --------------------------------------------------------------------------------------------
def evaluate_faq(threshold: float = SHORTCUT_THRESHOLD) -> dict[str, Any]:
    from agents.providers.offline.faq import OfflineFaqRetriever, faq_eval_rows

    entries = demo_faq_facts()
    started = time.perf_counter()
    retriever = OfflineFaqRetriever(entries)
    build_ms = (time.perf_counter() - started) * 1000
    rows = [r for r in faq_eval_rows() if r["split"] == "test"]
    answerable = top1 = fired = fired_right = fired_answerable = 0
    wrong_shortcuts = []
    for row in rows:
        best = retriever.search(row["text"], k=1)[0]
        right = row["faq"] is not None and best.question == row["faq"]
        if row["faq"] is not None:
            answerable += 1
            top1 += right
        if best.score > threshold:
            fired += 1
            fired_right += right
            fired_answerable += row["faq"] is not None
            if not right:
                wrong_shortcuts.append({"text": row["text"], "got": best.question, "score": best.score})
    return {
        "faq_top1_accuracy": round(top1 / answerable, 4),
        "faq_shortcut_precision": round(fired_right / fired, 4) if fired else 1.0,
        "faq_shortcut_coverage": round(fired_right / answerable, 4),
        "faq_test_questions": answerable,
        "faq_test_unanswerable": len(rows) - answerable,
        "faq_wrong_shortcuts": wrong_shortcuts,
        "faq_index_build_ms": round(build_ms, 1),
    }


# --- knowledge base ---------------------------------------------------------------------------------
def evaluate_kb() -> dict[str, Any]:
    from agents.outcome import ARTICLE_RELEVANT_FROM
    from agents.providers.offline.kb import OfflineArticleRetriever

    retriever = OfflineArticleRetriever(demo_article_facts())
    rows = _jsonl(KB_EVAL_PATH)
    # A row whose slug is null is a question the help centre has no guide on ("how do I set up a cron
    # job?"): right when no article is offered, as an unrelated guide would mislead.
    answerable = [row for row in rows if row["slug"]]
    no_guide = [row for row in rows if not row["slug"]]
    top1 = top3 = none_offered = 0
    for row in answerable:
        slugs = [m.slug for m in retriever.search(row["text"], k=3)]
        top1 += bool(slugs) and slugs[0] == row["slug"]
        top3 += row["slug"] in slugs
    for row in no_guide:
        none_offered += not [m for m in retriever.search(row["text"], k=3) if m.score >= ARTICLE_RELEVANT_FROM]
    return {"kb_top1_accuracy": round(top1 / len(answerable), 4), "kb_top3_accuracy": round(top3 / len(answerable), 4),
            "kb_test_questions": len(answerable),
            "kb_no_guide_accuracy": round(none_offered / len(no_guide), 4) if no_guide else None,
            "kb_no_guide_questions": len(no_guide)}


# --- the whole pipeline -----------------------------------------------------------------------------
@dataclass
class ConversationCase:
    message: str
    customer: str | None
    expected_route: str | list[str] | None
    # A message about two things ("my deploy failed and I was charged twice") is right with either
    # as the primary label: the panel answers both.
    expected_intent: str | list[str] | None
    must_contain: list[str]
    must_not_contain: list[str]
    origin: str = "eval_conversations.jsonl"
    # The turns before the message, oldest first, as (role, text) or (role, text, kinds of source the reply cited): a
    # follow-up is judged in its conversation ("is it fixed yet?" after a question about an outage; "I tried that"
    # after a reply that cited an FAQ entry).
    history: list[tuple[str, ...]] = field(default_factory=list)


def conversation_cases(*, include_regressions: bool = True) -> list[ConversationCase]:
    cases = [ConversationCase(message=r["message"], customer=r.get("customer"), expected_route=r.get("route"),
                              expected_intent=r.get("intent"), must_contain=r.get("must_contain", []),
                              must_not_contain=r.get("must_not_contain", []),
                              history=[tuple(turn) for turn in r.get("history", [])])
             for r in _jsonl(CONVERSATIONS_PATH)]
    if include_regressions:
        from supportsite.conversations.models import RegressionCase

        for case in RegressionCase.objects.all():
            cases.append(ConversationCase(
                message=case.message, customer=case.customer_external_id or None,
                expected_route=case.expected_route or None, expected_intent=None,
                must_contain=list(case.must_contain), must_not_contain=list(case.must_not_contain),
                origin=f"RegressionCase #{case.pk}",
            ))
    return cases


class _DryRunActions:
    """An action port that writes nothing: the evaluation must leave the demo data as it found it."""

    def __init__(self, account: AccountFact | None):
        self._account = account

    async def refund_request(self, *, customer_id: str, invoice_number: str, amount: Decimal, reason: str,
                             request_key: str, needs_approval: bool) -> RefundFact:
        return RefundFact(reference=f"EVAL-{invoice_number}", invoice_number=invoice_number, amount=amount,
                          status="pending_approval" if needs_approval else "completed", reason=reason)

    async def account_unlock(self, *, customer_id: str, request_key: str) -> AccountFact:
        if self._account is None:
            raise LookupError("no account")
        return self._account.model_copy(update={"status": "active", "failed_signins": 0, "locked_reason": ""})


class _AlwaysOpen:
    async def agents_may_reply(self) -> bool:
        return True


@dataclass
class _EvalPorts:
    billing: Any
    account: Any
    knowledge: Any
    actions: Any
    conversation: Any


def _case_context(case: ConversationCase):
    from agents.context import HistoryTurn, SupportContext
    from supportsite.conversations import bridge
    from supportsite.customers.models import CustomerProfile

    profile = None
    if case.customer:
        profile = CustomerProfile.objects.select_related("user", "plan").filter(external_id=case.customer).first()
        if profile is None:
            raise LookupError(f"Customer {case.customer} is missing: run `python manage.py seed_demo` first.")
    pk, ext = (profile.pk, profile.external_id) if profile else (None, None)
    ctx = SupportContext(
        conversation_id=str(uuid.uuid4()), run_id=str(uuid.uuid4()), message=case.message, goal=case.message,
        customer=bridge.customer_fact(profile) if profile else None, today=bridge.customer_today().isoformat(),
        history=[HistoryTurn(role=turn[0], text=turn[1], cited=list(turn[2]) if len(turn) > 2 else [])
                 for turn in case.history],
    )
    account = bridge.account_fact(profile) if profile else None
    ports = _EvalPorts(billing=bridge.BillingPortDB(pk, ext), account=bridge.AccountPortDB(pk, ext),
                       knowledge=bridge.KnowledgePortDB(), actions=_DryRunActions(account),
                       conversation=_AlwaysOpen())
    return ctx, ports


def _orchestrator(provider_kind: str):
    from django.conf import settings

    from agents.orchestrator import Orchestrator
    from agents.providers.offline import (
        OfflineProvider,
        article_index_build,
        faq_index_build,
        incident_match,
    )
    from supportsite.conversations.bridge import knowledge_article_facts, knowledge_faq_facts
    from supportsite.conversations.engine import orchestrator_config

    offline = OfflineProvider()
    provider: Any = offline
    if provider_kind == "openai":
        from agents.providers.factory import build_provider

        provider = build_provider(api_key=settings.OPENAI_API_KEY, base_url=settings.OPENAI_BASE_URL,
                                  model=settings.SUPPORT_LLM_MODEL, timeout_s=settings.SUPPORT["LLM_TIMEOUT_S"],
                                  offline=offline)
    return Orchestrator(provider=provider, fallback=offline, faq=faq_index_build(knowledge_faq_facts()),
                        kb=article_index_build(knowledge_article_facts()), incident_matcher=incident_match,
                        config=orchestrator_config())


def _as_expected(expected: str | list[str] | None, actual: str) -> bool:
    if expected is None:
        return True
    return actual in expected if isinstance(expected, list) else actual == expected


def evaluate_pipeline(*, provider_kind: str = "offline", include_regressions: bool = True,
                      limit: int | None = None) -> dict[str, Any]:
    """Run every scripted conversation (or the first `limit`) through the orchestrator; score routes and facts."""
    from agents.events import discard_events

    cases = conversation_cases(include_regressions=include_regressions)[:limit]
    orchestrator = _orchestrator(provider_kind)
    prepared = [_case_context(case) for case in cases]

    async def run_all() -> list[Any]:
        from agents.providers.factory import clients_close

        try:
            return [await orchestrator.run(ctx, ports=ports, sink=discard_events) for ctx, ports in prepared]
        finally:
            await clients_close()  # its connections belong to this loop, which ends here

    started = time.perf_counter()
    outcomes = asyncio.run(run_all())
    elapsed = time.perf_counter() - started
    routes_ok = intents_ok = facts_ok = 0
    intent_cases = 0
    failures = []
    routes = Counter()
    for case, outcome in zip(cases, outcomes, strict=True):
        reply = outcome.reply
        missing = [f for f in case.must_contain if f.lower() not in reply.lower()]
        leaked = [f for f in case.must_not_contain if f.lower() in reply.lower()]
        route_ok = _as_expected(case.expected_route, outcome.route)
        intent_ok = _as_expected(case.expected_intent, outcome.intent.label)
        routes_ok += route_ok
        facts_ok += not missing and not leaked
        if case.expected_intent is not None:
            intent_cases += 1
            intents_ok += intent_ok
        routes[outcome.route] += 1
        if missing or leaked or not route_ok or not intent_ok:
            failures.append({"message": case.message, "customer": case.customer, "origin": case.origin,
                             "route": outcome.route, "expected_route": case.expected_route,
                             "intent": outcome.intent.label, "expected_intent": case.expected_intent,
                             "missing": missing, "leaked": leaked, "reply": reply[:400]})
    n = len(cases)
    return {
        "pipeline_provider": provider_kind,
        "pipeline_cases": n,
        "route_accuracy": round(routes_ok / n, 4),
        "fact_accuracy": round(facts_ok / n, 4),
        "pipeline_intent_accuracy": round(intents_ok / intent_cases, 4) if intent_cases else None,
        "pipeline_routes": dict(routes),
        "pipeline_ms_per_conversation": round(elapsed * 1000 / n, 1),
        # An LLM that failed every call would leave the offline provider's figures under the LLM's
        # name: these say how many runs fell back, and how much the LLM was really used.
        "pipeline_model": getattr(orchestrator.provider, "model", provider_kind),
        "pipeline_runs_with_fallbacks": sum(1 for outcome in outcomes if outcome.fallbacks),
        "pipeline_intents_taken_locally": sum(1 for outcome in outcomes
                                              if outcome.summary.get("intent", {}).get("llm_skipped")),
        "pipeline_llm_tokens": sum(outcome.input_tokens + outcome.output_tokens for outcome in outcomes),
        "pipeline_failures": failures,
    }


def evaluate_all(*, pipeline: bool = True, providers: tuple[str, ...] = ("offline",),
                 datasets: Path | None = None, pipeline_limit: int | None = None) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    figures.update(evaluate_intents())
    figures.update(evaluate_faq())
    figures.update(evaluate_kb())
    if datasets is not None and datasets.exists():
        figures["public_reference"] = evaluate_public_references(datasets)
    if pipeline:
        for kind in providers:
            result = evaluate_pipeline(provider_kind=kind, limit=pipeline_limit)
            if kind == "offline":
                figures.update(result)
            else:
                figures[kind] = result
    return figures
