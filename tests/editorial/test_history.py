"""Every change to a guide, skill or marketplace keeps a revision an editor can compare and
restore in the admin, in both languages (django-reversion with django-reversion-compare)."""

import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from reversion.models import Version

from editorial import drafts
from guides.models import Guide
from marketplaces.models import ContractTerms, Marketplace, Payout, PayoutStep
from skills.models import LearningResource, Skill
from tests import factories
from training.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited_guide(staff_client):
    """A guide saved and published twice in the admin: yesterday's text, then today's, in both languages."""
    guide = factories.guide(slug="history", body_bn="## পুরোনো অংশ\n\nগতকালের লেখা", body_en="## Old part\n\nYesterday")
    url = f"/admin/guides/guide/{guide.pk}/change/"
    publish = f"/admin/guides/guide/{guide.pk}/publish/"  # an edit of a live guide is a draft until published
    assert staff_client.post(url, factories.guide_form(guide, title_en="Yesterday's title")).status_code == 302
    assert staff_client.post(publish).status_code == 302
    today = factories.guide_form(
        guide, title_bn="আজকের শিরোনাম", title_en="Today's title", body_bn="আজকের লেখা", body_en="Today"
    )
    assert staff_client.post(url, today).status_code == 302
    assert staff_client.post(publish).status_code == 302
    guide.refresh_from_db()
    return guide


def test_each_admin_save_keeps_a_revision_with_both_languages(edited_guide):
    versions = Version.objects.get_for_object(edited_guide)
    assert versions.count() == 2
    newest, older = versions[0].field_dict, versions[1].field_dict
    assert (newest["title_bn"], newest["title_en"], newest["body_en"]) == ("আজকের শিরোনাম", "Today's title", "Today")
    assert older["body_bn"] == "## পুরোনো অংশ\n\nগতকালের লেখা" and older["body_en"] == "## Old part\n\nYesterday"
    assert versions[0].revision.user.username == "editor"


def test_the_history_page_lists_the_revisions_and_compares_them(staff_client, edited_guide):
    history = staff_client.get(f"/admin/guides/guide/{edited_guide.pk}/history/").content.decode()
    version_ids = re.findall(r'name="version_id2" value="(\d+)"', history)
    assert len(version_ids) == 2
    assert 'style="' not in history  # the strict CSP blocks style attributes
    new, old = sorted(version_ids, reverse=True)
    compare = staff_client.get(
        f"/admin/guides/guide/{edited_guide.pk}/history/compare/", {"version_id1": old, "version_id2": new}
    )
    assert compare.status_code == 200
    page = compare.content.decode()
    # Each language compared on its own, word by word; derived HTML is left out.
    headings = re.findall(r"<h3>([^<]+)</h3>", page)
    assert sorted(heading[-4:] for heading in headings) == ["[bn]", "[bn]", "[en]", "[en]"], headings
    assert "<del>গতকাল</del><ins>আজক</ins>ের লেখা" in page
    assert "<del>Yester</del><ins>To</ins>day" in page
    assert "h-old-part" not in page  # body_html, toc_html: derived, not compared


def test_restoring_yesterdays_version_makes_it_the_draft_to_publish(staff_client, client, edited_guide):
    older = Version.objects.get_for_object(edited_guide)[1]
    url = f"/admin/guides/guide/{edited_guide.pk}/history/{older.pk}/"
    form_page = staff_client.get(url).content.decode()
    assert "গতকালের লেখা" in form_page and "Yesterday&#x27;s title" in form_page

    restored = {key: value for key, value in older.field_dict.items() if isinstance(value, str)}
    response = staff_client.post(
        url, factories.guide_form(edited_guide, **restored, topic=older.field_dict["topic_id"])
    )
    assert response.status_code == 302
    # Restoring makes the old version the draft: readers keep today's text until it is published.
    edited_guide.refresh_from_db()
    assert edited_guide.title_en == "Today's title" and edited_guide.body_bn == "আজকের লেখা"
    assert "আজকের লেখা" in client.get("/bn/guides/history/").content.decode()
    assert Version.objects.get_for_object(edited_guide).count() == 2
    draft = drafts.draft_of(edited_guide)
    assert draft is not None
    change_form = staff_client.get(f"/admin/guides/guide/{edited_guide.pk}/change/").content.decode()
    assert "Yesterday&#x27;s title" in change_form  # the change form shows the restored draft

    assert staff_client.post(f"/admin/guides/guide/{edited_guide.pk}/publish/").status_code == 302
    edited_guide.refresh_from_db()
    assert edited_guide.title_en == "Yesterday's title" and edited_guide.body_bn == "## পুরোনো অংশ\n\nগতকালের লেখা"
    # Published, the restored version is on the pages (HTML rendered again) and is itself a revision.
    assert "পুরোনো অংশ" in client.get("/bn/guides/history/").content.decode()
    assert "Old part" in client.get("/en/guides/history/").content.decode()
    assert Version.objects.get_for_object(edited_guide).count() == 3


