from django.conf import settings
from django.http import HttpRequest


def support_provider(request: HttpRequest) -> dict[str, object]:
    """Tell every page which model answers, so the footer can say so honestly."""
    if settings.OPENAI_API_KEY or settings.OPENAI_BASE_URL:
        return {"support_provider": "openai", "support_model": settings.SUPPORT_LLM_MODEL}
    return {"support_provider": "offline", "support_model": "built-in offline models"}
