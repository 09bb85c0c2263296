"""Translation status: per-language edit times, missing/outdated/up to date, admin column and filter, command."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone

from editorial.models import TranslationEdit
from editorial.translations import status as ts
from editorial.translations.admin import TranslationStatusFilter
from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """A clock that moves one minute per save, so "after" is unambiguous."""
    start = timezone.now()
    moments = iter(start + datetime.timedelta(minutes=n) for n in range(100_000))
    monkeypatch.setattr(timezone, "now", lambda: next(moments))


def statuses(obj):
    return ts.row_statuses(ts.with_edit_times(type(obj).objects.filter(pk=obj.pk)).get())


def edit(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def test_tracks_every_translated_model():
    labels = {model._meta.label_lower for model in ts.tracked_models()}
    assert labels == {
        "guides.guide",
        "guides.guidetopic",
        "skills.skill",
        "skills.skillcategory",
        "skills.learningresource",
        "marketplaces.marketplace",
        "marketplaces.paymentmethod",
        "marketplaces.payout",
        "training.programme",
        "marketplaces.contractterms",
        "marketplaces.payoutstep",
        "marketplaces.exchangerate",
        "glossary.term",
        "glossary.termtopic",
        "planner.advice",
        "checks.redflag",
        "checks.accountrisk",
        "checks.accountrule",
        "checks.appealroute",
        "questions.question",
    }
    # Derived fields (HTML, table of contents, reading time) are not something to translate.
    assert ts.text_fields(Guide) == ["summary", "body", "title"]


def test_new_item_in_both_languages_is_up_to_date(clock):
    guide = factories.guide()
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}
    records = TranslationEdit.objects.filter(content_type=ContentType.objects.get_for_model(Guide), object_id=guide.pk)
    assert sorted(records.values_list("language", flat=True)) == ["bn", "en"]


def test_empty_field_filled_in_the_other_language_is_missing(clock):
    guide = factories.guide(body_en="")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.MISSING}
    # An optional field empty in both languages is not missing.
    guide = factories.guide(summary_bn="", summary_en="")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}
    # A required field is missing when empty, whatever the other language holds.
    topic = factories.topic(name_en="")
    assert statuses(topic)["en"] == ts.MISSING


def test_new_content_makes_the_other_language_outdated_and_catching_up_does_not(clock):
    guide = factories.guide()
    edit(guide, body_bn=guide.body_bn + "\n\nনতুন অনুচ্ছেদ।")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.OUTDATED}
    # Translating the new paragraph brings English up to date and leaves Bangla up to date.
    edit(guide, body_en=guide.body_en + "\n\nA new paragraph.")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}
    # New English content now makes Bangla outdated.
    edit(guide, title_en="A better title")
    assert statuses(guide) == {"bn": ts.OUTDATED, "en": ts.UP_TO_DATE}


def test_filling_a_missing_translation_does_not_outdate_the_source(clock):
    guide = factories.guide(body_en="")
    edit(guide, body_en="Now translated.")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}


def test_saving_without_a_text_change_records_nothing(clock):
    guide = factories.guide()
    before = list(TranslationEdit.objects.values_list("language", "edited_at", "revised_at"))
    edit(guide, published=False, path_position=7)
    assert list(TranslationEdit.objects.values_list("language", "edited_at", "revised_at")) == before


def test_item_saved_before_tracking_gets_a_baseline(clock):
    guide = factories.guide()
    TranslationEdit.objects.all().delete()
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}
    edit(guide, body_bn="বদলানো লেখা")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}
    assert TranslationEdit.objects.filter(content_type__model="guide", object_id=guide.pk).count() == 2


def test_deleting_an_item_deletes_its_records(clock):
    guide = factories.guide()
    guide.delete()
    assert not TranslationEdit.objects.filter(content_type__model="guide", object_id=guide.pk).exists()


def test_child_rows_are_tracked(clock):
    resource = factories.resource(factories.skill(), note_bn="শুধু বাংলায় নোট")
    assert statuses(resource) == {"bn": ts.UP_TO_DATE, "en": ts.MISSING}


def build_mixed():
    """One guide per state: complete, English missing, English outdated, Bangla outdated."""
    complete = factories.guide()
    missing = factories.guide(summary_en="")
    en_outdated = edit(factories.guide(), body_bn="নতুন লেখা")
    bn_outdated = edit(factories.guide(), body_en="New text")
    return complete, missing, en_outdated, bn_outdated


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en-missing", [1]),
        ("en-outdated", [2]),
        ("bn-outdated", [3]),
        ("bn-missing", []),
        ("complete", [0]),
        ("junk", [0, 1, 2, 3]),
    ],
)
def test_filter_matches_the_status(clock, value, expected):
    guides = build_mixed()
    queryset = ts.with_edit_times(Guide.objects.all())
    filtered = TranslationStatusFilter(None, {"translation": [value]}, Guide, None).queryset(None, queryset)
    assert sorted(filtered.values_list("pk", flat=True)) == sorted(guides[i].pk for i in expected)


def test_admin_changelist_shows_status_and_filters_with_constant_queries(
    clock, staff_client, django_assert_max_num_queries
):
    build_mixed()
    staff_client.get("/admin/guides/guide/")  # warm caches (content types, session)
    response = staff_client.get("/admin/guides/guide/")
    text = response.content.decode()
    assert response.status_code == 200
    for label in ("ইংরেজি: অনুবাদ নেই", "বাংলা: পুরোনো", "বাংলা: হালনাগাদ"):
        assert label in text, label
    with django_assert_max_num_queries(12) as few:
        staff_client.get("/admin/guides/guide/")
    for _ in range(20):
        build_mixed()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get("/admin/guides/guide/")
    assert response.content.decode().count("বাংলা: পুরোনো") == 21 + 1  # 21 rows, and the filter's choice
    response = staff_client.get("/admin/guides/guide/?translation=bn-outdated")
    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert len(rows) == 21
    assert {ts.row_statuses(row)["bn"] for row in rows} == {ts.OUTDATED}


@pytest.mark.parametrize(
    "path",
    [
        "/admin/guides/guidetopic/",
        "/admin/skills/skill/",
        "/admin/skills/skillcategory/",
        "/admin/marketplaces/marketplace/",
        "/admin/marketplaces/paymentmethod/",
        "/admin/glossary/term/",
        "/admin/glossary/termtopic/",
    ],
)
def test_every_translated_changelist_has_the_column_and_filter(staff_client, path):
    factories.marketplace()
    factories.skill()
    factories.guide()
    factories.payment_method()
    response = staff_client.get(path + "?translation=en-missing")
    assert response.status_code == 200
    text = response.content.decode()
    assert "?translation=en-outdated" in text
    assert response.context["cl"].result_count == 0


def test_admin_bulk_delete_works_on_the_annotated_queryset(staff_client):
    guide = factories.guide()
    response = staff_client.post(
        "/admin/guides/guide/", {"action": "delete_selected", "_selected_action": [guide.pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert not Guide.objects.filter(pk=guide.pk).exists()


def test_command_prints_status_and_fails_on_missing(clock):
    complete, missing, en_outdated, bn_outdated = build_mixed()
    out = io.StringIO()
    call_command("translation_status", stdout=out)
    text = out.getvalue()
    assert "guides.guide" in text
    line = next(row for row in text.splitlines() if missing.slug in row)
    assert "en: missing" in line and "bn: up to date" in line
    line = next(row for row in text.splitlines() if bn_outdated.slug in row)
    assert "bn: outdated" in line
    assert "Total: bn: 0 missing, 1 outdated" in text

    out = io.StringIO()
    call_command("translation_status", "--problems", stdout=out)
    assert complete.slug not in out.getvalue() and missing.slug in out.getvalue()

    with pytest.raises(CommandError, match="1 translation\\(s\\) missing") as error:
        call_command("translation_status", "--fail-on-missing", stdout=io.StringIO())
    assert error.value.returncode == 1
    edit(missing, summary_en="Now there")
    call_command("translation_status", "--fail-on-missing", stdout=io.StringIO())


def test_new_field_in_one_language_makes_it_missing_in_the_other_and_filling_it_catches_up(clock):
    guide = factories.guide(summary_bn="", summary_en="")
    edit(guide, summary_bn="নতুন সারাংশ")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.MISSING}
    assert not TranslationEdit.objects.get(content_type__model="guide", object_id=guide.pk, language="en").complete
    edit(guide, summary_en="A new summary")
    assert statuses(guide) == {"bn": ts.UP_TO_DATE, "en": ts.UP_TO_DATE}


def test_untranslated_models_have_no_text_fields():
    from editorial.models import LoadedContent

    assert ts.text_fields(LoadedContent) == []