def test_a_skill_revision_holds_its_learning_resources(staff_client):
    skill = factories.skill(slug="design")
    factories.resource(skill, title_bn="পুরোনো কোর্স", title_en="Old course")
    call_command("createinitialrevisions", "skills.Skill", comment="start", stdout=io.StringIO())
    LearningResource.objects.filter(skill=skill).update(title_en="Changed")
    factories.resource(skill, title_en="Added later")
    Version.objects.get_for_object(skill)[0].revision.revert(delete=True)
    assert list(skill.resources.values_list("title_bn", "title_en")) == [("পুরোনো কোর্স", "Old course")]
    assert staff_client.get(f"/admin/skills/skill/{skill.pk}/history/").status_code == 200


def test_a_marketplace_revision_holds_its_ways_to_get_paid(staff_client):
    market = factories.marketplace(slug="market")
    factories.payout(market, note_bn="পুরোনো নোট", note_en="Old note")
    call_command("createinitialrevisions", "marketplaces.Marketplace", comment="start", stdout=io.StringIO())
    Payout.objects.filter(marketplace=market).delete()
    Marketplace.objects.filter(pk=market.pk).update(name_en="Renamed")
    Version.objects.get_for_object(market)[0].revision.revert(delete=True)
    market.refresh_from_db()
    assert market.name_en != "Renamed"
    assert list(market.payouts.values_list("note_bn", "note_en")) == [("পুরোনো নোট", "Old note")]
    assert staff_client.get(f"/admin/marketplaces/marketplace/{market.pk}/history/").status_code == 200


def test_loading_content_keeps_a_revision_of_the_shipped_text_and_never_overwrites(shipped_content):
    guide = Guide.objects.get(slug="what-is-freelancing")
    versions = Version.objects.get_for_object(guide)
    assert versions.count() == 1 and versions[0].field_dict["body_bn"] == guide.body_bn
    assert Version.objects.get_for_model(Skill).exists() and Version.objects.get_for_model(Marketplace).exists()
    guide.body_en = "An editor rewrote this."
    guide.save()
    call_command("load_content", stdout=io.StringIO())
    guide.refresh_from_db()
    assert guide.body_en == "An editor rewrote this."
    assert Version.objects.get_for_object(guide).count() == 1  # the loader wrote nothing new


@pytest.mark.parametrize("model", [Guide, Skill, LearningResource, Marketplace, Payout, Programme])
def test_every_language_column_is_recorded(model):
    from modeltranslation.translator import translator
    from reversion.revisions import _get_options

    recorded = set(_get_options(model).fields)
    for field in translator.get_options_for_model(model).all_fields:
        for code in ("bn", "en"):
            assert f"{field}_{code}" in recorded, (model.__name__, field, code)


def test_a_marketplace_revision_holds_its_money_facts(staff_client):
    market = factories.marketplace(slug="money-market")
    terms = factories.contract_terms(market, clearance_days_max=14)
    step = factories.payout_step(market, fixed_fee_usd="2.00")
    call_command("createinitialrevisions", "marketplaces.Marketplace", comment="start", stdout=io.StringIO())
    ContractTerms.objects.filter(pk=terms.pk).update(clearance_days_max=30)
    PayoutStep.objects.filter(pk=step.pk).delete()
    Version.objects.get_for_object(market)[0].revision.revert(delete=True)
    assert ContractTerms.objects.get(pk=terms.pk).clearance_days_max == 14
    assert PayoutStep.objects.get(pk=step.pk).fixed_fee_usd == Decimal("2.00")
    for url in (
        f"/admin/marketplaces/marketplace/{market.pk}/change/",
        "/admin/marketplaces/payoutstep/?facts=stale",
        "/admin/marketplaces/contractterms/?facts=stale",
        "/admin/marketplaces/exchangerate/?age=stale",
        f"/admin/marketplaces/payoutstep/{step.pk}/history/",
    ):
        assert staff_client.get(url).status_code == 200, url
