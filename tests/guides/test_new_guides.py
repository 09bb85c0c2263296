"""The guides of issue 28 part 2: long enough in both languages, and linked from the guides a
reader meets first."""

import tomllib
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "guides" / "content"
NEW_GUIDES = ["training-academies-and-task-scams", "account-suspended-or-banned", "for-the-family"]
LINKED_FROM = {
    "training-academies-and-task-scams": "mistakes-and-scams",
    "account-suspended-or-banned": "account-safety",
    "for-the-family": "start-step-by-step",
}


def guide(slug):
    with open(CONTENT / f"{slug}.toml", "rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("slug", NEW_GUIDES)
@pytest.mark.parametrize("language", ["bn", "en"])
def test_a_new_guide_has_at_least_600_words_in_each_language(slug, language):
    assert len(guide(slug)[language]["body"].split()) >= 600


@pytest.mark.parametrize("slug", NEW_GUIDES)
def test_a_new_guide_names_its_checked_on_date(slug):
    assert guide(slug)["facts_checked_on"]


@pytest.mark.parametrize(("slug", "linker"), LINKED_FROM.items())
@pytest.mark.parametrize("language", ["bn", "en"])
def test_a_new_guide_is_linked_from_a_guide_on_the_reader_path(slug, linker, language):
    assert f"(/{language}/guides/{slug}/)" in guide(linker)[language]["body"]
