"""The whole-page cache: hits skip all work, edits and new translations show at once, 304s."""

import gzip
import io
import os
from pathlib import Path

import brotli
import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from freelanceguide import page_cache
from tests import factories

pytestmark = pytest.mark.django_db


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.fixture
def guide():
    return factories.guide(slug="cached", title_bn="পুরোনো শিরোনাম", title_en="Old title", path_position=1)


@pytest.fixture
def editor(django_user_model):
    """An editor in their own browser, apart from the anonymous reader's `client`."""
    editor = Client()
    user = django_user_model.objects.create_user("ed", password="pw-editor-123", is_staff=True, is_superuser=True)
    editor.force_login(user)
    return editor


def test_second_visit_is_served_from_the_cache_with_every_security_header(client, guide):
    first, first_queries = queries_for(client, "/bn/guides/cached/")
    second, second_queries = queries_for(client, "/bn/guides/cached/")
    assert first_queries > 0 and second_queries == 0
    assert second.content == first.content
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "Content-Type",
    ):
        assert second[header] == first[header], header
    # The same policy for everyone, so it must not carry a per-request nonce.
    assert "nonce-" not in second["Content-Security-Policy"]
    assert "Cookie" not in second.get("Vary", "")
    assert not second.cookies


@pytest.mark.parametrize(
    ("field", "value", "url"),
    [
        ("title_bn", "নতুন শিরোনাম", "/bn/guides/cached/"),
        ("title_en", "New title", "/en/guides/cached/"),
        ("title_bn", "নতুন শিরোনাম", "/bn/"),
        ("title_en", "New title", "/en/guides/"),
    ],
)
def test_an_edit_in_either_language_is_visible_at_once(client, guide, field, value, url):
    assert value not in client.get(url).content.decode()
    setattr(guide, field, value)
    guide.save()
    assert value in client.get(url).content.decode()


def test_an_edit_published_in_the_admin_is_visible_to_readers_at_once(client, editor, guide):
    assert "Old title" in client.get("/en/guides/cached/").content.decode()
    form = {
        "slug": "cached",
        "topic": guide.topic_id,
        "title_bn": "পুরোনো শিরোনাম",
        "title_en": "Edited in the admin",
        "body_bn": guide.body_bn,
        "body_en": guide.body_en,
        "published": "on",
        "path_position": "1",
    }
    assert editor.post(f"/admin/guides/guide/{guide.pk}/change/", form).status_code == 302
    # A live guide's edit is a draft: the cached page stays the live one until it is published.
    assert "Old title" in client.get("/en/guides/cached/").content.decode()
    assert editor.post(f"/admin/guides/guide/{guide.pk}/publish/").status_code == 302
    assert "Edited in the admin" in client.get("/en/guides/cached/").content.decode()


def test_related_items_topics_categories_and_payment_methods_invalidate(client, guide):
    skill = factories.skill(name_en="Linked skill")
    market = factories.marketplace(slug="mkt")
    payout = factories.payout(market)
    assert "Linked skill" not in client.get("/en/guides/cached/").content.decode()
    guide.skills.add(skill)  # m2m change
    assert "Linked skill" in client.get("/en/guides/cached/").content.decode()
    guide.topic.name_en = "Renamed topic"
    guide.topic.save()
    assert "Renamed topic" in client.get("/en/guides/cached/").content.decode()
    skill.category.name_bn = "নতুন বিভাগ"
    skill.category.save()
    assert "নতুন বিভাগ" in client.get("/bn/skills/").content.decode()
    payout.method.name_en = "Renamed method"
    payout.method.save()
    assert "Renamed method" in client.get("/en/marketplaces/mkt/").content.decode()
    payout.delete()
    assert "Renamed method" not in client.get("/en/marketplaces/mkt/").content.decode()
    resource = factories.resource(skill, title_en="A new course")
    assert "A new course" in client.get(f"/en/skills/{skill.slug}/").content.decode()
    resource.delete()
    assert "A new course" not in client.get(f"/en/skills/{skill.slug}/").content.decode()


