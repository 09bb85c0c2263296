"""A reader on a phone, without JavaScript, finds Fiverr by typing ফাইভার in the header box."""

from .conftest import PHONE, screenshot


def test_a_reader_finds_fiverr_by_typing_its_bangla_name_on_a_phone(browser, live_content, watch):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    watcher = watch(page, live_content.url)
    page.goto(live_content.url + "/bn/guides/getting-paid/")
    page.get_by_label("গাইডে সার্চ করুন").fill("ফাইভার")
    page.locator("form.site-search button[type=submit]").click()
    assert page.url.startswith(live_content.url + "/bn/search/?q=")
    first = page.locator(".search-group .card a").first
    assert first.get_attribute("href") == "/bn/marketplaces/fiverr/"
    assert first.locator("mark").inner_text() == "ফাইভার"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "search-360-bn-fiverr")
    first.click()
    assert page.url == live_content.url + "/bn/marketplaces/fiverr/"
    for path in ("/en/search/?q=web+design", "/bn/search/", "/en/search/?q=" + "a" * 300):
        page.goto(live_content.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        screenshot(page, "search-360-" + path.strip("/").replace("/", "_").replace("?", "_")[:40])
    watcher.assert_clean()
    context.close()
