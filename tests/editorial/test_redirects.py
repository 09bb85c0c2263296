"""Old slugs keep working: 301 in both languages, chains collapse, reclaimed slugs, admin, 404s."""

import pytest

from editorial.models import SlugRedirect
from editorial.registry import page_models
from guides.models import Guide
from marketplaces.models import Marketplace
from skills.models import Skill
from tests import factories

pytestmark = pytest.mark.django_db


def rename(item, slug):
    item.slug = slug
    item.save()
    return item


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_slug_renamed_twice_sends_both_old_addresses_straight_to_the_new_one(client, lang):
    guide = factories.guide(slug="first-name")
    rename(guide, "second-name")
    rename(guide, "third-name")
    for old in ("first-name", "second-name"):
        response = client.get(f"/{lang}/guides/{old}/")
        assert response.status_code == 301
        assert response["Location"] == f"/{lang}/guides/third-name/"  # one hop, no chain
    assert client.get(f"/{lang}/guides/third-name/").status_code == 200


def test_the_query_string_is_kept(client):
    rename(factories.guide(slug="old"), "new")
    assert client.get("/en/guides/old/?utm_source=chat")["Location"] == "/en/guides/new/?utm_source=chat"


@pytest.mark.parametrize("build", [factories.skill, factories.marketplace])
def test_every_content_type_with_a_page_is_covered(client, build):
    item = rename(build(slug="before"), "after")
    url = item.get_absolute_url()
    old_url = url.replace("/after/", "/before/")
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == url


def test_page_models_are_the_translated_models_with_a_slug_and_an_address():
    assert {Guide, Skill, Marketplace} <= set(page_models())
    assert all(hasattr(model, "get_absolute_url") for model in page_models())


def test_a_new_item_that_takes_an_old_slug_removes_the_redirect(client):
    rename(factories.guide(slug="shared"), "moved")
    assert client.get("/bn/guides/shared/").status_code == 301
    newcomer = factories.guide(slug="shared")
    assert not SlugRedirect.objects.filter(old_slug="shared").exists()
    response = client.get("/bn/guides/shared/")
    assert response.status_code == 200 and response.context["guide"] == newcomer


def test_renaming_back_removes_the_redirect_and_keeps_the_other(client):
    guide = rename(factories.guide(slug="a"), "b")
    rename(guide, "a")
    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["b"]
    assert client.get("/en/guides/a/").status_code == 200
    assert client.get("/en/guides/b/")["Location"] == "/en/guides/a/"


def test_an_old_slug_of_an_unpublished_item_stays_404(client):
    guide = rename(factories.guide(slug="gone"), "hidden")
    guide.published = False
    guide.save()
    assert client.get("/en/guides/gone/").status_code == 404


def test_a_redirect_of_one_kind_does_not_move_another_kind(client):
    rename(factories.guide(slug="same"), "guide-now")
    assert client.get("/en/skills/same/").status_code == 404


@pytest.mark.parametrize(("lang", "words"), [("bn", "পাওয়া যায়নি"), ("en", "not found")])
def test_unknown_paths_still_404_in_the_readers_language(client, lang, words):
    response = client.get(f"/{lang}/guides/never-existed/")
    assert response.status_code == 404
    assert words in response.content.decode().lower()


def test_a_cached_page_at_the_old_address_is_not_served_after_the_rename(client):
    guide = factories.guide(slug="cached")
    assert client.get("/en/guides/cached/").status_code == 200  # now in the page cache
    rename(guide, "renamed")
    assert client.get("/en/guides/cached/").status_code == 301


def test_editors_see_and_manage_redirects_in_the_admin(staff_client, client):
    guide = rename(factories.guide(slug="old-one"), "new-one")
    listing = staff_client.get("/admin/editorial/slugredirect/")
    assert listing.status_code == 200
    assert "old-one" in listing.content.decode() and "/bn/guides/new-one/" in listing.content.decode()
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(Guide)
    added = staff_client.post(
        "/admin/editorial/slugredirect/add/",
        {"content_type": content_type.pk, "old_slug": "shared-in-chat", "object_id": guide.pk},
    )
    assert added.status_code == 302
    assert client.get("/en/guides/shared-in-chat/")["Location"] == "/en/guides/new-one/"
    # A redirect may not take over a live item's address.
    refused = staff_client.post(
        "/admin/editorial/slugredirect/add/",
        {"content_type": content_type.pk, "old_slug": "new-one", "object_id": guide.pk},
    )
    assert refused.status_code == 200 and not SlugRedirect.objects.filter(old_slug="new-one").exists()
    redirect = SlugRedirect.objects.get(old_slug="shared-in-chat")
    staff_client.post(f"/admin/editorial/slugredirect/{redirect.pk}/delete/", {"post": "yes"})
    assert client.get("/en/guides/shared-in-chat/").status_code == 404
