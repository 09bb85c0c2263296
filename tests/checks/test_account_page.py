"""The account check in both languages, on the shipped risks, rules and appeal routes."""

import re
from datetime import date
from types import SimpleNamespace

import pytest

from checks.account_page import rules_for
from checks.models import AccountRisk, AccountRule, AppealRoute
from marketplaces.models import Marketplace

FINDING = re.compile(r'data-finding="([\w-]+)"')
RULE = re.compile(r'data-rule="([\w-]+)"')
APPEAL = re.compile(r'data-appeal="([\w-]+)"')


@pytest.mark.parametrize(
    ("lang", "advice"),
    [
        ("bn", "একই ব্রাউজারে কখনো দুজনের অ্যাকাউন্টে ঢুকবেন না"),
        ("en", "never open both accounts in the same browser"),
    ],
)
def test_a_brother_on_the_same_wifi_with_his_own_upwork_account(client, shipped_content, lang, advice):
    response = client.get(f"/{lang}/account-check/", {"m": "upwork", "a": "household-accounts"})
    html = response.content.decode()
    assert response.status_code == 200
    assert FINDING.findall(html) == ["household-accounts"]
    assert RULE.findall(html) == ["upwork"]  # the marketplace the reader uses, not every one
    assert "https://support.upwork.com/hc/en-us/articles/39505058710163" in html  # the rule's own source
    assert advice in html
    assert APPEAL.findall(html) == ["upwork"]
    assert '<meta name="robots" content="noindex">' in html


def test_without_a_marketplace_every_marketplaces_rule_is_shown(client, shipped_content):
    html = client.get("/en/account-check/", {"a": "vpn"}).content.decode()
    assert RULE.findall(html) == ["upwork", "fiverr", "peopleperhour"]
    assert len(APPEAL.findall(html)) == AppealRoute.objects.count() == 6


def test_no_risk_ticked_says_so_and_still_shows_the_appeal_route(client, shipped_content):
    html = client.get("/bn/account-check/", {"m": "fiverr"}).content.decode()
    assert 'data-account-result="0"' in html and not FINDING.findall(html)
    assert APPEAL.findall(html) == ["fiverr"]


def test_the_empty_form_asks_every_question_and_is_for_search_engines(client, shipped_content):
    response = client.get("/bn/account-check/")
    html = response.content.decode()
    assert response.status_code == 200 and "noindex" not in html
    assert html.count('name="a"') == AccountRisk.objects.count() == 11
    assert html.count('name="m"') == Marketplace.objects.published().count()
    assert 'method="get"' in html


@pytest.mark.parametrize("params", [{"a": "no-such-risk"}, {"m": "<b>x</b>"}])
def test_an_unknown_answer_is_a_bangla_form_error_never_a_500(client, shipped_content, params):
    response = client.get("/bn/account-check/", params)
    html = response.content.decode()
    assert response.status_code == 400
    assert "তালিকায় নেই" in html and "<b>x</b>" not in html


def test_every_shipped_rule_names_its_source_and_date(shipped_content):
    rows = [*AccountRule.objects.all(), *AppealRoute.objects.all()]
    assert rows
    for row in rows:
        assert row.source_url.startswith("https://") and row.source_name
        assert date(2025, 1, 1) <= row.checked_on <= date(2026, 12, 7)
        assert row.rule_bn if isinstance(row, AccountRule) else row.route_bn


def test_rules_for_keeps_the_readers_marketplaces_or_falls_back_to_all():
    rows = [SimpleNamespace(marketplace=SimpleNamespace(slug=slug)) for slug in ("upwork", "fiverr")]
    assert rules_for(rows, {"fiverr"}) == rows[1:]
    assert rules_for(rows, set()) == rows
    assert rules_for(rows, {"guru"}) == rows  # none of theirs: what the others do still helps


def test_the_bangla_count_of_risks_is_in_bangla_digits(client, shipped_content):
    html = client.get("/bn/account-check/", {"a": ["vpn", "names-differ"]}).content.decode()
    assert "ঠিক করার মতো ২টি ঝুঁকি" in html
