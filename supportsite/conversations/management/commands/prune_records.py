"""python manage.py prune_records [--dry-run]: the retention policy, run from cron or a scheduled job.

    python manage.py prune_records --dry-run            # what would go, nothing changed
    python manage.py prune_records --step-payloads-days 30
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from supportsite.api import retention as api_retention
from supportsite.conversations import retention as trace_retention


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise CommandError(f"Expected a number of days or hours, not {value!r}.") from None
    if number <= 0:
        raise CommandError(f"Expected more than 0, not {value}: a retention of nothing would prune what is in use.")
    return number


class Command(BaseCommand):
    help = ("Prune old records: the inputs and outputs of old runs' steps (their timings stay), finished webhook "
            "deliveries, and idempotency results past the retry window. Defaults come from SUPPORT['RETENTION'].")

    def add_arguments(self, parser: CommandParser) -> None:
        retention = settings.SUPPORT["RETENTION"]
        parser.add_argument("--step-payloads-days", type=str, default=str(retention["STEP_PAYLOADS_DAYS"]),
                            help="let go of step inputs and outputs of runs finished this many days ago or more")
        parser.add_argument("--webhook-deliveries-days", type=str, default=str(retention["WEBHOOK_DELIVERIES_DAYS"]),
                            help="delete delivered or given-up webhook deliveries this many days old or more")
        parser.add_argument("--idempotency-hours", type=str, default=str(retention["IDEMPOTENCY_HOURS"]),
                            help="delete idempotency results this many hours old or more")
        parser.add_argument("--dry-run", action="store_true", help="count what would be pruned; change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        steps_before = now - timedelta(days=_positive(options["step_payloads_days"]))
        deliveries_before = now - timedelta(days=_positive(options["webhook_deliveries_days"]))
        idempotency_before = now - timedelta(hours=_positive(options["idempotency_hours"]))
        if options["dry_run"]:
            counts = {
                "step payloads": trace_retention.step_payloads_to_prune(finished_before=steps_before).count(),
                "webhook deliveries": api_retention.webhook_deliveries_to_prune(
                    created_before=deliveries_before).count(),
                "idempotency results": api_retention.idempotency_records_to_prune(
                    created_before=idempotency_before).count(),
            }
        else:
            counts = {
                "step payloads": trace_retention.step_payloads_prune(finished_before=steps_before, now=now),
                "webhook deliveries": api_retention.webhook_deliveries_prune(created_before=deliveries_before),
                "idempotency results": api_retention.idempotency_records_prune(created_before=idempotency_before),
            }
        verb = "Would prune" if options["dry_run"] else "Pruned"
        self.stdout.write(f"{verb}: " + ", ".join(f"{count} {what}" for what, count in counts.items()))
