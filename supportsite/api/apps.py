from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "supportsite.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"
