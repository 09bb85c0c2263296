"""Hostile or broken requests get a 4xx or a clear page, never a 500."""

import pytest
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/language/en/?next=/en/%0D%0ASet-Cookie:%20x=1",
        "/language/en/?next=/en/%00",
        "/language/en/?next=" + "/en/" + "a" * 5000,
        "/bn/skills/?difficulty=%00&phone=%FF",
        "/bn/marketplaces/compare/?m=%00&m=%0A",
        "/bn/marketplaces/compare/?" + "&".join(f"m=x{n}" for n in range(300)),
        "/bn/guides/%ZZ/",
        "/en/guides/" + "x" * 3000 + "/",
        "/bn/search/?q=%00",
    ],
)
def test_no_500(client, url):
    factories.marketplace(slug="alpha")
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)
    assert b"Set-Cookie: x=1" not in response.serialize_headers()


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_reader_pages_refuse_writes(client, method):
    for url in ["/bn/", "/en/skills/", "/bn/marketplaces/compare/?m=a&m=b"]:
        assert getattr(client, method)(url).status_code == 405, (method, url)


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_server_error_shows_a_plain_page_in_the_readers_language(client, monkeypatch, lang):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr("guides.views.render", broken)
    client.raise_request_exception = False
    response = client.get(f"/{lang}/guides/")
    assert response.status_code == 500
    page = response.content.decode()
    assert f'<html lang="{lang}">' in page
    assert "secret detail" not in page and "Traceback" not in page
    with translation.override(lang):
        assert translation.gettext("Something went wrong") in page
