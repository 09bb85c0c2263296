"""Clean Bangla in shipped content: no ASCII digits in Bangla prose, and English inside Bangla
text marked with its language (`lang="en"`), checked over every shipped content file and every
Bangla page in the sitemap (so content and page kinds added later are covered too).

Code, addresses and text already marked with another language are left aside. The head of a
page (its <title> and meta description) cannot carry markup, so it is checked for digits only;
a page's Bangla name, title and summary must therefore hold no Latin letters, except an
original name in brackets after the Bangla one ("আপওয়ার্ক (Upwork)").
"""

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from freelanceguide.lang_marking import mark_english_html, mark_english_text
from freelanceguide.markdown import render_document, render_markdown
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
CONTENT_FILES = sorted(ROOT.glob("*/content/**/*.toml"))
MARKDOWN_FIELDS = {"body"}
HEADING_FIELDS = {"name", "title", "summary"}
ASCII_DIGIT = re.compile(r"[0-9]")
LATIN = re.compile(r"[A-Za-z]")
ORIGINAL_NAME = re.compile(r"\([^)]*\)")
LEFT_ASIDE = {"code", "pre", "kbd", "samp", "script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _BanglaText(HTMLParser):
    """The text a reader sees as Bangla: outside code and outside any element in another language."""

    def __init__(self, language="bn"):
        super().__init__(convert_charrefs=True)
        self.stack = [("", language)]
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(tag in LEFT_ASIDE for tag, _lang in self.stack) or not data.strip():
            return
        language = next(lang for _tag, lang in reversed(self.stack) if lang)
        if language == "bn":
            self.texts.append((" > ".join(tag for tag, _lang in self.stack[-3:]), " ".join(data.split())))


def unmarked(html, digits_only_in=()):
    """Lines naming Bangla text with an ASCII digit or an unmarked Latin letter; empty if clean.

    In elements named by `digits_only_in` (the page's <title> and a form's <option>, which
    cannot hold markup) only digits are checked, outside an original name in brackets
    ("(99designs)")."""
    parser = _BanglaText()
    parser.feed(html)
    parser.close()
    found = []
    for where, text in parser.texts:
        if where.endswith(digits_only_in) and digits_only_in:
            text = ORIGINAL_NAME.sub("", text)
        if ASCII_DIGIT.search(text):
            found.append(f"ASCII digit in {where}: {text[:120]!r}")
        elif LATIN.search(text) and not where.endswith(digits_only_in):
            found.append(f'English not marked lang="en" in {where}: {text[:120]!r}')
    return found


def bangla_tables(data, path=""):
    """(where, field, text) for every string in every [bn] table of a content file."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "bn" and isinstance(value, dict):
                for field, text in value.items():
                    yield path, field, "\n".join(text) if isinstance(text, list) else text
            else:
                yield from bangla_tables(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from bangla_tables(value, f"{path}[{index}]")


def test_every_content_app_ships_files_the_checks_below_read():
    apps = {path.relative_to(ROOT).parts[0] for path in CONTENT_FILES}
    assert {"guides", "skills", "marketplaces", "training"} <= apps


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_shipped_bangla_text_has_bangla_digits_and_marked_english(path):
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    found = []
    for where, field, text in bangla_tables(data):
        if not isinstance(text, str):
            continue
        if field in MARKDOWN_FIELDS:
            rendered = render_document(text, "bn")
            html = rendered.html + rendered.toc_html
        else:
            html = mark_english_text(text)
        found += [f"{where or '(top)'} bn.{field}: {problem}" for problem in unmarked(html)]
        # A page's name, title and summary are shown in its <title> and meta description too,
        # which cannot mark English.
        heading = not where and field in HEADING_FIELDS and not path.name.startswith("_")
        if heading and LATIN.search(ORIGINAL_NAME.sub("", text)):
            found.append(f"bn.{field} has Latin letters outside brackets: {text[:120]!r}")
    assert not found, "\n".join(found)


def sitemap_pages(client, language):
    locations = re.findall(r"<loc>http://testserver([^<]*)</loc>", client.get("/sitemap.xml").content.decode())
    return [location for location in locations if location.startswith(f"/{language}/")]


def test_every_bangla_page_in_the_sitemap_has_bangla_digits_and_marked_english(client, shipped_content):
    pages = sitemap_pages(client, "bn")
    kinds = {page.split("/")[2] for page in pages if page.count("/") > 3}
    assert {"guides", "skills", "marketplaces", "learn"} <= kinds
    found = []
    for page in pages:
        with translation.override("bn"):
            response = client.get(page)
        assert response.status_code == 200, page
        found += [
            f"{page}: {problem}" for problem in unmarked(response.content.decode(), digits_only_in=("title", "option"))
        ]
    assert not found, "\n".join(found)


# The pieces the checks rely on.


def test_english_runs_in_a_bangla_body_are_marked_and_code_is_left_alone():
    rendered = render_document(
        "## Canva দিয়ে শুরু\n\nছাপার জন্য CMYK রং আর ৩০০ DPI; [Brief & Match](https://example.org/a1) দেখুন। "
        '`pip install 2` আর <span lang="en">Fiverr Pro</span>।\n\n```\nnpm 10\n```',
        "bn",
    )
    html = rendered.html
    assert '<span lang="en">CMYK</span> রং আর ৩০০ <span lang="en">DPI</span>' in html
    assert (
        '<a href="https://example.org/a1" rel="noopener noreferrer"><span lang="en">Brief &amp; Match</span></a>'
        in html
    )
    assert "<code>pip install 2</code>" in html and "<code>npm 10\n</code>" in html
    assert '<span lang="en">Fiverr Pro</span>' in html and '<span lang="en"><span' not in html
    assert '<h2 id="h-canva-দিয়ে-শুরু"><span lang="en">Canva</span> দিয়ে শুরু</h2>' in html
    assert '<span lang="en">Canva</span> দিয়ে শুরু</a>' in rendered.toc_html
    assert unmarked(html + rendered.toc_html) == []


def test_an_english_body_is_not_wrapped():
    assert "<span" not in render_document("Upload in CMYK at 300 DPI.", "en").html


def test_editors_may_mark_a_language_by_hand_and_nothing_else():
    html = render_markdown(
        '<span lang="en">Upwork</span> <span lang="bn-BD">হ্যাঁ</span> '
        '<span lang="x onclick=alert(1)">y</span> <span lang="en" onclick="alert(1)" style="color:red">z</span>'
    )
    assert '<span lang="en">Upwork</span>' in html and '<span lang="bn-BD">হ্যাঁ</span>' in html
    assert "onclick" not in html and "style" not in html and 'lang="x' not in html


def test_marking_escapes_text_and_keeps_digits_that_belong_to_a_name():
    assert mark_english_text("৯৯ ডিজাইনস (99designs) <b>") == (
        '৯৯ ডিজাইনস (<span lang="en">99designs</span>) &lt;<span lang="en">b</span>&gt;'
    )
    assert mark_english_text("অন্তত ৮ GB RAM") == 'অন্তত ৮ <span lang="en">GB RAM</span>'
    assert mark_english_text("অনুপাত 16:9") == "অনুপাত 16:9"  # left for the check to find
    assert unmarked(mark_english_text("অনুপাত 16:9")) == ["ASCII digit in : 'অনুপাত 16:9'"]


def test_marking_html_never_touches_attributes_or_marked_text():
    html = '<p title="Title 1"><a href="https://x.org/Path">লিংক Link</a> <span lang="en">Kept as is</span></p>'
    assert mark_english_html(html) == (
        '<p title="Title 1"><a href="https://x.org/Path">লিংক <span lang="en">Link</span></a> '
        '<span lang="en">Kept as is</span></p>'
    )


@pytest.mark.parametrize(
    ("language", "template", "expected"),
    [
        ("bn", "{{ value|mark_english }}", '<span lang="en">Canva</span>-র &lt;ক&gt;'),
        ("en", "{{ value|mark_english }}", "Canva-র &lt;ক&gt;"),
        ("en", "{{ value|mark_english:'bn' }}", '<span lang="en">Canva</span>-র &lt;ক&gt;'),
        ("bn", "{{ value|mark_english:'en' }}", "Canva-র &lt;ক&gt;"),
    ],
)
def test_the_template_filter_marks_english_inside_bangla_only(language, template, expected):
    with translation.override(language):
        assert Template("{% load site_tags %}" + template).render(Context({"value": "Canva-র <ক>"})) == expected


@pytest.mark.django_db
def test_a_field_is_marked_by_the_language_it_is_shown_in():
    skill = factories.skill()
    bangla = factories.resource(skill, title_bn="Canva Design School", title_en="Canva Design School")
    fallback = factories.resource(skill, title_bn="", title_en="Free videos")
    template = Template("{% load site_tags %}{{ resource|shown_text:'title' }}")
    with translation.override("bn"):
        assert template.render(Context({"resource": bangla})) == '<span lang="en">Canva Design School</span>'
        # English shown because the Bangla is missing: its element is already lang="en".
        assert template.render(Context({"resource": fallback})) == "Free videos"
    with translation.override("en"):
        assert template.render(Context({"resource": bangla})) == "Canva Design School"
