"""Issue 16, item 1: the editor machinery lives in editorial/, and moving its models kept every row.

The migration test builds the database as it was before the move (freelanceguide 0003), with
rows in both moved tables and a content type with a permission, migrates forward and checks
they are all still there under editorial. It runs on whichever database the suite uses (SQLite
here, PostgreSQL with DATABASE_URL=$POSTGRES_URL in CI).
"""

import ast
import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from editorial.models import LoadedContent, TranslationEdit

BEFORE_MOVE = [("freelanceguide", "0003_translation_edit_seen_sources")]
ROOT = Path(__file__).resolve().parents[2]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.mark.django_db(transaction=True)
def test_moving_the_models_keeps_every_row_and_content_type():
    old_apps = _migrate(BEFORE_MOVE).loader.project_state(BEFORE_MOVE).apps
    # contenttypes and auth are the same before and after; as on a site made before the move,
    # the moved models' types are the old app's, with their permissions.
    ContentType.objects.clear_cache()
    assert not ContentType.objects.filter(app_label="editorial", model="loadedcontent").exists()
    loaded_type, _ = ContentType.objects.get_or_create(app_label="freelanceguide", model="loadedcontent")
    Permission.objects.get_or_create(
        content_type=loaded_type, codename="view_loadedcontent", defaults={"name": "Can view"}
    )
    # A stray type under the new label (as post_migrate would leave after a partial run).
    ContentType.objects.create(app_label="editorial", model="loadedcontent")
    guide_type, _ = ContentType.objects.get_or_create(app_label="guides", model="guide")
    old_loaded = old_apps.get_model("freelanceguide", "LoadedContent")
    old_edits = old_apps.get_model("freelanceguide", "TranslationEdit")
    when = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)
    for n in range(3):
        old_loaded.objects.create(key=f"guides.guide:g{n}", fingerprint=f"f{n}")
        for code in ("bn", "en"):
            old_edits.objects.create(
                content_type_id=guide_type.pk,
                object_id=n,
                language=code,
                fingerprint=f"{n}{code}",
                complete=code == "bn",
                edited_at=when,
                revised_at=when,
                seen_sources={"en": {"title": f"T{n}"}},
            )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    assert sorted(LoadedContent.objects.values_list("key", "fingerprint")) == [
        (f"guides.guide:g{n}", f"f{n}") for n in range(3)
    ]
    edits = TranslationEdit.objects.order_by("object_id", "language")
    assert [(e.content_type_id, e.object_id, e.language, e.complete) for e in edits] == [
        (guide_type.pk, n, code, code == "bn") for n in range(3) for code in ("bn", "en")
    ]
    assert edits[0].seen_sources == {"en": {"title": "T0"}} and edits[0].edited_at == when
    moved = ContentType.objects.get(app_label="editorial", model="loadedcontent")
    assert moved.pk == loaded_type.pk and moved.model_class() is LoadedContent
    assert Permission.objects.filter(content_type=moved, codename="view_loadedcontent").exists()
    assert not ContentType.objects.filter(app_label="freelanceguide", model="loadedcontent").exists()


def _imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_freelanceguide_does_not_import_editorial_except_urls_and_settings():
    """Dependencies point one way: editorial builds on the shared reader helpers, never back."""
    allowed = {ROOT / "freelanceguide" / "urls.py", *(ROOT / "freelanceguide" / "settings").rglob("*.py")}
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "freelanceguide").rglob("*.py")
        if path not in allowed
        for module in _imports(path)
        if module == "editorial" or module.startswith("editorial.")
    ]
    assert offenders == []


def test_the_commands_keep_their_names_in_editorial():
    from django.core.management import get_commands

    commands = get_commands()
    for name in ("load_content", "backup", "restore", "translation_status", "export_content_po", "import_content_po"):
        assert commands[name] == "editorial", name


def test_the_markdown_endpoints_keep_their_addresses():
    from django.urls import resolve, reverse

    from editorial import editor

    assert reverse("markdownx_markdownify") == "/markdownx/markdownify/"
    assert reverse("markdownx_upload") == "/markdownx/upload/"
    assert resolve("/markdownx/upload/").func is editor.upload


@pytest.mark.django_db
def test_a_backup_made_before_the_move_restores_the_moved_models():
    from django.core import serializers

    LoadedContent.objects.create(key="guides.guide:old", fingerprint="f")
    written = serializers.serialize("fulljson", LoadedContent.objects.all())
    LoadedContent.objects.all().delete()
    old_backup = written.replace('"editorial.loadedcontent"', '"freelanceguide.loadedcontent"')
    assert "freelanceguide.loadedcontent" in old_backup
    for restored in serializers.deserialize("fulljson", old_backup):
        restored.save()
    assert LoadedContent.objects.get().key == "guides.guide:old"
