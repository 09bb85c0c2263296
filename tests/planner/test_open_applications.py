"""The plan lists the training programmes teaching its skills that take applications now
(planner.pages.open_applications, on training dates), in one query with the programmes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from freelanceguide import locale_format
from planner.answers import Answers
from planner.pages import open_applications, plan_data
from planner.plan import build_plan
from tests import factories
from tests.planner.test_plan import make_skill

pytestmark = pytest.mark.django_db


def in_days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def programmes():
    skill = make_skill(slug="design")
    made = {
        name: factories.programme(slug=name, name_en=name.title(), skills=[skill])
        for name in ("open", "opened", "later", "past", "not-yet", "undated")
    }
    factories.programme_date(made["open"], in_days(9))
    factories.programme_date(made["opened"], in_days(-5), kind="opens")
    factories.programme_date(made["opened"], in_days(4))
    factories.programme_date(made["later"], in_days(30))
    factories.programme_date(made["later"], in_days(2), kind="test")
    factories.programme_date(made["past"], in_days(-1))
    factories.programme_date(made["not-yet"], in_days(3), kind="opens")
    factories.programme_date(made["not-yet"], in_days(20))
    factories.programme_date(factories.programme(slug="other-skill"), in_days(5))
    return made


def test_programmes_open_now_for_the_plans_skills_soonest_deadline_first(programmes):
    plan = build_plan(Answers(interests=("design",)), *plan_data())
    assert [p.slug for p in open_applications(plan)] == ["opened", "open", "later"]


def test_open_applications_cost_no_extra_query(programmes):
    with CaptureQueriesContext(connection) as queries:
        plan = build_plan(Answers(interests=("design",)), *plan_data())
        open_applications(plan)
    assert len(queries) == 4  # skills, their marketplaces, their programmes (with dates), advice


def test_the_plan_page_shows_them_in_both_languages(client, programmes):
    english = client.get("/en/path/?like=design").content.decode()
    section = english.split("data-open-applications")[1].split("</section>")[0]
    assert section.index(">Opened</a>") < section.index(">Open</a>") < section.index(">Later</a>")
    assert ">Past</a>" not in section and ">Not-Yet</a>" not in section and ">Undated</a>" not in section
    bangla = client.get("/bn/path/?like=design").content.decode()
    section = bangla.split("data-open-applications")[1].split("</section>")[0]
    assert "এখন আবেদন নিচ্ছে যে প্রশিক্ষণ" in bangla and "আবেদনের শেষ দিন" in section
    assert locale_format.format_date(in_days(4), "bn") in section  # Bangla digits and month
    assert locale_format.format_date(in_days(4), "en") in english


def test_no_open_application_no_section(client):
    make_skill(slug="design")
    assert "data-open-applications" not in client.get("/en/path/?like=design").content.decode()
