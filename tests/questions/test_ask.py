"""Asking: the form, its errors in the reader's language, the guard, the thanks."""

import pytest

from freelanceguide.reader_posts import HONEYPOT_FIELD
from questions.models import Question

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["bn", "en"])
def test_the_form_has_no_csrf_token_and_says_what_is_kept(client, lang):
    response = client.get(f"/{lang}/questions/ask/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in page
    assert f'name="{HONEYPOT_FIELD}"' in page
    assert 'class="honeypot" aria-hidden="true"' in page
    assert "style=" not in page
    assert not response.cookies
    kept = "শুধু আপনার প্রশ্নের কথাগুলো" if lang == "bn" else "only the words of your question"
    assert kept in page


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 1001, "hello\x00world", "<b></b><br>", "bad \x07 bell"],
)
def test_bad_input_gets_the_form_again_with_a_bangla_error(client, text):
    response = client.post("/bn/questions/ask/", {"question": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "আপনার প্রশ্ন পাঠানো হয়নি" in page
    assert not Question.objects.exists()


def test_the_honeypot_gets_a_400(client):
    response = client.post("/bn/questions/ask/", {"question": "কীভাবে শুরু করব?", HONEYPOT_FIELD: "http://spam"})
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_the_sixth_post_in_a_minute_gets_a_429(client):
    for number in range(5):  # five different questions: a repeat is stored once
        assert client.post("/en/questions/ask/", {"question": f"How do I start {number}?"}).status_code == 200
    response = client.post("/en/questions/ask/", {"question": "How do I start 5?"})
    assert response.status_code == 429
    assert Question.objects.count() == 5


@pytest.mark.parametrize(
    ("lang", "thanks"),
    [("bn", "প্রশ্নের জন্য ধন্যবাদ"), ("en", "Thank you for your question")],
)
def test_a_question_is_stored_unpublished_and_thanked_in_the_readers_language(client, lang, thanks):
    response = client.post(
        f"/{lang}/questions/ask/", {"question": "  শুধু ফোন দিয়ে কি <b>শুরু</b> করা যায়?  ", "next": f"/{lang}/guides/x/"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert thanks in page
    assert f'href="/{lang}/guides/x/"' in page
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    question = Question.objects.get()
    assert question.asked_text == "শুধু ফোন দিয়ে কি <b>শুরু</b> করা যায়?"
    assert question.asked_language == lang
    assert question.asked_on is not None
    assert not question.published


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_an_outside_next_address_is_never_linked(client, next_url):
    page = client.post("/en/questions/ask/", {"question": "How?", "next": next_url}).content.decode()
    assert "evil.example" not in page
    assert "javascript:" not in page


def test_a_flood_of_questions_stops_at_the_days_cap_and_repeats_are_kept_once(client, monkeypatch):
    from questions import pages

    monkeypatch.setattr(pages, "QUESTIONS_PER_DAY", 3)
    for number in range(2):
        client.post("/bn/questions/ask/", {"question": "একই প্রশ্ন"}, REMOTE_ADDR=f"10.1.0.{number}")
    assert Question.objects.count() == 1
    for number in range(2):
        client.post("/bn/questions/ask/", {"question": f"প্রশ্ন {number}"}, REMOTE_ADDR=f"10.2.0.{number}")
    refused = client.post("/bn/questions/ask/", {"question": "আরেকটি"}, REMOTE_ADDR="10.3.0.1")
    assert refused.status_code == 400 and "কাল আবার" in refused.content.decode()
    assert Question.objects.count() == 3
