"""The translators' page: per language, every missing or outdated item of every kind, counted and linked."""

import datetime

import pytest
from django.utils import timezone

from editorial.translations.work_list import work_list
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    start = timezone.now()
    moments = iter(start + datetime.timedelta(minutes=n) for n in range(100_000))
    monkeypatch.setattr(timezone, "now", lambda: next(moments))


def test_lists_missing_and_outdated_items_per_language_across_kinds(staff_client, clock):
    factories.guide(slug="all-done")
    behind = factories.guide(slug="behind")
    behind.body_bn += "\n\nনতুন অংশ।"
    behind.save()  # English is now outdated
    untranslated = factories.skill(slug="no-english", body_en="")  # English missing
    market = factories.marketplace(slug="market")
    market.summary_en += " More."
    market.save()  # Bangla is now outdated

    work = {language.code: language for language in work_list()}
    assert [item.slug for _kind, item, _url in work["en"].outdated] == ["behind"]
    assert "no-english" in [getattr(item, "slug", None) for _kind, item, _url in work["en"].missing]
    assert [item.slug for _kind, item, _url in work["bn"].outdated] == ["market"]
    assert not work["bn"].missing

    response = staff_client.get("/admin/editorial/translationwork/", headers={"accept-language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"/admin/guides/guide/{behind.pk}/change/" in html
    assert f"/admin/skills/skill/{untranslated.pk}/change/" in html
    assert f"/admin/marketplaces/marketplace/{market.pk}/change/" in html
    assert f"{len(work['en'].missing)} missing, 1 outdated" in html
    assert "0 missing, 1 outdated" in html
    assert "all-done" not in html


def test_the_reports_are_for_staff_only(client):
    for url in ("/admin/editorial/translationwork/", "/admin/editorial/brokenlinkreport/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_reports_are_listed_in_the_admin_index_without_a_model(staff_client):
    html = staff_client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert 'href="/admin/editorial/translationwork/"' in html and 'href="/admin/editorial/brokenlinkreport/"' in html
    from django.apps import apps

    assert not [m for m in apps.get_app_config("editorial").get_models() if m._meta.proxy]
