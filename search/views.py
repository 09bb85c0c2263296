import re
from dataclasses import dataclass

from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from freelanceguide.models import language_codes
from freelanceguide.pagination import page_of

from .models import Kind, SearchEntry
from .query import MAX_QUERY_LENGTH, entries, query_words, search
from .snippets import excerpt, highlight

RESULTS_PER_PAGE = 20
SUGGESTIONS = 12


@dataclass
class Result:
    entry: SearchEntry
    kind_label: str
    title: SafeString
    title_lang: str
    passage: SafeString
    passage_lang: str


def _result(entry, phrase, words, language):
    title, title_lang = entry.shown("title", language)
    passage, passage_lang = None, language
    # The reader's language first, then the other: summary, then the text.
    for code in [language, *(c for c in language_codes() if c != language)]:
        for field in ("summary", "text"):
            passage = excerpt(getattr(entry, f"{field}_{code}"), phrase, words)
            if passage:
                passage_lang = code
                break
        if passage:
            break
    if passage is None:  # matched by an alternative spelling only: show the summary
        summary, passage_lang = entry.shown("summary", language)
        passage = highlight(summary, [phrase, *words])
    return Result(
        entry=entry,
        kind_label=Kind(entry.kind).label,
        title=highlight(title, [phrase, *words]),
        title_lang=title_lang,
        passage=passage,
        passage_lang=passage_lang,
    )


BENGALI = re.compile("[\u0980-\u09ff]")


def _marked(query):
    """The reader's words with their own `lang`, so a screen reader reads ফাইভার on an English
    page (or Fiverr on a Bangla one) in the right voice."""
    return format_html('<span lang="{}">{}</span>', "bn" if BENGALI.search(query) else "en", query)


def _visible(text):
    """The query as typed, without control characters (a NUL must not reach the page)."""
    return "".join(char for char in text if char.isprintable() or char in "\u200c\u200d")


@require_safe
def search_view(request):
    typed = _visible(request.GET.get("q", "")).strip()
    cut = len(typed) > MAX_QUERY_LENGTH
    typed = typed[:MAX_QUERY_LENGTH]
    phrase, words = query_words(typed)
    context = {"query": typed, "query_html": _marked(typed), "cut": cut, "max_length": MAX_QUERY_LENGTH}
    language = get_language()
    if not words:
        # Marketplaces first ("marketplace" < "skill"): what readers ask about most.
        popular = SearchEntry.objects.exclude(kind=Kind.GUIDE).order_by("kind", "slug")[:SUGGESTIONS]
        context["suggestions"] = [(entry.get_absolute_url(), *entry.shown("title", language)) for entry in popular]
        return render(request, "search/search.html", context)
    # One query ranks every match (ids only), one fetches this page's rows.
    page = page_of(request, list(search(phrase, words)), RESULTS_PER_PAGE)
    context["page"] = page
    context["searched"] = True  # an empty Page is falsy in templates
    context["results"] = [_result(entry, phrase, words, language) for entry in entries(page.object_list)]
    return render(request, "search/search.html", context)
