from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from freelanceguide.models import MarkdownPage, OrderedTranslatedName, PublishedQuerySet, stale_before
from glossary.models import Term
from marketplaces.models import Marketplace
from skills.models import Skill


class GuideTopic(OrderedTranslatedName):
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(OrderedTranslatedName.Meta):
        verbose_name = _("guide topic")
        verbose_name_plural = _("guide topics")


class GuideQuerySet(PublishedQuerySet):
    def stale(self):
        return self.filter(facts_checked_on__lt=stale_before())

    def fresh(self):
        return self.filter(facts_checked_on__gte=stale_before())


class Guide(MarkdownPage):
    title = models.CharField(_("title"), max_length=200)
    topic = models.ForeignKey(GuideTopic, on_delete=models.PROTECT, related_name="guides", verbose_name=_("topic"))
    path_position = models.PositiveSmallIntegerField(
        _("position on the start-here path"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("1 is read first. Leave empty to keep the guide off the path."),
    )
    skills = models.ManyToManyField(Skill, related_name="guides", blank=True, verbose_name=_("related skills"))
    marketplaces = models.ManyToManyField(
        Marketplace, related_name="guides", blank=True, verbose_name=_("related marketplaces")
    )
    facts_checked_on = models.DateField(
        _("facts checked on"),
        null=True,
        blank=True,
        help_text=_(
            "When the guide's figures (fees, limits, rules, dates) were last checked against their "
            "sources. Readers see a caution once this is over a year ago."
        ),
    )
    link_glossary_terms = models.BooleanField(
        _("link glossary terms"),
        default=True,
        help_text=_(
            "Link the first use of each glossary term in the body to its explanation. "
            "Switch off for a guide where the links would get in the way."
        ),
    )

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = [models.F("path_position").asc(nulls_last=True), "slug"]
        # Covers the guide list's filter and sort keys, so listing never reads the long rows.
        indexes = [models.Index(fields=["published", "topic", "path_position", "slug"], name="guide_list_order")]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def get_absolute_url(self):
        return reverse("guides:detail", args=[self.slug])

    def glossary_links(self):
        return Term.objects.glossary_links() if self.link_glossary_terms else {}

    @property
    def facts_are_stale(self):
        return self.facts_checked_on is not None and self.facts_checked_on < stale_before()
