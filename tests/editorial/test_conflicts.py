"""Two editors on one item: the second save never silently overwrites the first."""

import re

import pytest
from django.test import Client
from reversion.models import Version

from editorial import conflicts, drafts
from guides.models import Guide
from marketplaces.models import Marketplace, Payout
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(django_user_model):
    """Two signed-in staff members, each with their own browser."""
    clients = []
    for name in ("asha", "bilal"):
        user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw-long-enough-1")
        browser = Client()
        browser.force_login(user)
        clients.append(browser)
    return clients


def drafted_body(guide):
    """The English body of the guide's pending draft (edits of a live guide wait as drafts)."""
    return drafts.draft_of(guide).data[0]["fields"]["body_en"]


def test_publishing_after_opening_counts(editors):
    asha, bilal = editors
    guide = factories.guide(slug="shared")
    bilal.post(change_url(guide), form(guide, opened_token(bilal, guide), "Bilal's text"))
    token = opened_token(asha, guide)
    drafts.publish(guide, None)  # e.g. a schedule, while Asha has the form open
    assert asha.post(change_url(guide), form(guide, token, "Asha's text")).status_code == 409


def change_url(guide):
    return f"/admin/guides/guide/{guide.pk}/change/"


def opened_token(browser, guide):
    page = browser.get(change_url(guide)).content.decode()
    found = re.search(r'name="edit_token" value="([0-9a-f]+)"', page)
    assert found, "the change form carries the version it was opened on"
    return found.group(1)


def form(guide, token, body_en):
    return factories.guide_form(guide, body_en=body_en, edit_token=token)


def test_a_save_over_an_unseen_version_is_refused_and_shows_both(editors):
    asha, bilal = editors
    guide = factories.guide(slug="shared")
    asha_token, bilal_token = opened_token(asha, guide), opened_token(bilal, guide)

    assert asha.post(change_url(guide), form(guide, asha_token, "Asha's text")).status_code == 302
    response = bilal.post(change_url(guide), form(guide, bilal_token, "Bilal's text"))

    assert response.status_code == 409
    page = response.content.decode()
    assert "Asha&#x27;s text" in page and "Bilal&#x27;s text" in page  # both versions, side by side
    assert drafted_body(guide) == "Asha's text"  # nothing was overwritten
    # Bilal's text travels back in the page's form, so "save my version" loses nothing.
    assert re.search(r'type="hidden" name="body_en" value="Bilal&#x27;s text"', page)


def test_keeping_my_version_saves_it_and_keeps_theirs_in_the_history(editors):
    asha, bilal = editors
    guide = factories.guide(slug="shared")
    asha_token, bilal_token = opened_token(asha, guide), opened_token(bilal, guide)
    asha.post(change_url(guide), form(guide, asha_token, "Asha's text"))
    conflict = bilal.post(change_url(guide), form(guide, bilal_token, "Bilal's text")).content.decode()

    resent = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', conflict))
    resent = {name: value.replace("&#x27;", "'") for name, value in resent.items() if name != "csrfmiddlewaretoken"}
    assert resent["_keep_mine"] == "1" and resent["edit_token"] != bilal_token
    assert bilal.post(change_url(guide), resent).status_code == 302

    assert drafted_body(guide) == "Bilal's text"
    kept = [version.field_dict["body_en"] for version in Version.objects.get_for_object(guide)]
    assert "Asha's text" in kept  # the version saved over is in the history


def test_a_change_made_outside_the_admin_after_opening_counts(editors):
    asha, _bilal = editors
    guide = factories.guide(slug="shared")
    token = opened_token(asha, guide)
    Guide.objects.filter(pk=guide.pk).update(summary_en="Changed by an import")  # no signal, no revision
    assert asha.post(change_url(guide), form(guide, token, "Asha's text")).status_code == 409
    guide.refresh_from_db()
    assert guide.body_en != "Asha's text"


def test_an_unchanged_item_saves_normally(editors):
    asha, _bilal = editors
    guide = factories.guide(slug="shared")
    token = opened_token(asha, guide)
    assert asha.post(change_url(guide), form(guide, token, "Asha's text")).status_code == 302
    assert drafted_body(guide) == "Asha's text"
    # The form reopened after the save carries the new version.
    assert opened_token(asha, guide) != token


def test_a_change_to_a_followed_row_counts(shipped_content):
    """A marketplace's payouts are edited with it: a change there is a change of the page."""
    marketplace = Marketplace.objects.get(slug="upwork")
    before = conflicts.edit_token(marketplace)
    payout = marketplace.payouts.first()
    payout.save()  # saved again unchanged: the same version
    assert conflicts.edit_token(marketplace) == before
    Payout.objects.filter(pk=payout.pk).update(fee_usd=(payout.fee_usd or 0) + 1)
    assert conflicts.edit_token(marketplace) != before
