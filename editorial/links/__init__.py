"""Internal link check: every link in every Markdown body, in every language.

A link is internal when it is a path on this site (`/bn/guides/x/`) or an anchor on the same
page (`#h-...`). Paths are resolved through Django's URL resolver, so any app's pages count
as soon as its URLs are mounted; an item's page (see registry.py) must also exist and be
published, and an `#h-...` anchor must be a heading id in that item's body in that language.
A link to an old slug that a redirect resolves still works for readers, but is reported as
fixable, with the address to link to instead.
"""

import html
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from editorial.redirects import target_of
from editorial.registry import is_live, language_of, page_for_path, page_models, resolves, url_of
from freelanceguide.models import language_codes

MISSING_PAGE = _("no such page")
UNPUBLISHED = _("the page is not published")
MISSING_ANCHOR = _("no heading with this anchor on that page")
REDIRECTED = _("old address: readers are redirected; link to %(url)s instead")


@dataclass(frozen=True)
class LinkProblem:
    item: object
    language: str
    href: str
    problem: str
    fix: str = ""  # for a redirected link: the address to link to instead

    @property
    def fixable(self):
        return bool(self.fix)

    def message(self):
        return str(REDIRECTED % {"url": self.fix}) if self.fix else str(self.problem)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        if values.get("id"):
            self.ids.add(values["id"])


def parse(body_html):
    collector = _Collector()
    collector.feed(body_html or "")
    return collector.hrefs, collector.ids


def is_internal(href):
    return href.startswith("#") or (href.startswith("/") and not href.startswith("//"))


class Pages:
    """Looks items up by (model, slug) once per check, however many links name them."""

    def __init__(self):
        self.cache = {}

    def get(self, model, slug):
        key = (model, slug)
        if key not in self.cache:
            self.cache[key] = model._default_manager.filter(slug=slug).first()
        return self.cache[key]

    def redirect_target(self, model, slug):
        key = (model, slug, "redirect")
        if key not in self.cache:
            self.cache[key] = target_of(model, slug)
        return self.cache[key]


def _anchor_ids(instance, language):
    return parse(getattr(instance, f"body_html_{language}", "") or "")[1]


def check_link(item, language, href, own_ids, pages):
    """The problem with one link, or None when it works."""
    parts = urlsplit(html.unescape(href))
    fragment = unquote(parts.fragment)
    if not parts.path:
        if fragment.startswith("h-") and fragment not in own_ids:
            return LinkProblem(item, language, href, MISSING_ANCHOR)
        return None
    path = unquote(parts.path)
    if path.startswith((settings.MEDIA_URL, settings.STATIC_URL)):
        return None  # files, not pages
    if language_of(path) is None:
        path = f"/{language}{path}"  # the site sends unprefixed paths to the reader's language
    if resolves(path, language_of(path)) is None:
        return LinkProblem(item, language, href, MISSING_PAGE)
    found = page_for_path(path)
    if found is None:
        return None  # a page that is not an item (a list, the home page, a tool)
    model, slug, link_language = found
    target = pages.get(model, slug)
    if target is None:
        moved = pages.redirect_target(model, slug)
        if moved is not None and is_live(moved):
            new_url = url_of(model, moved.slug, link_language)
            return LinkProblem(item, language, href, MISSING_PAGE, fix=new_url + (f"#{fragment}" if fragment else ""))
        return LinkProblem(item, language, href, MISSING_PAGE)
    if not is_live(target):
        return LinkProblem(item, language, href, UNPUBLISHED)
    if fragment.startswith("h-") and fragment not in _anchor_ids(target, link_language):
        return LinkProblem(item, language, href, MISSING_ANCHOR)
    return None


def check_item(item, pages=None):
    """Every broken or fixable internal link in `item`'s bodies, language by language."""
    pages = pages or Pages()
    problems = []
    for language in language_codes():
        hrefs, ids = parse(getattr(item, f"body_html_{language}", "") or "")
        for href in hrefs:
            if is_internal(href):
                problem = check_link(item, language, href, ids, pages)
                if problem is not None:
                    problems.append(problem)
    return problems


def has_body(model):
    return all(hasattr(model, f"body_html_{code}") for code in language_codes())


def check_all():
    """{item: [problems]} for every item of every page model with a Markdown body."""
    pages, report = Pages(), {}
    for model in page_models():
        if not has_body(model):
            continue
        for item in model._default_manager.order_by("slug"):
            problems = check_item(item, pages)
            if problems:
                report[item] = problems
    return report
