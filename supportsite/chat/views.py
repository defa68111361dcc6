from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie


@ensure_csrf_cookie
def chat_page(request: HttpRequest) -> HttpResponse:
    # An anonymous visitor's conversation is tied to the browser session, so make sure one exists.
    if not request.session.session_key:
        request.session.save()
    return render(request, "chat/index.html")
