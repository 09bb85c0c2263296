"""The glossary: the English of the marketplaces explained in plain Bangla (and plain English).

A term's `name` is the word itself: in English as the marketplaces write it, in Bangla as it is
said, written in Bangla letters (Escrow, এসক্রো). Its `summary` is the plain meaning, its body a
little more. Guides link the first use of each term (guides depend on this app, never the
other way round).
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from freelanceguide.markdown import GlossaryLink
from freelanceguide.models import MarkdownPage, OrderedTranslatedName, PublishedQuerySet, language_codes


class TermTopic(OrderedTranslatedName):
    class Meta(OrderedTranslatedName.Meta):
        verbose_name = _("glossary topic")
        verbose_name_plural = _("glossary topics")


def split_spellings(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass
class TermGroup:
    key: str
    label: str
    terms: list = field(default_factory=list)


@dataclass
class GlossaryIndex:
    """What the glossary page shows: every term A to Z (by its English word) and by topic."""

    letters: list
    topics: list
    count: int


class TermQuerySet(PublishedQuerySet):
    def glossary_links(self):
        """{language: [GlossaryLink]} for every published term, for the Markdown pipeline.

        One query. Each term is matched by its English word, its Bangla spelling and its other
        spellings, and links to its page in the body's own language.
        """
        rows = list(self.published().values_list("slug", "name_en", "name_bn", "search_aliases"))
        links = {}
        for code in language_codes():
            with translation.override(code):
                links[code] = [
                    GlossaryLink(
                        reverse("glossary:detail", args=[slug]),
                        tuple(word for word in (name_en, name_bn, *split_spellings(aliases)) if word),
                    )
                    for slug, name_en, name_bn, aliases in rows
                ]
        return links

    def index(self):
        """The glossary page's data in one query, however many terms there are."""
        terms = list(self.published().without_bodies().select_related("topic").order_by("slug"))
        terms.sort(key=lambda term: term.sort_key)
        letters = [
            TermGroup(letter, letter, list(group)) for letter, group in groupby(terms, key=lambda term: term.letter)
        ]
        by_topic = sorted(terms, key=lambda term: (term.topic.position, term.topic.slug, term.sort_key))
        topics = [
            TermGroup(topic.slug, topic, list(group)) for topic, group in groupby(by_topic, key=lambda term: term.topic)
        ]
        return GlossaryIndex(letters=letters, topics=topics, count=len(terms))


class Term(MarkdownPage):
    heading_field = "name"

    name = models.CharField(
        _("term"),
        max_length=120,
        help_text=_(
            "English: the word as the marketplaces write it (Escrow). Bangla: how it is said, "
            "written in Bangla letters (এসক্রো)."
        ),
    )
    # Overrides MarkdownPage's field: for a term these spellings also decide what guides link.
    search_aliases = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_(
            "One per line: other ways the word is written in guides and searches, in any script "
            "(এস্ক্রো, escrow account). Guides link the first use of the term by its name in "
            "either language and by these; search finds the term by them too."
        ),
    )
    topic = models.ForeignKey(TermTopic, on_delete=models.PROTECT, related_name="terms", verbose_name=_("topic"))
    example = models.CharField(
        _("example sentence (English)"),
        max_length=300,
        blank=True,
        help_text=_("One sentence a freelancer may read or write on a marketplace, using the term."),
    )
    example_meaning = models.CharField(
        _("the example's meaning in Bangla"),
        max_length=400,
        blank=True,
        help_text=_("Shown under the example on both languages' pages."),
    )
    related = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+", verbose_name=_("related terms")
    )
    guide_slug = models.SlugField(
        _("guide to read"),
        blank=True,
        help_text=_("The slug of the guide that explains this best (what-is-freelancing). Shown once it exists."),
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def get_absolute_url(self):
        return reverse("glossary:detail", args=[self.slug])

    @property
    def sort_key(self):
        return (self.name_en or self.slug).casefold()

    @property
    def letter(self):
        first = (self.name_en or self.slug)[:1].upper()
        return first if "A" <= first <= "Z" else "#"

    def spellings(self):
        return [word for word in (self.name_en, self.name_bn, *split_spellings(self.search_aliases)) if word]

    def guide_to_read(self):
        """The published guide named by guide_slug, or None (missing, unpublished, no guides app).

        Looked up by name in the app registry, so this app imports nothing from guides.
        """
        if not self.guide_slug:
            return None
        try:
            guide_model = apps.get_model("guides", "Guide")
        except LookupError:
            return None
        return guide_model.objects.published().without_bodies().filter(slug=self.guide_slug).first()
