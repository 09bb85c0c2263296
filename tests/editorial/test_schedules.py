"""Publish at / unpublish at: readers see the old state until the time, the new one after one
runner pass (pages, lists, sitemap, search, an already cached page); one claim per schedule."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.utils import timezone

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


def test_the_change_form_shows_the_waiting_schedules_in_bangladesh_time(staff_client, guide):
    schedule(guide, Schedule.PUBLISH)
    schedule(guide, Schedule.PUBLISH, at=AT + datetime.timedelta(days=2))  # later: not shown
    schedule(guide, Schedule.UNPUBLISH, at=AT - datetime.timedelta(days=1), done_at=AT)  # done: not shown
    response = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/", headers={"accept-language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Asia/Dhaka" in html
    # 9:00 in Dhaka is shown as 9:00, not as the 3:00 UTC it is stored as.
    assert 'name="publish_at_0" value="2026-11-27"' in html and 'name="publish_at_1" value="09:00:00"' in html
    assert 'name="unpublish_at_0" class="vDateField" size="10" id="id_unpublish_at_0"' in html  # empty
    bangla = staff_client.get(f"/admin/guides/guide/{guide.pk}/change/", headers={"accept-language": "bn"})
    assert "বাংলাদেশের সময় (Asia/Dhaka, UTC+6)" in bangla.content.decode()


def test_an_editor_schedules_from_the_change_form_and_is_told_a_past_time_runs_next_pass(staff_client, guide):
    url = f"/admin/guides/guide/{guide.pk}/change/"
    past = timezone.localtime(timezone.now() - datetime.timedelta(hours=1))
    form = factories.guide_form(
        guide,
        path_position="1",
        publish_at_0="2026-12-01",
        publish_at_1="09:00",
        unpublish_at_0=past.strftime("%Y-%m-%d"),
        unpublish_at_1=past.strftime("%H:%M:%S"),
    )
    response = staff_client.post(url, form, follow=True, headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "applied on the runner&#x27;s next pass" in response.content.decode()
    rows = {row.action: row for row in Schedule.objects.all()}
    assert timezone.localtime(rows[Schedule.PUBLISH].at).strftime("%Y-%m-%d %H:%M %Z") == "2026-12-01 09:00 +06"
    assert rows[Schedule.PUBLISH].created_by.username == "editor" and rows[Schedule.PUBLISH].item == guide

    # Moving a time moves the waiting row; no second row appears.
    staff_client.post(
        url,
        factories.guide_form(
            guide, path_position="1", publish_at_0="2026-12-02", publish_at_1="10:00", unpublish_at_0=""
        ),
    )
    assert Schedule.objects.filter(action=Schedule.PUBLISH).count() == 1
    assert timezone.localtime(Schedule.objects.get().at).hour == 10
    # Emptied above: the unpublish is cancelled. A form without the fields changes nothing.
    assert not Schedule.objects.filter(action=Schedule.UNPUBLISH).exists()
    assert staff_client.post(url, factories.guide_form(guide, path_position="1")).status_code == 302
    assert Schedule.objects.filter(action=Schedule.PUBLISH).count() == 1


def test_the_schedules_list_shows_each_outcome(staff_client, guide):
    schedule(guide, Schedule.UNPUBLISH)
    schedules.run_due(now=AFTER)
    html = staff_client.get("/admin/editorial/schedule/", headers={"accept-language": "bn"}).content.decode()
    assert "সাইট থেকে সরানো হয়েছে" in html


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
    user, password = quote(db["USER"] or "", safe=""), quote(db["PASSWORD"] or "", safe="")
    host = quote(db["HOST"] or "localhost", safe="")  # a Unix socket folder too (scripts/with_services.sh)
    return f"postgres://{user}:{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


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


def test_a_scheduled_publish_of_a_live_guide_puts_its_draft_live_at_the_time(staff_client, guide):
    """The issue's editor: changes a live guide in both languages, schedules it for 9:00;
    readers see the old text until then and the new text after the runner's pass."""
    client = Client()  # a reader, not the signed-in editor
    form = factories.guide_form(
        guide, path_position="1", body_bn="নতুন লেখা, নয়টায়", body_en="New text for nine in the morning"
    )
    assert staff_client.post(f"/admin/guides/guide/{guide.pk}/change/", form).status_code == 302
    schedule(guide, Schedule.PUBLISH)
    assert "nine in the morning" not in client.get(f"/en/guides/{guide.slug}/").content.decode()  # cached now

    schedules.run_due(now=BEFORE)
    assert "nine in the morning" not in client.get(f"/en/guides/{guide.slug}/").content.decode()
    assert "নতুন লেখা" not in client.get(f"/bn/guides/{guide.slug}/").content.decode()

    schedules.run_due(now=AFTER)
    assert "nine in the morning" in client.get(f"/en/guides/{guide.slug}/").content.decode()
    assert "নতুন লেখা" in client.get(f"/bn/guides/{guide.slug}/").content.decode()
