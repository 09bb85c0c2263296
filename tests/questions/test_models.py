"""A reader's question is on no public page until an editor answers and publishes it."""

import gzip
import json
import re

import pytest
from django.core.management import call_command

from questions.models import Question
from search.models import Kind, SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "zebraquokka"


def json_ld_blocks(html):
    return [json.loads(text) for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def faq_names(html):
    return [
        entry["name"]
        for block in json_ld_blocks(html)
        if block.get("@type") == "FAQPage"
        for entry in block["mainEntity"]
    ]


@pytest.fixture
def waiting():
    guide = factories.guide(slug="start")
    question = Question.objects.create(asked_text=f"{SECRET} <b>raw</b>", asked_language="bn", published=False)
    question.guides.add(guide)
    return question, guide


def test_a_posted_question_gets_a_placeholder_slug_and_is_not_published(waiting):
    question, _guide = waiting
    assert re.fullmatch(r"q-[0-9a-f]{8}", question.slug)
    assert not question.published


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_an_unpublished_question_is_invisible_everywhere(client, waiting, lang):
    question, guide = waiting
    question.question_en = question.question_bn = f"{SECRET} shown?"
    question.body_en = question.body_bn = f"{SECRET} answer"
    question.save()  # answered but not published: still nowhere
    assert client.get(f"/{lang}/questions/{question.slug}/").status_code == 404
    for url in (f"/{lang}/questions/", f"/{lang}/guides/{guide.slug}/", "/sitemap.xml"):
        page = client.get(url).content.decode()
        assert SECRET not in page, url
        assert question.slug not in page, url
    assert not SearchEntry.objects.filter(kind=Kind.QUESTION).exists()
    assert f"/questions/{question.slug}/" not in client.get(f"/{lang}/search/", {"q": SECRET}).content.decode()


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_publishing_shows_it_on_the_list_and_the_linked_guide_with_faq_data(client, lang):
    guide = factories.guide(slug="start")
    question = factories.question(slug="phone-only")
    question.guides.add(guide)
    question.save()  # the page cache watches saves
    words = question.question_bn if lang == "bn" else question.question_en
    for url in (f"/{lang}/questions/", f"/{lang}/guides/start/", f"/{lang}/questions/phone-only/"):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert words in page, url
        assert words in faq_names(page), url
    assert "/questions/ask/?next=" in client.get(f"/{lang}/guides/start/").content.decode()


def test_the_linked_guide_page_only_lists_published_questions(client):
    guide = factories.guide(slug="start")
    shown = factories.question(question_en="Shown one?")
    hidden = factories.question(question_en=f"{SECRET}?", published=False)
    shown.guides.add(guide)
    hidden.guides.add(guide)
    page = client.get("/en/guides/start/").content.decode()
    assert "Shown one?" in page
    assert SECRET not in page


def test_skill_and_marketplace_pages_show_their_questions(client):
    skill, market = factories.skill(), factories.marketplace()
    question = factories.question(question_en="About both?")
    question.skills.add(skill)
    question.marketplaces.add(market)
    question.save()
    for url in (f"/en/skills/{skill.slug}/", f"/en/marketplaces/{market.slug}/"):
        page = client.get(url).content.decode()
        assert "About both?" in page, url
        assert "About both?" in faq_names(page), url


def test_search_finds_a_question_once_published(client):
    question = factories.question(question_en=f"Is {SECRET} allowed?", published=False)
    assert question.get_absolute_url() not in client.get("/en/search/", {"q": SECRET}).content.decode()
    question.published = True
    question.save()
    assert SearchEntry.objects.filter(kind=Kind.QUESTION, object_id=question.pk).exists()
    page = client.get("/en/search/", {"q": SECRET}).content.decode()
    assert question.get_absolute_url() in page


def test_published_questions_are_in_the_sitemap(client):
    factories.question(slug="in-the-map")
    assert "/questions/in-the-map/" in client.get("/sitemap.xml").content.decode()


def test_markup_in_a_question_is_inert_everywhere(client):
    guide = factories.guide(slug="start")
    question = factories.question(
        slug="markup",
        question_en='<script>alert(1)</script><img src=x onerror="alert(2)">?',
        body_en="Answer <script>alert(3)</script> here.",
    )
    question.guides.add(guide)
    question.save()
    for url in ("/en/questions/", "/en/questions/markup/", "/en/guides/start/"):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "<img src=x" not in page, url
        assert "&lt;script&gt;alert(1)" in page, url


def test_the_admin_queue_shows_waiting_questions_escaped(staff_client, waiting):
    question, _guide = waiting
    factories.question(slug="answered")
    page = staff_client.get("/admin/questions/question/", {"waiting": "yes"}).content.decode()
    assert SECRET in page
    assert "answered" not in page.split("result_list", 1)[-1]
    change = staff_client.get(f"/admin/questions/question/{question.pk}/change/").content.decode()
    assert "&lt;b&gt;raw&lt;/b&gt;" in change
    assert "<b>raw</b>" not in change


def test_backups_include_questions_and_answers(tmp_path):
    factories.question(slug="backed-up", body_en="Kept answer.")
    output = tmp_path / "backup.fulljson.gz"
    call_command("backup", output=str(output))
    with gzip.open(output, "rt", encoding="utf-8") as dump:
        text = dump.read()
    assert "backed-up" in text
    assert "Kept answer." in text
