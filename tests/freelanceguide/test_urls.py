"""Language prefixes, the root redirect, the switcher, alternates and the 404 page."""

import re

import pytest
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


def test_root_redirects_to_bangla_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/bn/"


def test_root_follows_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Location"] == "/en/"


def test_root_prefers_the_language_cookie_over_accept_language(client):
    client.cookies["django_language"] = "bn"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/bn/"


def test_a_bad_language_cookie_is_ignored(client):
    client.cookies["django_language"] = "xx<script>"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/en/"


def test_switcher_links_to_the_same_page_in_the_other_language(client):
    guide = factories.guide(slug="what-is-freelancing")
    page = client.get(f"/bn/guides/{guide.slug}/").content.decode()
    switch = re.search(r'<nav class="language-switch"[^>]*>.*?href="([^"]+)"', page, re.S).group(1)
    response = client.get(switch.replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"] == "/en/guides/what-is-freelancing/"
    assert response.cookies["django_language"].value == "en"
    # The remembered language now decides where `/` goes.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="bn")["Location"] == "/en/"


def test_switcher_keeps_the_query_string(client):
    page = client.get("/bn/skills/?difficulty=beginner").content.decode()
    assert "next=%2Fen%2Fskills%2F%3Fdifficulty%3Dbeginner" in page


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/en/", "/bn/guides/", "javascript:alert(1)"]
)
def test_switcher_never_redirects_off_site_or_to_the_wrong_language(client, target):
    response = client.get("/language/en/", {"next": target})
    assert response["Location"] == "/en/"


def test_switcher_rejects_unknown_languages(client):
    assert client.get("/language/xx/", {"next": "/xx/"}).status_code == 404


def test_pages_declare_language_canonical_and_alternates(client):
    factories.guide(slug="alpha")
    for lang, other in (("bn", "en"), ("en", "bn")):
        page = client.get(f"/{lang}/guides/alpha/").content.decode()
        assert f'<html lang="{lang}">' in page
        assert f'<link rel="canonical" href="http://testserver/{lang}/guides/alpha/">' in page
        assert f'hreflang="{other}" href="http://testserver/{other}/guides/alpha/"' in page
        assert f'hreflang="{lang}" href="http://testserver/{lang}/guides/alpha/"' in page
        # The unprefixed address, as in the sitemap; it redirects by the reader's language.
        assert 'hreflang="x-default" href="http://testserver/guides/alpha/"' in page
    assert client.get("/guides/alpha/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/guides/alpha/"
    assert 'hreflang="x-default" href="http://testserver/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_unknown_slug_gives_a_404_in_the_readers_language(client, lang):
    with translation.override(lang):
        heading = translation.gettext("Page not found")
    if lang == "bn":
        assert heading != "Page not found", "the 404 heading has no Bangla translation"
    response = client.get(f"/{lang}/guides/no-such-guide/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert heading in page


def test_unknown_paths_and_prefixes_are_404_not_500(client):
    for url in ["/zz/guides/", "/bn/nothing/", "/en/skills/%E0%A6/", "/bn/guides/%00/"]:
        assert client.get(url).status_code == 404, url


def test_reader_pages_refuse_post(client):
    assert client.post("/bn/guides/").status_code == 405


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_favicon_redirects_to_the_static_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
