"""The database goes away: readers get a 503 page in their language, /healthz says so, and the
site recovers by itself when the database is back (no restart).

Requests go through Django's real WSGI handler, as under gunicorn: unlike the test client, it
closes broken connections at the end of each request, which is what recovery relies on.
"""

import io
import json
import socket

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.utils import translation

from freelanceguide import errors
from tests import factories


def wsgi_get(path, **extra):
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET", **extra)
    environ["wsgi.input"] = io.BytesIO()
    status_headers = {}

    def start_response(status, headers, exc_info=None):
        status_headers["status"] = int(status.split()[0])
        status_headers["headers"] = dict(headers)

    result = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()  # request_finished: Django drops unusable connections here
    return status_headers["status"], status_headers["headers"], body.decode()


def unused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_switch(transactional_db):
    """Points the default connection at a database that cannot be reached, then back."""
    original = dict(connection.settings_dict)

    def down():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
        else:
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(unused_port()))

    def up():
        # Only the address changes back; the broken connection is left for Django to deal with.
        connection.settings_dict.update(original)

    yield type("Switch", (), {"down": staticmethod(down), "up": staticmethod(up)})
    connection.settings_dict.update(original)
    connection.close()


def test_readers_get_a_503_page_in_their_language_and_the_site_recovers(database_switch):
    factories.guide(slug="steady")
    assert wsgi_get("/bn/guides/steady/")[0] == 200

    database_switch.down()
    # A page already rendered is still served from the page cache while the database is away...
    assert wsgi_get("/bn/guides/steady/")[0] == 200
    # ...and one that needs the database gets the 503 page.
    for lang, path in [("bn", "/bn/guides/"), ("en", "/en/skills/"), ("bn", "/bn/")]:
        status, headers, page = wsgi_get(path)
        assert status == 503, (path, page[:300])
        assert headers["Retry-After"] == str(errors.RETRY_AFTER)
        assert headers["Cache-Control"] == "no-store"
        assert f'<html lang="{lang}">' in page
        with translation.override(lang):
            assert translation.gettext("Temporarily unavailable") in page
        assert "OperationalError" not in page and "Traceback" not in page

    database_switch.up()
    status, _headers, page = wsgi_get("/bn/guides/steady/")
    assert status == 200
    assert "গাইড" in page


def test_healthz_reports_the_database_for_the_load_balancer(database_switch):
    assert wsgi_get("/healthz")[0] == 200
    database_switch.down()
    status, headers, body = wsgi_get("/healthz")
    assert status == 503
    assert json.loads(body) == {"status": "error", "database": "unreachable"}
    assert "no-cache" in headers["Cache-Control"]
    database_switch.up()
    assert wsgi_get("/healthz")[0] == 200


def test_a_logged_in_editor_gets_the_503_page_too(database_switch, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw-editor-123")
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}; django_language=en"
    assert wsgi_get("/admin/guides/guide/", HTTP_COOKIE=cookie)[0] == 200
    database_switch.down()
    status, _headers, page = wsgi_get("/admin/guides/guide/", HTTP_COOKIE=cookie)
    assert status == 503 and '<html lang="en">' in page
    database_switch.up()
    assert wsgi_get("/admin/guides/guide/", HTTP_COOKIE=cookie)[0] == 200


def test_a_database_error_raised_outside_a_view_still_gets_the_503_page():
    request = RequestFactory().get("/en/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = errors.server_error(request)
    assert response.status_code == 503 and response["Retry-After"]


def test_other_server_errors_stay_500():
    request = RequestFactory().get("/en/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = errors.server_error(request)
    assert response.status_code == 500 and b"boom" not in response.content


def test_an_unreachable_redis_cache_gives_the_503_page_too(settings):
    from django.core.cache.backends.redis import RedisCache
    from redis.exceptions import ConnectionError as RedisConnectionError

    cache = RedisCache(f"redis://127.0.0.1:{unused_port()}/0", {"OPTIONS": {"socket_connect_timeout": 1}})
    request = RequestFactory().get("/en/", HTTP_ACCEPT_LANGUAGE="en")
    with pytest.raises(RedisConnectionError) as raised:
        cache.get("page")
    try:
        raise raised.value
    except RedisConnectionError:
        response = errors.server_error(request)  # handler500 runs inside the except block
    assert response.status_code == 503 and b"Temporarily unavailable" in response.content
