"""Keyboard only, on every page of the reader's path: skip link first, every link and control
reachable with Tab, and a focus ring you can see."""

import re

import pytest

from .conftest import DESKTOP, PHONE
from .journey import walk_reader_path

# Everything a keyboard user must be able to reach; each gets a number so Tab order can be followed.
MARK_FOCUSABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
    const look = el => {
        const style = getComputedStyle(el);
        return {outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow};
    };
    const shown = [...document.querySelectorAll(selector)].filter(el =>
        !el.disabled && el.tabIndex >= 0 && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
    return shown.map((el, index) => {
        el.dataset.kbd = index;
        return {index, what: el.outerHTML.slice(0, 80), ...look(el)};
    });
}"""
# Logs each element Tab focuses, with how it looks focused; pressing Tab then costs one round trip.
LOG_FOCUS = """() => {
    window.focusLog = [];
    document.addEventListener('focusin', () => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const wasOnScreen = (box => box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
            && box.bottom <= innerHeight && box.right <= innerWidth)(el.getBoundingClientRect());
        el.scrollIntoView({block: 'nearest'});  // as the browser does right after this event
        const box = el.getBoundingClientRect();
        // What the ring is drawn on: the first opaque background just outside the element's left edge.
        const x = Math.max(0, box.left - parseFloat(style.outlineOffset || 0) - parseFloat(style.outlineWidth) / 2);
        const behind = document.elementsFromPoint(x, box.top + box.height / 2)
            .filter(other => other !== el && !el.contains(other))
            .map(other => getComputedStyle(other).backgroundColor)
            .find(color => color !== 'rgba(0, 0, 0, 0)') || 'rgb(255, 255, 255)';
        focusLog.push({
            index: el.dataset.kbd === undefined ? null : Number(el.dataset.kbd), id: el.id,
            isSkipLink: el.classList.contains('skip-link'), wasOnScreen,
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, shadow: style.boxShadow,
            ringColor: style.outlineColor, behind,
            ringWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
        });
    });
}"""


def contrast(first, second):
    """WCAG contrast ratio of two opaque CSS rgb() colours."""

    def luminance(color):
        channels = [int(part) / 255 for part in re.findall(r"[\d.]+", color)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def check_keyboard(page, step):
    page.goto(page.url.split("#")[0])  # a fresh page: focus starts at the top
    elements = page.evaluate(MARK_FOCUSABLE)
    assert len(elements) > 3, step

    page.evaluate(LOG_FOCUS)
    # Once round the page: past the last element focus leaves the page, then comes back to the top.
    for _ in range(len(elements) + 2):
        page.keyboard.press("Tab")
    log = page.evaluate("focusLog")
    skip = log[0]
    assert skip["isSkipLink"], f"{step}: Tab reaches {skip} first, not the skip link"
    assert skip["wasOnScreen"], f"{step}: the focused skip link is not visible"
    indexes = [f["index"] for f in log]
    reached = log[: indexes.index(0, 1)] if indexes.count(0) > 1 else log  # up to the wrap
    missing = [e["what"] for e in elements if e["index"] not in indexes]
    assert missing == [], f"{step}: never reached with Tab: {missing}"

    for focused in reached:
        if focused["index"] is None:
            continue
        unfocused = elements[focused["index"]]
        changed = (focused["outline"], focused["shadow"]) != (unfocused["outline"], unfocused["shadow"])
        assert changed and (focused["ringWidth"] >= 2 or focused["shadow"] != "none"), (
            f"{step}: no visible focus ring on {unfocused['what']}: {focused} vs {unfocused}"
        )
        if focused["ringWidth"]:  # WCAG 1.4.11: a focus ring needs 3:1 against what it is drawn on
            ratio = contrast(focused["ringColor"], focused["behind"])
            assert ratio >= 3, f"{step}: focus ring {focused['ringColor']} on {focused['behind']} is {ratio:.2f}:1"

    # The skip link (shown above to be the first Tab stop) moves focus to the main content.
    page.focus(".skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", step
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), step


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_on_the_path_works_by_keyboard(browser, live_content, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    steps = []

    def visit(page, step):
        steps.append(step)
        check_keyboard(page, step)

    walk_reader_path(page, live_content.url, visit)
    context.close()
    assert len(steps) == 17
