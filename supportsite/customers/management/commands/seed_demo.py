from django.core.management.base import BaseCommand

from supportsite.customers.demo import demo_seed


class Command(BaseCommand):
    help = "Load the Northwind Cloud demo company (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        counts = demo_seed()
        self.stdout.write(self.style.SUCCESS("Demo data ready: " + ", ".join(f"{v} {k}" for k, v in counts.items())))
