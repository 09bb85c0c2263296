"""What a phone downloads: byte budgets for a first visit, sized images, static files cached for a year."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings

from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db

HTML_CSS_JS_BUDGET = 40 * 1024  # compressed, first visit to a guide page
FONT_BUDGET = 120 * 1024
STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/([^"]+)"')
SCRIPT = re.compile(r'<script[^>]* src="/static/([^"]+)"')
FONT_URL = re.compile(r'url\("?\.\./(fonts/[^")]+\.woff2)"?\)')
IMG = re.compile(r"<img\b[^>]*>")


def gzipped_size(data):
    """The size whitenoise (gzip level 9) or the page cache sends to a gzip-only browser."""
    return len(gzip.compress(data, compresslevel=9))


def static_bytes(name):
    return Path(finders.find(name)).read_bytes()


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_guide_page_with_its_css_and_js_fits_40_kb_compressed(client, shipped_content, lang):
    for guide in Guide.objects.all():
        response = client.get(f"/{lang}/guides/{guide.slug}/", headers={"Accept-Encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        assets = STYLESHEET.findall(html) + SCRIPT.findall(html)
        assert assets, "the stylesheet link was not found: the budget would measure nothing"
        total = len(response.content) + sum(gzipped_size(static_bytes(name)) for name in assets)
        assert total <= HTML_CSS_JS_BUDGET, f"{guide.slug} ({lang}): {total} bytes"


def test_web_fonts_fit_120_kb():
    css = static_bytes("css/site.css").decode()
    fonts = set(FONT_URL.findall(css))
    assert fonts, "no @font-face found: the budget would measure nothing"
    total = sum(len(static_bytes(name)) for name in fonts)
    assert total <= FONT_BUDGET, total


def test_every_image_on_reader_pages_has_width_and_height(client, shipped_content, tmp_path):
    import io

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "white").save(buffer, "PNG")
    name = default_storage.save(f"uploads/{'c' * 32}.png", ContentFile(buffer.getvalue()))
    factories.guide(slug="with-image", body_en=f"Intro\n\n![A screenshot](/media/{name})", path_position=99)
    urls = ["/en/guides/with-image/"]
    for lang in ("bn", "en"):
        urls += [f"/{lang}/", f"/{lang}/guides/", f"/{lang}/skills/", f"/{lang}/marketplaces/"]
        urls += [f"/{lang}{guide.get_absolute_url()[3:]}" for guide in Guide.objects.all()]
    images = 0
    for url in urls:
        page = client.get(url).content.decode()
        for tag in IMG.findall(page):
            images += 1
            assert re.search(r'\swidth="\d+"', tag) and re.search(r'\sheight="\d+"', tag), (url, tag)
    assert images >= 1


def test_hashed_static_files_are_cached_for_a_year_under_production_storage(client, tmp_path, rf):
    """`make run` serves static files as production does: hashed names, immutable, compressed."""
    from whitenoise.middleware import WhiteNoiseMiddleware

    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        factories.guide(slug="static-check")
        page = client.get("/bn/guides/static-check/").content.decode()
        whitenoise = WhiteNoiseMiddleware(lambda request: None)
        assets = STYLESHEET.findall(page) + re.findall(r'rel="preload" href="/static/([^"]+)"', page)
        assert len(assets) >= 2
        for name in assets:
            assert re.search(r"\.[0-9a-f]{12}\.", name), f"{name} is not a hashed name"
            response = whitenoise(rf.get(f"/static/{name}", HTTP_ACCEPT_ENCODING="br, gzip"))
            assert response.status_code == 200
            cache_control = response["Cache-Control"]
            assert "immutable" in cache_control and "public" in cache_control
            assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
            if name.endswith(".css"):
                assert response["Content-Encoding"] == "br"
            response.close()
