"""Which pages may be answered about, and how answers are counted (feedback/answers.py)."""

import datetime

import pytest

from feedback import answers, retention
from feedback.models import PageDay, Sentence
from tests import factories

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 12, 6)


@pytest.fixture
def guide():
    return factories.guide(slug="answerable", title_en="Answerable", title_bn="উত্তর")


def test_published_reader_pages_in_either_language_can_be_answered_about(guide):
    assert answers.answerable("/bn/guides/answerable/")
    assert answers.answerable("/en/guides/answerable/")
    assert answers.answerable("/en/path/") and answers.answerable("/bn/money/")


@pytest.mark.parametrize(
    "path",
    [
        "/bn/guides/no-such-guide/",
        "/bn/guides/",  # a list answers no question
        "/admin/",
        "/fr/guides/answerable/",
        "guides/answerable/",
        "https://evil.example/bn/guides/answerable/",
        "/bn/guides/answerable/" + "x" * 300,
        "/bn/guides/উত্তর/",
        None,
    ],
)
def test_other_paths_are_refused(guide, path):
    assert not answers.answerable(path)


def test_an_unpublished_item_cannot_be_answered_about():
    factories.guide(slug="hidden", published=False)
    assert not answers.answerable("/en/guides/hidden/")


def test_answers_are_counted_in_one_row_per_page_and_day(guide):
    for helped in (True, False, False):
        answers.count_answer("/bn/guides/answerable/", helped, day=DAY)
    answers.add_what_was_missing("/bn/guides/answerable/", "hard", "  কঠিন লাগল  ", day=DAY)
    answers.add_what_was_missing("/bn/guides/answerable/", "wrong_facts", "", day=DAY)
    row = PageDay.objects.get()
    assert (row.yes, row.no, row.hard, row.wrong_facts, row.unanswered) == (1, 2, 1, 1, 0)
    assert list(Sentence.objects.values_list("text", "reason")) == [("কঠিন লাগল", "hard")]


def test_sentences_stop_being_kept_past_the_days_cap_but_reasons_still_count(guide):
    for number in range(answers.SENTENCES_PER_PAGE_PER_DAY + 5):
        answers.add_what_was_missing("/en/guides/answerable/", "other", f"sentence {number}", day=DAY)
    assert Sentence.objects.count() == answers.SENTENCES_PER_PAGE_PER_DAY
    assert PageDay.objects.get().other == answers.SENTENCES_PER_PAGE_PER_DAY + 5


def test_handled_sentences_are_deleted_after_the_retention_and_others_stay(guide, settings):
    settings.FEEDBACK_TEXT_RETENTION_DAYS = 90
    old = Sentence.objects.create(path="/en/x/", day=DAY, reason="other", text="old, handled")
    old.handled_on = DAY - datetime.timedelta(days=91)
    old.save()
    recent = Sentence.objects.create(path="/en/x/", day=DAY, reason="other", text="handled lately")
    recent.handled_on = DAY - datetime.timedelta(days=10)
    recent.save()
    waiting = Sentence.objects.create(path="/en/x/", day=DAY - datetime.timedelta(days=400), reason="hard", text="new")
    assert retention.delete_old_handled_text(today=DAY) == 1
    assert set(Sentence.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    settings.FEEDBACK_TEXT_RETENTION_DAYS = 5
    assert retention.delete_old_handled_text(today=DAY) == 1
