"""/sitemap.xml: every published page in both languages, with hreflang alternates and
x-default (the unprefixed address, which redirects by the reader's language), and lastmod
from the content's own `updated` time."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Value
from django.urls import reverse

from checks.models import AccountRisk, AppealRoute, RedFlag
from glossary.models import Term
from guides.models import Guide
from marketplaces.models import Marketplace
from questions.models import Question
from skills.models import Skill
from training.models import Programme


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ContentSitemap(BilingualSitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated")

    def lastmod(self, item):
        return item.updated


class SectionSitemap(BilingualSitemap):
    """Home, the section lists, the self-check and the money calculator; each changes when the
    newest item it shows changes."""

    SECTIONS = {
        "home": (Guide, Skill, Marketplace),
        "guides:list": (Guide,),
        "skills:list": (Skill,),
        "marketplaces:list": (Marketplace,),
        "training:list": (Programme,),
        # The self-check's empty form (its plans, one per set of answers, are noindex).
        "planner:path": (Guide, Skill, Marketplace),
        # The empty money calculator (its answers are noindex); it shows marketplaces' facts.
        "money": (Marketplace,),
        "glossary:list": (Term,),
        "questions:list": (Question,),
        # The checks' empty forms (their answers are noindex), from the rules each one shows.
        "checks:offer": (RedFlag,),
        "checks:account": (AccountRisk, AppealRoute),
        "checks:proposal": (Guide,),
    }

    def items(self):
        # Computed on every request: the sitemap object lives as long as the process.
        # One query for every model's newest time (a UNION of one aggregate per model).
        models = (Guide, Skill, Marketplace, Programme, Term, Question, RedFlag, AccountRisk, AppealRoute)
        parts = [
            model.objects.published()
            .order_by()
            .annotate(kind=Value(index))
            .values("kind")
            .annotate(latest=Max("updated"))
            .values_list("kind", "latest")
            for index, model in enumerate(models)
        ]
        newest = dict(parts[0].union(*parts[1:], all=True).order_by())
        latest = {model: newest.get(index) for index, model in enumerate(models)}
        return [
            (name, max((latest[m] for m in models if latest[m]), default=None))
            for name, models in self.SECTIONS.items()
        ]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return item[1]


SITEMAPS = {
    "sections": SectionSitemap(),
    "guides": ContentSitemap(Guide),
    "skills": ContentSitemap(Skill),
    "marketplaces": ContentSitemap(Marketplace),
    "training": ContentSitemap(Programme),
    "glossary": ContentSitemap(Term),
    "questions": ContentSitemap(Question),
}
