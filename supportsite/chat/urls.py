from django.urls import path

from supportsite.chat import views

app_name = "chat"
urlpatterns = [
    path("", views.chat_page, name="page"),
    path("chat/conversations/", views.conversations, name="conversations"),
    path("help/<slug:slug>/", views.help_article, name="help-article"),
]
