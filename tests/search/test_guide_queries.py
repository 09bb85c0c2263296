"""Readers' searches that must find a guide first or among the first three results (issue 28),
on the shipped content, in both languages."""

import pytest

from tests.search.result_pages import result_links

QUERIES = [
    ("টেলিগ্রাম টাস্ক", "training-academies-and-task-scams"),
    ("telegram task", "training-academies-and-task-scams"),
    ("account suspended", "account-suspended-or-banned"),
    ("অ্যাকাউন্ট সাসপেন্ড", "account-suspended-or-banned"),
    ("family", "for-the-family"),
    ("পরিবারের জন্য", "for-the-family"),
]


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestReadersFindTheNewGuides:
    @pytest.mark.parametrize(("query", "slug"), QUERIES)
    @pytest.mark.parametrize("language", ["bn", "en"])
    def test_the_guide_is_among_the_first_three(self, client, query, slug, language):
        links = result_links(client.get(f"/{language}/search/", {"q": query}))
        assert f"/{language}/guides/{slug}/" in links[:3], links[:5]
