"""The checks' editors' data: the red flags of offers, and the account risks with each
marketplace's rules and appeal routes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models import Guide
from marketplaces.models import Marketplace


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class CheckItem(models.Model):
    """What a red flag and an account risk share: a slug, a place in the list, the guide to
    read, and whether readers see it."""

    slug = models.SlugField(
        _("slug"), unique=True, help_text=_("ASCII letters, digits and hyphens; shared by both languages.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    guide = models.ForeignKey(
        Guide, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("guide to read")
    )
    published = models.BooleanField(_("published"), default=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.title or self.slug


class RedFlag(CheckItem):
    """One sign that an offer is a trap: the phrases that reveal it, how much it weighs, why it
    is one and what to do. An optional question lets a reader who pastes nothing answer it."""

    class Weight(models.IntegerChoices):
        CAUTION = 1, _("Be careful: common in honest messages too")
        STRONG = 2, _("Strong sign: two make a danger")
        DANGER = 3, _("Danger on its own")

    weight = models.PositiveSmallIntegerField(_("weight"), choices=Weight.choices, default=Weight.STRONG)
    title = models.CharField(_("title"), max_length=200)
    question = models.CharField(
        _("question"),
        max_length=300,
        blank=True,
        help_text=_("A yes-or-no question for the form (leave empty to find this flag in pasted text only)."),
    )
    why = models.TextField(_("why it is a red flag"), help_text=_("One or two plain sentences."))
    advice = models.TextField(_("what to do now"), help_text=_("One or two plain sentences."))
    phrases = models.TextField(
        _("phrases"),
        blank=True,
        help_text=_(
            "One per line, in Bangla, Banglish or English; each is found with its endings, small typos and a "
            "word or two in between. # stands for any number (# taka daily)."
        ),
    )
    course_offer = models.BooleanField(
        _("a course offer"),
        default=False,
        help_text=_("When found, the check also names free programmes that teach the skills the message mentions."),
    )

    class Meta(CheckItem.Meta):
        verbose_name = _("offer red flag")
        verbose_name_plural = _("offer red flags")

    def phrase_list(self):
        return tuple(line.strip() for line in self.phrases.splitlines() if line.strip())


class AccountRisk(CheckItem):
    """One thing that gets marketplace accounts suspended, asked as a yes-or-no question: why it
    is a risk, each marketplace's own rule with its source (AccountRule), and what to do before
    it becomes a ban."""

    question = models.CharField(_("question"), max_length=300, help_text=_("Asked so that yes means the risk."))
    title = models.CharField(_("title"), max_length=200, help_text=_("The finding's heading when the answer is yes."))
    why = models.TextField(_("why it is a risk"), help_text=_("One or two plain sentences."))
    advice = models.TextField(_("what to do now"), help_text=_("What to do before it becomes a ban."))

    class Meta(CheckItem.Meta):
        verbose_name = _("account risk")
        verbose_name_plural = _("account risks")


class Sourced(models.Model):
    """Where a marketplace's rule or route is written, and when we last read it there."""

    source_url = models.URLField(_("address of the source"))
    source_name = models.CharField(_("source"), max_length=200)
    checked_on = models.DateField(_("checked on"))
    uncertain = models.BooleanField(
        _("uncertain"),
        default=False,
        help_text=_("The source is a forum or a quotation, not the marketplace's own page: the page says so."),
    )

    class Meta:
        abstract = True


class AccountRule(Sourced):
    """A marketplace's own rule behind an account risk, in plain words."""

    risk = models.ForeignKey(
        AccountRisk, on_delete=models.CASCADE, related_name="rules", verbose_name=_("account risk")
    )
    marketplace = models.ForeignKey(
        Marketplace, on_delete=models.CASCADE, related_name="+", verbose_name=_("marketplace")
    )
    rule = models.TextField(_("the rule"), help_text=_("What the marketplace's page says, in one or two sentences."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("marketplace rule")
        verbose_name_plural = _("marketplace rules")

    def __str__(self):
        return f"{self.marketplace}: {self.risk}"


class AppealRoute(Sourced):
    """What a marketplace documents for an account that is on hold, suspended or closed."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("The marketplace's slug."))
    marketplace = models.OneToOneField(
        Marketplace, on_delete=models.CASCADE, related_name="+", verbose_name=_("marketplace")
    )
    route = models.TextField(_("the route"), help_text=_("Where to write and what happens, in plain sentences."))
    published = models.BooleanField(_("published"), default=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["marketplace__position", "slug"]
        verbose_name = _("appeal route")
        verbose_name_plural = _("appeal routes")

    def __str__(self):
        return str(self.marketplace)
