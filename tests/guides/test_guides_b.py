"""The guides on the remittance incentive and on working outside the marketplaces are full guides
in both languages, and the tax guide's return deadline history reaches 2026."""

import tomllib
from pathlib import Path

import pytest
from django.conf import settings

CONTENT = Path(settings.BASE_DIR) / "guides" / "content"


def _guide(slug):
    with open(CONTENT / f"{slug}.toml", "rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("slug", ["remittance-incentive", "work-outside-marketplaces"])
@pytest.mark.parametrize("lang", ["bn", "en"])
def test_each_new_guide_has_at_least_600_words_in_each_language(slug, lang):
    guide = _guide(slug)
    assert guide["slug"] == slug
    words = len(guide[lang]["body"].split())
    assert words >= 600, f"{slug} [{lang}]: {words} words"


def test_the_tax_guide_gives_the_2026_deadline_extensions_with_their_sources():
    guide = _guide("tax-bank-and-law")
    bangla, english = guide["bn"]["body"], guide["en"]["body"]
    assert "৩১ জানুয়ারি ২০২৬" in bangla and "৩১ মার্চ ২০২৬" in bangla
    assert "31 January 2026" in english and "31 March 2026" in english
    for source in ("en.prothomalo.com/business/local/gbsfmi3757", "en.prothomalo.com/bangladesh/iw14ckab06"):
        assert source in bangla and source in english


def test_the_bangla_uses_the_banks_word_for_the_encashment_certificate():
    for slug in ("tax-bank-and-law", "remittance-incentive"):
        bangla = _guide(slug)["bn"]["body"]
        assert "নগদায়ন সনদ" in bangla and "টাকায় বদলের সনদ" not in bangla
