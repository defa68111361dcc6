"""The chat page, the owner's conversation list (JSON), and help-centre articles."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_http_methods

from supportsite.chat.markdown import markdown_html
from supportsite.conversations.selectors import conversation_summaries_for_owner, customer_for_user
from supportsite.conversations.services import conversation_start_for_owner, conversations_adopt_on_sign_in
from supportsite.core.errors import DomainError
from supportsite.knowledge.models import Article


def _session_key(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key or ""


class SignInView(auth_views.LoginView):
    """Django's sign-in, which also hands the visitor's anonymous chat over to their account."""

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        anonymous_key = self.request.session.session_key or ""  # login() replaces it
        response = super().form_valid(form)
        customer = customer_for_user(form.get_user())
        if customer is not None:
            conversations_adopt_on_sign_in(session_key=anonymous_key, customer=customer)
        return response


@ensure_csrf_cookie
def chat_page(request: HttpRequest) -> HttpResponse:
    customer = customer_for_user(request.user)
    if customer is None and not request.user.is_authenticated:
        # An anonymous visitor's conversation lives as long as the browser session: the
        # cookie goes when the browser closes. Signing in keeps a customer's history instead.
        request.session.set_expiry(0)
    _session_key(request)  # the websocket finds the visitor's conversation through this session
    return render(
        request, "chat/index.html",
        {
            "signed_in_customer": customer,
            "chat_config": {
                "maxMessageChars": settings.SUPPORT["MAX_MESSAGE_CHARS"],
                # A reply awaited with nothing heard for this long: the page reloads the conversation.
                "resyncAfterMs": int(settings.SUPPORT["CHAT_RESYNC_AFTER_S"] * 1000),
                "signedIn": customer is not None,
                # Which stored conversation and outbox this tab's storage belongs to.
                "owner": f"user-{request.user.pk}" if request.user.is_authenticated else "anonymous",
                "conversationsUrl": "/chat/conversations/",
                "loginUrl": settings.LOGIN_URL,
            },
        },
    )


@require_http_methods(["GET", "POST"])
def conversations(request: HttpRequest) -> JsonResponse:
    """GET: the owner's web conversations, newest first. POST: start a new one (CSRF-checked)."""
    customer = customer_for_user(request.user)
    session_key = "" if customer else _session_key(request)
    if request.method == "POST":
        try:
            conversation = conversation_start_for_owner(customer=customer, session_key=session_key)
        except DomainError as exc:
            return JsonResponse({"code": exc.code, "detail": exc.detail}, status=exc.status)
        return JsonResponse({"conversation_id": str(conversation.id), "status": conversation.status}, status=201)
    return JsonResponse(
        {"conversations": conversation_summaries_for_owner(customer=customer, session_key=session_key)}
    )


def help_article(request: HttpRequest, slug: str) -> HttpResponse:
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        raise Http404("No such article.")
    return render(request, "chat/article.html", {"article": article, "body_html": markdown_html(article.body)})
