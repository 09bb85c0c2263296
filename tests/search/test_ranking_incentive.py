"""A reader who searches for the incentive finds the guide on it among the first three."""

import pytest

from tests.search.result_pages import result_links


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestIncentiveQueries:
    @pytest.mark.parametrize("lang", ["bn", "en"])
    @pytest.mark.parametrize("query", ["প্রণোদনা", "নগদ প্রণোদনা", "remittance incentive"])
    def test_the_incentive_guide_is_among_the_first_three(self, client, lang, query):
        response = client.get(f"/{lang}/search/", {"q": query})
        assert response.status_code == 200
        links = result_links(response)
        assert f"/{lang}/guides/remittance-incentive/" in links[:3], links[:5]
