"""The proposal check's page in both languages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from checks.proposal_page import GUIDE
from guides.models import Guide

from .test_proposals import JOB, STRONG

TEMPLATE = "Dear Sir, I have read your job description, contact me on WhatsApp 01711223344 <script>alert(1)</script>"
RESULT = re.compile(r'data-result="([\w-]+)"')
FINDING = re.compile(r'data-finding="([\w-]+)"')


@pytest.fixture
def post(client, shipped_content):
    def post(lang, data):
        return client.post(f"/{lang}/proposal-check/", data)

    return post


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_template_proposal_with_whatsapp_needs_work_and_its_markup_is_inert(post, lang):
    response = post(lang, {"proposal": TEMPLATE, "kind": "proposal"})
    html = response.content.decode()
    assert response.status_code == 200
    assert RESULT.findall(html) == ["work-on-it"]
    assert {"template-opening", "off-platform-contact"} <= set(FINDING.findall(html))
    assert "<script>alert" not in html and "&lt;script&gt;" in html  # shown inert in the form
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    assert "https://support.upwork.com/hc/en-us/articles/1500007569061-Our-most-important-policies" in html
    with translation.override(lang):
        assert f'href="{reverse("guides:detail", args=[GUIDE])}"' in html


def test_the_english_page_quotes_the_words_and_gives_an_english_example(post):
    html = post("en", {"proposal": TEMPLATE}).content.decode()
    assert '<q class="said">Dear Sir</q>' in html and '<q class="said">01711223344</q>' in html
    assert '<q class="example" lang="en">' in html


def test_a_strong_proposal_is_strong(post):
    html = post("en", {"proposal": STRONG, "job": JOB, "kind": "proposal"}).content.decode()
    assert RESULT.findall(html) == ["strong"]
    assert FINDING.findall(html) == []


def test_a_gig_with_a_long_title_says_the_limit_is_not_confirmed(post):
    title = "I will design a modern minimalist logo for your bakery, cafe, restaurant or food shop"
    html = post("en", {"proposal": title + "\nSee my portfolio of 40 logos.", "kind": "gig"}).content.decode()
    assert "gig-title-too-long" in FINDING.findall(html)
    assert "not confirmed" in html


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({}, "Paste your proposal or your gig first."),
        ({"proposal": "   "}, "Paste your proposal or your gig first."),
        ({"proposal": "x " * 3000}, "at most 5,000 characters"),
        ({"proposal": "ab\x07cd efgh"}, "characters that are not text"),
        ({"proposal": "I design logos.", "job": "ab\x07cd"}, "The job post holds characters"),
        ({"proposal": "I design logos.", "kind": "poem"}, "The proposal was not checked"),
    ],
)
def test_bad_input_gets_a_form_error_never_a_500(post, data, words):
    response = post("en", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert words in html
    assert '<meta name="robots" content="noindex">' in html
    assert "data-result" not in html


def test_the_bangla_page_gives_400_for_bad_input_and_keeps_the_text(post):
    response = post("bn", {"proposal": "x " * 3000})
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    kept = post("bn", {"proposal": "ab\x07cd efgh <b>bold</b>"}).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in kept


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_the_empty_form_has_a_label_for_every_field_and_a_csrf_token(client, lang):
    response = client.get(f"/{lang}/proposal-check/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html and "no-store" in response["Cache-Control"]
    assert "noindex" not in html
    assert 'for="id_proposal"' in html and 'for="id_job"' in html
    assert 'for="id_kind_0"' in html and 'for="id_kind_1"' in html
    assert 'aria-describedby="proposal-hint"' in html
    assert 'value="proposal" id="id_kind_0" checked' in html and 'value="gig" id="id_kind_1">' in html
    assert f'action="/{lang}/proposal-check/#result"' in html


def test_the_guide_linked_exists(shipped_content):
    assert Guide.objects.filter(slug=GUIDE).exists()
