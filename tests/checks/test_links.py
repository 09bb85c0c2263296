"""Where a reader meets a check: the guides and glossary terms that explain what a check looks
at link it, in both languages, in their own text (editors' content, not a template)."""

import re

import pytest

LINKED = {
    "offer-check": ["/guides/mistakes-and-scams/", "/glossary/scam/", "/glossary/off-platform-payment/"],
    "account-check": [
        "/guides/account-safety/",
        "/glossary/account-suspension/",
        "/glossary/identity-verification/",
        "/glossary/off-platform-payment/",
    ],
    "proposal-check": [
        "/guides/first-proposal-and-gig/",
        "/glossary/proposal/",
        "/glossary/cover-letter/",
        "/glossary/gig/",
    ],
}


@pytest.mark.django_db
@pytest.mark.usefixtures("shipped_content_for_class")
class TestPagesThatExplainACheckLinkIt:
    @pytest.mark.parametrize("lang", ["bn", "en"])
    @pytest.mark.parametrize(("check", "path"), [(check, path) for check, paths in LINKED.items() for path in paths])
    def test_the_page_links_the_check_in_its_text(self, client, lang, check, path):
        response = client.get(f"/{lang}{path}")
        assert response.status_code == 200
        prose = "".join(re.findall(r'<div class="prose"[^>]*>(.*?)</div>', response.content.decode(), re.S))
        assert f'href="/{lang}/{check}/"' in prose
