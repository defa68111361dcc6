from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "supportsite.chat"
    label = "chat"
    default_auto_field = "django.db.models.BigAutoField"
