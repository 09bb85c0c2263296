"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server."""

import io
import os
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.checkers import CHROMIUM, require

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses that by default.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts", "screenshots")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(CHROMIUM, "chromium is not installed (apt-get install -y chromium); browser tests need it")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def live_content(transactional_db, live_server, shipped_content_fixture):
    call_command("loaddata", str(shipped_content_fixture), stdout=io.StringIO())
    return live_server


class PageWatch:
    """Collects what a reader would never want: console errors, failed or foreign requests."""

    def __init__(self, page, origin):
        self.errors, self.failed, self.foreign = [], [], []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        # A request cancelled by navigating away (ERR_ABORTED) is not a failure.
        page.on(
            "requestfailed",
            lambda request: request.failure != "net::ERR_ABORTED" and self.failed.append(request.url),
        )
        page.on(
            "request",
            lambda request: (
                urlsplit(request.url).netloc != urlsplit(origin).netloc
                and not request.url.startswith("data:")
                and self.foreign.append(request.url)
            ),
        )

    def assert_clean(self):
        assert self.errors == [], self.errors
        assert self.failed == [], self.failed
        assert self.foreign == [], self.foreign


@pytest.fixture
def watch():
    return PageWatch


def screenshot(page, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    # JPEG: a tall page encodes in about half the time of PNG, and still shows what went wrong.
    page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.jpg"), full_page=True, type="jpeg", quality=70)


def assert_fits(page, viewport):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{page.url} scrolls sideways: {width}px on a {viewport['width']}px screen"


def assert_bengali_drawn_with_webfont(page, selector):
    """The Bengali in `selector` is drawn with the site's own Noto Sans Bengali, not a fallback.

    document.fonts says the webfont loaded; Chromium's DevTools protocol says which fonts actually
    drew the element's glyphs (a system fallback shows as isCustomFont false). Characters outside
    the webfont's unicode-range (spaces, Latin punctuation) may come from the system font, so any
    other font may draw at most that many glyphs.
    """
    loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Noto Sans Bengali'
                && f.status === 'loaded').map(f => f.weight);
        }"""
    )
    assert loaded, f"{page.url}: the Bengali webfont did not load"
    text = page.locator(selector).first.inner_text()
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    weight = page.locator(selector).first.evaluate("el => getComputedStyle(el).fontWeight")
    assert weight in loaded, f"{page.url}: the Bengali webfont's weight {weight} for {selector} did not load: {loaded}"
    webfont = [f for f in fonts if f["familyName"] == "Noto Sans Bengali" and f["isCustomFont"]]
    assert webfont and webfont[0]["glyphCount"] > 0, f"{page.url} {selector} {text!r} drawn with {fonts}"
    not_bengali = sum(1 for char in text if not ("\u0980" <= char <= "\u09ff" or char in "\u200c\u200d\u0964\u0965"))
    others = sum(f["glyphCount"] for f in fonts if f not in webfont)
    assert others <= not_bengali, f"{page.url} {selector} {text!r}: a fallback font drew Bengali: {fonts}"
