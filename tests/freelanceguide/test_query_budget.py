"""At most 4 queries per reader page with a cold cache, however many items are listed.

Each page is measured with N items, then again with 3N: the count must stay within the budget
and must not grow.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localdate as today

from tests import factories

pytestmark = pytest.mark.django_db

BUDGET = 4
N = 17  # 3N = 51 items: more than one page of every paginated list


def build(count, topic, category, method, measured):
    """`count` more of everything, all linked to the measured guide, skill and marketplace."""
    for n in range(count):
        skill = factories.skill(category=category, highlighted=True)
        market = factories.marketplace(highlighted=True)
        factories.payout(market, method=method)
        factories.payout(market)
        factories.resource(skill)
        factories.resource(skill, kind="paid_course")
        market.skills.add(skill)
        factories.contract_terms(market)
        factories.payout_step(market, method=method)
        factories.payout_step(market)  # a route with no onward step: no taka, left out
        guide = factories.guide(topic=topic if n % 2 else factories.topic(), path_position=None)
        factories.advice(guide=guide, week=1 + n % 4)
        factories.advice(kind="caution", week=None, guide=guide)
        guide.skills.add(skill)
        guide.marketplaces.add(market)
        measured["guide"].skills.add(skill)
        measured["guide"].marketplaces.add(market)
        measured["skill"].marketplaces.add(market)
        measured["skill"].guides.add(guide)
        measured["market"].skills.add(skill)
        measured["market"].guides.add(guide)
        programme = factories.programme(skills=[skill, measured["skill"]], women_only=bool(n % 2))
        factories.programme_date(programme, today() + datetime.timedelta(days=n + 1))
        factories.programme_date(measured["programme"], today() + datetime.timedelta(days=n + 1), kind="test")
        measured["programme"].skills.add(skill)
        question = factories.question()
        question.guides.add(measured["guide"], guide)
        question.skills.add(measured["skill"])
        question.marketplaces.add(measured["market"])


PAGES = [
    "/{lang}/",
    "/{lang}/guides/",
    "/{lang}/guides/?page=2",
    "/{lang}/guides/{guide}/",
    "/{lang}/skills/",
    "/{lang}/skills/?phone=on&difficulty=beginner",
    "/{lang}/skills/{skill}/",
    "/{lang}/marketplaces/",
    "/{lang}/marketplaces/{market}/",
    "/{lang}/marketplaces/compare/?m={market}&m={market2}&m={market3}&m={market4}",
    "/{lang}/learn/",
    "/{lang}/learn/?free=1&women=1",
    "/{lang}/learn/{programme}/",
    "/{lang}/learn/calendar.ics",
    "/{lang}/learn/{programme}/calendar.ics",
    "/{lang}/path/",
    "/{lang}/path/?device=own&english=comfortable&budget=more&like=design&like=tech&net=mobile",
    "/{lang}/money/",
    "/{lang}/money/?m={market}&price=100",
    "/{lang}/money/?view=all&price=100",
    "/{lang}/money/?want=10000",
    "/{lang}/questions/",
    "/{lang}/questions/?page=2",
    "/{lang}/questions/ask/",
]


LANGS = ["bn", "en"]


def count_queries(client, url):
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return response.status_code, len(queries)


@pytest.fixture(scope="module")
def counted(django_db_setup, django_db_blocker):
    """Every page's (status, queries) with N items and with 3N, keyed by (template, lang).

    Built once for the module and rolled back: building 3N of everything takes seconds, and
    doing it again for each of the 38 pages was most of this file's time.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        topic, category, method = factories.topic(), factories.category(), factories.payment_method()
        factories.guide(topic=topic, path_position=1)
        markets = [factories.marketplace(highlighted=True) for _ in range(4)]
        for market in markets:
            factories.payout(market, method=method)
            factories.contract_terms(market)
            factories.payout_step(market, method=method)
        factories.payout_step(method=method)  # onward: from the method to taka
        factories.exchange_rate()
        measured = {
            # Second on the start-here path: it has a previous and a next guide.
            "guide": factories.guide(topic=topic, path_position=2),
            "skill": factories.skill(category=category, highlighted=True),
            "market": markets[0],
            "programme": factories.programme(),
        }
        factories.guide(topic=topic, path_position=3)
        slugs = {
            "guide": measured["guide"].slug,
            "skill": measured["skill"].slug,
            "market": markets[0].slug,
            "market2": markets[1].slug,
            "market3": markets[2].slug,
            "market4": markets[3].slug,
            "programme": measured["programme"].slug,
        }
        urls = {(template, lang): template.format(lang=lang, **slugs) for template in PAGES for lang in LANGS}
        client = Client()
        build(N, topic, category, method, measured)
        with_n = {key: count_queries(client, url) for key, url in urls.items()}
        build(2 * N, topic, category, method, measured)
        with_3n = {key: count_queries(client, url) for key, url in urls.items()}
        transaction.set_rollback(True)
    return {key: (url, with_n[key], with_3n[key]) for key, url in urls.items()}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", PAGES)
def test_queries_stay_within_budget_and_do_not_grow(counted, template, lang):
    url, (status_n, queries_n), (status_3n, queries_3n) = counted[template, lang]
    assert status_3n == 200, url
    assert queries_3n <= BUDGET, f"{url}: {queries_3n} queries with {3 * N} items"
    if status_n == 200:  # ?page=2 exists only with 3N items
        assert queries_3n == queries_n, f"{url}: {queries_n} queries with {N} items, {queries_3n} with {3 * N}"


def test_a_cached_page_needs_no_query(client):
    factories.guide(slug="cached", path_position=1)
    client.get("/bn/guides/cached/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bn/guides/cached/")
    assert response.status_code == 200
    assert len(queries) == 0
