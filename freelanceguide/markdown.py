"""The one Markdown pipeline: Python-Markdown, then nh3 with an allowlist.

Everything that turns editor Markdown into HTML goes through here: pages (rendered on save)
and the admin's live preview, so the preview shows exactly what readers will get.
"""

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from itertools import chain

import markdown
import nh3
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from PIL import Image

from .images import add_srcset
from .lang_marking import mark_english_html

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "strong", "sub",
    "span", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "th": {"scope"},
    # <span lang="en">...</span> marks English inside Bangla by hand, for what the automatic
    # marking (freelanceguide.lang_marking) cannot see.
    "span": {"lang"},
}
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*")
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Prefixing every id keeps editor content from clobbering the page's own element ids.
HEADING_ID_PREFIX = "h-"
# Rough silent-reading speeds; Bangla script is read a little more slowly per word.
WORDS_PER_MINUTE = {"bn": 150, "en": 200}


def heading_slug(value, separator="-"):
    """A heading id that keeps every letter, mark and digit of any script.

    Python-Markdown's own slugify drops Bangla vowel signs and virama, which breaks
    Bangla table-of-contents links; this keeps them (NFC-normalised).
    """
    value = unicodedata.normalize("NFC", html.unescape(value)).strip().lower()
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in value if ch not in "\u200c\u200d")
    return re.sub(r"\s+", separator, kept.strip()) or "section"


def _attribute_filter(tag, name, value):
    if name == "lang":
        return value if LANGUAGE_TAG.fullmatch(value) else None
    return value


def sanitize_html(raw_html):
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        id_prefix=HEADING_ID_PREFIX,
        attribute_filter=_attribute_filter,
    )


IMG_TAG = re.compile(r"<img\b[^>]*>")
IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
UPLOAD_NAME = re.compile(r"uploads/[0-9a-f]{32}\.(?:jpg|png|webp)")


def add_image_sizes(body_html):
    """Give every uploaded image its width and height, so the page does not jump as it loads.

    Measured once, when the page is saved (uploads are the only images the CSP lets load).
    """

    def sized(match):
        tag = match.group(0)
        src = IMG_SRC.search(tag)
        if " width=" in tag or not src or not src.group(1).startswith(settings.MEDIA_URL):
            return tag
        name = src.group(1).removeprefix(settings.MEDIA_URL)
        if not UPLOAD_NAME.fullmatch(name):
            return tag
        try:
            with default_storage.open(name) as file, Image.open(file) as image:
                width, height = image.size
        except (OSError, ValueError):
            return tag  # a missing or unreadable file: nothing to measure
        return f'{tag[:-1]} width="{width}" height="{height}">'

    return IMG_TAG.sub(sized, body_html)


def _converter():
    return markdown.Markdown(
        extensions=["toc", "tables", "sane_lists", "fenced_code"],
        extension_configs={"toc": {"slugify": heading_slug, "toc_depth": "2-3"}},
        output_format="html",
    )


@dataclass(frozen=True)
class Rendered:
    html: str
    toc_html: str
    reading_minutes: int


def _safe_html(converter, text, terms=()):
    html = add_srcset(add_image_sizes(sanitize_html(converter.convert(text or ""))))
    return link_glossary_terms(html, terms)


def render_markdown(text):
    """Markdown to sanitised HTML (also the admin preview's MARKDOWNX_MARKDOWNIFY_FUNCTION)."""
    return _safe_html(_converter(), text)


def render_document(text, language, terms=()):
    """Render a page body: sanitised HTML, its table of contents and reading time.

    `terms`: GlossaryLink items whose first use in the body links to their page (the caller
    passes them, so this module knows nothing of the glossary).
    """
    converter = _converter()
    body_html = _safe_html(converter, text, terms)
    toc_html = _toc_html(converter.toc_tokens)
    if language == "bn":
        body_html, toc_html = mark_english_html(body_html), mark_english_html(toc_html)
    return Rendered(
        html=body_html,
        toc_html=toc_html,
        reading_minutes=reading_minutes(text, language),
    )


def reading_minutes(text, language):
    words = len(re.findall(r"\S+", text or ""))
    if not words:
        return 0
    return max(1, math.ceil(words / WORDS_PER_MINUTE.get(language, 200)))


