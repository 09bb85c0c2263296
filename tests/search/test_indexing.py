"""The index follows every save, publish and delete; rebuilds write what saving wrote.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

import pytest

from search import indexing
from search.indexing import rebuild
from search.models import Kind, SearchEntry, SearchWord, entry_id
from tests import factories
from tests.search.result_pages import result_links


@pytest.mark.django_db
def test_index_follows_saves_publishing_and_deletes(client):
    market = factories.marketplace(slug="kwork", name_en="Kwork")
    assert result_links(client.get("/en/search/", {"q": "কোয়ার্ক"})) == []
    market.search_aliases = "কোয়ার্ক\nkwork.com"
    market.save()
    assert result_links(client.get("/en/search/", {"q": "কোয়ার্ক"})) == ["/en/marketplaces/kwork/"]
    market.published = False
    market.save()
    assert result_links(client.get("/en/search/", {"q": "kwork"})) == []
    market.published = True
    market.save()
    assert SearchEntry.objects.filter(slug="kwork").count() == 1
    market.delete()
    assert not SearchEntry.objects.filter(slug="kwork").exists()


@pytest.mark.django_db
def test_rebuild_rewrites_the_index_from_published_content():
    factories.guide(slug="shown")
    factories.guide(slug="hidden", published=False)
    SearchEntry.objects.all().delete()
    assert rebuild() == 1
    assert list(SearchEntry.objects.values_list("slug", flat=True)) == ["shown"]


@pytest.mark.django_db
def test_a_rebuild_in_several_batches_writes_what_saving_each_item_wrote(monkeypatch):
    """The rebuild makes rows in a thread, batch by batch, while the database writes the last
    batch: the rows, their ids and the vocabulary must be those the saves made."""

    for n in range(3):
        factories.guide(slug=f"guide-{n}", body_en=f"Guide number {n} about payoneer.")
    factories.skill(slug="writing")
    factories.marketplace(slug="fiverr")
    fields = ["id", "kind", "object_id", "slug", "names", "content", "title_bn", "title_en", "text_bn", "text_en"]
    saved = list(SearchEntry.objects.order_by("id").values(*fields))
    words = set(SearchWord.objects.values_list("word", flat=True))
    monkeypatch.setattr(indexing, "REBUILD_BATCH", 2)
    assert rebuild() == 5
    assert list(SearchEntry.objects.order_by("id").values(*fields)) == saved
    assert set(SearchWord.objects.values_list("word", flat=True)) == words


@pytest.mark.django_db
def test_rebuild_command(capsys):
    from django.core.management import call_command

    factories.skill(slug="one")
    call_command("rebuild_search_index")
    assert "1 entries" in capsys.readouterr().out


@pytest.mark.django_db
def test_editors_edit_alternative_spellings_and_can_rebuild_the_index(staff_client):
    market = factories.marketplace(slug="m1")
    page = staff_client.get(f"/admin/marketplaces/marketplace/{market.pk}/change/").content.decode()
    assert 'name="search_aliases"' in page
    assert 'name="search_aliases_bn"' not in page, "aliases are not translated"
    SearchEntry.objects.all().delete()
    factories.guide(slug="g1")
    assert staff_client.get("/admin/search/searchentry/").status_code == 200
    assert staff_client.get("/admin/search/searchentry/add/").status_code == 403
    entry = SearchEntry.objects.get()
    response = staff_client.post(
        "/admin/search/searchentry/", {"action": "rebuild_index", "_selected_action": [entry.pk]}, follow=True
    )
    assert response.status_code == 200
    assert SearchEntry.objects.count() == 2


@pytest.mark.django_db
def test_index_ids_sort_by_kind_then_age_and_survive_saves():
    guide = factories.guide()
    market = factories.marketplace()
    older_guide_id = entry_id(Kind.GUIDE, guide.pk)
    assert SearchEntry.objects.get(kind=Kind.GUIDE, object_id=guide.pk).id == older_guide_id
    newer = factories.guide()
    guide.title_en = "Renamed"
    guide.save()
    ids = list(SearchEntry.objects.order_by("id").values_list("kind", "object_id"))
    assert ids == [(Kind.GUIDE, guide.pk), (Kind.GUIDE, newer.pk), (Kind.MARKETPLACE, market.pk)]
    assert SearchEntry.objects.get(kind=Kind.GUIDE, object_id=guide.pk).id == older_guide_id
    rebuild()
    assert SearchEntry.objects.get(kind=Kind.MARKETPLACE, object_id=market.pk).id == entry_id(
        Kind.MARKETPLACE, market.pk
    )


@pytest.mark.django_db
def test_the_full_text_index_follows_every_write(client):
    guide = factories.guide(slug="moving", title_en="Kwork basics", body_en="Kwork.")
    assert result_links(client.get("/en/search/", {"q": "kwork"})) != []
    guide.title_en, guide.body_en = "Toloka basics", "Toloka."
    guide.save()
    assert result_links(client.get("/en/search/", {"q": "kwork", "exact": "1"})) == []
    assert result_links(client.get("/en/search/", {"q": "toloka"})) != []
    rebuild()
    assert result_links(client.get("/en/search/", {"q": "toloka"})) != []
    guide.delete()
    assert result_links(client.get("/en/search/", {"q": "toloka"})) == []


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestGlossaryAndTrainingInTheIndex:
    """Glossary terms and programmes found in the shipped content, loaded once for the class."""

    @pytest.mark.parametrize("lang", ["bn", "en"])
    @pytest.mark.parametrize(
        ("query", "path"),
        [
            ("এস্ক্রো", "/glossary/escrow/"),  # a glossary term by its other spelling
            ("escrow acount", "/glossary/escrow/"),  # ... misspelt: found by the expanded query
            ("har power", "/learn/her-power/"),  # a training programme by its Banglish spelling
            ("jubo unnayan", "/learn/dyd-freelancing-48-districts/"),
        ],
    )
    def test_glossary_terms_and_training_programmes_are_found_by_the_full_text_index(self, client, lang, query, path):
        response = client.get(f"/{lang}/search/", {"q": query})
        assert response.status_code == 200
        assert f"/{lang}{path}" in result_links(response)[:3], result_links(response)[:5]
