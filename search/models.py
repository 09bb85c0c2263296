"""The search index: one row per published guide, skill and marketplace (and any other
content type registered in search.indexing.SOURCES).

The `names` and `content` columns hold normalised text (search.normalise), each part
(a title, an alternative spelling, a summary, a body) on its own line with a space on each
side: "\n part \n part \n". So " word" is a word's beginning, "\n word \n" a whole part, and
no phrase spans two parts. The other text columns are what the results page shows, so a search
needs no join.

A row's id is not a counter: it is `entry_id(kind, object id)`, so ids sort by kind (in Kind's
order), then by the item's age, on every database alike. Search's ranking (search.ranking)
leans on that: the rows it need not compare one by one stay in id order.

Each database indexes those two columns with its own full-text engine, created in migration
0005 and kept in step by the database itself (search.engines):
- SQLite: FTS5 tables `search_fts` and `search_names_fts`, with triggers on this table;
- PostgreSQL: generated `tsvector` columns `document` and `names_document` ('simple'
  configuration over our own normalised text) with GIN indexes.
Neither is a model field. Careful: on SQLite, Django rebuilds a table for most column changes
(AlterField), which drops its triggers: a migration that alters this table must recreate them
(search.engines.SQLITE_TRIGGERS).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import fallback_order
from freelanceguide.remembered_urls import remembered_reverse


class Kind(models.TextChoices):
    # Declaration order is the order of the groups when their best matches rank equal.
    GUIDE = "guide", _("Guides")
    SKILL = "skill", _("Skills")
    MARKETPLACE = "marketplace", _("Marketplaces")
    PROGRAMME = "programme", _("Training programmes")
    TERM = "term", _("Glossary")
    QUESTION = "question", _("Questions and answers")


# Room for this many items of one kind: entry ids of kind n are n * KIND_SPAN + object id.
KIND_SPAN = 10**12


def entry_id(kind, object_id):
    return Kind.values.index(kind) * KIND_SPAN + object_id


def kind_of(pk):
    """The Kind of an entry id."""
    return Kind.values[pk // KIND_SPAN]


DETAIL_URLS = {
    Kind.GUIDE: "guides:detail",
    Kind.SKILL: "skills:detail",
    Kind.MARKETPLACE: "marketplaces:detail",
    Kind.PROGRAMME: "training:detail",
    Kind.TERM: "glossary:detail",
    Kind.QUESTION: "questions:detail",
}


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    slug = models.SlugField(_("slug"))
    # Searched columns first: SQLite reads a row's columns in order, so a scan of these
    # never walks through the long display text stored after them.
    names = models.TextField(_("normalised titles and alternative spellings"), blank=True)
    content = models.TextField(_("normalised summaries and text"), blank=True)
    title_bn = models.CharField(_("title (Bangla)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_bn = models.CharField(_("summary (Bangla)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    text_bn = models.TextField(_("text (Bangla)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    updated = models.DateTimeField(_("content last updated"))

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique_object")]

    def __str__(self):
        return f"{self.kind}: {self.title_en or self.title_bn}"

    def get_absolute_url(self):
        return remembered_reverse(DETAIL_URLS[self.kind], args=[self.slug])

    def shown(self, field, language):
        """(text, language) of a display field in the reader's language, else its fallback."""
        for code in fallback_order(language):
            value = getattr(self, f"{field}_{code}", "")
            if value:
                return value, code
        return "", language


class SearchWord(models.Model):
    """Every distinct word of the index, with its romanised key (search.expand).

    Query expansion compares the reader's words with these: typos, Banglish against the
    romanised Bangla. Filled by a rebuild and added to on every save; a word whose last
    page is gone stays until the next rebuild, harmlessly (it matches nothing).
    """

    word = models.CharField(_("word"), max_length=100, unique=True)
    key = models.CharField(_("romanised key"), max_length=200)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word


class SearchDay(models.Model):
    """How often a query was searched on one day: one row per normalised query and day.

    Written by search.misses from the page cache's counts (freelanceguide/page_cache/tallies.py),
    so searches answered from the cache count too. No reader, address or time of day is kept.
    """

    query = models.CharField(_("normalised query"), max_length=200)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)
    corrected = models.BooleanField(_('"did you mean" shown'), default=False)

    class Meta:
        verbose_name = _("searches of a day")
        verbose_name_plural = _("searches by day")
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="search_day_once")]
        indexes = [models.Index(fields=["day", "results"], name="search_day_results")]

    def __str__(self):
        return f"{self.query} ({self.day})"
