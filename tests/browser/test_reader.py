"""A reader on a phone: pages fit the screen, Bangla uses the site's own font, nothing fails."""

import pytest

from .conftest import DESKTOP, PHONE, screenshot
from .journey import follow

PAGES = [
    "/{lang}/",
    "/{lang}/guides/",
    "/{lang}/guides/what-is-freelancing/",
    "/{lang}/skills/",
    "/{lang}/skills/?phone=on&difficulty=beginner",
    "/{lang}/skills/web-design/",
    "/{lang}/marketplaces/",
    "/{lang}/marketplaces/upwork/",
    "/{lang}/marketplaces/compare/?m=upwork&m=fiverr&m=freelancer-com&m=guru",
    "/{lang}/marketplaces/compare/?m=upwork&m=nosuch",
]
PATH = [page.format(lang=lang) for lang in ("bn", "en") for page in PAGES]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_pages_fit_and_load_cleanly(browser, live_content, watch, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    watcher = watch(page, live_content.url)
    for path in PATH:
        page.goto(live_content.url + path)  # waits for "load": the pages run no script of their own
        page.evaluate("document.fonts.ready.then(() => true)")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path} scrolls sideways: {width}px"
        screenshot(page, f"reader-{viewport['width']}-{path.strip('/').replace('/', '_').replace('?', '_')[:60]}")
    watcher.assert_clean()
    for lang in ("bn", "en"):
        # Chromium logs a console error for any 404 document, so this one is checked on its own.
        response = page.goto(f"{live_content.url}/{lang}/guides/no-such-guide/")
        assert response.status == 404
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.evaluate("document.documentElement.lang") == lang
    context.close()


def test_the_site_works_without_javascript(browser, live_content):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_content.url + "/bn/skills/")
    page.check("input[name=phone]")
    follow(page, page.locator("form.filters button[type=submit]"))
    assert "phone=on" in page.url
    page.goto(live_content.url + "/en/marketplaces/")
    for slug in ("upwork", "fiverr", "guru"):
        page.check(f"#m-{slug}")
    follow(page, page.locator("form.compare-picker button[type=submit]"))
    assert page.locator("table.compare th[scope=col]").count() == 3
    follow(page, page.locator(".language-switch a"))
    assert "/bn/marketplaces/compare/" in page.url
    context.close()


def test_a_reader_without_javascript_tells_a_guide_it_was_hard_to_understand(browser, live_content):
    from feedback.models import PageDay, Sentence

    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    guide = "/bn/guides/what-is-freelancing/"
    page.goto(live_content.url + guide)
    before = page.content()
    follow(page, page.locator("[data-feedback] button[value=no]"))
    assert page.evaluate("document.documentElement.lang") == "bn"
    page.check("input[name=reason][value=hard]")
    page.fill("textarea[name=text]", "উদাহরণ আরও দরকার")
    follow(page, page.locator("form[data-feedback] button[type=submit]"))
    assert "ধন্যবাদ" in page.locator("h1").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    follow(page, page.locator(f'main a[href="{guide}"]'))
    assert page.content() == before  # the same cached page, for this reader and the next
    assert PageDay.objects.get(path=guide).hard == 1
    assert Sentence.objects.get(path=guide).text == "উদাহরণ আরও দরকার"
    context.close()
