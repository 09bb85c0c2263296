"""The shipped guides are real answers: long enough in both languages, dated facts, on a topic."""

import datetime
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

GUIDE_FILES = sorted(p for p in (Path(settings.BASE_DIR) / "guides" / "content").glob("*.toml") if p.name[0] != "_")
MIN_WORDS = 600


def _guide(path):
    with open(path, "rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("path", GUIDE_FILES, ids=lambda p: p.stem)
def test_every_guide_has_at_least_600_words_in_each_language(path):
    guide = _guide(path)
    for code, _name in settings.LANGUAGES:
        words = len(guide[code]["body"].split())
        assert words >= MIN_WORDS, f"{path.name} [{code}]: {words} words"


@pytest.mark.parametrize("path", GUIDE_FILES, ids=lambda p: p.stem)
def test_every_guide_says_when_its_facts_were_checked(path):
    checked = _guide(path).get("facts_checked_on")
    assert isinstance(checked, datetime.date), f"{path.name}: facts_checked_on missing or not a TOML date"
    assert checked <= datetime.date.today()


def test_the_nine_beginners_questions_guides_are_shipped():
    slugs = {_guide(path)["slug"] for path in GUIDE_FILES}
    wanted = {
        "freelancer-id-card",
        "tax-bank-and-law",
        "payoneer-and-bkash",
        "first-proposal-and-gig",
        "pricing-your-work",
        "english-for-marketplaces",
        "portfolio-before-first-client",
        "account-safety",
        "myths-and-facts",
    }
    assert wanted <= slugs, f"missing: {sorted(wanted - slugs)}"
