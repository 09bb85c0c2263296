"""axe-core on every page of the reader's path: no violation of any WCAG 2.x A/AA rule or best practice.

The site's CSP rightly refuses injected scripts, so axe runs in a context that bypasses the CSP;
that context is used for nothing else (the CSP itself is exercised by the other browser tests).
"""

import pytest

from tests.checkers import AXE_JS, add_page_variants, require_npm_checker

from .conftest import DESKTOP, PHONE
from .journey import walk_reader_path

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Violations, plus contrast that axe could not decide (text over an image, say): AA must be certain.
RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    const undecided = results.incomplete.filter(v => v.id === 'color-contrast');
    return [...results.violations, ...undecided].map(v => `${v.id} (${v.impact}): ${v.help}\\n` + v.nodes.map(
        n => `    ${n.target.join(' ')}: ${(n.failureSummary || n.any.map(c => c.message).join(' ')).replaceAll('\\n', ' ')}`
    ).join('\\n'));
}"""
# Pages a reader meets off the path: lists, a filter it did not understand, four side by side,
# a bad comparison, a missing page; then untranslated pages and old fees (add_page_variants).
OTHER_PAGES = [
    "/{lang}/guides/",
    "/{lang}/offline/",
    "/{lang}/skills/?phone=on&difficulty=nonsense",
    "/{lang}/marketplaces/compare/?m=upwork&m=fiverr&m=freelancer-com&m=guru",
    "/{lang}/marketplaces/compare/?m=upwork&m=nosuch",
    "/{lang}/guides/no-such-guide/",
    "/{lang}/learn/",
    "/{lang}/learn/?free=1&women=nonsense",
    "/{lang}/learn/her-power/",
    "/{lang}/path/",
    "/{lang}/path/?device=phone&english=little&budget=none&like=writing&net=mobile",
    "/{lang}/path/?device=shared&english=simple&hours=10to20&like=design&like=video&zz=1",
    "/{lang}/money/?m=fiverr&route=payoneer-bkash&price=100",
    "/{lang}/money/?view=all&price=100",
    "/{lang}/money/?want=10000",
    "/{lang}/money/?m=nosuch&price=-1&rate=x&want=0",
    "/{lang}/glossary/",
    "/{lang}/glossary/escrow/",
    "/{lang}/search/?q=protarona",
    "/{lang}/offer-check/",
    "/{lang}/account-check/",
    "/{lang}/account-check/?m=upwork&a=household-accounts&a=vpn",
    "/{lang}/proposal-check/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_nothing_on_the_readers_path(browser, live_content, viewport):
    require_npm_checker(AXE_JS)
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    context.add_init_script(path=str(AXE_JS))  # sent to the browser once, run on every page
    page = context.new_page()
    found = {}

    def visit(page, step):
        violations = page.evaluate(RUN_AXE, RULES)
        if violations:
            found[f"{step} {page.url}"] = violations

    walk_reader_path(page, live_content.url, visit)
    others = OTHER_PAGES + add_page_variants()  # after the walk, which is the shipped content's
    for url in dict.fromkeys(path.format(lang=lang) for path in others for lang in ("bn", "en")):
        response = page.goto(live_content.url + url)
        assert response.status == (404 if "no-such" in url else 200), url
        visit(page, url)
    context.close()
    report = "\n".join(f"{where}:\n  " + "\n  ".join(violations) for where, violations in found.items())
    assert found == {}, report