def test_unpublishing_removes_the_page_at_once(client, guide):
    assert client.get("/bn/guides/cached/").status_code == 200
    guide.published = False
    guide.save()
    assert client.get("/bn/guides/cached/").status_code == 404


def test_pages_rendered_before_the_commit_are_dropped_when_it_commits(
    client, guide, django_capture_on_commit_callbacks
):
    """A reader may render between an editor's save and its commit, from the old data."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        guide.title_en = "Committed title"
        guide.save()
    client.get("/en/guides/cached/")  # rendered and stored "during the transaction"
    assert queries_for(client, "/en/guides/cached/")[1] == 0
    assert callbacks, "the save must schedule a second bump for the commit"
    for callback in callbacks:
        callback()
    assert queries_for(client, "/en/guides/cached/")[1] > 0


def test_new_translations_or_code_change_the_fingerprint(settings, tmp_path):
    catalog = tmp_path / "bn" / "LC_MESSAGES" / "django.mo"
    catalog.parent.mkdir(parents=True)
    catalog.write_bytes(b"old catalog")
    settings.LOCALE_PATHS = [tmp_path]
    before, _when = page_cache.compute_deployment_fingerprint()
    assert catalog in page_cache.deployment_files()
    catalog.write_bytes(b"new catalog, longer")
    os.utime(catalog, ns=(1, 2_000_000_000_000_000_000))
    after, when = page_cache.compute_deployment_fingerprint()
    assert after != before
    assert when == 2_000_000_000  # Last-Modified follows the newest deployed file


def test_every_installed_app_of_the_repository_is_in_the_fingerprint(settings):
    files = page_cache.deployment_files()
    base = Path(settings.BASE_DIR)
    for app in ("search", "seo", "guides", "editorial", "freelanceguide"):
        assert base / app / "apps.py" in files, app
    # Installed apps from site-packages are not the deployment's code.
    assert not any(".venv" in path.parts or "site-packages" in path.parts for path in files)


def test_pages_are_rendered_again_under_a_new_fingerprint(client, guide, monkeypatch):
    client.get("/bn/guides/cached/")
    assert queries_for(client, "/bn/guides/cached/")[1] == 0
    monkeypatch.setattr(page_cache.fingerprint, "DEPLOYMENT_FINGERPRINT", "new-catalog")
    assert queries_for(client, "/bn/guides/cached/")[1] > 0


def test_repeat_visits_get_304_by_etag_and_by_date(client, guide):
    first = client.get("/bn/guides/cached/")
    assert first["Cache-Control"] == "no-cache"
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get("/bn/guides/cached/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert client.get("/bn/guides/cached/", headers={"If-Modified-Since": modified}).status_code == 304
    # A browser sends both; after an edit the page comes back whole with a new tag.
    guide.title_bn = "বদলানো শিরোনাম"
    guide.save()
    changed = client.get("/bn/guides/cached/", headers={"If-None-Match": etag, "If-Modified-Since": modified})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "বদলানো শিরোনাম" in changed.content.decode()


def test_the_first_render_answers_a_conditional_request_too(client, guide):
    etag = client.get("/en/guides/cached/")["ETag"]
    from django.core.cache import caches

    caches["pages"].clear()
    assert client.get("/en/guides/cached/", headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize(("accept", "encoding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("", None)])
def test_compressed_once_and_served_in_the_best_encoding(client, guide, accept, encoding):
    plain = client.get("/bn/guides/cached/").content
    response = client.get("/bn/guides/cached/", headers={"Accept-Encoding": accept})
    assert response.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert int(response["Content-Length"]) == len(response.content)
    body = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding](response.content)
    assert body == plain


def test_each_encoding_is_compressed_once_when_first_asked_for(client, guide, monkeypatch):
    compressed = []
    for encoding, compress in list(page_cache.COMPRESSORS.items()):
        monkeypatch.setitem(
            page_cache.COMPRESSORS, encoding, lambda body, e=encoding, c=compress: compressed.append(e) or c(body)
        )
    first = client.get("/bn/guides/cached/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert compressed == ["br"]  # not gzip as well, for a reader who may never come
    client.get("/bn/guides/cached/", headers={"Accept-Encoding": "br"})
    assert compressed == ["br"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bn/guides/cached/", headers={"Accept-Encoding": "gzip"})
    assert len(queries) == 0 and compressed == ["br", "gzip"]
    assert gzip.decompress(response.content) == brotli.decompress(first.content)
    assert response["ETag"] == first["ETag"] and int(response["Content-Length"]) == len(response.content)
    client.get("/bn/guides/cached/", headers={"Accept-Encoding": "gzip"})
    assert compressed == ["br", "gzip"]  # kept with the page


def test_head_is_answered_from_the_cache(client, guide):
    client.get("/bn/guides/cached/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/bn/guides/cached/")
    assert response.status_code == 200 and len(queries) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/bn/guides/missing/",  # error page
        "/bn/guides/?page=99",  # error page
        "/",  # redirect
        "/language/en/?next=/en/",  # sets a cookie
        "/admin/login/",
        "/healthz",
        "/bn/guides/cached/?" + "x=1&" * 60,  # junk query strings are not stored
    ],
)
def test_not_stored(client, guide, url, monkeypatch):
    stored = []
    original = page_cache.make_entry

    def spy(response, last_modified, encoding):
        stored.append(response)
        return original(response, last_modified, encoding)

    monkeypatch.setattr(page_cache.middleware, "make_entry", spy)
    client.get(url)
    assert stored == []
    client.get("/bn/guides/cached/")
    assert len(stored) == 1  # the spy works


def test_editors_with_a_session_bypass_the_cache(client, editor, guide):
    client.get("/en/guides/cached/")
    assert queries_for(client, "/en/guides/cached/")[1] == 0
    assert queries_for(editor, "/en/guides/cached/")[1] > 0


def test_pages_differ_by_language_and_query_string(client, guide):
    assert client.get("/bn/guides/cached/")["Content-Language"] == "bn"
    assert client.get("/en/guides/cached/")["Content-Language"] == "en"
    client.get("/en/skills/")
    assert queries_for(client, "/en/skills/?phone=on")[1] > 0


def test_a_bad_host_is_still_refused(client, guide):
    assert client.get("/bn/guides/cached/", headers={"Host": "evil.example"}).status_code == 400


def test_a_page_that_used_the_csp_nonce_is_not_stored(rf):
    from django.http import HttpResponse
    from django.utils.csp import LazyNonce

    request = rf.get("/bn/")
    request._csp_nonce = LazyNonce()
    str(request._csp_nonce)
    assert not page_cache.PageCacheMiddleware.storable(request, HttpResponse("x"))
    assert page_cache.PageCacheMiddleware.storable(rf.get("/bn/"), HttpResponse("x"))
    for headers in ({"Vary": "Cookie"}, {"Cache-Control": "private"}, {"Content-Encoding": "gzip"}):
        assert not page_cache.PageCacheMiddleware.storable(rf.get("/bn/"), HttpResponse("x", headers=headers))


def test_a_lost_version_starts_a_new_one(client, guide):
    from django.core.cache import caches

    client.get("/bn/guides/cached/")
    caches["default"].delete(page_cache.VERSION_KEY)
    assert queries_for(client, "/bn/guides/cached/")[1] > 0
    assert queries_for(client, "/bn/guides/cached/")[1] == 0


# --- the WSGI fast path (what gunicorn runs: freelanceguide.wsgi) ---------------------------


@pytest.fixture
def wsgi():
    """Call the production WSGI stack directly: the fast path around Django's handler."""
    from django.core.handlers.wsgi import WSGIHandler

    app = page_cache.CachedPagesApp(WSGIHandler())

    def call(path, method="GET", **environ):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "HTTP_HOST": "testserver",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            **environ,
        }
        started = {}

        def start_response(status, headers, exc_info=None):
            started.update(status=status, headers=dict(headers))

        # As Django's test client does: the handler would close the test database's connection.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            with CaptureQueriesContext(connection) as queries:
                result = app(environ, start_response)
                body = b"".join(result)
                getattr(result, "close", lambda: None)()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return started["status"], started["headers"], body, len(queries)

    return call


