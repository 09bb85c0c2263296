"""The self-check on a 360 px phone, with and without JavaScript: from the home page's first
screen, a reader answers the questions by their labels, gets a plan, and follows the first
recommended skill."""

import pytest

from .conftest import PHONE, assert_fits, screenshot
from .journey import follow

# The reader: only a phone, little English, no money, likes writing; plus mobile data.
ANSWERS = {
    "bn": ["শুধু একটি ফোন", "অল্প পড়তে পারি", "কিছুই না", "লেখালেখি", "শুধু মোবাইল ডেটা"],
    "en": ["Only a phone", "I read a little", "None", "Writing", "Mobile data only"],
}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_reader_on_a_phone_answers_and_follows_the_first_skill(browser, live_content, watch, lang, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    watcher = watch(page, live_content.url)
    page.goto(f"{live_content.url}/{lang}/")
    link = page.locator("a.self-check-link")
    # On the first screen: no scrolling needed to see it.
    assert link.bounding_box()["y"] + link.bounding_box()["height"] <= PHONE["height"]
    follow(page, link)
    assert page.url.endswith(f"/{lang}/path/"), page.url
    assert_fits(page, PHONE)
    for label in ANSWERS[lang]:
        page.get_by_label(label, exact=True).check()
    follow(page, page.locator("form.self-check button[type=submit]"))
    assert f"/{lang}/path/?" in page.url and "device=phone" in page.url, page.url
    screenshot(page, f"planner-{lang}-{'js' if javascript else 'nojs'}")
    assert_fits(page, PHONE)
    assert page.locator("meta[name=robots]").get_attribute("content") == "noindex"
    # The form is pre-filled with the answers, for changing them.
    for label in ANSWERS[lang]:
        assert page.get_by_label(label, exact=True).is_checked(), label
    assert page.locator(".months-bar").count() == page.locator(".plan-skill").count() >= 2
    first = page.locator(".plan-skill h3 a").first
    name = first.inner_text()
    follow(page, first)
    assert f"/{lang}/skills/" in page.url, page.url
    assert page.locator("h1").inner_text() == name
    assert page.locator(".facts .phone").get_attribute("class") != "phone phone-no"
    watcher.assert_clean()
    context.close()
