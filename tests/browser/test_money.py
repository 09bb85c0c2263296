"""The money calculator on a 360 px phone, with and without JavaScript: a reader on Fiverr's page
follows the calculator link, picks Payoneer to bKash, types ১০০ in Bangla digits and sees each
deduction, the taka in hand and the days; then every marketplace side by side, then the reverse."""

import pytest

from .conftest import PHONE, assert_fits, screenshot
from .journey import follow


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_money_on_a_phone(browser, live_content, watch, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    watcher = watch(page, live_content.url)
    page.goto(live_content.url + "/bn/marketplaces/fiverr/")
    follow(page, page.locator('a[href="/bn/money/?m=fiverr"]'))
    assert page.locator("#id_m").input_value() == "fiverr"
    page.select_option("#id_route", label="পেওনিয়ার, তারপর বিকাশে")
    page.fill("#id_price", "১০০")
    follow(page, page.get_by_role("button", name="হিসাব করুন"))
    answer = page.locator(".money-answer")
    # Each deduction, the taka in hand and the days, in Bangla digits (hand-worked in tests/marketplaces/test_money.py).
    assert answer.locator("table.steps tbody tr").count() == 6  # price, fee, 2 steps, conversion, incentive
    # The shipped rate, 122.81 (28 Sep 2026): 77 x 122.81 x 0.97 = 9,172.68; 79 x 122.81 x 0.98 = 9,507.95.
    assert "৳৯,১৭৩–৳৯,৫০৮" in answer.locator(".in-hand").inner_text()
    assert "১৪–১৭" in answer.inner_text()
    assert_fits(page, PHONE)
    screenshot(page, f"money-forward-{'js' if javascript else 'nojs'}")

    follow(page, page.get_by_role("button", name="সব মার্কেটপ্লেস তুলনা করুন"))
    ranking = page.locator("#side-by-side")
    # Every marketplace with checked payout costs: Upwork, Fiverr, Freelancer.com, PeoplePerHour.
    assert ranking.locator("table.ranking tbody tr").count() == 4
    assert ranking.locator("svg.bar").first.is_visible()
    assert_fits(page, PHONE)
    screenshot(page, f"money-side-by-side-{'js' if javascript else 'nojs'}")

    page.fill("#id_want", "১০,০০০")
    follow(page, page.get_by_role("button", name="কত দাম চাইবেন, দেখুন"))
    # At 122.81: (10,000 / (122.81 x 0.97) + 3) / 0.8 = 108.681, rounded up to $108.69 (tests/marketplaces/test_money.py).
    assert "$১০৮.৬৯" in page.locator("#price-to-ask").inner_text()
    assert_fits(page, PHONE)

    page.fill("#id_want", "দশ হাজার")
    follow(page, page.get_by_role("button", name="কত দাম চাইবেন, দেখুন"))
    assert page.locator("#want-error").is_visible()
    assert page.locator("#id_want").input_value() == "দশ হাজার"
    assert page.locator("#id_want").get_attribute("aria-describedby") == "want-error"
    assert_fits(page, PHONE)
    screenshot(page, f"money-error-{'js' if javascript else 'nojs'}")
    # The largest sum allowed still fits the screen, in both languages.
    for lang in ("bn", "en"):
        page.goto(f"{live_content.url}/{lang}/money/?m=upwork&route=upwork-local-bank&price=1000000")
        assert page.locator(".money-answer").is_visible()
        assert_fits(page, PHONE)
    watcher.assert_clean()
    context.close()
