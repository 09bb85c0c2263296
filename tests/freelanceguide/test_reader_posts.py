import datetime

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from freelanceguide import reader_posts


def _view(request):
    return HttpResponse("sent")


guarded = reader_posts.reader_post("test")(_view)


def _post(data=None, ip="10.0.0.1", **extra):
    return RequestFactory().post("/bn/x/", data or {"a": "b"}, REMOTE_ADDR=ip, **extra)


def test_the_daily_key_hides_the_address_and_changes_every_day(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.7")
    today = datetime.date(2026, 12, 6)
    key = reader_posts.daily_address_key(request, today)
    assert "203.0.113.7" not in key
    assert key == reader_posts.daily_address_key(request, today)
    assert key != reader_posts.daily_address_key(request, today + datetime.timedelta(days=1))
    assert key != reader_posts.daily_address_key(rf.get("/", REMOTE_ADDR="203.0.113.8"), today)


def test_a_post_is_answered_uncached_without_a_csrf_token(db):
    response = guarded(_post(ip="10.0.0.2"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and not response.cookies
    assert getattr(guarded, "csrf_exempt", False)


def test_a_get_answer_is_the_views_own(db, rf):
    response = guarded(rf.get("/bn/x/"))
    assert response.status_code == 200 and not response.has_header("Cache-Control")


def test_more_than_five_posts_a_minute_from_one_address_get_429_in_bangla(db):
    codes = [guarded(_post(ip="10.0.0.3")).status_code for _ in range(7)]
    assert codes == [200] * 5 + [429, 429]
    refused = guarded(_post(ip="10.0.0.3"))
    assert int(refused["Retry-After"]) <= 60
    assert "অনেকবার" in refused.content.decode()
    assert guarded(_post(ip="10.0.0.4")).status_code == 200  # another address is not held back


def test_the_minute_window_moves_on():
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.5")
    now = timezone.now().replace(second=5)
    assert not any(reader_posts.over_the_limit(request, "window", limit=2, now=now) for _ in range(2))
    assert reader_posts.over_the_limit(request, "window", limit=2, now=now)
    assert not reader_posts.over_the_limit(request, "window", limit=2, now=now + datetime.timedelta(minutes=1))


def test_a_filled_honeypot_is_a_400_and_an_oversized_body_a_413(db):
    assert guarded(_post({"website": "http://spam.example"}, ip="10.0.0.6")).status_code == 400
    big = _post({"text": "ক" * 4000}, ip="10.0.0.7")
    response = guarded(big)
    assert response.status_code == 413 and "no-store" in response["Cache-Control"]


def test_other_methods_are_refused(rf):
    assert guarded(rf.put("/bn/x/")).status_code == 405
