from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


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
