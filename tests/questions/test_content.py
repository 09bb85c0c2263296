"""The answered questions shipped in questions/content/."""

import pytest

from questions.models import Question

pytestmark = pytest.mark.django_db


def test_the_shipped_questions_are_published_answered_and_linked(shipped_content):
    questions = list(Question.objects.published())
    assert len(questions) >= 3
    for question in questions:
        assert question.question_bn and question.question_en, question.slug
        assert question.body_html_bn and question.body_html_en, question.slug
        assert question.guides.exists(), question.slug


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_a_shipped_question_shows_on_its_guide(client, shipped_content, lang):
    question = Question.objects.get(slug="start-with-only-a-phone")
    page = client.get(f"/{lang}/guides/freelancing-from-a-phone/").content.decode()
    assert getattr(question, f"question_{lang}") in page
    assert f'href="/{lang}/questions/start-with-only-a-phone/"' in page
