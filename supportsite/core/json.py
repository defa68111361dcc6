"""JSON for what the app stores as a record of what happened (agent steps, run summaries)."""

from __future__ import annotations

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder


class RecordJSONEncoder(DjangoJSONEncoder):
    """Django's encoder (ISO times, decimals, UUIDs); anything else it cannot encode as its str().

    A trace must be stored whatever a tool returned. Not json.dumps(cls=DjangoJSONEncoder,
    default=str): that hands every non-JSON value to str() without asking Django's encoder, and
    datetimes were stored as "2026-11-25 09:30:00+00:00".
    """

    def default(self, o: Any) -> Any:
        try:
            return super().default(o)
        except TypeError:
            return str(o)
