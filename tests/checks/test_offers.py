"""The offer check's judgement, on plain records (no database)."""

from dataclasses import dataclass

import pytest

from checks.offers import CAUTION, DANGER, NONE, find_flags, names_found, verdict
from checks.text import PasteError, read_pasted


@dataclass(frozen=True)
class Flag:
    slug: str
    weight: int
    phrases: tuple

    def phrase_list(self):
        return self.phrases


FLAGS = [
    Flag("paid-tasks", 3, ("video like", "like korle taka", "ভিডিও লাইক")),
    Flag("move-to-chat", 2, ("telegram", "whatsapp", "t me")),
    Flag("fixed-income", 2, ("protidin # taka", "প্রতিদিন # টাকা")),
    Flag("mobile-wallet", 1, ("bkash", "বিকাশ")),
]
TELEGRAM = (
    "Assalamualaikum! Ghore bose protidin 500-1000 taka income korun. Shudhu YouTube video like "
    "korle protiti like e 50 taka. Amader Telegrm group e join korun: t.me/earnbd24"
)
LOGO = (
    "Hi, I run a small bakery and need a logo for our new shop. Budget is $50. Could you share "
    "samples of your past logo work? Don't tell me you can't meet a deadline of next Friday."
)


def slugs(findings):
    return [finding.flag.slug for finding in findings]


def test_a_banglish_telegram_like_task_is_danger_with_the_task_and_telegram_quoted():
    findings = find_flags(FLAGS, read_pasted(TELEGRAM))
    assert verdict(findings) == DANGER
    quotes = {finding.flag.slug: finding.quotes for finding in findings}
    assert quotes["paid-tasks"] == ("video like",)
    assert "Telegrm" in quotes["move-to-chat"]  # misspelt, still found, quoted as written
    assert "t.me" in quotes["move-to-chat"]
    assert quotes["fixed-income"] == ("protidin 500-1000 taka",)


def test_a_real_clients_logo_message_finds_nothing():
    # "Don't tell me" must not read as t.me: a one-letter word matches only side by side.
    assert find_flags(FLAGS, read_pasted(LOGO)) == []
    assert verdict([]) == NONE


def test_bangla_digits_and_endings_are_found():
    findings = find_flags(FLAGS, read_pasted("প্রতিদিন ৫০০ টাকা আয়, টাকা বিকাশে পাঠান"))
    assert slugs(findings) == ["fixed-income", "mobile-wallet"]
    assert findings[1].quotes == ("বিকাশে",)
    assert verdict(findings) == CAUTION  # 2 + 1 is not yet a danger


def test_two_strong_signs_make_a_danger_and_one_caution_does_not():
    strong = find_flags(FLAGS, read_pasted("Telegram e aso, protidin 800 taka"))
    assert verdict(strong) == DANGER
    assert verdict(find_flags(FLAGS, read_pasted("bkash number din"))) == CAUTION


def test_answers_count_without_a_message_and_heaviest_come_first():
    findings = find_flags(FLAGS, None, answered=["mobile-wallet", "paid-tasks", "unknown"])
    assert slugs(findings) == ["paid-tasks", "mobile-wallet"]
    assert all(finding.answered and not finding.quotes for finding in findings)


def test_markup_is_quoted_as_text_for_the_template_to_escape():
    findings = find_flags(FLAGS, read_pasted("<b>whatsapp</b> me"))
    assert findings[0].quotes == ("whatsapp",)


def test_names_found_finds_skills_in_banglish_and_bangla():
    named = {1: ["Graphic design", "গ্রাফিক ডিজাইন"], 2: ["Web development"]}
    assert names_found(read_pasted("graphic design course e vorti"), named) == {1}
    assert names_found(read_pasted("গ্রাফিক ডিজাইনের কোর্স"), named) == {1}


@pytest.mark.parametrize(
    ("raw", "code"), [("", "empty"), ("  \n ", "empty"), ("a" * 5001, "too_long"), ("ab\x00cd", "binary")]
)
def test_unreadable_text_is_refused_with_a_reason(raw, code):
    with pytest.raises(PasteError) as error:
        read_pasted(raw)
    assert error.value.code == code
