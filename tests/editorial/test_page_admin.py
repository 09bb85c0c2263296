"""Editors work in the admin: both languages in tabs, the Markdown editor on each body, offline assets."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client, override_settings

from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/guides/guide/",
        "/admin/guides/guidetopic/",
        "/admin/skills/skill/",
        "/admin/skills/skillcategory/",
        "/admin/marketplaces/marketplace/",
        "/admin/marketplaces/paymentmethod/",
        "/admin/editorial/loadedcontent/",
        "/admin/guides/guide/add/",
        "/admin/skills/skill/add/",
        "/admin/marketplaces/marketplace/add/",
    ],
)
def test_admin_pages_open(staff_client, url):
    assert staff_client.get(url).status_code == 200


def test_admin_search_and_filters(staff_client):
    factories.guide(title_bn="পেওনিয়ার শুরু", title_en="Payoneer basics")
    factories.guide(title_bn="অন্য গাইড", title_en="Other")
    page = staff_client.get("/admin/guides/guide/?q=payoneer").content.decode()
    assert "পেওনিয়ার শুরু" in page and "অন্য গাইড" not in page


def test_guide_form_has_tabs_and_a_markdown_editor_per_language(staff_client):
    guide = factories.guide()
    page = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    for lang in ("bn", "en"):
        assert re.search(rf'<textarea[^>]+name="body_{lang}"[^>]+class="[^"]*markdownx-editor', page) or re.search(
            rf'<textarea[^>]+class="[^"]*markdownx-editor[^"]*"[^>]+name="body_{lang}"', page
        ), f"body_{lang} has no Markdown editor"
        assert f'name="title_{lang}"' in page
    assert 'data-markdownx-urls-path="/markdownx/markdownify/"' in page
    assert "modeltranslation/js/tabbed_translation_fields.js" in page
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in page
    assert "googleapis" not in page and "//ajax." not in page


def test_vendored_assets_exist():
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")
    assert finders.find("fonts/noto-sans-bengali-400.woff2")


def test_admin_pages_load_no_script_from_another_host(staff_client):
    guide = factories.guide()
    page = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    sources = re.findall(r'<script[^>]+src="([^"]+)"', page)
    assert sources
    assert all(src.startswith(("/static/", "/admin/jsi18n/")) for src in sources), sources


def test_editor_saves_both_languages_and_the_page_shows_them(staff_client, client):
    guide = factories.guide(slug="edit-me")
    form = {
        "slug": "edit-me",
        "topic": guide.topic_id,
        "title_bn": "নতুন শিরোনাম",
        "title_en": "New title",
        "summary_bn": "সারাংশ",
        "summary_en": "Summary",
        "body_bn": "## নতুন অংশ\n\nলেখা",
        "body_en": "## New part\n\ntext <script>x()</script>",
        "published": "on",
        "path_position": "",
    }
    response = staff_client.post(f"/admin/guides/guide/{guide.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    # The guide is live: the edit waits as a draft until it is published (editorial/drafts/).
    assert "New title" not in Client().get("/en/guides/edit-me/").content.decode()
    assert staff_client.post(f"/admin/guides/guide/{guide.pk}/publish/").status_code == 302
    guide.refresh_from_db()
    assert '<h2 id="h-new-part">' in guide.body_html_en and "<script" not in guide.body_html_en
    assert "নতুন শিরোনাম" in client.get("/bn/guides/edit-me/").content.decode()
    assert "New title" in client.get("/en/guides/edit-me/").content.decode()


def test_admin_refuses_anonymous_users(client):
    response = client.get("/admin/guides/guide/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@override_settings(DEBUG=False)
def test_admin_pages_send_a_strict_csp_without_unsafe_inline(staff_client):
    guide = factories.guide()
    response = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/")
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert Guide.objects.count() == 1


def test_a_page_model_whose_admin_is_not_a_page_admin_is_refused_at_start_up(monkeypatch):
    from django.contrib import admin

    from editorial.checks import page_admins_use_page_admin
    from guides.models import Guide

    assert page_admins_use_page_admin(None) == []
    plain = admin.ModelAdmin(Guide, admin.site)
    monkeypatch.setitem(admin.site._registry, Guide, plain)
    errors = page_admins_use_page_admin(None)
    assert [error.id for error in errors] == ["editorial.E001"] and "guides.Guide" in errors[0].msg


def test_a_model_without_published_cannot_get_schedules():
    from django.contrib import admin
    from django.core.exceptions import ImproperlyConfigured

    from editorial.schedules.admin import ScheduleAdminMixin
    from guides.models import GuideTopic

    class TopicWithSchedules(ScheduleAdminMixin, admin.ModelAdmin):
        pass

    with pytest.raises(ImproperlyConfigured):
        TopicWithSchedules(GuideTopic, admin.site)
