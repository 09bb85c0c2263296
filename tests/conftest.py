import io

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture
def shipped_content(db):
    """The guides, skills and marketplaces the site ships with, loaded as `make run` does."""
    call_command("load_content", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("bn")


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-editor-123", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with no cached page (the database is rolled back between tests)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
