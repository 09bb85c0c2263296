"""`manage.py backup` then `restore` into an empty database loses nothing, in either language."""

import io

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from reversion.models import Revision, Version

from editorial.models import LoadedContent, TranslationEdit
from guides.models import Guide, GuideTopic
from marketplaces.models import Marketplace, PaymentMethod, Payout
from search.models import SearchEntry
from skills.models import LearningResource, Skill, SkillCategory

MODELS = [
    GuideTopic,
    Guide,
    SkillCategory,
    Skill,
    LearningResource,
    PaymentMethod,
    Marketplace,
    Payout,
    LoadedContent,
    TranslationEdit,
    Revision,
    Version,
    LogEntry,
    get_user_model(),
]


def snapshot():
    """Every row of every model that matters, with references by natural key where ids may change."""
    return {
        model._meta.label: serializers.serialize(
            "python",
            model._default_manager.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
        for model in MODELS
    }


@pytest.fixture
def site_with_history(transactional_db, django_user_model):
    call_command("load_content", stdout=io.StringIO())
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    client = Client()
    client.force_login(editor)
    guide = Guide.objects.get(slug="what-is-freelancing")
    form = {
        "slug": guide.slug,
        "topic": guide.topic_id,
        "title_bn": "সম্পাদকের শিরোনাম",
        "title_en": "Editor's title",
        "summary_bn": guide.summary_bn,
        "summary_en": guide.summary_en,
        "body_bn": "## সম্পাদকের অংশ\n\nনতুন লেখা",
        "body_en": "## Editor's part\n\nNew text",
        "published": "on",
        "path_position": guide.path_position or "",
        "skills": [s.pk for s in guide.skills.all()],
        "marketplaces": [m.pk for m in guide.marketplaces.all()],
    }
    assert client.post(f"/admin/guides/guide/{guide.pk}/change/", form).status_code == 302
    assert client.post(f"/admin/guides/guide/{guide.pk}/publish/").status_code == 302  # the draft goes live
    return guide


def search_index():
    return set(SearchEntry.objects.values_list("kind", "object_id", "names", "content"))


def test_backup_and_restore_into_an_empty_database_lose_nothing(site_with_history, tmp_path):
    before, index_before = snapshot(), search_index()
    assert index_before
    assert Version.objects.get_for_object(site_with_history).count() == 2
    backup = tmp_path / "site.fulljson.gz"
    call_command("backup", output=str(backup), stdout=io.StringIO())
    assert backup.stat().st_size > 1000

    call_command("flush", interactive=False, verbosity=0)  # an empty, migrated database
    assert not Guide.objects.exists() and not Version.objects.exists()

    call_command("restore", str(backup), stdout=io.StringIO())
    assert snapshot() == before
    assert search_index() == index_before  # derived, so rebuilt rather than stored
    client = Client()
    assert "সম্পাদকের অংশ" in client.get("/bn/guides/what-is-freelancing/").content.decode()
    assert "Editor&#x27;s part" in client.get("/en/guides/what-is-freelancing/").content.decode()
    for slug in Skill.objects.values_list("slug", flat=True)[:3]:
        assert client.get(f"/en/skills/{slug}/").status_code == 200
    # The history survives: yesterday's version can still be restored; the editor can log in.
    assert Version.objects.get_for_object(Guide.objects.get(slug="what-is-freelancing")).count() == 2
    assert client.login(username="editor", password="pw-editor-123")
    # And the loader still recognises the editor's change and leaves it alone.
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "guides.guide:what-is-freelancing: kept: changed by an editor" in out.getvalue()


def test_restore_refuses_a_database_that_has_content(site_with_history, tmp_path):
    backup = tmp_path / "site.fulljson.gz"
    call_command("backup", output=str(backup), stdout=io.StringIO())
    with pytest.raises(CommandError, match="empty"):
        call_command("restore", str(backup), stdout=io.StringIO())
    assert Guide.objects.get(slug="what-is-freelancing").title_en == "Editor's title"


def test_backup_goes_into_the_ignored_backups_folder_by_default(db, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    out = io.StringIO()
    call_command("backup", stdout=out)
    written = list((tmp_path / "backups").glob("freelanceguide-*.fulljson.gz"))
    assert len(written) == 1 and str(written[0]) in out.getvalue()
    from pathlib import Path

    assert "/backups/" in (Path(__file__).resolve().parents[2] / ".gitignore").read_text().split()
