from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client


@pytest.fixture
def staff_user(demo):
    return get_user_model().objects.get(username="staff")


@pytest.fixture
def staff_client(staff_user) -> Client:
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.fixture
def second_staff(demo):
    user = get_user_model().objects.create_user("dana", password="x", is_staff=True, first_name="Dana")
    return user
