"""Publish at / unpublish at: readers see the old state until the time, the new one after one
runner pass (pages, lists, sitemap, search, an already cached page); one claim per schedule."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.utils import timezone, translation

from editorial import schedules
from editorial.models import Schedule
from editorial.registry import page_models
from guides.models import Guide
from tests import factories

pytestmark = pytest.mark.django_db

AT = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC) - datetime.timedelta(hours=6)  # 9:00 in Dhaka
BEFORE = AT - datetime.timedelta(seconds=1)
AFTER = AT + datetime.timedelta(seconds=30)


def schedule(obj, action, at=AT, **fields):
    return Schedule.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, action=action, at=at, **fields
    )


def reader_sees(client, guide):
    """Where readers can meet the guide, each True/False (English and Bangla page, list, sitemap, search)."""
    return {
        "page_en": client.get(f"/en/guides/{guide.slug}/").status_code == 200,
        "page_bn": client.get(f"/bn/guides/{guide.slug}/").status_code == 200,
        "list": f"/en/guides/{guide.slug}/" in client.get("/en/guides/").content.decode(),
        "sitemap": f"/guides/{guide.slug}/" in client.get("/sitemap.xml").content.decode(),
        "search": f"/en/guides/{guide.slug}/" in client.get("/en/search/", {"q": "Zanzibarish"}).content.decode(),
    }


@pytest.fixture
def guide():
    return factories.guide(slug="scheduled", title_en="Zanzibarish payouts", path_position=1)


def test_unpublish_at_reaches_readers_after_one_pass_and_not_before(client, guide):
    schedule(guide, Schedule.UNPUBLISH)
    assert all(reader_sees(client, guide).values())  # pages now cached, the cache primed

    assert schedules.run_due(now=BEFORE) == 0
    assert all(reader_sees(client, guide).values())

    assert schedules.run_due(now=AFTER) == 1
    assert reader_sees(client, guide) == dict.fromkeys(reader_sees(client, guide), False)
    row = Schedule.objects.get()
    assert row.done_at == AFTER and row.outcome == "unpublished"


def test_publish_at_reaches_readers_after_one_pass_and_not_before(client, guide):
    Guide.objects.filter(pk=guide.pk).update(published=False)
    guide.refresh_from_db()
    guide.save()  # through save(), as an editor would: the search index drops it
    schedule(guide, Schedule.PUBLISH)
    assert not any(reader_sees(client, guide).values())

    schedules.run_due(now=BEFORE)
    assert not any(reader_sees(client, guide).values())

    schedules.run_due(now=AFTER)
    assert all(reader_sees(client, guide).values())


def test_the_runner_uses_the_clock_when_not_given_a_time(guide):
    schedule(guide, Schedule.UNPUBLISH, at=timezone.now() + datetime.timedelta(hours=1))
    schedule(guide, Schedule.UNPUBLISH, at=timezone.now() - datetime.timedelta(minutes=5))  # saved in the past
    assert schedules.run_due() == 1
    guide.refresh_from_db()
    assert not guide.published
    assert schedules.pending().count() == 1


@pytest.mark.parametrize(
    ("first", "then", "published"),
    [(Schedule.UNPUBLISH, Schedule.PUBLISH, True), (Schedule.PUBLISH, Schedule.UNPUBLISH, False)],
)
def test_past_schedules_are_applied_in_time_order(guide, first, then, published):
    # Created in the opposite order to their times, so row order cannot explain the result.
    schedule(guide, then, at=AT - datetime.timedelta(minutes=1))
    schedule(guide, first, at=AT - datetime.timedelta(minutes=2))
    assert schedules.run_due(now=AFTER) == 2
    guide.refresh_from_db()
    assert guide.published is published


def test_two_runners_claim_a_schedule_once(guide):
    row = schedule(guide, Schedule.UNPUBLISH)
    assert schedules.claim(row, AFTER) is True
    assert schedules.claim(row, AFTER) is False  # the second runner, having read the row before the first claim


def test_a_schedule_another_runner_claimed_is_not_applied_again(guide, monkeypatch):
    row = schedule(guide, Schedule.UNPUBLISH)
    applied = []
    monkeypatch.setitem(schedules.APPLY, Schedule.UNPUBLISH, applied.append)
    real_claim = schedules.claim

    def rival_claims_first(candidate, now):
        real_claim(candidate, now)  # the other machine's UPDATE commits between our read and ours
        return real_claim(candidate, now)

    monkeypatch.setattr(schedules, "claim", rival_claims_first)
    assert schedules.run_due(now=AFTER) == 0
    assert applied == []
    monkeypatch.setattr(schedules, "claim", real_claim)
    assert schedules.run_due(now=AFTER) == 0  # done is done: a later pass leaves it too
    row.refresh_from_db()
    assert row.done_at == AFTER


def test_a_failing_item_does_not_stop_the_others(guide, monkeypatch):
    other = factories.guide()
    schedule(guide, Schedule.UNPUBLISH, at=AT - datetime.timedelta(minutes=1))
    schedule(other, Schedule.UNPUBLISH)

    def broken(obj):
        if obj.pk == guide.pk:
            raise RuntimeError("disk full")
        obj.published = False
        obj.save()

    monkeypatch.setitem(schedules.APPLY, Schedule.UNPUBLISH, broken)
    assert schedules.run_due(now=AFTER) == 1
    other.refresh_from_db()
    assert not other.published
    assert Schedule.objects.get(object_id=guide.pk).outcome.startswith("failed")


def test_deleting_an_item_deletes_its_schedules(guide):
    keep = factories.guide()
    schedule(guide, Schedule.UNPUBLISH)
    schedule(keep, Schedule.UNPUBLISH)
    guide.delete()
    assert list(Schedule.objects.values_list("object_id", flat=True)) == [keep.pk]


def test_every_page_model_with_a_published_field_can_be_scheduled():
    with_published = {m for m in page_models() if any(f.name == "published" for f in m._meta.fields)}
    assert Guide in with_published
    assert set(schedules.schedulable_models()) == with_published


# --- the admin -------------------------------------------------------------------------------


def test_the_change_form_has_the_schedule_rows_in_bangladesh_time(staff_client, guide):
    schedule(guide, Schedule.PUBLISH)
    response = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/", headers={"accept-language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "editorial-schedule-content_type-object_id-TOTAL_FORMS" in html
    assert "Asia/Dhaka" in html
    # 9:00 in Dhaka is shown as 9:00, not as the 3:00 UTC it is stored as.
    assert 'value="09:00:00"' in html
    bangla = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/", headers={"accept-language": "bn"})
    assert "নির্ধারিত পরিবর্তন (বাংলাদেশের সময়" in bangla.content.decode()


def test_saving_a_schedule_records_who_and_says_a_past_time_is_applied_next_pass(rf, admin_user, guide):
    model_admin = admin.site._registry[Guide]
    request = rf.post(f"/admin/guides/guide/{guide.pk}/change/")
    request.user = admin_user
    request._messages = CookieStorage(request)
    inline = next(i for i in model_admin.get_inline_instances(request, guide) if i.model is Schedule)
    FormSet = inline.get_formset(request, guide)
    prefix = FormSet.get_default_prefix()
    past = timezone.localtime(timezone.now() - datetime.timedelta(hours=1))
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-action": "unpublish",
        f"{prefix}-0-at_0": past.strftime("%Y-%m-%d"),
        f"{prefix}-0-at_1": past.strftime("%H:%M:%S"),
    }
    formset = FormSet(data, instance=guide, prefix=prefix)
    assert formset.is_valid(), formset.errors
    with translation.override("en"):
        model_admin.save_formset(request, None, formset, change=True)
    row = Schedule.objects.get()
    assert row.created_by == request.user and row.item == guide and row.done_at is None
    assert any("next pass" in str(m) for m in request._messages)


def test_changelist_shows_the_next_change_and_filters_scheduled_items(staff_client, guide):
    quiet = factories.guide(title_en="Nothing planned here")
    schedule(guide, Schedule.UNPUBLISH, at=AT + datetime.timedelta(days=1))
    schedule(guide, Schedule.PUBLISH)  # the earlier one is the next
    schedule(guide, Schedule.UNPUBLISH, at=AT - datetime.timedelta(days=1), done_at=AT)  # done: not next
    en = {"accept-language": "en"}
    html = staff_client.get("/admin/guides/guide/", headers=en).content.decode()
    assert "Next scheduled change" in html
    assert "publish: Nov. 27, 2026, 9 a.m. (Bangladesh time)" in html
    scheduled = staff_client.get("/admin/guides/guide/?scheduled=yes", headers=en).content.decode()
    assert guide.title_en in scheduled and quiet.title_en not in scheduled
    unscheduled = staff_client.get("/admin/guides/guide/?scheduled=no", headers=en).content.decode()
    assert guide.title_en not in unscheduled and quiet.title_en in unscheduled


# --- the runner as `make run` and the process manager start it -----------------------------


def _database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_run_schedules_once_applies_a_due_change_in_its_own_process():
    guide = factories.guide(slug="by-the-runner")
    due = schedule(guide, Schedule.UNPUBLISH, at=timezone.now() - datetime.timedelta(seconds=5))
    later = schedule(guide, Schedule.PUBLISH, at=timezone.now() + datetime.timedelta(hours=1))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "freelanceguide.settings.test", "DATABASE_URL": _database_url()}
    result = subprocess.run(
        [sys.executable, "manage.py", "run_schedules", "--once"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1 scheduled change(s) applied" in result.stdout
    guide.refresh_from_db()
    due.refresh_from_db()
    later.refresh_from_db()
    assert not guide.published and due.done_at is not None and later.done_at is None


def test_make_run_starts_the_runner_beside_gunicorn_and_stops_it_with_gunicorn():
    recipe = (Path(settings.BASE_DIR) / "Makefile").read_text().split("\nrun: prepare\n", 1)[1].split("\n\n", 1)[0]
    assert "run_schedules &" in recipe
    assert "kill $$books $$schedules" in recipe
