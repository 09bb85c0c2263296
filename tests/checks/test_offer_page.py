"""The offer check's page in both languages, on the shipped red flags."""

import re

import pytest

from checks.offer_page import REPORT_ANCHOR, REPORT_GUIDE
from guides.models import Guide

TELEGRAM = (
    "Ghore bose protidin 500 taka income. YouTube video like korle taka. Telegram e join korun: "
    "t.me/earnbd24 <script>alert(1)</script>"
)
LOGO = "Hello, I need a logo for my bakery. My budget is $40. Can you show me two logos you made?"
VERDICT = re.compile(r'data-verdict="(\w+)"')
FLAG = re.compile(r'data-flag="([\w-]+)"')


@pytest.fixture
def post(client, shipped_content):
    def post(lang, data):
        return client.post(f"/{lang}/offer-check/", data)

    return post


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_the_telegram_like_task_is_danger_with_its_reasons_and_markup_inert(post, lang):
    response = post(lang, {"message": TELEGRAM})
    html = response.content.decode()
    assert response.status_code == 200
    assert VERDICT.findall(html) == ["danger"]
    assert {"paid-tasks", "move-to-chat", "fixed-income"} <= set(FLAG.findall(html))
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # shown inert in the form
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    assert f"#{REPORT_ANCHOR[lang]}" in html


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_real_clients_message_is_not_danger(post, lang):
    html = post(lang, {"message": LOGO}).content.decode()
    assert VERDICT.findall(html) == ["none"]


def test_a_course_that_guarantees_work_names_free_programmes(post):
    html = post("en", {"q": ["course-guarantees-work"]}).content.decode()
    assert VERDICT.findall(html) == ["caution"]
    assert "data-free-programmes" in html and "/en/learn/" in html


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({}, "একটি বার্তা পেস্ট করুন"),
        ({"message": "x " * 3000}, "৫,০০০"),
        ({"message": "ab\x07cd efgh"}, "লেখা নয়"),
        ({"q": ["no-such-flag"]}, "প্রস্তাবটি যাচাই করা যায়নি"),
    ],
)
def test_bad_input_gets_a_bangla_form_error_never_a_500(post, data, words):
    response = post("bn", data)
    assert response.status_code == 400
    assert words in response.content.decode()


def test_the_empty_form_lists_the_questions_and_stores_nothing(client, shipped_content, django_assert_max_num_queries):
    response = client.get("/en/offer-check/")
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    with django_assert_max_num_queries(6) as queries:
        client.post("/en/offer-check/", {"message": TELEGRAM})
    assert not [query for query in queries.captured_queries if not query["sql"].lstrip().upper().startswith("SELECT")]


def test_the_report_anchor_is_a_heading_of_the_guide(shipped_content):
    guide = Guide.objects.get(slug=REPORT_GUIDE)
    assert f'href="#{REPORT_ANCHOR["bn"]}"' in guide.toc_html_bn
    assert f'href="#{REPORT_ANCHOR["en"]}"' in guide.toc_html_en
