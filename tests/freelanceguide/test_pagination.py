"""Long lists come in pages; `?page=` takes ASCII or Bangla digits and never gives a 500."""

import pytest

from freelanceguide.locale_format import localize_digits, to_ascii_digits
from guides.views import GUIDES_PER_PAGE
from tests import factories

pytestmark = pytest.mark.django_db


def test_digits_convert_both_ways():
    assert localize_digits("2026-11 page 3", "bn") == "২০২৬-১১ page ৩"
    assert localize_digits("42", "en") == "42"
    assert to_ascii_digits("পৃষ্ঠা ১২০") == "পৃষ্ঠা 120"
    assert to_ascii_digits(localize_digits("0123456789", "bn")) == "0123456789"


@pytest.fixture
def many_guides():
    topic = factories.topic(name_en="Only topic")
    return [factories.guide(topic=topic, slug=f"g-{n:03}", title_en=f"Guide number {n:03}") for n in range(45)]


def test_guide_list_is_paginated_and_keeps_other_parameters(client, many_guides):
    first = client.get("/en/guides/").content.decode()
    assert "Guide number 000" in first and f"Guide number {GUIDES_PER_PAGE:03}" not in first
    assert "Page 1 of 2" in first
    assert 'rel="next" href="?page=2"' in first
    second = client.get("/en/guides/?page=2&utm=x").content.decode()
    assert f"Guide number {GUIDES_PER_PAGE:03}" in second and "Guide number 000" not in second
    # The topic heading starts the second page too, and the link back drops `page` but keeps the rest.
    assert "Only topic" in second
    assert 'rel="prev" href="?utm=x"' in second


def test_bangla_page_numbers_are_read_and_shown_in_bangla(client, many_guides):
    page = client.get("/bn/guides/?page=২").content.decode()
    assert "গাইড" in page and "পেজ ২ / ২" in page


@pytest.mark.parametrize("bad", ["0", "3", "-1", "abc", "1e3", "١", "9" * 40, "%00"])
def test_bad_page_numbers_are_404_not_500(client, many_guides, bad):
    response = client.get("/bn/guides/", {"page": bad})
    assert response.status_code == 404
    assert "পেজটি পাওয়া যায়নি" in response.content.decode()
