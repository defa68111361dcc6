"""API keys as staff make them: the command and the admin show a key once and keep only its hash."""

from __future__ import annotations

import hashlib

import pytest

from supportsite.api.models import ApiKey


def test_create_api_key_prints_the_key_once_and_stores_only_its_hash(demo, capsys):
    from django.core.management import call_command

    call_command("create_api_key", "--name", "crm", "--scopes", "conversations:read,messages:write")
    raw = capsys.readouterr().out.strip()
    key = ApiKey.objects.get()
    assert raw.startswith("nw_") and key.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert key.scopes == ["conversations:read", "messages:write"] and raw.startswith(key.prefix)
    assert raw not in str(ApiKey.objects.values().get())
    with pytest.raises(Exception, match="Unknown scopes"):
        call_command("create_api_key", "--name", "crm", "--scopes", "everything")


def test_staff_create_a_key_in_the_admin_see_it_once_and_revoke_it(demo, client, settings):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.get(username="staff")
    client.force_login(staff)
    response = client.post("/admin/api/apikey/add/", {"name": "helpdesk", "scopes": ["conversations:read"]}, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    raw = next(word for m in shown for word in m.split() if word.startswith("nw_"))
    key = ApiKey.objects.get(name="helpdesk")
    assert key.key_hash == hashlib.sha256(raw.encode()).hexdigest() and key.created_by == staff
    assert raw not in client.get(f"/admin/api/apikey/{key.pk}/change/").content.decode()
    client.post("/admin/api/apikey/", {"action": "revoke_keys", "_selected_action": [key.pk]})
    key.refresh_from_db()
    assert key.revoked_at is not None
