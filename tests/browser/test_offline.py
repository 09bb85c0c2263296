"""Offline reading in the real browser, on a 360 px phone: the service worker keeps what a reader
opened, the start-here path can be saved with one button, the offline page speaks Bangla, a new
deployment replaces the old caches, and Chrome finds the site installable."""

import re
import time

import pytest

from freelanceguide import offline, page_cache
from guides.models import Guide

from .conftest import PHONE, assert_fits, screenshot


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def wait_for_worker(page):
    """Until the service worker controls the page (it claims pages as soon as it is active)."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)


def kept_urls(page):
    return page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                if (!name.startsWith('fg-pages-')) continue;
                for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
            }
            return urls.sort();
        }"""
    )


def eventually(page, script, arg=None, timeout=20):
    """Poll an async script until it returns something true (page.evaluate awaits promises)."""
    deadline = time.monotonic() + timeout
    while not (result := page.evaluate(script, arg)):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {script}"
        page.wait_for_timeout(200)
    return result


def wait_until_kept(page, paths):
    eventually(
        page,
        """async (paths) => {
            for (const name of await caches.keys()) {
                if (!name.startsWith('fg-pages-')) continue;
                const cache = await caches.open(name);
                const found = await Promise.all(paths.map((p) => cache.match(p)));
                if (found.every(Boolean)) return true;
            }
            return false;
        }""",
        paths,
    )


def cache_names(page):
    return page.evaluate("caches.keys()")


def test_opened_guides_read_offline_and_others_show_the_offline_page_in_bangla(phone, live_content):
    page = phone.new_page()
    base = live_content.url
    page.goto(base + "/bn/")
    wait_for_worker(page)
    # The page that installed the worker is kept too, though the worker did not see it load.
    wait_until_kept(page, ["/bn/"])
    guides = ["/bn/guides/what-is-freelancing/", "/bn/guides/what-you-need/"]
    titles = {}
    for path in guides:
        page.goto(base + path)
        titles[path] = page.locator("h1").inner_text()
    wait_until_kept(page, guides)

    phone.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == titles[guides[1]]
    page.goto(base + guides[0])
    assert page.locator("h1").inner_text() == titles[guides[0]]
    assert page.locator(".prose p").count() > 3, "the kept guide should open whole"
    assert_fits(page, PHONE)

    # A page never opened: the offline page, in Bangla, listing what can be read.
    page.goto(base + "/bn/skills/web-design/")
    assert page.evaluate("document.documentElement.lang") == "bn"
    assert page.locator("h1").inner_text() == "সংযোগ নেই"
    listed = page.locator("[data-offline-list] a")
    listed.first.wait_for()
    links = listed.evaluate_all("links => links.map((a) => [a.getAttribute('href'), a.textContent])")
    assert {href for href, _title in links} >= set(guides)
    assert {title for _href, title in links} >= set(titles.values())
    assert_fits(page, PHONE)
    screenshot(page, "offline-page-bn")


def test_the_path_is_saved_with_one_button_and_read_offline(phone, live_content):
    page = phone.new_page()
    base = live_content.url
    page.goto(base + "/bn/")
    wait_for_worker(page)
    links = page.locator("ol.path li a")
    path = [
        (href, text)
        for href, text in zip(
            links.evaluate_all("as => as.map((a) => a.getAttribute('href'))"), links.all_inner_texts(), strict=True
        )
    ]
    assert len(path) >= 5
    button = page.get_by_role("button", name="অফলাইনে পড়ার জন্য এই গাইডগুলো রাখুন")
    assert button.is_visible()
    button.click()
    page.get_by_role("status").filter(has_text="সংযোগ ছাড়াই").wait_for(timeout=30_000)
    assert set(kept_urls(page)) >= {href for href, _text in path}

    phone.set_offline(True)
    for href, title in path:
        page.goto(base + href)
        assert page.locator("h1").inner_text() == title, href
        # The guide's body is the first .prose; answered questions below it carry their own.
        assert page.locator(".prose").first.inner_text().strip(), href


