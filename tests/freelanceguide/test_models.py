"""Logic that belongs to the data: tools, phone fit, month ranges, fees, stale facts, ways to win work."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone, translation

from marketplaces.models import Marketplace
from skills.models import Skill
from tests import factories

pytestmark = pytest.mark.django_db


def test_skill_tools_and_phone_fit():
    skill = factories.skill(tools=" Figma,  Canva ,,Photoshop ", phone="partly")
    assert skill.tool_list == ["Figma", "Canva", "Photoshop"]
    assert skill.phone_friendly
    assert not factories.skill(phone="no").phone_friendly


def test_month_range_cannot_be_reversed():
    with pytest.raises(IntegrityError):
        factories.skill(months_min=9, months_max=3)


def test_published_queryset_hides_drafts():
    factories.skill(slug="draft", published=False)
    factories.skill(slug="live")
    assert list(Skill.objects.published().values_list("slug", flat=True)) == ["live"]


def test_facts_become_stale_after_a_year():
    today = timezone.localdate()
    fresh = factories.marketplace(facts_checked_on=today - datetime.timedelta(days=364))
    stale = factories.marketplace(facts_checked_on=today - datetime.timedelta(days=366))
    assert not fresh.facts_are_stale and stale.facts_are_stale
    assert list(Marketplace.objects.stale()) == [stale]


def test_win_ways_and_pros_cons_lists():
    market = factories.marketplace(
        wins_by_gig=False, wins_by_proposal=True, wins_by_hourly=True, pros_en="One\n\n Two \n", cons_en=""
    )
    with translation.override("en"):
        assert [str(way) for way in market.win_ways_short] == ["Proposals", "Hourly work"]
        assert len(market.win_ways) == 2
        assert market.pro_list == ["One", "Two"]
        # An empty English field falls back to the Bangla text.
        assert market.con_list == ["বেশি প্রতিযোগিতা"]


def test_bodies_render_in_both_languages_on_save():
    skill = factories.skill(body_bn="## শেখা শুরু", body_en="## Start learning")
    assert 'id="h-শেখা-শুরু"' in skill.body_html_bn
    assert 'id="h-start-learning"' in skill.body_html_en
    assert skill.toc_html_en.startswith("<ul>")


def test_saving_with_update_fields_still_renders_the_body():
    guide = factories.guide(body_en="old")
    guide.body_en = "## New heading"
    guide.save(update_fields=["body_en"])
    guide.refresh_from_db()
    assert 'id="h-new-heading"' in guide.body_html_en
