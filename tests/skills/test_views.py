"""Skill pages: grouped list, filters that work without JavaScript, a skill with how to learn and where to sell."""

import pytest

from skills.models import Skill
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    design = factories.category(slug="design", name_en="Design", position=1)
    writing = factories.category(slug="writing", name_en="Writing", position=2)
    return {
        "logo": factories.skill(slug="logo", name_en="Logo design", category=design, phone="partly"),
        "web": factories.skill(
            slug="web", name_en="Web design", category=design, phone="no", difficulty="intermediate"
        ),
        "articles": factories.skill(slug="articles", name_en="Articles", category=writing, phone="yes"),
        "android": factories.skill(
            slug="android", name_en="Android apps", category=design, phone="no", difficulty="advanced"
        ),
    }


def names_on(client, url):
    page = client.get(url).content.decode()
    return {name for name in ("Logo design", "Web design", "Articles", "Android apps") if f">{name}</a>" in page}


def test_list_groups_skills_by_category(client, catalogue):
    page = client.get("/en/skills/").content.decode()
    assert page.index(">Design</h2>") < page.index("Logo design") < page.index(">Writing</h2>") < page.index("Articles")


def test_phone_filter_keeps_skills_that_work_on_a_phone(client, catalogue):
    assert names_on(client, "/en/skills/?phone=on") == {"Logo design", "Articles"}


def test_difficulty_filter(client, catalogue):
    assert names_on(client, "/en/skills/?difficulty=intermediate") == {"Web design"}
    assert names_on(client, "/en/skills/?difficulty=beginner&phone=on") == {"Logo design", "Articles"}


def test_filters_are_a_plain_get_form(client, catalogue):
    page = client.get("/en/skills/").content.decode()
    assert '<form class="filters" method="get" action="/en/skills/">' in page
    assert 'name="phone"' in page and 'name="difficulty"' in page


def test_an_unknown_filter_value_is_explained_not_an_error(client, catalogue):
    response = client.get("/en/skills/?difficulty=%3Cscript%3E")
    assert response.status_code == 200
    page = response.content.decode()
    assert "One filter was not understood" in page
    assert "<script>" not in page
    assert names_on(client, "/en/skills/?difficulty=%3Cscript%3E") == {
        "Logo design",
        "Web design",
        "Articles",
        "Android apps",
    }


def test_no_match_says_so(client, catalogue):
    Skill.objects.filter(phone__in=["yes", "partly"]).update(difficulty="advanced")
    page = client.get("/en/skills/?phone=on&difficulty=beginner").content.decode()
    assert "No skill matches these filters." in page


def test_skill_page_shows_how_to_learn_where_to_sell_and_guides(client, catalogue):
    skill = catalogue["logo"]
    factories.resource(skill, title_en="Free logo videos", kind="free_video")
    factories.resource(skill, title_en="Logo course", kind="training_centre", cost_min_bdt=3000, cost_max_bdt=8000)
    market = factories.marketplace(slug="fiverr", name_en="Fiverr")
    other = factories.marketplace(slug="99designs", name_en="99designs")
    market.skills.add(skill)
    other.skills.add(skill)
    guide = factories.guide(slug="start", title_en="How to start")
    guide.skills.add(skill)
    page = client.get("/en/skills/logo/").content.decode()
    assert "Free logo videos" in page and "Free online course or video" in page
    assert "Logo course" in page and "Training centre" in page and "about ৳3,000–8,000" in page
    assert 'href="/en/marketplaces/fiverr/"' in page
    assert 'href="/en/guides/start/"' in page
    assert "/en/marketplaces/compare/?m=fiverr&amp;m=99designs" in page or "m=99designs&amp;m=fiverr" in page
    assert "Figma, Canva" in page
    assert "Some of it works on a phone." in page


def test_bangla_skill_page_uses_bangla_digits(client, catalogue):
    factories.resource(catalogue["logo"], kind="paid_course", cost_min_bdt=1500, cost_max_bdt=5000)
    page = client.get("/bn/skills/logo/").content.decode()
    assert "১,৫০০–৫,০০০" in page
    assert "৩–৬" in page


def test_unpublished_skill_is_404(client, catalogue):
    Skill.objects.filter(slug="web").update(published=False)
    assert client.get("/en/skills/web/").status_code == 404
    assert "Web design" not in client.get("/en/skills/").content.decode()
