"""An editor in the admin: both language tabs, Markdown with a live preview, the change on the site."""

from .conftest import DESKTOP, screenshot
from .journey import follow


def test_editor_edits_a_guide_in_both_languages_with_live_preview(browser, live_content, django_user_model, watch):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    page = browser.new_page(viewport=DESKTOP)
    watcher = watch(page, live_content.url)
    page.goto(live_content.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-editor-123")
    follow(page, page.locator("input[type=submit]"))  # logged in before the next page is asked for
    page.goto(live_content.url + "/admin/guides/guide/?q=what-is-freelancing")
    page.click("#result_list tbody tr:first-child th a")
    page.wait_for_selector("textarea[name=body_bn]", state="attached")
    change_url = page.url

    # The tabs: one language's body shows at a time.
    english_body = page.locator("textarea[name=body_en]")
    bangla_body = page.locator("textarea[name=body_bn]")
    page.locator('a[href="#tab_id_body_en"]').wait_for()  # the tabs are built by script after load
    page.click('a[href="#tab_id_body_en"]')
    assert english_body.is_visible() and not bangla_body.is_visible()
    english_body.fill("## Preview heading\n\nSome **bold** text <script>alert(1)</script>")
    preview = page.locator("textarea[name=body_en] ~ .markdownx-preview")
    preview.locator("h2#h-preview-heading").wait_for(timeout=5000)
    assert "<script" not in preview.inner_html()
    screenshot(page, "editor-preview-en")

    page.click('a[href="#tab_id_body_bn"]')
    assert bangla_body.is_visible() and not english_body.is_visible()
    bangla_body.fill("## প্রিভিউ শিরোনাম\n\nবাংলা লেখা")
    page.locator("textarea[name=body_bn] ~ .markdownx-preview h2", has_text="প্রিভিউ শিরোনাম").wait_for(timeout=5000)

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success, ul.messagelist li.success")
    watcher.assert_clean()
    # The guide is live, so the save is a draft: readers see it once it is published.
    page.goto(change_url)
    page.click('form[action$="/publish/"] button')
    page.wait_for_selector("ul.messagelist li.success")

    page.goto(live_content.url + "/en/guides/what-is-freelancing/")
    assert page.locator("h2#h-preview-heading").inner_text() == "Preview heading"
    assert page.locator(".prose strong").first.inner_text() == "bold"
    screenshot(page, "editor-saved-reader-en")
    page.goto(live_content.url + "/bn/guides/what-is-freelancing/")
    assert page.locator(".prose h2").first.inner_text() == "প্রিভিউ শিরোনাম"
    assert page.locator(".prose p").first.inner_text() == "বাংলা লেখা"
    screenshot(page, "editor-saved-reader-bn")
    watcher.assert_clean()
