from django.apps import AppConfig


class A2AConfig(AppConfig):
    name = "supportsite.a2a"
    label = "a2a"
    default_auto_field = "django.db.models.BigAutoField"
