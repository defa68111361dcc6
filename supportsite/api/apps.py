from http import HTTPStatus

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def reason_phrases_for_daphne() -> None:
    """Give Daphne a reason phrase for every status, so a 429 is not "429 Unknown Status".

    ASGI carries no reason phrase, so Daphne's status line takes it from Twisted's table, which
    lacks some the API sends (422, 429). Fill in the missing ones from Python's own list; the
    entries Twisted has stay as they are.
    """
    try:
        from twisted.web import http as twisted_http
    except ImportError:  # served by another ASGI server, which writes its own status line
        return
    for status in HTTPStatus:
        twisted_http.RESPONSES.setdefault(status.value, status.phrase.encode())


class ApiConfig(AppConfig):
    name = "supportsite.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from supportsite.api.models import WebhookEndpoint
        from supportsite.api.webhooks import webhook_endpoints_changed

        # The enqueue path remembers "no endpoints" for a moment; a change here must end that.
        post_save.connect(webhook_endpoints_changed, sender=WebhookEndpoint, dispatch_uid="webhook-endpoints-saved")
        post_delete.connect(webhook_endpoints_changed, sender=WebhookEndpoint, dispatch_uid="webhook-endpoints-deleted")
        reason_phrases_for_daphne()
