"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server."""

import io
import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses that by default.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts", "screenshots")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM:
        message = "chromium is not installed (apt-get install -y chromium); browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
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
def live_content(transactional_db, live_server):
    call_command("load_content", stdout=io.StringIO())
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
    page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)
