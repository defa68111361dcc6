"""Signed-in sessions and fresh conversations for the benchmark's customers.

Run as `python -m bench.prepare N` with the scenario's DATABASE_URL: creates one session per
demo customer (alice, bob: no password hashing in the measured path) and N new conversations
spread over them, and prints JSON [{"cookie": ..., "conversation": ...}, ...]. Each benchmark
client then resumes its own conversation with ?conversation=<uuid>, as a returning browser does.
"""

from __future__ import annotations

import json
import os
import sys

CUSTOMERS = ("alice", "bob")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportsite.settings")
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from supportsite.conversations.models import Conversation
    from supportsite.customers.models import CustomerProfile

    count = int(sys.argv[1])
    cookies = {}
    profiles = {}
    for username in CUSTOMERS:
        profile = CustomerProfile.objects.select_related("user").get(user__username=username)
        session = SessionStore()
        session[SESSION_KEY] = str(profile.user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = profile.user.get_session_auth_hash()
        session.create()
        cookies[username], profiles[username] = session.session_key, profile
    conversations = Conversation.objects.bulk_create(
        [Conversation(customer=profiles[CUSTOMERS[i % len(CUSTOMERS)]]) for i in range(count)], batch_size=500
    )
    json.dump(
        [{"cookie": cookies[CUSTOMERS[i % len(CUSTOMERS)]], "conversation": str(c.id)}
         for i, c in enumerate(conversations)],
        sys.stdout,
    )


if __name__ == "__main__":
    main()
