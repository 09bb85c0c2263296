"""Readers are told when their language's text is behind the other language's, at once."""

import datetime

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

NOTICE = {"bn": "সংস্করণটি", "en": "version of this page was updated on"}


@pytest.fixture
def clock(monkeypatch):
    """One minute per save, so which language changed later is unambiguous."""
    start = timezone.now() - datetime.timedelta(days=1)
    moments = iter(start + datetime.timedelta(minutes=n) for n in range(100_000))
    monkeypatch.setattr(timezone, "now", lambda: next(moments))


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_no_notice_when_both_languages_are_current(client, clock):
    guide = factories.guide()
    for lang in ("bn", "en"):
        assert NOTICE[lang] not in page(client, f"/{lang}/guides/{guide.slug}/")


def test_bangla_readers_are_told_when_the_english_changed_and_the_notice_goes_once_caught_up(client, clock):
    guide = factories.guide(slug="changing")
    assert NOTICE["bn"] not in page(client, "/bn/guides/changing/")  # cached from here on
    guide.body_en += "\n\nA new paragraph."
    guide.save()
    html = page(client, "/bn/guides/changing/")
    assert NOTICE["bn"] in html
    assert 'href="/en/guides/changing/" hreflang="en" lang="en"' in html
    assert "ইংরেজি" in html  # the language named in Bangla
    # The English readers' page has no notice: English is the newer one.
    assert NOTICE["en"] not in page(client, "/en/guides/changing/")
    guide.body_bn += "\n\nনতুন অনুচ্ছেদ।"
    guide.save()
    assert NOTICE["bn"] not in page(client, "/bn/guides/changing/")


def test_the_notice_names_the_date_in_the_readers_digits(client, clock):
    skill = factories.skill(slug="a-skill")
    skill.body_bn += "\n\nনতুন।"
    skill.save()
    html = page(client, "/en/skills/a-skill/")
    assert NOTICE["en"] in html and 'href="/bn/skills/a-skill/" hreflang="bn" lang="bn"' in html
    updated = timezone.localtime(skill.updated)
    assert f"{updated.day} " in html.split(NOTICE["en"], 1)[1][:80]


def test_every_page_type_shows_it(client, clock):
    market = factories.marketplace(slug="market")
    market.body_en += "\n\nNew."
    market.save()
    assert NOTICE["bn"] in page(client, "/bn/marketplaces/market/")


def test_a_missing_translation_gets_the_fallback_notice_not_this_one(client, clock):
    guide = factories.guide(slug="half", body_bn="")
    guide.body_en += "\n\nMore."
    guide.save()
    html = page(client, "/bn/guides/half/")
    assert NOTICE["bn"] not in html
