from django.urls import path

from supportsite.chat.consumers import ChatConsumer
from supportsite.conversations.staff_consumers import StaffConversationConsumer

websocket_urlpatterns = [
    path("ws/chat/", ChatConsumer.as_asgi()),
    path("ws/staff/conversations/<uuid:conversation_id>/", StaffConversationConsumer.as_asgi()),
]
