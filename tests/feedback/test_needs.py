"""The editors' page of what readers need, and its one-step fix for a failed search."""

import datetime

import pytest
from django.utils import timezone, translation

from editorial.drafts import save_draft, serialize
from feedback import needs
from feedback.models import PageDay, Reason, Sentence
from freelanceguide.page_cache import tallies
from search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_page_is_for_staff_and_listed_in_the_admin_index(client, admin_client):
    assert client.get("/admin/feedback/needs/").status_code == 302  # to the sign-in
    index = admin_client.get("/admin/").content.decode()
    assert 'href="/admin/feedback/needs/"' in index


def test_a_failed_search_listed_and_added_as_an_alias_is_found_next_time(client, admin_client):
    guide = factories.guide(slug="payoneer", title_en="Payoneer account", title_bn="পেওনিয়ার")
    assert SearchEntry.objects.filter(slug="payoneer").exists()
    for _ in range(2):
        client.get("/en/search/", {"q": "zqpayonr"})
    tallies.flush()
    page = admin_client.get("/admin/feedback/needs/").content.decode()
    assert 'data-failed-search="zqpayonr"' in page
    alias_url = "/admin/feedback/pageday/alias/?query=zqpayonr"
    assert alias_url in page
    form = admin_client.get(alias_url)
    assert form.status_code == 200 and 'value="zqpayonr"' in form.content.decode()
    done = admin_client.post(alias_url, {"query": "zqpayonr", "item": f"guides.guide:{guide.pk}"})
    assert done.status_code == 302 and done["Location"] == "/admin/feedback/needs/"
    guide.refresh_from_db()
    assert guide.search_aliases.splitlines()[-1] == "zqpayonr"
    found = client.get("/en/search/", {"q": "zqpayonr"}).content.decode()
    assert 'href="/en/guides/payoneer/"' in found


def test_an_alias_also_goes_into_the_items_waiting_draft(admin_user):
    from feedback.aliases import add_alias

    guide = factories.guide(slug="drafted", search_aliases="one")
    data = serialize(guide)
    data[0]["fields"]["title_en"] = "Draft title"
    save_draft(guide, data, admin_user)
    add_alias(guide, "two", admin_user)
    add_alias(guide, "TWO", admin_user)  # the same spelling again is not added twice
    from editorial.drafts import draft_of

    fields = draft_of(guide).data[0]["fields"]
    assert fields["search_aliases"] == "one\ntwo" and fields["title_en"] == "Draft title"
    guide.refresh_from_db()
    assert guide.search_aliases == "one\ntwo"


def test_no_answers_are_grouped_per_page_with_reasons_and_unhandled_sentences(admin_client):
    today = timezone.localdate()
    PageDay.objects.create(path="/bn/guides/a/", day=today, yes=1, no=4, hard=3)
    PageDay.objects.create(path="/bn/guides/a/", day=today - datetime.timedelta(days=1), no=2, wrong_facts=2)
    PageDay.objects.create(path="/bn/guides/b/", day=today - datetime.timedelta(days=8), no=9)  # last week
    PageDay.objects.create(path="/bn/guides/c/", day=today, yes=5)
    Sentence.objects.create(path="/bn/guides/a/", day=today, reason="hard", text="waiting")
    Sentence.objects.create(path="/bn/guides/a/", day=today, reason="hard", text="done", handled_on=today)
    pages = needs.unhelpful_pages(today)
    assert [page["path"] for page in pages] == ["/bn/guides/a/"]
    assert pages[0]["no"] == 6 and [s.text for s in pages[0]["sentences"]] == ["waiting"]
    assert dict(pages[0]["reasons"]) == {Reason.WRONG_FACTS.label: 2, Reason.HARD.label: 3}


def test_marking_sentences_handled_from_the_page(admin_client):
    today = timezone.localdate()
    PageDay.objects.create(path="/bn/guides/a/", day=today, no=1)
    sentence = Sentence.objects.create(path="/bn/guides/a/", day=today, reason="other", text="fix this")
    response = admin_client.post(
        "/admin/feedback/sentence/",
        {"action": "mark_handled", "_selected_action": [sentence.pk], "next": "needs"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/feedback/needs/"
    sentence.refresh_from_db()
    assert sentence.handled_on == today
    assert "fix this" not in admin_client.get("/admin/feedback/needs/").content.decode()


def test_work_tracked_elsewhere_links_to_where_it_is_fixed(admin_client):
    factories.exchange_rate(rate_on=timezone.localdate() - datetime.timedelta(days=40))
    with translation.override("en"):
        work = {str(line.label): line for line in needs.tracked_work(timezone.now())}
    assert work["exchange rate over 30 days old"].count == 1
    assert work["broken internal links"].url == "/admin/editorial/brokenlinkreport/"
    assert any("facts over a year old" in str(label) for label in work)
    page = admin_client.get("/admin/feedback/needs/")
    assert page.status_code == 200
    assert 'href="/admin/editorial/translationwork/"' in page.content.decode()


def test_questions_waiting_are_counted_and_link_to_the_moderation_queue(admin_client):
    from questions.models import Question

    Question.objects.create(asked_text="How do I start?", asked_language="bn")
    Question.objects.create(asked_text="Answered", body_en="An answer", published=False)
    waiting = needs.questions_waiting()
    assert waiting.count == 1
    queue = admin_client.get(waiting.url).content.decode()
    assert "How do I start?" in queue and "Answered" not in queue
