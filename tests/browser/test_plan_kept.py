"""A plan kept on a 360 px phone (static/js/plan.js): keep it, tick two steps, reload, go offline,
reload, and the ticks are still there; editors change the steps and the ticks of the steps that
remain survive; the link carries plan and ticks to another phone; one button clears it all. And
without JavaScript: a plain checklist that prints on one A4 sheet."""

import re

import pytest

from freelanceguide import page_cache
from planner.models import Advice, AdviceKind

from .conftest import PHONE, assert_fits, screenshot
from .test_offline import eventually, wait_for_worker, wait_until_kept

PLAN = "/bn/path/?device=phone&english=little&budget=none&like=writing&net=mobile"
# Layout shifts since the page started loading (the home page's "your plan" must not cause one).
LAYOUT_SHIFT = """() => new Promise((done) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; })
        .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done(total), 300);
})"""


def ticked(page):
    return page.locator("[data-step]:checked").evaluate_all("boxes => boxes.map((b) => b.dataset.step)")


def steps(page):
    return page.locator("[data-step]").evaluate_all("boxes => boxes.map((b) => b.dataset.step)")


def next_step(page):
    return page.locator(".checklist li:has([data-next]:not([hidden])) [data-step]").get_attribute("data-step")


def label_of(page, step):
    return page.locator(f"label[for='step-{step}']").inner_text()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def test_a_kept_plan_keeps_its_ticks_through_reloads_offline_and_editors_changes(browser, phone, live_content, watch):
    base = live_content.url
    page = phone.new_page()
    watcher = watch(page, base)
    page.goto(base + PLAN)
    wait_for_worker(page)
    ids = steps(page)
    assert len(ids) >= 6 and len(set(ids)) == len(ids)
    total = len(ids)
    progress = page.locator("[data-plan-progress]")
    assert re.fullmatch(r"[০-৯]+টি ধাপের ০টি শেষ", progress.inner_text()), progress.inner_text()

    keep = page.locator("[data-keep-plan]")
    assert keep.inner_text() == "এই পরিকল্পনা রাখুন"
    keep.click()
    assert keep.get_attribute("aria-pressed") == "true"
    wait_until_kept(page, [PLAN])
    # Two ticks, by each checkbox's label as a reader (or a screen reader) finds it.
    first, third = ids[0], ids[2]
    page.get_by_role("checkbox", name=label_of(page, first)).check()
    page.get_by_label(label_of(page, third)).check()
    assert progress.inner_text().endswith("২টি শেষ")
    assert next_step(page) == ids[1]
    assert_fits(page, PHONE)
    screenshot(page, "plan-kept-bn")

    page.reload()
    assert ticked(page) == [first, third]
    # The home page says where the reader is, in Bangla digits, without moving the page.
    page.goto(base + "/bn/")
    my_plan = page.locator("[data-my-plan] a")
    my_plan.wait_for()
    assert my_plan.inner_text().startswith("আপনার পরিকল্পনা: সপ্তাহ ১, পরের ধাপ: "), my_plan.inner_text()
    assert my_plan.inner_text().endswith(Advice.objects.get(slug=ids[1]).title_bn)
    assert page.evaluate(LAYOUT_SHIFT) == 0
    assert_fits(page, PHONE)

    phone.set_offline(True)
    page.goto(base + PLAN)
    page.reload()
    assert ticked(page) == [first, third]
    assert progress.inner_text().endswith("২টি শেষ")
    page.goto(base + "/bn/")
    page.locator("[data-my-plan] a").wait_for()
    assert page.locator("[data-my-plan] a").get_attribute("href") == PLAN
    phone.set_offline(False)

    # Editors add a step before the ticked ones and withdraw an unticked one.
    Advice.objects.create(
        slug="week-1-a-new-first-step",
        kind=AdviceKind.STEP,
        week=1,
        position=0,
        title_bn="নতুন প্রথম ধাপ",
        title_en="A new first step",
    )
    Advice.objects.filter(slug=ids[1]).update(published=False)
    page_cache.bump_content_version()
    # A kept page opens at once and is refreshed behind it: the next visit shows the new steps.
    page.goto(base + PLAN)
    for _attempt in range(20):
        if "week-1-a-new-first-step" in steps(page):
            break
        page.wait_for_timeout(300)
        page.reload()
    changed = steps(page)
    assert "week-1-a-new-first-step" in changed and ids[1] not in changed
    assert ticked(page) == [first, third]
    assert progress.inner_text() == f"{digits(total)}টি ধাপের ২টি শেষ"
    assert next_step(page) == "week-1-a-new-first-step"

    # The link: answers in the query string, ticks in a short fragment, nothing else.
    page.locator("[data-copy-plan]").click()
    link = page.locator("[data-plan-link]").input_value()
    assert link.startswith(base + PLAN + "#done=")
    assert re.fullmatch(r"[0-9a-z]{8}", link.split("#done=")[1]), link
    other = browser.new_context(viewport=PHONE)
    try:
        elsewhere = other.new_page()
        elsewhere.goto(link)
        elsewhere.locator("[data-plan-buttons]:not([hidden])").wait_for()
        assert ticked(elsewhere) == [first, third]
        assert elsewhere.locator("[data-keep-plan]").get_attribute("aria-pressed") == "true"
        assert "#" not in elsewhere.url
    finally:
        other.close()

    # One place clears everything on this phone.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-clear-plan]").click()
    page.get_by_role("status").filter(has_text="মুছে ফেলা হয়েছে").wait_for()
    assert ticked(page) == []
    assert page.evaluate("[localStorage.getItem('fg-plan'), localStorage.getItem('fg-ticks')]") == [None, None]
    eventually(
        page,
        """async (plan) => { for (const n of await caches.keys()) if (await (await caches.open(n)).match(plan)) return false; return true; }""",
        PLAN,
    )
    page.goto(base + "/bn/")
    assert page.locator("[data-my-plan] a").is_hidden()
    watcher.assert_clean()


def digits(number):
    return str(number).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))


def test_without_javascript_the_plan_is_a_printable_checklist_on_one_a4_sheet(browser, live_content):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_content.url + PLAN)
        boxes = page.locator("[data-step]")
        assert boxes.count() >= 6
        assert all(box.is_disabled() for box in boxes.all()), "without JavaScript a tick could not be kept"
        assert page.locator("[data-plan-buttons]").is_hidden()
        assert "বুকমার্ক" in page.locator("[data-plan-progress]").inner_text()
        assert_fits(page, PHONE)
        page.goto(live_content.url + "/bn/")
        assert page.locator("[data-my-plan] a").is_hidden()
        page.goto(live_content.url + PLAN)
        page.emulate_media(media="print")
        screenshot(page, "plan-print-bn")
        pdf = page.pdf(format="A4", print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert pages == 1, f"the printed plan takes {pages} A4 pages"
    finally:
        context.close()