def test_fast_path_sends_a_stored_page_with_its_headers(wsgi, client, guide):
    status, first_headers, first_body, first_queries = wsgi("/bn/guides/cached/", HTTP_ACCEPT_ENCODING="br")
    assert status == "200 OK" and first_queries > 0
    status, headers, body, queries = wsgi("/bn/guides/cached/", HTTP_ACCEPT_ENCODING="br")
    assert status == "200 OK" and queries == 0
    assert body == first_body and headers == first_headers
    assert headers["Content-Encoding"] == "br" and int(headers["Content-Length"]) == len(body)
    assert brotli.decompress(body) == client.get("/bn/guides/cached/").content
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "ETag", "Last-Modified"):
        assert header in headers
    status, headers, body, queries = wsgi("/bn/guides/cached/", method="HEAD")
    assert status == "200 OK" and body == b"" and queries == 0


def test_fast_path_compresses_an_encoding_first_asked_for_once(wsgi, guide):
    br = wsgi("/bn/guides/cached/", HTTP_ACCEPT_ENCODING="br")[2]
    status, headers, body, queries = wsgi("/bn/guides/cached/", HTTP_ACCEPT_ENCODING="gzip")
    assert status == "200 OK" and queries == 0 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == brotli.decompress(br)
    assert wsgi("/bn/guides/cached/", HTTP_ACCEPT_ENCODING="gzip")[2] == body
    assert wsgi("/bn/guides/cached/")[2] == gzip.decompress(body)


