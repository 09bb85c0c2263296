"""The translators' work list: per language, every item whose translation is missing or outdated."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from editorial.translations import status as ts


@dataclass
class LanguageWork:
    code: str
    name: str
    missing: list = field(default_factory=list)  # (kind, item, admin url)
    outdated: list = field(default_factory=list)

    @property
    def buckets(self):
        return [(ts.STATUS_LABELS[ts.MISSING], self.missing), (ts.STATUS_LABELS[ts.OUTDATED], self.outdated)]

    @property
    def total(self):
        return len(self.missing) + len(self.outdated)


def admin_url(item):
    meta = item._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return ""


def work_list():
    """[LanguageWork] for every site language, across every translated content type."""
    work = []
    for code, name in settings.LANGUAGES:
        entry = LanguageWork(code=code, name=name)
        for model in ts.tracked_models():
            annotated = ts.with_edit_times(model._default_manager.all())
            kind = model._meta.verbose_name
            for state, bucket in ((ts.MISSING, entry.missing), (ts.OUTDATED, entry.outdated)):
                for item in ts.filter_status(annotated, code, state).order_by("pk"):
                    bucket.append((kind, item, admin_url(item)))
        work.append(entry)
    return work
