"""Installable and readable offline (freelanceguide/offline.py), checked without a browser:
the manifests, the icons, the worker's code and weight, the offline page and the save button.
The browser side is in tests/browser/test_offline.py."""

import gzip
import json
import re

import brotli
import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from freelanceguide import offline, page_cache
from tests import factories

pytestmark = pytest.mark.django_db
# The worker's whole cost to a first visit: the page's script plus the worker itself.
FIRST_VISIT_BUDGET = 3 * 1024


@pytest.fixture(autouse=True)
def _fresh_worker():
    offline.worker_bodies.cache_clear()
    yield
    offline.worker_bodies.cache_clear()


@pytest.mark.parametrize(
    ("lang", "name", "short_name"),
    [
        ("bn", "ফ্রিল্যান্সিং গাইড: বাংলাদেশ থেকে শুরু", "ফ্রিল্যান্সিং গাইড"),
        ("en", "Freelancing guide: start from Bangladesh", "Freelancing guide"),
    ],
)
def test_each_language_has_a_manifest_with_its_names_and_start_page(client, lang, name, short_name):
    response = client.get(f"/manifest-{lang}.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == name
    assert manifest["short_name"] == short_name
    assert manifest["lang"] == lang
    assert manifest["start_url"] == f"/{lang}/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == offline.THEME_COLOUR
    assert manifest["id"] == "/", "one app whichever language it was installed in"


def test_the_manifest_icons_exist_in_the_sizes_browsers_need():
    icons = offline.manifest_data("bn")["icons"]
    assert {(icon["sizes"], icon["purpose"]) for icon in icons} >= {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }
    for icon in icons:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            assert image.format == "PNG"


def test_an_unknown_manifest_language_is_not_found(client):
    assert client.get("/manifest-fr.webmanifest").status_code == 404


@pytest.mark.parametrize("path", ["/bn/", "/en/", "/bn/guides/", "/bn/offline/", "/en/guides/no-such/"])
def test_every_page_links_the_manifest_and_the_script_and_stays_strict(client, path):
    factories.guide(path_position=1)
    response = client.get(path)
    html = response.content.decode()
    lang = path.split("/")[1]
    assert f'<link rel="manifest" href="/manifest-{lang}.webmanifest">' in html
    assert '<meta name="theme-color" content="#084568">' in html
    # The one script that runs: from the site itself, deferred, never inline (JSON-LD is data).
    scripts = [tag for tag in re.findall(r"<script[^>]*>", html) if 'type="application/ld+json"' not in tag]
    assert scripts == ['<script src="/static/js/offline.js" defer>']
    csp = response["Content-Security-Policy"]
    assert "worker-src 'self'" in csp
    assert "manifest-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


def test_the_worker_is_served_from_the_root_named_after_the_deployment(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    source = response.content.decode()
    assert f'const V = "{page_cache.DEPLOYMENT_FINGERPRINT}"' in source
    # It keeps the stylesheet, both fonts, its own script and the offline page in each language.
    shell = json.loads(re.search(r"const SHELL = (\[.*?\]),", source).group(1))
    assert set(shell) == {
        "/static/css/site.css",
        "/static/fonts/noto-sans-bengali-400.woff2",
        "/static/fonts/noto-sans-bengali-700.woff2",
        "/static/js/offline.js",
        "/static/js/plan.js",  # a kept plan's ticks and the home page's "your plan" work offline
        "/bn/offline/",
        "/en/offline/",
    }
    assert '"search"' in re.search(r"NEVER = (\[.*?\])", source).group(1)
    # The plan, whose answers are a query string, is kept only when the reader asks.
    assert json.loads(re.search(r"PLAN = (\[.*?\])", source).group(1)) == ["/bn/path/", "/en/path/"]


def test_the_worker_is_compressed_and_answers_304(client):
    plain = client.get("/sw.js").content
    compressed = client.get("/sw.js", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "br"
    assert brotli.decompress(compressed.content) == plain
    assert gzip.decompress(client.get("/sw.js", HTTP_ACCEPT_ENCODING="gzip").content) == plain
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=compressed["ETag"])
    assert again.status_code == 304


def test_a_new_deployment_gives_a_new_worker(client, monkeypatch):
    before = client.get("/sw.js").content
    monkeypatch.setattr(page_cache.fingerprint, "DEPLOYMENT_FINGERPRINT", "another-release")
    offline.worker_bodies.cache_clear()
    after = client.get("/sw.js").content.decode()
    assert after.encode() != before
    assert 'const V = "another-release"' in after


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_the_worker_adds_at_most_3_kb_compressed_to_a_first_visit(client, encoding):
    worker = client.get("/sw.js", HTTP_ACCEPT_ENCODING=encoding).content
    with open(finders.find("js/offline.js"), "rb") as script_file:
        script = script_file.read()
    # whitenoise sends static files compressed the same way (collectstatic makes .br and .gz).
    script = brotli.compress(script, quality=11) if encoding == "br" else gzip.compress(script, compresslevel=9)
    assert len(worker) + len(script) <= FIRST_VISIT_BUDGET, (len(worker), len(script))


def test_the_script_registers_the_worker_only_after_load():
    with open(finders.find("js/offline.js")) as script_file:
        script = script_file.read()
    listener = re.search(r'addEventListener\("load", \(\) => \{(.*?)\n  \}\);', script, re.S)
    assert listener and 'sw.register("/sw.js")' in listener.group(1)
    assert script.count("register(") == 1


@pytest.mark.parametrize(("lang", "heading"), [("bn", "সংযোগ নেই"), ("en", "No connection")])
def test_the_offline_page_speaks_the_readers_language_and_is_not_indexed(client, lang, heading):
    response = client.get(f"/{lang}/offline/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "data-offline-list" in html
    # Kept by the page cache like every reader page: a second visit is a 304.
    again = client.get(f"/{lang}/offline/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_save_button_lists_the_path_and_is_hidden_without_javascript(client):
    topic = factories.topic()
    first = factories.guide(topic=topic, path_position=1, body_bn="ক" * 5000)
    second = factories.guide(topic=topic, path_position=2)
    factories.guide(topic=topic, path_position=None)
    html = client.get("/bn/").content.decode()
    button = re.search(r"<button[^>]*data-save-path[^>]*>", html, re.S).group(0)
    assert " hidden " in button, "without JavaScript the button must not show"
    urls = json.loads(re.search(r'data-urls="([^"]*)"', button).group(1).replace("&quot;", '"'))
    assert urls == [first.get_absolute_url(), second.get_absolute_url()]
    estimate = int(re.search(r'data-bytes="(\d+)"', button).group(1))
    # The estimate is never below what the pages really cost to download (Brotli or gzip).
    sent = sum(len(client.get(url, HTTP_ACCEPT_ENCODING="gzip").content) for url in urls)
    assert sent <= estimate < 4 * sent
    assert "মেগাবাইট" in re.search(r'data-ask="([^"]*)"', button).group(1)


def test_the_home_page_links_the_pdf_book_and_so_does_the_guide_list(client):
    factories.guide(path_position=1)
    for path in ("/bn/", "/bn/guides/", "/en/", "/en/guides/"):
        lang = path.split("/")[1]
        assert f'href="/{lang}/guides/start-here.pdf"' in client.get(path).content.decode(), path


def test_reader_pages_still_come_from_the_page_cache_with_304s(client, django_assert_num_queries):
    factories.guide(path_position=1)
    first = client.get("/bn/")
    assert first["Cache-Control"] == "no-cache"
    with django_assert_num_queries(0):
        assert client.get("/bn/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
