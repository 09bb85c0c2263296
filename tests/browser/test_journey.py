"""The reader's path in a real browser, at a phone's and a desktop's size, with and without JavaScript."""

import pytest

from .conftest import DESKTOP, PHONE, assert_bengali_drawn_with_webfont, assert_fits, screenshot
from .journey import walk_reader_path


# Readers' pages ship no script, so layout is the same with or without JavaScript; what the run
# without it proves (links and GET forms work) does not depend on the screen, so it runs on a phone.
@pytest.mark.parametrize(
    ("viewport", "javascript"),
    [(PHONE, True), (DESKTOP, True), (PHONE, False)],
    ids=["phone", "desktop", "phone-no-js"],
)
def test_reader_path_fits_uses_the_bengali_webfont_and_loads_cleanly(
    browser, live_content, watch, viewport, javascript
):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    watcher = watch(page, live_content.url)
    steps = []

    def visit(page, step):
        steps.append(step)
        screenshot(page, f"path-{viewport['width']}-{'js' if javascript else 'nojs'}-{step}")
        assert_fits(page, viewport)
        # Bangla pages: the bold heading and the regular-weight menu; on English pages the
        # switcher's "বাংলা" is the Bangla there is.
        if step.startswith("bn-"):
            assert_bengali_drawn_with_webfont(page, "h1")
            assert_bengali_drawn_with_webfont(page, ".main-nav a")
        else:
            assert_bengali_drawn_with_webfont(page, ".language-switch a[lang=bn]")
        watcher.assert_clean()

    walk_reader_path(page, live_content.url, visit)
    context.close()
    assert len(steps) == 17, steps
