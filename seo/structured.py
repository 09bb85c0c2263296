"""Structured data for a reader page: breadcrumbs, Article, FAQPage (schema.org JSON-LD).

Built from what the page already has in its context (the resolved URL and the page's
object), so the app templates need nothing extra.
"""

import json
import re

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from search.indexing import plain_text

# Like django.utils.html.json_script: the JSON can never close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# (section label, list URL name, name of the page's object in the template context)
SECTIONS = {
    "guides": (lambda: _("Guides"), "guides:list", "guide"),
    "skills": (lambda: _("Skills"), "skills:list", "skill"),
    "marketplaces": (lambda: _("Marketplaces"), "marketplaces:list", "marketplace"),
    "glossary": (lambda: _("Glossary"), "glossary:list", "term"),
    "questions": (lambda: _("Questions readers asked"), "questions:list", "question"),
    "search": (lambda: _("Search"), "search:search", None),
}

_QUESTION = re.compile(r"<h([23])[^>]*>(.*?)</h\1>(.*?)(?=<h[1-6][\s>]|\Z)", re.S)
QUESTION_MARKS = ("?", "？")  # noqa: RUF001 (the full-width mark some keyboards type)


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)


def breadcrumbs(request, page_title):
    """Home > section > this page, as far as the URL goes."""
    match = request.resolver_match
    crumbs = [(_("Home"), reverse("home"))]
    section = SECTIONS.get(match.namespace) if match else None
    if section:
        label, list_name, _key = section
        crumbs.append((label(), reverse(list_name)))
        if match.url_name != "list" and reverse(list_name) != request.path:
            crumbs.append((page_title, request.path))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(url)}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def page_object(request, context):
    match = request.resolver_match
    section = SECTIONS.get(match.namespace) if match else None
    if section and section[2] and match.url_name == "detail":
        return context.get(section[2])
    return None


def article(request, guide, language):
    organisation = {"@type": "Organization", "name": _("Freelancing guide"), "url": request.build_absolute_uri("/")}
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title,
        "description": guide.summary,
        "inLanguage": language,
        "datePublished": guide.created.isoformat(),
        "dateModified": guide.updated.isoformat(),
        "mainEntityOfPage": request.build_absolute_uri(request.path),
        "author": organisation,
        "publisher": organisation,
    }


def defined_term(request, term, language):
    """A glossary term: the English word, how it is said in Bangla, its plain meaning."""
    return {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": term.name_en,
        "alternateName": term.name_bn,
        "description": term.summary,
        "inLanguage": language,
        "url": request.build_absolute_uri(request.path),
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": _("Glossary"),
            "url": request.build_absolute_uri(reverse("glossary:list")),
        },
    }


def questions(body_html):
    """(question, answer) for every heading that asks a question, with the text under it."""
    found = []
    for _level, heading, answer in _QUESTION.findall(body_html or ""):
        question = plain_text(heading)
        answer = plain_text(answer)
        if question.endswith(QUESTION_MARKS) and answer:
            found.append((question, answer))
    return found


def answered(items):
    """(question, answer) for readers' questions an editor answered (Question or LinkedQuestion)."""
    found = []
    for item in items:
        question = " ".join((item.question or "").split())
        answer = plain_text(item.answer_html)
        if question and answer:
            found.append((question, answer))
    return found


def faq(pairs):
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in pairs
        ],
    }
