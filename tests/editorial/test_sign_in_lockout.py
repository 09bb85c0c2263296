"""The admin login locks out after repeated failures, per user name and per address (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation

from freelanceguide.security import client_ip

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", password="pw-editor-123", is_staff=True)


def attempt(username, password, address="203.0.113.5", lang="bn"):
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=lang)
    return client.post(LOGIN, {"username": username, "password": password})


def locked_message(lang):
    with translation.override(lang):
        return translation.gettext("Login blocked for a while")


def assert_locked(response, lang="bn"):
    assert response.status_code == 429
    page = response.content.decode()
    assert locked_message(lang) in page
    assert f'<html lang="{lang}">' in page
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()


def test_a_user_name_locks_out_after_the_limit_even_from_many_addresses(editor):
    for n in range(LIMIT - 1):
        response = attempt("editor", "wrong", address=f"198.51.100.{n + 1}")
        assert response.status_code == 200  # the login form again, with its error
    assert_locked(attempt("editor", "wrong", address="198.51.100.99"))
    # Locked: even the right password from a fresh address is refused.
    assert_locked(attempt("editor", "pw-editor-123", address="192.0.2.1", lang="en"), lang="en")


def test_an_address_locks_out_after_the_limit_even_with_many_user_names(editor):
    for n in range(LIMIT - 1):
        assert attempt(f"guess{n}", "wrong").status_code == 200
    assert_locked(attempt("guess-last", "wrong"))
    assert_locked(attempt("editor", "pw-editor-123"))
    # Another address and the right password still work: the lockout is per address.
    assert attempt("editor", "pw-editor-123", address="192.0.2.7").status_code == 302


def test_the_lockout_message_is_in_english_for_english_readers(editor):
    for _n in range(LIMIT):
        response = attempt("editor", "wrong", lang="en")
    assert_locked(response, lang="en")
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"{minutes} minutes" in response.content.decode()


def test_the_bangla_lockout_message_uses_bangla_digits(editor):
    for _n in range(LIMIT):
        response = attempt("editor", "wrong")
    assert "১৫" in response.content.decode()


def test_a_success_before_the_limit_resets_the_count(editor):
    for _n in range(LIMIT - 1):
        attempt("editor", "wrong")
    assert attempt("editor", "pw-editor-123").status_code == 302
    assert not AccessAttempt.objects.filter(username="editor").exists()
    assert attempt("editor", "wrong").status_code == 200


def test_the_lockout_ends_after_the_cool_off(editor):
    for _n in range(LIMIT):
        attempt("editor", "wrong")
    assert_locked(attempt("editor", "pw-editor-123"))
    AccessAttempt.objects.update(attempt_time="2000-01-01T00:00:00Z")
    assert attempt("editor", "pw-editor-123").status_code == 302


def test_the_test_client_and_scripts_still_log_in(client, editor):
    assert client.login(username="editor", password="pw-editor-123")
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.2"),  # no proxy: X-Forwarded-For is the client's own claim
        (1, "1.1.1.1, 203.0.113.9", "203.0.113.9"),  # one load balancer: the address it saw
        (1, "", "10.0.0.2"),
        (2, "1.1.1.1, 203.0.113.9, 10.0.0.9", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # fewer entries than proxies: not trusted
    ],
)
def test_the_client_address_behind_proxies(rf, proxies, forwarded, expected):
    request = rf.get("/admin/login/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXIES=proxies):
        assert client_ip(request) == expected
