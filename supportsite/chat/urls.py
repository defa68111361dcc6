from django.urls import path

from supportsite.chat import views

app_name = "chat"
urlpatterns = [
    path("", views.chat_page, name="page"),
]
