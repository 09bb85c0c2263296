"""An editor changes a live guide in both languages, previews the draft as readers would see
it (phone and desktop), sees the live page unchanged, publishes, and sees the change live. The
admin pages involved raise no CSP violation."""

import re

import pytest

from guides.models import Guide

from .conftest import DESKTOP, PHONE, assert_fits, screenshot
from .test_admin_csp import RECORD_VIOLATIONS, check, visit

NEW_BN, NEW_EN = "## নতুন খসড়া অংশ\n\nখসড়ার লেখা", "## New draft part\n\nDraft text"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_edit_preview_and_publish_a_live_guide(browser, live_content, django_user_model, watch, viewport):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    base = live_content.url
    guide = Guide.objects.get(slug="what-is-freelancing")
    context = browser.new_context(viewport=viewport)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watcher = watch(page, base)
    violations = []

    visit(page, base + "/admin/login/", violations)
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    visit(page, f"{base}/admin/guides/guide/{guide.pk}/change/", violations)
    page.click('a[href="#tab_id_body_bn"]')
    page.fill("textarea[name=body_bn]", NEW_BN)
    page.click('a[href="#tab_id_body_en"]')
    page.fill("textarea[name=body_en]", NEW_EN)
    page.click("input[name=_continue]")
    page.wait_for_selector("ul.messagelist li.success")
    check(page, violations)
    assert "Draft text" in page.input_value("textarea[name=body_en]")  # the form shows the draft

    # Preview in both languages: the site's own page, with the draft.
    for code, heading in (("bn", "নতুন খসড়া অংশ"), ("en", "New draft part")):
        visit(page, f"{base}/admin/guides/guide/{guide.pk}/preview/{code}/", violations)
        assert page.locator("h2", has_text=heading).count() == 1
        assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
        if viewport is PHONE:
            assert_fits(page, viewport)
        screenshot(page, f"draft-preview-{code}-{viewport['width']}")
    # The phone-width frame of the preview loads under the CSP.
    visit(page, f"{base}/admin/guides/guide/{guide.pk}/preview/en/phone/", violations)
    frame = page.frame_locator("iframe.editorial-phone")
    frame.locator("h2", has_text="New draft part").wait_for(timeout=5000)

    # Readers still see the live guide.
    reader = context.browser.new_context(viewport=viewport).new_page()
    for code in ("bn", "en"):
        reader.goto(f"{base}/{code}/guides/what-is-freelancing/")
        assert reader.locator("h2", has_text="draft").count() == 0
        assert "খসড়ার লেখা" not in reader.content() and "Draft text" not in reader.content()

    visit(page, f"{base}/admin/guides/guide/{guide.pk}/change/", violations)
    page.click('form[action$="/publish/"] button')
    page.wait_for_selector("ul.messagelist li.success")
    check(page, violations)

    # A reader arriving now (a fresh browser: the first one may keep its copy for max-age).
    reader = context.browser.new_context(viewport=viewport).new_page()
    reader.goto(f"{base}/en/guides/what-is-freelancing/")
    assert reader.locator("h2", has_text="New draft part").count() == 1
    reader.goto(f"{base}/bn/guides/what-is-freelancing/")
    assert reader.locator("h2", has_text="নতুন খসড়া অংশ").count() == 1

    assert violations == []
    watcher.assert_clean()
    context.close()
