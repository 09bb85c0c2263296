"""Editors keep a programme's dates in a table on its admin page, and its History holds them."""

import datetime

import pytest
from reversion.revisions import _get_options

from tests import factories
from training.models import Programme

pytestmark = pytest.mark.django_db


def test_the_programme_admin_edits_its_dates_in_a_table(staff_client):
    programme = factories.programme()
    factories.programme_date(programme, datetime.date(2030, 1, 15), time=datetime.time(23, 59))
    page = staff_client.get(f"/admin/training/programme/{programme.pk}/change/").content.decode()
    assert 'id="dates-group"' in page and "tabular" in page
    assert 'name="dates-0-on"' in page and 'name="dates-0-source_url"' in page and 'name="dates-0-checked_on"' in page


def test_a_programme_revision_follows_its_dates():
    assert "dates" in _get_options(Programme).follow
