"""The reader's path, walked by clicking what a reader would click.

home -> the first guide on the start-here path -> its "next" guide -> a skill from that guide's
related skills -> a marketplace that buys the skill -> the marketplace list, where the reader ticks
three of the skill's marketplaces and presses Compare -> a search for "ফাইভার" typed in the
header box, which must find Fiverr first, then back to the comparison. First in Bangla; then the
language switcher takes the comparison to English and the same path is walked again in English
(where the Bangla spelling must find Fiverr too).

`visit(page, step)` is called on every page (step is "bn-home", "en-skill", ...), so the same walk
serves the plain checks, the check without JavaScript, keyboard checks and axe.
"""

import re

BENGALI = re.compile(r"[\u0980-\u09FF]")


def walk_reader_path(page, origin, visit):
    page.goto(origin + "/bn/")
    compared = _walk_one_language(page, "bn", visit)

    follow(page, page.locator(".language-switch a[hreflang=en]"))
    assert re.search(r"/en/marketplaces/compare/\?", page.url), page.url
    _assert_language(page, "en")
    # The switcher keeps the reader's choice: the same three, now with English names.
    assert page.locator("table.compare th[scope=col] a").count() == len(compared)
    assert page.locator("form.compare-picker input:checked").count() == len(compared)
    visit(page, "en-compare-after-switch")

    follow(page, page.locator(".site-header .brand"))
    _walk_one_language(page, "en", visit)


def _walk_one_language(page, lang, visit):
    def step(name):
        _assert_language(page, lang)
        visit(page, f"{lang}-{name}")

    assert page.url.endswith(f"/{lang}/"), page.url
    step("home")

    first = page.locator("ol.path li a").first
    href = first.get_attribute("href")
    follow(page, first)
    assert page.url.endswith(href), page.url
    step("guide-first")

    next_link = page.locator(".pager a[rel=next]")
    href = next_link.get_attribute("href")
    follow(page, next_link)
    assert page.url.endswith(href), page.url
    step("guide-next")

    follow(page, page.locator(".related .cards a[href*='/skills/']").first)
    assert f"/{lang}/skills/" in page.url, page.url
    step("skill")

    sellers = page.locator("section[aria-labelledby=sell-heading] .cards a")
    names = sellers.all_inner_texts()[:3]
    assert len(names) == 3, f"{page.url} should list at least three marketplaces that buy the skill: {names}"
    follow(page, sellers.first)
    assert f"/{lang}/marketplaces/" in page.url, page.url
    assert page.locator("h1").inner_text() == names[0]
    step("marketplace")

    follow(page, page.locator(".breadcrumbs li:nth-child(2) a"))
    assert page.url.endswith(f"/{lang}/marketplaces/"), page.url
    step("marketplaces")

    # The comparison form, filled in as a reader would: by the marketplaces' names.
    for name in names:
        page.get_by_label(name, exact=True).check()
    follow(page, page.locator("form.compare-picker button[type=submit]"))
    assert f"/{lang}/marketplaces/compare/?" in page.url, page.url
    assert page.locator("table.compare th[scope=col]").all_inner_texts() == names
    step("compare")
    comparison = page.url

    page.locator("form.site-search input[name=q]").fill("ফাইভার")
    follow(page, page.locator("form.site-search button[type=submit]"))
    assert f"/{lang}/search/?q=" in page.url, page.url
    first = page.locator(".search-group .card a").first
    assert first.get_attribute("href") == f"/{lang}/marketplaces/fiverr/"
    step("search")
    # Back to the comparison (by address: a step's checks may have added history entries).
    page.goto(comparison)
    return names


def follow(page, link):
    """Click a link or button that loads a page, and wait until that page has loaded."""
    with page.expect_navigation():
        link.click()


def _assert_language(page, lang):
    assert page.locator("html").get_attribute("lang") == lang, page.url
    if lang == "bn":
        assert BENGALI.search(page.locator("h1").inner_text()), f"{page.url}: the Bangla page's heading is not Bangla"
