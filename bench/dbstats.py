"""Read the stored runs of a scenario back: context stage vs slowest worker, LLM calls per run.

Run as `python -m bench.dbstats RUN_ID...` (run ids on stdin, one a line) with the
scenario's DATABASE_URL; prints one JSON object per run id.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportsite.settings")
    import django

    django.setup()
    from supportsite.conversations.models import AgentRun, AgentStep

    run_ids = [line.strip() for line in sys.stdin if line.strip()]
    out: dict[str, dict] = {}
    for start in range(0, len(run_ids), 500):
        chunk = run_ids[start:start + 500]
        runs = {str(r.id): r for r in AgentRun.objects.filter(id__in=chunk)}
        steps = AgentStep.objects.filter(run_id__in=chunk).values(
            "id", "run_id", "parent_id", "agent", "kind", "name", "started_at", "duration_ms", "input",
        )
        by_run: dict[str, list[dict]] = {}
        for step in steps:
            by_run.setdefault(str(step["run_id"]), []).append(step)
        for run_id, run in runs.items():
            rows = by_run.get(run_id, [])
            context = next((s for s in rows if s["agent"] == "context" and s["kind"] == "agent"), None)
            workers = [s for s in rows if context is not None and s["parent_id"] == context["id"]]
            t0 = min((s["started_at"] for s in rows), default=None)
            out[run_id] = {
                "route": run.route, "status": run.status, "fallbacks": run.fallbacks,
                "context_ms": context["duration_ms"] if context else None,
                "max_worker_ms": max((w["duration_ms"] for w in workers), default=None),
                "workers": len(workers),
                "llm": [
                    {"name": s["name"], "agent": s["agent"], "operation": (s["input"] or {}).get("operation", ""),
                     "provider": (s["input"] or {}).get("provider", ""),
                     "start_ms": (s["started_at"] - t0).total_seconds() * 1000, "duration_ms": s["duration_ms"]}
                    for s in sorted(rows, key=lambda s: s["started_at"]) if s["kind"] == "llm"
                ],
            }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
