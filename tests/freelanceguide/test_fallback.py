"""Fallback both ways, with a notice in the reader's language and the text marked with its own lang."""

import pytest
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db

NOTICE = "This page is not yet translated into your language, so part of it is shown in the other language."


def notice_in(lang):
    with translation.override(lang):
        return translation.gettext(NOTICE)


def test_an_untranslated_english_page_shows_the_bangla_text_with_a_notice(client):
    factories.guide(slug="only-bangla", title_en="", summary_en="", body_en="")
    page = client.get("/en/guides/only-bangla/").content.decode()
    assert NOTICE in page
    assert '<h1 lang="bn">গাইড' in page
    assert '<div class="prose" lang="bn">' in page


def test_an_untranslated_bangla_page_shows_the_english_text_with_a_bangla_notice(client):
    factories.guide(slug="only-english", title_bn="", summary_bn="", body_bn="")
    page = client.get("/bn/guides/only-english/").content.decode()
    assert notice_in("bn") != NOTICE
    assert notice_in("bn") in page
    assert '<h1 lang="en">Guide' in page
    assert '<div class="prose" lang="en">' in page


def test_a_translated_page_has_no_notice_and_no_foreign_lang_marks(client):
    factories.guide(slug="both")
    page = client.get("/en/guides/both/").content.decode()
    assert NOTICE not in page
    assert 'lang="bn"' not in page.replace('hreflang="bn"', "").replace('lang="bn" rel="alternate"', "")


def test_reading_time_follows_the_language_shown(client):
    guide = factories.guide(slug="long-bangla", body_bn="শব্দ " * 750, body_en="")
    assert guide.reading_minutes_bn == 5
    page = client.get("/en/guides/long-bangla/").content.decode()
    assert "5 minutes read" in page
