"""The three checks at the marketplace door, walked as a reader on a 360 px phone, with and
without JavaScript, in both languages:

- a search for a scam ("protarona", "scam") offers the offer check; the reader follows it,
  pastes a Banglish Telegram "like and earn" message and is told "danger", with the words quoted;
- from the home page's "check before you act", the account check: a brother with his own Upwork
  account on the same Wi-Fi gets Upwork's rule and what to do;
- from the same box, the proposal check, sent from the keyboard: a template proposal with a
  WhatsApp number gets the template opening and the off-platform contact.

Then axe on each answer page (in a context of its own: axe needs the CSP bypassed).
"""

import pytest

from tests.checkers import AXE_JS, require_npm_checker

from .conftest import PHONE, assert_fits, screenshot
from .journey import follow
from .test_axe import RULES, RUN_AXE

TELEGRAM = "Ghore bose protidin 500 taka income. YouTube video like korle taka. Telegram e join korun: t.me/earnbd24"
TEMPLATE = "Dear Sir, I have read your job description, contact me on WhatsApp 01711223344"
WORDS = {
    "bn": {
        "search": "protarona",
        "search-button": "সার্চ",
        "offer-button": "প্রস্তাব যাচাই করুন",
        "account-button": "আমার অ্যাকাউন্ট যাচাই করুন",
        "proposal-button": "প্রপোজাল যাচাই করুন",
    },
    "en": {
        "search": "scam",
        "search-button": "Search",
        "offer-button": "Check the offer",
        "account-button": "Check my account",
        "proposal-button": "Check the proposal",
    },
}


def check_an_offer_found_by_search(page, origin, lang):
    words = WORDS[lang]
    page.goto(f"{origin}/{lang}/search/")
    page.fill("#search-q", words["search"])
    follow(page, page.locator(".search-form").get_by_role("button", name=words["search-button"]))
    follow(page, page.locator(f'[data-search-tools] a[href="/{lang}/offer-check/"]'))
    page.fill("textarea[name=message]", TELEGRAM)
    follow(page, page.get_by_role("button", name=words["offer-button"]))
    verdict = page.locator("[data-verdict]")
    assert verdict.get_attribute("data-verdict") == "danger"
    flags = page.locator("[data-flag]")
    found = {flags.nth(i).get_attribute("data-flag") for i in range(flags.count())}
    assert {"paid-tasks", "move-to-chat"} <= found, found
    # The reasons quote the reader's own words.
    assert "like korle taka" in page.locator('[data-flag="paid-tasks"]').inner_text()
    assert "Telegram" in page.locator('[data-flag="move-to-chat"]').inner_text()
    # What was pasted comes back in the form, so the reader can change it.
    assert page.locator("textarea[name=message]").input_value() == TELEGRAM


def check_an_account_from_home(page, origin, lang):
    page.goto(f"{origin}/{lang}/")
    follow(page, page.locator(f'[data-checks] a[href="/{lang}/account-check/"]'))
    page.check("input[name=m][value=upwork]")
    page.check("input[name=a][value=household-accounts]")
    follow(page, page.get_by_role("button", name=WORDS[lang]["account-button"]))
    assert "m=upwork" in page.url and "a=household-accounts" in page.url
    finding = page.locator('[data-finding="household-accounts"]')
    assert finding.is_visible()
    assert finding.locator('[data-rule="upwork"]').count() >= 1
    assert finding.locator('[data-rule="fiverr"]').count() == 0  # only the reader's marketplaces
    assert page.locator('[data-appeal="upwork"]').is_visible()
    # The answers stay ticked for the reader to change.
    assert page.locator("input[name=a][value=household-accounts]").is_checked()


def check_a_proposal_by_keyboard(page, origin, lang):
    page.goto(f"{origin}/{lang}/")
    follow(page, page.locator(f'[data-checks] a[href="/{lang}/proposal-check/"]'))
    page.fill("textarea[name=proposal]", TEMPLATE)
    button = page.get_by_role("button", name=WORDS[lang]["proposal-button"])
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[data-result]").get_attribute("data-result") == "work-on-it"
    findings = page.locator("[data-finding]")
    codes = {findings.nth(i).get_attribute("data-finding") for i in range(findings.count())}
    assert {"template-opening", "off-platform-contact"} <= codes, codes
    assert "01711223344" in page.locator('[data-finding="off-platform-contact"]').inner_text()


PATHS = {"offer": check_an_offer_found_by_search, "account": check_an_account_from_home}
PATHS["proposal"] = check_a_proposal_by_keyboard


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_three_checks_on_a_phone(browser, live_content, watch, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    watcher = watch(page, live_content.url)
    for lang in ("bn", "en"):
        for name, walk in PATHS.items():
            walk(page, live_content.url, lang)
            assert page.locator("html").get_attribute("lang") == lang
            assert_fits(page, PHONE)
            if lang == "bn":
                screenshot(page, f"check-{name}-{'js' if javascript else 'nojs'}")
    watcher.assert_clean()
    context.close()


def test_axe_finds_nothing_on_the_checks_answers(browser, live_content):
    require_npm_checker(AXE_JS)
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    found = {}
    for lang in ("bn", "en"):
        for name, walk in PATHS.items():
            walk(page, live_content.url, lang)
            if violations := page.evaluate(RUN_AXE, RULES):
                found[f"{lang} {name} {page.url}"] = violations
    context.close()
    assert found == {}, "\n".join(f"{where}:\n  " + "\n  ".join(violations) for where, violations in found.items())
