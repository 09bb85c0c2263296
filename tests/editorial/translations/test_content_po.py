"""Content translation through PO files: export, import, round trip, stale sources, editors' later changes."""

import io

import polib
import pytest
from django.core.management import CommandError, call_command

from editorial.models import TranslationEdit
from guides.models import Guide
from marketplaces.models import Marketplace
from skills.models import LearningResource
from tests import factories

pytestmark = pytest.mark.django_db


def export(tmp_path, lang="en"):
    path = tmp_path / f"content-{lang}.po"
    call_command("export_content_po", "--lang", lang, "--output", str(path), stderr=io.StringIO())
    return path


def import_(path):
    out = io.StringIO()
    call_command("import_content_po", str(path), stdout=out)
    return out.getvalue()


def entry(po, context):
    return next(item for item in po if item.msgctxt == context)


def snapshot():
    """Everything an import could touch: every translated model's rows, and the edit times."""
    rows = []
    for model in (Guide, Marketplace, LearningResource):
        rows += [tuple(row.values()) for row in model.objects.order_by("pk").values()]
    rows += list(TranslationEdit.objects.order_by("pk").values_list())
    return rows


@pytest.fixture
def guide():
    return factories.guide(slug="what-is-it", body_en="")


def test_export_names_model_item_and_field_with_source_text_as_msgid(tmp_path, guide):
    resource = factories.resource(factories.skill(slug="design"))
    po = polib.pofile(str(export(tmp_path)))
    assert po.metadata["Language"] == "en" and po.metadata["X-Source-Language"] == "bn"
    title = entry(po, "guides.guide:what-is-it:title")
    assert (title.msgid, title.msgstr) == (guide.title_bn, guide.title_en)
    body = entry(po, "guides.guide:what-is-it:body")
    assert (body.msgid, body.msgstr) == (guide.body_bn, "")
    # Rows without a slug (a skill's learning resources) are named by id.
    assert entry(po, f"skills.learningresource:{resource.pk}:title").msgid == resource.title_bn
    # Derived fields are not exported.
    assert not [item for item in po if item.msgctxt.endswith(("body_html", "toc_html", "reading_minutes"))]

    po_bn = polib.pofile(str(export(tmp_path, "bn")))
    assert entry(po_bn, "guides.guide:what-is-it:title").msgid == guide.title_en
    # Nothing to translate from: the English body is empty.
    assert not [item for item in po_bn if item.msgctxt == "guides.guide:what-is-it:body"]


def test_export_to_standard_output(guide):
    out = io.StringIO()
    call_command("export_content_po", "--lang", "en", stdout=out)
    assert 'msgctxt "guides.guide:what-is-it:title"' in out.getvalue()


def test_round_trip_without_changes_changes_nothing(tmp_path, shipped_content):
    path = export(tmp_path)
    before = snapshot()
    report = import_(path)
    assert snapshot() == before
    assert "0 translation(s) applied to 0 item(s)" in report


def test_import_applies_translations_and_renders_markdown(tmp_path, guide):
    body_bn = guide.body_bn
    path = export(tmp_path)
    po = polib.pofile(str(path))
    entry(po, "guides.guide:what-is-it:body").msgstr = "Intro\n\n## A heading\n\nText."
    po.save(str(path))
    report = import_(path)
    guide.refresh_from_db()
    assert guide.body_en == "Intro\n\n## A heading\n\nText."
    assert "<h2" in guide.body_html_en and "A heading" in guide.toc_html_en
    assert "1 translation(s) applied to 1 item(s)" in report
    # The Bangla text was not touched.
    assert guide.body_bn == body_bn


def test_empty_and_fuzzy_entries_change_nothing(tmp_path, guide):
    path = export(tmp_path)
    po = polib.pofile(str(path))
    entry(po, "guides.guide:what-is-it:title").msgstr = ""
    fuzzy = entry(po, "guides.guide:what-is-it:summary")
    fuzzy.msgstr, fuzzy.flags = "A guess", ["fuzzy"]
    po.save(str(path))
    before = snapshot()
    # Title emptied, summary fuzzy, body never translated; the topic's name is unchanged.
    assert "3 empty or fuzzy" in import_(path)
    assert snapshot() == before


def test_stale_source_refuses_the_whole_file(tmp_path, guide):
    other = factories.guide(slug="other", title_en="Old")
    path = export(tmp_path)
    po = polib.pofile(str(path))
    entry(po, "guides.guide:other:title").msgstr = "New title"
    entry(po, "guides.guide:what-is-it:body").msgstr = "Translated body"
    po.save(str(path))
    guide.body_bn = "লেখক লেখাটি বদলেছেন।"
    guide.save()
    before = snapshot()
    with pytest.raises(CommandError, match="guides.guide:what-is-it:body") as error:
        import_(path)
    assert "source text" in str(error.value)
    assert snapshot() == before
    other.refresh_from_db()
    assert other.title_en == "Old"


def test_translation_changed_by_an_editor_after_export_is_kept(tmp_path, guide):
    other = factories.guide(slug="other", title_en="Old")
    path = export(tmp_path)
    po = polib.pofile(str(path))
    entry(po, "guides.guide:what-is-it:title").msgstr = "Translator's title"
    entry(po, "guides.guide:other:title").msgstr = "New title"
    po.save(str(path))
    guide.title_en = "Editor's title"
    guide.save()
    report = import_(path)
    guide.refresh_from_db()
    other.refresh_from_db()
    assert guide.title_en == "Editor's title"
    assert other.title_en == "New title"
    assert "skipped: guides.guide:what-is-it:title" in report
    assert "1 translation(s) applied" in report


