"""Loading the shipped content is idempotent and never overwrites an editor's work."""

import io

import pytest
from django.core.management import call_command

from editorial.content import ContentLoader
from editorial.models import LoadedContent
from guides.content import load as load_guides
from guides.models import Guide, GuideTopic
from marketplaces.content import load as load_marketplaces
from marketplaces.models import Marketplace
from skills.content import load as load_skills
from skills.models import LearningResource, Skill

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing(shipped_content):
    before = {g.slug: (g.updated, g.body_html_bn, g.body_html_en) for g in Guide.objects.all()}
    output = load()
    assert "created" not in output and "updated" not in output
    after = {g.slug: (g.updated, g.body_html_bn, g.body_html_en) for g in Guide.objects.all()}
    assert before == after


def test_an_edited_guide_is_never_overwritten(shipped_content):
    guide = Guide.objects.get(slug="what-is-freelancing")
    guide.body_en = "An editor rewrote this."
    guide.save()
    output = load()
    guide.refresh_from_db()
    assert guide.body_en == "An editor rewrote this."
    assert "guides.guide:what-is-freelancing: kept: changed by an editor" in output


def test_an_edited_resource_protects_its_skill(shipped_content):
    resource = LearningResource.objects.filter(skill__slug="web-design").first()
    resource.title_en = "Edited title"
    resource.save()
    load()
    assert LearningResource.objects.filter(title_en="Edited title").exists()


def test_a_guide_an_editor_deleted_is_not_brought_back(shipped_content):
    Guide.objects.filter(slug="mistakes-and-scams").delete()
    output = load()
    assert not Guide.objects.filter(slug="mistakes-and-scams").exists()
    assert "kept: deleted by an editor" in output


def test_an_item_an_editor_created_first_is_not_taken_over(db):
    topic = GuideTopic.objects.create(slug="basics", name_bn="নিজের", name_en="Editor's own")
    load()
    topic.refresh_from_db()
    assert topic.name_en == "Editor's own"


def test_new_content_in_the_files_reaches_untouched_items(db):
    loader = ContentLoader()
    assert loader.sync(GuideTopic, "t", {"name_en": "Topic", "position": 1}) == "created"
    assert loader.sync(GuideTopic, "t", {"name_en": "Topic", "position": 1}) == "unchanged"
    assert loader.sync(GuideTopic, "t", {"name_en": "Topic renamed", "position": 1}) == "updated"
    assert GuideTopic.objects.get(slug="t").name_en == "Topic renamed"
    GuideTopic.objects.filter(slug="t").update(position=9)
    assert loader.sync(GuideTopic, "t", {"name_en": "Topic again", "position": 1}) == "kept: changed by an editor"
    assert GuideTopic.objects.get(slug="t").name_en == "Topic renamed"
    assert LoadedContent.objects.filter(key="guides.guidetopic:t").count() == 1


def test_decimal_and_date_values_compare_equal_after_a_round_trip(shipped_content):
    # Fees like 20.0 are stored as 20.00; the loader must still see the item as untouched.
    assert "unchanged" in load()
    assert "kept" not in load()


def test_shipped_content_meets_the_brief(shipped_content):
    guides = Guide.objects.published()
    assert guides.count() >= 8
    for guide in guides:
        for lang in ("bn", "en"):
            words = len(getattr(guide, f"body_{lang}").split())
            assert words >= 350, f"{guide.slug} ({lang}) has only {words} words"
            assert getattr(guide, f"title_{lang}") and getattr(guide, f"summary_{lang}")
    assert set(Marketplace.objects.values_list("slug", flat=True)) >= {
        "upwork", "fiverr", "freelancer-com", "peopleperhour", "99designs", "guru",
    }  # fmt: skip
    skills = set(Skill.objects.values_list("slug", flat=True))
    assert len(skills) >= 16
    assert skills >= {
        "web-design", "web-development", "programming", "graphic-design", "logo-design", "banner-design",
        "android-app-development", "cpa-marketing", "affiliate-marketing", "digital-marketing", "data-entry",
        "content-writing", "translation", "journalism-photography", "customer-service", "virtual-assistance",
        "blogging-youtube",
    }  # fmt: skip


def test_shipped_content_has_no_dangling_references():
    loader = ContentLoader()
    load_skills(loader)
    load_marketplaces(loader)
    load_guides(loader)
    assert loader.messages == []


def _as_loaded_before_search_aliases(model, slug):
    """Make an item look as if an older loader, which knew no search_aliases, had written it."""
    item = model.objects.get(slug=slug)
    model.objects.filter(pk=item.pk).update(search_aliases="")
    item.refresh_from_db()
    loader = ContentLoader()
    record = LoadedContent.objects.get(key=f"{model._meta.label_lower}:{slug}")
    fields = {"name_en": item.name_en, "name_bn": item.name_bn}
    # The fingerprint an older loader wrote: same values, no search_aliases key.
    snapshot = loader._snapshot_instance(item, {**fields}, {}, {})
    record.fingerprint = loader._fingerprint(snapshot)
    record.save()
    return item, fields


def test_items_loaded_before_search_aliases_existed_get_them(shipped_content):
    item, fields = _as_loaded_before_search_aliases(Marketplace, "fiverr")
    # The older loader wrote only these fields; the new one adds search_aliases.
    loader = ContentLoader()
    assert loader.sync(Marketplace, "fiverr", {**fields, "search_aliases": "ফাইভার"}) == "updated"
    item.refresh_from_db()
    assert item.search_aliases == "ফাইভার"


def test_an_editors_aliases_on_an_old_record_are_kept(shipped_content):
    item, fields = _as_loaded_before_search_aliases(Marketplace, "upwork")
    item.search_aliases = "an editor's spelling"
    item.save()
    loader = ContentLoader()
    assert loader.sync(Marketplace, "upwork", {**fields, "search_aliases": "আপওয়ার্ক"}) == "kept: changed by an editor"
    item.refresh_from_db()
    assert item.search_aliases == "an editor's spelling"