def test_saving_asks_first_when_it_costs_more_than_a_megabyte(phone, live_content):
    page = phone.new_page()
    page.goto(live_content.url + "/bn/")
    wait_for_worker(page)
    button = page.locator("[data-save-path]")
    button.evaluate("b => { b.dataset.bytes = '2500000'; }")
    wait_until_kept(page, ["/bn/"])  # the first page, kept once the worker runs
    before = kept_urls(page)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    button.click()
    page.wait_for_timeout(500)
    assert asked == [button.get_attribute("data-ask")], asked
    assert re.search(r"মেগাবাইট", asked[0]), asked
    assert page.get_by_role("status").inner_text() == ""
    assert kept_urls(page) == before, "declining must download nothing more"


def test_saving_asks_first_with_the_data_saver_on(browser, live_content):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    page.goto(live_content.url + "/bn/")
    wait_for_worker(page)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("[data-save-path]").click()
    page.wait_for_timeout(500)
    assert asked, "with the data saver on, saving must ask even below 1 MB"
    context.close()


def test_a_new_deployment_replaces_the_old_caches(phone, live_content, monkeypatch):
    page = phone.new_page()
    base = live_content.url
    guide = "/bn/guides/what-is-freelancing/"
    page.goto(base + "/bn/")
    wait_for_worker(page)
    page.goto(base + guide)
    wait_until_kept(page, [guide])
    old = page_cache.DEPLOYMENT_FINGERPRINT
    assert f"fg-pages-{old}" in cache_names(page)

    # A new release: new fingerprint (new worker code), and the guide's text changed with it.
    monkeypatch.setattr(page_cache.fingerprint, "DEPLOYMENT_FINGERPRINT", "next-release-01")
    offline.worker_bodies.cache_clear()
    Guide.objects.filter(slug="what-is-freelancing").update(title_bn="নতুন সংস্করণের শিরোনাম")
    page_cache.bump_content_version()
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    eventually(page, "async (old) => !(await caches.keys()).some((name) => name.endsWith(old))", old)
    wait_until_kept(page, [guide])
    assert all(name.endswith("next-release-01") for name in cache_names(page)), cache_names(page)

    phone.set_offline(True)
    page.goto(base + guide)
    assert page.locator("h1").inner_text() == "নতুন সংস্করণের শিরোনাম", "the reader must not be left on the old text"
    offline.worker_bodies.cache_clear()


def test_chrome_finds_the_site_installable(browser_type, browser_type_launch_args, live_content, tmp_path):
    # A profile on disk: Chrome never offers to install from an incognito (throwaway) context.
    context = browser_type.launch_persistent_context(tmp_path / "profile", viewport=PHONE, **browser_type_launch_args)
    page = context.new_page()
    page.goto(live_content.url + "/bn/")
    wait_for_worker(page)
    cdp = context.new_cdp_session(page)
    try:
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        manifest = cdp.send("Page.getAppManifest")
    finally:
        cdp.detach()
        context.close()
    assert errors == [], errors
    assert manifest["url"].endswith("/manifest-bn.webmanifest")
    assert not manifest.get("errors"), manifest.get("errors")


def test_staff_pages_and_the_admin_are_never_kept(phone, live_content, admin_user):
    page = phone.new_page()
    base = live_content.url
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.goto(base + "/bn/guides/what-you-need/")
    wait_for_worker(page)
    page.goto(base + "/bn/guides/what-is-freelancing/")
    page.goto(base + "/admin/")
    page.wait_for_timeout(1000)
    kept = kept_urls(page)
    assert not [url for url in kept if url.startswith("/admin")], kept
    assert "/bn/guides/what-is-freelancing/" not in kept, "a page rendered for staff must not be kept"


def test_without_javascript_nothing_changes(browser, live_content):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_content.url + "/bn/")
    assert not page.locator("[data-save-path]").is_visible(), "the save button needs the worker"
    book = page.locator(".take-away a[href='/bn/guides/start-here.pdf']")
    assert book.is_visible()
    page.goto(live_content.url + "/bn/guides/what-is-freelancing/")
    assert page.locator("h1").is_visible()
    context.close()
