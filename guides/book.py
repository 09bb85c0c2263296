"""The start-here path as a PDF book, one per language, built by `manage.py build_books`.

Built when the content changes, never per request: the command renders the book's HTML (cheap)
and only runs WeasyPrint (about a second per language) when that HTML differs from the last
build's, so running it after every deploy and every few minutes (docs/deploy.md) costs nearly
nothing, and readers are always sent a finished file. The files live in the media storage, so
every app server sends the same book.

WeasyPrint draws the Bangla with the site's own Noto Sans Bengali (both weights, read from
static/fonts), so conjuncts are shaped by HarfBuzz exactly as on the site.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import translation

from .models import Guide

FONTS = Path(settings.BASE_DIR) / "static" / "fonts"
# A book larger than this is a build error: readers share it over chat apps and mobile data.
MAX_BYTES = 2 * 1024 * 1024


@dataclass
class BuiltBook:
    language: str
    changed: bool
    size: int


def book_name(language):
    return f"books/start-here-{language}.pdf"


def _meta_name(language):
    return f"books/start-here-{language}.json"


def path_guides():
    return list(Guide.objects.published().filter(path_position__isnull=False).order_by("path_position"))


def book_html(language):
    """The book as one HTML document: cover, contents, one chapter per guide."""
    with translation.override(language):
        guides = path_guides()
        changed = Guide.objects.published().filter(path_position__isnull=False).aggregate(last=Max("updated"))["last"]
        return render_to_string(
            "guides/book/book.html",
            {
                "guides": guides,
                "last_changed": changed,
                "site_url": settings.SITE_URL,
                "site_host": urlsplit(settings.SITE_URL).netloc,
                "fonts": FONTS.as_uri(),
                "language": language,
            },
        )


def _weasyprint():
    """Import WeasyPrint (heavy; only builds need it) without its side effect on the process:
    it sets Pillow's LOAD_TRUNCATED_IMAGES, which would let the editor's upload check accept
    truncated images in the same process."""
    from PIL import ImageFile  # noqa: PLC0415

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    import weasyprint  # noqa: PLC0415
    import weasyprint.urls  # noqa: PLC0415

    ImageFile.LOAD_TRUNCATED_IMAGES = before
    return weasyprint


def _local_fetcher():
    """WeasyPrint's resources: the site's fonts and editor uploads from storage; never the network."""
    urls = _weasyprint().urls
    URLFetcher, URLFetcherResponse = urls.URLFetcher, urls.URLFetcherResponse  # noqa: N806

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(FONTS.as_uri() + "/"):
                return super().fetch(url, headers)
            name = urlsplit(url).path.removeprefix(settings.MEDIA_URL)
            if url.startswith(settings.SITE_URL + settings.MEDIA_URL) and default_storage.exists(name):
                with default_storage.open(name) as image:
                    return URLFetcherResponse(url, image.read())
            raise ValueError(f"the book links to {url}, which is not a local file")

    return LocalOnly()


def render_pdf(html):
    return _weasyprint().HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=_local_fetcher()).write_pdf()


def build(language, force=False):
    """Write this language's book if its text changed since the last build."""
    html = book_html(language)
    digest = hashlib.sha256(html.encode()).hexdigest()
    if not force and default_storage.exists(book_name(language)) and _stored_digest(language) == digest:
        return BuiltBook(language, changed=False, size=default_storage.size(book_name(language)))
    pdf = render_pdf(html)
    if len(pdf) > MAX_BYTES:
        raise ValueError(f"the {language} book is {len(pdf)} bytes, over the {MAX_BYTES} limit")
    _replace(book_name(language), pdf)
    _replace(_meta_name(language), json.dumps({"sha256": digest}).encode())
    return BuiltBook(language, changed=True, size=len(pdf))


def _stored_digest(language):
    try:
        with default_storage.open(_meta_name(language)) as meta:
            return json.loads(meta.read()).get("sha256")
    except (OSError, ValueError):
        return None


def _replace(name, data):
    # Storage.save never overwrites (it picks another name): delete first, keep the stable name.
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(data))


def file_version(built):
    """An ETag and modification time for a built book (from its storage metadata)."""
    name, size = built.name, built.size
    modified = default_storage.get_modified_time(name).timestamp()
    return f'"{hashlib.sha256(f"{name}{size}{modified}".encode()).hexdigest()[:16]}"', int(modified)


def open_book(language):
    """The built book's file, or None before the first build."""
    name = book_name(language)
    if not default_storage.exists(name):
        return None
    return default_storage.open(name)
