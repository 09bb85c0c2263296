"""The number of queries per page does not grow with the number of items listed."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

BUDGET = 6


def build(count):
    topic = factories.topic()
    category = factories.category()
    method = factories.payment_method()
    markets = []
    for n in range(count):
        skill = factories.skill(category=category, highlighted=True)
        market = factories.marketplace(highlighted=True)
        factories.payout(market, method=method)
        factories.resource(skill)
        market.skills.add(skill)
        markets.append(market)
        guide = factories.guide(topic=topic, path_position=n + 1)
        guide.skills.add(skill)
        guide.marketplaces.add(market)
    return markets


PAGES = [
    "/{lang}/",
    "/{lang}/guides/",
    "/{lang}/guides/{guide}/",
    "/{lang}/skills/",
    "/{lang}/skills/{skill}/",
    "/{lang}/marketplaces/",
    "/{lang}/marketplaces/{market}/",
    "/{lang}/marketplaces/compare/?m={market}&m={market2}&m={market3}&m={market4}",
]


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("template", PAGES)
def test_query_count_is_bounded(client, django_assert_max_num_queries, count, template):
    markets = build(count)
    from guides.models import Guide
    from skills.models import Skill

    url = template.format(
        lang="bn",
        guide=Guide.objects.first().slug,
        skill=Skill.objects.first().slug,
        market=markets[0].slug,
        market2=markets[1].slug,
        market3=markets[2].slug,
        market4=markets[3].slug,
    )
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200