def _toc_html(tokens):
    if not tokens:
        return ""
    items = format_html_join(
        "",
        '<li><a href="#{}">{}</a>{}</li>',
        (
            (
                HEADING_ID_PREFIX + token["id"],
                html.unescape(token["name"]),
                _toc_html(token.get("children", [])),
            )
            for token in tokens
        ),
    )
    return format_html("<ul>{}</ul>", items)


# --- glossary links ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryLink:
    """A glossary term for link_glossary_terms: its page and the words that name it in text."""

    href: str
    spellings: tuple[str, ...]


GLOSSARY_LINK_CLASS = "term"
# Text inside these is never linked: a heading, an existing link, code.
_NO_TERM_LINKS = frozenset({"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6"})
_HTML_TOKEN = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Letters, marks and digits of any script (Bangla vowel signs and virama are marks, which
# Python's \w does not count as word characters), so a match is a whole word.
_WORD_CHAR = r"[^\W_]|[\u0980-\u09FF\u200c\u200d]"
# What Bangla adds to the end of a borrowed word (প্রপোজালে, প্রপোজালটি, এসক্রোর): the word
# is still the term, so the whole inflected word links. English may add a plural "s".
_BANGLA_ENDINGS = "(?:গুলো|গুলি|গুলোর|টি|টা|টির|টার|টিতে|টাতে|য়ের|য়ে|এর|ের|ে|র|তে|কে|ও|ই)?"
_ENGLISH_ENDINGS = "(?:s|es)?"


def _spelling_pattern(spelling):
    spelling = unicodedata.normalize("NFC", spelling.strip())
    words = [re.escape(word) for word in spelling.split()]
    ending = _BANGLA_ENDINGS if re.search(r"[\u0980-\u09FF]$", spelling) else _ENGLISH_ENDINGS
    return r"\s+".join(words) + ending


def _term_matcher(terms):
    """One regular expression for every spelling, longest first; the group name is the term's index."""
    alternatives = []
    for index, term in enumerate(terms):
        spellings = sorted({s.strip() for s in term.spellings if s.strip()}, key=len, reverse=True)
        if spellings:
            alternatives.append(
                (max(map(len, spellings)), f"(?P<t{index}>{'|'.join(map(_spelling_pattern, spellings))})")
            )
    if not alternatives:
        return None
    alternatives.sort(key=lambda pair: pair[0], reverse=True)
    body = "|".join(pattern for _length, pattern in alternatives)
    return re.compile(rf"(?<!{_WORD_CHAR})(?:{body})(?!{_WORD_CHAR})", re.IGNORECASE)


def link_glossary_terms(body_html, terms):
    """Link the first use of each glossary term in sanitised HTML to the term's page.

    At most once per term; never inside a heading, a link or code. Runs on the sanitiser's
    output (well-formed, text escaped), and the links it adds are built here from the caller's
    URLs, so the sanitiser allows nothing new.
    """
    terms = list(terms)
    matcher = _term_matcher(terms)
    if matcher is None or not body_html:
        return body_html
    linked = set()
    blocked = 0
    out = []
    for token in _HTML_TOKEN.split(body_html):
        if token.startswith("<"):
            name = _TAG_NAME.match(token)
            if name and name.group(2).lower() in _NO_TERM_LINKS and not token.endswith("/>"):
                blocked += -1 if name.group(1) else 1
            out.append(token)
        elif blocked or not token.strip() or len(linked) == len(terms):
            out.append(token)
        else:
            out.append(_link_text(token, matcher, terms, linked))
    return "".join(out)


def _link_text(escaped, matcher, terms, linked):
    text = unicodedata.normalize("NFC", html.unescape(escaped))
    pieces, start = [], 0
    for match in matcher.finditer(text):
        index = int(match.lastgroup[1:])
        if index in linked:
            continue
        linked.add(index)
        pieces.append(html.escape(text[start : match.start()], quote=False))
        pieces.append(
            format_html('<a class="{}" href="{}">{}</a>', GLOSSARY_LINK_CLASS, terms[index].href, match.group(0))
        )
        start = match.end()
    if not pieces:
        return escaped
    return "".join(chain(pieces, [html.escape(text[start:], quote=False)]))
