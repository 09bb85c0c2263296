import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

# Every app whose rows `load_content` writes, with the shipped text's revisions. The search
# index is left out: loading the rows indexes them again (its signals index raw saves too).
CONTENT_APPS = [
    "skills",
    "marketplaces",
    "glossary",
    "guides",
    "training",
    "questions",
    "planner",
    "checks",
    "editorial",
    "reversion",
]


@pytest.fixture(scope="session")
def shipped_content_fixture(django_db_setup, django_db_blocker, tmp_path_factory):
    """The shipped content, loaded (Markdown rendered, terms linked) once and dumped as a fixture.

    `load_content` takes seconds (every body rendered, every term linked); loading its dump
    takes a fraction, and it was most of the suite's time.
    """
    path = tmp_path_factory.mktemp("content") / "shipped.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", stdout=io.StringIO())
        call_command("dumpdata", *CONTENT_APPS, natural_foreign=True, output=str(path), stdout=io.StringIO())
        transaction.set_rollback(True)
    return path


@pytest.fixture
def shipped_content(db, shipped_content_fixture):
    """The content the site ships with, as `make run` loads it (from the session's dump)."""
    call_command("loaddata", str(shipped_content_fixture), stdout=io.StringIO())


@pytest.fixture(scope="class")
def shipped_content_for_class(django_db_setup, django_db_blocker, shipped_content_fixture):
    """The shipped content loaded once for a class of tests that only read it.

    Loading takes seconds and some classes hold dozens of tests. The rows live in a transaction
    around the class, rolled back after its last test; each test still runs in a savepoint of
    its own (pytest-django's `db`), so a write in one test does not reach the next.
    """
    with django_db_blocker.unblock():
        around_class = transaction.atomic()
        around_class.__enter__()
        call_command("loaddata", str(shipped_content_fixture), stdout=io.StringIO())
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            around_class.__exit__(None, None, None)


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
    """Every test starts with no cached page and no count of pages served not yet stored (the
    database is rolled back between tests)."""
    from django.core.cache import caches

    from freelanceguide.page_cache import tallies

    for cache in caches.all():
        cache.clear()
    tallies.clear()
