"""Hostile or broken requests: 400 and 403 pages in the reader's language, never a 500 or an echo."""

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def text(lang, message):
    with translation.override(lang):
        return translation.gettext(message)


def assert_error_page(response, status, lang, heading):
    assert response.status_code == status
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{text(lang, heading)}</h1>" in page
    assert response["Content-Language"] == lang
    assert response["Cache-Control"] == "no-store"
    assert "Traceback" not in page


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "testserver:abc",
        "testserver@evil.example",
        "evil.example/testserver",
        "[::1",
        "<script>alert(1)</script>",
        "x" * 300,
    ],
)
@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_bad_host_header_gets_a_400_page_in_the_readers_language(client, host, lang):
    response = client.get(f"/{lang}/guides/", HTTP_HOST=host)
    assert_error_page(response, 400, lang, "Bad request")
    assert "<script>alert" not in response.content.decode()
    assert "evil.example" not in response.content.decode()


def test_a_bad_host_outside_the_language_prefix_uses_the_cookie_or_browser_language(client):
    assert_error_page(client.get("/healthz", HTTP_HOST="evil.example"), 400, "bn", "Bad request")
    response = client.get("/healthz", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8")
    assert_error_page(response, 400, "en", "Bad request")
    client.cookies["django_language"] = "en"
    assert_error_page(client.get("/admin/", HTTP_HOST="evil.example"), 400, "en", "Bad request")


def test_a_forwarded_host_is_not_trusted(client):
    page = client.get("/en/guides/", HTTP_X_FORWARDED_HOST="evil.example").content.decode()
    assert "evil.example" not in page


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_csrf_failure_gets_a_403_page_in_the_readers_language(lang):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=lang)
    response = client.post("/admin/login/", {"username": "editor", "password": "x"})
    assert_error_page(response, 403, lang, "The form could not be sent")
    assert "CSRF" not in response.content.decode()  # Django's reason is for the log, not the reader


def test_an_editor_without_permission_gets_a_403_page(client, django_user_model):
    user = django_user_model.objects.create_user("helper", password="pw-helper-123", is_staff=True)
    client.force_login(user)
    client.cookies["django_language"] = "en"
    assert_error_page(client.get("/admin/guides/guide/add/"), 403, "en", "Not allowed")


def test_the_404_page_does_not_echo_the_address(client):
    response = client.get("/en/guides/%3Cscript%3Ealert(1)%3C/script%3E/")
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        # invalid percent-encoding and bytes that are not UTF-8
        "/bn/%E0%A6/",
        "/bn/guides/%C0%AF/",
        "/%FF%FE/",
        "/bn/skills/?category=%E0%80&phone=%",
        "/en/marketplaces/compare/?m=%GG",
        # very long paths and query strings
        "/bn/" + "a" * 20000 + "/",
        "/en/skills/?q=" + "x" * 100000,
        "/bn/?" + "&".join(f"k{n}=v" for n in range(2000)),
        # unknown or malformed language prefixes
        "/xx/guides/",
        "/fr/",
        "/bn-XX/skills/",
        "/BN/",
        "/en/../bn/",
        # NUL bytes
        "/bn/guides/a%00b/",
        "/bn/%00",
        "/language/bn%00/",
        "/healthz%00",
    ],
)
def test_hostile_urls_get_a_4xx_never_a_500(client, url):
    response = client.get(url)
    assert response.status_code < 500, (url[:80], response.status_code)


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "PROPFIND", "CONNECT", "PUT"])
@pytest.mark.parametrize("url", ["/bn/", "/en/guides/", "/bn/skills/", "/healthz", "/language/en/"])
def test_unusual_methods_are_refused(client, method, url):
    response = client.generic(method, url)
    assert 400 <= response.status_code < 500, (method, url, response.status_code)


@pytest.mark.parametrize(
    "cookie",
    [
        "django_language=xx",
        "django_language=",
        "django_language=en%00",
        "django_language=" + "e" * 5000,
        'django_language="bn',
        "django_language=\u09ac\u09be\u0982\u09b2\u09be".encode().decode("latin-1"),
        "sessionid=garbage; csrftoken=\x01\x02",
        "sessionid=" + "z" * 4000,
        ";;;===; =; a=b=c",
        "messages=not-a-signed-value",
    ],
)
def test_malformed_cookies_are_ignored(client, cookie):
    home = client.get("/", HTTP_COOKIE=cookie)
    assert home.status_code == 302 and home["Location"] in ("/bn/", "/en/"), (cookie[:40], home.status_code)
    page = client.get("/bn/guides/", HTTP_COOKIE=cookie)
    assert page.status_code == 200
    admin = client.get("/admin/login/", HTTP_COOKIE=cookie)
    assert admin.status_code == 200


def test_a_bad_language_cookie_falls_back_to_bangla(client):
    assert client.get("/", HTTP_COOKIE="django_language=xx")["Location"] == "/bn/"
    assert client.get("/", HTTP_COOKIE="django_language=en")["Location"] == "/en/"


@pytest.mark.parametrize(
    "accept", ["", "*", ";q=abc,,", "en;q=2;q=-1", "x" * 2000, "zz-ZZ", "\u09ac".encode().decode("latin-1")]
)
def test_error_pages_survive_any_accept_language(client, accept):
    response = client.get("/healthz", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 400
    assert response["Content-Language"] in ("bn", "en")
