from django.contrib import admin
from django.urls import include, path

from supportsite.api.views import api, api_base_without_slash
from supportsite.chat.views import SignInView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", SignInView.as_view(), name="login"),  # before auth.urls: it carries the chat over
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/v1/", api.urls),
    path("api/v1", api_base_without_slash),
    path("", include("supportsite.chat.urls")),
]
