"""Measure the offline provider (and the LLM provider when OPENAI_BASE_URL is set).

    python manage.py eval            # a table
    python manage.py eval --json     # the same figures as JSON
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from supportsite.knowledge.evaluation import evaluate_all


class Command(BaseCommand):
    help = "Evaluate intent classification, FAQ and knowledge-base retrieval and the whole pipeline."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument("--no-pipeline", action="store_true",
                            help="Skip the demo conversations (they need the seeded demo database).")
        parser.add_argument("--public", action="store_true",
                            help="Also measure on public data outside the project (CLINC150 out-of-scope test, "
                                 "Banking77 with the same features); needs ../shared/datasets.")
        parser.add_argument("--datasets", default=str(Path(settings.BASE_DIR).parent / "shared" / "datasets"))
        parser.add_argument("--cases", type=int, default=None, metavar="N",
                            help="Run only the first N demo conversations (a quick check, e.g. of an LLM).")

    def handle(self, *args, **options):
        providers: tuple[str, ...] = ("offline",)
        if settings.OPENAI_BASE_URL:
            providers = ("offline", "openai")
        figures = evaluate_all(pipeline=not options["no_pipeline"], providers=providers,
                               datasets=Path(options["datasets"]) if options["public"] else None,
                               pipeline_limit=options["cases"])
        if options["json"]:
            self.stdout.write(json.dumps(figures, indent=2, default=str))
            return
        self.stdout.write(render_table(figures))


def render_table(figures: dict) -> str:
    rows = [
        ("Intent accuracy (held-out split)", figures.get("intent_accuracy"), f"n={figures.get('intent_test_examples')}"),
        ("Out-of-scope recall (held-out split)", figures.get("out_of_scope_recall"), ""),
        ("Local intent taken without the LLM: precision", figures.get("intent_trusted_precision"),
         f"{figures.get('intent_trusted_examples')} of n={figures.get('intent_test_examples')} at confidence "
         f">= {figures.get('intent_trusted_threshold')}"),
        ("FAQ top-1 accuracy (unseen paraphrases)", figures.get("faq_top1_accuracy"), f"n={figures.get('faq_test_questions')}"),
        ("FAQ shortcut precision (score > 0.9)", figures.get("faq_shortcut_precision"),
         f"+{figures.get('faq_test_unanswerable')} unanswerable"),
        ("FAQ shortcut coverage", figures.get("faq_shortcut_coverage"), ""),
        ("KB top-3 accuracy", figures.get("kb_top3_accuracy"), f"n={figures.get('kb_test_questions')}"),
        ("KB no guide offered when none fits", figures.get("kb_no_guide_accuracy"),
         f"n={figures.get('kb_no_guide_questions')}"),
    ]
    if "route_accuracy" in figures:
        rows += [
            ("Pipeline route accuracy (demo conversations)", figures["route_accuracy"], f"n={figures['pipeline_cases']}"),
            ("Pipeline fact accuracy (demo conversations)", figures["fact_accuracy"], ""),
        ]
    if "openai" in figures:
        llm = figures["openai"]
        rows += [("LLM pipeline route accuracy", llm["route_accuracy"], f"n={llm['pipeline_cases']}, "
                  f"model {llm['pipeline_model']}"),
                 ("LLM pipeline fact accuracy", llm["fact_accuracy"], ""),
                 ("LLM runs that fell back to offline", llm["pipeline_runs_with_fallbacks"],
                  f"{llm['pipeline_llm_tokens']} LLM tokens"),
                 ("LLM runs whose intent the local label settled", llm["pipeline_intents_taken_locally"],
                  "no LLM classify call")]
    for key, value in (figures.get("public_reference") or {}).items():
        rows.append((f"Public: {key}", value, ""))
    width = max(len(r[0]) for r in rows)
    lines = [f"{'Metric':<{width}}  Value   Note", "-" * (width + 20)]
    for name, value, note in rows:
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        lines.append(f"{name:<{width}}  {shown:<6}  {note}")
    lines.append("")
    lines.append("Per-label precision / recall (intents):")
    for label, pr in (figures.get("intent_per_label") or {}).items():
        lines.append(f"  {label:<13} P={pr['precision']:.3f}  R={pr['recall']:.3f}  n={pr['support']}")
    for failure in figures.get("pipeline_failures", []):
        lines.append(f"  pipeline miss: {failure['message']!r} ({failure['customer']}) route={failure['route']} "
                     f"intent={failure['intent']} missing={failure['missing']} leaked={failure['leaked']}")
    return "\n".join(lines)
