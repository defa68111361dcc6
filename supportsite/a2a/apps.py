from django.apps import AppConfig
from django.db.models.signals import post_save


class A2AConfig(AppConfig):
    name = "supportsite.a2a"
    label = "a2a"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from supportsite.a2a.services import a2a_staff_message_saved
        from supportsite.conversations.models import Message

        # Every way a person's message is stored (a reply, a note on an approved action) can
        # answer an A2A task handed to them; the services that store them stay unaware of A2A.
        post_save.connect(a2a_staff_message_saved, sender=Message, dispatch_uid="a2a-staff-message-saved")
