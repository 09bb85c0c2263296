"""Guide pages: home path, list by topic, a guide with its TOC, reading time, update date and neighbours."""

import datetime

import pytest
from django.utils import timezone

from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def path_guides():
    topic = factories.topic(slug="basics", name_en="The basics")
    return [factories.guide(slug=f"step-{n}", topic=topic, path_position=n, title_en=f"Step {n}") for n in (1, 2, 3)]


def test_home_lists_the_start_here_path_in_order(client, path_guides):
    factories.guide(slug="off-path", title_en="Off the path")
    page = client.get("/en/").content.decode()
    positions = [page.index(f"Step {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "Off the path" not in page


def test_unpublished_guides_are_hidden_everywhere(client, path_guides):
    Guide.objects.filter(slug="step-2").update(published=False)
    assert "Step 2" not in client.get("/en/").content.decode()
    assert "Step 2" not in client.get("/en/guides/").content.decode()
    assert client.get("/en/guides/step-2/").status_code == 404
    # The path skips it: step 1 leads straight to step 3.
    assert 'rel="next" href="/en/guides/step-3/"' in client.get("/en/guides/step-1/").content.decode()


def test_guide_list_groups_guides_by_topic(client):
    first = factories.topic(name_en="First topic", position=1)
    second = factories.topic(name_en="Second topic", position=2)
    factories.topic(name_en="Empty topic", position=3)
    factories.guide(topic=second, title_en="In second")
    factories.guide(topic=first, title_en="In first")
    page = client.get("/en/guides/").content.decode()
    assert page.index("First topic") < page.index("In first") < page.index("Second topic") < page.index("In second")
    assert "Empty topic" not in page


def test_guide_page_has_toc_reading_time_update_and_neighbours(client, path_guides):
    Guide.objects.filter(slug="step-2").update(updated=timezone.make_aware(datetime.datetime(2026, 3, 5, 12)))
    page = client.get("/en/guides/step-2/").content.decode()
    assert '<a href="#h-first-part">First part</a>' in page
    assert '<h2 id="h-first-part">First part</h2>' in page
    assert "1 minute read" in page
    assert '<time datetime="2026-03-05T' in page and "5 March 2026" in page
    assert 'rel="prev" href="/en/guides/step-1/"' in page
    assert 'rel="next" href="/en/guides/step-3/"' in page


def test_bangla_guide_page_uses_bangla_digits_and_months(client, path_guides):
    Guide.objects.filter(slug="step-2").update(updated=timezone.make_aware(datetime.datetime(2026, 3, 5, 12)))
    page = client.get("/bn/guides/step-2/").content.decode()
    assert "৫ মার্চ ২০২৬" in page
    assert '<time datetime="2026-03-05T' in page


def test_first_and_last_guides_have_one_neighbour(client, path_guides):
    first = client.get("/en/guides/step-1/").content.decode()
    last = client.get("/en/guides/step-3/").content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_body_is_rendered_on_save_not_per_request(client):
    guide = factories.guide(slug="rendered", body_en="## Saved heading\n\ntext")
    assert '<h2 id="h-saved-heading">' in guide.body_html_en
    # Changing the stored HTML directly shows that pages serve it as stored.
    Guide.objects.filter(pk=guide.pk).update(body_html_en="<p>stored html</p>")
    assert "stored html" in client.get("/en/guides/rendered/").content.decode()


def test_guide_links_its_related_skills_and_marketplaces(client):
    skill = factories.skill(slug="logo-design", name_en="Logo design")
    market = factories.marketplace(slug="fiverr", name_en="Fiverr")
    guide = factories.guide(slug="related")
    guide.skills.add(skill)
    guide.marketplaces.add(market)
    page = client.get("/en/guides/related/").content.decode()
    assert 'href="/en/skills/logo-design/"' in page
    assert 'href="/en/marketplaces/fiverr/"' in page


def test_facts_checked_date_shown_and_a_caution_once_over_a_year_old(client, staff_client):
    today = timezone.localdate()
    fresh_guide = factories.guide(slug="fresh-facts", facts_checked_on=today - datetime.timedelta(days=30))
    old_guide = factories.guide(slug="old-facts", facts_checked_on=today - datetime.timedelta(days=400))
    undated = factories.guide(slug="no-facts")
    fresh = client.get("/en/guides/fresh-facts/").content.decode()
    old = client.get("/en/guides/old-facts/").content.decode()
    assert "Facts checked on" in fresh and "more than a year ago" not in fresh
    assert "more than a year ago" in old
    assert "তথ্য যাচাইয়ের তারিখ" in client.get("/bn/guides/old-facts/").content.decode()
    assert "Facts checked on" not in client.get("/en/guides/no-facts/").content.decode()
    listed = staff_client.get("/admin/guides/guide/?facts=stale").content.decode()
    change_url = "/admin/guides/guide/{}/change/".format
    assert change_url(old_guide.pk) in listed
    assert change_url(fresh_guide.pk) not in listed and change_url(undated.pk) not in listed
