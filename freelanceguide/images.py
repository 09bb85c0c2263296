"""Phone-sized copies of editor uploads, and the `srcset` that lets a browser pick one.

An upload is kept as sent (the original) and gets WebP copies at a few widths narrower than
itself, named after it: `uploads/<hex>.png` -> `uploads/<hex>-480w.webp`. Pages list them in
`srcset` with `sizes` set to the text column, so a 360 px phone downloads the 480 px copy
instead of a 2,000 px photo.
"""

import html
import io
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Phones at 1x-2x and a desktop text column (46rem, about 736 px) at 1x-2x.
VARIANT_WIDTHS = (360, 480, 720, 1080, 1440)
WEBP_QUALITY = 75
# The text column: full width on a phone, 46rem (less 2rem padding) beyond.
SIZES = "(max-width: 46rem) calc(100vw - 2rem), 44rem"
UPLOAD_SRC = re.compile(r'\ssrc="(?P<url>[^"]*uploads/(?P<hex>[0-9a-f]{32})\.(?:jpg|png|webp))"')
IMG_TAG = re.compile(r"<img\b[^>]*>")
WIDTH = re.compile(r'\swidth="(\d+)"')


def variant_name(stem, width):
    """`uploads/<hex>` and 480 -> `uploads/<hex>-480w.webp`."""
    return f"{stem}-{width}w.webp"


def make_variants(name, data):
    """Store resized WebP copies of the upload `name` (its bytes `data`); returns their names."""
    made = []
    with Image.open(io.BytesIO(data)) as original:
        image = ImageOps.exif_transpose(original)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("LA", "P") else "RGB")
        for width in VARIANT_WIDTHS:
            if width >= image.width:
                break
            height = max(1, round(image.height * width / image.width))
            buffer = io.BytesIO()
            image.resize((width, height), Image.Resampling.LANCZOS).save(buffer, "WEBP", quality=WEBP_QUALITY)
            made.append(
                default_storage.save(variant_name(name.rsplit(".", 1)[0], width), ContentFile(buffer.getvalue()))
            )
    return made


def add_srcset(body_html):
    """Give every uploaded image (already sized) the srcset of its stored WebP copies, and lazy
    loading. Run when the page is saved, after add_image_sizes; images without copies are left."""

    def with_sources(match):
        tag = match.group(0)
        src, width = UPLOAD_SRC.search(tag), WIDTH.search(tag)
        if " srcset=" in tag or not src or not width:
            return tag
        stem = f"{settings.MARKDOWNX_MEDIA_PATH}{src.group('hex')}"
        original_width = int(width.group(1))
        sources = [
            f"{default_storage.url(variant_name(stem, w))} {w}w"
            for w in VARIANT_WIDTHS
            if w < original_width and default_storage.exists(variant_name(stem, w))
        ]
        if not sources:
            return tag
        sources.append(f"{src.group('url')} {original_width}w")
        return f'{tag[:-1]} srcset="{", ".join(sources)}" sizes="{SIZES}" loading="lazy" decoding="async">'

    return IMG_TAG.sub(with_sources, body_html)


# What the editor's upload puts between the brackets: an alt text to replace, never to publish.
ALT_PLACEHOLDER = _("describe what the image shows")
IMG_ALT = re.compile(r'\salt="([^"]*)"')
IMG_SRC = re.compile(r'\ssrc="([^"]*)"')


def alt_placeholders():
    """The placeholder in every site language (an editor may upload from either tab)."""
    placeholders = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            placeholders.add(str(ALT_PLACEHOLDER).strip().casefold())
    return placeholders


def images_without_alt(body_html):
    """The src of every image in rendered HTML whose alt text is missing, blank or the placeholder."""
    placeholders = alt_placeholders()
    missing = []
    for tag in IMG_TAG.findall(body_html or ""):
        alt, src = IMG_ALT.search(tag), IMG_SRC.search(tag)
        text = html.unescape(alt.group(1)).strip().casefold() if alt else ""
        if not text or text in placeholders:
            missing.append(html.unescape(src.group(1)) if src else "")
    return missing
