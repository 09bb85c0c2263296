"""Draft and live (editorial/drafts/): edits of a live item wait as a draft until published,
readers see live content only, and staff preview the draft through the real reader view."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from reversion.models import Version

from editorial.content import KEPT_DRAFT, ContentLoader
from editorial.drafts import draft_of
from editorial.models import LoadedContent
from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT_BN, DRAFT_EN = "খসড়াবাক্য অপ্রকাশিত", "Draftword unpublished"


@pytest.fixture
def drafted(staff_client):
    guide = factories.guide(slug="live-guide", body_bn="## অংশ\n\nলাইভ লেখা", body_en="## Part\n\nLive text")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    changes = {"title_en": f"Title {DRAFT_EN}", "body_bn": f"## অংশ\n\n{DRAFT_BN}", "body_en": f"## Part\n\n{DRAFT_EN}"}
    response = staff_client.post(url, factories.guide_form(guide, **changes), follow=True)
    assert response.status_code == 200
    assert "Saved as a draft" in response.content.decode() or "খসড়া" in response.content.decode()
    return guide


def test_saving_a_live_item_keeps_the_live_rows_and_stores_a_draft(drafted):
    live = Guide.objects.get(pk=drafted.pk)
    assert live.body_en == "## Part\n\nLive text" and live.body_bn == "## অংশ\n\nলাইভ লেখা"
    assert DRAFT_EN not in live.body_html_en
    assert draft_of(live) is not None
    assert [v.serialized_data.count("Draftword") for v in Version.objects.get_for_object(live)] == []


def test_the_change_form_shows_the_draft(staff_client, drafted):
    page = staff_client.get(f"/admin/guides/guide/{drafted.pk}/change/").content.decode()
    assert DRAFT_EN in page and DRAFT_BN in page
    assert f"/admin/guides/guide/{drafted.pk}/preview/bn/" in page
    assert f"/admin/guides/guide/{drafted.pk}/preview/en/" in page


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/bn/",
        "/en/guides/",
        "/bn/guides/",
        "/en/guides/live-guide/",
        "/bn/guides/live-guide/",
        "/sitemap.xml",
        "/en/feed/",
        "/en/search/?q=Draftword",
    ],
)
def test_draft_text_never_reaches_readers(staff_client, path):
    client = Client()  # a reader
    guide = factories.guide(slug="live-guide", body_bn="## অংশ\n\nলাইভ লেখা", body_en="## Part\n\nLive text")
    primed = client.get(path)  # the page cache holds the live page first
    assert primed.status_code == 200
    changes = {"title_en": f"Title {DRAFT_EN}", "body_bn": f"## অংশ\n\n{DRAFT_BN}", "body_en": f"## Part\n\n{DRAFT_EN}"}
    staff_client.post(f"/admin/guides/guide/{guide.pk}/change/", factories.guide_form(guide, **changes))
    assert draft_of(guide) is not None
    page = client.get(path).content.decode()
    assert DRAFT_EN not in page and DRAFT_BN not in page
    if "search" in path:  # the query is shown back; the guide must not be found by its draft word
        assert "/guides/live-guide/" not in page


def test_preview_renders_the_draft_in_both_languages_private_and_noindex(staff_client, drafted):
    client = Client()  # a reader
    for code, text in (("bn", DRAFT_BN), ("en", DRAFT_EN)):
        response = staff_client.get(f"/admin/guides/guide/{drafted.pk}/preview/{code}/")
        page = response.content.decode()
        assert response.status_code == 200
        assert text in page
        assert f'lang="{code}"' in page
        assert 'class="toc' in page or "toc" in page
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["X-Robots-Tag"] == "noindex"
        assert '<meta name="robots" content="noindex">' in page
    # The preview left nothing behind.
    live = Guide.objects.get(pk=drafted.pk)
    assert DRAFT_EN not in live.body_html_en
    assert DRAFT_EN not in client.get("/en/guides/live-guide/").content.decode()


def test_preview_is_a_404_for_anyone_but_staff(django_user_model, drafted):
    client = Client()
    assert client.get(f"/admin/guides/guide/{drafted.pk}/preview/en/").status_code == 404
    reader = django_user_model.objects.create_user("reader", password="pw-reader-123")
    client.force_login(reader)
    assert client.get(f"/admin/guides/guide/{drafted.pk}/preview/en/").status_code == 404


def test_preview_needs_the_second_factor_where_the_admin_does(staff_client, settings, drafted):
    url = f"/admin/guides/guide/{drafted.pk}/preview/en/"
    assert staff_client.get(url).status_code == 200
    settings.STAFF_SECOND_FACTOR_REQUIRED = True  # staff_client signed in with a password only
    assert staff_client.get(url).status_code == 404


def test_preview_of_an_unknown_language_is_a_404(staff_client, drafted):
    assert staff_client.get(f"/admin/guides/guide/{drafted.pk}/preview/xx/").status_code == 404


def test_publish_puts_both_languages_live_with_one_revision(staff_client, drafted):
    client = Client()  # a reader
    client.get("/en/guides/live-guide/")  # cached live page
    response = staff_client.post(f"/admin/guides/guide/{drafted.pk}/publish/")
    assert response.status_code == 302
    live = Guide.objects.get(pk=drafted.pk)
    assert DRAFT_EN in live.body_html_en and DRAFT_BN in live.body_html_bn
    assert draft_of(live) is None
    assert [v.revision.comment for v in Version.objects.get_for_object(live)] == ["Published"]
    assert DRAFT_EN in client.get("/en/guides/live-guide/").content.decode()
    assert DRAFT_BN in client.get("/bn/guides/live-guide/").content.decode()


def test_discard_deletes_the_draft_and_keeps_live(staff_client, drafted):
    assert staff_client.post(f"/admin/guides/guide/{drafted.pk}/discard/").status_code == 302
    live = Guide.objects.get(pk=drafted.pk)
    assert draft_of(live) is None and live.body_en == "## Part\n\nLive text"


def test_publish_needs_the_publish_permission(client, django_user_model, drafted):
    editor = django_user_model.objects.create_user("writer", password="pw-writer-123", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["change_guide", "view_guide"]))
    client.force_login(editor)
    assert client.post(f"/admin/guides/guide/{drafted.pk}/publish/").status_code == 403
    assert draft_of(drafted) is not None
    editor.user_permissions.add(Permission.objects.get(codename="publish_draft"))
    client.force_login(editor)
    assert client.post(f"/admin/guides/guide/{drafted.pk}/publish/").status_code == 302


def test_new_items_start_unpublished_and_publish_makes_them_live(staff_client):
    client = Client()  # a reader
    topic = factories.topic()
    values = factories.guide_form(
        Guide(
            slug="brand-new",
            topic=topic,
            title_bn="নতুন",
            title_en="New",
            summary_bn="স",
            summary_en="S",
            body_bn="লেখা",
            body_en="Text",
        )
    )
    assert staff_client.post("/admin/guides/guide/add/", values).status_code == 302
    guide = Guide.objects.get(slug="brand-new")
    assert guide.published is False
    assert client.get("/en/guides/brand-new/").status_code == 404
    assert staff_client.get(f"/admin/guides/guide/{guide.pk}/preview/en/").status_code == 200
    staff_client.post(f"/admin/guides/guide/{guide.pk}/publish/")
    assert client.get("/en/guides/brand-new/").status_code == 200


def test_changelist_shows_the_state_and_filters_by_it(staff_client, drafted):
    other = factories.guide(title_en="Untouched guide")
    page = staff_client.get("/admin/guides/guide/?state=draft").content.decode()
    assert "Live, with an unpublished draft" in page or "খসড়া" in page
    assert other.title_en not in page


def test_a_skill_draft_holds_its_learning_resources(staff_client):
    skill = factories.skill()
    factories.resource(skill)
    from editorial.drafts import serialize

    labels = {row["model"] for row in serialize(skill)}
    assert {"skills.skill", "skills.learningresource"} <= labels


def test_the_content_loader_leaves_an_item_with_a_draft_alone(drafted):
    LoadedContent.objects.create(key="guides.guide:live-guide", fingerprint="x")
    loader = ContentLoader()
    outcome = loader.sync(Guide, "live-guide", {"title_en": "From the files"})
    assert outcome == KEPT_DRAFT or loader.counts[KEPT_DRAFT] == 1
    assert Guide.objects.get(pk=drafted.pk).title_en != "From the files"
