"""Finds interface text in the wrong language or with the wrong digits on a rendered page.

Content (titles, summaries, bodies, names editors write) is always rendered inside an element
with its own `lang` attribute, because it may fall back to the other language. Everything else
in the body is interface: the header, navigation, footer, breadcrumbs, buttons, form labels and
errors, pagination, facts and notices.

- On a Bangla page, interface text and the reader-facing attributes (aria-label, title, alt,
  placeholder) hold no Latin letter (apart from the brand names below) and no ASCII digit.
- On any other page, every Bengali character sits inside an element whose language is Bangla
  (the language switcher's "বাংলা", Bangla text shown as a fallback), wherever it appears.

The head's <title> and meta description name the content on a detail page, so they are only
checked on pages whose heading is interface text; the site name at the end of every title is
always checked.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

LATIN = re.compile(r"[A-Za-z]")
ASCII_DIGIT = re.compile(r"[0-9]")
# The taka sign is Bengali script but written in English text too.
BENGALI = re.compile(r"[\u0980-\u09f2\u09f4-\u09ff]")
# Latin words allowed in the Bangla interface: brand names that are never translated.
BRAND_NAMES = ()
READER_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "template"}


@dataclass
class Text:
    text: str
    where: str  # the element path, for the report
    lang: str  # the nearest lang attribute (the page's on <html>)
    content: bool  # inside an element with its own lang attribute (editors' text)
    head: bool


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang or None)
        self.texts = []
        self.meta_description = None

    def _lang(self):
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def _content(self):
        return any(lang for tag, lang in self.stack if tag != "html")

    def _where(self):
        return " > ".join(tag for tag, _lang in self.stack[-4:])

    def _add(self, text, where=None):
        if text.strip():
            head = any(tag == "head" for tag, _lang in self.stack)
            self.texts.append(Text(" ".join(text.split()), where or self._where(), self._lang(), self._content(), head))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.meta_description = Text(attrs.get("content") or "", "meta description", self._lang(), False, True)
        if tag in VOID:
            self.stack.append((tag, attrs.get("lang")))
            self._attributes(tag, attrs)
            self.stack.pop()
            return
        self.stack.append((tag, attrs.get("lang")))
        self._attributes(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def _attributes(self, tag, attrs):
        for name in READER_ATTRIBUTES:
            if attrs.get(name):
                self._add(attrs[name], f"{self._where()} @{name}")
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
            self._add(attrs["value"], f"{self._where()} @value")

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not any(tag in SKIPPED for tag, _lang in self.stack):
            self._add(data)


def collect(html):
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.texts, collector.meta_description


def problems(html, language, interface_head=True):
    """What is in the wrong language or has the wrong digits, as readable lines; empty if none."""
    texts, meta_description = collect(html)
    if interface_head and meta_description is not None:
        texts.append(meta_description)
    found = []
    for item in texts:
        in_title = item.where.endswith("title") and item.head
        if item.head and not in_title and item.where != "meta description":
            continue
        text = item.text
        if in_title and not interface_head:
            text = text.rsplit(" · ", 1)[-1]  # the site name; the rest names the content
        if language == "bn":
            if item.content:
                continue
            for brand in BRAND_NAMES:
                text = text.replace(brand, "")
            if LATIN.search(text) or ASCII_DIGIT.search(text):
                found.append(f"Latin letters or ASCII digits in the Bangla interface: {item.where}: {item.text!r}")
        elif BENGALI.search(text) and not item.lang.startswith("bn"):
            found.append(f'Bengali outside a lang="bn" element: {item.where} (lang={item.lang!r}): {item.text!r}')
    return found
