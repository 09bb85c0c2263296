"""'Did this page help?' from a cached page, without JavaScript, in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from feedback.models import PageDay, Sentence
from tests import factories

pytestmark = pytest.mark.django_db
GUIDE = "/bn/guides/helpful/"


@pytest.fixture
def guide():
    return factories.guide(slug="helpful", title_en="Helpful", title_bn="কাজের")


@pytest.mark.parametrize(
    "path",
    ["/bn/guides/helpful/", "/en/guides/helpful/", "/en/path/", "/bn/money/"],
)
def test_answerable_pages_carry_the_question_with_no_token_or_cookie(client, guide, path):
    first = client.get(path)
    html = first.content.decode()
    assert "data-feedback" in html and 'action="/' + path.split("/")[1] + '/feedback/"' in html
    assert f'name="page" value="{path}"' in html
    assert "csrfmiddlewaretoken" not in html and not first.cookies
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)
    assert len(queries) == 0 and second.content == first.content  # still one cached page for everyone


def test_yes_thanks_the_reader_in_bangla_with_a_link_back(client, guide):
    response = client.post("/bn/feedback/", {"page": GUIDE, "helped": "yes"})
    html = response.content.decode()
    assert response.status_code == 200 and 'lang="bn"' in html
    assert "ধন্যবাদ" in html and f'href="{GUIDE}"' in html
    assert "no-cache" in response["Cache-Control"] and not response.cookies
    assert PageDay.objects.get().yes == 1


def test_no_asks_what_was_missing_then_keeps_the_sentence_escaped(client, guide, admin_client):
    client.get(GUIDE)  # the page is cached before and after
    cached = client.get(GUIDE).content
    asked = client.post("/bn/feedback/", {"page": GUIDE, "helped": "no"})
    assert asked.status_code == 200 and "কী ছিল না" in asked.content.decode()
    assert 'name="reason"' in asked.content.decode()
    sent = client.post(
        "/bn/feedback/missing/",
        {"page": GUIDE, "reason": "hard", "text": "<script>alert(1)</script> বুঝিনি"},
    )
    assert sent.status_code == 200 and "ধন্যবাদ" in sent.content.decode()
    row = PageDay.objects.get()
    assert (row.no, row.hard) == (1, 1)
    assert Sentence.objects.get().text == "<script>alert(1)</script> বুঝিনি"
    assert client.get(GUIDE).content == cached
    needs = admin_client.get("/admin/feedback/needs/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; বুঝিনি" in needs and "<script>alert(1)" not in needs


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/bn/feedback/", {"page": "/bn/guides/none/", "helped": "no"}),
        ("/bn/feedback/", {"page": GUIDE, "helped": "maybe"}),
        ("/bn/feedback/", {"helped": "yes"}),
        ("/en/feedback/missing/", {"page": "/admin/", "reason": "hard"}),
    ],
)
def test_junk_gets_a_400_page_in_the_readers_language(client, guide, url, data):
    response = client.post(url, data)
    assert response.status_code == 400
    assert response["Content-Language"] == url.split("/")[1]
    assert not PageDay.objects.exists()


def test_a_bad_reason_or_binary_sentence_shows_the_form_again_with_an_error(client, guide):
    for data in (
        {"reason": "nonsense"},
        {"reason": "hard", "text": "bad\x00bytes"},
        {"reason": "hard", "text": "x" * 501},
    ):
        response = client.post("/en/feedback/missing/", {"page": "/en/guides/helpful/", **data})
        assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not Sentence.objects.exists()


def test_a_get_of_the_post_address_is_refused(client):
    assert client.get("/bn/feedback/").status_code == 405


def test_a_flood_gets_429_and_does_not_grow_the_table(client, guide):
    codes = [client.post("/bn/feedback/", {"page": GUIDE, "helped": "no"}).status_code for _ in range(8)]
    assert codes.count(429) == 3
    assert PageDay.objects.count() == 1 and PageDay.objects.get().no == 5
