"""The admin really works under the strict CSP (no 'unsafe-inline', no 'unsafe-eval'): login,
lists, change forms with language tabs, the Markdown editor, inlines, the related-items picker,
the history with its comparison, and restoring yesterday's version. Any CSP violation fails."""

import re

from guides.models import Guide

from .conftest import DESKTOP, PHONE, screenshot

# Runs before any page script; CSP does not apply to it. Records every violation on the page.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def visit(page, url, violations):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    check(page, violations)


def check(page, violations):
    violations.extend(f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []"))


def test_the_admin_works_under_the_strict_csp_and_restores_an_old_version(
    browser, live_content, django_user_model, watch
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    base = live_content.url
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watcher = watch(page, base)
    violations = []

    visit(page, base + "/admin/login/", violations)
    policy = page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    check(page, violations)

    for path in [
        "/admin/guides/guide/",
        "/admin/guides/guide/?q=freelancing&published__exact=1",
        "/admin/skills/skill/",
        "/admin/marketplaces/marketplace/",
        "/admin/guides/guide/add/",
    ]:
        visit(page, base + path, violations)
    # The add form's slug fills itself from the English title (prepopulated_fields' script).
    page.click('a[href="#tab_id_title_en"]')
    page.fill("#id_title_en", "A brand new guide")
    page.locator("#id_title_en").blur()
    assert page.input_value("#id_slug") == "a-brand-new-guide"

    # Inlines and the related-items picker (filter_horizontal) on skills and marketplaces.
    skill = live_content_object(page, base, "/admin/skills/skill/", violations)
    assert skill.locator(".inline-group").count() >= 1
    market = live_content_object(page, base, "/admin/marketplaces/marketplace/", violations)
    assert market.locator(".selector-available, .selector").count() >= 1  # SelectFilter2 ran

    # A guide: edit the English body in its tab with the live preview, then save.
    guide = Guide.objects.get(slug="what-is-freelancing")
    shipped_body = guide.body_en
    visit(page, f"{base}/admin/guides/guide/{guide.pk}/change/", violations)
    page.click('a[href="#tab_id_body_en"]')
    page.fill("textarea[name=body_en]", "## Rewritten today\n\nToday's text")
    page.locator("textarea[name=body_en] ~ .markdownx-preview h2#h-rewritten-today").wait_for(timeout=5000)
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist li.success")
    check(page, violations)
    # The guide is live, so the save is a draft (editorial/drafts/): publish it from its form.
    visit(page, f"{base}/admin/guides/guide/{guide.pk}/change/", violations)
    page.click('form[action$="/publish/"] button')
    page.wait_for_selector("ul.messagelist li.success")
    check(page, violations)

    # History: compare the shipped version with today's, then restore the shipped one.
    visit(page, f"{base}/admin/guides/guide/{guide.pk}/history/", violations)
    page.click("#change-history input[type=submit]")
    page.wait_for_load_state("networkidle")
    check(page, violations)
    assert page.locator("pre.highlight ins", has_text="Rewritten today").count() >= 1
    screenshot(page, "admin-compare")
    visit(page, f"{base}/admin/guides/guide/{guide.pk}/history/", violations)
    page.locator("#change-history tbody tr th a").last.click()  # newest first: the last is the shipped text
    page.wait_for_load_state("networkidle")
    check(page, violations)
    page.click('a[href="#tab_id_body_en"]')
    assert page.input_value("textarea[name=body_en]") == shipped_body
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist li.success")
    check(page, violations)
    # Restoring a live item's old version makes it the draft: the live text is today's until it is published.
    guide.refresh_from_db()
    assert guide.body_en.replace("\r\n", "\n") == "## Rewritten today\n\nToday's text"
    visit(page, f"{base}/admin/guides/guide/{guide.pk}/change/", violations)
    page.click('form[action$="/publish/"] button')
    page.wait_for_selector("ul.messagelist li.success")
    check(page, violations)
    guide.refresh_from_db()
    assert guide.body_en.replace("\r\n", "\n") == shipped_body  # browsers send textareas with CRLF

    visit(page, f"{base}/en/guides/what-is-freelancing/", violations)
    assert page.locator("h2#h-rewritten-today").count() == 0
    assert violations == []
    watcher.assert_clean()
    context.close()


def live_content_object(page, base, changelist, violations):
    visit(page, base + changelist, violations)
    page.click("#result_list tbody tr:first-child th a")
    page.wait_for_load_state("networkidle")
    check(page, violations)
    return page


def test_staff_sign_in_with_a_password_and_a_code_on_a_phone(browser, live_content, django_user_model, settings, watch):
    from io import StringIO

    from django.core.management import call_command
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.STAFF_SECOND_FACTOR_REQUIRED = True
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    call_command("add_second_factor", "editor", stdout=StringIO())
    device = TOTPDevice.objects.get(user=user)
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watch(page, live_content.url)
    violations = []

    visit(page, live_content.url + "/admin/", violations)
    assert "/admin/login/" in page.url
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    page.click("input[type=submit]")  # the password alone is not enough
    assert page.locator(".errornote").count() >= 1
    assert "/admin/login/" in page.url
    check(page, violations)
    page.fill("#id_password", "pw-editor-123")
    page.fill("#id_otp_token", f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    check(page, violations)
    assert violations == []
    context.close()