def test_editor_reaching_the_same_text_is_not_a_conflict(tmp_path, guide):
    path = export(tmp_path)
    po = polib.pofile(str(path))
    entry(po, "guides.guide:what-is-it:title").msgstr = "Same words"
    po.save(str(path))
    guide.title_en = "Same words"
    guide.save()
    report = import_(path)
    assert "skipped" not in report
    assert "0 translation(s) applied to 0 item(s)" in report
    guide.refresh_from_db()
    assert guide.title_en == "Same words"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a PO file|not a content file"),
        (b"just some text\n", "not a PO file|not a content file"),
        (b'msgid ""\nmsgstr ""\n"Language: bn\\n"\n\nmsgid "Guides"\nmsgstr "x"\n', "not a content file"),
    ],
)
def test_bad_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.po"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        import_(path)


def test_missing_file_gives_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="not a PO file"):
        import_(tmp_path / "nowhere.po")


def edited_export(tmp_path, change):
    path = export(tmp_path)
    po = polib.pofile(str(path))
    change(po)
    po.save(str(path))
    return path


def test_wrong_language_is_refused(tmp_path, guide):
    def to_french(po):
        po.metadata["Language"] = "fr"

    with pytest.raises(CommandError, match="'fr' is not one of this site's"):
        import_(edited_export(tmp_path, to_french))

    def same_source(po):
        po.metadata["X-Source-Language"] = "en"

    with pytest.raises(CommandError, match="source language"):
        import_(edited_export(tmp_path, same_source))


@pytest.mark.parametrize(
    "context",
    [
        "guides.guide:no-such-guide:title",
        "guides.guide:what-is-it:slug",
        "nosuch.model:what-is-it:title",
        "garbage",
        "skills.learningresource:abc:title",
    ],
)
def test_unknown_item_or_field_refuses_the_file(tmp_path, guide, context):
    def rename(po):
        title = entry(po, "guides.guide:what-is-it:title")
        title.msgstr = "Changed"
        po.append(
            polib.POEntry(msgctxt=context, msgid="x", msgstr="y", comment="exported translation sha256: " + "0" * 64)
        )

    before = snapshot()
    with pytest.raises(CommandError, match="nothing changed"):
        import_(edited_export(tmp_path, rename))
    assert snapshot() == before


def test_entry_without_its_export_record_is_refused(tmp_path, guide):
    def strip(po):
        entry(po, "guides.guide:what-is-it:title").comment = ""

    with pytest.raises(CommandError, match="export record"):
        import_(edited_export(tmp_path, strip))


def test_translation_too_long_for_the_field_is_refused(tmp_path, guide):
    def too_long(po):
        entry(po, "guides.guide:what-is-it:title").msgstr = "x" * 500

    with pytest.raises(CommandError, match="guides.guide:what-is-it:title"):
        import_(edited_export(tmp_path, too_long))


def test_export_rejects_an_unknown_language(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_content_po", "--lang", "fr", stdout=io.StringIO())
    with pytest.raises(CommandError, match="cannot write"):
        call_command(
            "export_content_po", "--lang", "en", "--output", str(tmp_path / "no" / "dir.po"), stderr=io.StringIO()
        )


def test_outdated_translation_round_trip_marks_what_changed_fuzzy_with_the_old_source(tmp_path):
    from editorial.translations import status as ts

    guide = factories.guide(slug="changing", title_bn="পুরোনো শিরোনাম", title_en="Old title")
    old_summary = guide.summary_bn
    guide.title_bn = "নতুন শিরোনাম"
    guide.save()
    assert ts.row_statuses(ts.with_edit_times(Guide.objects.filter(pk=guide.pk)).get())["en"] == ts.OUTDATED

    path = export(tmp_path)
    text = path.read_text()
    # What any PO editor shows as the change: the old source as `#| msgid`, the entry fuzzy.
    assert (
        '#, fuzzy\n#| msgid "পুরোনো শিরোনাম"\nmsgctxt "guides.guide:changing:title"\n'
        'msgid "নতুন শিরোনাম"\nmsgstr "Old title"'
    ) in text
    po = polib.pofile(str(path))
    title = entry(po, "guides.guide:changing:title")
    assert title.fuzzy and title.previous_msgid == "পুরোনো শিরোনাম"
    summary = entry(po, "guides.guide:changing:summary")  # its source did not change
    assert not summary.fuzzy and summary.msgid == old_summary and not summary.previous_msgid

    # Still fuzzy: not done, nothing changes, the item stays outdated.
    before = snapshot()
    assert "empty or fuzzy" in import_(path)
    assert snapshot() == before

    # The translator updates the entry and clears the flag: applied, and the item is current.
    title.msgstr, title.flags, title.previous_msgid = "New title", [], None
    po.save(str(path))
    assert "1 translation(s) applied to 1 item(s)" in import_(path)
    guide.refresh_from_db()
    assert guide.title_en == "New title"
    assert ts.row_statuses(ts.with_edit_times(Guide.objects.filter(pk=guide.pk)).get())["en"] == ts.UP_TO_DATE
    # A fresh export has nothing fuzzy left for this item.
    assert not [
        e for e in polib.pofile(str(export(tmp_path))) if e.msgctxt.startswith("guides.guide:changing:") and e.fuzzy
    ]
