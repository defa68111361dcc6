"""python manage.py create_api_key --name NAME --scopes a,b [--customer cus_alice]: prints the key once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from supportsite.api.keys import api_key_create
from supportsite.api.models import Scope
from supportsite.core.errors import DomainError


class Command(BaseCommand):
    help = "Create an API key for an integration and print it (it is stored only as a hash)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="The integration's name, e.g. crm or mobile-backend.")
        parser.add_argument(
            "--scopes", required=True, help=f"Comma-separated scopes: {', '.join(Scope.values)}.",
        )
        parser.add_argument("--customer", default="", help="Bind the key to one customer's external id.")
        parser.add_argument("--rate-limit", type=int, default=None, help="Requests a minute for this key.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            api_key, raw_key = api_key_create(
                name=options["name"], scopes=options["scopes"].split(","), customer_external_id=options["customer"],
                rate_limit_per_minute=options["rate_limit"],
            )
        except DomainError as exc:
            raise CommandError(exc.detail) from exc
        self.stderr.write(
            f"Created key {api_key.prefix}… for {api_key.name} with scopes {', '.join(api_key.scopes) or '(none)'}. "
            "Copy it now: it cannot be shown again."
        )
        self.stdout.write(raw_key)
