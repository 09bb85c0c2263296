"""The start-here path as a PDF book (guides/book.py): rendered from the shipped content with
WeasyPrint, then read back with pypdf: its pages, outline, page numbers, address and Bangla."""

import collections
import io
import logging
import re

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from freelanceguide import locale_format
from guides import book
from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db
BANGLA_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
# A consonant, the virama and a consonant: a conjunct, drawn as one glyph when shaped right.
CONJUNCT = re.compile(r"[\u0995-\u09b9]\u09cd[\u0995-\u09b9]")


@pytest.fixture(autouse=True)
def _site_address_and_no_books(settings):
    settings.SITE_URL = "https://freelance.example.org"
    _remove_books()
    yield
    _remove_books()


def _remove_books():
    # The test media folder lives for the whole session: every test starts with no book built.
    if default_storage.exists("books"):
        for name in default_storage.listdir("books")[1]:
            default_storage.delete(f"books/{name}")


def bangla_fonts_glyph_texts(reader):
    """What each glyph of the embedded Bengali fonts stands for, from their ToUnicode maps."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "Bengali" in font["/BaseFont"]:
                cmap = font["/ToUnicode"].get_object().get_data().decode()
                fonts[font["/BaseFont"].split("+")[-1]] = [
                    "".join(chr(int(dst[i : i + 4], 16)) for i in range(0, len(dst), 4))
                    for _src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap)
                ]
    return fonts


def letters(text):
    """The Bangla letters and digits of a text, in any order, without vowel signs: text extracted
    from a PDF follows the glyphs (a vowel sign like ে is drawn before its consonant, and a glyph
    drawn for two signs is read back once), so words are compared as multisets of their letters."""
    return collections.Counter(
        char for char in text if "\u0980" <= char <= "\u09ff" and not "\u09bc" <= char <= "\u09d7"
    )


def test_the_bangla_book_has_cover_contents_chapters_page_numbers_and_shaped_bangla(shipped_content, caplog):
    guides = list(Guide.objects.published().filter(path_position__isnull=False).order_by("path_position"))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        built = book.build("bn")
    assert built.changed
    # Every font loaded and every character had a glyph.
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    with default_storage.open(book.book_name("bn")) as pdf_file:
        data = pdf_file.read()
    assert len(data) == built.size <= 2 * 1024 * 1024
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2 + len(guides)

    # The outline: one entry per guide, in path order, each with its sections beneath it.
    chapters = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in chapters] == [guide.title_bn for guide in guides]
    assert any(isinstance(item, list) and item for item in reader.outline), "sections under chapters"
    starts = [reader.get_destination_page_number(item) for item in chapters]
    assert starts == sorted(starts) and starts[0] == 2, starts  # after the cover and the contents

    # The cover: title, when the text last changed, the address.
    last_changed = max(guide.updated for guide in guides)
    assert letters("বাংলাদেশ থেকে ফ্রিল্যান্সিং শুরু করুন") <= letters(pages[0])
    shown_date = locale_format.format_date(timezone.localtime(last_changed).date(), "bn")
    cover_line = next(line for line in pages[0].splitlines() if shown_date.split()[-1] in line)
    day, _month, year = shown_date.split()
    assert letters("লেখা শেষ বদলেছে") <= letters(cover_line), cover_line
    assert f"{day} " in cover_line and cover_line.endswith(year), (shown_date, cover_line)
    assert "https://freelance.example.org/bn/" in pages[0]

    # The contents give each chapter's page, in Bangla digits, matching where it starts.
    listed = re.findall(r"\.{3,}\s*([০-৯]+)", pages[1])
    assert listed == [str(start + 1).translate(BANGLA_DIGITS) for start in starts]

    # Every page carries the site's address; every page but the cover its number, in Bangla.
    for number, text in enumerate(pages, start=1):
        assert "freelance.example.org" in text, number
        if number > 1:
            assert text.rstrip().endswith(str(number).translate(BANGLA_DIGITS)), (number, text[-40:])

    # Each chapter opens with its guide's title and body, in Bangla.
    for guide, start in zip(guides, starts, strict=True):
        assert letters(guide.title_bn) <= letters(pages[start]), guide.slug
        assert sum(letters(pages[start]).values()) > 200, guide.slug

    # Shaped with the site's own font in both weights: conjuncts became single glyphs.
    fonts = bangla_fonts_glyph_texts(reader)
    assert set(fonts) == {"Noto-Sans-Bengali", "Noto-Sans-Bengali-Bold"}
    conjuncts = {text for text in fonts["Noto-Sans-Bengali"] if CONJUNCT.search(text)}
    assert {"ন্স", "ঙ্গ"} <= {CONJUNCT.search(text).group(0) for text in conjuncts}, conjuncts


def test_the_book_is_built_again_only_when_its_text_changed(db):
    topic = factories.topic()
    guide = factories.guide(topic=topic, path_position=1)
    factories.guide(topic=topic, path_position=2)
    assert book.build("en").changed
    assert not book.build("en").changed, "unchanged text: no second render"
    guide.body_en = "A new paragraph about payment."
    guide.save()
    rebuilt = book.build("en")
    assert rebuilt.changed
    with default_storage.open(book.book_name("en")) as pdf_file:
        text = "".join(page.extract_text() for page in PdfReader(pdf_file).pages)
    assert "A new paragraph about payment." in text
    assert sorted(default_storage.listdir("books")[1]) == ["start-here-en.json", "start-here-en.pdf"]


def test_the_command_builds_each_language(db):
    factories.guide(path_position=1)
    out = io.StringIO()
    call_command("build_books", stdout=out)
    assert "books/start-here-bn.pdf: built" in out.getvalue()
    assert "books/start-here-en.pdf: built" in out.getvalue()
    out = io.StringIO()
    call_command("build_books", stdout=out)
    assert out.getvalue().count(": unchanged") == 2


def test_the_book_is_served_at_a_stable_address_with_304s(client):
    factories.guide(path_position=1)
    assert client.get("/bn/guides/start-here.pdf").status_code == 404  # not built yet: never per request
    book.build("bn")
    response = client.get("/bn/guides/start-here.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="freelancing-start-here-bn.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert client.get("/bn/guides/start-here.pdf", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get("/en/guides/start-here.pdf").status_code == 404


def test_the_book_never_fetches_from_the_network(db, settings):
    factories.guide(path_position=1, body_en="![remote](https://tracker.example.net/pixel.png) Text.")
    with pytest.raises(ValueError, match="not a local file"):
        book._local_fetcher().fetch("https://tracker.example.net/pixel.png")
    assert book.build("en").changed  # the missing image is left out, the book still builds


def test_building_leaves_pillows_truncated_image_check_alone(db):
    from PIL import ImageFile

    factories.guide(path_position=1)
    book.build("en")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False, "the editor's upload check relies on it"
