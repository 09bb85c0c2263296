"""Normalising: both scripts' spelling variants, joiners, case and digits, and the map back to the reader's text.

Runs on whatever DATABASE_URL names (SQLite by default, PostgreSQL in CI); every assertion
must hold on both.
"""

import pytest

from search.normalise import normalise, normalise_with_map, readable
from search.snippets import highlight
from tests.search.result_pages import YA_PRECOMPOSED, ZWJ, ZWNJ


@pytest.mark.parametrize(
    ("precomposed", "decomposed"),
    [("\u09df", "\u09af\u09bc"), ("\u09dc", "\u09a1\u09bc"), ("\u09dd", "\u09a2\u09bc")],
)
def test_both_spellings_of_ya_rra_rha_normalise_alike(precomposed, decomposed):
    assert normalise(f"ও{precomposed}েব") == normalise(f"ও{decomposed}েব")


def test_zero_width_joiners_and_non_joiners_are_ignored():
    assert normalise(f"র{ZWJ}্যাংকিং") == normalise("র্যাংকিং")
    assert normalise(f"ফাই{ZWNJ}ভার") == "ফাইভার"


def test_case_digits_punctuation_and_spaces():
    assert normalise("  Freelancer.COM!\n\t৯৯ ডিজাইনস।  ") == "freelancer com 99 ডিজাইনস"
    assert normalise("a\x00b%c_d'--;") == "a b c d"
    assert normalise("STRASSE") == normalise("straße")


@pytest.mark.parametrize(
    "text",
    ["", "   ", f"Fiverr (ফাইভার)।  আপ{YA_PRECOMPOSED}ার্ক {ZWJ}x", "Ǆ ß İ ৳ ১২৩ — end.", "a\n\n\nb"],
)
def test_the_mapping_form_gives_the_same_text_and_valid_positions(text):
    text = readable(text)
    normal, where = normalise_with_map(text)
    assert normal == normalise(text)
    assert len(where) == len(normal)
    assert all(0 <= index < len(text) for index in where)
    assert where == sorted(where)


@pytest.mark.parametrize(
    ("text", "normal", "where"),
    [
        # a dropped ZWNJ inside a word, a run of spaces, ড় (two characters) read as র, a comma
        (f"Ab{ZWNJ}c  \u09a1\u09bc, x", "abc র x", [0, 1, 3, 4, 6, 8, 10]),
        # a letter casefolded to two ("ß" -> "ss") maps both to itself
        ("Aß b", "ass b", [0, 1, 1, 2, 3]),
        (f" {ZWNJ} ", "", []),
    ],
)
def test_the_mapping_points_each_character_at_the_one_it_came_from(text, normal, where):
    assert normalise_with_map(text) == (normal, where)


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("কীভাবে", "কিভাবে"),  # ী / ি
        ("ভূল", "ভুল"),  # ূ / ু
        ("ঈদ", "ইদ"),  # ঈ / ই
        ("ব্যানার", "বানার"),  # য-ফলা
        ("বাড়ানো", "বারানো"),  # ড় / র
        ("বাড়ানো", "বাড়ানো"),  # precomposed ড় / ড + nukta
        ("সৎ", "সত"),  # ৎ / ত
        ("খুঁজে", "খুজে"),  # চন্দ্রবিন্দু
        ("প্রতারণা", "প্রতারনা"),  # ণ / ন
        ("শিখুন", "সিখুন"),  # শ / স
        ("বিষয়", "বিসয়"),  # ষ / স
    ],
)
def test_bangla_spelling_variants_normalise_alike(written, typed):
    assert normalise(written) == normalise(typed)


def test_folding_keeps_the_mapping_to_the_readers_text():
    text = readable("যাঁরা ফ্রীল্যান্সিং পড়েন, সৎ থাকুন।")
    normal, where = normalise_with_map(text)
    assert normal == normalise(text) == "যারা ফ্রিলান্সিং পরেন সত থাকুন"
    assert highlight(text, [normalise("ফ্রিল্যান্সিং")]) == ("যাঁরা <mark>ফ্রীল্যান্সিং</mark> পড়েন, সৎ থাকুন।")