def test_fast_path_leaves_conditional_editor_and_unknown_host_requests_to_django(wsgi, guide, monkeypatch):
    etag = wsgi("/bn/guides/cached/")[1]["ETag"]
    assert wsgi("/bn/guides/cached/", HTTP_IF_NONE_MATCH=etag)[0] == "304 Not Modified"
    assert wsgi("/bn/guides/cached/", HTTP_COOKIE="sessionid=abc")[3] > 0
    assert wsgi("/bn/guides/cached/", HTTP_HOST="evil.example")[0].startswith("400")
    assert wsgi("/bn/guides/cached/", method="POST")[0].startswith("403")  # CSRF, not a cached page
    guide.title_bn = "দ্রুত পথে নতুন"
    guide.save()
    assert "দ্রুত পথে নতুন" in wsgi("/bn/guides/cached/")[2].decode()


def test_the_production_wsgi_application_uses_the_fast_path():
    from freelanceguide.wsgi import application

    assert isinstance(application, page_cache.CachedPagesApp)


def test_a_shared_cache_outage_serves_pages_uncached_and_never_loses_an_edit(client, wsgi, guide, monkeypatch):
    class Down:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise ConnectionError("cache server down")

            return fail

    client.get("/en/guides/cached/")
    monkeypatch.setattr(page_cache.version, "_shared_cache", Down)
    guide.title_en = "Saved during the outage"
    guide.save()  # no exception: the editor's save goes through
    assert "Saved during the outage" in client.get("/en/guides/cached/").content.decode()
    assert queries_for(client, "/en/guides/cached/")[1] > 0
    assert wsgi("/en/guides/cached/")[0] == "200 OK"


def test_without_a_pages_cache_pages_are_kept_in_the_default_cache(client, guide, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "only"}}
    client.get("/bn/guides/cached/")
    assert queries_for(client, "/bn/guides/cached/")[1] == 0


def test_no_page_cache_in_development(client, guide, settings):
    settings.DEBUG = True  # runserver picks up template edits without a restart
    client.get("/bn/guides/cached/")
    assert queries_for(client, "/bn/guides/cached/")[1] > 0
